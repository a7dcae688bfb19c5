"""Waveform peaks without Qt: shape, accuracy against a brute-force reference, streaming,
progressive overviews of long files, speed."""

from __future__ import annotations

import array
import io
import math
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.model import AudioError
from soundclone_desktop.audio.peaks import (
    COARSE_BUCKETS,
    PeakAccumulator,
    Peaks,
    PeaksCancelledError,
    compute_peaks,
)
from soundclone_desktop.audio.timefmt import format_clock, format_position
from tests.audio.signals import speech_like, write

RATE = 32_000


def tone(seconds: float, amplitude: float, freq: float = 440.0, rate: int = RATE) -> list[int]:
    peak = amplitude * 32767
    return [
        round(peak * math.sin(2 * math.pi * freq * i / rate)) for i in range(int(seconds * rate))
    ]


def wav_bytes(samples: list[int], *, rate: int = RATE, channels: int = 1, width: int = 2) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(pcm(samples, width))
    return buf.getvalue()


def pcm(samples: list[int], width: int = 2) -> bytes:
    if width == 1:  # WAV stores 8-bit unsigned
        return bytes((s >> 8) + 128 for s in samples)
    if width == 2:
        data = array.array("h", samples)
        if sys.byteorder == "big":
            data.byteswap()
        return data.tobytes()
    shift = 8 * (width - 2)  # scale 16-bit values up to 24/32 bit
    return b"".join((s << shift).to_bytes(width, "little", signed=True) for s in samples)


def floats(samples: list[int], channels: int = 1) -> np.ndarray:
    row = np.array(samples, np.float32) / 32768
    return np.repeat(row[np.newaxis, :], channels, axis=0)


def test_tone_then_silence_has_the_right_shape(tmp_path: Path) -> None:
    path = tmp_path / "tone.wav"
    path.write_bytes(wav_bytes(tone(2.0, 0.5) + [0] * RATE))

    peaks = compute_peaks(path)
    assert peaks.duration_ms == 3000 and peaks.complete
    tenths = peaks.resample(30)
    assert all(v == pytest.approx(0.5, abs=0.01) for v in tenths[:20])
    assert tenths[21:] == [0.0] * 9  # bucket 20 may share a block with the tone's end

    buckets = peaks.resample(300)
    assert len(buckets) == 300
    assert all(0.48 < v <= 0.5 for v in buckets[:199])
    assert all(v == 0.0 for v in buckets[201:])


def test_accepts_bytes_and_file_objects() -> None:
    data = wav_bytes(tone(0.5, 0.25))
    assert compute_peaks(data) == compute_peaks(io.BytesIO(data))
    assert compute_peaks(data).peak == pytest.approx(0.25, abs=0.01)


def test_dither_level_silence_reads_as_nothing() -> None:
    noise = [(-1, 0, 1, -2, 2)[i % 5] for i in range(RATE)]
    peaks = compute_peaks(wav_bytes(noise))
    assert max(peaks.values) < 0.001


@pytest.mark.parametrize("width", [1, 2, 3, 4])
@pytest.mark.parametrize("channels", [1, 2])
def test_block_peaks_match_a_brute_force_reference(width: int, channels: int) -> None:
    # A loud part, a quiet part and a negative-only spike; decoded from a real WAV file.
    samples = tone(0.25, 0.9, 97.0, 8000) + tone(0.25, 0.01, 131.0, 8000) + [-30000] + [0] * 99
    if width == 1:
        samples = [s & ~0xFF for s in samples]  # what 8-bit can hold
    interleaved = [s for s in samples for _ in range(channels)]
    frames = len(samples)
    data = wav_bytes(interleaved, rate=8000, channels=channels, width=width)
    peaks = compute_peaks(data, resolution=41)

    block = -(-frames // 41)
    assert len(peaks.values) == -(-frames // block)
    for i, got in enumerate(peaks.values):
        exact = max(abs(s) for s in samples[i * block : (i + 1) * block]) / 32768
        assert got == pytest.approx(exact, abs=1e-6), (i, got, exact)


def test_the_accumulator_takes_blocks_of_any_size() -> None:
    samples = tone(0.5, 0.7, 97.0, 8000) + [-30000] + [0] * 99
    acc = PeakAccumulator(frame_rate=8000, resolution=41, expected_frames=len(samples))
    values = floats(samples, 2)
    acc.feed(values[:, :1001])
    acc.feed(values[:, 1001:1001])
    acc.feed(values[:, 1001:])
    whole = PeakAccumulator(frame_rate=8000, resolution=41, expected_frames=len(samples))
    whole.feed(values)
    assert acc.finish() == whole.finish()


@pytest.mark.parametrize("amplitude", [0.1, 0.01, 0.001])
def test_quiet_audio_keeps_fine_resolution(amplitude: float) -> None:
    samples = tone(0.5, amplitude, 131.0, 8000)
    samples[1234] = -round(amplitude * 32768)  # the negative extreme, exactly
    peaks = compute_peaks(wav_bytes(samples, rate=8000), resolution=50)
    block = -(-len(samples) // 50)
    for i, got in enumerate(peaks.values):
        exact = max(abs(s) for s in samples[i * block : (i + 1) * block]) / 32768
        assert exact - exact / 8 <= got <= exact + 1e-9, (i, got, exact)


def test_stream_of_unknown_length_stays_small_and_keeps_time() -> None:
    # 40 s at 8 kHz fed in decoder-sized pieces: loud first half, silent second half.
    values = floats(tone(20.0, 0.5, 200.0, 8000) + [0] * (20 * 8000))
    acc = PeakAccumulator(frame_rate=8000, resolution=256)
    for start in range(0, values.shape[1], 576):
        acc.feed(values[:, start : start + 576])
    peaks = acc.finish()

    assert peaks.duration_ms == 40_000
    assert 256 <= len(peaks.values) < 512
    halves = [peaks.resample(40)[:19], peaks.resample(40)[21:]]
    assert all(v == pytest.approx(0.5, abs=0.01) for v in halves[0])
    assert all(v == 0.0 for v in halves[1])


def test_cancellation_stops_between_blocks() -> None:
    data = wav_bytes(tone(10.0, 0.5))
    with pytest.raises(PeaksCancelledError):
        compute_peaks(data, cancelled=lambda: True)


def test_not_audio_raises_a_sentence() -> None:
    with pytest.raises(AudioError, match="not audio"):
        compute_peaks(b"ID3\x04\x00 definitely not audio")


def test_empty_and_resampling_edges() -> None:
    empty = compute_peaks(wav_bytes([]))
    assert empty == Peaks((), 0)
    assert empty.peak == 0.0
    assert empty.resample(10) == []
    assert Peaks((0.1, 0.9), 10).resample(4) == [0.1, 0.1, 0.9, 0.9]
    assert Peaks((0.1, 0.9, 0.3, 0.2), 10).resample(2) == [0.9, 0.3]
    with pytest.raises(ValueError):
        PeakAccumulator(frame_rate=0)


def test_a_long_mp3_arrives_coarse_first_then_exact(tmp_path: Path) -> None:
    path = write(speech_like(180.0, 16_000), tmp_path / "long.mp3")
    reports: list[Peaks] = []
    final = compute_peaks(path, resolution=1024, progress=reports.append)

    assert reports and not any(r.complete for r in reports)
    assert all(len(r.values) == 1024 and r.duration_ms == 180_000 for r in reports)
    coarse = reports[0]
    # The coarse overview has COARSE_BUCKETS distinct glimpses, spread over the whole file.
    assert len(set(coarse.values)) <= COARSE_BUCKETS
    assert min(coarse.resample(8)) > 0.05  # sound found in every eighth of the file
    assert final.complete and final.duration_ms == 180_000
    assert final == compute_peaks(path, resolution=1024)  # progress changes nothing
    # Glimpses are short: never louder than the exact peaks around them (MP3 seeks are
    # estimates, so a glimpse may land in a neighbouring bucket).
    exact = final.resample(64)
    for i, level in enumerate(coarse.resample(64)):
        assert level <= max(exact[max(0, i - 1) : i + 2]) + 0.02, i


def test_ten_minutes_of_32_khz_in_well_under_a_second() -> None:
    # Speech-like: bursts with pauses, so both the loud and the silent paths run.
    second = pcm(tone(1.0, 0.6, 220.0))
    quiet = pcm(tone(1.0, 0.02, 220.0))
    pause = bytes(2 * RATE)
    minute = (second * 3 + quiet + pause + pause) * 10
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(minute * 10)
    data = buf.getvalue()

    started = time.perf_counter()
    peaks = compute_peaks(data)
    elapsed = time.perf_counter() - started

    assert peaks.duration_ms == 600_000
    assert elapsed < 1.0, f"{elapsed:.2f} s"


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0:00"),
        (3_400, "0:03"),
        (85_000, "1:25"),
        (600_000, "10:00"),
        (3_723_000, "1:02:03"),
        (-5, "0:00"),
    ],
)
def test_format_clock(ms: int, text: str) -> None:
    assert format_clock(ms) == text


def test_format_position_keeps_hours_on_both_sides() -> None:
    assert format_position(3_000, 85_000) == "0:03 / 1:25"
    assert format_position(3_000, 3_723_000) == "0:00:03 / 1:02:03"
    assert format_position(3_723_000, 3_723_000) == "1:02:03 / 1:02:03"


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (3_980, "0:04"),  # issue 11: 3.98 s read as 0:03
        (3_499, "0:03"),
        (59_600, "1:00"),
    ],
)
def test_format_clock_rounds_to_the_nearest_second(ms: int, text: str) -> None:
    assert format_clock(ms) == text


def test_a_clip_under_a_minute_is_timed_in_tenths() -> None:
    assert format_position(0, 3_980) == "0:00.0 / 0:04.0"
    assert format_position(1_240, 3_980) == "0:01.2 / 0:04.0"
    assert format_clock(400, tenths=True) == "0:00.4"  # two captions in the first second
    assert format_clock(900, tenths=True) == "0:00.9"
    assert format_position(0, 0) == "0:00 / 0:00"  # nothing loaded
