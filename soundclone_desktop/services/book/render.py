"""The render queue: a book's segments sent as production tasks, in reading order, a few at
a time, and their results adopted into the book as takes. Qt-free, asyncio.

Every task goes through the injected :class:`~..tasks.TaskRunner`, whose ``on_update`` must
be the task library's :class:`~..recorder.JobRecorder` (the Workspace builds it so): the
library gets the intent before the create and the task id after, exactly as for a single
script.

Order of writes for one segment, and why no crash loses a paid segment or sends one twice:

1. ``segment_tasks`` ← ``(queued, placeholder id)`` for every planned segment (display only:
   the placeholder never reaches the task library, so resuming finds no row and re-queues).
2. In the runner's ``sending`` callback, synchronously, before the create leaves:
   ``segment_tasks`` ← ``(rendering, job.local_id)``. The job's ``local_id`` exists from
   :meth:`TaskRunner.submit`'s first callback on; it is the earliest point where it is known.
   Our per-job callback runs before the runner-wide recorder, so:
3. the recorder writes the library row (state ``sending``, fsynced), then the create leaves.
   Crash between 2 and 3: a mark whose local id has no row → nothing was sent → re-queued.
4. The answer: the recorder writes the task id (fsynced). Crash between 3 and 4: a row in
   ``sending`` without a task id → outcome unknown: the segment fails "outcome-unknown" and
   is never sent again automatically (no double charge; the user looks it up by task id,
   :meth:`RenderQueue.look_up`, or renders it again knowingly).
5. Polls and download; the recorder writes ``downloaded`` with the file's path. Crash before
   that: the row has a task id → tracked again under the same local id (no new create).
6. The file is linked/copied into the book folder (atomic, named by the take ID = the job's
   local id), then one transaction adds the take and clears the mark. Crash between: the
   mark still names the job, the row says downloaded → the same file is adopted again under
   the same take ID (never two takes).

A segment is thus always findable from the book (its mark) or done (its take), and a create
is only ever sent for a segment whose mark has no library row or that the user chose.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from soundclone_desktop.core.book.estimate import BudgetPlan, BudgetStop, plan_budget
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.book.takes import RenderStatus, SegmentKey, TaskMark, TaskPhase
from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.core.script import analyze
from soundclone_desktop.store.book.store import BookError, BookStore
from soundclone_desktop.store.library import LibraryError, TaskLibrary, TaskRecord
from soundclone_desktop.store.process_owner import owner_alive

from .. import messages
from ..intent import RecordUnavailableError
from ..lookup import check_lookup, settle_failed_lookup
from ..recorder import DEMO_TASK_LOST
from ..tasks import RunnerStoppedError, TaskRunner
from .adopt import adopt_take
from .marks import clear_mark, mark_queued, unmark_queued
from .outcome import (
    BalanceReader,
    LookupRefusedError,
    PricesUnknownError,
    RenderResult,
    ResumeSummary,
    SegmentFailure,
    StopReason,
    check_balance,
)
from .plan import (
    OUTCOME_UNKNOWN,
    PlannedSegment,
    RenderPlan,
    Selection,
    build_plan,
    replanned,
    rows_now,
    still_wanted,
    task_price,
)
from .progress import QueueState, RateLearner, RenderProgress
from .resume import Decision, settle
from .run_figures import RunFigures

log = logging.getLogger(__name__)

ProgressCallback = Callable[[RenderProgress], None]
Prices = PriceTable | Callable[[], PriceTable]

DEFAULT_CONCURRENCY = 3
# Failures that say nothing can be sent at all now: the render stops instead of failing
# every segment after it. Nothing was created for these, so the segment is simply not
# rendered (its mark cleared).
_STOPPING = frozenset(
    {FailureReason.KEY_REJECTED, FailureReason.NOT_RECORDED, FailureReason.UNREACHABLE}
)


class RenderQueue:
    """Renders a book's segments (see the module doc).

    ``store``: the open book; ``runner``: a task runner whose ``on_update`` records into
    ``library``; ``prices``: a price table or a callable giving the current one;
    ``balance``: reads what is available to spend (None: the balance is not checked);
    ``concurrency``: tasks in flight at most; ``clock``: monotonic seconds (ETA).
    """

    def __init__(
        self,
        store: BookStore,
        runner: TaskRunner,
        library: TaskLibrary,
        prices: Prices,
        *,
        balance: BalanceReader | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.store = store
        self.runner = runner
        self.library = library
        self._prices = prices
        self._balance = balance
        self.concurrency = concurrency
        self._clock = clock
        self._state = QueueState.IDLE
        self._paused = False
        self._stop: tuple[StopReason, str | None] | None = None
        self._changed = asyncio.Event()
        self._in_flight: set[SegmentKey] = set()
        self._followers: dict[SegmentKey, asyncio.Task[None]] = {}
        self._on_progress: ProgressCallback | None = None
        self._learner = RateLearner(clock)
        self._run = RunFigures()  # a new one per run
        self._planned_from: Book | None = None  # the book the items being sent were planned in

    # -- planning ----------------------------------------------------------------------

    @property
    def prices(self) -> PriceTable:
        return self._prices() if callable(self._prices) else self._prices

    @property
    def state(self) -> QueueState:
        return self._state

    def plan(self, selection: Selection | None = None, *, failed: bool = False) -> RenderPlan:
        """The segments ``selection`` (default: the book) would render, and the estimate."""
        return build_plan(self.store.book, selection or Selection.book(), self.prices,
                          failed=failed)  # fmt: skip

    def plan_failed(
        self, selection: Selection | None = None, *, outcome_unknown: bool = False
    ) -> RenderPlan:
        """The failed segments of ``selection`` to try again (a fixed text has a new segment
        and no failure: it is in :meth:`plan`). Outcome-unknown ones only when asked: they
        may have been charged already."""
        book = self.store.book
        failed = {
            key
            for key, state in book.states.items()
            if state.task is not None and state.task.phase is TaskPhase.FAILED
            and (outcome_unknown or state.task.reason != OUTCOME_UNKNOWN)
        }  # fmt: skip
        return build_plan(book, selection or Selection.book(), self.prices, failed=True,
                          only=failed, outcome_unknown=outcome_unknown)  # fmt: skip

    # -- control -------------------------------------------------------------------------

    def pause(self) -> None:
        """No new creates; tasks in flight go on and are adopted."""
        self._paused = True
        self._set_state()

    def resume_queue(self) -> None:
        self._paused = False
        self._set_state()

    def cancel(self) -> None:
        """Pause and start nothing more; :meth:`run` returns. Tasks already created go on
        on the server and are adopted (now if this process lives on, else on the next run)."""
        self._halt(StopReason.CANCELLED, None)

    async def aclose(self) -> None:
        """Stop following tasks here (their marks stay: the next run adopts them)."""
        followers = list(self._followers.values())
        for task in followers:
            task.cancel()
        await asyncio.gather(*followers, return_exceptions=True)

    # -- rendering ---------------------------------------------------------------------

    async def retry_failed(
        self,
        selection: Selection | None = None,
        *,
        budget: Decimal | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RenderResult:
        """Render the failed segments again (not those whose outcome is unknown)."""
        return await self.run(self.plan_failed(selection), budget=budget, on_progress=on_progress)

    async def run(
        self,
        plan: RenderPlan,
        budget: Decimal | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RenderResult:
        """Settle the marks left by an earlier run (:meth:`resume`), then render ``plan``.

        ``budget`` (default: the book's) is never exceeded: the render stops before the task
        that would cross it. Raises :class:`BalanceTooLowError` or
        :class:`PricesUnknownError` before anything is sent.
        """
        if self._state not in (QueueState.IDLE, QueueState.DONE):
            raise RuntimeError("This render queue is already running.")
        self._stop = None
        self._run = RunFigures()
        self._on_progress = on_progress
        self._run.scope = plan.scope
        self._run.titles = {c.id: c.title for c in self.store.book.chapters}
        book = self.store.book  # no fingerprints on the loop's thread (see RenderPlan)
        rows = plan.rows if plan.book is book else await asyncio.to_thread(rows_now, plan, book)
        self._run.load_done(lambda chapter_id: rows.get(chapter_id, ()), self.prices)
        resumed = await self.resume()
        items = await self._items_after_resume(plan, resumed)
        if budget is None:
            budget = self.store.book.settings.budget
        budget_plan: BudgetPlan | None = None
        if budget is not None:
            budget_plan = plan_budget([(i.chapter_index, i.segment) for i in items],
                                      self.prices, budget)  # fmt: skip
            if budget_plan.stop is BudgetStop.PRICES_UNKNOWN:
                raise PricesUnknownError
            chosen = {(c, s.id) for c, s in budget_plan.selected}
            items = [i for i in items if (i.chapter_index, i.segment.id) in chosen]
        await check_balance(self._balance, items, self.prices)
        self._run.budget = budget
        self._run.todo_chars = sum(i.chars for i in items)
        self._run.average_chars = self._run.todo_chars // len(items) if items else 0
        self._state = QueueState.RUNNING
        self._set_state()
        await self._mark_queued(items)
        try:
            await self._dispatch(items)
        finally:
            await self._unmark_queued(items)
        if budget_plan is not None and budget_plan.stop is BudgetStop.BUDGET and self._stop is None:
            self._stop = (StopReason.BUDGET, budget_plan.reason)
        if self._stop is None or self._stop[0] is not StopReason.CANCELLED:
            await self._drain()
        stop, message = self._stop or (StopReason.ALL_DONE, None)
        self._state = QueueState.DONE
        self._emit()
        run = self._run
        return RenderResult(
            stop=stop, message=message, sent=run.sent, rendered=tuple(run.rendered),
            failed=tuple(run.failures), spent=run.spent, budget=budget_plan, resumed=resumed,
        )  # fmt: skip

    async def resume(self) -> ResumeSummary:
        """Settle every segment whose task mark says queued or rendering (module doc of
        :mod:`.resume`); tasks still running are followed in the background and adopted."""
        found: dict[Decision, list[SegmentKey]] = {d: [] for d in Decision}
        book = self.store.book
        marks = [
            (key, state.task)
            for key, state in book.states.items()
            if state.task is not None and state.task.phase is not TaskPhase.FAILED
        ]
        for key, mark in marks:
            if key in self._followers:
                continue  # followed by this queue right now
            live = self._live_job(mark.local_id)
            if live is not None:
                self._follow(key, live)
                found[Decision.TRACK].append(key)
                continue
            record = await asyncio.to_thread(self.library.get, mark.local_id)
            audio = record.audio_path if record is not None else None
            running = record is not None and owner_alive(
                record.owner_pid, record.owner_start, since=record.created_at
            )
            settlement = settle(
                record, audio_exists=audio is not None and audio.is_file(), owner_running=running
            )
            decision = settlement.decision
            found[decision].append(key)
            if decision is Decision.REQUEUE:
                await asyncio.to_thread(self._clear_mark, key, mark.local_id)
            elif decision is Decision.DEMO_LOST:  # nothing real was paid: send it again
                await asyncio.to_thread(self.library.mark, mark.local_id, JobState.FAILED,
                                        reason=FailureReason.TASK_UNKNOWN.value,
                                        error=DEMO_TASK_LOST)  # fmt: skip
                await asyncio.to_thread(self._clear_mark, key, mark.local_id)
            elif decision is Decision.ADOPT:
                assert record is not None
                if not await self._adopt_record(key, record):
                    found[decision].pop()
                    found[Decision.FAILED].append(key)
            elif decision is Decision.TRACK:
                assert record is not None and record.task_id is not None
                job = self.runner.track(
                    record.task_id, record.kind, params=record.params,
                    local_id=record.local_id, created_at=record.created_at,
                    audio_path=_existing(record.audio_path),
                    subtitle_path=_existing(record.subtitle_path),
                )  # fmt: skip
                self._follow(key, job)
            elif decision is Decision.UNKNOWN:
                assert record is not None
                if record.state is JobState.SENDING:  # as resume_unfinished does at start-up
                    await asyncio.to_thread(
                        self.library.mark, record.local_id, JobState.OUTCOME_UNKNOWN,
                        reason=OUTCOME_UNKNOWN, error=messages.OUTCOME_INTERRUPTED,
                    )  # fmt: skip
                await self._record_failure(key, mark.local_id, OUTCOME_UNKNOWN, record.error)
            elif decision is Decision.FAILED:
                assert record is not None
                reason = settlement.reason or FailureReason.TASK_FAILED.value
                await self._record_failure(key, mark.local_id, reason, record.error)
        self._emit()
        return ResumeSummary(
            adopted=tuple(found[Decision.ADOPT]), tracked=tuple(found[Decision.TRACK]),
            requeued=tuple(found[Decision.REQUEUE]), unknown=tuple(found[Decision.UNKNOWN]),
            failed=tuple(found[Decision.FAILED]), busy=tuple(found[Decision.BUSY]),
            demo_lost=tuple(found[Decision.DEMO_LOST]),
        )  # fmt: skip

    async def look_up(self, key: SegmentKey, task_id: str) -> RenderStatus:
        """Follow the task the user found (on the website) for a segment whose outcome is
        unknown, and adopt its result: the same checks as ``soundclone resume ID --task``."""
        state = self.store.book.states.get(key)
        mark = state.task if state is not None else None
        if mark is None or mark.phase is not TaskPhase.FAILED or mark.reason != OUTCOME_UNKNOWN:
            raise LookupRefusedError("not-unresolved")
        record = await asyncio.to_thread(self.library.get, mark.local_id)
        if record is None:
            raise LookupRefusedError("not-unresolved")
        check = await asyncio.to_thread(check_lookup, self.library, record, task_id)
        if check.refusal is not None:
            raise LookupRefusedError(check.refusal.value)
        await asyncio.to_thread(
            self.store.record_task, *key, TaskMark(mark.local_id, TaskPhase.RENDERING)
        )
        job = self.runner.track(
            task_id, record.kind, params=record.params, local_id=record.local_id,
            created_at=record.created_at,
        )  # fmt: skip
        self._follow(key, job)
        await self._followers[key]
        if settle_failed_lookup(self.library, job):
            await self._record_failure(key, mark.local_id, OUTCOME_UNKNOWN, job.error)
        return self._status_of(key)

    # -- the dispatcher ------------------------------------------------------------------

    async def _dispatch(self, items: Sequence[PlannedSegment]) -> None:
        for item in items:
            if not await self._wait_for_slot():
                return
            if not still_wanted(item, self.store.book, self._planned_from):
                self._run.todo_chars -= item.chars
                continue
            price = task_price(item.chars, self.prices)
            spent, budget = self._run.spent, self._run.budget
            # A second guard behind plan_budget, which decides what is planned.
            over = budget is not None and price is not None and spent is not None
            if over and spent + price > budget:  # type: ignore[operator]
                self._halt(StopReason.BUDGET, f"The next task would cross the budget of {budget}.")
                return
            await self._send(item, price)

    async def _wait_for_slot(self) -> bool:
        """Until a create may leave (not paused, a slot free); False once stopping."""
        while True:
            if self._stop is not None:
                return False
            if not self._paused and len(self._in_flight) < self.concurrency:
                return True
            self._changed.clear()
            await self._changed.wait()

    async def _send(self, item: PlannedSegment, price: Decimal | None) -> None:
        key = item.key
        marked: list[str] = []
        store = self.store

        def on_update(job: Job) -> None:
            if job.state is not JobState.SENDING or marked:
                return
            # Before the recorder's intent and before the create: the book names the job.
            try:
                store.record_task(*key, TaskMark(job.local_id, TaskPhase.RENDERING))
            except KeyError as exc:
                raise RecordUnavailableError(
                    store.folder, None, "the segment changed while it waited"
                ) from exc
            except (sqlite3.Error, OSError, BookError) as exc:
                raise RecordUnavailableError.from_exception(store.folder, exc) from exc
            marked.append(job.local_id)

        self._in_flight.add(key)
        self._learner.busy(len(self._in_flight))
        params = item.row.params
        job = await self.runner.submit(params, on_update)
        if job.state is not JobState.FAILED or job.reason is not FailureReason.NOT_RECORDED:
            self._run.sent += 1  # it may be charged (failed ones are refunded or never created)
            if price is not None and self._run.spent is not None:
                self._run.spent += price
            elif price is None:
                self._run.spent = None
        if job.state.is_terminal:
            await self._settle(key, job)
            return
        self._follow(key, job, learn_chars=item.chars)

    def _follow(self, key: SegmentKey, job: Job, *, learn_chars: int = 0) -> None:
        self._in_flight.add(key)
        self._learner.busy(len(self._in_flight))
        task = asyncio.create_task(self._await_job(key, job, learn_chars))
        self._followers[key] = task
        task.add_done_callback(functools.partial(self._forget_follower, key))
        self._emit()

    def _forget_follower(self, key: SegmentKey, task: asyncio.Task[None]) -> None:
        if self._followers.get(key) is task:
            del self._followers[key]

    async def _await_job(self, key: SegmentKey, job: Job, learn_chars: int) -> None:
        try:
            await self.runner.wait(job)
        except RunnerStoppedError as exc:  # the mark stays: the next run follows it again
            self._release(key)
            self._halt(StopReason.STOPPED, exc.reason)
            return
        except asyncio.CancelledError:
            self._release(key)
            raise
        await self._settle(key, job, learn_chars=learn_chars)

    async def _settle(self, key: SegmentKey, job: Job, *, learn_chars: int = 0) -> None:
        """A job reached its end: adopt its files, or record why it failed."""
        try:
            if job.state is JobState.DOWNLOADED and job.audio_path is not None:
                params = job.params
                assert isinstance(params, ProductionParams)
                take = await asyncio.to_thread(
                    adopt_take, self.store, key, job.local_id, params, job.audio_path,
                    job.subtitle_path,
                )  # fmt: skip
                self._learner.finished(learn_chars)
                self._done_take(key, take.duration, params)
            elif job.state is JobState.CANCELLED:
                pass  # stopped here, running on the server: its mark stays for the next run
            elif job.reason in _STOPPING:
                await self._abandon(key, job)
            else:
                reason = (job.reason or FailureReason.TASK_FAILED).value
                await self._record_failure(key, job.local_id, reason, job.error)
        finally:
            self._release(key)

    async def _abandon(self, key: SegmentKey, job: Job) -> None:
        """Nothing was created: the segment is not rendered, and the render stops."""
        if job.reason is FailureReason.NOT_RECORDED:
            # Our refusal comes before the recorder's intent: its row must not stay "sending".
            with contextlib.suppress(sqlite3.Error, OSError, LibraryError):
                await asyncio.to_thread(
                    self.library.mark, job.local_id, JobState.FAILED,
                    reason=FailureReason.NOT_RECORDED.value, error=job.error,
                )  # fmt: skip
        with contextlib.suppress(sqlite3.Error, OSError, BookError, KeyError):
            await asyncio.to_thread(self._clear_mark, key, job.local_id)
        self._halt(StopReason.STOPPED, job.error)

    def _release(self, key: SegmentKey) -> None:
        self._in_flight.discard(key)
        self._learner.busy(len(self._in_flight))
        self._run.todo_done(key)
        self._notify()

    async def _drain(self) -> None:
        while self._followers:
            await asyncio.gather(*list(self._followers.values()), return_exceptions=True)

    # -- book writes -----------------------------------------------------------------------

    async def _mark_queued(self, items: Sequence[PlannedSegment]) -> None:
        await asyncio.to_thread(mark_queued, self.store, [item.key for item in items])
        self._run.queued = {item.key for item in items}

    async def _unmark_queued(self, items: Sequence[PlannedSegment]) -> None:
        await asyncio.to_thread(unmark_queued, self.store, [item.key for item in items])

    def _clear_mark(self, key: SegmentKey, local_id: str) -> None:
        clear_mark(self.store, key, local_id)

    async def _record_failure(
        self, key: SegmentKey, local_id: str, reason: str, error: str | None
    ) -> None:
        mark = TaskMark(local_id, TaskPhase.FAILED, reason)
        with contextlib.suppress(KeyError):  # the segment is gone: its failure with it
            await asyncio.to_thread(self.store.record_task, *key, mark)
        self._run.failures.append(SegmentFailure(key, reason, error))
        self._run.failed.add(key)
        self._emit()

    async def _adopt_record(self, key: SegmentKey, record: TaskRecord) -> bool:
        params = record.params
        if not isinstance(params, ProductionParams) or record.audio_path is None:
            await self._record_failure(key, record.local_id, FailureReason.TASK_FAILED.value,
                                       "The task's request is not in the library.")  # fmt: skip
            return False
        take = await asyncio.to_thread(
            adopt_take, self.store, key, record.local_id, params, record.audio_path,
            _existing(record.subtitle_path), record.duration,
        )  # fmt: skip
        self._done_take(key, take.duration, params)
        return True

    # -- state and progress ----------------------------------------------------------------

    async def _items_after_resume(
        self, plan: RenderPlan, resumed: ResumeSummary
    ) -> list[PlannedSegment]:
        """The plan's segments still to render, plus those whose create never left (their
        marks were re-queued): what the user approved, nothing else, in reading order. The
        plan itself while the book is the value it was made from (:func:`replanned`)."""
        book, also = self.store.book, {*resumed.requeued, *resumed.demo_lost}
        same = plan.book is book
        fresh = plan if same else await asyncio.to_thread(replanned, plan, book, self.prices, also)
        self._planned_from = fresh.book
        items = list(fresh.items)
        for item in items:
            self._run.chars_of[item.key] = item.chars
        return items

    def _done_take(self, key: SegmentKey, seconds: float | None, params: ProductionParams) -> None:
        billable = analyze(params.text).billable_chars
        self._run.took(key, seconds, task_price(billable, self.prices))
        self._emit()

    def _status_of(self, key: SegmentKey) -> RenderStatus:
        for row in self.store.rows(key[0]):
            if row.segment.id == key[1]:
                return row.status.kind
        return RenderStatus.NOT_RENDERED

    def _halt(self, reason: StopReason, message: str | None) -> None:
        if self._stop is None:
            self._stop = (reason, message)
        self._set_state()

    def _set_state(self) -> None:
        if self._state in (QueueState.RUNNING, QueueState.PAUSED, QueueState.STOPPING):
            if self._stop is not None:
                self._state = QueueState.STOPPING
            else:
                self._state = QueueState.PAUSED if self._paused else QueueState.RUNNING
        self._notify()

    def _notify(self) -> None:
        """Wake the dispatcher (a slot freed, paused, resumed, stopped) and tell progress."""
        self._changed.set()
        self._emit()

    def progress(self) -> RenderProgress:
        """The render's figures now (a snapshot)."""
        estimator = getattr(self.runner, "estimator", None)
        seed = estimator.expected_duration if estimator is not None else None
        return self._run.progress(
            self._state, self._in_flight, self._learner, seed, self.concurrency, self.prices
        )

    def _emit(self) -> None:
        callback = self._on_progress
        if callback is None:
            return
        try:
            callback(self.progress())
        except Exception:  # a broken display must not stop a paid render
            log.exception("The render progress callback failed")

    def _live_job(self, local_id: str) -> Job | None:
        for job in self.runner.jobs:
            if job.local_id == local_id and not job.state.is_terminal:
                return job
        return None


def _existing(path: Path | None) -> Path | None:
    return path if path is not None and path.is_file() else None
