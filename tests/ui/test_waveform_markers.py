"""The waveform's markers layer (a book chapter): lines where segments join, bands over
marked sentences; both go with the audio."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.peaks import Peaks
from soundclone_desktop.ui.player.waveform import WaveformView

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot) -> WaveformView:
    widget = WaveformView()
    qtbot.addWidget(widget)
    widget.resize(400, 90)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_peaks(Peaks(tuple([0.0] * 300), 3000))  # silence: only markers show
    return widget


def _column(view: WaveformView, x: int) -> list[QColor]:
    image = view.grab().toImage()
    plot = view._plot_rect()  # the bars' rows, below the time ruler
    return [image.pixelColor(x, y) for y in range(round(plot.top()), round(plot.bottom()))]


def test_boundaries_and_marked_stretches_are_drawn_and_cleared_with_the_audio(
    view: WaveformView,
) -> None:
    base = view.palette().color(QPalette.ColorRole.Base)
    marked_x = round(view._x_at(2500))
    line_x = round(view._x_at(1000))
    between_x = round(view._x_at(1500))
    before = (_column(view, marked_x), _column(view, line_x), _column(view, between_x))
    view.set_markers([1000], [(2000, 3000)])
    assert view.markers() == ((1000,), ((2000, 3000),))
    band = _column(view, marked_x)
    assert band != before[0] and all(c != base for c in band[5:-5])
    assert _column(view, line_x) != before[1]
    assert _column(view, between_x) == before[2]  # nothing between
    view.clear()
    assert view.markers() == ((), ())
