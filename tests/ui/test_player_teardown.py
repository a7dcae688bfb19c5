"""A player deleted while its waveform is still being decoded on a worker thread (PyAV's
FFmpeg next to QtMultimedia's in one process): whatever the worker delivers afterwards is
dropped on the GUI thread, and nothing touches the deleted widget or its loader."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.ui.player import peaks_loader
from soundclone_desktop.ui.player.background import pool
from soundclone_desktop.ui.player.peaks_loader import PeaksLoader
from soundclone_desktop.ui.player.player_widget import PlayerWidget

pytestmark = pytest.mark.gui

ROUNDS = 4


@pytest.fixture(scope="module")
def long_mp3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four minutes of a warbling tone: seconds of decoding."""
    seconds, rate = 240, 16_000
    t = np.arange(seconds * rate, dtype=np.float32) / rate
    samples = 0.3 * np.sin(2 * np.pi * (220 + 40 * np.sin(2 * np.pi * 0.5 * t)) * t)
    audio = Audio(samples.astype(np.float32)[np.newaxis, :], rate)
    folder = tmp_path_factory.mktemp("teardown")
    return encode(audio, folder / "long.mp3", EncodeOptions(Encoding.MP3, bitrate_kbps=32))


class Calls:
    """Every call of a loader's or player's result handler, and whether its object lived."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.alive: list[bool] = []
        self.on_worker: list[str] = []
        for owner, name in (
            (PeaksLoader, "_progress"),
            (PeaksLoader, "_finished"),
            (PlayerWidget, "_on_peaks"),
        ):
            monkeypatch.setattr(owner, name, self._watched(name, getattr(owner, name)))

    def _watched(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def watched(obj: Any, *args: Any) -> Any:
            self.alive.append(shiboken6.isValid(obj))
            if threading.current_thread() is not threading.main_thread():
                self.on_worker.append(name)
            return method(obj, *args)

        return watched


def decoding_started(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    started = threading.Event()
    original = peaks_loader.compute_peaks

    def compute(path: Path, **options: Any) -> Any:
        started.set()
        return original(path, **options)

    monkeypatch.setattr(peaks_loader, "compute_peaks", compute)
    return started


def test_deleting_a_player_while_its_peaks_decode_drops_the_result(
    qtbot: QtBot, long_mp3: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    started = decoding_started(qtbot, monkeypatch)
    for _ in range(ROUNDS):
        started.clear()
        widget = PlayerWidget()
        widget.resize(640, 220)
        widget.show()
        widget.load(long_mp3)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        qtbot.wait(50)  # FFmpeg is inside the file now
        loader = widget._peaks
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(widget) and not shiboken6.isValid(loader)
        held = weakref.ref(loader)
        del widget, loader
        gc.collect()
        # No closure on the worker holds the loader: nothing there can reach a dead object.
        assert held() is None
    assert pool().waitForDone(60_000), "a peaks worker never ended"
    for _ in range(5):  # let every queued delivery run
        QCoreApplication.processEvents()
        qtbot.wait(20)
    assert calls.on_worker == []
    assert all(calls.alive), f"{calls.alive.count(False)} calls reached a deleted object"


def test_a_loader_let_go_mid_decode_goes_at_once_on_the_gui_thread(
    qtbot: QtBot, long_mp3: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker holds no reference to the loader: dropping the last one deletes it there
    and then (its decode is cancelled), never later on whichever thread lets go last."""
    started = decoding_started(qtbot, monkeypatch)
    ended: list[str] = []
    for _ in range(ROUNDS):
        started.clear()
        loader = PeaksLoader()
        loader.destroyed.connect(lambda *_: ended.append(threading.current_thread().name))
        loader.load(long_mp3)
        qtbot.waitUntil(started.is_set, timeout=10_000)
        del loader
        gc.collect()
        assert ended and ended[-1] == threading.main_thread().name
    assert pool().waitForDone(5_000), "the decode was not cancelled"
    assert len(ended) == ROUNDS
