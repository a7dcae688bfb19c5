"""One voice as a card: name, language and status, tags, ▶ to hear it, and Use."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from soundclone_desktop.core.params import MAX_CLONE_SECONDS, MIN_CLONE_SECONDS
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.theme.tint import Tone, set_tone
from soundclone_desktop.ui.voices.browser_entries import VoiceEntry

CTX = "VoiceBrowser"
CARD_WIDTH = 236


def elided(label: QLabel, text: str, width: int) -> None:
    """``text`` cut to ``width`` with an ellipsis; the whole text in the tooltip if cut."""
    shown = QFontMetrics(label.font()).elidedText(text, Qt.TextElideMode.ElideRight, width)
    label.setText(shown)
    label.setToolTip(text if shown != text else "")


class VoiceCard(QFrame):
    play_requested = Signal(object)  # VoiceEntry
    use_requested = Signal(str)  # model_id

    def __init__(self, entry: VoiceEntry, *, in_use: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("voiceCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(CARD_WIDTH)
        self.setAccessibleName(translate(CTX, "Voice {0}").replace("{0}", entry.name))

        self.name_label = QLabel()
        self.name_label.setObjectName("voiceCardName")
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.name_label.setFont(font)
        elided(self.name_label, entry.name, CARD_WIDTH - 24)

        facts = [entry.language] if entry.language else []
        facts.append(entry.status_text)
        self.status_label = QLabel()
        self.status_label.setObjectName("voiceCardStatus")
        elided(self.status_label, " · ".join(facts), CARD_WIDTH - 24)
        if not entry.usable:
            set_tone(self.status_label, Tone.ERROR)
        self.tags_label = QLabel()
        self.tags_label.setObjectName("voiceCardTags")
        set_tone(self.tags_label, Tone.MUTED)
        elided(self.tags_label, ", ".join(f"#{tag}" for tag in entry.tags), CARD_WIDTH - 24)

        self.play_button = QPushButton("▶ " + translate(CTX, "Listen"))
        self.play_button.setObjectName("voiceCardPlay")
        self.play_button.setAccessibleName(
            translate(CTX, "Listen to {0}").replace("{0}", entry.name)
        )
        self.play_button.setEnabled(entry.preview is not None)
        self.play_button.setToolTip(
            ""
            if entry.preview is not None
            else translate(CTX, "No preview clip was kept for this voice.")
        )
        self.use_button = QPushButton(translate(CTX, "In use") if in_use else translate(CTX, "Use"))
        self.use_button.setObjectName("voiceCardUse")
        self.use_button.setAccessibleName(translate(CTX, "Use {0}").replace("{0}", entry.name))
        self.use_button.setEnabled(entry.usable and not in_use)
        if not entry.usable:
            self.use_button.setToolTip(translate(CTX, "This voice has expired: clone it again."))

        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.name_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tags_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)

        self.play_button.clicked.connect(lambda: self.play_requested.emit(self.entry))
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.entry.model_id))


class CloneCard(QFrame):
    """The first card: where a new voice comes from."""

    clone_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cloneCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(CARD_WIDTH)
        title = QLabel(translate(CTX, "Your own voice"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        hint = QLabel(
            translate(CTX, "From {0} to {1} seconds of clear speech by one person.")
            .replace("{0}", str(MIN_CLONE_SECONDS))
            .replace("{1}", str(MAX_CLONE_SECONDS))
        )
        hint.setWordWrap(True)
        self.clone_button = QPushButton("＋ " + translate(CTX, "Clone a voice…"))
        self.clone_button.setObjectName("cloneCardButton")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.clone_button)
        self.clone_button.clicked.connect(self.clone_requested)
