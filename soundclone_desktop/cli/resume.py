"""``soundclone resume``: finish what interrupted runs left behind.

``resume`` follows every unfinished task of the chosen server and downloads its result; a
task whose create request never got an answer is shown as *outcome unknown* and is not sent
again. For such a task, ``resume ID --task TASK_ID`` follows the task you found on the website
under that entry, and ``resume ID --resubmit --yes`` sends it again as a new task (the cost
is shown first; without ``--yes`` nothing is sent): see :mod:`~.resume_one`. ``ID`` is the
first characters of the entry's id as ``history`` shows them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soundclone_desktop.cli.context import (
    EXIT_AUTH,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    Context,
    connection,
    fail,
    finish,
    open_client,
    plural,
)
from soundclone_desktop.cli.history import (
    SHORT_ID,
    balance_evidence,
    open_library,
    record_json,
    salvage_json,
)
from soundclone_desktop.cli.resume_one import follow_found, resubmit
from soundclone_desktop.cli.run_jobs import outcome, progress_reporter, runner, workspace
from soundclone_desktop.cli.voices import adopt_clone_lines
from soundclone_desktop.core.jobs import Job, JobKind
from soundclone_desktop.core.pricing import format_money
from soundclone_desktop.services.recorder import ResumeReport, resume_unfinished
from soundclone_desktop.services.tasks import RunnerStoppedError
from soundclone_desktop.services.workspace import Workspace
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary, TaskRecord


def register(command: Callable[..., Any]) -> None:
    """Add ``resume`` through the CLI's subcommand helper."""
    p = command(
        "resume",
        cmd_resume,
        "Follow the tasks an interrupted run left unfinished and save their results; or, for "
        "one task with an unknown outcome, follow the task ID you found or send it again.",
    )
    p.add_argument("id", nargs="?", metavar="ID", help="one library entry (see history)")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--task",
        metavar="TASK_ID",
        help="with ID: the server's task id for it; follow and download it",
    )
    what.add_argument(
        "--resubmit",
        action="store_true",
        help="with ID: send its request again as a new task (charged again)",
    )
    p.add_argument("--yes", action="store_true", help="confirm --resubmit after seeing the cost")


def cmd_resume(ctx: Context) -> int:
    args = ctx.args
    if args.id is None:
        if args.task or args.resubmit:
            fail("Name the library entry: `soundclone resume ID --task TASK_ID` (see history).")
        return _resume_all(ctx)
    if not (args.task or args.resubmit):
        fail(
            "Say what to do with it: --task TASK_ID (follow the task you found) or "
            "--resubmit (send it again). `soundclone resume` alone follows every "
            "unfinished task."
        )
    with open_library(ctx) as library:
        record = _one(library, args.id)
        if args.task:
            return follow_found(ctx, library, record, args.task)
    return resubmit(ctx, record)


def _one(library: TaskLibrary, key: str) -> TaskRecord:
    matches = library.find(key)
    if not matches:
        fail(f"No task in the library matches {key!r}; `soundclone history` lists them.")
    if len(matches) > 1:
        fail(f"{key!r} matches {len(matches)} tasks; give more characters of the ID.")
    return matches[0]


def _resume_all(ctx: Context) -> int:
    if not paths.library_path(ctx.data_dir).exists():
        return finish(ctx, ["Nothing to resume."], _report_json(ResumeReport(), {}))
    with open_library(ctx) as library:
        damage = salvage_json(library)
        extra: dict[str, object] = {} if damage is None else {"library_damaged": damage}
        if not library.unfinished():  # no connection (or key) needed to say so
            adopted = adopt_clone_lines(ctx, library, extra)
            data = {**_report_json(ResumeReport(), {}), **extra}
            return finish(ctx, adopted or ["Nothing to resume."], data)
        with connection(ctx) as (base_url, token):
            report, halted = _run_resume(ctx, library, base_url, token)
        adopted = adopt_clone_lines(ctx, library, extra)
    return _resume_result(ctx, report, halted, extra, adopted)


def _run_resume(
    ctx: Context, library: TaskLibrary, base_url: str, token: str
) -> tuple[ResumeReport, str | None]:
    """Resume on a fresh runner; returns the report and why polling halted (if it did)."""
    reporters: dict[str, Callable[[Job], None]] = {}

    def progress(job: Job) -> None:
        if job.local_id not in reporters:
            reporters[job.local_id] = progress_reporter(ctx, job.local_id[:SHORT_ID])
        reporters[job.local_id](job)

    def dest_for(record: TaskRecord) -> Path | None:
        return paths.voices_dir(ctx.data_dir) if record.kind is JobKind.PREVIEW else None

    report = ResumeReport()

    async def run(space: Workspace) -> str | None:
        nonlocal report
        results = ctx.settings.results_path(ctx.data_dir)
        async with (
            open_client(base_url, token) as client,
            runner(ctx, space, client, results) as task_runner,
        ):
            report = await resume_unfinished(
                task_runner,
                library,
                base_url=base_url,
                demo=bool(ctx.args.demo),
                on_update=progress,
                dest_dir=dest_for,
            )
            if report.resumed:
                ctx.progress(f"Resuming {plural(len(report.resumed), 'task')}…")
            for job in report.resumed:
                try:
                    await task_runner.wait(job)
                except RunnerStoppedError as exc:
                    return exc.reason
        return None

    try:
        with workspace(ctx, base_url, library) as space:
            halted = asyncio.run(run(space))
    except KeyboardInterrupt:
        fail(
            "Interrupted. The tasks continue on the server; run `soundclone resume` again "
            "to save their results.",
            EXIT_INTERRUPTED,
        )
    return report, halted


def _resume_result(
    ctx: Context,
    report: ResumeReport,
    halted: str | None,
    extra: dict[str, object],
    adopted: list[str],
) -> int:
    lines: list[str] = []
    code = EXIT_OK
    outcomes: dict[str, tuple[int, str]] = {job.local_id: outcome(job) for job in report.resumed}
    if report.resumed:
        saved = sum(1 for c, _why in outcomes.values() if c == EXIT_OK)
        lines.append(f"Recovered {plural(len(report.resumed), 'task')}: {saved} saved.")
        for job in report.resumed:
            status, why = outcomes[job.local_id]
            short = job.local_id[:SHORT_ID]
            if status == EXIT_OK:
                lines.append(f"  {short} task {job.task_id}: saved {job.audio_path}.")
            else:
                lines.append(f"  {short}: {why}")
                code = code or status
    if report.outcome_unknown:
        lines.append(
            f"{plural(len(report.outcome_unknown), 'task')} with an unknown outcome (the app "
            "stopped before the server answered; not sent again):"
        )
        for record in report.outcome_unknown:
            lines.append(
                f"  {record.local_id[:SHORT_ID]} “{record.excerpt(40)}”{_cost_note(record)}"
            )
            if balance_evidence(record):
                lines.append(f"    {balance_evidence(record)}")
        lines.append(
            "  Look each up on the website, then `soundclone resume ID --task TASK_ID` "
            "saves its result, or `soundclone resume ID --resubmit` sends it again."
        )
        code = code or EXIT_OUTCOME_UNKNOWN
    if report.in_flight:
        owners = ", ".join(sorted({str(r.owner_pid) for r in report.in_flight}))
        lines.append(
            f"{plural(len(report.in_flight), 'task')} still being sent by another running "
            f"SoundClone (process {owners}); left to it, so nothing is paid twice. Run "
            "`soundclone resume` again after it has finished if it leaves anything behind."
        )
    if report.lost:
        lines.append(
            f"{plural(len(report.lost), 'task')} of an earlier demo session could not "
            "be followed (that demo server stopped with it; nothing was charged)."
        )
    servers = sorted({r.base_url for r in report.other_server})
    if servers:
        lines.append(
            f"{plural(len(report.other_server), 'task')} wait for another server; "
            f"resume them with --base-url {' or '.join(servers)}."
        )
    lines += adopted
    if halted:
        lines.append(halted)
        code = EXIT_AUTH
    if not lines:
        lines.append("Nothing to resume.")
    return finish(ctx, lines, {**_report_json(report, outcomes), **extra}, code)


def _cost_note(record: TaskRecord) -> str:
    if record.estimate is None:
        return ""
    return f", about {format_money(record.estimate, record.currency or '')}".rstrip()


def _report_json(report: ResumeReport, outcomes: dict[str, tuple[int, str]]) -> dict[str, object]:
    return {
        "resumed": [
            {
                "id": job.local_id,
                "task_id": job.task_id,
                "state": job.state.value,
                "audio": str(job.audio_path) if job.audio_path else None,
                "subtitles": str(job.subtitle_path) if job.subtitle_path else None,
                "error": outcomes.get(job.local_id, (0, ""))[1] or None,
            }
            for job in report.resumed
        ],
        "outcome_unknown": [record_json(r) for r in report.outcome_unknown],
        "lost": [r.local_id for r in report.lost],
        "in_flight": [{"id": r.local_id, "pid": r.owner_pid} for r in report.in_flight],
        "other_server": [
            {"id": r.local_id, "task_id": r.task_id, "server": r.base_url}
            for r in report.other_server
        ],
    }
