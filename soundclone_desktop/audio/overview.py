"""The waveform overview as a value: peaks per time bucket. Pure Python on purpose: the
player imports it at start-up, before any audio is decoded (NumPy and PyAV load with the
first waveform, in :mod:`.peaks`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Peaks", "PeaksCancelledError"]


class PeaksCancelledError(Exception):
    """The caller asked to stop (a newer file was loaded); no result is produced."""


@dataclass(frozen=True, slots=True)
class Peaks:
    """A waveform overview: ``values[i]`` is the peak magnitude of the i-th bucket (0..1).

    ``complete`` is false for a progressive, partial overview: part of it is estimated.
    """

    values: tuple[float, ...]
    duration_ms: int
    complete: bool = True

    @property
    def peak(self) -> float:
        """The loudest bucket; 0.0 for silence or no audio."""
        return max(self.values, default=0.0)

    def resample(self, buckets: int) -> list[float]:
        """Peaks for ``buckets`` equal time slices (max-pooling down, repetition up)."""
        return _pool(self.values, buckets)


def _pool(values: Sequence[float], buckets: int) -> list[float]:
    count = len(values)
    if buckets <= 0 or count == 0:
        return []
    out: list[float] = []
    for i in range(buckets):
        lo = i * count // buckets
        hi = max(lo + 1, (i + 1) * count // buckets)
        out.append(max(values[lo:hi]))
    return out
