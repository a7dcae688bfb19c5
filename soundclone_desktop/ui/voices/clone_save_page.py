"""Step 4 of the clone wizard: listen to the preview, name the voice, save or discard it."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from soundclone_desktop.core.voices import expires_at
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.player import PlayerWidget
from soundclone_desktop.ui.theme.tint import Tone, set_tone
from soundclone_desktop.ui.voices.clone_widgets import hide_player_buttons

CTX = "CloneWizard"

NAME_MAX: Final = 80


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a voice name (a translated sentence), or ``None``."""
    cleaned = " ".join(name.split())
    if not cleaned:
        return translate(CTX, "Voice name is required (1 to {max} characters).").format(
            max=NAME_MAX
        )
    if len(cleaned) > NAME_MAX:
        return translate(
            CTX, "Voice name must be at most {max} characters (it has {count})."
        ).format(max=NAME_MAX, count=len(cleaned))
    return None


class SavePage(QWidget):
    """The finished preview in a player, and the voice's name."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, volume: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("cloneSavePage")
        intro = QLabel(translate(CTX, "Your voice is ready. Listen to the preview, then name it."))
        intro.setObjectName("cloneSaveIntro")
        intro.setWordWrap(True)
        self.player = PlayerWidget(self, volume=volume)
        self.player.setObjectName("clonePreviewPlayer")
        hide_player_buttons(self.player, "playerExportButton")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("cloneVoiceNameEdit")
        self.name_edit.setPlaceholderText(translate(CTX, "For example: Narrator, calm"))
        self.name_edit.setMaxLength(NAME_MAX * 2)  # over the limit is said, not silently cut
        self.name_problem = QLabel()
        self.name_problem.setObjectName("cloneVoiceNameProblem")
        self.name_problem.setWordWrap(True)
        set_tone(self.name_problem, Tone.ERROR)
        self.name_problem.hide()
        self.info_label = QLabel()
        self.info_label.setObjectName("cloneVoiceInfo")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_problem)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate(CTX, "Voice name:"), name_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.player)
        layout.addLayout(form)
        layout.addWidget(self.info_label)
        layout.addStretch(1)
        self.name_edit.textChanged.connect(self._on_name)

    def show_voice(self, model_id: str, preview: Path, created_at: float, name: str) -> None:
        self.player.load(preview, title=translate(CTX, "Preview of the cloned voice"))
        if not self.name_edit.text().strip():
            self.name_edit.setText(name)
        until = QDateTime.fromSecsSinceEpoch(int(expires_at(created_at)))
        self.info_label.setText(
            translate(
                CTX,
                "Voice ID: {id}. The voice is temporary: use it once for speech before {date} "
                "and it is kept for good; otherwise the service deletes it.",
            ).format(
                id=model_id,
                date=QLocale().toString(until, QLocale.FormatType.ShortFormat),
            )
        )

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def check_name(self) -> bool:
        """Show the name's problem in place; True when the name is fine."""
        problem = name_problem(self.name_edit.text())
        self.name_problem.setText(problem or "")
        self.name_problem.setVisible(problem is not None)
        return problem is None

    def _on_name(self, _text: str) -> None:
        if self.name_problem.isVisible():
            self.check_name()
        self.changed.emit()

    def release(self) -> None:
        self.player.release()
