"""The time ruler above the waveform: ticks and ``m:ss`` / ``h:mm:ss`` labels whose spacing
follows the zoom, chosen so that no two labels overlap."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from .waveform_zoom import Viewport

__all__ = ["RulerLayout", "label_text", "layout_ruler", "paint_ruler"]

_SECOND = 1000
_MINUTE = 60 * _SECOND
_HOUR = 60 * _MINUTE
# (labelled step, minor tick step): the first whose labels fit is used.
_STEPS: tuple[tuple[int, int], ...] = (
    (_SECOND, _SECOND // 5),
    (5 * _SECOND, _SECOND),
    (10 * _SECOND, 2 * _SECOND),
    (30 * _SECOND, 5 * _SECOND),
    (_MINUTE, 10 * _SECOND),
    (5 * _MINUTE, _MINUTE),
    (10 * _MINUTE, 2 * _MINUTE),
    (30 * _MINUTE, 5 * _MINUTE),
    (_HOUR, 10 * _MINUTE),
    (2 * _HOUR, 30 * _MINUTE),
    (5 * _HOUR, _HOUR),
    (10 * _HOUR, 2 * _HOUR),
)
_LABEL_GAP = 12.0  # px between one label's end and the next label's start
_LABEL_OFFSET = 3.0  # the label starts this far right of its tick
_MINOR_MIN_PX = 4.0  # closer minor ticks would be a grey smear


@dataclass(frozen=True)
class RulerLayout:
    step_ms: int
    majors: tuple[float, ...]  # x of each major tick (labelled where the label fits)
    minors: tuple[float, ...]
    labels: tuple[tuple[QRectF, str], ...]


def label_text(ms: int, *, hours: bool) -> str:
    """``m:ss``, or ``h:mm:ss`` for every label of a file an hour or longer (one width)."""
    seconds = max(0, ms) // _SECOND
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if hours else f"{h * 60 + m}:{s:02d}"


def layout_ruler(view: Viewport, metrics: QFontMetricsF, left: float, top: float) -> RulerLayout:
    """Ticks and label boxes for what ``view`` shows, the plot starting at x = ``left``; a
    label that would run past the plot's right edge is left out rather than cut."""
    hours = view.duration_ms >= _HOUR
    widest = metrics.horizontalAdvance(label_text(view.duration_ms, hours=hours))
    step, minor = _STEPS[-1]
    for candidate, candidate_minor in _STEPS:
        if candidate / view.ms_per_px >= widest + _LABEL_OFFSET + _LABEL_GAP:
            step, minor = candidate, candidate_minor
            break
    end = min(view.end_ms, float(view.duration_ms))
    majors: list[float] = []
    labels: list[tuple[QRectF, str]] = []
    height = metrics.height()
    ms = int(view.start_ms // step) * step
    while ms <= end:
        if ms >= view.start_ms:
            x = left + view.x_of(ms)
            majors.append(x)
            text = label_text(ms, hours=hours)
            box = QRectF(x + _LABEL_OFFSET, top, metrics.horizontalAdvance(text), height)
            if box.right() <= left + view.width_px:
                labels.append((box, text))
        ms += step
    minors: list[float] = []
    if minor / view.ms_per_px >= _MINOR_MIN_PX:
        ms = int(view.start_ms // minor) * minor
        while ms <= end:
            if ms >= view.start_ms and ms % step:
                minors.append(left + view.x_of(ms))
            ms += minor
    return RulerLayout(step, tuple(majors), tuple(minors), tuple(labels))


def paint_ruler(
    painter: QPainter, layout: RulerLayout, band: QRectF, tick: QColor, text: QColor
) -> None:
    """Major ticks the band's full height, minor ones a third; labels beside the majors."""
    painter.save()
    painter.setClipRect(band)
    painter.setPen(QPen(tick, 1.0))
    bottom = band.bottom()
    for x in layout.minors:
        painter.drawLine(QPointF(x, bottom - band.height() / 3), QPointF(x, bottom))
    for x in layout.majors:
        painter.drawLine(QPointF(x, band.top()), QPointF(x, bottom))
    painter.setPen(text)
    for box, label in layout.labels:
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
    painter.restore()
