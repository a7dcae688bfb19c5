"""The limiter's and the gate's gain curves are what ``np.interp`` gave before they were built
from their pieces (within 1e-6), and the limiter's output is the same sample for sample."""

from __future__ import annotations

import numpy as np
import pytest

import soundclone_desktop.audio.limiter as limiter_module
from soundclone_desktop.audio.limiter import CHUNK, PeakLimiter, gain_curve
from soundclone_desktop.audio.mastering import gate_curve
from tests.audio.signals import speech_like


def _interp_gains(gains: np.ndarray, frames: int) -> np.ndarray:
    """The limiter's curve as it was computed: centre j at (j - 0.5)·CHUNK."""
    positions = np.arange(frames, dtype=np.float32)
    centres = (np.arange(gains.size) - 0.5) * CHUNK
    curve: np.ndarray = np.interp(positions, centres, gains).astype(np.float32)
    return curve


@pytest.mark.parametrize("seed", range(5))
def test_the_limiter_curve_is_the_interpolation_it_replaced(seed: int) -> None:
    rng = np.random.default_rng(seed)
    chunks = 13_824
    gains = (10 ** (-rng.uniform(0, 12, chunks + 2) / 20)).astype(np.float32)
    gains[rng.uniform(size=gains.size) < 0.7] = 1.0  # mostly untouched, as in speech
    frames = chunks * CHUNK
    np.testing.assert_allclose(gain_curve(gains, frames), _interp_gains(gains, frames),
                               rtol=0, atol=1e-6)  # fmt: skip


@pytest.mark.parametrize(
    ("frame", "first"),
    [(441.0, 0), (441.0, 3_000_017), (440.0, 12_345), (320.0 * 48_000 / 32_000, 999), (220.5, 7)],
)
def test_the_gate_curve_is_the_interpolation_it_replaced(frame: float, first: int) -> None:
    rng = np.random.default_rng(int(frame) + first)
    frames = 441_000
    lo = max(0, int(first / frame) - 1)
    hi = int((first + frames) / frame) + 2
    centres = (np.arange(lo, hi) + 0.5) * frame - first
    # Speech (1) and pauses (0) in runs of 7 frames, as the plan's keep array holds them.
    values = np.repeat(rng.integers(0, 2, hi - lo).astype(np.float32), 7)[: hi - lo]
    expected: np.ndarray = np.interp(np.arange(frames, dtype=np.float32), centres, values)
    got: np.ndarray = gate_curve(centres, values, frames)
    np.testing.assert_allclose(got, expected.astype(np.float32), rtol=0, atol=1e-6)


def test_the_limiter_output_is_unchanged_sample_for_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole limiter against itself interpolating with np.interp, as it did."""
    rate = 44_100
    signal = speech_like(30.0, rate, seed=4).samples * np.float32(4.0)  # driven hard

    def run() -> np.ndarray:
        limiter = PeakLimiter(rate, 1, -4.0)
        step = CHUNK * 13_824
        out = [limiter.process(signal[:, s : s + step]) for s in range(0, signal.shape[1], step)]
        assert limiter.reduced_chunks > 100  # the limiter did work
        return np.concatenate([*out, limiter.flush()], axis=1)

    new = run()
    monkeypatch.setattr(limiter_module, "gain_curve", _interp_gains)
    old = run()
    assert new.shape == signal.shape
    np.testing.assert_allclose(new, old, rtol=0, atol=1e-6)
