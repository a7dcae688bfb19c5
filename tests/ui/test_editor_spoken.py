"""The script editor's "being spoken" highlight and the double-click that asks to play."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.editor.editor import ScriptEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot: QtBot) -> ScriptEditor:
    widget = ScriptEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ranges(editor: ScriptEditor) -> list[tuple[int, int]]:
    """UTF-16 ranges of the extra selections, in order."""
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in editor.extraSelections()]


def test_sentence_and_word_get_exact_utf16_ranges(editor: ScriptEditor) -> None:
    editor.set_text("Hi 😀 there. Next one.")
    editor.set_spoken((0, 11), (5, 10))  # code points: "Hi 😀 there." and "there"
    assert ranges(editor) == [(0, 12), (6, 11)]
    assert editor.spoken() == ((0, 11), (5, 10))
    sentence, word = editor.extraSelections()
    assert sentence.format.background() != word.format.background()


def test_pause_chips_inside_the_sentence_are_left_out(editor: ScriptEditor) -> None:
    text = "One <#0.5#> two <#1#> three. Four."
    editor.set_text(text)
    editor.set_spoken((0, text.index(" Four")))
    assert ranges(editor) == [(0, 4), (11, 16), (21, 28)]


def test_the_next_edit_clears_the_highlight(editor: ScriptEditor, qtbot: QtBot) -> None:
    editor.set_text("First. Second.")
    editor.set_spoken((7, 14))
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_X)
    assert editor.spoken() is None
    assert ranges(editor) == []


def test_other_extra_selections_are_kept(editor: ScriptEditor) -> None:
    editor.set_text("Find me. Spoken.")
    other = QTextEdit.ExtraSelection()
    other.cursor = editor.textCursor()
    other.cursor.setPosition(0)
    other.cursor.setPosition(4, other.cursor.MoveMode.KeepAnchor)
    other.format = QTextCharFormat()
    editor.setExtraSelections([other])
    editor.set_spoken((9, 16))
    assert ranges(editor) == [(0, 4), (9, 16)]
    editor.set_spoken(None)
    assert ranges(editor) == [(0, 4)]


def test_reveal_scrolls_without_moving_the_cursor(editor: ScriptEditor) -> None:
    text = "\n".join(f"Line number {n}." for n in range(200))
    editor.set_text(text)
    cursor_before = editor.textCursor().position()
    far = text.index("Line number 150.")
    editor.set_spoken((far, far + 16), reveal=True)
    assert editor.textCursor().position() == cursor_before
    block = editor.document().findBlock(far)
    rect = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    assert rect.top() >= 0 and rect.bottom() <= editor.viewport().height()


def test_double_click_reports_the_code_point(editor: ScriptEditor, qtbot: QtBot) -> None:
    editor.set_text("😀😀 Second sentence here.")
    cursor = editor.textCursor()
    cursor.setPosition(len("😀😀 Sec") + 2)  # UTF-16: the emoji are two units each
    point = editor.cursorRect(cursor).center()
    with qtbot.waitSignal(editor.sentence_activated) as activated:
        qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args[0] in (len("😀😀 Se"), len("😀😀 Sec"))
