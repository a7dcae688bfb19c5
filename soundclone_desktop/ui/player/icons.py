"""Transport icons: the platform's own where Qt knows one, else glyphs drawn in the palette.

Why drawn glyphs rather than ``QStyle`` standard pixmaps as the fallback: Fusion's media
pixmaps are black, which disappears on a dark palette; these take the button text colour.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

__all__ = ["Glyph", "media_icon"]


class Glyph(enum.Enum):
    PLAY = QIcon.ThemeIcon.MediaPlaybackStart
    PAUSE = QIcon.ThemeIcon.MediaPlaybackPause
    VOLUME = QIcon.ThemeIcon.AudioVolumeHigh


def media_icon(glyph: Glyph, palette: QPalette, *, device_pixel_ratio: float = 1.0) -> QIcon:
    themed = QIcon.fromTheme(glyph.value)
    if not themed.isNull():
        return themed
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        color = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in (16, 24, 32):
            icon.addPixmap(_draw(glyph, color, size, device_pixel_ratio), mode)
    return icon


def _draw(glyph: Glyph, color: QColor, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)  # glyphs are drawn on a 16×16 grid
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    if glyph is Glyph.PLAY:
        path = QPainterPath(QPointF(4.5, 2.5))
        path.lineTo(13.5, 8.0)
        path.lineTo(4.5, 13.5)
        path.closeSubpath()
        painter.drawPath(path)
    elif glyph is Glyph.PAUSE:
        painter.drawRoundedRect(QRectF(3.5, 2.5, 3.2, 11), 0.8, 0.8)
        painter.drawRoundedRect(QRectF(9.3, 2.5, 3.2, 11), 0.8, 0.8)
    else:
        speaker = QPainterPath(QPointF(1.5, 6.0))
        for x, y in ((4.5, 6.0), (8.5, 2.5), (8.5, 13.5), (4.5, 10.0), (1.5, 10.0)):
            speaker.lineTo(x, y)
        speaker.closeSubpath()
        painter.drawPath(speaker)
        pen = QPen(color, 1.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for radius in (2.6, 5.0):
            arc = QRectF(8.5 - radius, 8.0 - radius, 2 * radius, 2 * radius)
            painter.drawArc(arc, -45 * 16, 90 * 16)
    painter.end()
    return pixmap
