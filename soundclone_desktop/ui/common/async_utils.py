"""Coroutines as Qt slots, without qasync 0.28's pitfalls.

qasync 0.28.0's ``asyncSlot`` keeps no reference to the task it schedules (the task can be
garbage-collected mid-await and the slot silently stops), fails on zero-argument
module-level functions, and sends errors straight to ``sys.excepthook``. ``async_slot``
fixes all three: it keeps every task in a module-level set until it finishes, routes
exceptions to an error reporter (the owner's ``report_error`` if it has one, else the
reporter set with ``set_error_reporter``, else ``sys.excepthook``), ignores cancellation,
and returns the ``Task`` so tests can await or inspect it. ``exclusive=True`` refuses a new
call while the previous one on the same object is still running (double-click guard).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import sys
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar, overload

from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

ErrorReporter = Callable[[BaseException], None]

_tasks: set[asyncio.Task[Any]] = set()
_running: dict[tuple[int, Callable[..., Any]], asyncio.Task[Any]] = {}
_default_reporter: ErrorReporter | None = None


def set_error_reporter(reporter: ErrorReporter | None) -> None:
    """Where errors of slots whose owner has no ``report_error`` go."""
    global _default_reporter
    _default_reporter = reporter


def pending_tasks() -> frozenset[asyncio.Task[Any]]:
    return frozenset(t for t in _tasks if not t.done())


def cancel_all() -> None:
    """Cancel every slot task still running (shutdown)."""
    for task in list(_tasks):
        task.cancel()


async def cancel_all_and_wait(timeout: float = 5.0) -> None:
    """Cancel every other tracked task and wait until they have unwound.

    Shutdown awaits this before closing the HTTP client, so no request is cut off from
    under a task that would then leave its connection behind.
    """
    current = asyncio.current_task()
    pending = [t for t in _tasks if t is not current and not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=timeout)


def ensure_thread_pool(loop: asyncio.AbstractEventLoop) -> None:
    """Make a plain thread pool the loop's default executor (``asyncio.to_thread``).

    qasync's own default runs QThreads that live until the loop is closed. A loop that is
    never closed (the test session's) then ends the process with Qt's fatal "QThread:
    Destroyed while thread is still running". Python's pool threads have no such rule. An
    executor qasync already created is shut down (its threads joined) when replaced.
    """
    if getattr(loop, "_soundclone_thread_pool", False):
        return
    previous = getattr(loop, "_QEventLoop__default_executor", None)
    loop.set_default_executor(ThreadPoolExecutor(thread_name_prefix="soundclone-io"))
    loop._soundclone_thread_pool = True  # type: ignore[attr-defined]
    if previous is not None:
        previous.shutdown(wait=True)


def spawn(coro: Coroutine[Any, Any, T], *, owner: object = None) -> asyncio.Task[T]:
    """Run ``coro`` as a tracked background task with the same error routing as a slot."""
    task = asyncio.ensure_future(coro)
    ensure_thread_pool(task.get_loop())
    _tasks.add(task)
    task.add_done_callback(functools.partial(_finished, owner=owner))
    return task


def _finished(task: asyncio.Task[Any], owner: object) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is None:
        return
    log.error("Unhandled error in %s", task.get_coro(), exc_info=exc)
    reporter = getattr(owner, "report_error", None) or _default_reporter
    if callable(reporter):
        try:
            reporter(exc)
            return
        except Exception:  # a broken reporter must not hide the original error
            log.exception("Error reporter failed")
    sys.excepthook(type(exc), exc, exc.__traceback__)


def _max_positional(fn: Callable[..., Any]) -> int | None:
    """How many positional arguments ``fn`` accepts (None: any number)."""
    params = inspect.signature(fn).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in params):
        return None
    return sum(
        p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for p in params
    )


@overload
def async_slot(
    fn: Callable[P, Coroutine[Any, Any, T]], *, exclusive: bool = False
) -> Callable[P, asyncio.Task[T] | None]: ...


@overload
def async_slot(
    fn: None = None, *, exclusive: bool = False
) -> Callable[[Callable[P, Coroutine[Any, Any, T]]], Callable[P, asyncio.Task[T] | None]]: ...


def async_slot(
    fn: Callable[P, Coroutine[Any, Any, T]] | None = None, *, exclusive: bool = False
) -> Any:
    """Decorate an ``async def`` so connecting it to a signal runs it as a tracked task.

    Extra signal arguments the coroutine does not accept are dropped (``clicked(bool)``
    into ``async def run(self)``), as Qt does for C++ slots. The call returns the task, or
    ``None`` when ``exclusive`` refused it because the previous call is still running.
    ``slot.is_busy(owner)`` tells whether an exclusive slot is running for ``owner``.
    """

    def decorate(func: Callable[..., Coroutine[Any, Any, T]]) -> Callable[..., Any]:
        limit = _max_positional(func)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> asyncio.Task[T] | None:
            if limit is not None:
                args = args[:limit]
            owner = args[0] if args else None
            key = (id(owner), func)
            if exclusive:
                busy = _running.get(key)
                if busy is not None and not busy.done():
                    log.debug("%s refused: still running", func.__qualname__)
                    return None
            task = spawn(func(*args, **kwargs), owner=owner)
            if exclusive:
                _running[key] = task
                task.add_done_callback(lambda t: _running.pop(key, None))
            return task

        wrapper.is_busy = lambda owner=None: _is_busy(owner, func)  # type: ignore[attr-defined]
        return wrapper

    if fn is not None:
        return decorate(fn)
    return decorate


def _is_busy(owner: object, func: Callable[..., Any]) -> bool:
    task = _running.get((id(owner), func))
    return task is not None and not task.done()


def signal_to_future(signal: SignalInstance) -> asyncio.Future[tuple[Any, ...]]:
    """A future resolved with the arguments of ``signal``'s next emission.

    This is how a coroutine waits for a dialog (``dialog.open()`` then
    ``await signal_to_future(dialog.finished)``) without spinning a nested event loop.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # called from a plain Qt slot: the qasync loop is the current one
        loop = asyncio.get_event_loop()
    future: asyncio.Future[tuple[Any, ...]] = loop.create_future()

    def handler(*args: Any) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with its sender
            signal.disconnect(handler)
        if not future.done():
            future.set_result(args)

    signal.connect(handler)
    return future
