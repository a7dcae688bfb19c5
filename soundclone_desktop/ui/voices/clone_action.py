"""The "Clone a voice…" action in the Voices menu; the wizard is imported when first opened.

The wizard and its pages (recording checks, upload, preview, save) are a sizeable import
that the studio does not need until the user asks to clone: start-up time (issue #7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from soundclone_desktop.i18n import translate

if TYPE_CHECKING:
    from soundclone_desktop.ui.voices.clone_wizard import CloneWizard, Studio

CTX = "CloneWizard"  # the wizard's own context: its strings are translated there


class CloneLauncher(QObject):
    """Owns the menu action and opens the one wizard of its window."""

    def __init__(self, studio: Studio, parent: QObject) -> None:
        super().__init__(parent)
        self._studio = studio
        self.action = QAction(translate(CTX, "Clone a voice…"), self)
        self.action.setObjectName("cloneVoiceAction")
        self.action.setToolTip(
            translate(CTX, "Make a new voice from a recording of 15 to 60 seconds")
        )
        self.action.triggered.connect(self.open)

    def open(self) -> CloneWizard:
        from soundclone_desktop.ui.voices.clone_wizard import CloneWizard, current_wizard

        wizard = current_wizard(self._studio)
        if wizard is None:
            parent = self.parent()
            assert isinstance(parent, QWidget)
            wizard = CloneWizard(self._studio, parent)  # a dialog: a window of its own
        wizard.open()
        return wizard


def attach_clone_wizard(window: Studio) -> QAction:
    """Add "Clone a voice…" at the top of the window's Voices menu; returns the action."""
    assert isinstance(window, QWidget)
    launcher = CloneLauncher(window, window)
    menu = window.voices_menu
    first = menu.actions()[0] if menu.actions() else None
    if first is not None:
        menu.insertAction(first, launcher.action)
        menu.insertSeparator(first)
    else:
        menu.addAction(launcher.action)
    return launcher.action
