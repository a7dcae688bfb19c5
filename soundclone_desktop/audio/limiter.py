"""A look-ahead true-peak limiter on NumPy, streaming: no sample and no point between two
samples (2× oversampled) leaves above the ceiling, and the gain moves smoothly.

How (all vectorised, so an hour takes seconds):

1. The signal is cut into *chunks* of 32 samples; each chunk's requirement ``A`` is the
   attenuation (dB) that brings its loudest sample, or the loudest half-way point (a 16-tap
   windowed-sinc interpolator, computed only for chunks within 3 dB of the ceiling), down to
   the ceiling.
2. The gain is decided at chunk centres and interpolated linearly between them; a centre's
   attenuation must cover its neighbours' requirements (``max`` of three) so every sample in
   between is covered too.
3. Attack: the requirement is held ``attack`` ahead (a forward sliding maximum), then
   averaged over the same span: the gain glides down during the look-ahead and is fully
   down when the peak arrives.
4. Release: the attenuation recovers at a constant rate in dB per second (the classic
   analogue release), computed as a running maximum (``R[k] = max(S[k], R[k−1] − rate)`` is
   ``cummax(S + rate·k) − rate·k``).

Blocks go through :meth:`PeakLimiter.process` in order (lengths a multiple of
:data:`CHUNK`, except the last); each comes back one call later, when what follows it is
known (the look-ahead), and :meth:`PeakLimiter.flush` returns the last.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from .model import Samples

__all__ = ["CHUNK", "PeakLimiter", "gain_curve"]

CHUNK = 32
_TAPS = 8  # each side of a half-way point
_BATCH = 64 * CHUNK  # half-way points per matrix product
_CHECK_MIDPOINTS_ABOVE = 10 ** (-3 / 20)  # of the ceiling: quieter chunks cannot overshoot


def _half_band() -> npt.NDArray[np.float32]:
    offsets = np.arange(-_TAPS + 1, _TAPS + 1) - 0.5  # taps j-7 … j+8 around j+0.5
    window = np.kaiser(2 * _TAPS, 6.0)
    weights = np.sinc(offsets) * window
    result: npt.NDArray[np.float32] = (weights / weights.sum()).astype(np.float32)
    return result


_WEIGHTS = _half_band()


class PeakLimiter:
    """Limit ``channels`` × float32 blocks at ``rate`` Hz to ``ceiling_db`` (dBFS, true peak
    at 2× oversampling)."""

    def __init__(
        self,
        rate: int,
        channels: int,
        ceiling_db: float,
        *,
        attack_s: float = 0.005,
        release_db_per_s: float = 40.0,
    ) -> None:
        self._ceiling = 10 ** (ceiling_db / 20)
        self._ahead = max(1, math.ceil(attack_s * rate / CHUNK))
        self._release = release_db_per_s * CHUNK / rate  # dB per chunk
        # Context each side of a block, in chunks: look-ahead + box + neighbour + next centre.
        self._margin = 2 * self._ahead + 4
        self._channels = channels
        self._before = np.zeros((channels, self._margin * CHUNK), np.float32)
        self._current: Samples | None = None
        self._current_frames = 0
        self._attenuation = 0.0  # dB at the last centre given out
        self.reduced_chunks = 0  # how many chunks were turned down (for the report)

    def process(self, block: Samples) -> Samples:
        """Take ``block``; return the previous one, limited (empty at the first call)."""
        frames = block.shape[1]
        padded = _pad_to_chunks(block)
        if self._current is None:
            self._current, self._current_frames = padded, frames
            return np.zeros((self._channels, 0), np.float32)
        out = self._limit(self._current, self._current_frames, padded)
        self._current, self._current_frames = padded, frames
        return out

    def flush(self) -> Samples:
        if self._current is None:
            return np.zeros((self._channels, 0), np.float32)
        out = self._limit(self._current, self._current_frames, None)
        self._current = None
        return out

    def _limit(self, current: Samples, frames: int, following: Samples | None) -> Samples:
        margin = self._margin * CHUNK
        after = np.zeros((self._channels, margin), np.float32)
        if following is not None:
            take = min(margin, following.shape[1])
            after[:, :take] = following[:, :take]
        data = np.concatenate((self._before, current, after), axis=1)
        self._before = data[:, current.shape[1] : current.shape[1] + margin].copy()
        needed = self._requirement(data)
        chunks = current.shape[1] // CHUNK
        if not needed.any() and self._attenuation <= 0.0:
            return current[:, :frames]
        # Centres of this block's chunks plus the next one (for the last half chunk).
        held = _forward_max(_neighbours(needed), self._ahead)
        smoothed = _box_mean_backward(held, self._ahead)
        first = self._margin
        wanted = smoothed[first : first + chunks + 1]
        steps = np.arange(1, wanted.size + 1) * self._release
        released = np.maximum.accumulate(np.maximum(wanted + steps, self._attenuation)) - steps
        released = np.maximum(released, 0.0)
        self.reduced_chunks += int(np.count_nonzero(released[:chunks] > 1e-6))
        centres = np.concatenate(([self._attenuation], released))
        self._attenuation = float(released[chunks - 1]) if chunks else self._attenuation
        if not centres.any():
            return current[:, :frames]
        gains = (10 ** (-centres / 20)).astype(np.float32)
        out = current * gain_curve(gains, current.shape[1])
        np.clip(out, -self._ceiling, self._ceiling, out=out)  # numerical safety only
        return out[:, :frames]

    def _requirement(self, data: Samples) -> npt.NDArray[np.float64]:
        """Attenuation (dB, ≥ 0) each chunk of ``data`` needs."""
        peaks = np.abs(data).max(axis=0).reshape(-1, CHUNK).max(axis=1)
        loud = np.flatnonzero(peaks >= self._ceiling * _CHECK_MIDPOINTS_ABOVE)
        if loud.size:
            peaks[loud] = np.maximum(peaks[loud], self._midpoint_peaks(data, loud))
        with np.errstate(divide="ignore"):
            needed: npt.NDArray[np.float64] = (
                20 * np.log10(np.maximum(peaks / self._ceiling, 1.0))
            ).astype(np.float64)
        return needed

    def _midpoint_peaks(self, data: Samples, chunks: npt.NDArray[np.intp]) -> Samples:
        padded = np.pad(data, ((0, 0), (_TAPS - 1, _TAPS)))
        windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * _TAPS, axis=1)
        starts = (chunks[:, np.newaxis] * CHUNK + np.arange(CHUNK)).ravel()
        peaks = np.empty(chunks.size, np.float32)
        # Products of at most _BATCH points: OpenBLAS runs larger ones on threads that spin
        # (10-20x slower on two busy cores; see measure._BATCH).
        for first in range(0, starts.size, _BATCH):
            values = windows[:, starts[first : first + _BATCH], :] @ _WEIGHTS  # (channels, pts)
            batch = np.abs(values).max(axis=0).reshape(-1, CHUNK).max(axis=1)
            peaks[first // CHUNK : first // CHUNK + batch.size] = batch
        return peaks


_RAMP: npt.NDArray[np.float32] = np.arange(CHUNK, dtype=np.float32) / np.float32(CHUNK)


def gain_curve(gains: npt.NDArray[np.float32], frames: int) -> npt.NDArray[np.float32]:
    """Per sample, the gain interpolated linearly between chunk centres: ``gains[j]`` sits at
    (j − 0.5)·CHUNK samples into the block (``frames`` ≤ (len(gains) − 1)·CHUNK − CHUNK/2).

    Every interval between two centres holds the same CHUNK sample positions, so the curve
    is one broadcast multiply-add (``np.interp`` searched its table for every sample: a
    third of the mastering's own arithmetic)."""
    steps = np.diff(gains)
    ramps = gains[:-1, np.newaxis] + steps[:, np.newaxis] * _RAMP  # from centre j to j+1
    half = CHUNK // 2  # sample 0 is half-way between centres 0 and 1
    curve: npt.NDArray[np.float32] = ramps.ravel()[half : half + frames]
    return curve


def _pad_to_chunks(block: Samples) -> Samples:
    extra = -block.shape[1] % CHUNK
    if not extra:
        return block
    return np.pad(block, ((0, 0), (0, extra)))


def _neighbours(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out = values.copy()
    out[1:] = np.maximum(out[1:], values[:-1])
    out[:-1] = np.maximum(out[:-1], values[1:])
    return out


def _forward_max(values: npt.NDArray[np.float64], span: int) -> npt.NDArray[np.float64]:
    """``out[k] = max(values[k .. k+span])`` (shorter at the end), by doubling."""
    out = values.copy()
    reach = 1  # out[k] covers values[k .. k+reach-1]
    while reach < span + 1:
        step = min(reach, span + 1 - reach)
        out[:-step] = np.maximum(out[:-step], out[step:])
        reach += step
    return out


def _box_mean_backward(values: npt.NDArray[np.float64], span: int) -> npt.NDArray[np.float64]:
    """``out[k] = mean(values[k-span .. k])`` (values before the start count as 0)."""
    sums = np.cumsum(np.concatenate((np.zeros(span + 1), values)))
    return (sums[span + 1 :] - sums[: -span - 1]) / (span + 1)
