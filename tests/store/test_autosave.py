"""The autosave snapshot: round trip, stale writes after a clear, unusable files, recovery rule."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from soundclone_desktop.core.parameters import Parameters
from soundclone_desktop.store import atomic
from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.store.paths import autosave_dir
from soundclone_desktop.store.projects import Project

PROJECT = Project(text="Hello <#1#> world", params=Parameters(speed=1.5), voice_id="v1", notes="n")


def test_write_and_read(tmp_path: Path) -> None:
    store = AutosaveStore(autosave_dir(tmp_path))
    assert store.read() is None
    snapshot = Snapshot(PROJECT, project_path=tmp_path / "a.scproj", saved_at=1234.5)
    assert store.write(snapshot)
    assert store.read() == snapshot
    assert store.path.parent == tmp_path / "autosave"


def test_clear_removes_and_cancels_a_write_scheduled_before_it(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    epoch = store.epoch
    store.clear()
    assert not store.write(Snapshot(PROJECT), epoch=epoch)  # stale: dropped
    assert not store.path.exists()
    assert store.write(Snapshot(PROJECT), epoch=store.epoch)
    assert store.path.exists()
    store.clear()
    assert not store.path.exists()
    store.clear()  # nothing to remove: fine


def test_a_write_in_progress_finishes_before_a_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clear during a worker's write waits for it and then removes the file."""
    store = AutosaveStore(tmp_path)
    entered, release = threading.Event(), threading.Event()
    real = atomic.atomic_write_text

    def slow_write(path: Path, text: str) -> None:
        entered.set()
        release.wait(5)
        real(path, text)

    monkeypatch.setattr("soundclone_desktop.store.autosave.atomic_write_text", slow_write)
    worker = threading.Thread(target=store.write, args=(Snapshot(PROJECT),), kwargs={"epoch": 0})
    worker.start()
    assert entered.wait(5)
    clearer = threading.Thread(target=store.clear)
    clearer.start()
    release.set()
    worker.join(5)
    clearer.join(5)
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"format": "other"}),
        json.dumps({"format": "soundclone-autosave", "version": 99, "project": {}}),
        json.dumps({"format": "soundclone-autosave", "version": 1, "project": "x"}),
    ],
)
def test_an_unusable_snapshot_is_removed(tmp_path: Path, content: str) -> None:
    store = AutosaveStore(tmp_path)
    store.path.write_text(content, encoding="utf-8")
    assert store.read() is None
    assert not store.path.exists()


def test_recovery_rule() -> None:
    assert not Snapshot(Project(text="  ")).differs_from(None)  # blank and no file
    assert Snapshot(Project(text="draft")).differs_from(None)
    assert Snapshot(Project(notes="idea")).differs_from(None)
    assert not Snapshot(PROJECT).differs_from(PROJECT)  # same as the saved file
    assert Snapshot(PROJECT).differs_from(Project(text="older"))


def test_a_superseding_write_cancels_older_scheduled_writes(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    older = store.epoch
    final = Snapshot(PROJECT, saved_at=2.0)
    assert store.write(final, supersede=True)
    assert not store.write(Snapshot(Project(text="older"), saved_at=1.0), epoch=older)
    assert store.read() == final
