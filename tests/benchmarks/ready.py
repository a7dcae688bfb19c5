"""Child side of the start-up benchmark: the first paint, the first key, the idle loop.

A launcher calls :func:`watch_window` with the main window before it is shown: it marks the
first paint, and when a key posted then is handled (``FirstPaintProbe``). The probe watches
that window and then the key's target, not the whole application: an application-wide
Python event filter makes PySide wrap every object an event goes to, and one of a class it
does not know (Qt's private text control, with the first text widget) makes it build the
Python types and enums of every Qt class of the loaded modules, about 80 ms the app does
not pay without the probe (issue #17). It calls :func:`install`
once the window is complete (for the app: once ``open_window`` returned, every panel built).
"Ready" is the first time after that the GUI thread's event dispatcher is about to block
(nothing queued: every posted event, paint and ready asyncio callback has run). The probe
then keeps watching for ``settle`` seconds: a stretch of work longer than ``BUSY`` (for
example a list filled from a worker thread's result) moves "settled" to the end of that
stretch. The figures go to the JSON file named by ``SOUNDCLONE_BENCH_READY_FILE``; then the
process ends at once (``os._exit``): shutting down is not what is measured.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

MARKS: dict[str, float] = {"script": time.time()}  # the launcher imports this module first

from PySide6.QtCore import (  # noqa: E402
    QAbstractEventDispatcher,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QMainWindow, QWidget  # noqa: E402

from tests.benchmarks.names import LIST_FILES_ENV, READY_FILE_ENV, SETTLE_ENV  # noqa: E402
from tests.benchmarks.rss import rss_bytes  # noqa: E402

BUSY = 0.004  # a wake-up shorter than this is a timer tick, not start-up work
WATCH_MS = 50

AfterReady = Callable[[dict[str, object]], None]


class ReadyProbe(QObject):
    def __init__(self, path: Path, settle: float, after: AfterReady | None = None) -> None:
        super().__init__()
        self.path = path
        self.settle = settle
        self.after = after
        self.figures: dict[str, object] = {}
        self._ready_at: float | None = None
        self._awake_at: float | None = None
        self._last_busy_end: float | None = None
        self._busy_stretches = 0
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check)

    def shown(self) -> None:
        self.figures["shown"] = time.time()
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.aboutToBlock.connect(self._about_to_block)
        dispatcher.awake.connect(self._awake)
        self._watch.start()

    def _awake(self) -> None:
        self._awake_at = time.time()

    def _about_to_block(self) -> None:
        now = time.time()
        if self._ready_at is None:
            self._ready_at = now
            self.figures["ready"] = now
            self.figures["rss_ready"] = rss_bytes()
        elif self._awake_at is not None and now - self._awake_at > BUSY:
            self._last_busy_end = now
            self._busy_stretches += 1
        self._awake_at = None

    def _check(self) -> None:
        if self._ready_at is None or time.time() - self._ready_at < self.settle:
            return
        self._watch.stop()
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.aboutToBlock.disconnect(self._about_to_block)
        dispatcher.awake.disconnect(self._awake)
        self.figures["settled"] = max(self._ready_at, self._last_busy_end or 0.0)
        self.figures["busy_stretches"] = self._busy_stretches
        self.figures["rss_settled"] = rss_bytes()
        if self.after is not None:
            self.after(self.figures)  # may add figures; calls finish() when done
        else:
            self.finish()

    def finish(self) -> None:
        self.figures["marks"] = MARKS
        if os.environ.get(LIST_FILES_ENV):
            self.figures["files"] = files_in_use()
        self.path.write_text(json.dumps(self.figures), encoding="utf-8")
        os._exit(0)


def mark(name: str) -> None:
    """Note a named moment of the start (phase breakdown in the report)."""
    MARKS[name] = time.time()


def files_in_use() -> list[str]:
    """Every file this process mapped or imported from (what a cold start reads from disk)."""
    files: set[str] = {os.path.realpath(sys.executable)}
    with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and parts[5].startswith("/"):
                files.add(parts[5].strip())
    for module in list(sys.modules.values()):
        for name in (
            getattr(module, "__file__", None),
            getattr(module.__spec__, "cached", None) if getattr(module, "__spec__", None) else None,
        ):
            if isinstance(name, str):
                files.add(name)
    return sorted(f for f in files if os.path.isfile(f))


KEY = "k"  # the key "typed" at the first paint


class FirstPaintProbe(QObject):
    """Marks ``painted`` at a main window's first paint, then "types" a key into what
    ``target`` gives for that window (posted, as the window system posts a key press) and
    marks ``interactive`` when it gets there: a user typing the moment the window appears.

    Installed on the window (``watch_window``), then on the key's target until the key is
    there; or on the application (``watch_first_paint``, when the window is not known)."""

    def __init__(self, target: Callable[[QMainWindow], QWidget]) -> None:
        super().__init__()
        self._target = target
        self.on_window = False  # installed on the window (else on the application)
        self._typed_into: QWidget | None = None
        # From the paint until the window is complete, a 5 ms timer: the longest gap between
        # its ticks is the longest a key typed while the rest loads waits to be handled.
        self.longest_stall = 0.0
        self._last_tick = 0.0
        self._ticker = QTimer(self)
        self._ticker.setInterval(5)
        self._ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_stall = max(self.longest_stall, now - self._last_tick)
        self._last_tick = now

    def stop_watching_stalls(self) -> None:
        if self._ticker.isActive():
            self._tick()
            self._ticker.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and self._typed_into is None:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, QMainWindow):
                mark("painted")
                self._last_tick = time.perf_counter()
                self._ticker.start()
                self._typed_into = self._target(window)
                if self.on_window:  # now the key's target alone
                    watched.removeEventFilter(self)
                    self._typed_into.installEventFilter(self)
                key = QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier, KEY
                )
                QCoreApplication.postEvent(self._typed_into, key)
        elif (
            kind == QEvent.Type.KeyPress
            and watched is self._typed_into
            and isinstance(event, QKeyEvent)
            and event.text() == KEY
        ):
            mark("interactive")
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            watched.removeEventFilter(self)
        return False


_first_paint: FirstPaintProbe | None = None


def watch_first_paint(target: Callable[[QMainWindow], QWidget]) -> None:
    """Install the ``FirstPaintProbe`` (call once the application exists, before ``show``)."""
    global _first_paint
    app = QCoreApplication.instance()
    assert app is not None
    _first_paint = FirstPaintProbe(target)
    app.installEventFilter(_first_paint)


def watch_window(window: QMainWindow, target: Callable[[QMainWindow], QWidget]) -> None:
    """Install the ``FirstPaintProbe`` on ``window`` (call before it is shown)."""
    global _first_paint
    _first_paint = FirstPaintProbe(target)
    _first_paint.on_window = True
    window.installEventFilter(_first_paint)


_probe: ReadyProbe | None = None


def current() -> ReadyProbe:
    """The installed probe (for an ``after`` hook that finishes later)."""
    assert _probe is not None
    return _probe


def install(after: AfterReady | None = None) -> ReadyProbe | None:
    """Start watching (call right after ``show()``); None when not run by the benchmark."""
    global _probe
    target = os.environ.get(READY_FILE_ENV)
    if not target:
        return None
    _probe = ReadyProbe(Path(target), float(os.environ.get(SETTLE_ENV, "1.0")), after)
    if _first_paint is not None:
        _first_paint.stop_watching_stalls()
        _probe.figures["loading_stall"] = _first_paint.longest_stall
    _probe.shown()
    return _probe
