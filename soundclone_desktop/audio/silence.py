"""Finding pauses: stretches where every sample stays below a threshold for a minimum time.

Sample-accurate, so a pause's length is known to the sample; a lossy codec smears a few
milliseconds of quantisation noise into the edges of a pause (MP3 works in 576-sample
granules), which is why the default threshold (−50 dBFS) sits well above that noise. The
detector streams: it carries an open pause from one block to the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .decode import AudioInput, open_audio
from .model import Audio, Samples

__all__ = ["Silence", "SilenceDetector", "detect_silences", "find_silences"]

DEFAULT_THRESHOLD_DBFS = -50.0
DEFAULT_MIN_SECONDS = 0.3


@dataclass(frozen=True, slots=True)
class Silence:
    start_s: float
    end_s: float

    @property
    def seconds(self) -> float:
        return self.end_s - self.start_s


class SilenceDetector:
    """Feed blocks in order; :meth:`finish` returns the pauses found."""

    def __init__(
        self,
        rate: int,
        *,
        threshold_dbfs: float = DEFAULT_THRESHOLD_DBFS,
        min_seconds: float = DEFAULT_MIN_SECONDS,
    ) -> None:
        self._rate = rate
        self._threshold = np.float32(10 ** (threshold_dbfs / 20))
        self._min_frames = max(1, round(min_seconds * rate))
        self._frames = 0
        self._open_since: int | None = 0  # the stream starts "quiet" until a sound says not
        self._found: list[tuple[int, int]] = []

    def feed(self, block: Samples) -> None:
        frames = block.shape[1]
        if frames == 0:
            return
        loud = (np.abs(block) >= self._threshold).any(axis=0)
        where = np.flatnonzero(loud)
        base = self._frames
        if where.size == 0:  # all quiet: the open pause (or a new one) continues
            if self._open_since is None:
                self._open_since = base
            self._frames += frames
            return
        if self._open_since is not None:
            self._close(self._open_since, base + int(where[0]))
        # Gaps between consecutive loud samples inside the block.
        gaps = np.flatnonzero(np.diff(where) > self._min_frames)
        for index in gaps:
            self._close(base + int(where[index]) + 1, base + int(where[index + 1]))
        last = int(where[-1])
        self._open_since = base + last + 1 if last + 1 < frames else None
        self._frames += frames

    def _close(self, start: int, end: int) -> None:
        if end - start >= self._min_frames:
            self._found.append((start, end))

    def finish(self) -> list[Silence]:
        if self._open_since is not None:
            self._close(self._open_since, self._frames)
            self._open_since = None
        return [Silence(s / self._rate, e / self._rate) for s, e in self._found]


def find_silences(
    audio: Audio,
    *,
    threshold_dbfs: float = DEFAULT_THRESHOLD_DBFS,
    min_seconds: float = DEFAULT_MIN_SECONDS,
) -> list[Silence]:
    detector = SilenceDetector(audio.rate, threshold_dbfs=threshold_dbfs, min_seconds=min_seconds)
    detector.feed(audio.samples)
    return detector.finish()


def detect_silences(
    source: AudioInput,
    *,
    threshold_dbfs: float = DEFAULT_THRESHOLD_DBFS,
    min_seconds: float = DEFAULT_MIN_SECONDS,
    cancelled: Callable[[], bool] | None = None,
) -> list[Silence]:
    """Pauses of a file, read at its own rate (exact positions; no resampling smear)."""
    with open_audio(source) as audio:
        detector = SilenceDetector(
            audio.rate, threshold_dbfs=threshold_dbfs, min_seconds=min_seconds
        )
        for block in audio.blocks(cancelled=cancelled):
            detector.feed(block)
    return detector.finish()
