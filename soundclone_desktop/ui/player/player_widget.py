"""``PlayerWidget``: listen to a result, see its waveform, save it or show it in its folder.

A thin layer over ``QMediaPlayer`` in the manner of Picard's player and the Qt for Python
media player example: the multimedia objects are created in the (synchronous) constructor
and parented to the widget, errors become translated sentences, volume is logarithmic.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPalette
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.audio.overview import Peaks
from soundclone_desktop.audio.timefmt import format_position
from soundclone_desktop.ui.theme.tint import Tone, set_tone

from .background import run_in_background
from .controls import ElidedLabel, SeekSlider, slider_to_volume, volume_to_slider
from .gilfree import call_slot
from .icons import Glyph, media_icon
from .messages import media_error_message, no_output_message, unavailable_message
from .peaks_loader import PeaksLoader
from .reveal import reveal_in_file_manager
from .saving import copy_file, open_save_dialog, save_error_message
from .waveform import WaveformView
from .waveform_scroll import WaveformScrollBar

__all__ = ["PlayerWidget"]

log = logging.getLogger(__name__)

Status = QMediaPlayer.MediaStatus
State = QMediaPlayer.PlaybackState

_VOLUME_SAVE_DELAY_MS = 300  # a drag of the volume slider is persisted once, at its end
_SMOOTH_TICK_MS = 30  # the backend reports positions every ~50-100 ms; the playhead glides
_RELEASE_WAIT_MS = 1000


class PlayerWidget(QWidget):
    """Plays one audio file at a time.

    ``volume`` is the linear output volume (0..1) to start with; ``on_volume_changed(linear)``
    is called (debounced) when the user moves the volume slider, for the caller to persist.
    """

    loaded = Signal(int)  # duration in ms, once per load()
    position_changed = Signal(int)
    state_changed = Signal(QMediaPlayer.PlaybackState)
    error = Signal(str)  # a translated sentence for the user
    saved = Signal(str)  # the path a "Save as…" copy was written to
    export_requested = Signal()  # the Export button: the window opens its export dialog

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        volume: float = 1.0,
        on_volume_changed: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerWidget")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # click empty space, then Space plays
        # Created here, synchronously: QMediaPlayer built inside a coroutine crashes (qasync #85).
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._output.setVolume(min(1.0, max(0.0, volume)))  # no renderer yet: a plain call
        self._available = self._player.isAvailable()
        self._peaks = PeaksLoader(self)
        self._on_volume_changed = on_volume_changed
        self._path: Path | None = None
        self._autoplay = False
        self._loaded_sent = False
        self._error_sent = False
        # The decoded length (from the waveform's samples) once known: Qt's MP3 duration
        # counts the encoder's priming and padding, tens of milliseconds too long.
        self._exact_ms: int | None = None
        self._syncing_slider = False
        self._save_dialog: QFileDialog | None = None
        self._save_dir: str | None = None
        self._last_pos = 0
        self._since_pos = QElapsedTimer()

        self._icons: dict[Glyph, QIcon] = {}
        self._build()
        self._refresh_icons()
        self._connect()
        app = QCoreApplication.instance()
        if app is not None:  # stop the backend threads before widgets are torn down
            app.aboutToQuit.connect(self.release)
        self._show_empty()
        if not self._available:
            log.warning("QMediaPlayer is not available: no QtMultimedia backend")
            self._show_message(unavailable_message(), is_error=True)

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self._title = ElidedLabel(self)
        self._title.setObjectName("playerTitleLabel")
        title_font = self._title.font()
        title_font.setBold(True)
        self._title.setFont(title_font)

        style = self.style()
        self._save_button = QToolButton(self)
        self._save_button.setObjectName("playerSaveButton")
        self._save_button.setText(QCoreApplication.translate("Player", "Save as…"))
        self._save_button.setIcon(
            QIcon.fromTheme(
                QIcon.ThemeIcon.DocumentSaveAs,
                style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
            )
        )
        self._show_button = QToolButton(self)
        self._show_button.setObjectName("playerShowButton")
        self._show_button.setText(QCoreApplication.translate("Player", "Show in folder"))
        self._show_button.setIcon(
            QIcon.fromTheme(
                QIcon.ThemeIcon.FolderOpen, style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon)
            )
        )
        self._export_button = QToolButton(self)
        self._export_button.setObjectName("playerExportButton")
        self._export_button.setText(QCoreApplication.translate("Player", "Export…"))
        self._export_button.setToolTip(
            QCoreApplication.translate("Player", "Save audio and subtitles in another format")
        )
        self._export_button.setIcon(
            QIcon.fromTheme(
                QIcon.ThemeIcon.DocumentSend,
                style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight),
            )
        )
        for button in (self._save_button, self._show_button, self._export_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)

        self._waveform = WaveformView(self)
        self._waveform_scroll = WaveformScrollBar(self._waveform, self)

        self._play_button = QPushButton(self)
        self._play_button.setObjectName("playerPlayButton")
        play_text = QCoreApplication.translate("Player", "Play")
        pause_text = QCoreApplication.translate("Player", "Pause")
        metrics = self._play_button.fontMetrics()
        widest = max(metrics.horizontalAdvance(play_text), metrics.horizontalAdvance(pause_text))
        self._play_button.setMinimumWidth(widest + 48)  # icon + padding: no jump on toggle

        self._seek_slider = SeekSlider(Qt.Orientation.Horizontal, self)
        self._seek_slider.setObjectName("playerSeekSlider")
        self._seek_slider.setAccessibleName(QCoreApplication.translate("Player", "Position"))
        self._seek_slider.setSingleStep(1000)
        self._seek_slider.setPageStep(WaveformView.SEEK_STEP_MS)

        self._time_label = QLabel(self)
        self._time_label.setObjectName("playerTimeLabel")
        time_font = self._time_label.font()
        time_font.setFeature(QFont.Tag("tnum"), 1)  # tabular digits: the label does not jitter
        self._time_label.setFont(time_font)
        self._time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._volume_icon = QLabel(self)
        self._volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self._volume_slider.setObjectName("playerVolumeSlider")
        self._volume_slider.setAccessibleName(QCoreApplication.translate("Player", "Volume"))
        self._volume_slider.setRange(0, 100)
        self._volume_slider.setFixedWidth(96)
        self._volume_slider.setValue(volume_to_slider(self._output.volume()))
        self._volume_timer = QTimer(self)
        self._volume_timer.setSingleShot(True)
        self._volume_timer.setInterval(_VOLUME_SAVE_DELAY_MS)

        self._message = QLabel(self)
        self._message.setObjectName("playerMessageLabel")
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._smooth_timer = QTimer(self)
        self._smooth_timer.setInterval(_SMOOTH_TICK_MS)

        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._save_button)
        header.addWidget(self._show_button)
        header.addWidget(self._export_button)
        # The seek bar gets a row of its own, the dock's full width: beside the buttons it
        # was what gave way in a narrow dock, down to a square at 800×560.
        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(self._play_button)
        controls.addWidget(self._time_label)
        controls.addStretch(1)
        controls.addWidget(self._volume_icon)
        controls.addWidget(self._volume_slider)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self._waveform, 1)
        layout.addWidget(self._waveform_scroll)
        layout.addWidget(self._seek_slider)
        layout.addLayout(controls)
        layout.addWidget(self._message)
        self.setTabOrder(self._play_button, self._waveform)

    def _connect(self) -> None:
        player = self._player
        player.mediaStatusChanged.connect(self._on_media_status)
        player.playbackStateChanged.connect(self._on_playback_state)
        player.durationChanged.connect(self._on_duration)
        player.positionChanged.connect(self._on_position)
        player.errorOccurred.connect(self._on_error)
        self._peaks.ready.connect(self._on_peaks)
        self._peaks.partial.connect(self._on_peaks)
        self._peaks.failed.connect(self._on_peaks_failed)
        self._play_button.clicked.connect(self.toggle)
        self._waveform.seek_requested.connect(self.seek)
        self._seek_slider.valueChanged.connect(self._on_slider_value)
        self._seek_slider.sliderReleased.connect(self._on_slider_released)
        self._volume_slider.valueChanged.connect(self._on_volume_slider)
        self._volume_timer.timeout.connect(self._report_volume)
        self._save_button.clicked.connect(self._ask_save_path)
        self._show_button.clicked.connect(self._show_in_folder)
        self._export_button.clicked.connect(self.export_requested)
        self._smooth_timer.timeout.connect(self._glide)

    # -- public API --------------------------------------------------------------------

    def is_available(self) -> bool:
        """False when Qt has no multimedia backend: nothing can be played."""
        return self._available

    def path(self) -> Path | None:
        return self._path

    @property
    def waveform(self) -> WaveformView:
        """The waveform, for a feature that draws markers on it (a book chapter's)."""
        return self._waveform

    def title(self) -> str:
        return self._title.full_text()

    def load(self, path: Path, *, autoplay: bool = False, title: str | None = None) -> None:
        """Replace whatever is loaded with ``path`` (the same path again reloads it)."""
        path = Path(path)
        self._peaks.cancel()
        self._unload()  # without this, the same URL again would be a no-op
        self._path = path
        self._autoplay = autoplay
        self._loaded_sent = self._error_sent = False
        self._exact_ms = None
        self._last_pos = 0
        self._title.set_full_text(title or path.name)
        self._title.setForegroundRole(QPalette.ColorRole.WindowText)
        self._show_message("")
        self._waveform.clear()
        self._waveform.set_loading()
        self._set_duration(0)
        self._on_position(0)
        self._save_button.setEnabled(True)
        self._show_button.setEnabled(True)
        self._export_button.setEnabled(True)
        self._peaks.load(path)
        if self._available:
            call_slot(self._player, "setSource", ("QUrl", QUrl.fromLocalFile(str(path))))

    def release(self) -> None:
        """Stop and let go of the file (before the app moves or deletes it: Windows locks
        open files). The player is empty afterwards."""
        self._peaks.cancel(wait_ms=_RELEASE_WAIT_MS)
        self._unload()
        self._path = None
        self._show_empty()

    def play(self) -> None:
        if self._path is not None and self._available and not self._error_sent:
            # It still plays (the position and captions move), but nobody would hear it.
            self._show_message("" if audio_output_present() else no_output_message())
            call_slot(self._player, "play")

    def pause(self) -> None:
        call_slot(self._player, "pause")

    def stop(self) -> None:
        call_slot(self._player, "stop")

    @Slot()
    def toggle(self) -> None:
        """Play or pause."""
        if self._player.playbackState() == State.PlayingState:
            self.pause()
        else:
            self.play()

    @Slot(int)
    def seek(self, ms: int) -> None:
        call_slot(self._player, "setPosition", ("qint64", max(0, ms)))
        self._on_position(max(0, ms))  # show it now; the backend confirms a moment later

    def position_ms(self) -> int:
        return self._player.position()

    def duration_ms(self) -> int:
        return self._exact_ms if self._exact_ms is not None else self._player.duration()

    def playback_state(self) -> QMediaPlayer.PlaybackState:
        return self._player.playbackState()

    def set_playback_rate(self, rate: float) -> None:
        call_slot(self._player, "setPlaybackRate", ("double", float(rate)))

    def volume(self) -> float:
        """Linear output volume, 0..1."""
        return self._output.volume()

    def set_volume(self, linear: float) -> None:
        """Set the volume without reporting it back through ``on_volume_changed``."""
        self._set_output_volume(linear)
        self._volume_slider.blockSignals(True)
        self._volume_slider.setValue(volume_to_slider(self._output.volume()))
        self._volume_slider.blockSignals(False)

    # -- backend calls, all without the GIL (see gilfree.py) ----------------------------

    def _unload(self) -> None:
        call_slot(self._player, "stop")
        call_slot(self._player, "setSource", ("QUrl", QUrl()))

    def _set_output_volume(self, linear: float) -> None:
        call_slot(self._output, "setVolume", ("float", min(1.0, max(0.0, linear))))

    # -- player events -----------------------------------------------------------------

    @Slot(QMediaPlayer.MediaStatus)
    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (Status.LoadedMedia, Status.BufferedMedia) and not self._loaded_sent:
            duration = self._player.duration()
            if duration > 0 or status == Status.BufferedMedia:
                self._announce_loaded(duration)
        elif status == Status.EndOfMedia:
            self._on_position(self._player.duration())

    def _announce_loaded(self, duration: int) -> None:
        self._loaded_sent = True
        self._set_duration(duration)
        self._play_button.setEnabled(True)
        self._seek_slider.setEnabled(True)
        self.loaded.emit(duration)
        if self._autoplay:
            self.play()

    @Slot(int)
    def _on_duration(self, duration: int) -> None:
        self._set_duration(duration)
        status = self._player.mediaStatus()
        if not self._loaded_sent and duration > 0 and status == Status.LoadedMedia:
            self._announce_loaded(duration)

    @Slot(QMediaPlayer.PlaybackState)
    def _on_playback_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self._update_play_button(state)
        if state == State.PlayingState:
            self._since_pos.start()
            self._smooth_timer.start()
        else:
            self._smooth_timer.stop()
            self._on_position(self._player.position())
        self.state_changed.emit(state)

    def _update_play_button(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == State.PlayingState
        self._play_button.setIcon(self._icons[Glyph.PAUSE if playing else Glyph.PLAY])
        text = (
            QCoreApplication.translate("Player", "Pause")
            if playing
            else QCoreApplication.translate("Player", "Play")
        )
        self._play_button.setText(text)
        self._play_button.setAccessibleName(text)

    @Slot("qint64")
    def _on_position(self, ms: int) -> None:
        self._last_pos = ms
        self._since_pos.restart()
        self._waveform.set_position(ms)
        if not self._seek_slider.isSliderDown():  # the user's drag wins over playback
            self._syncing_slider = True
            self._seek_slider.setValue(ms)
            self._syncing_slider = False
            self._update_time(ms)
        self.position_changed.emit(ms)

    @Slot()
    def _glide(self) -> None:
        """Between backend reports, move the playhead by the time that has passed."""
        ahead = round(self._since_pos.elapsed() * self._player.playbackRate())
        duration = self._waveform.duration()
        estimate = self._last_pos + min(ahead, 150)  # never run far ahead of the backend
        self._waveform.set_position(min(duration, estimate) if duration else estimate)

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError or self._error_sent or self._path is None:
            return
        self._error_sent = True
        log.warning("cannot play %s: %s (%s)", self._path.name, detail, error)
        message = media_error_message(error)
        self._peaks.cancel()
        self._waveform.clear()
        self._play_button.setEnabled(False)
        self._seek_slider.setEnabled(False)
        self._show_message(message, is_error=True)
        self.error.emit(message)

    @Slot(object)
    def _on_peaks(self, peaks: Peaks) -> None:
        if peaks.complete and peaks.duration_ms > 0:
            self._exact_ms = peaks.duration_ms
            if self._loaded_sent:
                self._set_duration(peaks.duration_ms)
        self._waveform.set_peaks(peaks)

    @Slot(str)
    def _on_peaks_failed(self, reason: str) -> None:
        self._waveform.set_unavailable()

    # -- controls ----------------------------------------------------------------------

    def _set_duration(self, duration: int) -> None:
        if duration > 0 and self._exact_ms is not None:
            duration = self._exact_ms
        duration = max(0, duration)
        self._syncing_slider = True
        self._seek_slider.setRange(0, duration)
        self._syncing_slider = False
        self._waveform.set_duration(duration)
        self._update_time(self._seek_slider.value())
        metrics = self._time_label.fontMetrics()
        sample = format_position(duration, duration).replace("1", "0")
        self._time_label.setMinimumWidth(metrics.horizontalAdvance(sample) + 8)

    def _update_time(self, ms: int) -> None:
        self._time_label.setText(format_position(ms, self._seek_slider.maximum()))

    @Slot(int)
    def _on_slider_value(self, value: int) -> None:
        if self._syncing_slider:
            return
        if self._seek_slider.isSliderDown():
            self._update_time(value)  # preview while dragging; seek on release
            self._waveform.set_position(value)
        else:
            self.seek(value)  # keyboard, page step or a click on the groove

    @Slot()
    def _on_slider_released(self) -> None:
        self.seek(self._seek_slider.value())

    @Slot(int)
    def _on_volume_slider(self, value: int) -> None:
        self._set_output_volume(slider_to_volume(value))
        self._volume_slider.setToolTip(
            QCoreApplication.translate("Player", "Volume: {percent} %").format(percent=value)
        )
        self._volume_timer.start()

    @Slot()
    def _report_volume(self) -> None:
        if self._on_volume_changed is not None:
            self._on_volume_changed(self._output.volume())

    def _show_empty(self) -> None:
        self._title.set_full_text(QCoreApplication.translate("Player", "No audio loaded"))
        self._title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._waveform.clear()
        self._set_duration(0)
        self._on_position(0)
        self._smooth_timer.stop()
        self._update_play_button(self._player.playbackState())
        for widget in (
            self._play_button,
            self._seek_slider,
            self._save_button,
            self._show_button,
            self._export_button,
        ):
            widget.setEnabled(False)
        if self._available:
            self._show_message("")

    def _show_message(self, text: str, *, is_error: bool = False) -> None:
        self._message.setText(text)
        self._message.setVisible(bool(text))
        set_tone(self._message, Tone.ERROR if is_error else None)

    def _refresh_icons(self) -> None:
        ratio = self.devicePixelRatioF()
        self._icons = {g: media_icon(g, self.palette(), device_pixel_ratio=ratio) for g in Glyph}
        self._volume_icon.setPixmap(self._icons[Glyph.VOLUME].pixmap(16, 16))
        self._update_play_button(self._player.playbackState())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._icons:
            self._refresh_icons()  # drawn glyphs follow a light/dark switch
        super().changeEvent(event)

    # -- keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_MediaTogglePlayPause):
            self.toggle()
        elif key == Qt.Key.Key_MediaPlay:
            self.play()
        elif key == Qt.Key.Key_MediaPause:
            self.pause()
        elif key == Qt.Key.Key_MediaStop:
            self.stop()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- save / show -------------------------------------------------------------------

    @Slot()
    def _ask_save_path(self) -> None:
        if self._path is None or self._save_dialog is not None:
            return
        source = self._path
        self._save_dialog = open_save_dialog(
            self, source, self._save_dir, lambda target: self.save_to(target, source)
        )
        self._save_dialog.finished.connect(self._forget_save_dialog)

    @Slot()
    def _forget_save_dialog(self) -> None:
        self._save_dialog = None

    def save_to(self, target: Path, source: Path | None = None) -> None:
        """Copy the loaded file (or ``source``) to ``target`` on a worker thread; the outcome
        is shown in the player and announced by ``saved`` or ``error``."""
        source = source or self._path
        if source is None:
            return
        self._save_dir = str(target.parent)
        self._show_message(QCoreApplication.translate("Player", "Saving…"))
        run_in_background(
            lambda: copy_file(source, target),
            self,
            lambda _none: self._saved(target),
            lambda exc: self._save_failed(target, exc),
        )

    def _saved(self, target: Path) -> None:
        message = QCoreApplication.translate("Player", "Saved to {path}.")
        self._show_message(message.format(path=str(target)))
        self.saved.emit(str(target))

    def _save_failed(self, target: Path, exc: Exception) -> None:
        log.warning("saving %s failed: %s", target, exc)
        message = save_error_message(target, exc)
        self._show_message(message, is_error=True)
        self.error.emit(message)

    @Slot()
    def _show_in_folder(self) -> None:
        if self._path is not None and not reveal_in_file_manager(self._path):
            self._show_message(
                QCoreApplication.translate(
                    "Player", "The folder could not be opened: {path}"
                ).format(path=str(self._path.parent)),
                is_error=True,
            )


def audio_output_present() -> bool:
    """Whether the system has a sound device to play through."""
    return bool(QMediaDevices.audioOutputs())
