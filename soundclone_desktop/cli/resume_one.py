"""``soundclone resume ID``: one outcome-unknown entry, followed by the task id found on the
website (``--task``) or knowingly sent again (``--resubmit --yes``)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from soundclone_desktop.cli.context import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Context,
    connection,
    cost_line,
    fail,
    finish,
    open_client,
)
from soundclone_desktop.cli.history import SHORT_ID, STATE_LABELS
from soundclone_desktop.cli.run_jobs import outcome, progress_reporter, run_job, runner, workspace
from soundclone_desktop.cli.voices import adopt_clone_lines
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.core.pricing import Estimate, estimate_preview, estimate_production
from soundclone_desktop.services.lookup import (
    WRONG_ID,
    LookupRefusal,
    check_lookup,
    clean_task_id,
    settle_failed_lookup,
)
from soundclone_desktop.services.recorder import resubmit_params
from soundclone_desktop.services.tasks import RunnerStoppedError, billable_chars
from soundclone_desktop.services.workspace import Workspace
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary, TaskRecord


def follow_found(ctx: Context, library: TaskLibrary, record: TaskRecord, raw: str) -> int:
    task_id = clean_task_id(raw)
    short = record.local_id[:SHORT_ID]
    if record.state is JobState.DOWNLOADED and record.task_id == task_id:
        return finish(  # already done: saying so twice is harmless
            ctx,
            [f"Task {task_id} is already saved: {record.audio_path}."],
            {"task_id": task_id, "audio": str(record.audio_path)},
        )
    refused = _lookup_refusal(library, record, task_id)
    if refused:
        fail(refused)
    with connection(ctx) as (base_url, token):
        check = check_lookup(library, record, task_id, base_url)
        if check.refusal is LookupRefusal.OTHER_SERVER:
            fail(
                f"Entry {short} was sent to {record.base_url}: look it up there "
                f"(--base-url {record.base_url})."
            )
        dest = (
            paths.voices_dir(ctx.data_dir)
            if record.kind is JobKind.PREVIEW
            else ctx.settings.results_path(ctx.data_dir)
        )

        async def run(space: Workspace) -> Job:
            async with (
                open_client(base_url, token) as client,
                runner(ctx, space, client, dest) as task_runner,
            ):
                job = task_runner.track(
                    task_id,
                    record.kind,
                    _lookup_reporter(ctx, task_id),
                    params=record.params,
                    dest_dir=dest,
                    local_id=record.local_id,
                    created_at=record.created_at,
                )
                return await task_runner.wait(job)

        try:
            with workspace(ctx, base_url, library) as space:
                job = asyncio.run(run(space))
        except KeyboardInterrupt:
            fail(
                f"Interrupted. `soundclone resume` continues with task {task_id}.", EXIT_INTERRUPTED
            )
        except RunnerStoppedError as exc:
            fail(exc.reason, EXIT_AUTH)
    if settle_failed_lookup(library, job):
        fail(WRONG_ID.format(task_id=task_id), EXIT_FAILED)
    status, why = outcome(job)
    if status != EXIT_OK:
        fail(why, status)
    lines = [f"Task {task_id}: saved {job.audio_path}."]
    data: dict[str, object] = {"task_id": task_id, "audio": str(job.audio_path)}
    return finish(ctx, lines + adopt_clone_lines(ctx, library, data), data)


def _lookup_refusal(library: TaskLibrary, record: TaskRecord, task_id: str) -> str | None:
    """Why ``task_id`` cannot be followed under ``record`` (the checks the app makes too), in
    a sentence; None if it can. The server is checked once connected."""
    short = record.local_id[:SHORT_ID]
    check = check_lookup(library, record, task_id)
    if check.refusal is LookupRefusal.NOT_UNRESOLVED:
        if record.task_id is not None:
            state = STATE_LABELS.get(record.state, record.state.value)
            return (
                f"Entry {short} already belongs to task {record.task_id} ({state}); only an "
                "entry with an unknown outcome can be given a task ID."
                + ("" if record.state.is_terminal else " `soundclone resume` follows it.")
            )
        return (
            f"Entry {short} is {record.state.value}, not an outcome-unknown entry: "
            "there is no task to look up for it."
        )
    if check.refusal is LookupRefusal.BAD_ID:
        return (
            f"{task_id!r} is not a task ID: copy it exactly as the website shows it (for "
            "example audio_16b635ba-5889-4fa5-bbcc-bf67a38c353a; letters, digits, _ - . : "
            "and no spaces, at most 128 characters)."
        )
    if check.refusal is LookupRefusal.TAKEN and check.owner is not None:
        owner = check.owner
        return (
            f"Task {task_id} already belongs to entry {owner.local_id[:SHORT_ID]} (sent "
            f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(owner.created_at))}); "
            "one task cannot be the result of two entries."
        )
    return None


def _lookup_reporter(ctx: Context, task_id: str) -> Callable[[Job], None]:
    """Progress of a lookup: the task exists already, so it is "followed", not "created"."""
    inner = progress_reporter(ctx)
    announced = False

    def report(job: Job) -> None:
        nonlocal announced
        if job.state is JobState.SUBMITTED:
            if not announced:
                announced = True
                ctx.progress(f"Looking up task {task_id}…")
            if job.message:
                ctx.progress(job.message)
            return
        inner(job)

    return report


def resubmit(ctx: Context, record: TaskRecord) -> int:
    if not record.state.is_terminal:
        fail(
            "This task is still unfinished: `soundclone resume` follows it; sending it again "
            "would pay twice."
        )
    params = resubmit_params(record)
    if params is None:
        fail(
            "This entry's request cannot be rebuilt, so it cannot be sent again from here.",
            EXIT_FAILED,
        )
    if ctx.args.demo:
        from soundclone_desktop.demo.config import DemoConfig

        ctx.demo_config = DemoConfig()  # its prices, for the cost shown before anything is sent
    chars = billable_chars(params)
    estimate: Estimate = (
        estimate_preview(chars, ctx.prices())
        if isinstance(params, PreviewParams)
        else estimate_production(chars, ctx.prices())
    )
    warning = "This sends the request again as a new task, charged again" + (
        ": the first attempt's outcome is unknown, so if it was created you pay twice."
        if record.state is JobState.OUTCOME_UNKNOWN
        else "."
    )
    ctx.progress(f"{chars:,} billable characters. {cost_line(estimate)}")
    ctx.progress(warning)
    if not ctx.args.yes:
        fail("Nothing was sent. Add --yes to send it.", EXIT_USAGE)
    dest = (
        paths.voices_dir(ctx.data_dir)
        if isinstance(params, PreviewParams)
        else ctx.settings.results_path(ctx.data_dir)
    )
    with connection(ctx) as (base_url, token):
        job = run_job(ctx, base_url, token, params, dest)
    lines = [f"Sent again as task {job.task_id}: saved {job.audio_path}."]
    data: dict[str, object] = {
        "id": job.local_id,
        "task_id": job.task_id,
        "audio": str(job.audio_path),
    }
    return finish(ctx, lines, data)
