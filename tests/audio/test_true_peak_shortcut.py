"""The measurement's shortcuts against the full computations: the true peak computed only
beside loud crests equals the one computed at every point between samples, and the
block-wise FFT K-weighting equals the recursive filter (SciPy's, a test-only dependency)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy.signal import lfilter

from soundclone_desktop.audio import measure as measuring
from soundclone_desktop.audio.kweighting import KWeighting, biquads
from soundclone_desktop.audio.measure import (
    LevelMeter,
    true_peak,
    true_peak_exhaustive,
)
from soundclone_desktop.audio.model import Audio
from tests.audio.signals import speech_like, tone

RATE = 32_000


def quarter_rate_sine(seconds: float, amplitude: float) -> Audio:
    """A sine at a quarter of the rate sampled at ±45°: every sample is 3.01 dB under the
    wave's crest, the classic inter-sample peak."""
    n = np.arange(round(seconds * RATE))
    wave = amplitude * np.sin(np.pi / 2 * n + np.pi / 4)
    return Audio(wave.astype(np.float32)[np.newaxis, :], RATE)


def signals() -> dict[str, Audio]:
    rng = np.random.default_rng(11)
    speech = speech_like(8.0, RATE)
    noise = (0.3 * rng.standard_normal(RATE * 3)).astype(np.float32)
    clipped = np.clip(4 * speech.samples, -0.9, 0.9)
    quiet_then_loud = np.concatenate(
        (0.01 * speech.samples, quarter_rate_sine(1.0, 0.5).samples, 0.2 * speech.samples), axis=1
    )
    stereo = np.concatenate((speech.samples, quarter_rate_sine(8.0, 0.25).samples), axis=0)
    near_nyquist = tone(2.0, 0.7, 0.49 * RATE, RATE)
    return {
        "inter-sample peak": quarter_rate_sine(2.0, 0.8),
        "speech": speech,
        "noise": Audio(noise[np.newaxis, :], RATE),
        "clipped speech": Audio(clipped, RATE),
        "quiet then loud": Audio(quiet_then_loud.astype(np.float32), RATE),
        "stereo": Audio(stereo, RATE),
        "near Nyquist": near_nyquist,
    }


@pytest.mark.parametrize("name", list(signals()))
def test_the_shortcut_gives_the_full_computation_s_true_peak(name: str) -> None:
    audio = signals()[name]
    full = true_peak_exhaustive(audio)
    assert full is not None
    assert true_peak(audio) == pytest.approx(full, abs=1e-4)
    # Streamed in uneven blocks (the shortcut's threshold rises as it goes) and through
    # the level meter's helper thread: the same figure.
    meter = LevelMeter(audio.rate, audio.channels)
    for start, stop in zip((0, 7, 70_000, 70_001), (7, 70_000, 70_001, audio.frames), strict=True):
        meter.feed(audio.samples[:, start:stop])
    assert meter.result().true_peak_dbtp == pytest.approx(full, abs=1e-4)


def test_the_inter_sample_peak_is_found_3_db_over_the_samples() -> None:
    audio = quarter_rate_sine(1.0, 0.5)
    sample_peak = 20 * math.log10(float(np.abs(audio.samples).max()))
    # The wave's crest is 0.5 (−6.02 dBTP); the abrupt start and end add a little ripple.
    assert true_peak(audio) == pytest.approx(sample_peak + 3.01, abs=0.15)


def test_the_documented_bound_of_the_interpolator() -> None:
    assert 20 * math.log10(measuring._GAIN_BOUND) == pytest.approx(7.57, abs=0.01)


@pytest.mark.parametrize(("rate", "channels"), [(32_000, 1), (48_000, 2), (8_000, 1)])
def test_the_fft_k_weighting_is_the_recursive_filter_in_any_block_sizes(
    rate: int, channels: int
) -> None:
    rng = np.random.default_rng(5)
    x = (0.1 * rng.standard_normal((channels, 25 * rate))).astype(np.float32)
    (shelf_b, shelf_a), (high_b, high_a) = biquads(rate)
    expected = lfilter(
        high_b, high_a, lfilter(shelf_b, shelf_a, x.astype(np.float64), axis=1), axis=1
    )
    weighting = KWeighting(rate, channels)
    cuts = [0, 1000, 1001, 10 * rate, 10 * rate + 3, x.shape[1]]
    filtered = np.concatenate(
        [weighting.apply(x[:, a:b]) for a, b in itertools.pairwise(cuts)], axis=1
    )
    assert filtered.shape == x.shape
    assert np.abs(filtered - expected).max() < 1e-5
