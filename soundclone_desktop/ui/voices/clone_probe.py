"""How long a local clone source lasts, measured without blocking the GUI thread.

WAV headers are read in a worker thread by the pure-Python reader in ``core.audio_format``.
Anything else (MP3, M4A, video…) is opened by a ``QMediaPlayer`` with no audio output: it
parses the container asynchronously and reports the duration from the header, without
decoding the whole file. When neither can tell (no multimedia backend, a damaged file, no
answer in time) the result is ``None`` and the wizard warns instead of blocking.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer

from soundclone_desktop.core.audio_format import wav_duration
from soundclone_desktop.core.clone_source import is_wav_name
from soundclone_desktop.core.params import UPLOAD_MAX_BYTES
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.player.gilfree import call_slot

log = logging.getLogger(__name__)

WAV_HEAD_BYTES: Final = 1024 * 1024  # the fmt and data headers sit at the start in practice
QT_TIMEOUT_MS: Final = 10_000

Status = QMediaPlayer.MediaStatus


def read_wav_duration(path: Path) -> float | None:
    """Seconds of a WAV file from its headers (blocking: call in a worker thread).

    The first megabyte holds the headers of any ordinary WAV; a file with huge chunks
    before its audio is read whole (within the upload limit) before giving up.
    """
    with path.open("rb") as handle:
        head = handle.read(WAV_HEAD_BYTES)
        seconds = wav_duration(head)
        if seconds is None and len(head) == WAV_HEAD_BYTES:
            seconds = wav_duration(head + handle.read(UPLOAD_MAX_BYTES))
    return seconds


class DurationProbe(QObject):
    """Measures one file at a time; ``measured(path, seconds | None)`` when done.

    A new :meth:`measure` (or :meth:`cancel`) abandons the previous one: its result is never
    reported, so a slow answer about an old file cannot overwrite the current one.
    """

    measured = Signal(str, object)  # path, float | None

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = QT_TIMEOUT_MS) -> None:
        super().__init__(parent)
        # Created here, synchronously: a QMediaPlayer built inside a coroutine crashes (qasync #85).
        self._player = QMediaPlayer(self)
        self._player.durationChanged.connect(self._on_duration)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._give_up)
        self._current: str | None = None
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self._current is not None

    def measure(self, path: Path) -> None:
        self.cancel()
        self._current = str(path)
        if is_wav_name(path.name):
            spawn(self._measure_wav(path, self._generation), owner=self)
        else:
            self._measure_with_qt(path)

    def cancel(self) -> None:
        self._generation += 1
        self._current = None
        self._timer.stop()
        self._release()

    # -- WAV: pure Python in a worker thread ---------------------------------------------------

    async def _measure_wav(self, path: Path, generation: int) -> None:
        try:
            seconds = await asyncio.to_thread(read_wav_duration, path)
        except OSError as exc:
            log.info("Cannot read %s: %s", path, exc)
            seconds = None
        if generation != self._generation:
            return
        if seconds is None:
            self._measure_with_qt(path)  # an exotic WAV the header reader does not know
            return
        self._report(seconds)

    # -- anything else: the media backend ------------------------------------------------------

    def _measure_with_qt(self, path: Path) -> None:
        if not self._player.isAvailable():
            self._report(None)
            return
        self._timer.start()
        call_slot(self._player, "setSource", ("QUrl", QUrl.fromLocalFile(str(path))))

    def _on_duration(self, ms: int) -> None:
        if self._current is not None and ms > 0 and self._timer.isActive():
            self._report(ms / 1000)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._current is None or not self._timer.isActive():
            return
        if status == Status.InvalidMedia:
            self._report(None)
        elif status in (Status.LoadedMedia, Status.BufferedMedia):
            ms = self._player.duration()
            self._report(ms / 1000 if ms > 0 else None)

    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if self._current is not None and self._timer.isActive():
            log.info("Cannot measure %s: %s (%s)", self._current, detail, error)
            self._report(None)

    def _give_up(self) -> None:
        if self._current is not None:
            log.info("No duration for %s after %d ms", self._current, self._timer.interval())
            self._report(None)

    def _report(self, seconds: float | None) -> None:
        path = self._current
        self._current = None
        self._timer.stop()
        # Not from inside the player's own signal: let go of the file once it has returned.
        QTimer.singleShot(0, self, self._release_if_idle)
        if path is not None:
            self.measured.emit(path, seconds)

    def _release_if_idle(self) -> None:
        if self._current is None:
            self._release()

    def _release(self) -> None:
        # Let go of the file (Windows locks open files) and stop any parsing.
        if not self._player.source().isEmpty():
            call_slot(self._player, "setSource", ("QUrl", QUrl()))
