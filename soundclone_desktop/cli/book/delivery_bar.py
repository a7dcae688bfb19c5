"""A delivery's progress on stderr, like ``book render``'s bar: redrawn in place on a
terminal at most 5 times a second; elsewhere (a log, CI) one plain line when a step starts
or finishes and at most every 5 seconds in between."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from soundclone_desktop.services.delivery.book import DeliveryStep

from .progress_bar import bar

STEP_NAMES = {
    DeliveryStep.STITCH: "Stitching chapters",
    DeliveryStep.MASTER: "Mastering",
    DeliveryStep.CHECK: "Checking",
    DeliveryStep.CAPTIONS: "Writing captions",
    DeliveryStep.M4B: "Writing the M4B",
    DeliveryStep.EPUB: "Writing the EPUB",
}
_PERCENT = 100


class DeliveryBar:
    """Pass as the service's ``progress``; safe to call from worker threads."""

    def __init__(
        self, *, stderr: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._err = stderr or sys.stderr
        self._clock = clock
        self._tty = self._err.isatty()
        self._lock = threading.Lock()
        self._last_draw = -1e9
        self._step: DeliveryStep | None = None
        self._drawn = False

    def __call__(self, step: DeliveryStep, fraction: float) -> None:
        with self._lock:
            now = self._clock()
            edge = step != self._step or fraction >= 1.0
            self._step = step
            if edge or now - self._last_draw >= (0.2 if self._tty else 5.0):
                self._draw(step, fraction, now)

    def close(self) -> None:
        with self._lock:
            if self._tty and self._drawn:
                self._err.write("\n")
                self._err.flush()
            self._drawn = False

    def _draw(self, step: DeliveryStep, fraction: float, now: float) -> None:
        self._last_draw = now
        done = round(max(0.0, min(1.0, fraction)) * _PERCENT)
        text = f"{bar(done, _PERCENT)} {STEP_NAMES[step]} {done}%"
        if self._tty:
            self._err.write("\r\x1b[K" + text)
            self._drawn = True
        else:
            self._err.write(text + "\n")
        self._err.flush()
