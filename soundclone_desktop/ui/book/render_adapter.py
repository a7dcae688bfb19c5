"""The book view's :class:`~.render_control.RenderControl` over the render queue.

Each render gets its own :class:`~soundclone_desktop.services.book_render.RenderQueue`,
built at the moment the user asks, with the session's *current* runner and client (the
session replaces both when the server changes; the old runner still follows its jobs), the
task library, the app's prices and the account balance. Before anything is sent the plan's
estimate is shown in :class:`~.render_confirm.RenderConfirmDialog`; errors become one
sentence in the message bar.

The queue reports :class:`~soundclone_desktop.services.book.progress.RenderProgress`; the
view reads :class:`~soundclone_desktop.core.book.progress.RenderSnapshot`. The mapping is
here, and snapshots reach listeners through a queued signal: on the GUI thread, and several
changes within one event-loop turn become one repaint.

When a chapter's segments are all rendered it is stitched in the background (when this
build has a stitcher), so its ▶ plays at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from soundclone_desktop.core.book.progress import ChapterProgress as ViewChapter
from soundclone_desktop.core.book.progress import QueueState as ViewState
from soundclone_desktop.core.book.progress import RenderSnapshot
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.balance_watch import balance_reader
from soundclone_desktop.services.book.outcome import (
    BalanceTooLowError,
    PricesUnknownError,
    RenderResult,
    StopReason,
)
from soundclone_desktop.services.book.plan import RenderPlan, Selection
from soundclone_desktop.services.book.progress import QueueState, RenderProgress
from soundclone_desktop.services.book.render import DEFAULT_CONCURRENCY, RenderQueue
from soundclone_desktop.services.intent import RecordUnavailableError
from soundclone_desktop.store.book import BookError, BookStore
from soundclone_desktop.ui.book import chapter_audio
from soundclone_desktop.ui.book.errors import book_error_text
from soundclone_desktop.ui.book.render_confirm import RenderConfirmDialog
from soundclone_desktop.ui.book.render_control import ProgressListener
from soundclone_desktop.ui.book.render_pending import PendingRenders
from soundclone_desktop.ui.common.async_utils import signal_to_future, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.tasks.job_text import job_sentence

if TYPE_CHECKING:
    from soundclone_desktop.core.pricing import PriceTable
    from soundclone_desktop.store.library import TaskLibrary
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.studio import Messages

log = logging.getLogger(__name__)

CTX = "BookView"


@dataclass(frozen=True)
class RenderNeeds:
    session: Session  # its current runner and client at the moment a render starts
    library: TaskLibrary | None  # every segment's task is recorded here first
    prices: Callable[[], PriceTable]  # the app's (the demo's own while on the demo)
    messages: Messages
    parent: QWidget  # owns the confirmation dialog
    pending: PendingRenders | None = None  # renders to continue when the book opens
    concurrency: int = DEFAULT_CONCURRENCY


def to_snapshot(progress: RenderProgress, *, reason: str | None = None) -> RenderSnapshot:
    """The queue's figures as the view reads them."""
    chapters = {
        c.chapter_id: ViewChapter(
            c.chapter_id,
            done=c.done,
            total=c.total,
            failed=c.failed,
            audio_seconds=c.audio_seconds,
            spent=c.spent if c.spent is not None else Decimal(0),
        )
        for c in progress.chapters
    }
    state = {
        QueueState.IDLE: ViewState.IDLE,
        QueueState.RUNNING: ViewState.RUNNING,
        QueueState.PAUSED: ViewState.PAUSED,
        QueueState.STOPPING: ViewState.RUNNING,  # tasks in flight still finish
        QueueState.DONE: ViewState.IDLE,
    }[progress.state]
    if reason is not None:
        state = ViewState.STOPPED
    return RenderSnapshot(
        state=state,
        chapters=chapters,
        spent=progress.spent if progress.spent is not None else Decimal(0),
        currency=progress.currency,
        eta_seconds=progress.eta_seconds,
        reason=reason,
    )


class QueueRenderControl(QObject):
    """RenderControl over :class:`RenderQueue`; ``chapter_stitched(chapter id)`` when a
    finished chapter's audio is stitched."""

    chapter_stitched = Signal(str)
    changed = Signal()  # whether rendering is available may have changed
    _snapshot = Signal(object)  # to the GUI thread, queued

    def __init__(self, needs: RenderNeeds) -> None:
        super().__init__(needs.parent)
        self.needs = needs
        self.store: BookStore | None = None
        self.queue: RenderQueue | None = None  # the render running now
        self.task: asyncio.Task[None] | None = None  # confirming or running
        self.dialog: RenderConfirmDialog | None = None
        self.continuing: asyncio.Task[None] | None = None  # a render left unfinished
        self._abandoned: RenderQueue | None = None  # stopped as its book closed
        self.last: RenderSnapshot | None = None
        self.stitched: dict[str, chapter_audio.ChapterAudio] = {}
        self._listeners: list[ProgressListener] = []
        self._to_stitch: list[tuple[BookStore, str]] = []
        self._stitcher: asyncio.Task[None] | None = None
        self._snapshot.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        needs.session.connection_changed.connect(self.changed.emit)

    # -- RenderControl ------------------------------------------------------------------------

    def unavailable_reason(self) -> str | None:
        if not self.needs.session.connected:
            return translate(CTX, "Not connected: enter your API key in Settings, or try the demo.")
        if self.needs.library is None:
            return translate(
                CTX, "The task library could not be opened, so no task can be recorded."
            )
        store = self.store
        if store is not None and not _has_voice(store):
            return translate(CTX, "Choose the book's voice in Book settings first.")
        return None

    def set_book(self, store: BookStore | None) -> None:
        """The book shown now (None: closed). A render of the book closed stops sending;
        tasks already sent go on and are adopted when the book is opened again."""
        if store is self.store:
            return
        self.stop()
        self.store = store
        self.stitched.clear()
        self.last = None
        if store is not None:
            self._continue_pending(store)
        self.changed.emit()

    def render(self, store: BookStore, chapter_ids: Sequence[str] | None) -> None:
        if self.busy():
            self.needs.messages.show_message(
                translate(CTX, "A render is already running: wait for it, or pause it."),
                Level.INFO,
            )
            return
        ids = list(chapter_ids) if chapter_ids is not None else None
        self.task = spawn(self._confirm_and_run(store, ids), owner=self)

    def pause(self) -> None:
        if self.queue is not None:
            self.queue.pause()

    def resume(self) -> None:
        if self.queue is not None:
            self.queue.resume_queue()

    def listen(self, listener: ProgressListener) -> None:
        self._listeners.append(listener)

    def on_change(self, listener: Callable[[], None]) -> None:
        self.changed.connect(listener)

    # -- state for the window ----------------------------------------------------------------

    def busy(self) -> bool:
        """A render is being confirmed or runs (a continued one included)."""
        return self.queue is not None or (self.task is not None and not self.task.done())

    def running(self) -> tuple[int, int] | None:
        """(tasks in flight, segments waiting) of the render running now, else None."""
        queue = self.queue
        if queue is None or queue.state in (QueueState.IDLE, QueueState.DONE):
            return None
        progress = queue.progress()
        waiting = progress.total - progress.done - progress.failed - progress.in_flight
        return progress.in_flight, max(0, waiting)

    def stop(self) -> None:
        """Send nothing more (the book closes, the app quits); the pending record stays so
        the render continues when the book is opened again."""
        queue = self.queue
        if queue is not None:
            self._abandoned = queue
            queue.cancel()
            spawn(queue.aclose(), owner=self)
        for task in (self.task, self.continuing):
            if task is not None and not task.done() and self.queue is None:
                task.cancel()  # still asking or planning: nothing was sent
        if self.dialog is not None:
            self.dialog.reject()

    # -- one render ------------------------------------------------------------------------------

    def _new_queue(self, store: BookStore) -> RenderQueue | None:
        session = self.needs.session
        runner, client, library = session.runner, session.client, self.needs.library
        if runner is None or client is None or library is None:
            return None
        return RenderQueue(
            store,
            runner,
            library,
            self.needs.prices,
            balance=balance_reader(client),
            concurrency=self.needs.concurrency,
        )

    async def _confirm_and_run(self, store: BookStore, chapter_ids: list[str] | None) -> None:
        reason = self.unavailable_reason()
        queue = self._new_queue(store) if reason is None else None
        if queue is None:
            self.needs.messages.show_message(
                reason or translate(CTX, "Rendering is not available yet"), Level.WARNING
            )
            return
        plan = await self._plan(queue, chapter_ids)
        if plan is None:
            return
        if plan.tasks == 0:
            self.needs.messages.show_message(
                translate(CTX, "Nothing to render: every segment asked for has its audio."),
                Level.INFO,
            )
            self._stitch_finished(store, plan)
            return
        if not await self._confirmed(plan, chapter_ids):
            return
        if store is not self.store or self.needs.session.runner is not queue.runner:
            self.needs.messages.show_message(
                translate(CTX, "The book or the connection changed: nothing was sent."),
                Level.WARNING,
            )
            return
        await self._run(queue, plan, chapter_ids)

    async def _plan(self, queue: RenderQueue, chapter_ids: list[str] | None) -> RenderPlan | None:
        store = queue.store
        if chapter_ids is not None:  # chapters removed meanwhile are left out
            known = {c.id for c in store.book.chapters}
            chapter_ids = [c for c in chapter_ids if c in known]
        selection = Selection.book() if chapter_ids is None else Selection.of_chapters(chapter_ids)
        try:
            return await asyncio.to_thread(queue.plan, selection)
        except (KeyError, BookError) as exc:
            log.warning("No render plan for %s: %s", store.folder, exc)
            return None

    async def _confirmed(self, plan: RenderPlan, chapter_ids: list[str] | None) -> bool:
        store = self.store
        if store is None:
            return False
        if chapter_ids is None:
            scope = translate(CTX, "the book “%1”").replace("%1", store.book.title)
        elif len(chapter_ids) == 1:
            title = store.book.chapter(chapter_ids[0]).title
            scope = translate(CTX, "the chapter “%1”").replace("%1", title)
        else:
            scope = translate(CTX, "%1 selected chapters").replace("%1", str(len(chapter_ids)))
        dialog = RenderConfirmDialog(
            plan.estimate,
            scope=scope,
            budget=store.book.settings.budget,
            demo=self.needs.session.demo,
            parent=self.needs.parent,
        )
        self.dialog = dialog
        finished = signal_to_future(dialog.finished)
        dialog.open()
        try:
            (result,) = await finished
        finally:
            self.dialog = None
            dialog.deleteLater()
        return bool(result == QDialog.DialogCode.Accepted.value)

    async def _run(
        self, queue: RenderQueue, plan: RenderPlan, chapter_ids: list[str] | None
    ) -> None:
        store = queue.store
        pending = self.needs.pending
        if pending is not None:
            await asyncio.to_thread(pending.started, store.folder, chapter_ids)
        self.queue = queue
        self.changed.emit()
        result: RenderResult | None = None
        try:
            result = await queue.run(plan, on_progress=self._on_progress)
        except BalanceTooLowError as exc:
            self._say(
                translate(
                    CTX,
                    "The render needs %1 but only %2 is available: nothing was sent. Top up, "
                    "or render fewer chapters or with a budget.",
                )
                .replace("%1", money_text(exc.needed, exc.currency))
                .replace("%2", money_text(exc.available, exc.currency)),
            )
        except PricesUnknownError:
            self._say(
                translate(
                    CTX, "The prices are not known, so no budget can be kept: set them first."
                )
            )
        except RecordUnavailableError as exc:
            self._say(job_sentence(exc.sentence) or str(exc))
        except BookError as exc:
            if queue is self._abandoned:
                log.info("The render of the closed book %s stopped: %s", store.folder, exc)
            else:
                self._say(book_error_text(exc))
        except (sqlite3.Error, OSError):
            if queue is not self._abandoned:
                raise
            # The book closed under it (the window closed): the marks left are settled by
            # the next run, which the pending record starts when the book is opened.
            log.info("The render of the closed book %s stopped", store.folder, exc_info=True)
        finally:
            if self.queue is queue:
                self.queue = None
            self.changed.emit()
        stopped = queue is self._abandoned or (
            result is not None and result.stop is StopReason.CANCELLED
        )
        if pending is not None and not stopped:
            await asyncio.to_thread(pending.finished, store.folder)
        if result is not None and queue is not self._abandoned:
            self._report(queue, result)
            spawn(self._refresh_balance(), owner=self)

    async def _refresh_balance(self) -> None:
        """The status bar's balance after the render charged it (a convenience only)."""
        try:
            await self.needs.session.refresh_balance()
        except Exception as exc:  # the status bar keeps the old figure
            log.info("Balance not refreshed after the render: %s", exc)

    def _report(self, queue: RenderQueue, result: RenderResult) -> None:
        reason: str | None = None
        if result.stop is StopReason.BUDGET and result.budget is not None:
            budget = result.budget
            reason = translate(
                CTX, "Stopped before the task that would cross the budget of %1."
            ).replace("%1", money_text(budget.budget, budget.currency))
        elif result.stop is StopReason.STOPPED:
            reason = job_sentence(result.message) or translate(CTX, "The render stopped.")
        if reason is not None:
            self._say(reason, Level.WARNING)
        elif result.failed:
            first = result.failed[0]
            self._say(
                translate(CTX, "%1 segments failed (%2). Fix their text and render again.")
                .replace("%1", str(len(result.failed)))
                .replace("%2", job_sentence(first.error) or first.reason),
                Level.WARNING,
            )
        self._snapshot.emit(to_snapshot(queue.progress(), reason=reason))

    def _say(self, text: str, level: Level = Level.ERROR) -> None:
        self.needs.messages.show_message(text, level)

    # -- continuing after a restart -------------------------------------------------------------

    def _continue_pending(self, store: BookStore) -> None:
        pending = self.needs.pending
        if pending is None:
            return

        async def go() -> None:
            found, chapters = await asyncio.to_thread(pending.get, store.folder)
            if not found or store is not self.store or self.busy():
                return
            queue = self._new_queue(store) if self.unavailable_reason() is None else None
            if queue is None:
                return  # asked again once connected and opened
            plan = await self._plan(queue, chapters)
            if plan is None or store is not self.store:
                return
            self.needs.messages.show_message(
                translate(CTX, "Continuing the render of “%1” where it stopped.").replace(
                    "%1", store.book.title
                ),
                Level.INFO,
            )
            await self._run(queue, plan, chapters)

        self.continuing = spawn(go(), owner=self)

    # -- progress ------------------------------------------------------------------------------

    def _on_progress(self, progress: RenderProgress) -> None:
        if progress.state is QueueState.DONE:
            return  # the result's report sends the last snapshot
        self._snapshot.emit(to_snapshot(progress))
        queue = self.queue
        if queue is None:
            return
        for chapter in progress.chapters:
            if chapter.total and chapter.complete and chapter.chapter_id not in self.stitched:
                self._queue_stitch(queue.store, chapter.chapter_id)

    def _deliver(self, snapshot: RenderSnapshot) -> None:
        self.last = snapshot
        for listener in self._listeners:
            listener(snapshot)

    # -- stitching finished chapters -------------------------------------------------------------

    def _stitch_finished(self, store: BookStore, plan: RenderPlan) -> None:
        for chapter_id, keys in plan.scope:
            if keys and chapter_id not in self.stitched:
                self._queue_stitch(store, chapter_id)

    def _queue_stitch(self, store: BookStore, chapter_id: str) -> None:
        if not chapter_audio.stitch_available():
            return
        if (store, chapter_id) in self._to_stitch:
            return
        self._to_stitch.append((store, chapter_id))
        if self._stitcher is None or self._stitcher.done():
            self._stitcher = spawn(self._stitch_all(), owner=self)

    async def _stitch_all(self) -> None:
        """One chapter at a time, in the order they finished (reading order)."""
        while self._to_stitch:
            store, chapter_id = self._to_stitch.pop(0)
            if store is not self.store or not chapter_audio.chapter_ready(store, chapter_id):
                continue
            try:
                audio = await chapter_audio.stitch(store, chapter_id)
            except Exception as exc:  # a chapter that cannot be stitched is said, not fatal
                log.warning("Stitching chapter %s failed: %s", chapter_id, exc)
                with contextlib.suppress(KeyError):
                    title = store.book.chapter(chapter_id).title
                    self._say(
                        translate(CTX, "The chapter “%1” could not be stitched: %2")
                        .replace("%1", title)
                        .replace("%2", str(exc)),
                        Level.WARNING,
                    )
                continue
            if store is self.store:
                self.stitched[chapter_id] = audio
                self.chapter_stitched.emit(chapter_id)


def _has_voice(store: BookStore) -> bool:
    book = store.book
    return any(
        book.effective_params(c.id).model_id.strip() for c in book.chapters if not c.excluded
    ) or bool(book.settings.voice_id)
