"""First run without an API key: connect an account, or try the built-in demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from soundclone_desktop.i18n import translate

CTX = "WelcomeDialog"


class WelcomeDialog(QDialog):
    """Two clear choices; shown with ``open()`` so no nested event loop runs."""

    api_key_chosen = Signal()
    demo_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(translate(CTX, "Welcome to SoundClone Desktop"))

        heading = QLabel(translate(CTX, "Turn your scripts into speech in your own cloned voice."))
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)

        body = QLabel(
            translate(
                CTX,
                "To start, connect your JimmyAI account with its API key. You find the key "
                "on the API Keys page of your JimmyAI account.\n\n"
                "No account yet? Try the built-in demo: it runs on this computer, needs no "
                "internet and costs nothing.",
            )
        )
        body.setObjectName("welcomeBody")
        body.setWordWrap(True)

        self.api_key_button = QPushButton(translate(CTX, "Enter API key…"))
        self.api_key_button.setObjectName("welcomeApiKeyButton")
        self.api_key_button.setDefault(True)
        self.demo_button = QPushButton(translate(CTX, "Try the demo"))
        self.demo_button.setObjectName("welcomeDemoButton")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.api_key_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addLayout(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(460)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.api_key_button.clicked.connect(self._choose_api_key)
        self.demo_button.clicked.connect(self._choose_demo)

    def _choose_api_key(self) -> None:
        self.accept()
        self.api_key_chosen.emit()

    def _choose_demo(self) -> None:
        self.accept()
        self.demo_chosen.emit()
