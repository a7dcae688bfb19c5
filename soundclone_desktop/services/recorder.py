"""Jobs into the task library, and the library back into jobs after a restart.

:class:`JobRecorder` is a job listener (``TaskRunner(on_update=…)`` or
``Session.add_job_listener``): the runner calls it synchronously on every change, the first
time in state ``sending`` *before* the create request leaves, so the intent is on disk before
anything can be charged, and the task id right after the answer.

:func:`resume_unfinished` runs at start (app or ``soundclone resume``). For every row the
library holds in a non-terminal state:

- no task id, and the process that wrote the intent is still running (the CLI and the app
  share the library): its create is in flight; it is left alone (``in_flight``);
- no task id (the app died between the intent and the answer): the request may or may not
  have reached the server, so it becomes ``outcome_unknown`` and is never sent again (the
  user looks it up, or resubmits knowingly);
- sent to an in-process demo server: that server died with its process, the task cannot be
  followed; it is marked failed quietly (nothing was paid);
- sent to this server: followed again under the same ``local_id``: polled, downloaded;
- sent to another server: left as it is until the app connects to that server.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
from collections.abc import Callable, Collection
from concurrent.futures import Future
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from soundclone_desktop.audio.mp3_length import mp3_seconds
from soundclone_desktop.core.audio_format import wav_duration
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.pricing import PriceTable, estimate_preview, estimate_production
from soundclone_desktop.store.library import LibraryError, TaskLibrary, TaskRecord, normalise_url
from soundclone_desktop.store.process_owner import owner_alive

from . import messages
from .intent import RecordUnavailableError
from .tasks import TaskRunner

log = logging.getLogger(__name__)

Estimator = Callable[[Job], tuple[Decimal | None, str | None]]
UpdateCallback = Callable[[Job], None]

DEMO_TASK_LOST = (
    "This task ran on the built-in demo server of an earlier session, which stopped with it, "
    "so its result cannot be fetched. Nothing was charged; submit it again if you need it."
)
WAV_HEAD_BYTES = 64 * 1024  # enough for any header; the data chunk size gives the length


class JobRecorder:
    """A job listener that records every change of every job in a :class:`TaskLibrary`.

    ``base_url`` and ``demo`` may be callables read at each call, so one recorder follows a
    session that reconnects; the library keeps the values of a job's first call, which
    happens while its runner is the current one. ``estimate(job)`` gives the cost shown
    before paying; it is asked once per job, in state ``sending``.
    """

    def __init__(
        self,
        library: TaskLibrary,
        *,
        base_url: str | Callable[[], str],
        demo: bool | Callable[[], bool],
        estimate: Estimator | None = None,
        background: bool = False,
    ) -> None:
        self.library = library
        self._base_url = base_url
        self._demo = demo
        self._estimate = estimate
        self._timed: set[str] = set()
        # Writes on the library's writer thread (the GUI thread never waits for an fsync);
        # then the runner must await :meth:`durable` before each create.
        self.background = background
        self._intents: dict[str, Future[None]] = {}

    def __call__(self, job: Job) -> None:
        if job.reason is FailureReason.NOT_RECORDED:
            return  # its intent could not be written: there is no row, and nothing was sent
        try:
            self._record(job)
        except (sqlite3.Error, OSError, LibraryError) as exc:
            if job.state is JobState.SENDING:  # the create must not leave without its record
                raise RecordUnavailableError.from_exception(self.library.path.parent, exc) from exc
            raise

    async def durable(self, job: Job) -> None:
        """Once ``job``'s intent is on disk (background mode); raises
        :class:`RecordUnavailableError` when it could not be written: then nothing may be sent."""
        future = self._intents.pop(job.local_id, None)
        if future is None:
            return  # written synchronously, or not ours
        try:
            await asyncio.wrap_future(future)
        except (sqlite3.Error, OSError, LibraryError) as exc:
            raise RecordUnavailableError.from_exception(self.library.path.parent, exc) from exc

    def _record(self, job: Job) -> None:
        estimate: Decimal | None = None
        currency: str | None = None
        if self._estimate is not None and job.state is JobState.SENDING:
            estimate, currency = self._estimate(job)
        base_url = self._base_url() if callable(self._base_url) else self._base_url
        demo = self._demo() if callable(self._demo) else self._demo
        seconds: float | None = None
        if job.state is JobState.DOWNLOADED and job.local_id not in self._timed:
            # In the same write as the state: one transaction on the GUI thread, not two.
            self._timed.add(job.local_id)
            seconds = audio_seconds(job.audio_path)
        if not self.background:
            self.library.record(job, base_url=base_url, demo=demo, estimate=estimate,
                                currency=currency, duration=seconds)  # fmt: skip
            return
        future = self.library.record_later(job, base_url=base_url, demo=demo,
                                           estimate=estimate, currency=currency,
                                           duration=seconds)  # fmt: skip
        if job.state is JobState.SENDING:
            self._intents[job.local_id] = future  # awaited before the create (durable)
        else:
            future.add_done_callback(functools.partial(_log_failure, job.local_id))


def _log_failure(local_id: str, future: Future[None]) -> None:
    error = future.exception()
    if error is not None:
        log.warning("Job %s: a change was not recorded in the task library: %s", local_id, error)


def price_estimate(prices: Callable[[], PriceTable]) -> Estimator:
    """An ``estimate`` for :class:`JobRecorder`: the job's billable characters at the current
    prices (what the charge line showed when the user pressed the button)."""

    def estimate(job: Job) -> tuple[Decimal | None, str | None]:
        table = prices()
        chars = job.chars or 0
        if job.kind is JobKind.PREVIEW:
            result = estimate_preview(chars, table)
        else:
            result = estimate_production(chars, table)
        return result.total, result.currency if result.total is not None else None

    return estimate


def audio_seconds(path: Path | None) -> float | None:
    """The length of a downloaded result from its headers (a small, bounded read): a WAV's
    chunks, or what FFmpeg's demuxer reads from an MP3's Info header; None when unknown."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(WAV_HEAD_BYTES)
    except OSError:
        return None
    seconds = wav_duration(head)
    if seconds is None:
        # MP3, the service's everyday answer: its own headers, read without FFmpeg (this
        # runs on the GUI thread, and loading PyAV there stalled it for hundreds of ms).
        seconds = mp3_seconds(path)
    if seconds is None:
        seconds = _probed_seconds(path)
    return None if seconds is None else round(seconds, 3)


def _probed_seconds(path: Path) -> float | None:
    # Other formats (M4A, Ogg…): a header probe, no decoding; loaded on first use.
    from soundclone_desktop.audio.decode import probe
    from soundclone_desktop.audio.errors import AudioError

    try:
        seconds = probe(path).duration_s
    except (AudioError, OSError):
        return None
    return seconds if seconds and seconds > 0 else None


@dataclass
class ResumeReport:
    """What :func:`resume_unfinished` found."""

    resumed: list[Job] = field(default_factory=list)  # being polled / downloaded again
    outcome_unknown: list[TaskRecord] = field(default_factory=list)  # never re-sent
    lost: list[TaskRecord] = field(default_factory=list)  # cannot be followed (old demo)
    other_server: list[TaskRecord] = field(default_factory=list)  # waits for its server
    in_flight: list[TaskRecord] = field(default_factory=list)  # another live process's

    @property
    def empty(self) -> bool:
        return not (
            self.resumed or self.outcome_unknown or self.lost or self.other_server
            or self.in_flight
        )  # fmt: skip


async def resume_unfinished(
    runner: TaskRunner,
    library: TaskLibrary,
    *,
    base_url: str,
    demo: bool,
    on_update: UpdateCallback | None = None,
    dest_dir: Callable[[TaskRecord], Path | None] | None = None,
    skip: Collection[str] = (),
) -> ResumeReport:
    """Settle every unfinished task of the library (see the module docstring).

    Library reads and writes run in a worker thread; the jobs are started on the calling
    loop. ``demo`` says whether ``runner`` talks to an in-process demo server (whose tasks
    from an earlier run are gone). ``dest_dir(record)`` chooses where a resumed task's files
    go (None: the runner's results folder). ``skip`` lists the local ids other runners of this
    process are following (``runner``'s own are skipped anyway).
    """
    records = await asyncio.to_thread(library.unfinished)
    here = normalise_url(base_url)
    report = ResumeReport()
    for record in records:
        # Asked anew for each row: the loop awaits, and the runner may have taken jobs on.
        if record.local_id in skip or any(j.local_id == record.local_id for j in runner.jobs):
            continue  # this process is following it right now
        if (record.demo or record.task_id is None) and _owner_running(record):
            # Another running process sent it and is waiting for the answer (or, on the
            # demo, runs the server it went to): only that process can settle it.
            report.in_flight.append(record)
            continue
        if record.demo:
            await asyncio.to_thread(
                library.mark, record.local_id, JobState.FAILED,
                reason=FailureReason.TASK_UNKNOWN.value, error=DEMO_TASK_LOST,
            )  # fmt: skip
            report.lost.append(record)
        elif record.task_id is None:
            await asyncio.to_thread(
                library.mark, record.local_id, JobState.OUTCOME_UNKNOWN,
                reason=FailureReason.OUTCOME_UNKNOWN.value, error=messages.OUTCOME_INTERRUPTED,
            )  # fmt: skip
            log.warning("Task %s: sending was interrupted; outcome unknown", record.local_id)
            report.outcome_unknown.append(await asyncio.to_thread(_reread, library, record))
        elif demo or normalise_url(record.base_url) != here:
            report.other_server.append(record)
        else:
            job = runner.track(
                record.task_id,
                record.kind,
                on_update,
                params=record.params,
                dest_dir=dest_dir(record) if dest_dir is not None else None,
                local_id=record.local_id,
                created_at=record.created_at,
                audio_path=_existing(record.audio_path),
                subtitle_path=_existing(record.subtitle_path),
            )
            report.resumed.append(job)
    if not report.empty:
        log.info(
            "Resumed %d task(s); %d outcome unknown, %d lost, %d on another server",
            len(report.resumed), len(report.outcome_unknown), len(report.lost),
            len(report.other_server),
        )  # fmt: skip
    return report


def _owner_running(record: TaskRecord) -> bool:
    return owner_alive(record.owner_pid, record.owner_start, since=record.created_at)


def resubmit_params(record: TaskRecord) -> ProductionParams | PreviewParams | None:
    """The request to send again for ``record`` (a new task, a new charge), or None when it
    cannot be rebuilt. The caller shows the cost and asks first: nothing here sends."""
    params = record.params
    if params is None:
        return None
    return params if not params.validate() else None


def job_from_record(record: TaskRecord) -> Job:
    """A :class:`Job` showing ``record`` (for lists that display jobs; it is not run)."""
    try:
        reason = FailureReason(record.reason) if record.reason else None
    except ValueError:
        reason = None
    return Job(
        kind=record.kind,
        params=record.params,
        task_id=record.task_id,
        state=record.state,
        local_id=record.local_id,
        created_at=record.created_at,
        chars=record.chars,
        error=_known_sentence(record.error),
        reason=reason,
        audio_path=record.audio_path,
        subtitle_path=record.subtitle_path,
        model_id=record.voice_id if record.kind is JobKind.PREVIEW else None,
    )


def _known_sentence(text: str | None) -> str | None:
    """The stored English sentence as the ``JobText`` it was (so a UI can translate it)."""
    for value in vars(messages).values():
        if isinstance(value, messages.JobText) and value == text:
            return value
    return text


def _reread(library: TaskLibrary, record: TaskRecord) -> TaskRecord:
    return library.get(record.local_id) or record


def _existing(path: Path | None) -> Path | None:
    return path if path is not None and path.is_file() else None
