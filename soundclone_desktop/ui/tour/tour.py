"""The tour itself: steps over the real widgets, Next / Skip / Esc, remembered once seen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from soundclone_desktop.ui.tour.bubble import Bubble, Outline, place


@dataclass(frozen=True)
class Stop:
    target: QWidget
    title: str
    text: str


class Tour(QObject):
    """Shows ``stops`` in turn over ``window``; ``finished(completed)`` at the end or on skip."""

    finished = Signal(bool)

    def __init__(self, window: QWidget, stops: Sequence[Stop]) -> None:
        super().__init__(window)
        self._window = window
        self.stops = list(stops)
        self.index = -1
        self.outline = Outline(window)
        self.bubble = Bubble(window)
        self.bubble.next_requested.connect(self.next)
        self.bubble.skip_requested.connect(lambda: self.end(completed=False))
        window.installEventFilter(self)  # follows the window's size
        # Esc ends the tour wherever the focus is (the window's own Esc uses resume later).
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.activated.connect(lambda: self.end(completed=False))
        self.outline.hide()
        self.bubble.hide()

    @property
    def running(self) -> bool:
        return 0 <= self.index < len(self.stops)

    def start(self) -> None:
        self.index = -1
        self.next()

    def next(self) -> None:
        self.index += 1
        if self.index >= len(self.stops):
            self.end(completed=True)
            return
        stop = self.stops[self.index]
        last = self.index == len(self.stops) - 1
        self.bubble.show_step(self.index + 1, len(self.stops), stop.title, stop.text, last=last)
        self._place()
        self.outline.show()
        self.bubble.show()
        self.outline.raise_()
        self.bubble.raise_()
        self.bubble.next_button.setFocus()

    def end(self, *, completed: bool) -> None:
        if self.index < 0 and not completed:
            return
        self.index = len(self.stops)
        self.outline.hide()
        self.bubble.hide()
        self.escape.setEnabled(False)
        self._window.removeEventFilter(self)
        self.finished.emit(completed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.running:
            self._place()
        return False

    def _place(self) -> None:
        target = self.stops[self.index].target
        top_left = target.mapTo(self._window, target.rect().topLeft())
        area = QRect(top_left, target.size()).adjusted(-4, -4, 4, 4)
        self.outline.setGeometry(area)
        self.bubble.move(place(self.bubble, area, self._window.rect()))
