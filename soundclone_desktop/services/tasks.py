"""TaskRunner: submit → poll → download, one job per task, one scheduler for all of them.

Lifecycle (ARCHITECTURE.md)::

    sending ─► submitted ─► queued ─► processing ─► downloading ─► downloaded
       │                                   └──────► failed
       └─► outcome_unknown / failed        (any active state) ─► cancelled (local only)

Polling rules, all in :class:`~.schedule.PollPolicy`:

- one asyncio task (:mod:`.task_scheduler`) decides every poll, each in its own worker;
- per task: the first poll a little after the estimated finish (never before
  ``min_interval``; moved when a finished task changes the estimate), then every
  ``interval`` growing to ``max_interval``, with jitter so tasks drift apart;
- across tasks: at least ``min_gap`` between two poll requests and at most
  ``max_concurrent`` in flight, so thirty jobs never become thirty simultaneous requests;
- a transient error backs that task off exponentially (to ``backoff_max``) and shows
  "Reconnecting…"; it never fails the job, but past ``max_failures`` in a row the job ends
  "needs your attention" (``FailureReason.NEEDS_ATTENTION``, the sentence says why), as it
  does after ``max_odd_answers`` unknown statuses or finished-without-a-link answers, after
  ``max_broken_links`` audio links that fail for good, or ``give_up_after`` since submission:
  every job ends in bounded time, and the task stays on the server;
- subtitles never hold the audio back: when they cannot be had the job is done with a note;
- a rejected API key halts polling for every job until :meth:`TaskRunner.resume`;
- past ``long_after`` a task is flagged as unusually slow and polled every ``long_interval``.

Callbacks: ``on_update(job)`` runs synchronously on every visible change. The first call
(state ``sending``) comes before the create request leaves, so a synchronous write there
is the "intent recorded before the POST" the library needs: a callback that raises
:class:`~.intent.RecordUnavailableError` there stops the create (the job fails with reason
``not-recorded``, nothing is sent). Any other callback error is logged and ignored.
Callbacks must not block.

Evidence: with a :class:`~.balance_watch.BalanceWatch`, the balance is read just before each
create and again when its outcome is unknown; the drop is kept on the job and told in its
error.

Results that cannot be written (disk full, read-only, no permission) end the job as failed
with reason ``cannot-save`` instead of retrying for ever; the task id is kept, so a later
resume downloads it once the folder is writable.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from soundclone_desktop.api.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    SoundCloneError,
)
from soundclone_desktop.api.models import (
    TaskInfo,
)
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState, Params
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.script import analyze
from soundclone_desktop.core.task_status import TaskStatus

from . import messages
from .balance_watch import BalanceWatch, evidence
from .estimator import FinishEstimator
from .intent import RecordUnavailableError
from .schedule import PollPolicy, TaskTimer
from .task_download import fetch_results
from .task_entry import RunnerStoppedError, TaskClient, TaskEntry, UpdateCallback
from .task_failures import (
    classify_create_error,
    download_detail,
    is_transient,
    lasting_download_failure,
)
from .task_scheduler import PollScheduler

# Public names, some defined in the runner's sibling modules.
__all__ = ["RunnerStoppedError", "TaskClient", "TaskRunner", "UpdateCallback", "billable_chars"]

log = logging.getLogger(__name__)


class TaskRunner:
    """Runs jobs against a :class:`TaskClient`; see the module docstring for the rules."""

    def __init__(
        self,
        client: TaskClient,
        results_dir: Path,
        *,
        policy: PollPolicy | None = None,
        estimator: FinishEstimator | None = None,
        on_update: UpdateCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        balance: BalanceWatch | None = None,
        before_create: Callable[[Job], Awaitable[None]] | None = None,
    ) -> None:
        self._client = client
        # Awaited after the "sending" callbacks and before the create: a recorder writing
        # off the GUI thread says here that the intent is on disk (or raises: nothing sent).
        self._before_create = before_create
        self._balance = balance
        self.results_dir = results_dir
        self.policy = policy if policy is not None else PollPolicy()
        self.estimator = estimator if estimator is not None else FinishEstimator()
        self._on_update = on_update
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._entries: dict[str, TaskEntry] = {}
        self._changed = asyncio.Event()
        self._download_slots = asyncio.Semaphore(self.policy.max_concurrent_downloads)
        self._polls = PollScheduler(
            self.policy,
            active=self._active,
            halted=lambda: self._halted is not None,
            work=self._work,
            clock=clock,
            sleep=sleep,
        )
        self._halted: str | None = None
        self._closed = False

    # -- public API ---------------------------------------------------------------------

    @property
    def jobs(self) -> tuple[Job, ...]:
        """Every job this runner has seen, oldest first."""
        return tuple(entry.job for entry in self._entries.values())

    @property
    def halted(self) -> str | None:
        """Why polling is halted (a sentence), or None while it runs."""
        return self._halted

    async def submit(
        self,
        params: Params,
        on_update: UpdateCallback | None = None,
        *,
        dest_dir: Path | None = None,
    ) -> Job:
        """Create the task and start following it. Returns once the create has an outcome:
        the job is then ``submitted`` (or further), ``failed`` or ``outcome_unknown``."""
        self._check_open()
        kind = JobKind.PREVIEW if isinstance(params, PreviewParams) else JobKind.AUDIO
        job = Job(kind=kind, params=params, chars=billable_chars(params))
        entry = self._add(job, on_update, dest_dir)
        try:
            self._emit(entry, intent=True)  # "sending": recorded before anything leaves
            if self._before_create is not None:
                await self._before_create(job)
        except RecordUnavailableError as exc:
            log.error("Not sending job %s: %s", job.local_id, exc)
            self._fail(entry, FailureReason.NOT_RECORDED, exc.sentence)
            return job
        problems = params.validate()
        if problems:
            self._fail(entry, FailureReason.INVALID, messages.invalid(problems))
            return job
        if self._balance is not None:
            job.balance_before = await self._balance.before()
        try:
            if isinstance(params, PreviewParams):
                info = await self._client.create_preview(params)
            else:
                info = await self._client.create_audio(params)
        except asyncio.CancelledError:
            self._fail(entry, FailureReason.OUTCOME_UNKNOWN, messages.OUTCOME_INTERRUPTED)
            raise
        except Exception as exc:  # every failure becomes a job state
            reason, error = classify_create_error(exc)
            if reason is FailureReason.OUTCOME_UNKNOWN:
                error = await self._with_evidence(job, error)
            self._fail(entry, reason, error)
            return job
        if self._balance is not None:
            self._balance.spent()
        self._accept(entry, info)
        return job

    def track(
        self,
        task_id: str,
        kind: JobKind | str = JobKind.AUDIO,
        on_update: UpdateCallback | None = None,
        *,
        params: Params | None = None,
        dest_dir: Path | None = None,
        local_id: str | None = None,
        created_at: float | None = None,
        audio_path: Path | None = None,
        subtitle_path: Path | None = None,
    ) -> Job:
        """Follow a task created elsewhere (an earlier session, another device).

        ``local_id`` and ``created_at`` keep a resumed job's identity in the task library;
        ``audio_path``/``subtitle_path`` are files already downloaded (not fetched again).
        """
        self._check_open()
        known = self._entries.get(local_id) if local_id is not None else None
        if known is not None and not known.job.state.is_terminal:
            raise ValueError(f"Job {local_id} is already being followed.")
        chars = billable_chars(params) if params is not None else None
        job = Job(kind=JobKind(kind), params=params, task_id=task_id, chars=chars)
        if local_id is not None:
            job.local_id = local_id
        if created_at is not None:
            job.created_at = created_at
            job.history[:] = [(job.state, created_at)]
        job.audio_path, job.subtitle_path = audio_path, subtitle_path
        entry = self._add(job, on_update, dest_dir)
        now = self._clock()
        job.submitted_at = now
        # It may have finished long ago: ask at once (pacing still applies).
        entry.timer = TaskTimer(self.policy, submitted_at=now, next_at=now)
        self._set(entry, JobState.SUBMITTED)
        self._start_polling()
        return job

    async def wait(self, job: Job) -> Job:
        """Until ``job`` is terminal. Raises :class:`RunnerStoppedError` if polling halts or the
        runner closes first."""
        if job.local_id not in self._entries:
            raise ValueError("This job belongs to another task runner.")
        while not job.state.is_terminal:
            if self._halted is not None:
                raise RunnerStoppedError(self._halted)
            if self._closed:
                raise RunnerStoppedError(messages.RUNNER_CLOSED)
            changed = self._changed
            await changed.wait()
        return job

    def cancel(self, job: Job) -> bool:
        """Stop waiting for ``job`` here; the server keeps the task. False if already done."""
        entry = self._entries.get(job.local_id)
        if entry is None or job.state.is_terminal:
            return False
        if job.state is JobState.SENDING:
            # The request cannot be recalled; cancel as soon as the task id is known.
            entry.cancel_requested = True
            return True
        if entry.worker is not None:
            entry.worker.cancel()
        self._finish(entry, JobState.CANCELLED, message=messages.cancelled(job.task_id))
        return True

    def resume(self) -> None:
        """Restart polling after a halt (for example once the user entered a new key)."""
        if self._halted is None:
            return
        self._halted = None
        now = self._clock()
        for entry in self._active():
            if entry.timer is not None:
                earliest = (entry.timer.last_poll_at or now) + self.policy.min_interval
                entry.timer.next_at = max(now, min(entry.timer.next_at, earliest))
            entry.job.message = None
            self._emit(entry)
        self._polls.wake()

    async def aclose(self) -> None:
        """Stop the scheduler and every poll or download in flight. Tasks keep running on
        the server; unfinished jobs keep their state so they can be tracked again."""
        if self._closed:
            return
        self._closed = True
        tasks = [e.worker for e in self._entries.values() if e.worker is not None]
        if self._polls.task is not None:
            tasks.append(self._polls.task)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._bump()

    async def __aenter__(self) -> TaskRunner:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- bookkeeping ---------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("The task runner is closed.")

    def _add(self, job: Job, on_update: UpdateCallback | None, dest_dir: Path | None) -> TaskEntry:
        entry = TaskEntry(job, on_update, dest_dir if dest_dir is not None else self.results_dir)
        self._entries[job.local_id] = entry
        return entry

    def _active(self) -> list[TaskEntry]:
        return [e for e in self._entries.values() if not e.job.state.is_terminal]

    def _emit(self, entry: TaskEntry, *, intent: bool = False) -> None:
        """Tell the listeners; with ``intent``, re-raise a listener's refusal to record."""
        refusal: RecordUnavailableError | None = None
        for callback in (entry.on_update, self._on_update):
            if callback is None:
                continue
            try:
                callback(entry.job)
            except RecordUnavailableError as exc:
                if intent:
                    refusal = refusal or exc
                else:
                    log.warning("Job %s not recorded: %s", entry.job.local_id, exc)
            except Exception:
                # A broken listener must not stop the job it listens to.
                log.exception("on_update callback failed for job %s", entry.job.local_id)
        self._bump()
        if refusal is not None:
            raise refusal

    async def _with_evidence(self, job: Job, error: str) -> str:
        """``error`` plus what the balance says about a create whose outcome is unknown."""
        if self._balance is None or job.balance_before is None:
            return error
        after = await self._balance.after()
        if after is None:
            return error  # no reading, no claim
        job.balance_after = after
        return messages.with_tail(error, evidence(job.balance_before, after))

    def _bump(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def _set(
        self, entry: TaskEntry, state: JobState, *, message: str | None = None, force: bool = False
    ) -> None:
        job = entry.job
        if job.state is state and job.message == message and not force:
            return
        if job.state is not state:
            job.state = state
            job.history.append((state, time.time()))
        job.message = message
        self._emit(entry)

    def _finish(self, entry: TaskEntry, state: JobState, *, message: str | None = None) -> None:
        entry.job.expected_finish = None
        self._set(entry, state, message=message)
        self._polls.wake()

    def _fail(self, entry: TaskEntry, reason: FailureReason, error: str) -> None:
        """End the job as failed (or outcome_unknown, which is never retried)."""
        job = entry.job
        job.reason, job.error = reason, error
        log.info("Job %s (task %s) ended (%s): %s", job.local_id, job.task_id, reason, error)
        unknown = reason is FailureReason.OUTCOME_UNKNOWN
        self._finish(entry, JobState.OUTCOME_UNKNOWN if unknown else JobState.FAILED)

    def _accept(self, entry: TaskEntry, info: TaskInfo) -> None:
        """The create succeeded: record the id and hand the task to the scheduler."""
        job = entry.job
        now = self._clock()
        job.task_id = info.id
        job.submitted_at = now
        job.server_status = info.status
        expected = self.estimator.expected_duration(job.chars or 0, job.kind.value)
        job.expected_finish = now + expected
        entry.timer = TaskTimer.start(self.policy, now, expected)
        entry.learn = True
        self._set(entry, JobState.SUBMITTED)
        if entry.cancel_requested:
            self._finish(entry, JobState.CANCELLED, message=messages.cancelled(info.id))
            return
        if self._halted is not None:
            self.resume()  # a create just succeeded, so the key works again
        if info.status in (TaskStatus.QUEUED, TaskStatus.PROCESSING):
            self._set(entry, _STATE_FOR[info.status])
        self._start_polling()

    def _halt(self, reason: str) -> None:
        if self._halted is not None:
            return
        self._halted = reason
        log.warning("Polling halted: %s", reason)
        for entry in self._active():
            if entry.timer is not None:
                entry.job.message = reason
                self._emit(entry)
        self._bump()

    def _start_polling(self) -> None:
        if self._closed:
            return  # a create that finished during aclose(): the task stays "submitted"
        self._polls.start()

    # -- one poll (and the download that may follow) -------------------------------------

    async def _work(self, entry: TaskEntry) -> None:
        """Poll the task once (holding a poll slot until the server answers), then act."""
        job, timer, task_id = entry.job, entry.timer, entry.job.task_id
        assert timer is not None and task_id is not None
        try:
            timer.polling(self._clock())
            job.polls += 1
            try:
                info = await self._client.get_task(task_id)
            finally:
                self._polls.release_slot(entry)  # the download that may follow has its own limit
            await self._apply(entry, info)
        except asyncio.CancelledError:
            raise
        except AuthenticationError:
            timer.failed(self._clock())
            self._halt(messages.KEY_REJECTED_WHILE_POLLING)
        except BadRequestError as exc:
            self._fail(entry, FailureReason.TASK_UNKNOWN, messages.task_refused(task_id, exc))
        except Exception as exc:  # transient by default: never drop a paid task
            if not isinstance(exc, SoundCloneError):
                log.exception("Unexpected error while following task %s", job.task_id)
            retry_after = exc.retry_after if isinstance(exc, APIError) else None
            delay = self._backoff(entry, retry_after)
            if delay is None:
                self._give_up_unreachable(entry)
                return
            log.info(
                "Polling task %s failed (%s); retrying in %.1f s",
                job.task_id,
                type(exc).__name__,
                delay,
            )
            self._set(entry, job.state, message=messages.reconnecting(delay))
        finally:
            entry.worker = None
            self._polls.wake()

    async def _apply(self, entry: TaskEntry, info: TaskInfo) -> None:
        job, timer = entry.job, entry.timer
        assert timer is not None
        now = self._clock()
        job.server_status = info.status
        if info.status is TaskStatus.COMPLETED:
            self._learn(entry, now)
            if info.model_id:
                job.model_id = info.model_id
            await self._download(entry, info)
        elif info.status is TaskStatus.FAILED:
            self._fail(entry, FailureReason.TASK_FAILED, messages.task_failed(info.error))
        elif info.status is TaskStatus.CANCELLED:
            self._fail(entry, FailureReason.TASK_CANCELLED, messages.TASK_CANCELLED_BY_SERVER)
        else:
            if info.status is TaskStatus.UNKNOWN:
                entry.odd_answers += 1
                log.warning(
                    "Task %s has an unknown status %r (%d in a row).",
                    job.task_id,
                    info.status_raw,
                    entry.odd_answers,
                )
                if entry.odd_answers >= self.policy.max_odd_answers:
                    status = info.status_raw or "(none)"
                    text = messages.needs_attention_status(job.task_id, status)
                    self._fail(entry, FailureReason.NEEDS_ATTENTION, text)
                    return
            else:
                entry.odd_answers = 0
            if now - timer.submitted_at >= self.policy.give_up_after:
                hours = round(self.policy.give_up_after / 3600, 2)
                text = messages.needs_attention_slow(job.task_id, hours)
                self._fail(entry, FailureReason.NEEDS_ATTENTION, text)
                return
            gap = timer.pending(now, self._rng)
            message = messages.taking_long(gap) if timer.is_long(now) else None
            if job.expected_finish is not None and now >= job.expected_finish:
                # Overdue: the honest new expectation is "not before the next check".
                job.expected_finish = timer.next_at
            # Every answer is news (polls, expected finish), even without a state change.
            self._set(entry, _STATE_FOR.get(info.status, job.state), message=message, force=True)

    def _learn(self, entry: TaskEntry, now: float) -> None:
        timer, job = entry.timer, entry.job
        if not entry.learn or timer is None or job.chars is None:
            return
        entry.learn = False  # once: a re-poll after a failed download is not news
        done_at, pending_at = timer.finished_span(now)
        self.estimator.observe_finish(job.chars, done_at, pending_at, job.kind.value)
        self._reaim(job.kind)

    def _reaim(self, kind: JobKind) -> None:
        """Move the first polls still to come to the new estimate: tasks submitted a moment
        ago would otherwise repeat the mistake the estimator just learnt from."""
        for entry in self._active():
            job, timer = entry.job, entry.timer
            if not entry.learn or timer is None or job.kind is not kind or job.chars is None:
                continue
            if timer.last_poll_at is None and entry.worker is None:
                expected = self.estimator.expected_duration(job.chars, kind.value)
                timer.reaim(expected)
                job.expected_finish = timer.submitted_at + expected
        self._polls.wake()  # the scheduler may be sleeping until a first poll that moved

    async def _download(self, entry: TaskEntry, info: TaskInfo) -> None:
        """Fetch audio and subtitles together; keep whichever arrived if one fails.

        The audio decides the job: it is retried within the bounds, and a link that fails
        for good ends the job "needs your attention". Subtitles that cannot be had (a dead
        link, an unreadable file, or transient errors up to the bound) never hold the audio
        back: the job is done with a note saying so.
        """
        job, timer = entry.job, entry.timer
        assert timer is not None and job.task_id is not None
        if not info.audio_url and job.audio_path is None:
            entry.odd_answers += 1
            delay = self._backoff(entry)
            if delay is None or entry.odd_answers >= self.policy.max_odd_answers:
                text = messages.needs_attention_no_link(job.task_id)
                self._fail(entry, FailureReason.NEEDS_ATTENTION, text)
                return
            self._set(entry, JobState.DOWNLOADING, message=messages.waiting_for_link(delay))
            return
        entry.odd_answers = 0
        self._set(entry, JobState.DOWNLOADING)
        wants_subtitles = isinstance(job.params, ProductionParams) and job.params.subtitles
        failed = await fetch_results(self._client, self._download_slots, entry, info)
        if failed:
            log.info(
                "Download for task %s failed (%s)",
                job.task_id,
                ", ".join(f"{what}: {type(e).__name__}" for what, e in failed.items()),
            )
        lasting = lasting_download_failure(job.task_id, failed)
        if lasting is not None:
            self._fail(entry, *lasting)
            return
        subtitle_error = failed.get("subtitles")
        if subtitle_error is not None and not is_transient(subtitle_error):
            entry.subtitle_problem = download_detail(subtitle_error)
            subtitle_error = None
        audio_error = failed.get("audio")
        if audio_error is not None and not is_transient(audio_error):
            entry.broken_links += 1  # worth one fresh link from a new poll, not more
            if entry.broken_links >= self.policy.max_broken_links:
                detail = download_detail(audio_error)
                text = messages.needs_attention_link(job.task_id, detail)
                self._fail(entry, FailureReason.NEEDS_ATTENTION, text)
                return
        if audio_error is not None or subtitle_error is not None:
            delay = self._backoff(entry)
            if delay is None:
                if audio_error is not None:
                    self._give_up_unreachable(entry)
                    return
                assert subtitle_error is not None
                entry.subtitle_problem = download_detail(subtitle_error)
            else:
                self._set(entry, JobState.DOWNLOADING, message=messages.download_retry(delay))
                return
        if job.kind is JobKind.PREVIEW and not job.model_id:
            self._fail(entry, FailureReason.NO_MODEL_ID, messages.NO_MODEL_ID)
            return
        note: str | None = None
        if entry.subtitle_problem is not None and job.subtitle_path is None:
            note = messages.subtitles_failed(entry.subtitle_problem)
        elif wants_subtitles and job.subtitle_path is None:
            note = messages.NO_SUBTITLES
        self._finish(entry, JobState.DOWNLOADED, message=note)

    def _backoff(self, entry: TaskEntry, retry_after: float | None = None) -> float | None:
        """Count a transient failure and return the wait before the next try, or None once
        ``max_failures`` in a row are used up."""
        timer = entry.timer
        assert timer is not None
        now = self._clock()
        delay = timer.failed(now, retry_after)
        if timer.failures == 1 or entry.failing_since is None:
            entry.failing_since = now
        if timer.failures >= self.policy.max_failures:
            return None
        return delay

    def _give_up_unreachable(self, entry: TaskEntry) -> None:
        since = entry.failing_since if entry.failing_since is not None else self._clock()
        minutes = (self._clock() - since) / 60
        text = messages.needs_attention_unreachable(entry.job.task_id, minutes)
        self._fail(entry, FailureReason.NEEDS_ATTENTION, text)


_STATE_FOR = {TaskStatus.QUEUED: JobState.QUEUED, TaskStatus.PROCESSING: JobState.PROCESSING}


def billable_chars(params: Params) -> int:
    """Characters the service bills for ``params`` (markers excluded; the default preview
    line when a preview has no text)."""
    text = params.effective_text if isinstance(params, PreviewParams) else params.text
    return analyze(text).billable_chars
