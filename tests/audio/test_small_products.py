"""The true-peak meter and the limiter keep every matrix product small enough that OpenBLAS
runs it on the calling thread: above ~4,000 rows it starts threads of its own that spin
while they wait, which on this 2-core machine made the verifying measurement 10-20x slower
and took the CPU the encoders and the GUI needed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import soundclone_desktop.audio.limiter as limiter_module
import soundclone_desktop.audio.measure as measure_module
from soundclone_desktop.audio.model import Audio
from tests.audio.signals import speech_like

MOST_ROWS = 4096  # OpenBLAS's GEMM goes multithreaded somewhat above this (x 32 x 3)


class _Recorded:
    """Stands for a weight matrix; records the rows of every product it takes part in."""

    __array_ufunc__ = None  # so that ``array @ self`` comes to __rmatmul__

    def __init__(self, weights: np.ndarray, rows: list[int]) -> None:
        self._weights = weights
        self._rows = rows

    def __rmatmul__(self, other: np.ndarray) -> Any:
        self._rows.append(int(np.prod(other.shape[:-1])))
        return other @ self._weights


def test_the_true_peak_meter_multiplies_in_small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[int] = []
    monkeypatch.setattr(measure_module, "_WEIGHTS", _Recorded(measure_module._WEIGHTS, rows))
    loud = speech_like(20.0, 44_100, seed=2).samples * np.float32(3.0)  # many crests
    measure_module.true_peak(Audio(np.clip(loud, -1, 1), 44_100))
    assert sum(rows) > 10 * MOST_ROWS  # the test saw real work
    assert max(rows) <= MOST_ROWS


def test_the_limiter_multiplies_in_small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[int] = []
    monkeypatch.setattr(limiter_module, "_WEIGHTS", _Recorded(limiter_module._WEIGHTS, rows))
    signal = speech_like(20.0, 44_100, seed=2).samples * np.float32(4.0)
    limiter = limiter_module.PeakLimiter(44_100, 1, -4.0)
    step = limiter_module.CHUNK * 13_824
    for start in range(0, signal.shape[1], step):
        limiter.process(signal[:, start : start + step])
    limiter.flush()
    assert sum(rows) > 10 * MOST_ROWS
    assert max(rows) <= MOST_ROWS
