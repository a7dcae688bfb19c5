"""The export dialog: a result's audio as the original file, WAV, MP3, M4A, Opus or FLAC
(optionally loudness-normalised to −16 or −23 LUFS), and its subtitles as SRT, WebVTT, LRC
or ASS with layout rules and a live preview of the file's first cues.

Everything slow happens on a worker thread (reading the subtitle file, converting audio,
writing files); the dialog shows a busy bar meanwhile and Cancel stops before anything is
put in place (see :mod:`.work`). Errors are shown inside the dialog, next to the
fields they concern, and lose none of the choices made. A finished export closes the
dialog and emits ``exported(paths)``; the window reports it in its message bar.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.audio.export import AudioFormat
from soundclone_desktop.audio.transform import PODCAST, LoudnessTarget
from soundclone_desktop.core.subtitles.export import (
    ExportOptions,
    SubtitleFormat,
    preview_subtitles,
)
from soundclone_desktop.core.subtitles.model import SubtitleFormatError, Subtitles
from soundclone_desktop.core.subtitles.parse import parse_subtitles
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.player.background import run_in_background
from soundclone_desktop.ui.theme.tint import Tone, set_tone

from .file_names import AUDIO_SUFFIXES, SUBTITLE_SUFFIXES, file_stem, same_file
from .sections import AudioSection, SubtitleSection, align_labels, set_suffix
from .work import AudioJob, ExportCancelledError, ExportFailedError, SubtitleJob, run_export

log = logging.getLogger(__name__)

CTX = "ExportDialog"
PREVIEW_CUES = 6
CJK_MAX_CHARS = 18
_PREVIEW_DELAY_MS = 120  # typing "60" in a spin box previews once, not for "6" and "60"


@dataclass
class _Memory:
    """Choices kept between openings during this session."""

    audio_format: AudioFormat = AudioFormat.ORIGINAL
    normalize: bool = False
    loudness: LoudnessTarget = PODCAST
    subtitle_format: SubtitleFormat = SubtitleFormat.SRT
    options: ExportOptions = field(default_factory=ExportOptions)
    options_chosen: bool = False  # an export was made: its options win over the defaults
    folder: str | None = None


_memory = _Memory()


class _StepRelay(QObject):
    """Carries "now doing X" from the worker thread to the dialog (a queued signal). Not
    parented to the dialog: the worker may still emit after the dialog is gone."""

    step = Signal(str)


class ExportDialog(QDialog):
    exported = Signal(object)  # list[Path], once the files are in place

    def __init__(
        self,
        parent: QWidget | None,
        *,
        audio_path: Path,
        subtitle_path: Path | None,
        script_text: str | None,
        title: str,
        folder: Path | None = None,
    ) -> None:
        """``folder``: where to export when nothing was chosen yet this session (the project's
        or the results folder); without it, the result's own folder."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(translate(CTX, "Export “{title}”").format(title=_short(title, 40)))
        self.setModal(True)
        self.audio_path = Path(audio_path)
        self.subtitle_path = Path(subtitle_path) if subtitle_path else None
        self._subtitles: Subtitles | None = None
        self._stem = file_stem(title, script_text, self.audio_path)
        self._default_dir = (
            Path(_memory.folder)
            if _memory.folder
            else (Path(folder) if folder is not None else self.audio_path.parent)
        )
        self._running = False
        self._cancel = threading.Event()
        self._confirmed: set[Path] = set()  # existing files the user agreed to replace
        self._file_dialog: QFileDialog | None = None
        self._relay = _StepRelay()
        self._relay.step.connect(self._on_step)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(_PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)

        self._build()
        self._restore_choices()
        self._connect()
        self._read_subtitles()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        folder = self._default_dir

        self.audio_group = AudioSection(
            self, audio_path=self.audio_path, folder=folder, stem=self._stem
        )
        self.audio_format = self.audio_group.audio_format
        self.normalize = self.audio_group.normalize
        self.loudness_target = self.audio_group.loudness_target
        self.audio_target = self.audio_group.audio_target
        self.audio_browse = self.audio_group.audio_browse

        self.subtitle_group = SubtitleSection(
            self, folder=folder, stem=self._stem, subtitle_format=_memory.subtitle_format
        )
        self.subtitle_format = self.subtitle_group.subtitle_format
        self.max_chars = self.subtitle_group.max_chars
        self.max_lines = self.subtitle_group.max_lines
        self.min_duration = self.subtitle_group.min_duration
        self.preview = self.subtitle_group.preview
        self.preview_note = self.subtitle_group.preview_note
        self.subtitle_target = self.subtitle_group.subtitle_target
        self.subtitle_browse = self.subtitle_group.subtitle_browse

        align_labels(self.audio_group.form, self.subtitle_group.form)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)  # busy: the converters report no fraction done
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            translate(CTX, "Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("exportCancelButton")

        layout = QVBoxLayout(self)
        layout.addWidget(self.audio_group)
        layout.addWidget(self.subtitle_group, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    def _restore_choices(self) -> None:
        self.audio_format.setCurrentIndex(self.audio_format.findData(_memory.audio_format))
        self.normalize.setChecked(_memory.normalize)
        self.loudness_target.setCurrentIndex(self.loudness_target.findData(_memory.loudness))
        self.loudness_target.setEnabled(_memory.normalize)
        self.subtitle_format.setCurrentIndex(self.subtitle_format.findData(_memory.subtitle_format))
        self.max_chars.setValue(_memory.options.max_chars_per_line)
        self.max_lines.setValue(_memory.options.max_lines)
        self.min_duration.setValue(_memory.options.min_duration_ms)
        self._retarget_audio()

    def _connect(self) -> None:
        self.audio_format.currentIndexChanged.connect(self._retarget_audio)
        self.normalize.toggled.connect(self.loudness_target.setEnabled)
        self.subtitle_format.currentIndexChanged.connect(self._retarget_subtitles)
        self.subtitle_format.currentIndexChanged.connect(self._preview_timer.start)
        for spin in (self.max_chars, self.max_lines, self.min_duration):
            spin.valueChanged.connect(self._preview_timer.start)
        self.audio_browse.clicked.connect(lambda: self._choose(self.audio_target, audio=True))
        self.subtitle_browse.clicked.connect(
            lambda: self._choose(self.subtitle_target, audio=False)
        )
        self.audio_group.toggled.connect(self._clear_status)
        self.subtitle_group.toggled.connect(self._clear_status)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.reject)

    # -- subtitles and preview ---------------------------------------------------------

    def _read_subtitles(self) -> None:
        if self.subtitle_path is None:
            self._subtitles_unavailable(
                translate(
                    CTX,
                    "This result has no subtitles. Turn on subtitles in the parameters "
                    "before generating to get them.",
                )
            )
            return
        self.preview.setPlainText(translate(CTX, "Reading the subtitles…"))
        self.export_button.setEnabled(False)
        path = self.subtitle_path
        run_in_background(
            lambda: parse_subtitles(path.read_bytes()),
            self,
            self._on_subtitles,
            self._on_subtitles_failed,
        )

    def _on_subtitles(self, subtitles: Subtitles) -> None:
        self._subtitles = subtitles
        self.export_button.setEnabled(True)
        if not _memory.options_chosen and _mostly_wide(subtitles):
            # 42 is a Latin-script norm; Chinese subtitles keep to about 16-20 characters.
            self.max_chars.setValue(CJK_MAX_CHARS)
        self._update_preview()

    def _on_subtitles_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        reason = str(exc) if isinstance(exc, SubtitleFormatError) else _os_reason(exc)
        log.warning("export: cannot read subtitles %s: %s", self.subtitle_path, exc)
        self._subtitles_unavailable(
            translate(CTX, "The subtitle file could not be read: {reason}").format(reason=reason)
        )

    def _subtitles_unavailable(self, sentence: str) -> None:
        self.subtitle_group.setChecked(False)
        self.subtitle_group.setEnabled(False)
        self.preview.setPlainText("")
        self.preview_note.setText(sentence)
        self.preview_note.setWordWrap(True)

    def options(self) -> ExportOptions:
        return ExportOptions(
            max_chars_per_line=self.max_chars.value(),
            max_lines=self.max_lines.value(),
            min_duration_ms=self.min_duration.value(),
        )

    def subtitle_format_choice(self) -> SubtitleFormat:
        return SubtitleFormat(self.subtitle_format.currentData())

    def audio_format_choice(self) -> AudioFormat:
        return AudioFormat(self.audio_format.currentData())

    def loudness_choice(self) -> LoudnessTarget:
        target = self.loudness_target.currentData()
        return target if isinstance(target, LoudnessTarget) else PODCAST

    def _update_preview(self) -> None:
        """The first cues as they will be written. Only those are laid out: a thousand
        cues take a noticeable fraction of a second, the first few nothing."""
        subtitles = self._subtitles
        if subtitles is None:
            return
        head = Subtitles(subtitles.cues[: PREVIEW_CUES + 1], subtitles.word_level)
        text = preview_subtitles(
            head, self.subtitle_format_choice(), self.options(), max_cues=PREVIEW_CUES
        )
        self.preview.setPlainText(text)
        total = len(subtitles.cues)
        if total > PREVIEW_CUES:
            note = translate(
                CTX, "The start of the file; the result has %n subtitles.", None, total
            )
        else:
            note = translate(CTX, "The whole file.")
        self.preview_note.setText(note)

    # -- targets -----------------------------------------------------------------------

    def _audio_suffix(self) -> str:
        fmt = self.audio_format_choice()
        return self.audio_path.suffix if fmt is AudioFormat.ORIGINAL else f".{fmt.value}"

    def _retarget_audio(self) -> None:
        set_suffix(self.audio_target, self._audio_suffix(), AUDIO_SUFFIXES)

    def _retarget_subtitles(self) -> None:
        set_suffix(self.subtitle_target, self.subtitle_format_choice().extension, SUBTITLE_SUFFIXES)

    def _choose(self, target: QLineEdit, *, audio: bool) -> None:
        if self._file_dialog is not None:
            return
        current = Path(target.text().strip() or self._stem)
        title = translate(CTX, "Save audio as") if audio else translate(CTX, "Save subtitles as")
        dialog = QFileDialog(self, title)
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        suffix = current.suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
            dialog.setNameFilters(
                [
                    translate(CTX, "{kind} files (*.{suffix})").format(
                        kind=suffix.upper(), suffix=suffix
                    ),
                    translate(CTX, "All files (*)"),
                ]
            )
        if current.parent.is_dir():  # a quick stat of a folder the user named
            dialog.setDirectory(str(current.parent))
        dialog.selectFile(current.name)
        dialog.fileSelected.connect(lambda chosen: self._chosen(target, Path(chosen)))
        dialog.finished.connect(self._forget_file_dialog)
        dialog.finished.connect(dialog.deleteLater)
        self._file_dialog = dialog
        dialog.open()  # no nested event loop

    def _chosen(self, target: QLineEdit, path: Path) -> None:
        target.setText(str(path))
        self._confirmed.add(path)  # the file dialog already asked about replacing it
        self._clear_status()

    def _forget_file_dialog(self) -> None:
        self._file_dialog = None

    # -- exporting ---------------------------------------------------------------------

    def start_export(self) -> None:
        if self._running:
            return
        plan = self._plan()
        if plan is None:
            return
        audio, subtitles = plan
        self._remember(audio, subtitles)
        self._running = True
        self._cancel.clear()
        self._set_busy(True)
        relay, cancel = self._relay, self._cancel
        run_in_background(
            lambda: run_export(audio, subtitles, cancelled=cancel, step=relay.step.emit),
            self,
            self._on_done,
            self._on_failed,
        )

    def _plan(self) -> tuple[AudioJob | None, SubtitleJob | None] | None:
        """What to write, or ``None`` after saying in the dialog what must change."""
        want_audio = self.audio_group.isChecked()
        want_subtitles = self.subtitle_group.isChecked() and self._subtitles is not None
        if not want_audio and not want_subtitles:
            self._say(translate(CTX, "Tick Audio, Subtitles or both to export."), error=True)
            return None
        audio_target = subtitle_target = None
        if want_audio:
            audio_target = self._target(self.audio_target, translate(CTX, "Audio"))
            if audio_target is None:
                return None
        if want_subtitles:
            subtitle_target = self._target(self.subtitle_target, translate(CTX, "Subtitles"))
            if subtitle_target is None:
                return None
        if audio_target is not None and not audio_target.suffix:
            audio_target = audio_target.with_name(audio_target.name + self._audio_suffix())
        if subtitle_target is not None and not subtitle_target.suffix:
            extension = self.subtitle_format_choice().extension
            subtitle_target = subtitle_target.with_name(subtitle_target.name + extension)
        if audio_target is not None and audio_target == subtitle_target:
            self._say(translate(CTX, "Audio and subtitles need different file names."), error=True)
            return None
        existing = [p for p in (audio_target, subtitle_target) if p is not None and p.exists()]
        unconfirmed = [p for p in existing if p not in self._confirmed]
        if unconfirmed:
            self._confirmed.update(unconfirmed)
            names = ", ".join(p.name for p in unconfirmed)
            self._say(
                translate(CTX, "{names} already exists. Press Export again to replace it.").format(
                    names=names
                ),
                error=False,
            )
            return None
        audio = None
        if audio_target is not None:
            audio = AudioJob(
                self.audio_path,
                audio_target,
                self.audio_format_choice(),
                self.loudness_choice() if self.normalize.isChecked() else False,
            )
        subtitles = None
        if subtitle_target is not None and self._subtitles is not None:
            subtitles = SubtitleJob(
                self._subtitles, subtitle_target, self.subtitle_format_choice(), self.options()
            )
        return audio, subtitles

    def _target(self, edit: QLineEdit, field_name: str) -> Path | None:
        text = edit.text().strip()
        if not text:
            self._say(
                translate(CTX, "{field}: choose where to save the file.").format(field=field_name),
                error=True,
            )
            edit.setFocus()
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._default_dir / path
        if not path.parent.is_dir() and path.parent == self._default_dir:
            try:  # the folder the dialog proposed: make it rather than refuse it
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._say(
                    translate(
                        CTX, "{field}: the folder {folder} could not be created: {reason}"
                    ).format(field=field_name, folder=str(path.parent), reason=_os_reason(exc)),
                    error=True,
                )
                edit.setFocus()
                return None
        if not path.parent.is_dir():
            self._say(
                translate(CTX, "{field}: the folder {folder} does not exist.").format(
                    field=field_name, folder=str(path.parent)
                ),
                error=True,
            )
            edit.setFocus()
            return None
        sources = [self.audio_path, self.subtitle_path]
        if any(source is not None and same_file(source, path) for source in sources):
            self._say(
                translate(
                    CTX, "{field}: that is the result's own file; choose another name."
                ).format(field=field_name),
                error=True,
            )
            edit.setFocus()
            return None
        return path

    def _remember(self, audio: AudioJob | None, subtitles: SubtitleJob | None) -> None:
        _memory.audio_format = self.audio_format_choice()
        _memory.normalize = self.normalize.isChecked()
        _memory.loudness = self.loudness_choice()
        _memory.subtitle_format = self.subtitle_format_choice()
        _memory.options = self.options()
        _memory.options_chosen = subtitles is not None
        first = audio.target if audio is not None else subtitles.target if subtitles else None
        if first is not None:
            _memory.folder = str(first.parent)

    def _on_step(self, name: str) -> None:
        if not self._running or self._cancel.is_set():
            return
        if name == "audio":
            self._say(translate(CTX, "Converting and saving the audio…"), error=False)
        else:
            self._say(translate(CTX, "Saving the subtitles…"), error=False)

    def _on_done(self, paths: list[Path]) -> None:
        self._running = False
        self._set_busy(False)
        if self._cancel.is_set():
            # The files were already in place when Cancel arrived: report them anyway.
            log.info("export finished before the cancel took effect")
        self.exported.emit(paths)
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self._running = False
        self._set_busy(False)
        if isinstance(exc, ExportCancelledError):
            super().reject()
            return
        if isinstance(exc, ExportFailedError):
            sentence = str(exc)
        else:
            log.error("export failed", exc_info=exc)
            sentence = translate(CTX, "The export failed: {reason}").format(reason=str(exc))
        self._say(sentence, error=True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.audio_group, self.export_button):
            widget.setEnabled(not busy)
        self.subtitle_group.setEnabled(not busy and self._subtitles is not None)
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(True)
        if busy:
            self._say(translate(CTX, "Exporting…"), error=False)

    def is_running(self) -> bool:
        return self._running

    # -- status and closing ------------------------------------------------------------

    def status_text(self) -> str:
        return self.status.text()

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setText(text)
        set_tone(self.status, Tone.ERROR if error else None)

    def _clear_status(self) -> None:
        if not self._running:
            self._say("", error=False)

    def reject(self) -> None:
        if self._running:  # stop first; the dialog closes once nothing is left behind
            self._cancel.set()
            self._say(translate(CTX, "Cancelling…"), error=False)
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


# -- helpers ---------------------------------------------------------------------------


def _short(text: str, length: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def _mostly_wide(subtitles: Subtitles) -> bool:
    """Whether most letters of the first cues are wide (CJK) characters."""
    sample = "".join(cue.text for cue in subtitles.cues[:20])
    letters = [ch for ch in sample if ch.isalnum()]
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in letters)
    return bool(letters) and wide * 2 > len(letters)


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}."
    return str(exc)
