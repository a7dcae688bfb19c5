"""Highlighting: exact UTF-16 ranges for chips and underlines, minimal repainting, tooltips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QInputMethodEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import utf16_len
from soundclone_desktop.ui.editor.chips import chip_rects
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.highlighter import ChipColours, block_paint

pytestmark = pytest.mark.gui

Wave = QTextCharFormat.UnderlineStyle.WaveUnderline


@pytest.fixture
def editor(qtbot: QtBot) -> ScriptEditor:
    widget = ScriptEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    return widget


def formats(editor: ScriptEditor, block_number: int = 0) -> list[tuple[int, int, QTextCharFormat]]:
    block = editor.document().findBlockByNumber(block_number)
    return sorted(
        ((r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()),
        key=lambda t: t[0],
    )


def is_chip(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.DemiBold and fmt.foreground().style() != 0


def test_marker_after_emoji_gets_exact_utf16_range(editor: ScriptEditor) -> None:
    prefix = "Hi 😀👍🏽 there "
    editor.set_text(prefix + "<#0.5#> friend")
    [(start, length, fmt)] = formats(editor)
    assert start == utf16_len(prefix) == len(prefix) + 3  # three astral characters
    assert length == len("<#0.5#>")
    assert is_chip(fmt)
    assert fmt.underlineStyle() != Wave


def test_marker_in_second_line_after_emoji_is_block_local(editor: ScriptEditor) -> None:
    editor.set_text("第一行 😀\n😀 第二行<#1#>好")
    assert formats(editor, 0) == []
    [(start, length, fmt)] = formats(editor, 1)
    assert (start, length) == (utf16_len("😀 第二行"), 5)
    assert is_chip(fmt)


def test_malformed_marker_gets_red_wavy_underline(editor: ScriptEditor) -> None:
    editor.set_text("😀 a <#1,5#> b")
    [(start, length, fmt)] = formats(editor)
    assert (start, length) == (utf16_len("😀 a "), len("<#1,5#>"))
    assert fmt.underlineStyle() == Wave
    assert fmt.underlineColor() == ChipColours(editor.palette()).error
    assert not is_chip(fmt)


def test_warning_is_orange_and_combines_with_chip(editor: ScriptEditor) -> None:
    editor.set_text("Hello <#0.5#>… <#0.3#> world")  # only punctuation between: warnings
    (start, length, fmt), _second = formats(editor)
    assert (start, length) == (6, 7)
    assert is_chip(fmt)
    assert fmt.underlineStyle() == Wave
    assert fmt.underlineColor() == ChipColours(editor.palette()).warning


def test_adjacent_markers_split_into_chip_and_gap_pieces(editor: ScriptEditor) -> None:
    editor.set_text("a<#0.3#> <#0.5#>b")
    pieces = [(s, n, is_chip(f), f.underlineStyle() == Wave) for s, n, f in formats(editor)]
    assert pieces == [(1, 7, True, True), (8, 1, False, True), (9, 7, True, True)]


def test_too_long_underlines_only_the_excess(editor: ScriptEditor) -> None:
    editor.set_text("x" * 10_005)
    [(start, length, fmt)] = formats(editor)
    assert (start, length) == (9_999, 6)
    assert fmt.underlineColor() == ChipColours(editor.palette()).error


def test_typing_keeps_ranges_exact_after_astral_chars(editor: ScriptEditor, qtbot: QtBot) -> None:
    editor.show()
    editor.set_text("<#0.5#>")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.textCursor().insertText("😀")  # QTest cannot type surrogate pairs
    qtbot.keyClicks(editor, " go ")
    [(start, length, _)] = formats(editor)
    assert (start, length) == (utf16_len("😀 go "), 7)  # the chip moves with each key
    # Still at the end of the text: an error, underlined once typing pauses.
    qtbot.waitUntil(lambda: formats(editor)[0][2].underlineStyle() == Wave, timeout=2000)
    [(start, length, fmt)] = formats(editor)
    assert (start, length) == (utf16_len("😀 go "), 7)
    assert fmt.underlineColor() == ChipColours(editor.palette()).error
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " on")
    [(start, length, _)] = formats(editor)
    assert (start, length) == (utf16_len("😀 go "), 7)
    qtbot.waitUntil(lambda: formats(editor)[0][2].underlineStyle() != Wave, timeout=2000)
    assert [(s, n) for s, n, _ in formats(editor)] == [(utf16_len("😀 go "), 7)]


def test_only_blocks_whose_spans_changed_are_repainted(editor: ScriptEditor) -> None:
    lines = [f"line {i} says hello<#0.5#>world" for i in range(50)]
    editor.set_text("\n".join(lines))
    calls: list[int] = []
    highlighter = editor._highlighter
    original = highlighter.highlightBlock

    def counting(text: str) -> None:
        calls.append(highlighter.currentBlock().blockNumber())
        original(text)

    highlighter.highlightBlock = counting  # type: ignore[method-assign]
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(20).position() + 2)
    cursor.insertText("x")
    assert calls == [20]
    # Breaking a marker changes that block only; the problem list grows elsewhere.
    calls.clear()
    cursor.setPosition(editor.document().findBlockByNumber(30).position() + 22)
    cursor.deleteChar()
    assert calls == [30]
    assert editor.report().problems


def test_palette_change_recolours(editor: ScriptEditor) -> None:
    editor.set_text("a <#1#> b")
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, "#1e1e1e")
    dark.setColor(QPalette.ColorRole.Text, "#eeeeee")
    editor.setPalette(dark)
    [(_, _, fmt)] = formats(editor)
    assert fmt.foreground().color() == ChipColours(dark).chip_text
    assert ChipColours(dark).chip_text != ChipColours(QPalette()).chip_text


def test_tooltips_for_marker_and_problem(editor: ScriptEditor) -> None:
    editor.set_text("😀 hi <#0.5#> there <#abc#> end")
    marker_at = len("😀 hi ") + 2
    assert editor.tooltip_at_index(marker_at) == "Pause of 0.5 s"
    bad_at = editor.text().index("<#abc#>") + 1
    assert "not a valid pause marker" in editor.tooltip_at_index(bad_at)
    assert editor.tooltip_at_index(1) == ""


def test_tooltip_from_mouse_position(editor: ScriptEditor, qtbot: QtBot) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_text("😀 hi <#0.5#> there")
    cursor = editor.textCursor()
    cursor.setPosition(utf16_len("😀 hi <#"))
    rect = editor.cursorRect(cursor)
    assert editor.tooltip_at_index(editor.index_at(rect.center())) == "Pause of 0.5 s"


PIECES = ["a", "字", " ", "\n", "😀", "𠀀", "<#0.5#>", "<#12.25#>", "<#1,5#>", "<#x", ","]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@settings(max_examples=60, deadline=None)  # builds a widget per example
def test_chip_ranges_match_core_offsets(qapp: QApplication, text: str) -> None:
    """Chips and underlines sit exactly where core says, converted per line to UTF-16."""
    editor = ScriptEditor()
    editor.set_text(text)
    lines = text.split("\n")
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    report = editor.report()
    located = [(p.start, p.end, "chip") for p in report.pauses] + [
        (p.start, p.end, "line") for p in report.problems if p.code != "empty"
    ]
    expected: dict[tuple[int, str], set[int]] = {}
    for start, end, what in located:
        for index in range(start, end):
            if text[index] == "\n":
                continue  # a problem over several lines is cut at each line break
            number = text.count("\n", 0, index)
            local = utf16_len(text[line_starts[number] : index])
            width = utf16_len(text[index])
            expected.setdefault((number, what), set()).update(range(local, local + width))
    for number in range(len(lines)):
        found: dict[str, set[int]] = {"chip": set(), "line": set()}
        for start, length, fmt in formats(editor, number):
            units = set(range(start, start + length))
            if is_chip(fmt):
                found["chip"] |= units
            if fmt.underlineStyle() == Wave:
                found["line"] |= units
        for what in ("chip", "line"):  # every UTF-16 unit, no more, no less
            assert found[what] == expected.get((number, what), set()), (number, what)
    editor.deleteLater()


def test_chips_follow_uncommitted_input_method_text(editor: ScriptEditor, qtbot: QtBot) -> None:
    """Pinyin being composed sits in the layout only; the chip after it must move right."""
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_text("ab<#1#>cd")
    cursor = editor.textCursor()
    cursor.setPosition(1)
    editor.setTextCursor(cursor)
    QApplication.sendEvent(editor, QInputMethodEvent("nihao", []))
    block = editor.document().firstBlock()
    layout = block.layout()
    assert layout.preeditAreaText() == "nihao"
    painted = block_paint(block)
    assert painted is not None
    [rect] = chip_rects(block, painted, wrap=(editor.viewport().width(), "font"))
    marker_x = layout.lineAt(0).cursorToX(2 + len("nihao"))[0]
    assert abs(rect.left() - (marker_x - 1.5)) < 0.01
    editor.viewport().repaint()  # paints with the preedit without complaint
    QApplication.sendEvent(editor, QInputMethodEvent("", []))  # composition cancelled
    [rect] = chip_rects(block, painted, wrap=(editor.viewport().width(), "font"))
    assert abs(rect.left() - (layout.lineAt(0).cursorToX(2)[0] - 1.5)) < 0.01
    assert editor.text() == "ab<#1#>cd"
