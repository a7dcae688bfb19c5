"""The waveform's bars for what a viewport shows: laid out on a grid fixed to the audio,
rasterised once per view (see :class:`.waveform_paint.BarSprites`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap

from .waveform_zoom import Viewport

if TYPE_CHECKING:
    from .waveform_levels import PeakLevels

__all__ = ["BAR_WIDTH", "bar_rects", "render_bars"]

BAR_WIDTH = 2.0
_BAR_GAP = 1.0
_MIN_BAR = 1.5  # silence still draws a thin line, so the timeline stays visible
# Quiet files are scaled up to fill the view, but not beyond this peak: hiss stays small.
_NORMALISE_FLOOR = 0.05


def bar_rects(levels: PeakLevels, plot: QRectF, view: Viewport, end_ms: float) -> list[QRectF]:
    """The visible bars up to ``end_ms``, one per ``BAR_WIDTH + gap`` pixels; bar k starts
    at k bar-widths of time, so scrolling slides the bars instead of reshaping them."""
    pitch = BAR_WIDTH + _BAR_GAP
    bar_ms = pitch * view.ms_per_px
    first = math.floor(view.start_ms / bar_ms)
    last = math.ceil(min(view.end_ms, end_ms) / bar_ms)
    # One scale for the whole file, so zooming does not change the loudness shown.
    scale = 0.94 * plot.height() / max(levels.peak, _NORMALISE_FLOOR)
    centre = plot.center().y()
    bars = []
    values = levels.bars(first * bar_ms, bar_ms, last - first).tolist()
    for i, value in enumerate(values):
        height = max(_MIN_BAR, value * scale)
        x = plot.left() + view.x_of((first + i) * bar_ms)
        bars.append(QRectF(x, centre - height / 2, BAR_WIDTH, height))
    return bars


def render_bars(size: QSize, ratio: float, bars: list[QRectF]) -> QPixmap:
    """The bars (opaque, any colour) on a transparent pixmap of ``size``."""
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    radius = BAR_WIDTH / 2
    # One small shape at a time: filling them as one path is 15 times slower.
    for bar in bars:
        painter.drawRoundedRect(bar, radius, radius)
    painter.end()
    return pixmap
