"""Typing stays cheap: the edited line is painted at once, the whole script once typing pauses.

Checked here: the immediate chips and marker underlines of the edited line, the whole-script
update converging to ``analyze()`` of the final text (report, underlines everywhere, problems
list), UTF-16 offsets through edits around emoji and CJK, and that only the blocks whose
spans changed are highlighted again.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import (
    MARKER_MALFORMED,
    MARKER_RANGE,
    MAX_REQUEST_CHARS,
    ScriptReport,
    analyze,
    utf16_len,
)
from soundclone_desktop.ui.editor import ScriptEditor, ScriptEditorPanel
from soundclone_desktop.ui.editor.editor import MAX_STALE_MS, SETTLE_MS

pytestmark = pytest.mark.gui

Wave = QTextCharFormat.UnderlineStyle.WaveUnderline
LOCAL = {MARKER_MALFORMED, MARKER_RANGE}  # decided by a marker's own characters


@pytest.fixture
def panel(qtbot: QtBot) -> ScriptEditorPanel:
    widget = ScriptEditorPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def painted(editor: ScriptEditor, number: int) -> dict[str, set[int]]:
    """UTF-16 units of block ``number`` drawn as a chip and as a wavy underline."""
    block = editor.document().findBlockByNumber(number)
    found: dict[str, set[int]] = {"chip": set(), "line": set()}
    for r in block.layout().formats():
        units = set(range(r.start, r.start + r.length))
        if r.format.fontWeight() >= QFont.Weight.DemiBold:
            found["chip"] |= units
        if r.format.underlineStyle() == Wave:
            found["line"] |= units
    return found


def expected(
    text: str, report: ScriptReport, codes: set[str] | None = None
) -> Iterator[tuple[int, dict[str, set[int]]]]:
    """Per line: the UTF-16 units core says are chips and underlined (``codes``: only those)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    located = [(p.start, p.end, "chip") for p in report.pauses] + [
        (p.start, p.end, "line")
        for p in report.problems
        if p.code != "empty" and (codes is None or p.code in codes)
    ]
    by_line: dict[int, dict[str, set[int]]] = {
        n: {"chip": set(), "line": set()} for n in range(len(lines))
    }
    for start, end, what in located:
        for index in range(start, end):
            if text[index] == "\n":
                continue
            number = text.count("\n", 0, index)
            local = utf16_len(text[starts[number] : index])
            by_line[number][what].update(range(local, local + utf16_len(text[index])))
    yield from by_line.items()


def assert_settled_exactly(editor: ScriptEditor) -> None:
    text = editor.text()
    for number, want in expected(text, analyze(text, max_chars=editor.request_limit)):
        assert painted(editor, number) == want, number


def test_the_debounce_is_short_and_bounded() -> None:
    assert 50 <= SETTLE_MS <= 150  # feels immediate once typing pauses
    assert SETTLE_MS < MAX_STALE_MS <= 1000  # still updates during a long burst of typing


def test_typing_coalesces_into_one_update_equal_to_a_fresh_analysis(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    editor = panel.editor
    reports: list[ScriptReport] = []
    panel.report_changed.connect(reports.append)
    editor.setFocus()
    typed = "<#1#> Hi <#0,5#> you <#0.5#>"
    qtbot.keyClicks(editor, typed)
    # At once: the edited line's own chips and marker underlines, nothing else yet.
    now = painted(editor, 0)
    [(_, local)] = expected(typed, analyze(typed), LOCAL)
    assert now["chip"] == local["chip"] and local["line"] <= now["line"]
    assert reports == [] and editor.pending()
    assert panel.problems_list.problems() == ()  # still the empty script's: no row for it
    # After the pause: one update, the same as analysing the final text from scratch.
    qtbot.waitUntil(lambda: bool(reports), timeout=2000)
    assert not editor.pending()
    assert len(reports) == 1
    assert reports[0] == analyze(typed)
    assert panel.problems_list.problems() == analyze(typed).problems
    assert {p.code for p in reports[0].problems} >= {"marker-at-start", "marker-at-end"}
    assert_settled_exactly(editor)


def test_an_edit_in_one_line_changes_underlines_in_another_after_the_pause(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    editor = panel.editor
    text = ("x" * 98 + "\n") * 100 + "y" * 99  # exactly at the limit
    assert len(text) == MAX_REQUEST_CHARS
    editor.set_text(text)
    last = editor.document().blockCount() - 1
    assert painted(editor, last)["line"] == set()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(3).position() + 5)
    cursor.insertText("z")  # one over the limit: the excess is the last character
    assert painted(editor, last)["line"] == set()  # far from the edit: after the pause
    qtbot.waitUntil(lambda: bool(painted(editor, last)["line"]), timeout=2000)
    tail = editor.document().findBlockByNumber(last).length() - 1
    assert painted(editor, last)["line"] == {tail - 1}
    cursor.deletePreviousChar()
    qtbot.waitUntil(lambda: not painted(editor, last)["line"], timeout=2000)
    assert_settled_exactly(editor)


def test_other_underlines_of_the_edited_line_move_with_the_typing(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    editor = panel.editor
    editor.set_text("😀 Hello <#0.5#>… <#0.3#> world")  # warnings: punctuation around markers
    before = painted(editor, 0)
    assert before["line"]
    cursor = editor.textCursor()
    cursor.setPosition(utf16_len("😀 "))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Oh, ")  # before the markers: everything moves four units right
    assert editor.pending()
    now = painted(editor, 0)
    assert now["chip"] == {u + 4 for u in before["chip"]}
    assert now["line"] == {u + 4 for u in before["line"]}  # no flicker while typing
    editor.flush()
    assert painted(editor, 0) == now
    assert_settled_exactly(editor)


def test_only_blocks_whose_spans_changed_are_highlighted_again(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    editor = panel.editor
    lines = [f"line {i} says {'h' * 170}<#0.5#>world" for i in range(50)]
    text = "\n".join(lines)
    assert len(text) < MAX_REQUEST_CHARS
    editor.set_text(text + "t" * (MAX_REQUEST_CHARS - len(text)))  # exactly at the limit
    highlighter = editor._highlighter
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=2000)  # lines off screen: sliced
    calls: list[int] = []
    original = highlighter.highlightBlock

    def counting(block_text: str) -> None:
        calls.append(highlighter.currentBlock().blockNumber())
        original(block_text)

    highlighter.highlightBlock = counting  # type: ignore[method-assign]
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(20).position() + 2)
    cursor.insertText("x")  # over the limit: the last line gets the excess underlined
    assert calls == [20]  # the keystroke: the edited line only
    editor.flush()
    assert calls == [20, 49]  # the update: the one line whose underlines changed
    calls.clear()
    cursor.insertText("y")  # the excess grows, still within the last line
    editor.flush()
    assert calls == [20, 49]
    calls.clear()
    cursor.deletePreviousChar()
    cursor.deletePreviousChar()  # back to the limit
    qtbot.waitUntil(lambda: not editor.pending(), timeout=2000)
    assert calls == [20, 20, 49]
    assert_settled_exactly(editor)


def test_new_lines_renumber_what_was_painted(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    editor = panel.editor
    editor.set_text("first\nsecond <#1#> line\nthird <#x#> end\nlast <#2#>")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    editor.setTextCursor(cursor)
    for _ in range(3):
        editor.textCursor().insertText("\n")  # Enter: every later block moves down
    editor.textCursor().insertText("😀")
    editor.flush()
    assert_settled_exactly(editor)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(
        editor.document().findBlockByNumber(4).position(), QTextCursor.MoveMode.KeepAnchor
    )
    cursor.removeSelectedText()  # lines removed: later blocks move up
    editor.flush()
    assert_settled_exactly(editor)


def test_report_and_text_are_never_stale(panel: ScriptEditorPanel) -> None:
    editor = panel.editor
    cursor = editor.textCursor()
    cursor.insertText("ab <#x#> cd")
    assert editor.pending()
    assert editor.text() == "ab <#x#> cd"
    assert editor.report() == analyze("ab <#x#> cd")
    assert editor.pending()  # reading does not announce: listeners still wait for the pause
    assert editor.tooltip_at_index(4)  # the problem under the mouse, on the current text


def test_a_fix_applies_only_to_the_current_text(panel: ScriptEditorPanel) -> None:
    editor = panel.editor
    editor.set_text("ab <#0,5#> cd")
    [shown] = panel.problems_list.problems()
    editor.textCursor().insertText("z")  # the list still shows the old offsets
    assert editor.pending()
    assert not editor.apply_fix(shown)  # refused: not a problem of this text
    [fresh] = editor.report().problems
    assert editor.apply_fix(fresh)
    assert editor.text() == "zab <#0.5#> cd"
    assert not editor.pending() and panel.problems_list.problems() == ()


PIECES = ["a", "字", " ", "\n", "😀", "𠀀", "<#0.5#>", "<#12.25#>", "<#1,5#>", "<#x", ",", "<#0#>"]
EDITS = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(PIECES)), min_size=1, max_size=8
)


@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), EDITS)
@settings(max_examples=40, deadline=None)  # builds a widget per example
def test_edits_keep_exact_utf16_ranges(qapp: QApplication, start: str, edits: list) -> None:
    """After each edit every line's chips and marker problems sit where core says; once the
    update runs, every line matches core exactly."""
    editor = ScriptEditor()
    editor.set_text(start)
    for where, remove, piece in edits:
        text = editor.text()
        at = round(where * len(text))
        end = min(len(text), at + remove)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(utf16_len(text[:at]))
        cursor.setPosition(utf16_len(text[:end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(piece)  # one edit, as a keystroke or a paste makes it
        new = editor.text()
        assert new == text[:at] + piece + text[end:]
        for number, want in expected(new, analyze(new), LOCAL):
            now = painted(editor, number)  # edited or not, every line's own spans are right
            assert now["chip"] == want["chip"], (number, new)
            assert want["line"] <= now["line"], (number, new)
    editor.flush()
    assert_settled_exactly(editor)
    editor.deleteLater()


LINES = ["a <#1#>… b", "x", "<#1#> d", "c …<#0.5#>", "<#x", "q <#1#><#2#> r", "😀 <#0,5#>", ""]
LINE_EDITS = st.lists(
    st.tuples(st.booleans(), st.integers(0, 20), st.sampled_from(LINES)), min_size=1, max_size=4
)


@given(st.lists(st.sampled_from(LINES), min_size=2, max_size=7).map("\n".join), LINE_EDITS)
@settings(max_examples=80, deadline=None)  # builds a widget per example
def test_lines_added_and_removed_settle_exactly(
    qapp: QApplication, start: str, edits: list
) -> None:
    """Whole lines inserted and deleted (block numbers move) between two updates."""
    editor = ScriptEditor()
    editor.set_text(start)
    for delete, which, line in edits:
        text = editor.text()
        lines = text.split("\n")
        number = which % len(lines)
        at = sum(len(previous) + 1 for previous in lines[:number])
        cursor = QTextCursor(editor.document())
        cursor.setPosition(utf16_len(text[:at]))
        if delete and len(lines) > 1:
            end = min(len(text), at + len(lines[number]) + 1)
            cursor.setPosition(utf16_len(text[:end]), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            cursor.insertText(line + "\n")
    editor.flush()
    assert_settled_exactly(editor)
    editor.deleteLater()
