"""The offer to restore an autosaved script: a strip above the editor, never a modal box.

It stays until the user answers (other messages in the window's message bar do not push
it away), with two buttons: Restore and Discard.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.autosave import Snapshot
from soundclone_desktop.ui.theme.tint import BannerKind, set_banner

CTX = "RecoveryBar"
_EXCERPT = 80


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


class RecoveryBar(QFrame):
    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        set_banner(self, BannerKind.WARNING, label_name="recoveryLabel")
        self.label = QLabel()
        self.label.setObjectName("recoveryLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton(translate(CTX, "Restore"))
        self.restore_button.setObjectName("recoveryRestoreButton")
        self.discard_button = QPushButton(translate(CTX, "Discard"))
        self.discard_button.setObjectName("recoveryDiscardButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self.restore_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def offer(self, snapshot: Snapshot) -> None:
        when = QLocale().toString(
            QDateTime.fromMSecsSinceEpoch(round(snapshot.saved_at * 1000)),
            QLocale.FormatType.ShortFormat,
        )
        lines = [translate(CTX, "Restore the script you were writing?")]
        if snapshot.project_path is not None:
            detail = translate(CTX, "Autosaved at %1 in “%2”, with changes that were not saved.")
            lines.append(detail.replace("%1", when).replace("%2", snapshot.project_path.name))
        else:
            lines.append(translate(CTX, "Autosaved at %1, never saved.").replace("%1", when))
        text = excerpt(snapshot.project.text) or excerpt(snapshot.project.notes)
        if text:
            lines.append(f"“{text}”")
        self.label.setText("\n".join(lines))
        self.show()
