"""The waveform in the real player: fine peaks for a long file, zoom keys with the focus on
the waveform, its scroll bar, and the view paging along with real playback."""

from __future__ import annotations

import math
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.player.player_widget import PlayerWidget
from soundclone_desktop.ui.player.waveform import WaveformView
from soundclone_desktop.ui.player.waveform_scroll import WaveformScrollBar

pytestmark = pytest.mark.gui

RATE = 8000
LENGTH_S = 150  # long enough for the progressive (coarse first) path


def write_speechy_wav(path: Path) -> Path:
    """Two-second phrases of a tone with half a second of silence between them."""
    t = np.arange(LENGTH_S * RATE) / RATE
    voiced = (t % 2.5) < 2.0
    samples = (np.sin(2 * math.pi * 220 * t) * 9000 * voiced).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[PlayerWidget]:
    widget = PlayerWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 260)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.release()


def _loaded(qtbot: QtBot, player: PlayerWidget, path: Path) -> WaveformView:
    view = player.waveform
    player.load(path)
    qtbot.waitUntil(
        lambda: view.peaks() is not None and view.peaks().complete,  # type: ignore[union-attr]
        timeout=20_000,
    )
    return view


def test_a_long_file_gets_peaks_fine_enough_for_the_finest_zoom(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    view = _loaded(qtbot, player, write_speechy_wav(tmp_path / "long.wav"))
    peaks = view.peaks()
    assert peaks is not None
    # About 10 ms a bucket: the finest zoom (10 ms a pixel, 30 ms a bar) still has detail.
    assert LENGTH_S * 1000 / len(peaks.values) <= 12
    view.setFocus()
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.viewport().ms_per_px == pytest.approx(10)
    # The half-second pauses show as gaps between the bars at this zoom.
    view.scroll_to(1_900)
    image = view.grab().toImage()
    y = round(view._plot_rect().top()) + 4  # above the centre line silence draws
    pause_x = round(view._x_at(2_250))
    phrase_x = round(view._x_at(2_600))
    base = view.palette().color(QPalette.ColorRole.Base)
    assert all(image.pixelColor(x, y) == base for x in range(pause_x - 5, pause_x + 5))
    assert any(image.pixelColor(x, y) != base for x in range(phrase_x - 5, phrase_x + 5))


def test_zoomed_in_the_view_pages_along_with_playback(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    view = _loaded(qtbot, player, write_speechy_wav(tmp_path / "long.wav"))
    scroll = player.findChild(WaveformScrollBar, "waveformScrollBar")
    assert scroll is not None and scroll.isHidden()
    view.setFocus()
    for _ in range(6):  # 64×: about 2.3 s across
        qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert scroll.isVisible()
    end = view.viewport().end_ms
    player.seek(round(end - 400))
    player.play()
    qtbot.waitUntil(lambda: player.playback_state() == QMediaPlayer.PlaybackState.PlayingState)
    qtbot.waitUntil(lambda: player.position_ms() > end + 200, timeout=5000)
    qtbot.wait(100)
    player.pause()
    viewport = view.viewport()
    assert viewport.start_ms >= end - 50  # a page on: the cursor came in at the left
    assert viewport.contains(view.position())
    assert scroll.value() == round(viewport.start_ms)
