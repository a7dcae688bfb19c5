"""The window sends nothing it cannot record first (issue 11, item 2), and says why.

Conditions that fail for root too (the tests run as root, which ignores chmod):

- a full task library: SQLite's ``max_page_count`` caps it at its current size, so the
  intent write fails with ``SQLITE_FULL`` (what a full disk gives);
- a task library that cannot be opened: a folder stands where the library file should be.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.jobs import FailureReason, JobState
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
LONG_SCRIPT = "A line of narration that goes on. " * 180  # a row longer than a page


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio_unrecorded", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()


def creates(server: DemoServer) -> int:
    return sum(1 for e in server.requests_log() if e["path"] == CREATE_PATH)


def generate(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.editor.set_text(text)
    window.params.select_voice(DEMO_VOICE_ID)
    qtbot.waitUntil(window.submit_bar.button.isEnabled, timeout=5000)
    window.submit_bar.button.click()


def test_a_full_library_refuses_the_create_with_a_sentence(
    aloop, qtbot, monkeypatch: pytest.MonkeyPatch, make_demo_server: Callable[..., DemoServer]
) -> None:
    original = TaskLibrary._open

    def open_full(self: TaskLibrary) -> sqlite3.Connection:
        conn = original(self)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    monkeypatch.setattr(TaskLibrary, "_open", open_full)
    server = make_demo_server(task_seconds=0.3)
    window, ctx = studio.open_studio(qtbot, server)
    try:
        generate(qtbot, window, LONG_SCRIPT)
        qtbot.waitUntil(lambda: "Nothing was sent" in window.messages.text(), timeout=5000)
        text = window.messages.text()
        assert "the disk is full" in text and str(ctx.data_dir) in text
        (job,) = window.task_list.jobs()
        assert job.state is JobState.FAILED and job.reason is FailureReason.NOT_RECORDED
        assert creates(server) == 0
        assert not [e for e in server.ledger() if e["kind"] == "charge"]
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_an_unopenable_library_refuses_creates_until_it_can_be_opened(
    aloop, qtbot, isolated_dirs: Path, make_demo_server: Callable[..., DemoServer]
) -> None:
    in_the_way = paths.library_path(isolated_dirs / "data")
    in_the_way.mkdir(parents=True)  # a folder where the library file should be
    server = make_demo_server(task_seconds=0.3)
    window, ctx = studio.open_studio(qtbot, server)
    try:
        assert ctx.library is None
        generate(qtbot, window, "Recorded, or not sent at all.")
        qtbot.waitUntil(lambda: "Nothing was sent" in window.messages.text(), timeout=5000)
        assert str(in_the_way.parent) in window.messages.text()
        assert creates(server) == 0

        in_the_way.rmdir()  # the user fixed it: the next create is recorded, then sent
        window.messages.clear()
        generate(qtbot, window, "Recorded, or not sent at all.")
        qtbot.waitUntil(lambda: creates(server) == 1, timeout=5000)
        with TaskLibrary(in_the_way) as library:
            (record,) = library.search()
        assert record.text == "Recorded, or not sent at all."
    finally:
        studio.close_studio(qtbot, window, ctx)
