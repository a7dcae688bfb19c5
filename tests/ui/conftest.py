"""GUI tests: one qasync loop on pytest-qt's QApplication for the whole session.

The loop is never stopped mid-session: QEventLoop.stop() calls QApplication.exit(), after
which every nested Qt event loop (qtbot.waitSignal/waitUntil) returns at once.
Never call qtbot.wait* inside a coroutine; drive widgets from sync tests instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from soundclone_desktop.ui.common.async_utils import ensure_thread_pool


@pytest.fixture(scope="session")
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    # qasync's default executor runs QThreads that abort the process at exit when the loop
    # is never closed (as here); a plain thread pool has no such rule.
    ensure_thread_pool(loop)
    asyncio.set_event_loop(loop)
    yield loop


@pytest.fixture
def aloop(qt_loop: qasync.QEventLoop, qtbot) -> Iterator[qasync.QEventLoop]:  # type: ignore[no-untyped-def]
    """The session loop, made current for this test; leftover tasks are cancelled after it."""
    asyncio.set_event_loop(qt_loop)
    yield qt_loop
    pending = [t for t in asyncio.all_tasks(qt_loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)
