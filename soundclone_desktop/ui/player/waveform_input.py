"""What the waveform's wheel, zoom keys and accessible description mean, apart from the
widget: which zoom a key asks for, how far a wheel turn scrolls, how the view is described."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent

from soundclone_desktop.audio.timefmt import format_clock

from .waveform_zoom import Viewport

__all__ = ["ZOOM_STEP", "ZoomKey", "describe", "wheel_scroll_ms", "wheel_zoom_factor", "zoom_key"]

ZOOM_STEP = 2.0  # per key press or wheel notch
_SCROLL_PER_NOTCH = 0.15  # of the visible stretch, per wheel notch


class ZoomKey(enum.Enum):
    IN = "in"
    OUT = "out"
    FIT = "fit"


def zoom_key(event: QKeyEvent) -> ZoomKey | None:
    """Ctrl+= (or Ctrl++, the platform's zoom in), Ctrl+- and Ctrl+0."""
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    key = event.key()
    if event.matches(QKeySequence.StandardKey.ZoomIn) or (
        ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
    ):
        return ZoomKey.IN
    if event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and key == Qt.Key.Key_Minus):
        return ZoomKey.OUT
    if ctrl and key == Qt.Key.Key_0:
        return ZoomKey.FIT
    return None


def wheel_zoom_factor(event: QWheelEvent) -> float | None:
    """The zoom a Ctrl+wheel asks for (one notch doubles), or None for a plain wheel."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    return float(ZOOM_STEP ** (event.angleDelta().y() / 120))


def wheel_scroll_ms(event: QWheelEvent, view: Viewport) -> float:
    """How far a plain (or Shift, or horizontal) wheel turn moves the view's start."""
    pixels = event.pixelDelta()
    if not pixels.isNull():  # a touchpad: move with the fingers
        return -(pixels.x() or pixels.y()) * view.ms_per_px
    angle = event.angleDelta()
    notches = (angle.x() or angle.y()) / 120
    return -notches * view.visible_ms * _SCROLL_PER_NOTCH


def describe(view: Viewport, duration_ms: int) -> str:
    """The accessible description: how to use it, and the zoom and stretch it shows."""
    text = QCoreApplication.translate(
        "Player", "Click, or use the Left and Right arrow keys, to move through the audio."
    )
    if not duration_ms:
        return text
    zoom = QCoreApplication.translate(
        "Player",
        "Zoom {0}×, showing {1} to {2} of {3}. Ctrl+= and Ctrl+- zoom, Ctrl+0 shows it all,"
        " F follows the play cursor.",
    )
    values = (
        _zoom_text(view.zoom_factor()),
        format_clock(round(view.start_ms)),
        format_clock(round(min(view.end_ms, duration_ms))),
        format_clock(duration_ms),
    )
    for index, value in enumerate(values):
        zoom = zoom.replace(f"{{{index}}}", value)
    return f"{text} {zoom}"


def _zoom_text(factor: float) -> str:
    """``1``, ``1.5``, ``64``, ``1500``: one decimal below 10, never an exponent."""
    if factor >= 10:
        return str(round(factor))
    return f"{factor:.1f}".removesuffix(".0")
