"""Autosave timing and file work: a few seconds after the last edit, a snapshot in a thread.

``schedule()`` (re)starts an idle timer; when it fires, ``on_idle`` decides what to do and
calls :meth:`Autosaver.write` or :meth:`Autosaver.clear`. Those run one after another in
worker threads (a chain of tasks), so a clear asked for after a write also happens after
it. At shutdown, :meth:`write_now` / :meth:`clear_now` act synchronously; the store's epoch
makes any write still queued behind them a no-op.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.ui.common.async_utils import spawn

IDLE_MS = 3000  # after this long without an edit, the editor state is written


class Autosaver(QObject):
    def __init__(
        self, store: AutosaveStore, on_idle: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(on_idle)
        self._last: Snapshot | None = None  # what the file holds (time ignored)
        self._on_disk = True  # unknown at start (a snapshot of an earlier run may exist)
        self._chain: asyncio.Task[Any] | None = None
        self.writes = 0  # snapshots written (for tests and the log)

    def schedule(self) -> None:
        """An edit happened: write once the user pauses."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def pending(self) -> bool:
        return self._timer.isActive()

    def write(self, snapshot: Snapshot) -> asyncio.Task[Any] | None:
        """Write ``snapshot`` in a worker thread, unless the file already holds it."""
        if self._last is not None and _same(self._last, snapshot):
            return None
        self._last = snapshot
        self._on_disk = True
        return self._then(self._write_in_thread, snapshot)

    def clear(self) -> asyncio.Task[Any] | None:
        """Remove the snapshot (in a worker thread); nothing to do when already removed."""
        self._timer.stop()
        if not self._on_disk:
            return None
        self._last = None
        self._on_disk = False
        return self._then(self._clear_in_thread)

    def write_now(self, snapshot: Snapshot) -> None:
        """Synchronous write for shutdown; supersedes anything still queued."""
        self._timer.stop()
        self.store.write(snapshot, supersede=True)
        self._last = snapshot
        self._on_disk = True

    def clear_now(self) -> None:
        """Synchronous clear for shutdown; cancels anything still queued."""
        self._timer.stop()
        self.store.clear()
        self._last = None
        self._on_disk = False

    # -- the chain ------------------------------------------------------------------------

    def _then(self, work: Callable[..., Any], *args: Any) -> asyncio.Task[Any]:
        previous = self._chain

        async def run() -> Any:
            if previous is not None and not previous.done():
                await asyncio.wait([previous])
            return await work(*args)

        self._chain = spawn(run(), owner=self)
        return self._chain

    async def _write_in_thread(self, snapshot: Snapshot) -> bool:
        # The epoch is read when the write starts: a synchronous clear at shutdown between
        # now and the thread taking the lock makes this write drop itself.
        epoch = self.store.epoch
        stamped = Snapshot(snapshot.project, snapshot.project_path, time.time())
        written = await asyncio.to_thread(self.store.write, stamped, epoch=epoch)
        self.writes += int(written)
        return written

    async def _clear_in_thread(self) -> None:
        await asyncio.to_thread(self.store.clear)


def _same(a: Snapshot, b: Snapshot) -> bool:
    return a.project == b.project and a.project_path == b.project_path
