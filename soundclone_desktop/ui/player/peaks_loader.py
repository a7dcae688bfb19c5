"""Waveform peaks for a file, computed off the GUI thread by the audio engine.

Any format (MP3 from the service and the demo, WAV, M4A…) goes through
``audio.peaks.compute_peaks`` on a worker thread: PyAV decodes and NumPy reduces with the
GIL released, so the GUI thread keeps running. Long files arrive progressively: a coarse
overview first (``partial``), then refinements, then ``ready`` with the exact peaks.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.audio.errors import AudioError
from soundclone_desktop.audio.overview import Peaks, PeaksCancelledError

from .background import GuiCallback, run_in_background

__all__ = ["PeaksLoader", "compute_peaks"]

log = logging.getLogger(__name__)

DEFAULT_RESOLUTION = 4096  # the least: a short clip fills a wide view
# Zoomed in all the way the view shows 30 ms a bar; buckets of about 10 ms keep detail there,
# decoded once: zooming derives coarser peaks (ui/player/waveform_levels.py), never decodes.
FINE_BUCKET_MS = 10
MAX_RESOLUTION = 1 << 18  # 1 MB of float32 peaks: 14 ms buckets for an hour


def fine_resolution(path: Path) -> int:
    """Buckets of about :data:`FINE_BUCKET_MS` for ``path``'s length, within bounds.

    Unknown lengths get the most: their buckets start at 1 ms and only merge as needed."""
    from soundclone_desktop.audio.decode import open_audio

    with open_audio(path) as audio:
        duration_s = audio.info.duration_s
    if not duration_s:
        return MAX_RESOLUTION
    wanted = round(duration_s * 1000 / FINE_BUCKET_MS)
    return min(MAX_RESOLUTION, max(DEFAULT_RESOLUTION, wanted))


def compute_peaks(path: Path, **options: Any) -> Peaks:
    """The engine's ``compute_peaks``, imported on first use: NumPy and PyAV load with the
    first waveform, not at start-up (the player is on screen from the start)."""
    from soundclone_desktop.audio.peaks import compute_peaks as engine

    return engine(path, **options)


@dataclass
class _Job:
    path: Path
    cancel: threading.Event = field(default_factory=threading.Event)
    # Set once the worker has closed the file: release() waits for it (Windows locking).
    closed: threading.Event = field(default_factory=threading.Event)
    progress: GuiCallback[Peaks] | None = None  # closed when the job ends or is superseded

    def stop(self) -> None:
        self.cancel.set()
        if self.progress is not None:
            self.progress.close()


class _CancelOnDestroy:
    job: _Job | None = None

    def __call__(self, *_: object) -> None:
        if self.job is not None:
            self.job.cancel.set()  # the relay drops the job's callbacks by itself


class PeaksLoader(QObject):
    """Computes peaks for one file at a time; a new ``load()`` supersedes the previous one.

    ``partial(Peaks)`` may come first for long files (incomplete overviews, coarse first);
    then ``ready(Peaks)`` or ``failed(str)`` (a log-level reason, not for users) follow
    each ``load()`` that is not superseded or cancelled.
    """

    ready = Signal(object)
    partial = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, resolution: int | None = None):
        """``resolution`` buckets per file, or (None) :func:`fine_resolution` for its length."""
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
        # The worker gets only plain values and this ticket, never `self`: a loader deleted
        # mid-decode is gone at once, and what its worker sends after is dropped.
        progress = job.progress = GuiCallback(self, lambda peaks: self._progress(job, peaks))

        def work() -> Peaks:
            try:
                buckets = resolution or fine_resolution(path)
                return compute_peaks(
                    path, resolution=buckets, cancelled=job.cancel.is_set, progress=progress
                )
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
        job.stop()
        if wait_ms and not job.closed.wait(wait_ms / 1000):
            log.warning("peaks worker still holds %s after %d ms", job.path.name, wait_ms)

    def _progress(self, job: _Job, peaks: Peaks) -> None:
        if job is self._job:
            self.partial.emit(peaks)

    def _finished(self, job: _Job, peaks: Peaks | None, exc: Exception | None) -> None:
        if job is not self._job:
            return  # superseded or cancelled
        self._job = None
        job.stop()
        if peaks is not None:
            self.ready.emit(peaks)
        elif isinstance(exc, OSError | AudioError):
            log.info("no waveform for %s: %s", job.path.name, exc)
            self.failed.emit(str(exc))
        elif not isinstance(exc, PeaksCancelledError):
            log.error("waveform computation failed for %s", job.path.name, exc_info=exc)
            self.failed.emit(repr(exc))
