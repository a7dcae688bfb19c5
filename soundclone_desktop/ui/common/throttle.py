"""Run a callback at most once per interval with the latest value offered (leading and
trailing edge): the first offer runs at once, offers inside the interval collapse into one
run with the last of them when the interval ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

__all__ = ["Throttle"]

T = TypeVar("T")


class Throttle(QObject, Generic[T]):
    def __init__(self, interval_ms: int, callback: Callable[[T], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._pending: list[T] = []  # zero or one value
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timeout)

    def offer(self, value: T) -> None:
        if self._timer.isActive():
            self._pending[:] = [value]  # only the newest matters
            return
        self._timer.start()
        self._callback(value)

    def run_now(self, value: T) -> None:
        """Run ``value`` at once, replacing any pending one (the interval starts again)."""
        self._pending.clear()
        self._timer.start()
        self._callback(value)

    def _on_timeout(self) -> None:
        if not self._pending:
            return
        value = self._pending.pop()
        self._timer.start()
        self._callback(value)
