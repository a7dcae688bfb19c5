"""A book's chapter is sent in segments, so the editor showing it must not call its length
a problem: with the single script's 9,999-character request limit, most of a 30,000-
character chapter was underlined "too long" and listed as an error. Closing the book
brings the limit back for the script. The real studio window against the demo server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from soundclone_desktop.core.script import MAX_REQUEST_CHARS, TOO_LONG
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from tests.ui.test_book_open_turns import long_chapter
from tests.ui.test_book_view import make_book, studio

pytestmark = pytest.mark.gui


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def _kinds(window: MainWindow) -> set[str]:
    return {problem.code for problem in window.editor.report().problems}


def test_a_long_chapter_is_no_problem_and_a_long_script_is_again_after_the_book(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    text = long_chapter()
    assert len(text) > 3 * MAX_REQUEST_CHARS
    path = make_book(tmp_path, [("Long", text), ("Short", "A short one.")], target=3000)
    task = window.book.open_path(path)
    qtbot.waitUntil(task.done, timeout=10000)
    assert task.result() is True
    assert window.editor.text() == text
    assert TOO_LONG not in _kinds(window)

    closing = window.book.close_book()
    qtbot.waitUntil(closing.done, timeout=10000)
    window.editor.set_text(text)
    assert TOO_LONG in _kinds(window)
