"""The takes dialog's A/B is loudness-matched and plays exactly a take's span: two takes of
one sentence at different levels come out of ``write_matched`` at the same loudness (the
quieter's: nothing is raised, so nothing clips), cut at their ``start_s``/``end_s``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.services.book.redo import TakeInfo
from soundclone_desktop.ui.book.takes_panel import matching_gains, measure_takes, write_matched

RATE = 16_000


def _tone(seconds: float, amplitude: float, hz: float = 220.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def _take(path: Path, number: int, samples: np.ndarray, start_s: float, end_s: float) -> TakeInfo:
    encode(Audio(samples[np.newaxis, :], RATE), path, EncodeOptions(Encoding.WAV))
    return TakeInfo(number, None, 0.0, end_s - start_s, number == 1, (), path, start_s, end_s)


def test_takes_at_different_levels_play_at_the_same_loudness_over_their_span(
    tmp_path: Path,
) -> None:
    # Take 1: a quiet sentence in the middle of a loud segment (only the span counts).
    segment = np.concatenate([_tone(1.0, 0.9), _tone(1.5, 0.1), _tone(1.0, 0.9)])
    first = _take(tmp_path / "segment.wav", 1, segment, 1.0, 2.5)
    # Take 2: the redo's piece, 12 dB louder than take 1's sentence.
    second = _take(tmp_path / "piece.wav", 2, _tone(1.4, 0.4), 0.0, 1.4)
    loudness = measure_takes([first, second])
    assert loudness[0] is not None and loudness[1] is not None
    assert loudness[1] - loudness[0] > 10
    gains = matching_gains(loudness)
    assert gains[0] == 0.0 and gains[1] < -10  # down to the quieter, never up
    played = [
        decode(write_matched(take, gain, tmp_path / f"played-{take.number}.wav"))
        for take, gain in zip((first, second), gains, strict=True)
    ]
    assert played[0].seconds == pytest.approx(1.5, abs=1 / RATE)
    assert played[1].seconds == pytest.approx(1.4, abs=1 / RATE)
    measured = [integrated_loudness(p) for p in played]
    assert measured[0] is not None and measured[1] is not None
    assert abs(measured[0] - measured[1]) < 0.2  # LU
    assert float(np.abs(played[0].samples).max()) < 0.11  # the loud segment is not in it


def test_a_silent_take_is_played_as_it_is() -> None:
    assert matching_gains([None, -20.0, -26.0]) == [0.0, -6.0, 0.0]
    assert matching_gains([None]) == [0.0]
