"""Waveform overview ("peaks"): the loudest sample of each time bucket, for drawing.

A peak is a magnitude in ``[0, 1]`` of full scale; speech is drawn mirrored around the
centre line, so that is all the view needs. The samples are reduced by NumPy, block by
block (the GIL is released in its kernels), while PyAV decodes the file at its own rate:
peaks need no resampling, which would cost more than the decoding itself.

:func:`compute_peaks` is progressive for long files: first a coarse overview from short
glimpses at evenly spaced seeks (a fraction of a second for an hour), then the exact peaks,
reported left to right as they are computed with the coarse values still standing for the
rest. Memory stays small: the accumulator keeps at most ``2 * resolution`` floats.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from .decode import AudioInput, Cancelled, open_audio
from .model import Samples
from .overview import Peaks, PeaksCancelledError

__all__ = [
    "DEFAULT_RESOLUTION",
    "PeakAccumulator",
    "Peaks",
    "PeaksCancelledError",
    "compute_peaks",
]

DEFAULT_RESOLUTION = 4096
COARSE_BUCKETS = 256
# Below this a file decodes in well under a second: no coarse pass, no partial results.
_PROGRESSIVE_FROM_S = 120.0
_PROGRESS_EVERY_S = 0.25
_BLOCK_SECONDS = 5.0


class PeakAccumulator:
    """Fold ``(channels, frames)`` float blocks into peaks, in order.

    With ``expected_frames`` (a known length) the bucket size fits ``resolution`` at once;
    without, buckets start at 1 ms and are merged pairwise whenever they reach twice the
    resolution, so a stream of unknown length never holds more than ``2 * resolution``.
    """

    def __init__(
        self,
        *,
        frame_rate: int,
        resolution: int = DEFAULT_RESOLUTION,
        expected_frames: int | None = None,
    ) -> None:
        if frame_rate < 1 or resolution < 1:
            raise ValueError("frame_rate and resolution must be positive")
        self._rate = frame_rate
        self._resolution = resolution
        if expected_frames:
            self._bucket = max(1, -(-expected_frames // resolution))
        else:
            self._bucket = max(1, frame_rate // 1000)
        self._values = np.zeros(0, np.float32)
        self._frames = 0

    @property
    def frames(self) -> int:
        return self._frames

    @property
    def bucket_frames(self) -> int:
        return self._bucket

    def feed(self, block: Samples) -> None:
        if block.shape[1] == 0:
            return
        magnitude = np.abs(block).max(axis=0) if block.shape[0] > 1 else np.abs(block[0])
        start = self._frames
        first = start // self._bucket
        # Split the block on the bucket grid; the first bucket may continue the last one.
        edges = np.arange((first + 1) * self._bucket, start + magnitude.size, self._bucket)
        cuts = np.concatenate(([0], edges - start))
        levels = np.maximum.reduceat(magnitude, cuts)
        if first < self._values.size:
            levels[0] = max(levels[0], self._values[first])
            self._values = np.concatenate((self._values[:first], levels))
        else:
            self._values = np.concatenate((self._values, levels))
        self._frames += magnitude.size
        while self._values.size >= 2 * self._resolution:
            self._halve()

    def _halve(self) -> None:
        values = self._values
        if values.size % 2:
            values = np.append(values, np.float32(0))
        self._values = values.reshape(-1, 2).max(axis=1)
        self._bucket *= 2

    def values(self) -> np.ndarray:
        return np.minimum(self._values, 1.0)

    def finish(self) -> Peaks:
        return Peaks(_rounded(self.values()), self._frames * 1000 // self._rate)


def _rounded(values: np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in values.astype(np.float64))


def compute_peaks(
    source: AudioInput,
    *,
    resolution: int = DEFAULT_RESOLUTION,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[Peaks], None] | None = None,
) -> Peaks:
    """Peaks of any audio file. Blocking: call it on a worker thread.

    ``progress`` (when given, for files of a few minutes or more) receives partial
    overviews: the coarse one first, then refinements about four times a second.
    Raises :class:`~.model.AudioError` for unreadable files and :class:`PeaksCancelledError`
    when ``cancelled()`` turns true.
    """
    coarse: np.ndarray | None = None
    with open_audio(source) as audio:
        duration = audio.info.duration_s
        rate = audio.rate
    progressive = progress is not None and duration is not None and duration >= _PROGRESSIVE_FROM_S
    if progressive:
        assert progress is not None and duration is not None
        coarse = _coarse(source, resolution, cancelled)
        if coarse is not None:
            progress(Peaks(_rounded(coarse), round(duration * 1000), complete=False))
    with open_audio(source) as audio:
        expected = round(duration * rate) if duration else None
        acc = PeakAccumulator(frame_rate=rate, resolution=resolution, expected_frames=expected)
        reported = time.monotonic()
        try:
            for block in audio.blocks(round(_BLOCK_SECONDS * rate), cancelled=cancelled):
                acc.feed(block)
                if coarse is not None and progress is not None:
                    now = time.monotonic()
                    if now - reported >= _PROGRESS_EVERY_S:
                        reported = now
                        progress(_partial(acc, coarse, duration or 0.0))
        except Cancelled as exc:
            raise PeaksCancelledError from exc
    if cancelled is not None and cancelled():
        raise PeaksCancelledError
    return acc.finish()


def _coarse(
    source: AudioInput, resolution: int, cancelled: Callable[[], bool] | None
) -> np.ndarray | None:
    """``resolution`` values from :data:`COARSE_BUCKETS` glimpses (repeated to fit)."""
    buckets = min(COARSE_BUCKETS, resolution)
    levels = np.zeros(buckets, np.float32)
    seen = False
    with open_audio(source) as audio:
        for index, piece in audio.glimpses(buckets):
            if cancelled is not None and cancelled():
                raise PeaksCancelledError
            levels[index] = min(1.0, float(np.abs(piece).max(initial=0.0)))
            seen = True
    if not seen:
        return None
    return levels[np.arange(resolution) * buckets // resolution]


def _partial(acc: PeakAccumulator, coarse: np.ndarray, duration: float) -> Peaks:
    exact = acc.values()
    rest = coarse[min(exact.size, coarse.size) :]
    return Peaks(_rounded(np.concatenate((exact, rest))), round(duration * 1000), complete=False)
