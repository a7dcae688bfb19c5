"""The menus a desktop app has, for editing and running: Edit (Undo … Select All, Find,
Find and Replace), Generate (Generate speech, Stop waiting) and File › Quit.

Keys are the platform's own (``QKeySequence.StandardKey``): Ctrl+F, F3/Shift+F3 (and
Ctrl+G), Ctrl+H, Ctrl+Q where the platform has one. Generate speech keeps its Ctrl+Return
action; Stop waiting mirrors the task list's button (stopping to follow a task loses its
download, so it has no key).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.edit.find_bar import FindBar
from soundclone_desktop.ui.edit.find_controller import FindController
from soundclone_desktop.ui.edit.text_actions import TextActions
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.studio import Frame

CTX = "EditMenu"


class MenuBar(Protocol):
    """The window's menus this feature fills (``MainWindow`` has them all)."""

    @property
    def file_menu(self) -> QMenu: ...

    @property
    def edit_menu(self) -> QMenu: ...

    @property
    def view_menu(self) -> QMenu: ...

    def menuBar(self) -> QMenuBar: ...


@dataclass(frozen=True)
class EditNeeds:
    parent: QWidget  # the window: the actions' shortcuts work anywhere in it
    editor: ScriptEditor  # the script, or the chapter of the open book
    menus: MenuBar
    frame: Frame  # the find bar goes above the editor
    submit_action: QAction  # "Generate speech", Ctrl+Return
    stop_button: QAbstractButton  # the task list's "Stop waiting"


class _EnabledMirror(QObject):
    """Keeps an action enabled exactly when a button is (buttons have no signal for it)."""

    def __init__(self, button: QAbstractButton, action: QAction) -> None:
        super().__init__(action)
        self._action = action
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            self._action.setEnabled(watched.isEnabled())
        return False


class EditFeature(QObject):
    """The actions, the find bar and its controller (``find``)."""

    def __init__(self, needs: EditNeeds) -> None:
        super().__init__(needs.parent)
        self.needs = needs
        self.text = TextActions(needs.parent)
        self.bar = FindBar()
        needs.frame.add_strip(self.bar)
        self.find = FindController(needs.editor, self.bar)
        key = QKeySequence.StandardKey
        self.find_action = self._action("findAction", translate(CTX, "&Find…"), [key.Find])
        self.find_action.triggered.connect(lambda: self.find.open(replacing=False))
        self.replace_action = self._action(
            "replaceAction", translate(CTX, "Find and &Replace…"), _replace_keys()
        )
        self.replace_action.triggered.connect(lambda: self.find.open(replacing=True))
        self.find_next_action = self._action(
            "findNextAction", translate(CTX, "Find &Next"), [key.FindNext]
        )
        self.find_next_action.triggered.connect(self.find.find_next)
        self.find_previous_action = self._action(
            "findPreviousAction", translate(CTX, "Find Pre&vious"), [key.FindPrevious]
        )
        self.find_previous_action.triggered.connect(self.find.find_previous)
        self.stop_action = self._action("stopAction", translate(CTX, "&Stop waiting"), [])
        self.stop_action.setToolTip(needs.stop_button.toolTip())
        _EnabledMirror(needs.stop_button, self.stop_action)
        self.quit_action = self._action("quitAction", translate(CTX, "&Quit"), [key.Quit])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(needs.parent.close)  # asks about unsaved work
        self._fill_menus()

    def _action(
        self, name: str, text: str, keys: list[QKeySequence.StandardKey] | list[QKeySequence]
    ) -> QAction:
        action = QAction(text, self.needs.parent)
        action.setObjectName(name)
        shortcuts: list[QKeySequence] = []
        for each in keys:
            shortcuts += (
                QKeySequence.keyBindings(each)
                if isinstance(each, QKeySequence.StandardKey)
                else [each]
            )
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def _fill_menus(self) -> None:
        menus = self.needs.menus
        edit = menus.edit_menu
        first = edit.actions()[0] if edit.actions() else edit.addSeparator()
        finds = [self.find_action, self.replace_action]
        finds += [self.find_next_action, self.find_previous_action]
        for group in (self.text.actions()[:2], self.text.actions()[2:], finds):
            for action in group:
                edit.insertAction(first, action)
            edit.insertSeparator(first)
        generate = QMenu(translate(CTX, "&Generate"), self.needs.parent)
        generate.setObjectName("generateMenu")
        generate.addAction(self.needs.submit_action)
        generate.addAction(self.stop_action)
        menus.menuBar().insertMenu(menus.view_menu.menuAction(), generate)
        self.generate_menu = generate
        menus.file_menu.addSeparator()
        menus.file_menu.addAction(self.quit_action)


def _replace_keys() -> list[QKeySequence]:
    """Ctrl+H where the platform names it; macOS has no standard one: ⌥⌘F, as its apps."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Replace)
    if keys:
        return keys
    return [QKeySequence("Ctrl+Alt+F" if sys.platform == "darwin" else "Ctrl+H")]


def attach_edit(needs: EditNeeds) -> EditFeature:
    """The Edit actions, the find bar above the editor, the Generate menu and File › Quit."""
    return EditFeature(needs)
