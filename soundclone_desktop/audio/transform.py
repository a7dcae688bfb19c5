"""Sample arithmetic: gain, normalisation to a loudness target, fades, concatenation.

All of it is NumPy on float32 ``(channels, frames)`` arrays; nothing clips here (the
encoder converts to its format and clips at full scale, and normalisation keeps the true
peak under its ceiling, so nothing should reach it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .measure import Measurement
from .model import Audio, Samples

__all__ = [
    "BROADCAST",
    "PODCAST",
    "LoudnessTarget",
    "apply_gain",
    "concatenate",
    "fade",
    "normalization_gain_db",
]

DEFAULT_JOIN_FADE_S = 0.005


@dataclass(frozen=True, slots=True)
class LoudnessTarget:
    """Integrated loudness to reach, and the true peak never to exceed."""

    lufs: float
    ceiling_dbtp: float = -1.0


PODCAST = LoudnessTarget(-16.0, -1.0)
"""Podcasts and the web (AES TD1004: −16 LUFS for streaming speech)."""
BROADCAST = LoudnessTarget(-23.0, -1.0)
"""EBU R128 broadcast."""


def normalization_gain_db(measured: Measurement, target: LoudnessTarget) -> float:
    """The one constant gain that brings ``measured`` to ``target``, lowered if needed so
    the true peak stays at or under the ceiling (then the result is quieter than the
    target, never limited or distorted). 0 for silence."""
    loudness, peak = measured.integrated_lufs, measured.true_peak_dbtp
    if loudness is None or peak is None:
        return 0.0
    return min(target.lufs - loudness, target.ceiling_dbtp - peak)


def apply_gain(samples: Samples, gain_db: float) -> Samples:
    if gain_db == 0.0:
        return samples
    return samples * np.float32(10 ** (gain_db / 20))


def fade(
    samples: Samples, rate: int, *, fade_in_s: float = 0.0, fade_out_s: float = 0.0
) -> Samples:
    """A copy with raised-cosine fades at the start and/or end (shorter than the audio)."""
    out = samples.copy()
    frames = out.shape[1]
    for seconds, at_start in ((fade_in_s, True), (fade_out_s, False)):
        count = min(frames, math.ceil(seconds * rate))
        if count <= 0:
            continue
        ramp = (0.5 - 0.5 * np.cos(np.linspace(0.0, math.pi, count + 2)[1:-1])).astype(np.float32)
        if at_start:
            out[:, :count] *= ramp
        else:
            out[:, frames - count :] *= ramp[::-1]
    return out


def concatenate(
    parts: Sequence[Audio],
    gaps_s: Sequence[float] | float = 0.0,
    *,
    join_fade_s: float = DEFAULT_JOIN_FADE_S,
) -> Audio:
    """``parts`` one after another with exact silent gaps (rounded to the sample) between
    them, each join softened by a short fade so no click is left where a part was cut.

    All parts must share rate and channel count (decode them so). ``gaps_s`` is one value
    for every gap or one per gap (``len(parts) - 1``).
    """
    if not parts:
        raise ValueError("nothing to concatenate")
    rate, channels = parts[0].rate, parts[0].channels
    if any(p.rate != rate or p.channels != channels for p in parts):
        raise ValueError("parts must share sample rate and channel count")
    count = len(parts) - 1
    gaps = [float(gaps_s)] * count if isinstance(gaps_s, int | float) else list(gaps_s)
    if len(gaps) != count or any(g < 0 for g in gaps):
        raise ValueError(f"need {count} non-negative gaps")
    gap_frames = [round(g * rate) for g in gaps]
    total = sum(p.frames for p in parts) + sum(gap_frames)
    out = np.zeros((channels, total), np.float32)
    at = 0
    for index, part in enumerate(parts):
        samples = fade(
            part.samples,
            rate,
            fade_in_s=join_fade_s if index > 0 else 0.0,
            fade_out_s=join_fade_s if index < count else 0.0,
        )
        out[:, at : at + part.frames] = samples
        at += part.frames + (gap_frames[index] if index < count else 0)
    return Audio(out, rate)
