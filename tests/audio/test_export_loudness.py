"""Loudness (BS.1770 gating, now K-weighted) and normalisation to a target / true-peak ceiling."""

from __future__ import annotations

import math

import numpy as np
import pytest

from soundclone_desktop.audio.kweighting import k_weighting_response
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.audio.measure import measure_audio
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.audio.transform import PODCAST, apply_gain, normalization_gain_db
from tests.audio.signals import speech_like

RATE = 16000
# At 16 kHz the K filter's gain at 1 kHz differs a little from 48 kHz' (bilinear transform).
K_1KHZ_DB = 10 * math.log10(k_weighting_response(RATE, 1000)) - 0.691


def sine(seconds: float, dbfs: float, *, channels: int = 1, freq: float = 1000.0) -> Audio:
    t = np.arange(round(seconds * RATE)) / RATE
    row = (10 ** (dbfs / 20) * np.sin(2 * np.pi * freq * t)).astype(np.float32)
    return Audio(np.repeat(row[np.newaxis, :], channels, axis=0), RATE)


def normalize(audio: Audio) -> Audio:
    gain = normalization_gain_db(measure_audio(audio), PODCAST)
    return Audio(apply_gain(audio.samples, gain), audio.rate)


def test_a_1khz_tone_reads_as_on_a_bs1770_meter() -> None:
    # EBU Tech 3341: a stereo 1 kHz sine at -23 dBFS reads -23 LUFS; mono reads 3 dB less.
    assert integrated_loudness(sine(3, -23, channels=2)) == pytest.approx(-23.0, abs=0.05)
    assert integrated_loudness(sine(3, -23)) == pytest.approx(-26.0, abs=0.05)
    assert measure_audio(sine(1, -6)).sample_peak_dbfs == pytest.approx(-6.0, abs=0.01)


def test_silence_and_quiet_passages_are_gated_out() -> None:
    tone = sine(2, -20)  # 20 steps of 100 ms: 17 whole 400 ms blocks of tone
    level = integrated_loudness(tone)
    assert level == pytest.approx(-23.01 + K_1KHZ_DB, abs=0.02)
    # After the tone come three blocks holding 3/4, 1/2 and 1/4 of it (above both gates),
    # then blocks of silence or a -60 dBFS hum (below the gates: not counted).
    edge = 10 * math.log10((17 + 0.75 + 0.5 + 0.25) / 20)
    silence = np.zeros((1, 10 * RATE), np.float32)
    with_silence = Audio(np.concatenate((tone.samples, silence), axis=1), RATE)
    assert integrated_loudness(with_silence) == pytest.approx(level + edge, abs=0.05)
    quiet_tail = Audio(np.concatenate((tone.samples, sine(6, -60).samples), axis=1), RATE)
    assert integrated_loudness(quiet_tail) == pytest.approx(level + edge, abs=0.05)
    assert integrated_loudness(Audio.silence(1.0, RATE)) is None
    assert integrated_loudness(Audio.silence(0.0, RATE)) is None


def test_a_clip_shorter_than_one_block_is_measured_whole() -> None:
    assert integrated_loudness(sine(0.2, -20)) == pytest.approx(-23.01 + K_1KHZ_DB, abs=0.1)


@pytest.mark.parametrize("vol", [0.1, 1.0, 4.0])
def test_speech_is_brought_to_minus_16_lufs(vol: float) -> None:
    source = speech_like(10.0, RATE)
    out = normalize(Audio(source.samples * np.float32(vol), RATE))
    result = measure_audio(out)
    assert result.integrated_lufs is not None and result.true_peak_dbtp is not None
    assert result.true_peak_dbtp <= -1.0 + 0.01
    reached = result.integrated_lufs == pytest.approx(-16.0, abs=0.1)
    # Either the target is met, or the ceiling bound first and the result is quieter.
    assert reached or (
        result.integrated_lufs < -16.0 and result.true_peak_dbtp == pytest.approx(-1.0, abs=0.01)
    )


def test_a_peaky_file_stops_at_the_peak_ceiling_instead_of_clipping() -> None:
    quiet = sine(3, -40).samples.copy()
    quiet[0, RATE] = 30000 / 32768  # one loud click
    out = normalize(Audio(quiet, RATE))
    result = measure_audio(out)
    assert result.true_peak_dbtp == pytest.approx(-1.0, abs=0.01)
    assert result.integrated_lufs is not None and result.integrated_lufs < -16.0


def test_silence_is_left_alone() -> None:
    silent = Audio.silence(1.0, RATE)
    assert normalization_gain_db(measure_audio(silent), PODCAST) == 0.0
    assert apply_gain(silent.samples, 0.0) is silent.samples


def test_apply_gain_scales() -> None:
    values = np.array([[0, 0.001, -0.001, 0.25, -0.5]], np.float32)
    assert np.allclose(apply_gain(values, 20 * math.log10(2)), values * 2, atol=1e-7)
    assert np.allclose(apply_gain(values, -20 * math.log10(2)), values / 2, atol=1e-7)
