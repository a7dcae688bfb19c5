"""Levels of a whole file in one streaming pass: loudness, RMS, sample and true peak, noise floor.

- **True peak** (BS.1770-4 Annex 2: the peak of the signal 4× oversampled, which catches
  the overs a DAC or a lossy decoder produces between samples). The three points between
  two samples come from a Kaiser-windowed sinc interpolator, 32 taps per phase.
  Where it is computed (the shortcut): only in the two gaps beside each local maximum of
  ``|x|`` that is within 6 dB of the true peak found so far. The bound behind it: the
  band-limited signal's maxima lie within a sample of its sampled maxima, and in audio an
  inter-sample peak rises at most ~3 dB over the samples beside it (a sine at a quarter of
  the rate, sampled at ±45°, is the classic +3.01 dB case). Strictly, this 4× estimate can
  exceed every sample of its 32-tap window by up to 7.57 dB (the sum of the half-sample
  phase's absolute weights, ``_GAIN_BOUND``) for a sequence built to do so; that is not
  audio, and BS.1770's own 12-tap example filter meets a 0.5 dB tolerance, not exactness.
  :func:`true_peak_exhaustive` computes every point (for tests and short clips); the
  shortcut gives the same figure on tones, speech, noise, clipped audio and inter-sample
  peaks (tests/audio/test_true_peak_shortcut.py) at about 1 % of the work.
- **RMS**: unweighted, all channels, over the whole file (dBFS; a full-scale sine reads −3).
- **Noise floor**: the level of the quietest 10 % of 100 ms segments that are not digital
  silence (the synthesised pauses are exact zeros and would say nothing about the noise).

Streaming :func:`measure` runs on three threads: decoding (FFmpeg) one block ahead, the
K-weighted loudness on the caller's, peaks and levels on a helper; all three are NumPy or
FFmpeg kernels that release the GIL, so two cores share the work.

Everything is dBFS (dBTP for the true peak); ``None`` stands for silence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .decode import AudioInput, Cancelled, open_audio, prefetched
from .loudness import LoudnessMeter
from .model import Audio, AudioError, Samples

__all__ = [
    "LevelMeter",
    "Measurement",
    "measure",
    "measure_audio",
    "true_peak",
    "true_peak_exhaustive",
]

_OVERSAMPLE = 4
_SKIP_BELOW = 0.5  # a block whose sample peak is under half the true peak so far (-6 dB)
_DIGITAL_SILENCE = 1e-7  # mean square below −70 dBFS… of a 16-bit LSB: zero for our purposes
_FLOOR_PERCENTILE = 10.0


@dataclass(frozen=True, slots=True)
class Measurement:
    duration_s: float
    integrated_lufs: float | None
    rms_dbfs: float | None
    sample_peak_dbfs: float | None
    true_peak_dbtp: float | None
    noise_floor_dbfs: float | None


def _db(amplitude: float) -> float | None:
    return 20 * math.log10(amplitude) if amplitude > 0 else None


def _interpolator() -> npt.NDArray[np.float32]:
    """``(2·HALF, 3)``: the weights giving the three points between ``x[i]`` and ``x[i+1]``
    from ``x[i-HALF+1 .. i+HALF]`` (Kaiser-windowed sinc, 4× oversampling)."""
    taps = np.arange(-_HALF + 1, _HALF + 1)
    phases = np.arange(1, _OVERSAMPLE) / _OVERSAMPLE
    offsets = phases[np.newaxis, :] - taps[:, np.newaxis]  # distance to each tap
    window = np.kaiser(2 * _HALF * _OVERSAMPLE + 1, 8.0)
    centre = _HALF * _OVERSAMPLE
    positions = np.rint(offsets * _OVERSAMPLE).astype(int) + centre
    weights: npt.NDArray[np.float32] = (np.sinc(offsets) * window[positions]).astype(np.float32)
    return weights


_HALF = 16  # taps on each side: 32 per phase (BS.1770-4's example filter has 12)
_WEIGHTS = _interpolator()
_GAIN_BOUND = float(np.abs(_WEIGHTS).sum(axis=0).max())  # 2.39: the most a point can gain
# Interpolated points per matrix product. OpenBLAS (NumPy's) runs a product above ~4,000 x
# 32 x 3 on threads of its own that spin while they wait: on two busy cores that made the
# scan 10-20x slower (and stole the other threads' CPU); at 2,048 it stays on the caller's.
_BATCH = 2048
_THREADED_FROM = 1 << 16  # samples: smaller blocks are measured on the caller's thread


class TruePeakMeter:
    """The highest 4×-oversampled magnitude of the blocks fed in order.

    Between-sample values are computed only next to samples loud enough to matter (within
    6 dB of the loudest seen): a windowed-sinc interpolator evaluated at those places.
    The last ``_HALF`` samples wait for the next block (they need what follows).
    """

    def __init__(self, channels: int) -> None:
        self._history = np.zeros((channels, 2 * _HALF), np.float32)
        self.sample_peak = 0.0
        self.true_peak = 0.0

    def feed(self, block: Samples) -> None:
        if block.shape[1] == 0:
            return
        self.sample_peak = max(self.sample_peak, float(np.abs(block).max()))
        self.true_peak = max(self.true_peak, self.sample_peak)
        data = np.concatenate((self._history, block), axis=1)
        self._scan(data)
        self._history = data[:, -2 * _HALF :]

    def finish(self) -> None:
        """The trailing samples, with silence after them."""
        self._scan(np.concatenate((self._history, np.zeros_like(self._history)), axis=1))
        self._history = np.zeros_like(self._history)

    def _scan(self, data: Samples) -> None:
        """Points between ``data[:, i]`` and ``data[:, i+1]`` for i in ``[HALF-1, len-HALF-1)``."""
        magnitude = np.abs(data).max(axis=0)
        # The signal's maxima lie within a sample of the sampled maxima: only the two gaps
        # beside each loud local maximum of |x| can hold an inter-sample peak above it.
        inner = magnitude[1:-1]
        crest = inner >= np.float32(_SKIP_BELOW * self.true_peak)  # few: tested first
        crest &= inner >= magnitude[:-2]
        crest &= inner >= magnitude[2:]
        # Gap i lies between samples i and i+1: beside a crest at i+1 (crest[i]) or at i
        # (crest[i-1]). A mask, not np.unique of the indices: no sort.
        beside = np.zeros(data.shape[1] - 1, np.bool_)
        beside[:-1] = crest
        beside[1:] |= crest
        beside[: _HALF - 1] = False
        beside[data.shape[1] - _HALF - 1 :] = False
        loud = np.flatnonzero(beside)
        if loud.size == 0:
            return
        windows = np.lib.stride_tricks.sliding_window_view(data, 2 * _HALF, axis=1)
        for start in range(0, loud.size, _BATCH):
            at = loud[start : start + _BATCH] - (_HALF - 1)
            values = windows[:, at, :] @ _WEIGHTS  # (channels, points, 3)
            self.true_peak = max(self.true_peak, float(np.abs(values).max()))


def true_peak(audio: Audio) -> float | None:
    """True peak of audio in memory, dBTP."""
    meter = TruePeakMeter(audio.channels)
    meter.feed(audio.samples)
    meter.finish()
    return _db(meter.true_peak)


def true_peak_exhaustive(audio: Audio) -> float | None:
    """True peak with every between-sample point computed (the shortcut's reference)."""
    data = np.concatenate(
        (np.zeros((audio.channels, 2 * _HALF), np.float32), audio.samples,
         np.zeros((audio.channels, 2 * _HALF), np.float32)), axis=1,
    )  # fmt: skip
    peak = float(np.abs(audio.samples).max()) if audio.frames else 0.0
    for channel in data:
        for phase in range(_OVERSAMPLE - 1):
            # Point between x[i] and x[i+1] = sum_k w[k] x[i-HALF+1+k]: a correlation.
            values = np.correlate(channel, _WEIGHTS[:, phase], mode="valid")
            peak = max(peak, float(np.abs(values).max()))
    return _db(peak)


class LevelMeter:
    """All of :class:`Measurement` for blocks fed in order.

    The loudness is computed on the caller's thread, peaks and levels on a helper (one
    block at a time: the next ``feed`` waits for the previous block's), so the two halves
    of the work run on two cores."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate = rate
        self._loudness = LoudnessMeter(rate, channels)
        self._peaks = TruePeakMeter(channels)
        self._segment = max(1, round(rate / 10))
        self._frames = 0
        self._square_sum = 0.0
        self._samples = 0
        self._segment_levels: list[npt.NDArray[np.float64]] = []
        self._helper: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None

    def feed(self, block: Samples) -> None:
        self._wait()
        if block.shape[1] >= _THREADED_FROM:
            if self._helper is None:
                self._helper = ThreadPoolExecutor(1, thread_name_prefix="audio-levels")
            self._pending = self._helper.submit(self._levels, block)
        else:
            self._levels(block)
        self._loudness.feed(block)

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def close(self) -> None:
        """Stop the helper (done by :meth:`result`; call it when abandoning a measurement)."""
        self._wait()
        if self._helper is not None:
            self._helper.shutdown()
            self._helper = None

    def _levels(self, block: Samples) -> None:
        self._peaks.feed(block)
        squares = np.square(block, dtype=np.float32).mean(axis=0)
        self._square_sum += float(squares.sum(dtype=np.float64))
        whole = squares.size // self._segment * self._segment
        if whole:
            self._segment_levels.append(
                squares[:whole].reshape(-1, self._segment).mean(axis=1, dtype=np.float64)
            )
        self._frames += block.shape[1]

    def result(self) -> Measurement:
        self.close()
        self._peaks.finish()
        return Measurement(
            duration_s=self._frames / self.rate,
            integrated_lufs=self._loudness.integrated(),
            rms_dbfs=_db(math.sqrt(self._square_sum / self._frames)) if self._frames else None,
            sample_peak_dbfs=_db(self._peaks.sample_peak),
            true_peak_dbtp=_db(self._peaks.true_peak),
            noise_floor_dbfs=self._noise_floor(),
        )

    def _noise_floor(self) -> float | None:
        if not self._segment_levels:
            return None
        levels = np.concatenate(self._segment_levels)
        sounding = levels[levels > _DIGITAL_SILENCE]
        if sounding.size == 0:
            return None
        return 10 * math.log10(float(np.percentile(sounding, _FLOOR_PERCENTILE)))


def measure(
    source: AudioInput,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> Measurement:
    """Measure a file at its own rate (at most two channels), streaming."""
    with open_audio(source) as audio:
        meter = LevelMeter(audio.rate, audio.channels)
        try:
            for block in prefetched(audio.blocks(cancelled=cancelled)):
                meter.feed(block)
        except Cancelled:
            raise
        except MemoryError as exc:
            raise AudioError(f"{audio.name} is too long to measure.") from exc
        finally:
            meter.close()
    return meter.result()


def measure_audio(audio: Audio) -> Measurement:
    meter = LevelMeter(audio.rate, audio.channels)
    meter.feed(audio.samples)
    return meter.result()
