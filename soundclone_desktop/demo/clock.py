"""Clocks the task lifecycle runs on: real time that tests can push forward, or frozen time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Clock:
    """Wall-clock seconds (Unix time) plus an offset that ``advance`` moves forward.

    Advancing lets a test jump three days ahead to expire a modelId without waiting.
    """

    def __init__(self, source: Callable[[], float] = time.time) -> None:
        self._source = source
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._source() + self._offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += seconds
            return self._source() + self._offset


class ManualClock(Clock):
    """A clock that stands still until advanced: lifecycle tests become exact."""

    def __init__(self, start: float = 1_781_777_280.0) -> None:
        super().__init__(lambda: start)
