"""The Help menu: Keyboard shortcuts, User guide, About. Each dialog is imported when
first opened (start-up time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QWidget

from soundclone_desktop.i18n import translate

CTX = "HelpMenu"


class HasMenuBar(Protocol):
    def menuBar(self) -> QMenuBar: ...


@dataclass(frozen=True)
class HelpNeeds:
    parent: QWidget  # the window: its actions are the ones listed
    menus: HasMenuBar
    tour: Callable[[], object] | None = None  # "Take the tour": the first-run tour again


class HelpMenu(QObject):
    def __init__(self, needs: HelpNeeds) -> None:
        super().__init__(needs.parent)
        self.needs = needs
        self.dialog: QDialog | None = None  # the one open now, for tests
        parent = needs.parent
        self.shortcuts_action = QAction(translate(CTX, "&Keyboard shortcuts"), parent)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.guide_action = QAction(translate(CTX, "User &guide"), parent)
        self.guide_action.setObjectName("guideAction")
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.about_action = QAction(translate(CTX, "&About SoundClone Desktop"), parent)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action.triggered.connect(self.show_about)
        menu = QMenu(translate(CTX, "&Help"), parent)
        menu.setObjectName("helpMenu")
        self.tour_action = QAction(translate(CTX, "Take the &tour"), parent)
        self.tour_action.setObjectName("tourAction")
        tour = needs.tour
        self.tour_action.setVisible(tour is not None)
        if tour is not None:
            self.tour_action.triggered.connect(lambda: tour())
        for action in (self.tour_action, self.shortcuts_action, self.guide_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.about_action)
        needs.menus.menuBar().addMenu(menu)
        self.menu = menu

    def show_shortcuts(self) -> QDialog:
        from soundclone_desktop.ui.help.shortcuts import ShortcutsDialog, shortcut_rows

        rows = shortcut_rows(self.needs.menus.menuBar(), self.needs.parent)
        return self._open(ShortcutsDialog(rows, self.needs.parent))

    def show_guide(self) -> QDialog:
        from soundclone_desktop.ui.help.guide import GuideDialog

        return self._open(GuideDialog(self.needs.parent))

    def show_about(self) -> QDialog:
        from soundclone_desktop.ui.help.about import AboutDialog

        return self._open(AboutDialog(self.needs.parent))

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()  # window-modal, no nested event loop under qasync
        return dialog


def attach_help(needs: HelpNeeds) -> HelpMenu:
    """Add the Help menu, last in the menu bar."""
    return HelpMenu(needs)
