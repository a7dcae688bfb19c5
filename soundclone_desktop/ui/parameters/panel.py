"""Voice and production parameters: the form beside the script.

Values and field names follow ``core.parameters.Parameters`` (plus the voice, ``model_id``);
ranges and language lists come from ``core`` so the form offers exactly what validation
accepts, and the tooltips quote the same ranges. Sliders work on integers
(hundredths for speed and volume), the spin box beside each one holds the real value, and each
side updates the other with signals blocked: no feedback loop, no float drift.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.languages import (
    ALL_LANGUAGES,
    AUTO,
    V1_LANGUAGES,
    guess_language,
    languages_for,
)
from soundclone_desktop.core.parameters import EMOTIONS, VERSIONS, Parameters, SubtitleType
from soundclone_desktop.ui.parameters.labels import emotion_label, language_label
from soundclone_desktop.ui.parameters.range_spin import RangeDoubleSpinBox, RangeSpinBox
from soundclone_desktop.ui.parameters.ranges import FORM_STEP, bounds, form_range
from soundclone_desktop.ui.parameters.slider_pair import SliderSpinPair, double_spin
from soundclone_desktop.ui.theme.colours import colours_for

# Public names; the value labels live in .labels and are imported from here too.
__all__ = [
    "VOICE_WARNING_ROLE",
    "ParametersPanel",
    "SliderSpinPair",
    "VoiceChoice",
    "emotion_label",
    "language_label",
]

_CTX = "ParametersPanel"
_SCALE = round(1 / FORM_STEP)  # slider units per 1.0 of speed or volume
_ENTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VOICE_WARNING_ROLE = Qt.ItemDataRole.UserRole + 2  # True: the voice expires within a day


@dataclass(frozen=True)
class VoiceChoice:
    """One entry of the voice list; ``warning`` flags it (icon and colour)."""

    label: str
    model_id: str
    tooltip: str = ""
    warning: bool = False
    enabled: bool = True  # an expired voice is shown, but cannot be chosen


_FALLBACK_LANGUAGE = "English"


def _defaults() -> dict[str, Any]:
    """The parameters' defaults (everything this panel edits but the voice)."""
    return Parameters().as_dict()


class _VoiceIdEdit(QLineEdit):
    """The inline "paste a voice ID" field; Escape cancels it."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class ParametersPanel(QWidget):
    """``changed()`` after any value change; ``voice_changed(model_id)`` for the voice."""

    changed = Signal()
    voice_changed = Signal(str)
    voice_id_entered = Signal(str)  # a raw ID typed into "Enter a voice ID…"

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        script_text: Callable[[], str] | None = None,
        show_voice: bool = True,
    ) -> None:
        """``show_voice=False`` hides the voice row, for forms of defaults (a voice is not one)."""
        super().__init__(parent)
        self.setObjectName("parametersPanel")
        self._script_text = script_text
        self._voice_index = -1  # the real voice shown before "Enter a voice ID…" was chosen
        self._quiet = False  # set_values in progress: one changed() at the end
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._build_voice(form)
        form.setRowVisible(0, show_voice)
        self._build_version_language(form)
        self._build_emotion(form)
        self._build_sliders(form)
        self._build_subtitles(form)
        self.reset_button = QPushButton(QCoreApplication.translate(_CTX, "Reset to defaults"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(
            QCoreApplication.translate(_CTX, "Set every value except the voice back to its default")
        )
        self.reset_button.clicked.connect(self.reset)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(reset_row)
        layout.addStretch(1)
        self.set_values(_defaults())

    # --- public API ----------------------------------------------------------------------

    def set_script_text_source(self, script_text: Callable[[], str] | None) -> None:
        """Where to read the script when guessing a language for v1."""
        self._script_text = script_text

    def values(self) -> dict[str, Any]:
        """The form as ``ProductionParams`` keyword arguments (everything except ``text``):
        the voice as ``model_id`` and every field of ``Parameters``."""
        model_id = self.voice_combo.currentData()
        return {
            "model_id": model_id if isinstance(model_id, str) else "",
            "version": self.version_combo.currentData(),
            "language": self.language_combo.currentData(),
            "emotion": self.emotion_combo.currentData(),
            "speed": round(self.speed.value(), 2),
            "vol": round(self.vol.value(), 2),
            "pitch": int(self.pitch.value()),
            "subtitles": self.subtitles_check.isChecked(),
            "subtitle_type": SubtitleType(self.subtitle_type_combo.currentData()),
        }

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` (any subset of the keys of :meth:`values`); emits ``changed`` once."""
        before = self.values() if hasattr(self, "subtitle_type_combo") else None
        self._quiet = True
        try:
            if "model_id" in values:
                self.select_voice(str(values["model_id"] or ""))
            if "version" in values:
                with QSignalBlocker(self.version_combo):
                    _select_data(self.version_combo, values["version"])
                self._apply_version()
            if "language" in values:
                self._select_language(str(values["language"]))
            if "emotion" in values:
                _select_data(self.emotion_combo, values["emotion"])
            if "speed" in values:
                self.speed.set_value(float(values["speed"]))
            if "vol" in values:
                self.vol.set_value(float(values["vol"]))
            if "pitch" in values:
                self.pitch.set_value(int(values["pitch"]))
            if "subtitles" in values:
                with QSignalBlocker(self.subtitles_check):
                    self.subtitles_check.setChecked(bool(values["subtitles"]))
                self.subtitle_type_combo.setEnabled(self.subtitles_check.isChecked())
            if "subtitle_type" in values:
                _select_data(self.subtitle_type_combo, str(values["subtitle_type"]))
        finally:
            self._quiet = False
        self.language_note.hide()
        self.range_note.hide()
        after = self.values()
        if before is not None and after != before:
            if after["model_id"] != before["model_id"]:
                self.voice_changed.emit(after["model_id"])
            self.changed.emit()

    def reset(self) -> None:
        """Every value back to the ``Parameters`` default; the voice stays."""
        self.set_values(_defaults())

    def set_voices(
        self, voices: Sequence[tuple[str, str] | VoiceChoice], *, preferred: str | None = None
    ) -> None:
        """Offer ``(label, model_id)`` voices or :class:`VoiceChoice` entries; keeps the
        current voice when it is still there, else selects ``preferred`` (if listed) or the
        first."""
        current = self.values()["model_id"] if self.voice_combo.count() else ""
        with QSignalBlocker(self.voice_combo):
            self.voice_combo.clear()
            for entry in voices:
                self._add_voice(entry if isinstance(entry, VoiceChoice) else VoiceChoice(*entry))
            self.voice_combo.addItem(QCoreApplication.translate(_CTX, "Enter a voice ID…"))
            self.voice_combo.setItemData(self.voice_combo.count() - 1, True, _ENTER_ID_ROLE)
            self.voice_combo.setCurrentIndex(-1)
        self._voice_index = -1
        if current:
            self._quiet = True  # the same voice stays selected: nothing to announce
            try:
                self.select_voice(current)
            finally:
                self._quiet = False
        elif voices:
            index = self.voice_combo.findData(preferred) if preferred else -1
            self._set_voice_index(max(index, 0), notify=True)

    def _add_voice(self, choice: VoiceChoice) -> None:
        self.voice_combo.addItem(choice.label, choice.model_id)
        index = self.voice_combo.count() - 1
        if choice.tooltip:
            self.voice_combo.setItemData(index, choice.tooltip, Qt.ItemDataRole.ToolTipRole)
        if choice.warning:
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.voice_combo.setItemIcon(index, icon)
            self.voice_combo.setItemData(
                index,
                QBrush(colours_for(self.palette()).warning_text),
                Qt.ItemDataRole.ForegroundRole,
            )
            self.voice_combo.setItemData(index, True, VOICE_WARNING_ROLE)
        model = self.voice_combo.model()
        if not choice.enabled and isinstance(model, QStandardItemModel):
            item = model.item(index)
            if item is not None:
                item.setEnabled(False)

    def select_voice(self, model_id: str) -> None:
        """Select a voice by model ID; an ID not in the list is added as its own entry."""
        model_id = model_id.strip()
        if not model_id:
            self._set_voice_index(-1, notify=not self._quiet)
            return
        index = self.voice_combo.findData(model_id)
        if index < 0:
            index = self.voice_combo.count() - 1  # before "Enter a voice ID…"
            self.voice_combo.insertItem(index, model_id, model_id)
        self._set_voice_index(index, notify=not self._quiet)

    # --- building ------------------------------------------------------------------------

    def _build_voice(self, form: QFormLayout) -> None:
        self.voice_combo = QComboBox()
        self.voice_combo.setObjectName("voiceCombo")
        self.voice_combo.setAccessibleName(QCoreApplication.translate(_CTX, "Voice"))
        self.voice_combo.setEditable(False)
        self.voice_combo.setPlaceholderText(QCoreApplication.translate(_CTX, "Choose a voice"))
        self.voice_combo.setToolTip(
            QCoreApplication.translate(
                _CTX,
                "The cloned voice that speaks the script. Choose “Enter a voice ID…” to "
                "paste the ID of a voice created elsewhere.",
            )
        )
        self.voice_combo.addItem(QCoreApplication.translate(_CTX, "Enter a voice ID…"))
        self.voice_combo.setItemData(0, True, _ENTER_ID_ROLE)
        self.voice_combo.setCurrentIndex(-1)
        self.voice_combo.currentIndexChanged.connect(self._on_voice_index)

        # Inline, non-modal: a dialog's exec() would nest an event loop under qasync.
        self.voice_id_edit = _VoiceIdEdit()
        self.voice_id_edit.setObjectName("voiceIdEdit")
        self.voice_id_edit.setAccessibleName(QCoreApplication.translate(_CTX, "Voice ID"))
        # The field is narrow: the short hint inside, the whole one on hover.
        self.voice_id_edit.setPlaceholderText(QCoreApplication.translate(_CTX, "Paste a voice ID"))
        self.voice_id_edit.setToolTip(
            QCoreApplication.translate(_CTX, "Paste a voice ID, then press Enter")
        )
        self.voice_id_edit.returnPressed.connect(self._accept_voice_id)
        self.voice_id_edit.cancelled.connect(self._close_voice_id)
        self.voice_id_apply = QToolButton()
        self.voice_id_apply.setObjectName("voiceIdApply")
        self.voice_id_apply.setText(QCoreApplication.translate(_CTX, "Use"))
        self.voice_id_apply.clicked.connect(self._accept_voice_id)
        self.voice_id_row = QWidget()
        row = QHBoxLayout(self.voice_id_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.voice_id_edit, 1)
        row.addWidget(self.voice_id_apply)
        self.voice_id_row.hide()

        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(self.voice_combo)
        box.addWidget(self.voice_id_row)
        form.addRow(QCoreApplication.translate(_CTX, "Voice:"), box)

    def _build_version_language(self, form: QFormLayout) -> None:
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("versionCombo")
        counts = {"v1": len(V1_LANGUAGES), "v2": len(ALL_LANGUAGES)}
        for version in VERSIONS:
            label = QCoreApplication.translate(_CTX, "{version} ({count} languages)")
            self.version_combo.addItem(
                label.format(version=version, count=counts[version]), version
            )
        self.version_combo.setToolTip(
            QCoreApplication.translate(
                _CTX,
                "Model version. v2 speaks 40 languages and can detect the language "
                "automatically; v1 speaks 24 languages.",
            )
        )
        self.version_combo.currentIndexChanged.connect(self._on_version_changed)
        form.addRow(QCoreApplication.translate(_CTX, "Model:"), self.version_combo)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(QCoreApplication.translate(_CTX, "Language"))
        self.language_combo.setToolTip(
            QCoreApplication.translate(
                _CTX, "The language of the script. “Automatic” is available with model v2 only."
            )
        )
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.language_combo)
        box.addWidget(self.language_note)
        form.addRow(QCoreApplication.translate(_CTX, "Language:"), box)

    def _build_emotion(self, form: QFormLayout) -> None:
        self.emotion_combo = QComboBox()
        self.emotion_combo.setObjectName("emotionCombo")
        for emotion in EMOTIONS:
            self.emotion_combo.addItem(emotion_label(emotion), emotion)
        self.emotion_combo.setToolTip(
            QCoreApplication.translate(_CTX, "The feeling the voice speaks with")
        )
        self.emotion_combo.currentIndexChanged.connect(self._emit_changed)
        form.addRow(QCoreApplication.translate(_CTX, "Emotion:"), self.emotion_combo)

    def _build_sliders(self, form: QFormLayout) -> None:
        speed_spin = double_spin("speedSpin", *form_range("speed"), 0.05)
        self.speed = self._slider_row(
            form,
            "speedSlider",
            speed_spin,
            _SCALE,
            QCoreApplication.translate(_CTX, "Speed (× normal):"),
            QCoreApplication.translate(
                _CTX, "Speaking speed from {low} (slow) to {high} (fast); 1 is normal."
            ).format(**bounds("speed")),
        )
        vol_spin = double_spin("volSpin", *form_range("vol"), 0.1)
        self.vol = self._slider_row(
            form,
            "volSlider",
            vol_spin,
            _SCALE,
            QCoreApplication.translate(_CTX, "Volume (× normal):"),
            QCoreApplication.translate(
                _CTX,
                "Volume from {lowest} to {high}; 1 is normal. The service does not accept "
                "{low}, so {lowest} is the lowest setting.",
            ).format(**bounds("vol")),
        )
        pitch_low, pitch_high = (round(end) for end in form_range("pitch"))
        pitch_spin = RangeSpinBox()
        pitch_spin.setObjectName("pitchSpin")
        pitch_spin.setRange(pitch_low, pitch_high)
        pitch_spin.setSuffix(QCoreApplication.translate(_CTX, " st", "semitones suffix"))
        self.pitch = self._slider_row(
            form,
            "pitchSlider",
            pitch_spin,
            1,
            QCoreApplication.translate(_CTX, "Pitch (semitones):"),
            QCoreApplication.translate(
                _CTX, "Pitch in whole semitones from {low} to {high}; 0 is the voice's own pitch."
            ).format(**bounds("pitch")),
        )
        self.pitch.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.pitch.slider.setTickInterval(6)
        # A typed number out of range is clamped, rounded or refused: say which, and why.
        self.range_note = QLabel()
        self.range_note.setObjectName("rangeNote")
        self.range_note.setWordWrap(True)
        self.range_note.hide()
        form.addRow(self.range_note)
        for pair in (self.speed, self.vol, self.pitch):
            spin = pair.spin
            assert isinstance(spin, RangeDoubleSpinBox | RangeSpinBox)
            spin.note_changed.connect(lambda note, s=spin: self._show_range_note(s, note))
            pair.slider.valueChanged.connect(self.range_note.hide)

    def _show_range_note(self, spin: QAbstractSpinBox, note: str) -> None:
        if note:
            label = QCoreApplication.translate(_CTX, "{field}: {note}")
            self.range_note.setText(label.format(field=spin.accessibleName(), note=note))
        self.range_note.setVisible(bool(note))
        if note:  # in a short window the form scrolls: bring the note into view
            QTimer.singleShot(0, self._reveal_range_note)

    def _reveal_range_note(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea) and self.range_note.isVisible():
            parent.ensureWidgetVisible(self.range_note)

    def _slider_row(
        self,
        form: QFormLayout,
        name: str,
        spin: QAbstractSpinBox,
        scale: int,
        label: str,
        tooltip: str,
    ) -> SliderSpinPair:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(name)
        slider.setRange(round(spin.minimum() * scale), round(spin.maximum() * scale))  # type: ignore[attr-defined]
        slider.setSingleStep(max(1, round(spin.singleStep() * scale)))  # type: ignore[attr-defined]
        slider.setPageStep(max(1, (slider.maximum() - slider.minimum()) // 10))
        spin.setMinimumWidth(90)
        for widget in (slider, spin):
            widget.setToolTip(tooltip)
        slider.setAccessibleName(label.rstrip(":："))
        spin.setAccessibleName(label.rstrip(":："))
        row = QHBoxLayout()
        row.addWidget(slider, 1)
        row.addWidget(spin)
        form.addRow(label, row)
        return SliderSpinPair(slider, spin, scale, self._emit_changed)

    def _build_subtitles(self, form: QFormLayout) -> None:
        self.subtitles_check = QCheckBox(QCoreApplication.translate(_CTX, "Create subtitles"))
        self.subtitles_check.setObjectName("subtitlesCheck")
        self.subtitles_check.setToolTip(
            QCoreApplication.translate(_CTX, "Also produce a subtitle file with the audio")
        )
        self.subtitle_type_combo = QComboBox()
        self.subtitle_type_combo.setObjectName("subtitleTypeCombo")
        self.subtitle_type_combo.setAccessibleName(
            QCoreApplication.translate(_CTX, "Subtitle level")
        )
        self.subtitle_type_combo.addItem(
            QCoreApplication.translate(_CTX, "Sentence"), SubtitleType.SENTENCE.value
        )
        self.subtitle_type_combo.addItem(
            QCoreApplication.translate(_CTX, "Word"), SubtitleType.WORD.value
        )
        self.subtitle_type_combo.setToolTip(
            QCoreApplication.translate(
                _CTX, "Sentence: one subtitle per sentence. Word: timing for every word."
            )
        )
        self.subtitles_check.toggled.connect(self._on_subtitles_toggled)
        self.subtitle_type_combo.currentIndexChanged.connect(self._emit_changed)
        row = QHBoxLayout()
        row.addWidget(self.subtitles_check)
        row.addWidget(self.subtitle_type_combo, 1)
        form.addRow(QCoreApplication.translate(_CTX, "Subtitles:"), row)

    # --- reactions -----------------------------------------------------------------------

    def _emit_changed(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit()

    def _on_subtitles_toggled(self, on: bool) -> None:
        self.subtitle_type_combo.setEnabled(on)
        self._emit_changed()

    def _fill_languages(self, version: str) -> None:
        with QSignalBlocker(self.language_combo):
            self.language_combo.clear()
            for language in languages_for(version):
                self.language_combo.addItem(language_label(language), language)

    def _select_language(self, language: str) -> None:
        with QSignalBlocker(self.language_combo):
            _select_data(self.language_combo, language)

    def _on_version_changed(self, _index: int) -> None:
        self._apply_version()
        self._emit_changed()

    def _apply_version(self) -> None:
        """Offer the version's languages; keep the language if still valid, else replace it."""
        version = str(self.version_combo.currentData())
        previous = self.language_combo.currentData()
        allowed = languages_for(version)
        chosen = previous if previous in allowed else self._replacement(previous, allowed)
        self._fill_languages(version)
        self._select_language(chosen)
        if previous is not None and chosen != previous:
            self._explain_language_change(previous, chosen)

    def _replacement(self, previous: object, allowed: Sequence[str]) -> str:
        if previous == AUTO and self._script_text is not None:
            guess = guess_language(self._script_text())
            if guess in allowed:
                return guess
        return _FALLBACK_LANGUAGE

    def _explain_language_change(self, previous: object, chosen: str) -> None:
        if previous == AUTO:
            text = QCoreApplication.translate(
                _CTX, "Model v1 cannot detect the language, so it is set to {language}."
            )
        else:
            text = QCoreApplication.translate(
                _CTX, "{previous} needs model v2, so the language is set to {language}."
            )
        self.language_note.setText(
            text.format(previous=language_label(str(previous)), language=language_label(chosen))
        )
        self.language_note.setVisible(not self._quiet)

    def _on_language_changed(self, _index: int) -> None:
        self.language_note.hide()
        self._emit_changed()

    def _on_voice_index(self, index: int) -> None:
        if self.voice_combo.itemData(index, _ENTER_ID_ROLE):
            with QSignalBlocker(self.voice_combo):
                self.voice_combo.setCurrentIndex(self._voice_index)  # keep showing the real one
            self.voice_id_edit.clear()
            self.voice_id_row.show()
            self.voice_id_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._voice_index = index
        if not self._quiet:
            self.voice_changed.emit(self.values()["model_id"])
            self.changed.emit()

    def _set_voice_index(self, index: int, *, notify: bool) -> None:
        with QSignalBlocker(self.voice_combo):
            self.voice_combo.setCurrentIndex(index)
        changed = index != self._voice_index
        self._voice_index = index
        if notify and changed:
            self.voice_changed.emit(self.values()["model_id"])
            self.changed.emit()

    def _accept_voice_id(self) -> None:
        model_id = self.voice_id_edit.text().strip()
        self._close_voice_id()
        if model_id:
            self.voice_id_entered.emit(model_id)  # the library may add it to the list first
            self.select_voice(model_id)

    def _close_voice_id(self) -> None:
        self.voice_id_row.hide()
        self.voice_combo.setFocus(Qt.FocusReason.OtherFocusReason)


def _select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
