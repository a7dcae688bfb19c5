"""A save cut short at any point leaves the old project file or the new one, never a broken one.

Two ways of cutting it short: an exception raised at each step of the atomic write (open,
write, flush, fsync, chmod, rename), and a child process SIGKILLed while it saves in a loop.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.store import atomic
from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.store.projects import Project, load_project, save_project

OLD = Project(text="The old script. " * 2000, notes="old")
NEW = Project(text="新的文稿。" * 4000, notes="new")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (tmp_path also holds the isolated home of the test session)."""
    path = tmp_path / "projects"
    path.mkdir()
    return path


class SimulatedCrashError(Exception):
    pass


def _raise(*_args: object, **_kwargs: object) -> Any:
    raise SimulatedCrashError


class _HalfWriter:
    """A file object that writes half of the data, then fails (a full disk, a yanked USB)."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise SimulatedCrashError

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _half_fdopen(real: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: _HalfWriter(real(*args, **kwargs))


@pytest.mark.parametrize(
    "break_at",
    ["open", "fdopen-write", "chmod", "fsync", "replace"],
)
def test_a_failing_save_keeps_the_old_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, break_at: str
) -> None:
    path = folder / "book.scproj"
    save_project(path, OLD)
    before = path.read_bytes()
    patches: dict[str, Callable[..., Any]] = {
        "open": _raise,
        "fdopen-write": _half_fdopen(os.fdopen),
        "chmod": _raise,
        "fsync": _raise,
        "replace": _raise,
    }
    target = {"fdopen-write": "fdopen"}.get(break_at, break_at)
    monkeypatch.setattr(atomic.os, target, patches[break_at])
    with pytest.raises(SimulatedCrashError):
        save_project(path, NEW)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_project(path).project == OLD
    assert [p.name for p in folder.iterdir()] == ["book.scproj"]  # no temp file left


def test_a_failing_first_save_leaves_no_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "fsync", _raise)
    with pytest.raises(SimulatedCrashError):
        save_project(folder / "fresh.scproj", NEW)
    assert list(folder.iterdir()) == []


def test_a_failing_directory_fsync_after_the_rename_still_has_the_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "book.scproj"
    save_project(path, OLD)
    monkeypatch.setattr(atomic, "_fsync_dir", _raise)
    with pytest.raises(SimulatedCrashError):
        save_project(path, NEW)
    assert load_project(path).project == NEW


def test_a_failing_autosave_keeps_the_previous_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AutosaveStore(tmp_path)
    store.write(Snapshot(OLD, saved_at=1.0))
    monkeypatch.setattr(atomic.os, "replace", _raise)
    with pytest.raises(SimulatedCrashError):
        store.write(Snapshot(NEW, saved_at=2.0))
    monkeypatch.undo()
    snapshot = store.read()
    assert snapshot is not None and snapshot.project == OLD


_CHILD = """
import sys
from pathlib import Path
from soundclone_desktop.store.projects import Project, save_project
path = Path(sys.argv[1])
projects = [Project(text="A" * 300_000, notes="a"), Project(text="B" * 600_000, notes="b")]
save_project(path, projects[0])
print("ready", flush=True)
i = 0
while True:
    i += 1
    save_project(path, projects[i % 2])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_mid_save_leaves_a_whole_file(folder: Path) -> None:
    path = folder / "loop.scproj"
    expected = {("A" * 300_000, "a"), ("B" * 600_000, "b")}
    rng = random.Random(1234)
    kills_mid_write = 0
    for _ in range(40):  # until a few kills landed inside a write (usually about 10 runs)
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.06))  # land anywhere in the save loop
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        project = load_project(path).project  # raises if the file were cut short
        assert (project.text, project.notes) in expected
        # A SIGKILL cannot clean up: a write it interrupted leaves its temp file, hidden
        # (dot-prefixed) beside the project, never in its place.
        leftovers = [p for p in folder.iterdir() if p != path]
        assert all(p.name.startswith(".loop.scproj.") and p.suffix == ".tmp" for p in leftovers)
        kills_mid_write += len(leftovers)
        for leftover in leftovers:
            leftover.unlink()
        if kills_mid_write >= 3:
            break
    assert kills_mid_write >= 1, "no kill landed inside a write: the test proved nothing"
