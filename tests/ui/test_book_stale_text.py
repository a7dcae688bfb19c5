"""Segments changed since they were rendered are marked in the chapter text (a layer of
their own, the cost of rendering them again on hover): a pronunciation rule marks exactly
the segments holding its word, an edit exactly the segment edited, and nothing is rendered
again by itself. Real window, demo server."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.book.editor_layers import Layer, layer_spans
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_stale_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
listen = _load("test_book_listen.py")
flagged = _load("test_book_redo_flagged.py")
pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore::ResourceWarning")]
TEXT = flagged.TEXT
STALE_TIP = "Changed since it was rendered: render again to hear it (cost "


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def spans_with(window: MainWindow, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The segments (as shown: without their trailing blank lines) holding any of ``words``."""
    store, chapter_id = window.book.store, window.book.chapter_id
    text = window.editor.text()
    segments = store.book.with_chapter_text(chapter_id, text).segments(chapter_id)
    return [
        (s.start, s.start + len(text[s.start : s.end].rstrip()))
        for s in segments
        if any(w in s.text for w in words)
    ]


def test_a_rule_and_an_edit_mark_exactly_their_segments(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(flagged.make_book(tmp_path))
    qtbot.waitUntil(lambda: window.editor.text() == TEXT, timeout=5000)
    listen.render_and_play(qtbot, window)
    book, editor = window.book, window.editor
    assert len(book.store.book.segments(book.chapter_id)) == 3
    rendered = flagged.creates(server)
    qtbot.wait(500)
    assert layer_spans(editor, Layer.STALE) == []  # all rendered as written

    # A rule: exactly the segments holding its word.
    book.rules.add_rule("willow", "willoh")
    expected = spans_with(window, ("willow",))
    assert len(expected) == 1
    qtbot.waitUntil(lambda: layer_spans(editor, Layer.STALE) == expected, timeout=10000)
    tip = editor.tooltip_at_index(expected[0][0] + 2)
    assert STALE_TIP in tip and "JimiCoin)" in tip

    # An edit of the first paragraph: that segment too, before it is even saved.
    at = TEXT.index(" The boats")
    cursor = editor.textCursor()
    cursor.setPosition(Utf16Map(TEXT).to_utf16(at))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " It was dry")
    expected = spans_with(window, ("willow", "It was dry"))
    assert len(expected) == 2
    qtbot.waitUntil(lambda: layer_spans(editor, Layer.STALE) == expected, timeout=10000)
    assert STALE_TIP in editor.tooltip_at_index(expected[0][0] + 2)
    assert STALE_TIP not in editor.tooltip_at_index(editor.text().index("In August") + 2)

    # Marked, never rendered again by itself.
    qtbot.wait(1500)
    assert flagged.creates(server) == rendered
