"""Clipping: stretches where the waveform sits at full scale, as audio driven too hot does.

A clipped tone reaches full scale once or twice per cycle, so the clipped samples come in
short runs a few milliseconds apart; runs closer than ``max_gap_ms`` make one stretch, and a
stretch of at least ``min_ms`` is reported. A lossy codec rings around the flat tops, so the
level is a hair under full scale and the gaps are bridged rather than required to be zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Audio

__all__ = ["ClippedStretch", "find_clipping"]

FULL_SCALE_LEVEL = 0.999
MIN_MS = 10.0
MAX_GAP_MS = 5.0


@dataclass(frozen=True, slots=True)
class ClippedStretch:
    start_s: float
    end_s: float
    clipped_samples: int


def find_clipping(
    audio: Audio,
    *,
    level: float = FULL_SCALE_LEVEL,
    min_ms: float = MIN_MS,
    max_gap_ms: float = MAX_GAP_MS,
) -> list[ClippedStretch]:
    """Every stretch of at least ``min_ms`` whose clipped samples (any channel at
    ``level`` of full scale or more) are never more than ``max_gap_ms`` apart."""
    hot = np.flatnonzero((np.abs(audio.samples) >= level).any(axis=0))
    if hot.size == 0:
        return []
    max_gap = max(1, round(max_gap_ms * audio.rate / 1000))
    breaks = np.flatnonzero(np.diff(hot) > max_gap)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [hot.size - 1]))
    found = []
    for first, last in zip(starts.tolist(), ends.tolist(), strict=True):
        start, end = int(hot[first]), int(hot[last]) + 1
        if (end - start) * 1000 >= min_ms * audio.rate:
            found.append(ClippedStretch(start / audio.rate, end / audio.rate, last - first + 1))
    return found
