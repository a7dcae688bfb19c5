"""The export dialog's two option groups (audio, subtitles with their preview) and the small
form helpers they share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from soundclone_desktop.audio.export import AudioFormat
from soundclone_desktop.audio.transform import BROADCAST, PODCAST
from soundclone_desktop.core.subtitles.export import (
    MAX_CHARS_RANGE,
    MAX_LINES_RANGE,
    MIN_DURATION_RANGE,
    SubtitleFormat,
)
from soundclone_desktop.i18n import translate

CTX = "ExportDialog"  # the dialog's context: these strings are its strings


class AudioSection(QGroupBox):
    """Audio: the format, loudness normalisation and where to save."""

    def __init__(self, parent: QWidget, *, audio_path: Path, folder: Path, stem: str) -> None:
        super().__init__(translate(CTX, "Audio"), parent)
        self.setObjectName("exportAudioGroup")
        self.setCheckable(True)
        self.audio_format = QComboBox(self)
        self.audio_format.setObjectName("exportAudioFormat")
        original = audio_path.suffix.lstrip(".").upper() or "?"
        self.audio_format.addItem(
            translate(CTX, "Original ({kind}, unchanged)").format(kind=original),
            AudioFormat.ORIGINAL,
        )
        self.audio_format.addItem(translate(CTX, "WAV (uncompressed)"), AudioFormat.WAV)
        self.audio_format.addItem(translate(CTX, "MP3 (128 kbps)"), AudioFormat.MP3)
        self.audio_format.addItem(translate(CTX, "M4A (AAC, 96 kbps)"), AudioFormat.M4A)
        self.audio_format.addItem(translate(CTX, "Opus (48 kbps)"), AudioFormat.OPUS)
        self.audio_format.addItem(translate(CTX, "FLAC (lossless)"), AudioFormat.FLAC)
        self.normalize = QCheckBox(translate(CTX, "Normalise loudness to"), self)
        self.normalize.setObjectName("exportNormalize")
        self.normalize.setToolTip(
            translate(
                CTX,
                "Measures the loudness as broadcast meters do (ITU-R BS.1770) and brings it to "
                "the target with true peaks at most −1 dBTP. The audio is converted, not copied.",
            )
        )
        self.loudness_target = QComboBox(self)
        self.loudness_target.setObjectName("exportLoudnessTarget")
        self.loudness_target.addItem(translate(CTX, "−16 LUFS (podcasts, web)"), PODCAST)
        self.loudness_target.addItem(translate(CTX, "−23 LUFS (broadcast, EBU R128)"), BROADCAST)
        self.audio_target = QLineEdit(str(Path(folder) / (stem + audio_path.suffix)))
        self.audio_target.setObjectName("exportAudioPath")
        self.audio_browse = QPushButton(translate(CTX, "Choose…"), self)
        self.audio_browse.setObjectName("exportAudioBrowse")
        self.form = QFormLayout(self)
        self.form.addRow(translate(CTX, "Format:"), self.audio_format)
        self.form.addRow("", row(self.normalize, self.loudness_target))
        self.form.addRow(translate(CTX, "Save as:"), row(self.audio_target, self.audio_browse))


class SubtitleSection(QGroupBox):
    """Subtitles: the format, the layout limits, a preview of the file and where to save."""

    def __init__(
        self, parent: QWidget, *, folder: Path, stem: str, subtitle_format: SubtitleFormat
    ) -> None:
        super().__init__(translate(CTX, "Subtitles"), parent)
        self.setObjectName("exportSubtitleGroup")
        self.setCheckable(True)
        self.subtitle_format = QComboBox(self)
        self.subtitle_format.setObjectName("exportSubtitleFormat")
        names = {
            SubtitleFormat.SRT: translate(CTX, "SRT (video editors, players)"),
            SubtitleFormat.VTT: translate(CTX, "WebVTT (web video)"),
            SubtitleFormat.LRC: translate(CTX, "LRC (lyrics, one line at a time)"),
            SubtitleFormat.ASS: translate(CTX, "ASS (styled subtitles)"),
        }
        for fmt, name in names.items():
            self.subtitle_format.addItem(name, fmt)
        self.max_chars = spin("exportMaxChars", MAX_CHARS_RANGE)
        self.max_lines = spin("exportMaxLines", MAX_LINES_RANGE)
        self.min_duration = spin("exportMinDuration", MIN_DURATION_RANGE)
        self.min_duration.setSingleStep(100)
        self.min_duration.setSuffix(translate(CTX, " ms"))
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setAccessibleName(translate(CTX, "Preview of the subtitle file"))
        lines = self.preview.fontMetrics().lineSpacing()
        self.preview.setMinimumHeight(lines * 10 + 12)
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("exportPreviewNote")
        self.preview_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.subtitle_target = QLineEdit(str(Path(folder) / (stem + subtitle_format.extension)))
        self.subtitle_target.setObjectName("exportSubtitlePath")
        self.subtitle_browse = QPushButton(translate(CTX, "Choose…"), self)
        self.subtitle_browse.setObjectName("exportSubtitleBrowse")
        self.form = QFormLayout(self)
        self.form.addRow(translate(CTX, "Format:"), self.subtitle_format)
        self.form.addRow(translate(CTX, "Characters per line, at most:"), self.max_chars)
        self.form.addRow(translate(CTX, "Lines per subtitle, at most:"), self.max_lines)
        self.form.addRow(translate(CTX, "Shortest time on screen:"), self.min_duration)
        self.form.addRow(translate(CTX, "Preview:"), self.preview)
        self.form.addRow("", self.preview_note)
        self.form.addRow(
            translate(CTX, "Save as:"), row(self.subtitle_target, self.subtitle_browse)
        )


def row(edit: QWidget, button: QWidget) -> QWidget:
    """A field and its button on one form row."""
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return widget


def align_labels(*forms: QFormLayout) -> None:
    """One label column width for several forms, so their fields line up."""
    labels: list[QLabel] = []
    for form in forms:
        for index in range(form.rowCount()):
            item = form.itemAt(index, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def spin(name: str, limits: tuple[int, int]) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(*limits)
    box.setAccelerated(True)
    return box


def set_suffix(edit: QLineEdit, suffix: str, known: set[str]) -> None:
    """Swap a known extension for ``suffix``; a name the user gave another extension keeps it."""
    text = edit.text().strip()
    if not text:
        return
    path = Path(text)
    if path.suffix.lower() in known or not path.suffix:
        edit.setText(str(path.with_suffix(suffix)) if path.suffix else text + suffix)
