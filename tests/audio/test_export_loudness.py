"""Loudness measurement (BS.1770 gating, no K-filter) and normalisation to −16 LUFS / −1 dBFS."""

from __future__ import annotations

import math
from array import array

import pytest

from soundclone_desktop.audio.loudness import (
    apply_gain,
    integrated_loudness,
    normalize,
    peak_dbfs,
)
from soundclone_desktop.audio.pcm import Pcm, read_wav
from soundclone_desktop.demo import markup, synth

RATE = 16000


def sine(seconds: float, dbfs: float, *, channels: int = 1, freq: float = 1000.0) -> Pcm:
    amplitude = 32768 * 10 ** (dbfs / 20)
    values = [round(amplitude * math.sin(2 * math.pi * freq * i / RATE))
              for i in range(round(seconds * RATE))]  # fmt: skip
    interleaved = array("h", (v for v in values for _ in range(channels)))
    return Pcm(interleaved, RATE, channels)


def speech(
    text: str = "Hello <#0.5#>world, this is a test. 你好，世界！" * 4, vol: float = 1.0
) -> Pcm:
    timeline = synth.plan(text, markup.find_pauses(text), RATE, 1.0)
    return read_wav(synth.render_wav(timeline, base_hz=150, vol=vol, pitch=0))


def test_a_1khz_tone_reads_as_on_a_bs1770_meter() -> None:
    # EBU Tech 3341: a stereo 1 kHz sine at -23 dBFS reads -23 LUFS; mono reads 3 dB less.
    assert integrated_loudness(sine(3, -23, channels=2)) == pytest.approx(-23.0, abs=0.05)
    assert integrated_loudness(sine(3, -23)) == pytest.approx(-26.0, abs=0.05)
    assert peak_dbfs(sine(1, -6)) == pytest.approx(-6.0, abs=0.01)


def test_silence_and_quiet_passages_are_gated_out() -> None:
    tone = sine(2, -20)  # 20 steps of 100 ms: 17 whole 400 ms blocks of tone
    # After the tone come three blocks holding 3/4, 1/2 and 1/4 of it (above both gates),
    # then blocks of silence or a -60 dBFS hum (below the gates: not counted).
    edge = 10 * math.log10((17 + 0.75 + 0.5 + 0.25) / 20)
    with_silence = Pcm(tone.samples + array("h", bytes(2 * 10 * RATE)), RATE, 1)
    expected = -23.01 + edge
    assert integrated_loudness(with_silence) == pytest.approx(expected, abs=0.02)
    quiet_tail = Pcm(tone.samples + sine(6, -60).samples, RATE, 1)
    assert integrated_loudness(quiet_tail) == pytest.approx(expected, abs=0.02)
    assert integrated_loudness(tone) == pytest.approx(-23.01, abs=0.02)
    assert integrated_loudness(Pcm(array("h", bytes(2 * RATE)), RATE, 1)) is None
    assert integrated_loudness(Pcm(array("h"), RATE, 1)) is None


def test_a_clip_shorter_than_one_block_is_measured_whole() -> None:
    assert integrated_loudness(sine(0.2, -20)) == pytest.approx(-23.01, abs=0.05)


@pytest.mark.parametrize("vol", [0.3, 1.0, 4.0])
def test_speech_is_brought_to_minus_16_lufs(vol: float) -> None:
    source = speech(vol=vol)
    out = normalize(source)
    loudness, peak = integrated_loudness(out), peak_dbfs(out)
    assert loudness is not None and peak is not None
    assert peak <= -1.0 + 0.01
    if peak < -1.05:  # the peak ceiling did not bind: the target is met
        assert loudness == pytest.approx(-16.0, abs=0.1)
    else:
        assert loudness < -16.0


def test_a_peaky_file_stops_at_the_peak_ceiling_instead_of_clipping() -> None:
    quiet = sine(3, -40).samples
    quiet[RATE] = 30000  # one loud click
    out = normalize(Pcm(quiet, RATE, 1))
    assert peak_dbfs(out) == pytest.approx(-1.0, abs=0.01)
    loudness = integrated_loudness(out)
    assert loudness is not None and loudness < -16.0


def test_silence_is_left_alone() -> None:
    silent = Pcm(array("h", bytes(2 * RATE)), RATE, 1)
    assert normalize(silent) is silent


def test_apply_gain_rounds_and_clips() -> None:
    pcm = Pcm(array("h", [0, 1, -1, 1000, -1000, 20000, -20000, 32767, -32768]), RATE, 1)
    assert list(apply_gain(pcm, 2.0).samples) == [
        0, 2, -2, 2000, -2000, 32767, -32768, 32767, -32768,
    ]  # fmt: skip
    assert list(apply_gain(pcm, 0.5).samples) == [
        0, 1, 0, 500, -500, 10000, -10000, 16384, -16384,
    ]  # fmt: skip
