"""WaveformView renders its bars once per size and colour; moving the playhead only copies.

The reference below is the earlier painting (one antialiased path of every bar, filled once
per colour with a clip at the playhead): the cached pixmaps must look the same.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.peaks import Peaks
from soundclone_desktop.ui.player.waveform import WaveformView, _Colors

pytestmark = pytest.mark.gui


class _PathPaintedView(WaveformView):
    """The bars painted as before the cache: a path filled per colour, clipped at the head."""

    def _paint_bars(self, painter: QPainter, plot: QRectF, head_x: float, colors: _Colors) -> None:
        path = QPainterPath()
        for bar in self._bar_rects(plot):
            path.addRoundedRect(bar, 1.0, 1.0)
        full = QRectF(self.rect())
        painter.save()
        painter.setClipRect(QRectF(head_x, 0, full.width(), full.height()))
        painter.fillPath(path, colors.unplayed)
        painter.setClipRect(QRectF(0, 0, head_x, full.height()))
        painter.fillPath(path, colors.played)
        painter.restore()


class _RectPaintedView(WaveformView):
    """The bars painted directly, one rounded rectangle at a time, in the unplayed colour."""

    def _paint_bars(self, painter: QPainter, plot: QRectF, head_x: float, colors: _Colors) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.unplayed)
        for bar in self._bar_rects(plot):
            painter.drawRoundedRect(bar, 1.0, 1.0)
        painter.restore()


def _peaks() -> Peaks:
    rng = random.Random(7)
    return Peaks(tuple(rng.random() for _ in range(2000)), 60_000)


def _show(qtbot: QtBot, view: WaveformView, width: int = 520) -> WaveformView:
    qtbot.addWidget(view)
    view.resize(width, 88)
    view.show()
    qtbot.waitExposed(view)
    view.set_peaks(_peaks())
    return view


def _largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(worst, abs(p.red() - q.red()), abs(p.green() - q.green()),
                        abs(p.blue() - q.blue()))  # fmt: skip
    return worst


def test_moving_the_playhead_does_not_render_the_bars_again(qtbot: QtBot) -> None:
    view = _show(qtbot, WaveformView())
    view.set_position(1000)
    view.grab()
    sprites = view._sprites
    # The bars rendered in the unplayed colour, and tinted once for the played one.
    assert (sprites.renders, sprites.tints) == (1, 1)
    for ms in range(1030, 4000, 30):  # the playhead gliding during playback
        view.set_position(ms)
        view.grab()
    assert (sprites.renders, sprites.tints) == (1, 1)


def test_new_size_peaks_or_palette_render_again(qtbot: QtBot) -> None:
    view = _show(qtbot, WaveformView())
    view.set_position(20_000)
    view.grab()
    sprites = view._sprites
    assert (sprites.renders, sprites.tints) == (1, 1)
    view.resize(600, 88)
    view.grab()
    assert (sprites.renders, sprites.tints) == (2, 2)
    view.set_peaks(_peaks())  # equal values, but a new result: never trust a stale picture
    view.grab()
    assert (sprites.renders, sprites.tints) == (3, 3)
    palette = view.palette()
    palette.setColor(palette.ColorRole.Highlight, QColor("#c03030"))
    view.setPalette(palette)
    view.grab()
    assert (sprites.renders, sprites.tints) == (3, 4)  # only the played colour changed
    image = view.grab().toImage()
    played = [image.pixelColor(x, image.height() // 2) for x in range(10, view.width() // 3)]
    assert QColor("#c03030") in played


@pytest.mark.parametrize("width", [520, 1000])
@pytest.mark.parametrize("position", [0, 12_345, 30_000, 59_990])
def test_the_picture_is_the_same_as_painting_the_bars_directly(
    qtbot: QtBot, width: int, position: int
) -> None:
    cached = _show(qtbot, WaveformView(), width)
    direct = _show(qtbot, _PathPaintedView(), width)
    for view in (cached, direct):
        view.set_position(position)
    # One filled path and separate shapes are antialiased a little differently at the bars'
    # rounded ends (up to 4 of 255 with the ruler's plot geometry): invisible.
    assert _largest_difference(cached.grab().toImage(), direct.grab().toImage()) <= 4


@pytest.mark.parametrize("width", [520, 1000])
def test_the_cached_strip_is_the_bars_painted_directly_to_the_pixel(
    qtbot: QtBot, width: int
) -> None:
    cached = _show(qtbot, WaveformView(), width)
    direct = _show(qtbot, _RectPaintedView(), width)
    assert _largest_difference(cached.grab().toImage(), direct.grab().toImage()) == 0


def test_the_seek_preview_is_drawn_from_its_own_pixmap(qtbot: QtBot) -> None:
    view = _show(qtbot, WaveformView())
    view.set_position(10_000)
    view.grab()
    before = view._sprites.tints
    at = QPointF(view.width() * 0.8, 40)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove, at, view.mapToGlobal(at), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(view, move)
    view.grab()
    assert view._sprites.tints == before + 1
    for ms in (10_030, 10_060):
        view.set_position(ms)
        view.grab()
    assert (view._sprites.renders, view._sprites.tints) == (1, before + 1)


def test_scrolling_copies_the_bars_until_a_quarter_view_has_passed(qtbot: QtBot) -> None:
    view = _show(qtbot, WaveformView(), 600)
    view.zoom_by(8, 300)
    view.grab()  # a new zoom: just the view is rendered
    step = 7 * view.viewport().ms_per_px  # a wheel-sized scroll
    view.scroll_to(view.viewport().start_ms + step)
    view.grab()  # scrolling: the view and some to spare
    sprites = view._sprites
    renders = sprites.renders
    quarter_view = view.viewport().visible_ms / 4
    scrolled = 0.0
    while scrolled + step < quarter_view - 3 * step:
        view.scroll_to(view.viewport().start_ms + step)
        scrolled += step
        view.grab()
    assert sprites.renders == renders  # the strip covered all of it
    for _ in range(8):
        view.scroll_to(view.viewport().start_ms + step)
        view.grab()
    assert sprites.renders == renders + 1  # then a new strip, once
