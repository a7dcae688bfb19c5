"""Blocking work on a Qt thread pool, with the outcome delivered on the GUI thread.

Why a ``QThreadPool`` and not ``loop.run_in_executor``: the player must work whether or not
an asyncio loop is running (sync pytest-qt tests, a plain ``QApplication``), and
``QThreadPool`` joins its workers when the application object goes away. The work itself
(the audio engine: PyAV and NumPy) needs no Qt event loop and releases the GIL in its
kernels, so the GUI thread keeps running while it decodes.

Results travel through one long-lived relay ``QObject`` that lives on the GUI thread. A worker
never holds the widget that asked, nor the callbacks (closures over that widget): those stay
on the GUI thread, filed under a ticket, and the worker sends only the ticket and plain
values. When the widget is destroyed its tickets are torn up, so whatever its worker
delivers afterwards is dropped; and no Python wrapper of a ``QObject`` can lose its last
reference on a worker thread (which would delete a GUI object there).
"""

from __future__ import annotations

import functools
import itertools
import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

__all__ = ["GuiCallback", "pool", "run_in_background", "run_on_gui_thread"]

log = logging.getLogger(__name__)
T = TypeVar("T")


_CALLBACKS = "_background_callbacks"  # on the receiver: {ticket: callback}


class _Relay(QObject):
    """Runs callbacks on the GUI thread (a queued connection from any worker thread).

    A callback (a closure over its receiver, as a rule) is kept on the receiver itself and
    the relay keeps only a weak reference to the receiver: nothing here keeps a widget
    alive, and a receiver destroyed (or collected) takes its callbacks with it."""

    deliver = Signal(int, object)  # ticket, value
    run = Signal(object)  # a callable (run_on_gui_thread)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._tickets = itertools.count(1)
        self._held: dict[int, tuple[weakref.ref[QObject], QMetaObject.Connection]] = {}
        self.deliver.connect(self._deliver)
        self.run.connect(self._run)

    def hold(self, receiver: QObject, callback: Callable[[Any], None]) -> int:
        """File ``callback`` until :meth:`release` or ``receiver``'s end (GUI thread)."""
        ticket = next(self._tickets)
        callbacks: dict[int, Callable[[Any], None]] | None = getattr(receiver, _CALLBACKS, None)
        if callbacks is None:
            callbacks = {}
            setattr(receiver, _CALLBACKS, callbacks)
        callbacks[ticket] = callback
        ended = receiver.destroyed.connect(functools.partial(self._forget, ticket))
        self._held[ticket] = (weakref.ref(receiver), ended)
        return ticket

    def release(self, ticket: int) -> None:
        held = self._held.pop(ticket, None)
        if held is None:
            return
        QObject.disconnect(held[1])
        receiver = held[0]()
        if receiver is not None:
            getattr(receiver, _CALLBACKS, {}).pop(ticket, None)

    def _forget(self, ticket: int, *_: object) -> None:
        self._held.pop(ticket, None)  # the receiver is being destroyed: no disconnect

    @Slot(int, object)
    def _deliver(self, ticket: int, value: object) -> None:
        held = self._held.get(ticket)
        receiver = held[0]() if held is not None else None
        if receiver is None or not shiboken6.isValid(receiver):
            return
        callback = getattr(receiver, _CALLBACKS, {}).get(ticket)
        if callback is not None:
            callback(value)

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
    GUI thread, unless ``receiver`` has been deleted by then. Call from the GUI thread.
    ``work`` should not hold ``receiver`` either (see :class:`GuiCallback` for progress)."""
    workers = _setup()[1]
    outcome: GuiCallback[_Outcome[T]] = GuiCallback(
        receiver, lambda result: _settle(result, on_done, on_error), once=True
    )

    def task() -> None:
        try:
            result: _Outcome[T] = _Outcome(work(), None)
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            result = _Outcome(None, exc)
        outcome(result)

    workers.start(task)


@dataclass(frozen=True, slots=True)
class _Outcome(Generic[T]):
    value: T | None
    error: Exception | None


def _settle(
    outcome: _Outcome[T], on_done: Callable[[T], None], on_error: Callable[[Exception], None]
) -> None:
    if outcome.error is not None:
        on_error(outcome.error)
    else:
        on_done(outcome.value)  # type: ignore[arg-type]  # None only with an error


class GuiCallback(Generic[T]):
    """A function a worker may call with a value: ``callback(value)`` then runs on the GUI
    thread, unless ``receiver`` has been destroyed or :meth:`close` was called by then.

    Made on the GUI thread. The worker holds only this object (a ticket), never
    ``receiver`` or ``callback``: the callback is kept on the receiver, which the relay
    knows only weakly, so both go together. ``once``: the first delivery closes it."""

    def __init__(
        self, receiver: QObject, callback: Callable[[T], None], *, once: bool = False
    ) -> None:
        relay, _ = _setup()
        self._relay = relay
        if once:
            self._ticket = relay.hold(receiver, lambda value: self._once(callback, value))
        else:
            self._ticket = relay.hold(receiver, callback)

    def __call__(self, value: T) -> None:
        try:
            self._relay.deliver.emit(self._ticket, value)
        except RuntimeError:  # the application is shutting down; nobody is listening
            log.debug("dropped a background result during shutdown")

    def close(self) -> None:
        """Drop whatever is still on its way (GUI thread)."""
        self._relay.release(self._ticket)

    def _once(self, callback: Callable[[T], None], value: T) -> None:
        self.close()
        callback(value)


def run_on_gui_thread(receiver: QObject, callback: Callable[[], None]) -> None:
    """From a worker started by :func:`run_in_background`: ``callback()`` on the GUI thread
    soon, unless ``receiver`` has been deleted by then (progress reports). The caller's
    closure holds ``receiver`` on the worker: prefer :class:`GuiCallback`."""
    relay, _ = _setup_from_worker()

    def deliver() -> None:
        if shiboken6.isValid(receiver):
            callback()

    try:
        relay.run.emit(deliver)
    except RuntimeError:  # the application is shutting down; nobody is listening
        log.debug("dropped a background progress report during shutdown")


def _setup_from_worker() -> tuple[_Relay, QThreadPool]:
    if _relay is None or _pool is None:
        raise RuntimeError("run_on_gui_thread() needs run_in_background() to have run first")
    return _relay, _pool
