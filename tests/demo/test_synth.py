"""Synthesised audio: format, the timing rule, exact pause silence, vol, pitch and speed."""

from __future__ import annotations

import io
import itertools
import sys
import time
import wave
from array import array
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.synth import plan, render_wav, split_word

RATE = 16000
DATA = Path(__file__).resolve().parents[1] / "data"


def _samples(data: bytes) -> tuple[int, array[int]]:
    with wave.open(io.BytesIO(data)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth()) == (1, 2)
        rate = reader.getframerate()
        samples = array("h", reader.readframes(reader.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, samples


def _synth(text: str, speed: float = 1.0, vol: float = 1.0, pitch: int = 0) -> array[int]:
    timeline = plan(text, find_pauses(text), RATE, speed)
    rate, samples = _samples(render_wav(timeline, base_hz=150, vol=vol, pitch=pitch))
    assert rate == RATE and len(samples) == timeline.total_samples
    return samples


def _zero_runs(samples: array[int]) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, value in enumerate(samples):
        if value == 0 and start is None:
            start = i
        elif value != 0 and start is not None:
            runs.append((start, i - start))
            start = None
    if start is not None:
        runs.append((start, len(samples) - start))
    return runs


def _crossings(samples: array[int]) -> int:
    return sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)


def test_served_audio_is_mono_16_bit_wav(make_manual_server: Any, make_api: Any) -> None:
    api = make_api(make_manual_server(audio_format="wav"))  # MP3 is the default
    done = api.finish(api.audio("你好"))
    response = api.fetch(done["audioUrl"])
    assert response.headers["content-type"] == "audio/wav"
    assert int(response.headers["content-length"]) == len(response.content)
    rate, samples = _samples(response.content)
    assert rate == 16000 and len(samples) == 2 * round(0.2 * 16000)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("你好世界", 4 * 0.20),
        ("abc", 3 * 0.06),
        ("ab cd", 4 * 0.06 + 0.04),
        ("2024", 4 * 0.15),
        ("你好，世界。", 4 * 0.20 + 0.15 + 0.30),
        ("Hi!\nYes.", 5 * 0.06 + 0.30 + 0.30 + 0.30),
        ("好<#1.5#>好", 2 * 0.20 + 1.5),
    ],
)
def test_duration_follows_the_timing_rule(text: str, seconds: float) -> None:
    assert len(_synth(text)) == round(seconds * RATE)


def test_speed_divides_speech_but_not_pauses() -> None:
    text = "你好世界<#1#>再见"
    normal, fast, slow = (len(_synth(text, speed=s)) for s in (1.0, 2.0, 0.5))
    assert normal == round(1.2 * RATE) + RATE
    assert fast == round(0.6 * RATE) + RATE
    assert slow == round(2.4 * RATE) + RATE


@pytest.mark.parametrize("rate", [16000, 22050])
def test_pause_is_exact_digital_silence(rate: int) -> None:
    text = "第一句话说完了。<#1.5#>Then the second sentence follows, carefully."
    timeline = plan(text, find_pauses(text), rate, 1.0)
    _, samples = _samples(render_wav(timeline, base_hz=150, vol=1.0, pitch=0))
    runs = _zero_runs(samples)
    assert len(runs) == 1  # the pause is the only zero sample anywhere
    start, length = runs[0]
    assert length == round(1.5 * rate)
    assert abs(length / rate - 1.5) <= 0.001
    pause = next(u for u in timeline.units if u.kind == "pause")
    assert start == pause.offset


def test_voiced_audio_has_no_zero_samples_even_at_minimum_volume() -> None:
    samples = _synth("Quiet words, 安静的声音。And more.", vol=0.01)
    assert 0 not in samples
    assert max(abs(s) for s in samples) >= 1


def test_pause_edges_are_faded_inside_the_sound() -> None:
    samples = _synth("好<#1#>好")
    pause_start = round(0.2 * RATE)
    before = [abs(s) for s in samples[pause_start - 5 : pause_start]]
    assert before[-1] <= 5 and all(v > 0 for v in before)
    assert all(v == 0 for v in samples[pause_start : pause_start + RATE])
    assert 0 < abs(samples[pause_start + RATE]) <= 5


@pytest.mark.parametrize(("vol", "expected"), [(1.0, 0.095), (5.0, 0.475), (10.0, 0.95)])
def test_peak_amplitude_follows_vol(vol: float, expected: float) -> None:
    peak = max(abs(s) for s in _synth("你好世界", vol=vol)) / 32767
    assert peak == pytest.approx(expected, abs=2 / 32767)


@pytest.mark.parametrize("pitch", [-12, -5, 7, 12])
def test_frequency_follows_pitch(pitch: int) -> None:
    base = _crossings(_synth("好好好好", pitch=0))
    shifted = _crossings(_synth("好好好好", pitch=pitch))
    assert shifted / base == pytest.approx(2 ** (pitch / 12), rel=0.05)


def test_synthesis_is_deterministic() -> None:
    assert _synth("Same text, 同样的文字。") == _synth("Same text, 同样的文字。")


def test_long_chinese_script_is_fast() -> None:
    text = (DATA / "audiobook-zh.txt").read_text(encoding="utf-8")
    text = (text * 4)[:600].strip()
    started = time.perf_counter()
    _synth(text)
    assert time.perf_counter() - started < 0.5


def test_long_words_split_into_pieces() -> None:
    assert split_word(0, 6) == [(0, 6)]
    assert split_word(0, 7) == [(0, 4), (4, 7)]
    assert split_word(10, 19) == [(10, 15), (15, 19)]
    assert split_word(0, 10) == [(0, 4), (4, 7), (7, 10)]
