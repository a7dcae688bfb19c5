"""Insert pause: the action, the shortcut, merging with neighbours, undo/redo, presets, fixes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import utf16_len
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot) -> ScriptEditorPanel:
    widget = ScriptEditorPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    return widget


def put_cursor(panel: ScriptEditorPanel, text: str) -> None:
    """Set the text with ``|`` marking the cursor (``[`` … ``]`` marking a selection)."""
    editor = panel.editor
    if "|" in text:
        before, after = text.split("|")
        editor.set_text(before + after)
        anchor = position = utf16_len(before)
    else:
        before, rest = text.split("[")
        middle, after = rest.split("]")
        editor.set_text(before + middle + after)
        anchor, position = utf16_len(before), utf16_len(before + middle)
    cursor = editor.textCursor()
    cursor.setPosition(anchor)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_action_is_exposed_with_name_text_and_shortcut(panel: ScriptEditorPanel) -> None:
    action = panel.insert_pause_action
    assert action is panel.editor.insert_pause_action
    assert action.objectName() == "insertPauseAction"
    assert action.text() == "Insert pause"
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    button = panel.findChild(QToolButton, "insertPauseButton")
    assert button is not None and button.defaultAction() is action


def test_action_inserts_spin_value_at_cursor(panel: ScriptEditorPanel) -> None:
    put_cursor(panel, "Hello| world")
    panel.pause_spin.setValue(1.25)
    panel.insert_pause_action.trigger()
    assert panel.text() == "Hello<#1.25#> world"
    assert panel.editor.textCursor().position() == len("Hello<#1.25#>")
    assert panel.report().pauses[0].seconds == 1.25


def test_shortcut_inserts_pause(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    put_cursor(panel, "一二|三四")
    panel.editor.setFocus()
    qtbot.waitUntil(panel.editor.hasFocus)
    qtbot.keyClick(
        panel.editor,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert panel.text() == "一二<#0.5#>三四"


def test_inserts_at_selection_end_without_deleting(panel: ScriptEditorPanel) -> None:
    put_cursor(panel, "keep [this text] intact")
    panel.insert_pause_action.trigger()
    assert panel.text() == "keep this text<#0.5#> intact"


def test_inserts_after_emoji_at_right_place(panel: ScriptEditorPanel) -> None:
    put_cursor(panel, "😀😀 a|b")
    panel.editor.insert_pause(2)
    assert panel.text() == "😀😀 a<#2#>b"


@pytest.mark.parametrize(
    ("before", "seconds", "after"),
    [
        ("a<#0.5#>|b", 1, "a<#1.5#>b"),
        ("a|<#0.5#>b", 1, "a<#1.5#>b"),
        ("a<#0.5#> |b", 0.3, "a<#0.8#> b"),
        ("a| \n<#2#>b", 0.5, "a \n<#2.5#>b"),
        ("a<#0.5#> [sel]b", 1, "a<#0.5#> sel<#1#>b"),  # text between: no merge
        ("a<#0.5|#>b", 1, "a<#1.5#>b"),  # cursor inside a marker
        ("a<#99#>|b", 2, "a<#99.99#>b"),  # capped at the maximum
        ("a<#0.3#>|<#0.2#>b", 1, "a<#1.5#>b"),  # both sides: one marker
        ("😀<#0.5#>|😀", 0.25, "😀<#0.75#>😀"),
    ],
)
def test_merges_with_touching_marker(
    panel: ScriptEditorPanel, before: str, seconds: float, after: str
) -> None:
    put_cursor(panel, before)
    panel.editor.insert_pause(seconds)
    assert panel.text() == after
    assert not [p for p in panel.report().problems if p.code == "markers-adjacent"]


def test_undo_restores_exact_text_in_one_step_and_redo_reapplies(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    panel.show()
    editor = panel.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Hello there")
    for _ in range(6):
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    typed = panel.text()
    panel.insert_pause_action.trigger()
    assert panel.text() == "Hello<#0.5#> there"
    editor.undo()
    assert panel.text() == typed
    editor.redo()
    assert panel.text() == "Hello<#0.5#> there"
    # A merge is one step as well.
    panel.insert_pause_action.trigger()
    assert panel.text() == "Hello<#1#> there"
    editor.undo()
    assert panel.text() == "Hello<#0.5#> there"
    editor.undo()
    assert panel.text() == typed


def test_seconds_spin_bounds_and_format(panel: ScriptEditorPanel) -> None:
    spin = panel.pause_spin
    assert spin.objectName() == "pauseSecondsSpin"
    assert (spin.minimum(), spin.maximum(), spin.decimals()) == (0.01, 99.99, 2)
    assert spin.value() == 0.5
    assert spin.suffix() == " s"
    spin.setValue(0)
    assert spin.value() == 0.01
    spin.setValue(150)
    assert spin.value() == 99.99
    spin.setValue(0.123)
    assert spin.value() == 0.12


@pytest.mark.parametrize(
    ("name", "expected"), [("0_3", "0.3"), ("0_5", "0.5"), ("1", "1"), ("2", "2")]
)
def test_preset_buttons_insert_and_remember(
    panel: ScriptEditorPanel, name: str, expected: str
) -> None:
    put_cursor(panel, "a|b")
    button = panel.findChild(QToolButton, f"pausePreset_{name}")
    assert button is not None
    button.click()
    assert panel.text() == f"a<#{expected}#>b"
    assert panel.pause_spin.value() == float(expected)


def test_fix_from_problem_merges_adjacent_markers(panel: ScriptEditorPanel) -> None:
    panel.set_text("a<#0.3#> <#0.5#>b")
    [problem] = [p for p in panel.report().problems if p.code == "markers-adjacent"]
    assert panel.editor.apply_fix(problem)
    assert panel.text() == "a<#0.8#>b"
    assert panel.report().problems == ()
    panel.editor.undo()
    assert panel.text() == "a<#0.3#> <#0.5#>b"


def test_stale_fix_is_refused(panel: ScriptEditorPanel) -> None:
    panel.set_text("Wait <#1,5#> here")
    [problem] = panel.report().problems
    panel.editor.textCursor().insertText("Now ")
    assert not panel.editor.apply_fix(problem)
    assert panel.text() == "Now Wait <#1,5#> here"


def test_fix_requested_from_problems_list(panel: ScriptEditorPanel) -> None:
    panel.set_text("Wait <#1,5#> here")
    [problem] = panel.report().problems
    panel.problems_list.fix_requested.emit(problem)
    assert panel.text() == "Wait <#1.5#> here"


def test_context_menus_offer_fix_and_insert(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    panel.show()
    qtbot.waitExposed(panel)
    panel.set_text("Wait <#1,5#> here")
    editor = panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(7)
    pos = editor.cursorRect(cursor).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)
    )
    editor.contextMenuEvent(event)
    menus = [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]
    assert menus
    texts = [a.text() for a in menus[-1].actions()]
    assert "Insert pause" in texts
    fix = next(a for a in menus[-1].actions() if a.text().startswith("Fix"))
    assert fix.text() == "Fix: replace with <#1.5#>"
    fix.trigger()
    menus[-1].close()
    assert panel.text() == "Wait <#1.5#> here"
