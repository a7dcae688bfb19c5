"""Waveform peaks for a file, computed off the GUI thread.

WAV (what the demo server sends) goes through the stdlib reader in ``audio.peaks``: fast and
Qt-free. Anything else (MP3 from the real service, float WAV) is decoded by ``QAudioDecoder``
on the worker thread itself, inside a local event loop, and folded into peaks buffer by
buffer, so the PCM is never held in memory.
"""

from __future__ import annotations

import logging
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

from soundclone_desktop.audio.peaks import (
    DEFAULT_RESOLUTION,
    PeakAccumulator,
    Peaks,
    PeaksCancelledError,
    compute_wav_peaks,
)

from .background import run_in_background
from .gilfree import call_slot, delete_in_event_loop

__all__ = ["DecodeError", "PeaksLoader", "compute_peaks", "decode_peaks"]

log = logging.getLogger(__name__)

# Peaks need no fidelity: 16 kHz mono 16-bit is plenty and a quarter of the data of 32 kHz
# float; FFmpeg resamples on its own thread.
_DECODE_RATE = 16_000
_DECODE_STALL_MS = 15_000
_SAMPLE_WIDTHS = {
    QAudioFormat.SampleFormat.UInt8: 1,
    QAudioFormat.SampleFormat.Int16: 2,
    QAudioFormat.SampleFormat.Int32: 4,
}


class DecodeError(Exception):
    """The decoder could not read the file (damaged, unsupported, or no backend)."""


def compute_peaks(
    path: Path,
    *,
    resolution: int = DEFAULT_RESOLUTION,
    cancelled: Callable[[], bool] = lambda: False,
) -> Peaks:
    """Peaks of any audio file the app plays. Blocking: call it on a worker thread."""
    with path.open("rb") as head_file:
        head = head_file.read(12)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        try:
            return compute_wav_peaks(path, resolution=resolution, cancelled=cancelled)
        except (wave.Error, EOFError) as exc:  # float/extensible/ADPCM WAV: FFmpeg reads it
            log.debug("stdlib wave cannot read %s (%s); decoding instead", path.name, exc)
    return decode_peaks(path, resolution=resolution, cancelled=cancelled)


def decode_peaks(
    path: Path,
    *,
    resolution: int = DEFAULT_RESOLUTION,
    cancelled: Callable[[], bool] = lambda: False,
) -> Peaks:
    """Decode with ``QAudioDecoder`` in the *calling* thread (a worker with no event loop of
    its own: a local ``QEventLoop`` runs until the decoder finishes, fails or stalls)."""
    decoder = QAudioDecoder()
    requested = QAudioFormat()
    requested.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    requested.setChannelCount(1)
    requested.setSampleRate(_DECODE_RATE)
    decoder.setAudioFormat(requested)
    loop = QEventLoop()
    ticker = QTimer()
    ticker.setInterval(100)
    state = _DecodeState()

    def stop(error: str | None = None) -> None:
        if state.done:
            return
        state.done, state.error = True, error
        loop.quit()

    def on_buffer() -> None:
        buffer = decoder.read()
        if state.done or not buffer.isValid():
            return
        state.idle_ms = 0
        if state.acc is None:
            fmt = buffer.format()
            width = _SAMPLE_WIDTHS.get(fmt.sampleFormat())
            if width is None:
                stop(f"unexpected decoder sample format {fmt.sampleFormat()}")
                return
            state.acc = PeakAccumulator(
                sample_width=width,
                channels=fmt.channelCount(),
                frame_rate=fmt.sampleRate(),
                resolution=resolution,
            )
        state.acc.feed(buffer.constData())

    def on_tick() -> None:
        state.idle_ms += ticker.interval()
        if cancelled():
            stop("cancelled")
        elif state.idle_ms >= _DECODE_STALL_MS:
            stop("the decoder stalled")

    decoder.bufferReady.connect(on_buffer)
    decoder.finished.connect(stop)
    decoder.error.connect(lambda _code: stop(decoder.errorString() or "decoding failed"))
    ticker.timeout.connect(on_tick)
    decoder.setSource(QUrl.fromLocalFile(str(path)))  # nothing runs yet: a plain call is safe
    call_slot(decoder, "start")
    ticker.start()
    if not state.done:  # errors can arrive synchronously from start(); exec() would hang
        loop.exec()
    ticker.stop()
    call_slot(decoder, "stop")
    delete_in_event_loop(decoder)  # closes the file now, not whenever Python collects it
    if state.error == "cancelled":
        raise PeaksCancelledError
    if state.error is not None:
        raise DecodeError(state.error)
    if state.acc is None:
        return Peaks((), 0)
    return state.acc.finish()


@dataclass
class _DecodeState:
    done: bool = False
    error: str | None = None
    idle_ms: int = 0
    acc: PeakAccumulator | None = None


@dataclass
class _Job:
    path: Path
    cancel: threading.Event = field(default_factory=threading.Event)
    # Set once the worker has closed the file: release() waits for it (Windows locking).
    closed: threading.Event = field(default_factory=threading.Event)


class _CancelOnDestroy:
    job: _Job | None = None

    def __call__(self, *_: object) -> None:
        if self.job is not None:
            self.job.cancel.set()


class PeaksLoader(QObject):
    """Computes peaks for one file at a time; a new ``load()`` supersedes the previous one.

    ``ready(Peaks)`` or ``failed(str)`` (a log-level reason, not for users) follow each
    ``load()`` that is not superseded or cancelled.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, resolution: int = DEFAULT_RESOLUTION):
        super().__init__(parent)
        self._resolution = resolution
        self._job: _Job | None = None
        # Cancel the worker when this object dies, without a closure that keeps `self` alive.
        self._on_destroyed = _CancelOnDestroy()
        self.destroyed.connect(self._on_destroyed)

    def is_busy(self) -> bool:
        return self._job is not None

    def load(self, path: Path) -> None:
        self.cancel()
        job = self._job = self._on_destroyed.job = _Job(path)
        resolution = self._resolution

        def work() -> Peaks:
            try:
                return compute_peaks(path, resolution=resolution, cancelled=job.cancel.is_set)
            finally:
                job.closed.set()

        run_in_background(
            work,
            self,
            lambda peaks: self._finished(job, peaks, None),
            lambda exc: self._finished(job, None, exc),
        )

    def cancel(self, *, wait_ms: int = 0) -> None:
        """Stop the running job; with ``wait_ms``, block until it has closed the file."""
        job, self._job = self._job, None
        if job is None:
            return
        job.cancel.set()
        if wait_ms and not job.closed.wait(wait_ms / 1000):
            log.warning("peaks worker still holds %s after %d ms", job.path.name, wait_ms)

    def _finished(self, job: _Job, peaks: Peaks | None, exc: Exception | None) -> None:
        if job is not self._job:
            return  # superseded or cancelled
        self._job = None
        if peaks is not None:
            self.ready.emit(peaks)
        elif isinstance(exc, OSError | DecodeError):
            log.info("no waveform for %s: %s", job.path.name, exc)
            self.failed.emit(str(exc))
        elif not isinstance(exc, PeaksCancelledError):
            log.error("waveform computation failed for %s", job.path.name, exc_info=exc)
            self.failed.emit(repr(exc))
