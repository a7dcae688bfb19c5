"""Running tasks for ``synth``, ``clone`` and ``resume``: the workspace, progress, outcomes.

Every job is recorded in the data folder's task library through the shared
:class:`~soundclone_desktop.services.workspace.Workspace`: its intent before the create
request leaves and its task id right after, so ``soundclone resume`` can finish what an
interrupted run started, and never sends anything twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.cli.context import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    EXIT_STOPPED,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Context,
    fail,
    open_client,
    plural,
)
from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.services.duplicates import earlier_same_task
from soundclone_desktop.services.intent import RecordUnavailableError
from soundclone_desktop.services.recorder import price_estimate
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner
from soundclone_desktop.services.workspace import Workspace
from soundclone_desktop.store.library import TaskLibrary

log = logging.getLogger(__name__)

# The newest library rows read for the repeat check: far more than one burst of sends.
REPEAT_LOOKBACK = 500

EXIT_FOR_REASON = {
    FailureReason.INVALID: EXIT_USAGE,
    FailureReason.KEY_REJECTED: EXIT_AUTH,
    FailureReason.UNREACHABLE: EXIT_UNAVAILABLE,
    FailureReason.SERVER_BUSY: EXIT_UNAVAILABLE,
    FailureReason.OUTCOME_UNKNOWN: EXIT_OUTCOME_UNKNOWN,
    FailureReason.NOT_RECORDED: EXIT_USAGE,
    FailureReason.CANNOT_SAVE: EXIT_USAGE,
}  # every other reason: the server refused or the task failed (EXIT_FAILED)


@contextmanager
def workspace(ctx: Context, base_url: str, tasks: TaskLibrary | None = None) -> Iterator[Workspace]:
    """The data folder's workspace for jobs sent to ``base_url`` (over ``tasks`` when the
    caller has the task library open). Without a task library nothing is sent: a paid task
    with no record could be lost, so a library that cannot be opened stops the run (exit 2)."""
    demo = bool(ctx.args.demo)
    opened = Workspace.open(
        ctx.data_dir,
        base_url=lambda: base_url,
        demo=lambda: demo,
        estimate=price_estimate(ctx.prices),
        voices="when-present",  # a synth with a voice never cloned here adds no library file
        tasks=tasks,
    )
    with opened:
        try:
            opened.require_tasks()
        except RecordUnavailableError as refusal:
            log.debug("The task library cannot be opened", exc_info=opened.tasks_error)
            fail(str(refusal.sentence), EXIT_USAGE)
        yield opened


def runner(ctx: Context, space: Workspace, client: SoundCloneClient, dest: Path) -> TaskRunner:
    """A runner for ``ctx``'s server (its polling and estimates) recording into ``space``."""
    return space.runner(client, dest, policy=ctx.policy(), estimator=ctx.estimator())


def run_job(
    ctx: Context,
    base_url: str,
    token: str,
    params: ProductionParams | PreviewParams,
    dest: Path,
    *,
    new_scripts: bool = False,
) -> Job:
    """Submit, follow and download one task, reporting progress on stderr."""
    job = run_jobs(ctx, base_url, token, [(None, params)], dest, new_scripts=new_scripts)[0]
    code, why = outcome(job)
    if code != EXIT_OK:
        fail(why, code)
    return job


def run_jobs(
    ctx: Context,
    base_url: str,
    token: str,
    requests: Sequence[tuple[str | None, ProductionParams | PreviewParams]],
    dest: Path,
    *,
    new_scripts: bool = False,
) -> list[Job]:
    """Send each request in turn, then follow them all until every one has finished.

    ``requests`` pairs each request with a label for the progress lines (None for a single
    one).
    """

    async def send(task_runner: TaskRunner, _client: SoundCloneClient) -> list[Job]:
        return [
            await task_runner.submit(params, progress_reporter(ctx, label), dest_dir=dest)
            for label, params in requests
        ]

    def refuse_repeats(library: TaskLibrary) -> None:
        if not getattr(ctx.args, "again", False):
            refuse_paying_twice(library, base_url, requests)

    # ``new_scripts``: scripts the user types a command for (synth), which may repeat one
    # already paid for; a resubmission has asked and been confirmed already.
    check = refuse_repeats if new_scripts else None
    return follow(ctx, base_url, token, dest, send, check=check)


def refuse_paying_twice(
    library: TaskLibrary,
    base_url: str,
    requests: Sequence[tuple[str | None, ProductionParams | PreviewParams]],
) -> None:
    """Stop before anything is sent when a request repeats one still running or sent in the
    last minutes (the same rule as the app's question): running the same command again, or
    two files with the same text in one batch, would pay twice. ``--again`` sends anyway."""
    now = time.time()
    earlier = [r for r in library.search(limit=REPEAT_LOOKBACK) if r.base_url == base_url]
    for index, (label, params) in enumerate(requests):
        if not isinstance(params, ProductionParams):
            continue
        same = earlier_same_task(params, earlier, now=now)
        name = f"{label}: " if label else ""
        if same is not None:
            when = time.strftime("%H:%M", time.localtime(same.created_at))
            task = f"task {same.task_id}" if same.task_id else "its task"
            fail(f"{name}the same script was sent at {when} ({task}, {same.state.value}). "
                 "Nothing was sent: sending it again pays again. Add --again to send it anyway, "
                 "or `soundclone history` to find the result.")  # fmt: skip
        for other_label, other in requests[:index]:
            if isinstance(other, ProductionParams) and other.to_json() == params.to_json():
                fail(f"{name}the same script as {other_label} is in this batch. Nothing "
                     "was sent: each copy is paid for. Add --again to send both.")  # fmt: skip


Send = Callable[[TaskRunner, SoundCloneClient], Awaitable[list[Job]]]


def follow(
    ctx: Context,
    base_url: str,
    token: str,
    dest: Path,
    send: Send,
    *,
    check: Callable[[TaskLibrary], None] | None = None,
) -> list[Job]:
    """Run ``send`` on a runner recording into the workspace, then wait for every job it
    sent; Ctrl+C says what may have been created and how to pick it up again. ``check``
    reads the task library first and may stop the run before anything is sent."""
    seen: dict[str, Job] = {}
    with workspace(ctx, base_url) as space:
        library = space.require_tasks()
        mention_unfinished(ctx, library, base_url)
        if check is not None:
            check(library)

        def remember(job: Job) -> None:  # what to mention if Ctrl+C stops the run
            seen.setdefault(job.local_id, job)

        space.listeners.add(remember)

        async def run() -> list[Job]:
            async with (
                open_client(base_url, token) as client,
                runner(ctx, space, client, dest) as task_runner,
            ):
                jobs = await send(task_runner, client)
                for job in jobs:
                    await task_runner.wait(job)
                return jobs

        try:
            return asyncio.run(run())
        except KeyboardInterrupt:
            interrupted(list(seen.values()))
        except RunnerStoppedError as exc:
            fail(exc.reason, EXIT_AUTH)


def mention_unfinished(ctx: Context, library: TaskLibrary, base_url: str) -> None:
    count = len(library.unfinished(base_url))
    if count:
        ctx.progress(f"{plural(count, 'unfinished task')} from an earlier run: "
                     "`soundclone resume` follows them and saves their results.")  # fmt: skip


def outcome(job: Job) -> tuple[int, str]:
    """The exit code for a finished job and, unless it succeeded, the sentence saying why."""
    if job.state is JobState.DOWNLOADED and job.audio_path is not None:
        return EXIT_OK, ""
    if job.state is JobState.CANCELLED:
        return EXIT_STOPPED, job.message or "Stopped waiting."
    code = EXIT_FOR_REASON.get(job.reason, EXIT_FAILED) if job.reason else EXIT_FAILED
    suffix = f" (task {job.task_id})" if job.task_id else ""
    return code, f"{job.error or 'The task did not finish.'}{suffix}"


def interrupted(jobs: list[Job]) -> NoReturn:
    """Ctrl+C: say what may have been created and how to pick it up again."""
    parts = ["Interrupted."]
    if any(job.task_id is None and job.reason in (None, FailureReason.OUTCOME_UNKNOWN)
           for job in jobs):  # fmt: skip
        parts.append("A request was being sent: its task may or may not have been created. "
                     "It was not sent again; check the task list on the website before "
                     "sending it again (`soundclone history` lists it).")  # fmt: skip
    running = [job.task_id for job in jobs if job.task_id and not job.is_done]
    if running:
        parts.append(f"Still running on the server: {', '.join(running)}. "
                     "`soundclone resume` follows them and saves the results.")  # fmt: skip
    fail(" ".join(parts), EXIT_INTERRUPTED)


def progress_reporter(ctx: Context, label: str | None = None) -> Callable[[Job], None]:
    """Progress lines on stderr, each starting with ``label: `` when given (a batch)."""
    last: list[tuple[JobState, str | None]] = []
    prefix = f"{label}: " if label else ""
    labels = {
        JobState.SENDING: "Sending the request…",
        JobState.QUEUED: "Queued on the server.",
        JobState.PROCESSING: "Processing.",
        JobState.DOWNLOADING: "Downloading the result…",
        JobState.DOWNLOADED: "Downloaded.",
    }

    def report(job: Job) -> None:
        key = (job.state, job.message)
        if last and last[-1] == key:
            return
        last.append(key)
        if job.state is JobState.SUBMITTED:
            expected = job.expected_in()
            eta = f"; expected in ~{expected:.0f} s" if expected is not None else ""
            ctx.progress(f"{prefix}Task {job.task_id} created{eta}.")
        elif job.state in labels and (len(last) < 2 or last[-2][0] is not job.state):
            ctx.progress(prefix + labels[job.state])
        if job.message and job.state is not JobState.DOWNLOADED:
            ctx.progress(prefix + job.message)

    return report
