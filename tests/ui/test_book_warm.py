"""The services a shown book needs next are imported in a worker when the book view is
built, and the open waits for them before a chapter shows (issue 14: the first open of a
session imported them on the GUI thread, one 400-550 ms stall)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.book import warm
from soundclone_desktop.ui.main_window import MainWindow
from tests.ui.test_book_view import CHAPTERS, make_book, studio

pytestmark = pytest.mark.gui


def test_the_modules_are_imported_in_a_worker(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sc_warm_probe.py").write_text(
        "import threading\nTHREAD = threading.current_thread().name\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "sc_warm_probe", raising=False)
    warm.start(("sc_warm_probe", "sc_no_such_module")).result(timeout=10)  # a failure: logged
    probe = sys.modules["sc_warm_probe"]
    assert probe.THREAD == "book-warm-up"


def test_every_module_named_exists() -> None:
    import importlib.util

    assert all(importlib.util.find_spec(name) is not None for name in warm.MODULES)


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    held: Future[None] = Future()  # a warm-up still running
    monkeypatch.setattr(warm, "start", lambda modules=warm.MODULES: held)
    win, ctx = studio.open_studio(qtbot, server)
    win.held_warm_up = held  # type: ignore[attr-defined]
    yield win
    if not held.done():
        held.set_result(None)
    studio.close_studio(qtbot, win, ctx)


def test_the_open_waits_for_the_warm_up_before_a_chapter_shows(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    task = window.book.open_path(path)
    qtbot.wait(300)
    assert not task.done()
    assert window.book.chapter_id is None and window.editor.text() != CHAPTERS[0][1]
    window.held_warm_up.set_result(None)  # type: ignore[attr-defined]
    qtbot.waitUntil(task.done, timeout=10000)
    assert task.result() is True
    assert window.editor.text() == CHAPTERS[0][1]
