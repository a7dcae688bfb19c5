"""Opening a book splits its GUI work over event-loop turns (issue 14: the longest stall
while opening ≤ 50 ms): the dock's book page, the chapter list's rows and the first
chapter's text each show in a turn of their own, and the chapter's highlighting follows
in slices. The real studio window
against the demo server over loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from soundclone_desktop.core.script import analyze
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from tests.ui.test_book_view import make_book, studio
from tests.ui.test_editor_settle import assert_settled_exactly

pytestmark = pytest.mark.gui


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def long_chapter() -> str:
    """About 30,000 characters with a pause in every fourth paragraph."""
    paragraphs = []
    for n in range(50):
        pause = "<#0.8#>" if n % 4 == 0 else ""
        paragraphs.append(f"Paragraph {n} of the long chapter.{pause} " + "Words read aloud. " * 32)
    return "\n\n".join(paragraphs)


def test_the_dock_the_rows_and_the_chapter_text_show_in_separate_turns(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    text = long_chapter()
    path = make_book(tmp_path, [("Long", text), ("Short", "A short one.")], target=3000)
    book = window.book
    events: list[str] = []
    next_turn = QTimer()  # a zero timer started with each step: it fires on the next turn
    next_turn.setSingleShot(True)
    next_turn.setInterval(0)
    next_turn.timeout.connect(lambda: events.append("turn"))

    def step(name: str) -> None:
        if name not in events:
            events.append(name)
            next_turn.start()

    book.navigator.stack.currentChanged.connect(lambda page: page == 1 and step("page"))
    book.model.modelReset.connect(lambda: book.model.rowCount() and step("rows"))
    editor = window.editor
    set_text = editor.set_text

    def setting(value: str) -> None:
        step("text")
        set_text(value)

    editor.set_text = setting  # type: ignore[method-assign]
    task = book.open_path(path)
    qtbot.waitUntil(task.done, timeout=10000)
    assert task.result() is True
    assert events[:5] == ["page", "turn", "rows", "turn", "text"]
    assert editor.text() == text
    # The chapter's highlighting finishes a slice at a time, every pause a chip.
    qtbot.waitUntil(lambda: not editor._highlighter.pending, timeout=5000)
    assert_settled_exactly(editor)
    assert len(analyze(text).pauses) == 13
