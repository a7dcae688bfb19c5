"""Loudness and levels: BS.1770 by definition, against pyloudnorm and FFmpeg's ebur128."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.kweighting import k_weighting_response
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.audio.measure import measure, measure_audio, true_peak
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.audio.transform import BROADCAST, PODCAST, normalization_gain_db
from tests.audio.reference import ffmpeg_integrated_loudness
from tests.audio.signals import speech_like, tone, write

pyloudnorm = pytest.importorskip("pyloudnorm")

# BS.1770-4: L_K = -0.691 + 10 log10(sum G_i z_i). A -20 dBFS (peak amplitude 0.1) 1 kHz
# sine in one channel has z = 0.1**2 / 2 = 0.005 before K-weighting; the K filter's power
# gain at 1 kHz, 48 kHz sampling, is 10**(0.6977/10) (computed from the tabled coefficients).
# So the exact expected value is -0.691 + 10 log10(0.005) + 0.6977 = -23.0036 LUFS.
EXPECTED_SINE_LUFS = -0.691 + 10 * math.log10(0.005 * k_weighting_response(48_000, 1000))


def test_the_expected_value_of_the_calibration_sine_is_minus_23() -> None:
    assert pytest.approx(-23.0036, abs=1e-4) == EXPECTED_SINE_LUFS
    # The coefficients are BS.1770-4's at 48 kHz: the 1 kHz gain is the standard's.
    assert 10 * math.log10(k_weighting_response(48_000, 1000)) == pytest.approx(0.6977, abs=1e-4)


@pytest.mark.parametrize("extension", ["wav", "flac"])
def test_a_minus_20_dbfs_1khz_sine_reads_minus_23_lufs(extension: str, tmp_path: Path) -> None:
    path = write(tone(10.0, 0.1, 1000, 48_000), tmp_path / f"sine.{extension}")
    result = measure(path)
    assert result.integrated_lufs == pytest.approx(EXPECTED_SINE_LUFS, abs=0.01)
    assert result.integrated_lufs == pytest.approx(-23.0, abs=0.1)
    assert result.rms_dbfs == pytest.approx(-23.01, abs=0.01)
    assert result.sample_peak_dbfs == pytest.approx(-20.0, abs=0.01)


@pytest.mark.parametrize("rate", [32_000, 44_100, 48_000])
def test_speech_agrees_with_pyloudnorm(rate: int) -> None:
    speech = speech_like(30.0, rate)
    ours = integrated_loudness(speech)
    theirs = pyloudnorm.Meter(rate).integrated_loudness(speech.samples[0].astype(np.float64))
    assert ours == pytest.approx(theirs, abs=0.1)


def test_a_decoded_mp3_agrees_with_pyloudnorm_and_ffmpeg(tmp_path: Path) -> None:
    path = write(speech_like(40.0, 32_000, seed=3), tmp_path / "speech.mp3")
    decoded = decode(path)
    ours = measure(path).integrated_lufs
    assert ours is not None
    theirs = pyloudnorm.Meter(decoded.rate).integrated_loudness(
        decoded.samples[0].astype(np.float64)
    )
    assert ours == pytest.approx(theirs, abs=0.1)
    assert ours == pytest.approx(ffmpeg_integrated_loudness(decoded), abs=0.5)


def test_stereo_agrees_with_ffmpeg() -> None:
    left = speech_like(20.0, 48_000, seed=4).samples
    right = speech_like(20.0, 48_000, seed=5).samples * 0.5
    stereo = Audio(np.concatenate((left, right)), 48_000)
    ours = integrated_loudness(stereo)
    assert ours is not None
    assert ours == pytest.approx(ffmpeg_integrated_loudness(stereo), abs=0.5)
    theirs = pyloudnorm.Meter(48_000).integrated_loudness(stereo.samples.T.astype(np.float64))
    assert ours == pytest.approx(theirs, abs=0.1)


def test_gating_ignores_silence_and_silence_reads_none() -> None:
    speech = speech_like(10.0, 16_000)
    padded = Audio(np.concatenate((speech.samples, np.zeros((1, 16_000 * 30), np.float32)), 1),
                   16_000)  # fmt: skip
    assert integrated_loudness(padded) == pytest.approx(integrated_loudness(speech), abs=0.05)
    assert integrated_loudness(Audio.silence(3.0, 16_000)) is None
    assert measure_audio(Audio.silence(1.0, 8000)).true_peak_dbtp is None


def test_true_peak_finds_the_peak_between_samples() -> None:
    rate = 48_000
    t = np.arange(rate) / rate
    ramp = np.minimum(1.0, np.minimum(t, 1 - t) / 0.05)
    # A quarter of the sampling rate at 45°: every sample is at 0.354, the wave peaks at 0.5.
    wave = (0.5 * ramp * np.sin(2 * np.pi * rate / 4 * t + np.pi / 4)).astype(np.float32)
    audio = Audio(wave[np.newaxis, :], rate)
    result = measure_audio(audio)
    assert result.sample_peak_dbfs == pytest.approx(-9.03, abs=0.01)
    assert result.true_peak_dbtp == pytest.approx(-6.02, abs=0.05)
    assert true_peak(tone(1.0, 0.5, 997, rate, fade=0.05)) == pytest.approx(-6.02, abs=0.05)


def test_noise_floor_is_the_quiet_between_the_words() -> None:
    rate = 16_000
    rng = np.random.default_rng(0)
    hiss = (rng.standard_normal(rate * 20) * 10 ** (-60 / 20)).astype(np.float32)
    speech = speech_like(20.0, rate).samples[0]
    result = measure_audio(Audio((speech + hiss)[np.newaxis, :], rate))
    assert result.noise_floor_dbfs is not None
    assert -62 < result.noise_floor_dbfs < -50


def test_normalisation_gain_reaches_the_target_or_stops_at_the_ceiling() -> None:
    speech = speech_like(20.0, 48_000)
    measured = measure_audio(speech)
    assert measured.integrated_lufs is not None and measured.true_peak_dbtp is not None
    for target in (PODCAST, BROADCAST):
        gain = normalization_gain_db(measured, target)
        result = measure_audio(Audio(speech.samples * np.float32(10 ** (gain / 20)), 48_000))
        assert result.true_peak_dbtp is not None and result.integrated_lufs is not None
        assert result.true_peak_dbtp <= target.ceiling_dbtp + 0.01
        reached = result.integrated_lufs == pytest.approx(target.lufs, abs=0.05)
        assert reached or result.true_peak_dbtp == pytest.approx(target.ceiling_dbtp, abs=0.01)
