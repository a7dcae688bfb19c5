"""A chapter's own voice and parameters, over the book's (a foreword read by its author, a
sad chapter). Anything left "as the book" follows the book's settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.model import Chapter, ChapterOverrides
from soundclone_desktop.core.params import EMOTIONS, PITCH_RANGE, SPEED_RANGE, VOL_RANGE
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.parameters.panel import emotion_label

CTX = "ChapterProperties"

# (field, label, range, decimals): the numbers a chapter may set differently.
_NUMBERS = (
    ("speed", SPEED_RANGE, 2),
    ("vol", (0.01, VOL_RANGE[1]), 2),  # 0 is not a volume
    ("pitch", PITCH_RANGE, 0),
)


class ChapterPropertiesDialog(QDialog):
    def __init__(
        self, chapter: Chapter, book_values: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chapterPropertiesDialog")
        self.setWindowTitle(translate(CTX, "Chapter “%1”").replace("%1", chapter.title))
        overrides = chapter.overrides.as_dict()
        form = QFormLayout()

        self.voice_edit = QLineEdit(chapter.overrides.voice_id or "")
        self.voice_edit.setObjectName("chapterVoiceEdit")
        book_voice = str(book_values.get("model_id") or "") or translate(CTX, "none chosen")
        self.voice_edit.setPlaceholderText(
            translate(CTX, "The book's voice (%1)").replace("%1", book_voice)
        )
        form.addRow(translate(CTX, "Voice ID:"), self.voice_edit)

        self.emotion_combo = QComboBox()
        self.emotion_combo.setObjectName("chapterEmotionCombo")
        book_emotion = emotion_label(str(book_values.get("emotion", "neutral")))
        self.emotion_combo.addItem(
            translate(CTX, "As the book (%1)").replace("%1", book_emotion), None
        )
        for emotion in EMOTIONS:
            self.emotion_combo.addItem(emotion_label(emotion), emotion)
        index = self.emotion_combo.findData(overrides.get("emotion"))
        self.emotion_combo.setCurrentIndex(max(index, 0))
        form.addRow(translate(CTX, "Emotion:"), self.emotion_combo)

        labels = {
            "speed": translate(CTX, "Speed:"),
            "vol": translate(CTX, "Volume:"),
            "pitch": translate(CTX, "Pitch:"),
        }
        self.number_checks: dict[str, QCheckBox] = {}
        self.number_spins: dict[str, QDoubleSpinBox] = {}
        for name, (low, high), decimals in _NUMBERS:
            check = QCheckBox(translate(CTX, "Own value"))
            check.setObjectName(f"chapter_{name}_check")
            spin = QDoubleSpinBox()
            spin.setObjectName(f"chapter_{name}_spin")
            spin.setRange(float(low), float(high))
            spin.setDecimals(decimals)
            spin.setSingleStep(0.05 if decimals else 1)
            spin.setToolTip(
                translate(CTX, "%1 to %2").replace("%1", f"{low:g}").replace("%2", f"{high:g}")
            )
            value = overrides.get(name, book_values.get(name))
            spin.setValue(float(value) if isinstance(value, int | float) else float(low))
            check.setChecked(name in overrides)
            spin.setEnabled(name in overrides)
            check.toggled.connect(spin.setEnabled)
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(spin, 1)
            form.addRow(labels[name], row)
            self.number_checks[name] = check
            self.number_spins[name] = spin

        note = QLabel(
            translate(
                CTX,
                "Changing these makes the chapter's rendered audio stale: it is kept, and "
                "rendered again only when you ask.",
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("chapterPropertiesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def overrides(self) -> ChapterOverrides:
        params: dict[str, Any] = {}
        emotion = self.emotion_combo.currentData()
        if emotion is not None:
            params["emotion"] = emotion
        for name, check in self.number_checks.items():
            if check.isChecked():
                value = self.number_spins[name].value()
                params[name] = round(value) if name == "pitch" else round(value, 2)
        return ChapterOverrides.of(self.voice_edit.text().strip() or None, **params)
