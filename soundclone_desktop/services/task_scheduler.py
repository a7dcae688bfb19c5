"""When to poll: one asyncio task picks the next task due across all jobs.

Each poll runs in its own worker; across tasks at least ``min_gap`` separates two poll
requests and at most ``max_concurrent`` are in flight, so thirty jobs never become thirty
simultaneous requests (:class:`~.schedule.PollPolicy`). What a poll does is the runner's.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from .schedule import PollPolicy
from .task_entry import TaskEntry

log = logging.getLogger("soundclone_desktop.services.tasks")


class PollScheduler:
    """Starts ``work(entry)`` for each task when it is due, within the policy's pacing."""

    def __init__(
        self,
        policy: PollPolicy,
        *,
        active: Callable[[], list[TaskEntry]],
        halted: Callable[[], bool],
        work: Callable[[TaskEntry], Coroutine[Any, Any, None]],
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self.policy = policy
        self._active = active
        self._halted = halted
        self._work = work
        self._clock = clock
        self._sleep = sleep
        self._wake = asyncio.Event()
        self._polls_in_flight = 0
        self._last_request_at: float | None = None
        self.task: asyncio.Task[None] | None = None  # the scheduler, once started

    def wake(self) -> None:
        """Look again: a task became due, a slot freed, or a first poll moved."""
        self._wake.set()

    def start(self) -> None:
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(
                self._schedule(), name="soundclone-task-scheduler"
            )
            self.task.add_done_callback(_log_crash)
        self._wake.set()

    async def _schedule(self) -> None:
        while True:
            entry = await self._next_due()
            entry.holds_slot = True
            self._polls_in_flight += 1
            worker = asyncio.get_running_loop().create_task(
                self._work(entry), name=f"soundclone-poll-{entry.job.task_id}"
            )
            # Also runs when the worker is cancelled before it ever started.
            worker.add_done_callback(functools.partial(self._release_slot_when_done, entry))
            entry.worker = worker

    def _release_slot_when_done(self, entry: TaskEntry, _task: asyncio.Task[None]) -> None:
        self.release_slot(entry)

    def release_slot(self, entry: TaskEntry) -> None:
        if entry.holds_slot:
            entry.holds_slot = False
            self._polls_in_flight -= 1
            self._wake.set()

    async def _next_due(self) -> TaskEntry:
        """Wait until some task may be polled, respecting the global gap; claim it."""
        while True:
            self._wake.clear()
            now = self._clock()
            ready = [
                e for e in self._active()
                if e.timer is not None and e.worker is None
            ]  # fmt: skip
            full = self._polls_in_flight >= self.policy.max_concurrent
            if self._halted() or not ready or full:
                await self._wake.wait()
                continue
            entry = min(ready, key=lambda e: e.timer.next_at if e.timer else 0.0)
            assert entry.timer is not None
            at = entry.timer.next_at
            if self._last_request_at is not None:
                at = max(at, self._last_request_at + self.policy.min_gap)
            if at <= now:
                self._last_request_at = now
                return entry
            await self._sleep_or_wake(at - now)

    async def _sleep_or_wake(self, delay: float) -> None:
        sleeper = asyncio.ensure_future(self._sleep(delay))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            waker.cancel()


def _log_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("The task scheduler stopped", exc_info=task.exception())
