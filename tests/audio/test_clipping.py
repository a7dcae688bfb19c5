"""Clipping detection: stretches at full scale, not a loud peak now and then."""

from __future__ import annotations

import numpy as np

from soundclone_desktop.audio.clipping import find_clipping
from soundclone_desktop.audio.model import Audio

RATE = 16000


def _tone(seconds: float, level: float, hz: float = 150.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (level * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def _audio(*pieces: np.ndarray) -> Audio:
    return Audio(np.concatenate(pieces)[np.newaxis, :], RATE)


def test_a_tone_driven_into_clipping_is_one_stretch() -> None:
    hot = np.clip(_tone(0.05, 8.0), -1.0, 1.0)  # 50 ms, flat tops at full scale
    [stretch] = find_clipping(_audio(_tone(1.0, 0.3), hot, _tone(1.0, 0.3)))
    assert abs(stretch.start_s - 1.0) < 0.004 and abs(stretch.end_s - 1.05) < 0.004


def test_a_stretch_shorter_than_the_minimum_is_not_clipping() -> None:
    hot = np.clip(_tone(0.004, 8.0), -1.0, 1.0)
    assert find_clipping(_audio(_tone(0.5, 0.3), hot, _tone(0.5, 0.3))) == []


def test_loud_speech_just_under_full_scale_is_not_clipping() -> None:
    assert find_clipping(_audio(_tone(2.0, 0.99))) == []


def test_separate_clipped_stretches_are_reported_apart() -> None:
    hot = np.clip(_tone(0.03, 8.0), -1.0, 1.0)
    found = find_clipping(_audio(hot, _tone(0.5, 0.2), hot))
    assert len(found) == 2
