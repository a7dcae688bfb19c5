"""View › Theme: System, Light, Dark; the choice is applied at once and remembered."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.settings import UiTheme
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.context import AppContext

from .apply import theme_switch

CTX = "ThemeMenu"


@dataclass(frozen=True)
class ThemeNeeds:
    parent: QWidget
    ctx: AppContext
    view_menu: QMenu


class ThemeMenu:
    def __init__(self, needs: ThemeNeeds) -> None:
        self._ctx = needs.ctx
        self.menu = QMenu(translate(CTX, "&Theme"), needs.parent)
        self.menu.setObjectName("themeMenu")
        self.group = QActionGroup(needs.parent)
        self.group.setExclusive(True)
        self.actions: dict[UiTheme, QAction] = {}
        labels = {
            UiTheme.SYSTEM: translate(CTX, "&System"),
            UiTheme.LIGHT: translate(CTX, "&Light"),
            UiTheme.DARK: translate(CTX, "&Dark"),
        }
        current = theme_switch().choice
        for choice, label in labels.items():
            action = QAction(label, needs.parent)
            action.setObjectName(f"theme_{choice.value}")
            action.setCheckable(True)
            action.setChecked(choice is current)
            action.triggered.connect(lambda _=False, c=choice: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[choice] = action
        self.actions[UiTheme.SYSTEM].setStatusTip(
            translate(CTX, "Follow the system's light or dark setting")
        )
        # First in the View menu: the docks listed after it come and go with features.
        existing = needs.view_menu.actions()
        if existing:
            needs.view_menu.insertMenu(existing[0], self.menu)
            needs.view_menu.insertSeparator(existing[0])
        else:
            needs.view_menu.addMenu(self.menu)

    def choose(self, choice: UiTheme) -> None:
        """Apply ``choice`` now and keep it for the next start."""
        theme_switch().apply(choice)
        self.actions[choice].setChecked(True)
        settings = self._ctx.settings
        if settings.theme is choice:
            return
        settings.theme = choice
        spawn(asyncio.to_thread(self._ctx.settings_store.save, settings), owner=self.menu)


def attach_theme_menu(needs: ThemeNeeds) -> ThemeMenu:
    return ThemeMenu(needs)
