"""An inline message strip for errors and notices: never a modal box, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.theme.tint import BannerKind, set_banner

CTX = "MessageBar"


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_BANNERS = {
    Level.INFO: BannerKind.INFO,
    Level.WARNING: BannerKind.WARNING,
    Level.ERROR: BannerKind.ERROR,
}


class MessageBar(QFrame):
    """One message at a time, with an optional action button ("Open Settings")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setObjectName("messageLabel")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setObjectName("messageActionButton")
        self.close_button = QToolButton()
        self.close_button.setObjectName("messageCloseButton")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate(CTX, "Dismiss this message"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._action: Callable[[], object] | None = None  # its result is ignored
        self.level = Level.INFO
        self.action_button.clicked.connect(self._run_action)
        self.close_button.clicked.connect(self.clear)
        self.hide()

    def show_message(
        self,
        text: str,
        level: Level = Level.INFO,
        *,
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
    ) -> None:
        self.level = level
        set_banner(self, _BANNERS[level], label_name="messageLabel")
        self.label.setText(text)
        self._action = action
        self.action_button.setVisible(bool(action_text and action))
        self.action_button.setText(action_text or "")
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self._action = None
        self.label.clear()
        self.hide()

    def _run_action(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()
