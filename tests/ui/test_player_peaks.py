"""PeaksLoader: peaks are computed on a worker thread by the audio engine, for any format;
long files arrive progressively (coarse first)."""

from __future__ import annotations

import array
import math
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio, AudioError
from soundclone_desktop.audio.peaks import Peaks, compute_peaks
from soundclone_desktop.ui.player import peaks_loader
from soundclone_desktop.ui.player.background import run_in_background
from soundclone_desktop.ui.player.peaks_loader import PeaksLoader
from tests.audio.signals import speech_like

pytestmark = pytest.mark.gui

RATE = 32_000


def tone_then_silence(tone_s: float = 2.0, silence_s: float = 1.0) -> array.array[int]:
    samples = array.array("h", (round(16000 * math.sin(i / 10)) for i in range(int(tone_s * RATE))))
    samples.extend([0] * int(silence_s * RATE))
    return samples


def write_wav(path: Path, samples: array.array[int]) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return path


def write_mp3(path: Path, samples: array.array[int]) -> Path:
    values = np.frombuffer(samples, np.int16).astype(np.float32)[np.newaxis, :] / 32768
    return encode(Audio(values, RATE), path, EncodeOptions(Encoding.MP3, bitrate_kbps=64))


def recording_thread(monkeypatch: pytest.MonkeyPatch, name: str) -> list[threading.Thread]:
    """Wrap ``peaks_loader.<name>`` so the test learns which thread ran it."""
    threads: list[threading.Thread] = []
    original: Callable[..., Peaks] = getattr(peaks_loader, name)

    def wrapper(*args: Any, **kwargs: Any) -> Peaks:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(peaks_loader, name, wrapper)
    return threads


@pytest.fixture
def loader(qtbot: QtBot) -> PeaksLoader:
    return PeaksLoader()


def test_wav_peaks_are_computed_off_the_gui_thread(
    qtbot: QtBot, loader: PeaksLoader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = recording_thread(monkeypatch, "compute_peaks")
    path = write_wav(tmp_path / "tone.wav", tone_then_silence())
    with qtbot.waitSignal(loader.ready, timeout=5000) as blocker:
        loader.load(path)
    peaks: Peaks = blocker.args[0]
    assert threads and threads[0] is not threading.main_thread()
    assert peaks.duration_ms == 3000
    thirds = peaks.resample(30)
    assert min(thirds[:19]) > 0.45
    assert thirds[21:] == [0.0] * 9
    assert not loader.is_busy()


def test_mp3_is_decoded_into_peaks_on_a_worker(
    qtbot: QtBot, loader: PeaksLoader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = recording_thread(monkeypatch, "compute_peaks")
    path = write_mp3(tmp_path / "tone.mp3", tone_then_silence())
    with qtbot.waitSignal(loader.ready, timeout=10_000) as blocker:
        loader.load(path)
    peaks: Peaks = blocker.args[0]
    assert threads and threads[0] is not threading.main_thread()
    assert peaks.duration_ms == 3000  # the LAME header's delay and padding are honoured
    tenths = peaks.resample(30)
    assert min(tenths[1:19]) > 0.4
    assert max(tenths[22:]) < 0.02


def test_float_wav_is_read_too(qtbot: QtBot, loader: PeaksLoader, tmp_path: Path) -> None:
    samples = tone_then_silence(1.0, 1.0)
    floats = array.array("f", (s / 32768 for s in samples))
    path = tmp_path / "float.wav"
    data = floats.tobytes()
    header = b"".join(
        [
            b"RIFF",
            (36 + len(data)).to_bytes(4, "little"),
            b"WAVEfmt ",
            (16).to_bytes(4, "little"),
            (3).to_bytes(2, "little"),  # WAVE_FORMAT_IEEE_FLOAT: the stdlib cannot read it
            (1).to_bytes(2, "little"),
            RATE.to_bytes(4, "little"),
            (RATE * 4).to_bytes(4, "little"),
            (4).to_bytes(2, "little"),
            (32).to_bytes(2, "little"),
            b"data",
            len(data).to_bytes(4, "little"),
        ]
    )
    path.write_bytes(header + data)
    with qtbot.waitSignal(loader.ready, timeout=10_000) as blocker:
        loader.load(path)
    peaks: Peaks = blocker.args[0]
    assert peaks.duration_ms == pytest.approx(2000, abs=50)
    halves = peaks.resample(10)
    assert min(halves[:4]) > 0.4 and max(halves[6:]) < 0.01


def test_junk_fails_without_blocking(qtbot: QtBot, loader: PeaksLoader, tmp_path: Path) -> None:
    path = tmp_path / "junk.mp3"
    path.write_bytes(b"\x00garbage" * 100)
    with qtbot.waitSignal(loader.failed, timeout=10_000):
        loader.load(path)
    missing = tmp_path / "missing.wav"
    with qtbot.waitSignal(loader.failed, timeout=5000) as blocker:
        loader.load(missing)
    assert "missing.wav" in blocker.args[0]


def test_a_failing_decode_on_a_worker_reports_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "junk.mp3"
    path.write_bytes(b"not audio at all")
    receiver = QObject()
    outcome: list[object] = []
    run_in_background(lambda: compute_peaks(path), receiver, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], AudioError)


def test_a_long_mp3_shows_a_coarse_waveform_first(
    qtbot: QtBot, loader: PeaksLoader, tmp_path: Path
) -> None:
    path = encode(speech_like(300.0, 16_000), tmp_path / "long.mp3", EncodeOptions(Encoding.MP3))
    partial: list[Peaks] = []
    loader.partial.connect(partial.append)
    with qtbot.waitSignal(loader.ready, timeout=30_000) as blocker:
        loader.load(path)
    final: Peaks = blocker.args[0]
    assert partial and not partial[0].complete and final.complete
    assert partial[0].duration_ms == final.duration_ms == 300_000
    assert min(partial[0].resample(10)) > 0.05  # the whole length at once, not left to right


def test_a_new_load_supersedes_the_previous_one(
    qtbot: QtBot, loader: PeaksLoader, tmp_path: Path
) -> None:
    first = write_wav(tmp_path / "first.wav", tone_then_silence(8.0, 0.0))
    second = write_wav(tmp_path / "second.wav", tone_then_silence(0.5, 0.5))
    results: list[Peaks] = []
    loader.ready.connect(results.append)
    loader.load(first)
    loader.load(second)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    qtbot.wait(300)  # give a stale result the chance to arrive
    assert [p.duration_ms for p in results] == [1000]


def test_cancel_with_wait_lets_go_of_the_file(
    qtbot: QtBot, loader: PeaksLoader, tmp_path: Path
) -> None:
    path = write_wav(tmp_path / "long.wav", tone_then_silence(60.0, 0.0))
    with qtbot.assertNotEmitted(loader.ready, wait=300):
        loader.load(path)
        loader.cancel(wait_ms=2000)
        assert not loader.is_busy()
    path.unlink()  # nothing holds it (this matters on Windows)
