"""Shared by the waveform zoom tests: a one-hour waveform and real input events."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.peaks import Peaks
from soundclone_desktop.ui.player.waveform import WaveformView

HOUR_MS = 3_600_000
# What the peaks loader asks for an hour: about 14 ms buckets (MAX_RESOLUTION).
HOUR_BUCKETS = 1 << 18


def hour_of_speech() -> Peaks:
    """Phrases and pauses for an hour: loud, varied buckets with silent gaps."""
    rng = random.Random(17)
    values = [0.0 if (i // 150) % 4 == 3 else 0.2 + 0.7 * rng.random() for i in range(HOUR_BUCKETS)]
    return Peaks(tuple(values), HOUR_MS)


def shown_view(qtbot: QtBot, peaks: Peaks, width: int = 640, height: int = 110) -> WaveformView:
    view = WaveformView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_peaks(peaks)
    return view


def wheel(
    view: WaveformView,
    x: float,
    *,
    angle: QPoint,
    pixels: QPoint | None = None,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> bool:
    """Send a wheel event at ``x``; whether the view accepted it."""
    local = QPointF(x, view.height() / 2)
    event = QWheelEvent(
        local,
        view.mapToGlobal(local),
        pixels or QPoint(),
        angle,
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    event.setAccepted(False)
    QApplication.sendEvent(view, event)
    return event.isAccepted()


def ctrl_wheel(view: WaveformView, x: float, notches: float) -> None:
    wheel(
        view,
        x,
        angle=QPoint(0, round(120 * notches)),
        modifiers=Qt.KeyboardModifier.ControlModifier,
    )
