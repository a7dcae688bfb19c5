"""Peaks at any zoom from one fine decode: a pyramid of maxima, each level half the last.

The peaks are magnitudes (the view draws them mirrored around the centre line), so a level's
value is the max of the two below it; a min/max pair would add nothing. A bar of any width
reads the coarsest level whose buckets are no wider than the bar: at most a few values per
bar, so the work per paint follows the visible bars, never the length of the file.

NumPy is imported with this module, which the view loads with the first peaks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["PeakLevels"]

FloatArray = npt.NDArray[np.float32]


class PeakLevels:
    """``levels[k][i]`` is the peak of ``[i, i + 1) * bucket_ms * 2**k``."""

    def __init__(self, values: Sequence[float], duration_ms: int) -> None:
        fine = np.fromiter(values, np.float32, len(values))  # faster than asarray on a tuple
        self.duration_ms = max(1, duration_ms)
        self.bucket_ms = self.duration_ms / max(1, fine.size)
        self.levels: list[FloatArray] = [fine]
        while self.levels[-1].size > 1:
            level = self.levels[-1]
            if level.size % 2:
                level = np.append(level, np.float32(0))
            # Element-wise over the even and odd buckets: 5× faster than a reduction over
            # pairs (``reshape(-1, 2).max(axis=1)``).
            self.levels.append(np.maximum(level[0::2], level[1::2]))
        self.peak = float(self.levels[-1][0]) if fine.size else 0.0
        self.touched = 0  # values read by the last bars() call (tests bound the work)

    def bars(self, first_ms: float, bar_ms: float, count: int) -> FloatArray:
        """The peak of each of ``count`` bars ``bar_ms`` wide from ``first_ms``; 0 past the
        ends."""
        self.touched = 0
        if count <= 0 or bar_ms <= 0 or not self.levels[0].size:
            return np.zeros(max(0, count), np.float32)
        depth = 0
        while depth + 1 < len(self.levels) and self.bucket_ms * 2 ** (depth + 1) <= bar_ms:
            depth += 1
        level, level_ms = self.levels[depth], self.bucket_ms * 2**depth
        edges = first_ms + bar_ms * np.arange(count + 1, dtype=np.float64)
        lo = np.floor(edges[:-1] / level_ms).astype(np.int64)
        hi = np.maximum(lo + 1, np.ceil(edges[1:] / level_ms).astype(np.int64))
        inside = (hi > 0) & (lo < level.size)
        out = np.zeros(count, np.float32)
        if not inside.any():
            return out
        lo, hi = np.clip(lo, 0, level.size - 1), np.clip(hi, 1, level.size)
        begin, end = int(lo[inside][0]), int(hi[inside][-1])
        window = level[begin:end]
        self.touched = window.size
        # reduceat: the max from each bar's first bucket up to the next bar's first bucket
        # (or that one bucket when bars are narrower than buckets) ...
        reduced = np.maximum.reduceat(window, lo[inside] - begin)
        # ... and the bar's last bucket, which the next bar starts in: a bar is at least a
        # bucket wide (or shares one or two), so that is all it can miss. Without it a peak
        # in the shared bucket but wholly inside this bar was drawn only on the next bar.
        out[inside] = np.maximum(reduced, level[hi[inside] - 1])
        return out
