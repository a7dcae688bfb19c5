"""A long text shown at once (a book's chapter) is highlighted a slice at a time.

The lines on screen are painted with the text, nothing else in that turn; the others over
the next event-loop turns, at most ``SLICE_BLOCKS`` a turn, so showing a 30,000-character
chapter never holds the GUI thread for the whole chapter's highlighting (issue 14, the book
view's open). Every block still ends painted exactly as the whole-script analysis says,
chips included.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import MAX_REQUEST_CHARS, analyze
from soundclone_desktop.ui.editor import ScriptEditorPanel
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.highlighter import SLICE_BLOCKS, block_paint
from soundclone_desktop.ui.editor.spans import Kind
from tests.ui.test_editor_settle import assert_settled_exactly

pytestmark = pytest.mark.gui

LINES = 60


def chapter() -> str:
    """About 30,000 characters in 60 paragraphs, a pause in every third: the excess over
    the request limit is underlined over two thirds of the paragraphs."""
    lines = []
    for i in range(LINES):
        pause = "<#0.5#>" if i % 3 == 0 else ""
        lines.append(f"Paragraph {i} begins.{pause} " + "word " * 96)
    text = "\n".join(lines)
    assert len(text) > 3 * MAX_REQUEST_CHARS
    return text


@pytest.fixture
def panel(qtbot: QtBot) -> ScriptEditorPanel:
    widget = ScriptEditorPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_highlights(editor: ScriptEditor) -> list[int]:
    """Block numbers highlighted from now on, in order: the calls that paint something
    (a repaint of the highlighter's own, or a line with a marker in it)."""
    highlighter = editor._highlighter
    calls: list[int] = []
    original = highlighter.highlightBlock

    def counting(text: str) -> None:
        replacing = getattr(highlighter, "_replacing", False)  # returns at once
        if not replacing and (highlighter.busy or "<#" in text):
            calls.append(highlighter.currentBlock().blockNumber())
        original(text)

    highlighter.highlightBlock = counting  # type: ignore[method-assign]
    return calls


def on_screen(editor: ScriptEditor) -> list[int]:
    return list(editor._blocks_on_screen())


def test_a_long_text_is_highlighted_a_slice_per_turn(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    editor = panel.editor
    highlighter = editor._highlighter
    calls = count_highlights(editor)
    slices: list[int] = []  # calls seen after each later turn's slice
    highlighter._slicer.timeout.connect(lambda: slices.append(len(calls)))

    editor.set_text(chapter())

    visible = on_screen(editor)
    assert 1 <= len(visible) < 10
    with_spans = set(visible) & editor._whole_script_spans().keys()
    assert with_spans and with_spans <= set(calls)  # the lines on screen: painted at once
    assert set(calls) <= set(visible)  # and nothing else in the text's own turn
    assert highlighter.pending
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=5000)
    per_turn = [b - a for a, b in zip([0, *slices], slices, strict=False)][1:]
    assert per_turn and max(per_turn) <= SLICE_BLOCKS
    assert_settled_exactly(editor)  # every block, chips and underlines, as analysed
    report = analyze(editor.text())
    chips = [
        block.blockNumber()
        for block in (editor.document().findBlockByNumber(n) for n in range(LINES))
        if (record := block_paint(block)) is not None and record.has_chips
    ]
    assert len(chips) == len(report.pauses) == LINES // 3  # a chip for every pause


def test_an_edit_while_slices_remain_converges(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    editor = panel.editor
    editor.set_text(chapter())
    assert editor._highlighter.pending
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    cursor.insertText("New first line.\n")  # renumbers every block after it
    qtbot.waitUntil(lambda: not editor.pending() and not editor._highlighter.pending, timeout=5000)
    assert_settled_exactly(editor)


def test_a_text_of_the_same_shape_gets_its_own_underlines(panel: ScriptEditorPanel) -> None:
    """Replacing a chapter by another whose lines have the same lengths: every block is
    new, so its underline is painted again (a guard: the replacement forgets what the old
    blocks were painted with; the spans alone would say nothing changed)."""
    editor = panel.editor
    first = chapter()
    editor.set_text(first)
    editor._highlighter.finish()
    editor.set_text(first.replace("word", "talk"))
    editor._highlighter.finish()
    assert_settled_exactly(editor)
    last = editor.document().lastBlock()
    record = block_paint(last)
    assert record is not None and any(s.kind & Kind.ERROR for s in record.spans)
