"""Issue 17: the Edit, Generate, File › Quit and Help menus of the real studio window.

Real key presses and mouse clicks on the real window, against the real demo server over
loopback; what was sent is read from the demo's ledger, the independent oracle.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow


def _load_helpers() -> ModuleType:
    # --import-mode=importlib puts no test folder on sys.path; load the helper by path.
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    win.activateWindow()
    yield win
    studio.close_studio(qtbot, win, ctx)


def press(widget: QWidget, keys: QKeySequence.StandardKey | str) -> None:
    """The platform's first key sequence for ``keys``, pressed on ``widget``."""
    sequence = QKeySequence(keys)
    combination = sequence[0]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


def click_menu_item(qtbot, menu: QMenu, action: QAction) -> None:  # type: ignore[no-untyped-def]
    """Open ``menu`` and click ``action`` in it with the mouse, as a user would."""
    menu.popup(QPoint(40, 40))
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert action.isEnabled(), action.text()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


# -- Edit: Undo, Redo, clipboard --------------------------------------------------------------


def test_undo_and_redo_of_typed_text_by_keys_and_by_the_menu(window: MainWindow, qtbot) -> None:
    edit = window.edit.text
    window.editor.set_text("")  # a fresh history
    focus(qtbot, window.editor)
    assert not edit.undo.isEnabled()  # nothing typed yet: nothing to undo
    QTest.keyClicks(window.editor, "Hello world")
    assert window.editor.toPlainText() == "Hello world"
    assert edit.undo.isEnabled() and not edit.redo.isEnabled()

    press(window.editor, QKeySequence.StandardKey.Undo)
    assert window.editor.toPlainText() == ""
    assert edit.redo.isEnabled() and not edit.undo.isEnabled()
    press(window.editor, QKeySequence.StandardKey.Redo)
    assert window.editor.toPlainText() == "Hello world"

    click_menu_item(qtbot, window.edit_menu, edit.undo)
    assert window.editor.toPlainText() == ""
    click_menu_item(qtbot, window.edit_menu, edit.redo)
    assert window.editor.toPlainText() == "Hello world"
    assert QApplication.focusWidget() is window.editor  # the menu gave the focus back


def test_select_all_copy_and_paste_from_the_menu_follow_the_focused_field(
    window: MainWindow, qtbot
) -> None:
    edit = window.edit.text
    window.editor.set_text("A pause <#0.5#> here.")
    focus(qtbot, window.editor)
    assert not edit.copy.isEnabled() and not edit.cut.isEnabled()  # nothing selected
    click_menu_item(qtbot, window.edit_menu, edit.select_all)
    assert edit.copy.isEnabled() and edit.cut.isEnabled()
    click_menu_item(qtbot, window.edit_menu, edit.copy)
    assert QApplication.clipboard().text() == "A pause <#0.5#> here."

    press(window.editor, QKeySequence.StandardKey.Find)  # a line edit gets the focus
    field = window.edit.bar.find_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3000)
    field.clear()
    assert edit.field is field  # the actions follow the focus to the find field
    click_menu_item(qtbot, window.edit_menu, edit.paste)
    assert field.text() == "A pause <#0.5#> here."  # into the find field, not the editor
    assert window.editor.toPlainText() == "A pause <#0.5#> here."


# -- Find and Replace across a chapter ---------------------------------------------------------

PARAGRAPH = (
    'Chapter {n}. Anna walked to the harbour, where Annabel waited. <#0.5#> "Anna!" she '
    "called, and ANNA turned. The ferry was late again; nobody in the village minded.\n"
)
CHAPTER = "".join(PARAGRAPH.format(n=n) for n in range(1, 401))  # ~70,000 characters


def count_label(window: MainWindow) -> str:
    return window.edit.bar.count_label.text()


def highlights(window: MainWindow) -> list[tuple[int, str]]:
    """(position, text) of the find bar's highlights in the editor."""
    from soundclone_desktop.ui.edit.find_controller import _FOUND_PROPERTY

    selections = window.editor.extraSelections()
    mine = [s.cursor for s in selections if s.format.property(_FOUND_PROPERTY)]
    return sorted((c.selectionStart(), c.selectedText()) for c in mine)


def highlighted(window: MainWindow) -> int:
    return len(highlights(window))


def on_screen(window: MainWindow, pattern: str) -> list[tuple[int, str]]:
    """What should be highlighted: every match of ``pattern`` in the lines on screen."""
    editor = window.editor
    viewport = editor.viewport()
    top = editor.cursorForPosition(QPoint(0, 0)).position()
    bottom = editor.cursorForPosition(QPoint(viewport.width() - 1, viewport.height() - 1))
    text = editor.toPlainText()  # ASCII here: code points are UTF-16 offsets
    found = [(m.start(), m.group()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return [(start, match) for start, match in found if top <= start <= bottom.position()]


def test_find_counts_moves_and_highlights_across_a_chapter(window: MainWindow, qtbot) -> None:
    assert len(CHAPTER) > 60_000
    window.editor.set_text(CHAPTER)
    focus(qtbot, window.editor)
    press(window.editor, QKeySequence.StandardKey.Find)
    bar = window.edit.bar
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    QTest.keyClicks(bar.find_edit, "anna")
    every = len(re.findall("anna", CHAPTER, re.IGNORECASE))  # Annabel too
    assert count_label(window) == f"1 of {every}"
    # Every match on screen is highlighted (the others are painted as they scroll in).
    shown = highlights(window)
    assert 0 < len(shown) < every and shown == on_screen(window, "anna")
    assert window.editor.textCursor().selectedText() == "Anna"

    press(bar.find_edit, "F3")  # Find Next, from the find field
    assert count_label(window) == f"2 of {every}"
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)  # previous
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)  # wraps to the last
    assert count_label(window) == f"{every} of {every}"
    assert highlights(window) == on_screen(window, "anna")  # at the end of the chapter now
    assert highlights(window)[-1][0] > len(CHAPTER) - 500

    QTest.mouseClick(bar.words_check, Qt.MouseButton.LeftButton)
    words = len(re.findall(r"\banna\b", CHAPTER, re.IGNORECASE))
    assert words == every - 400  # not Annabel
    assert count_label(window).endswith(f"of {words}") or count_label(window) == f"{words} found"
    QTest.mouseClick(bar.case_check, Qt.MouseButton.LeftButton)
    assert highlighted(window) == 0 and count_label(window) == "No matches"  # "anna"

    QTest.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert highlighted(window) == 0
    assert QApplication.focusWidget() is window.editor
    press(window.editor, "F3")  # Find Next with the bar closed opens it
    assert bar.isVisible() and QApplication.focusWidget() is bar.find_edit
    focus(qtbot, window.editor)
    QTest.keyClick(window.editor, Qt.Key.Key_Escape)  # Esc from the editor closes it too
    assert not bar.isVisible()


def test_a_bad_regex_is_explained_in_the_bar_and_changes_nothing(window: MainWindow, qtbot) -> None:
    window.editor.set_text(CHAPTER)
    focus(qtbot, window.editor)
    press(window.editor, QKeySequence.StandardKey.Replace)
    bar = window.edit.bar
    assert bar.replace_edit.isVisible()
    QTest.mouseClick(bar.regex_check, Qt.MouseButton.LeftButton)
    QTest.keyClicks(bar.find_edit, "Anna(")
    assert count_label(window).startswith("Not a valid regular expression")
    assert "missing )" in count_label(window)
    assert not bar.replace_all_button.isEnabled() and not bar.next_button.isEnabled()
    QTest.keyClicks(bar.replace_edit, "Mia")
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # Replace: nothing to replace
    window.edit.find.replace_all()
    assert window.editor.toPlainText() == CHAPTER
    assert highlighted(window) == 0


def test_replace_all_with_a_regex_is_one_undo_step(window: MainWindow, qtbot) -> None:
    window.editor.set_text(CHAPTER)
    focus(qtbot, window.editor)
    press(window.editor, QKeySequence.StandardKey.Replace)
    bar = window.edit.bar
    QTest.mouseClick(bar.regex_check, Qt.MouseButton.LeftButton)
    QTest.keyClicks(bar.find_edit, r"Chapter (\d+)\.")
    assert count_label(window) == "1 of 400"
    QTest.keyClicks(bar.replace_edit, r"Part \1:")
    QTest.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    expected = re.sub(r"Chapter (\d+)\.", r"Part \1:", CHAPTER)
    assert window.editor.toPlainText() == expected
    assert count_label(window) == "Replaced 400"
    assert window.edit.find.matches == []  # "Chapter N." is gone everywhere

    focus(qtbot, window.editor)
    press(window.editor, QKeySequence.StandardKey.Undo)  # one step restores the chapter
    assert window.editor.toPlainText() == CHAPTER
    press(window.editor, QKeySequence.StandardKey.Redo)
    assert window.editor.toPlainText() == expected


def test_replace_replaces_the_current_match_and_moves_on(window: MainWindow, qtbot) -> None:
    window.editor.set_text("Anna and Anna and Anna")
    focus(qtbot, window.editor)
    press(window.editor, QKeySequence.StandardKey.Replace)
    bar = window.edit.bar
    QTest.keyClicks(bar.find_edit, "Anna")
    QTest.keyClicks(bar.replace_edit, "Mia")
    QTest.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "Mia and Anna and Anna"
    assert count_label(window) == "1 of 2"  # the next one is selected
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Return)
    assert window.editor.toPlainText() == "Mia and Mia and Anna"


# -- Generate, Stop, Quit ----------------------------------------------------------------------


def test_ctrl_return_generates_once_and_the_generate_menu_shows_it(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    menu = window.edit.generate_menu
    assert window.submit_action in menu.actions()
    assert window.submit_action.shortcut() == QKeySequence("Ctrl+Return")
    window.editor.set_text("Welcome to the studio. <#0.5#> One task, please.")
    focus(qtbot, window.editor)
    QTest.keyClick(window.editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) == 1, timeout=5000)
    job = window.task_list.jobs()[0]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    assert job.state is JobState.DOWNLOADED, job.error
    assert len({entry["taskId"] for entry in server.ledger()}) == 1
    assert window.editor.toPlainText().endswith("please.")  # no line break typed


def test_stop_waiting_in_the_menu_follows_the_task_list(
    make_demo_server: Callable[..., DemoServer], aloop, qtbot
) -> None:
    slow = make_demo_server(task_seconds=30, audio_format="wav")
    window, ctx = studio.open_studio(qtbot, slow)
    try:
        stop = window.edit.stop_action
        assert not stop.isEnabled()  # nothing running
        window.editor.set_text("A long wait.")
        window.submit_action.trigger()
        qtbot.waitUntil(stop.isEnabled, timeout=5000)
        click_menu_item(qtbot, window.edit.generate_menu, stop)
        job = window.task_list.jobs()[0]
        qtbot.waitUntil(lambda: job.state is JobState.CANCELLED, timeout=5000)
        assert not stop.isEnabled()
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_file_quit_closes_the_window(window: MainWindow, qtbot) -> None:
    action = window.edit.quit_action
    assert action in window.file_menu.actions()
    assert action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    with qtbot.waitSignal(window.closed, timeout=5000):
        action.trigger()  # nothing unsaved: no question
    assert not window.isVisible()


# -- shortcuts: listed, none twice -------------------------------------------------------------


def test_the_shortcuts_dialog_lists_generate_with_ctrl_return(window: MainWindow, qtbot) -> None:
    click_menu_item(qtbot, window.help.menu, window.help.shortcuts_action)
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())  # type: ignore[attr-defined]
    native = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Generate speech"] == native
    find = QKeySequence(QKeySequence.StandardKey.Find)
    assert rows["Find…"].startswith(find.toString(QKeySequence.SequenceFormat.NativeText))
    assert "Insert pause" in rows and "Undo" in rows and "Find and Replace…" in rows
    dialog.reject()


def test_no_two_window_actions_share_a_key(window: MainWindow) -> None:
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while its widget has the focus
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.objectName())
    clashes = {key: names for key, names in owners.items() if len(set(names)) > 1}
    assert clashes == {}


def test_menus_are_in_a_desktop_order(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    assert titles[-1] == "&Help"
    assert titles.index("&Generate") < titles.index("&View")
    edit = [a.objectName() for a in window.edit_menu.actions() if not a.isSeparator()]
    assert edit[:6] == ["undoAction", "redoAction", "cutAction", "copyAction", "pasteAction",
                        "selectAllAction"]  # fmt: skip
    assert "insertPauseAction" in edit and "settingsAction" in edit
