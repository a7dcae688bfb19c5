"""Room tone: a quiet, steady, natural-sounding noise to lay under speech instead of digital
silence (audiobook reviewers reject "dead air", and a noise-floor meter reads nothing from
exact zeros).

The tone is pink-ish noise (−3 dB per octave, rolled off above 8 kHz like the air of a quiet
room through a microphone), made once per rate and channel count as a 10 s loop by shaping
white noise in the frequency domain, brought to the wanted RMS level, its rare peaks held
within 9 dB of that level so it stays well below a −50 dBFS silence threshold.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from .model import Samples

__all__ = ["RoomTone"]

_LOOP_SECONDS = 10.0
_CREST_DB = 9.0
_SEED = 1616


@cache
def _unit_loop(rate: int, channels: int) -> Samples:
    """A loop at 0 dBFS RMS (peaks clipped at +9 dB, then re-levelled)."""
    frames = round(_LOOP_SECONDS * rate)
    rng = np.random.default_rng(_SEED)
    spectrum = rng.standard_normal((channels, frames // 2 + 1)) + 1j * rng.standard_normal(
        (channels, frames // 2 + 1)
    )
    freqs = np.fft.rfftfreq(frames, 1 / rate)
    shape = 1 / np.sqrt(np.maximum(freqs, 40.0))  # pink: −3 dB per octave, flat under 40 Hz
    shape *= 1 / np.sqrt(1 + (freqs / 8000.0) ** 4)  # roll-off above 8 kHz
    shape[0] = 0.0  # no DC
    noise = np.fft.irfft(spectrum * shape, n=frames, axis=1)
    for _ in range(3):  # clip peaks, re-level, until the peaks stay in bounds
        noise /= np.sqrt(np.mean(noise**2))
        limit = 10 ** (_CREST_DB / 20)
        np.clip(noise, -limit, limit, out=noise)
    noise /= np.sqrt(np.mean(noise**2))
    noise *= 10 ** (-0.2 / 20)  # the last re-level may lift peaks a hair over: stay under
    return noise.astype(np.float32)


class RoomTone:
    """An endless room tone at ``level_db`` dBFS RMS; :meth:`take` gives the next samples."""

    def __init__(self, rate: int, channels: int, level_db: float) -> None:
        self._loop = _unit_loop(rate, channels) * np.float32(10 ** (level_db / 20))
        self._at = 0

    def take(self, frames: int) -> Samples:
        loop = self._loop.shape[1]
        pieces = []
        left = frames
        while left > 0:
            count = min(left, loop - self._at)
            pieces.append(self._loop[:, self._at : self._at + count])
            self._at = (self._at + count) % loop
            left -= count
        if not pieces:
            return np.zeros((self._loop.shape[0], 0), np.float32)
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces, axis=1)
