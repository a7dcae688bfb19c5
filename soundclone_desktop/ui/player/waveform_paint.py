"""How the waveform looks: its colours from the palette, and its bars rendered once per view
and tinted per colour (the playhead moves every 30 ms; the bars only with a new view)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen, QPixmap

__all__ = ["BarSprites", "Colors", "mix", "paint_hover", "paint_placeholder", "round_pen"]

_MAX_SPRITES = 3  # played, unplayed, seek preview


class BarSprites:
    """The bars rendered once per key (size, pixel ratio, view) and source, tinted per colour."""

    def __init__(self) -> None:
        self.renders = 0  # times the bars were rasterised (tests check repaints reuse them)
        self.tints = 0  # times they were coloured
        self._key: Hashable = None
        self._source: object = None  # held, so its identity cannot be reused
        self._shape: QPixmap | None = None
        self._tinted: dict[int, QPixmap] = {}

    def clear(self) -> None:
        self._key, self._source, self._shape = None, None, None
        self._tinted.clear()

    def prepare(
        self,
        key: Hashable,
        source: object,
        render: Callable[[QColor], QPixmap],
        colour: QColor,
    ) -> None:
        """Render the bars in ``colour`` with ``render`` unless they were rendered for ``key``
        and ``source``; that colour needs no tinting (a zoom step renders every time)."""
        if key != self._key or source is not self._source or self._shape is None:
            self.clear()
            self._key, self._source = key, source
            self._shape = render(colour)
            self._tinted[colour.rgba()] = self._shape
            self.renders += 1

    def tinted(self, colour: QColor) -> QPixmap:
        """The prepared bars in ``colour``: their coverage (antialiasing) kept, colour set."""
        assert self._shape is not None
        rgba = colour.rgba()
        pixmap = self._tinted.get(rgba)
        if pixmap is None:
            if len(self._tinted) >= _MAX_SPRITES:  # a palette change: old colours are stale
                self._tinted.clear()
            pixmap = self._shape.copy()
            pixmap.setDevicePixelRatio(self._shape.devicePixelRatio())
            painter = QPainter(pixmap)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            self._tinted[rgba] = pixmap
            self.tints += 1
        return pixmap


class Colors:
    """Colours derived from the palette, so light, dark and high-contrast themes all work."""

    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.WindowText)
        dark_theme = base.lightnessF() < 0.5
        self.base = base
        self.played = palette.color(QPalette.ColorRole.Highlight)
        self.unplayed = mix(base, ink, 0.32)
        self.preview = mix(self.unplayed, self.played, 0.45)
        self.playhead = self.played.lighter(135) if dark_theme else self.played.darker(135)
        self.frame = mix(base, ink, 0.18)
        self.focus = palette.color(QPalette.ColorRole.Highlight)
        self.text = palette.color(QPalette.ColorRole.PlaceholderText)
        self.hover = mix(base, ink, 0.6)
        self.bubble = palette.color(QPalette.ColorRole.ToolTipBase)
        self.bubble_text = palette.color(QPalette.ColorRole.ToolTipText)
        self.boundary = mix(base, ink, 0.55)
        self.marked = QColor(palette.color(QPalette.ColorRole.Link))
        self.marked.setAlphaF(0.28)
        # The ruler's labels are body text on the base colour: the palette's own pair,
        # which both themes keep above 4.5:1.
        self.ruler_text = palette.color(QPalette.ColorRole.Text)
        self.ruler_tick = mix(base, ink, 0.45)


def round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way to ``b`` (opaque, so overlaps don't darken)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def paint_placeholder(
    painter: QPainter, plot: QRectF, head_x: float, colors: Colors, text: str
) -> None:
    """A flat line (played up to ``head_x``) and ``text`` on it: no peaks to draw."""
    centre = plot.center().y()
    painter.setPen(round_pen(colors.unplayed, 1.5))
    painter.drawLine(QPointF(plot.left(), centre), QPointF(plot.right(), centre))
    if head_x > plot.left():
        painter.setPen(round_pen(colors.played, 1.5))
        painter.drawLine(QPointF(plot.left(), centre), QPointF(head_x, centre))
    if text:
        metrics = QFontMetricsF(painter.font())
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 6)
        box.moveCenter(plot.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.base)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(colors.text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_hover(painter: QPainter, plot: QRectF, x: float, label: str, colors: Colors) -> None:
    """The line under the pointer and its time in a bubble, in the painter's font."""
    painter.setPen(QPen(colors.hover, 1.0))
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    metrics = QFontMetricsF(painter.font())
    box = QRectF(0, 0, metrics.horizontalAdvance(label) + 10, metrics.height() + 2)
    box.moveTop(plot.top())
    box.moveLeft(min(plot.right() - box.width(), max(plot.left(), x - box.width() / 2)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.bubble)
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(colors.bubble_text)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
