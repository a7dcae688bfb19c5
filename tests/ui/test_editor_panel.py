"""The panel: live report, problems list, selecting a problem's span, editor basics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.script import ScriptReport, Severity, utf16_len
from soundclone_desktop.ui.editor import ProblemsList, ScriptEditor, ScriptEditorPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot) -> ScriptEditorPanel:
    widget = ScriptEditorPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def test_object_names(panel: ScriptEditorPanel) -> None:
    assert panel.findChild(ScriptEditor, "scriptEditor") is panel.editor
    assert panel.findChild(ProblemsList, "problemsList") is panel.problems_list


def test_typing_updates_report(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    reports: list[ScriptReport] = []
    panel.report_changed.connect(reports.append)
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Hi <#1#> you")
    assert panel.text() == "Hi <#1#> you"
    report = panel.report()  # never stale, even before typing pauses
    assert (report.billable_chars, report.request_chars) == (7, 12)
    assert report.total_pause_seconds == 1.0
    assert reports == []  # the listeners' update waits for a pause in typing
    qtbot.waitUntil(lambda: bool(reports), timeout=2000)
    assert len(reports) == 1  # one update for the whole burst of keys
    assert reports[-1] is report is panel.report()


def test_empty_state_and_problem_rows(panel: ScriptEditorPanel) -> None:
    panel.set_text("All good here.")
    problems = panel.problems_list
    assert problems.count() == 1
    assert problems.item(0).text() == "No problems"
    assert problems.item(0).flags() == Qt.ItemFlag.NoItemFlags
    panel.set_text("Line one\nline two\n😀 three <#0,5#> end")
    assert problems.count() == 1
    text = problems.item(0).text()
    assert text.startswith("Line 3: ")
    assert "uses a comma" in text and "<#0.5#>" in text
    assert panel.problems_header.text() == "Problems (1)"


def test_clicking_problem_selects_span(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    panel.set_text("第一行\n😀 再见 <#abc#> 朋友")
    problems = panel.problems_list
    item = problems.item(0)
    rect = problems.visualItemRect(item)
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = panel.editor.textCursor()
    start = utf16_len("第一行\n😀 再见 ")
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, start + len("<#abc#>"))
    assert cursor.selectedText() == "<#abc#>"
    assert panel.editor.hasFocus()


def test_activating_problem_with_keyboard(panel: ScriptEditorPanel, qtbot: QtBot) -> None:
    panel.set_text("<#1#> starts badly")
    problems = panel.problems_list
    problems.setFocus()
    problems.setCurrentRow(0)
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert panel.editor.textCursor().selectedText() == "<#1#>"


def test_problems_list_keeps_rows_when_only_offsets_move(
    panel: ScriptEditorPanel, qtbot: QtBot
) -> None:
    panel.set_text("ab <#x#> cd")
    item = panel.problems_list.item(0)
    cursor = QTextCursor(panel.editor.document())
    cursor.insertText("z")
    qtbot.waitUntil(lambda: panel.problems_list.problems()[0].start == 4, timeout=2000)
    assert panel.problems_list.item(0) is item  # the new offsets, but no rebuild


def test_severity_icons_differ(panel: ScriptEditorPanel) -> None:
    panel.set_text("Hello <#0.5#>… <#0.3#> world <#x#> end")
    severities = [p.severity for p in panel.problems_list.problems()]
    assert Severity.ERROR in severities and Severity.WARNING in severities
    keys = {
        panel.problems_list.item(i).icon().cacheKey() for i in range(panel.problems_list.count())
    }
    assert len(keys) == 2


def test_editor_basics(panel: ScriptEditorPanel) -> None:
    editor = panel.editor
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert "Insert pause (Ctrl+Shift+P)" in editor.placeholderText()
    assert editor.font().pointSizeF() >= 12


def test_set_text_resets_undo(panel: ScriptEditorPanel) -> None:
    panel.set_text("first")
    panel.set_text("second")
    assert not panel.editor.document().isUndoAvailable()
    assert panel.text() == "second"
