"""Blocking work on a Qt thread pool, with the outcome delivered on the GUI thread.

Why a ``QThreadPool`` and not ``loop.run_in_executor``: the player must work whether or not
an asyncio loop is running (sync pytest-qt tests, a plain ``QApplication``), and
``QThreadPool`` joins its workers when the application object goes away. The work itself
(the audio engine: PyAV and NumPy) needs no Qt event loop and releases the GIL in its
kernels, so the GUI thread keeps running while it decodes.

Results travel through one long-lived relay ``QObject`` that lives on the GUI thread. A worker
never touches the widget that asked, which may have been deleted meanwhile: the callback runs
only if that receiver is still alive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool, Signal, Slot

__all__ = ["pool", "run_in_background", "run_on_gui_thread"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Runs callables on the GUI thread (a queued connection from any worker thread)."""

    deliver = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


_relay: _Relay | None = None
_pool: QThreadPool | None = None


def _setup() -> tuple[_Relay, QThreadPool]:
    global _relay, _pool
    if _relay is None or _pool is None or not shiboken6.isValid(_relay):
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("run_in_background() must first be called on the GUI thread")
        _relay = _Relay(app)
        # Our own small pool: a slow decode must not starve other users of the global pool,
        # and as a child of the application it joins its threads before the app is gone.
        _pool = QThreadPool(app)
        _pool.setObjectName("audioWorkers")
        _pool.setMaxThreadCount(2)
    return _relay, _pool


def pool() -> QThreadPool:
    """The audio worker pool (created on first use, on the GUI thread)."""
    return _setup()[1]


def run_in_background(
    work: Callable[[], T],
    receiver: QObject,
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run ``work()`` on a worker thread; then ``on_done(result)`` or ``on_error(exc)`` on the
    GUI thread, unless ``receiver`` has been deleted by then. Call from the GUI thread."""
    relay, workers = _setup()

    def task() -> None:
        outcome: Callable[[], None]
        try:
            result = work()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            outcome = _bind(on_error, exc)
        else:
            outcome = _bind(on_done, result)

        def deliver() -> None:
            if shiboken6.isValid(receiver):
                outcome()

        try:
            relay.deliver.emit(deliver)
        except RuntimeError:  # the application is shutting down; nobody is listening
            log.debug("dropped a background result during shutdown")

    workers.start(task)


def _bind(callback: Callable[[T], None], value: T) -> Callable[[], None]:
    return lambda: callback(value)


def run_on_gui_thread(receiver: QObject, callback: Callable[[], None]) -> None:
    """From a worker started by :func:`run_in_background`: ``callback()`` on the GUI thread
    soon, unless ``receiver`` has been deleted by then (progress reports)."""
    relay, _ = _setup_from_worker()

    def deliver() -> None:
        if shiboken6.isValid(receiver):
            callback()

    try:
        relay.deliver.emit(deliver)
    except RuntimeError:  # the application is shutting down; nobody is listening
        log.debug("dropped a background progress report during shutdown")


def _setup_from_worker() -> tuple[_Relay, QThreadPool]:
    if _relay is None or _pool is None:
        raise RuntimeError("run_on_gui_thread() needs run_in_background() to have run first")
    return _relay, _pool
