"""The waveform's bars: laid out on a grid fixed to the audio (bar k starts at k bar-widths
of time), so scrolling slides them instead of reshaping them, and rasterised as a strip wider
than the view, so scrolling mostly copies pixels (see :class:`.waveform_paint.BarSprites`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from .waveform_zoom import Viewport

if TYPE_CHECKING:
    from .waveform_levels import PeakLevels

__all__ = ["BAR_WIDTH", "Strip", "plan_strip", "render_strip", "visible_bars"]

BAR_WIDTH = 2.0
_PITCH = 3.0  # a bar and its gap; whole pixels, so the strip's bars sit on the pixel grid
_MIN_BAR = 1.5  # silence still draws a thin line, so the timeline stays visible
# Quiet files are scaled up to fill the view, but not beyond this peak: hiss stays small.
_NORMALISE_FLOOR = 0.05


@dataclass(frozen=True)
class Strip:
    """Bars ``first`` to ``first + count`` of ``bar_ms`` each, rendered side by side."""

    first: int
    count: int
    bar_ms: float

    def x_in(self, view: Viewport) -> float:
        """Where the strip's left edge is, from the plot's left edge."""
        return view.x_of(self.first * self.bar_ms)


def plan_strip(view: Viewport, current: Strip | None) -> Strip:
    """``current`` while it covers the view at this zoom; else a new strip."""
    bar_ms = _PITCH * view.ms_per_px
    first = math.floor(view.start_ms / bar_ms)
    shown = math.ceil(view.width_px / _PITCH) + 2
    if (
        current is not None
        and current.bar_ms == bar_ms
        and current.first <= first
        and first + shown <= current.first + current.count
    ):
        return current
    # A new zoom renders just the view (zooming renders every step); scrolling at one zoom
    # renders a quarter view to spare on each side, to be copied by the next steps (more
    # would make that one paint slower than a frame).
    spare = shown // 4 if current is not None and current.bar_ms == bar_ms else 0
    return Strip(max(0, first - spare), shown + 2 * spare, bar_ms)


def _rects(
    levels: PeakLevels,
    first: int,
    count: int,
    bar_ms: float,
    end_ms: float,
    x0: float,
    plot: QRectF,
) -> list[QRectF]:
    count = min(count, math.ceil(end_ms / bar_ms) - first)  # nothing after the end
    if count <= 0:
        return []
    # One scale for the whole file, so zooming does not change the loudness shown.
    scale = 0.94 * plot.height() / max(levels.peak, _NORMALISE_FLOOR)
    centre = plot.center().y()
    values = levels.bars(first * bar_ms, bar_ms, count).tolist()
    heights = [max(_MIN_BAR, value * scale) for value in values]
    return [
        QRectF(x0 + i * _PITCH, centre - height / 2, BAR_WIDTH, height)
        for i, height in enumerate(heights)
    ]


def visible_bars(levels: PeakLevels, plot: QRectF, view: Viewport, end_ms: float) -> list[QRectF]:
    """The bars the plot shows, in widget coordinates."""
    bar_ms = _PITCH * view.ms_per_px
    first = math.floor(view.start_ms / bar_ms)
    last = math.ceil(min(view.end_ms, end_ms) / bar_ms)
    x0 = plot.left() + view.x_of(first * bar_ms)
    return _rects(levels, first, last - first, bar_ms, end_ms, x0, plot)


def render_strip(
    levels: PeakLevels, strip: Strip, end_ms: float, plot: QRectF, ratio: float, colour: QColor
) -> QPixmap:
    """The strip's bars in ``colour`` on a transparent pixmap, from the widget's top
    to the plot's bottom, to be drawn at x = ``strip.x_in(view)``: its first bar is
    ``plot.left()`` in, where it would be on the widget (Qt's antialiasing is not the same
    at every x; this way the cached bars are the ones painted directly, to the pixel)."""
    pixmap = QPixmap(
        math.ceil((plot.left() + strip.count * _PITCH) * ratio),
        math.ceil((plot.bottom() + 1) * ratio),
    )
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    radius = BAR_WIDTH / 2
    # One small shape at a time: filling them as one path is 15 times slower.
    x0 = plot.left()
    for bar in _rects(levels, strip.first, strip.count, strip.bar_ms, end_ms, x0, plot):
        painter.drawRoundedRect(bar, radius, radius)
    painter.end()
    return pixmap
