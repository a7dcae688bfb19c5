"""``soundclone history`` and ``soundclone resume``: the task library from a terminal.

The library is the SQLite file the desktop app uses too (``library.sqlite3`` in the data
folder), so tasks sent from either show up in both.

``history [TEXT] [--limit N] [--state S]`` lists tasks, newest first (TEXT matches the
script, the task id, the voice id or the start of the ID column's library ID). ``resume``
follows every unfinished task of the chosen server and downloads its result; a task whose
create request never got an answer is shown as *outcome unknown* and is not sent again.
For such a task, ``resume ID --task TASK_ID`` follows the task you found on the website
under that entry, and ``resume ID --resubmit --yes`` sends it again as a new task (the cost
is shown first; without ``--yes`` nothing is sent). ``ID`` is the first characters of the
entry's id as ``history`` shows them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from soundclone_desktop.cli import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    EXIT_USAGE,
    CliError,
    Context,
    _client,
    _connection,
    _cost_line,
    _fail,
    _finish,
    _outcome,
    _plural,
    _progress_reporter,
    _run_job,
)
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.core.pricing import (
    Estimate,
    estimate_preview,
    estimate_production,
    format_money,
)
from soundclone_desktop.services.balance_watch import evidence
from soundclone_desktop.services.lookup import (
    WRONG_ID,
    LookupRefusal,
    check_lookup,
    clean_task_id,
    settle_failed_lookup,
)
from soundclone_desktop.services.recorder import (
    JobRecorder,
    ResumeReport,
    resubmit_params,
    resume_unfinished,
)
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner, billable_chars
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import LibraryError, TaskLibrary, TaskRecord

SHORT_ID = 8  # characters of a local id shown in lists; enough to be unique in practice
STATE_LABELS = {JobState.OUTCOME_UNKNOWN: "OUTCOME UNKNOWN"}


def register(command: Callable[..., Any]) -> None:
    """Add ``history`` and ``resume`` through the CLI's subcommand helper."""
    p = command("history", cmd_history, "List the tasks sent before (the task library).")
    p.add_argument(
        "text",
        nargs="?",
        default="",
        help="only tasks whose script, task id or voice id contains this, or whose library "
        "ID (the ID column) starts with it",
    )
    p.add_argument("--limit", type=int, default=20, help="how many to show (default 20; 0: all)")
    p.add_argument(
        "--state",
        action="append",
        choices=[s.value for s in JobState],
        help="only tasks in this state (repeat for several)",
    )

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


@contextmanager
def open_library(ctx: Context) -> Iterator[TaskLibrary]:
    try:
        library = TaskLibrary(paths.library_path(ctx.data_dir))
    except (LibraryError, OSError) as exc:
        raise CliError(f"Could not open the task library: {exc}", EXIT_USAGE) from exc
    try:
        yield library
    finally:
        library.close()


# -- history -----------------------------------------------------------------------------------


def cmd_history(ctx: Context) -> int:
    args = ctx.args
    if args.limit < 0:
        _fail("--limit must be 0 (all) or more.")
    states = [JobState(s) for s in args.state] if args.state else None
    records: list[TaskRecord] = []
    total = 0
    damage: dict[str, object] | None = None
    if paths.library_path(ctx.data_dir).exists():  # listing must not create an empty library
        with open_library(ctx) as library:
            records, total = _matching(library, args.text, args.limit or None, states)
            damage = salvage_json(library)
    rows = [record_json(r) for r in records]
    if not records:
        lines = ["No tasks match." if args.text or states else "No tasks in the library yet."]
    else:
        lines = _table(
            ("ID", "CREATED", "STATE", "TASK ID", "CHARS", "COST", "SCRIPT"),
            [_cells(r) for r in records],
        )
        if total > len(records):
            lines.append(f"Showing {len(records)} of {total} tasks; --limit 0 shows all.")
        lines += _notes(records)
        lines.append(
            f"Results are saved in {ctx.settings.results_path(ctx.data_dir)}; "
            "--json lists each file."
        )
    data: dict[str, object] = {"tasks": rows, "total": total}
    if damage is not None:
        data["library_damaged"] = damage
    return _finish(ctx, lines, data)


def salvage_json(library: TaskLibrary) -> dict[str, object] | None:
    """What was salvaged when the library was found damaged (the warning on stderr says it
    in words), or None for a sound library."""
    report = library.salvage
    if report is None:
        return None
    return {
        "damaged_copy": str(report.damaged_copy),
        "recovered": dict(report.recovered),
        "complete": report.complete,
    }


def _matching(
    library: TaskLibrary, text: str, limit: int | None, states: list[JobState] | None
) -> tuple[list[TaskRecord], int]:
    """The newest ``limit`` entries matching ``text`` and how many match in all. Besides the
    script, task id and voice id, ``text`` matches the start of the library ID that the ID
    column shows (as ``resume ID`` does), so an ID copied from this list finds its entry."""
    by_id = [r for r in library.find(text) if states is None or r.state in states]
    if not by_id:
        return library.search(text, limit=limit, states=states), library.count(text, states=states)
    found = {r.local_id: r for r in library.search(text, states=states)}
    found.update((r.local_id, r) for r in by_id)
    records = sorted(found.values(), key=lambda r: (-r.created_at, r.local_id))
    return records[:limit], len(records)


def record_json(record: TaskRecord) -> dict[str, object]:
    """A library entry for ``--json`` output (money as decimal text, times as epoch seconds)."""
    return {
        "id": record.local_id,
        "kind": record.kind.value,
        "state": record.state.value,
        "task_id": record.task_id,
        "server": record.base_url,
        "demo": record.demo,
        "text": record.text,
        "voice_id": record.voice_id,
        "billable_chars": record.chars,
        "estimated_cost": None if record.estimate is None else str(record.estimate),
        "currency": record.currency,
        "created": record.created_at,
        "updated": record.updated_at,
        "audio_seconds": record.duration,
        "error": record.error,
        "reason": record.reason,
        "balance_before": _decimal_text(record.balance_before),
        "balance_after": _decimal_text(record.balance_after),
        "audio": str(record.audio_path) if record.audio_path else None,
        "subtitles": str(record.subtitle_path) if record.subtitle_path else None,
    }


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _evidence(record: TaskRecord) -> str:
    """What the balance said about an unknown create ("" when it was not measured)."""
    if record.balance_before is None or record.balance_after is None:
        return ""
    return str(evidence(record.balance_before, record.balance_after))


def _cells(record: TaskRecord) -> tuple[str, ...]:
    dash = "—"
    cost = dash if record.estimate is None else format_money(record.estimate, record.currency or "")
    return (
        record.local_id[:SHORT_ID],
        time.strftime("%Y-%m-%d %H:%M", time.localtime(record.created_at)),
        STATE_LABELS.get(record.state, record.state.value),
        record.task_id or dash,
        dash if record.chars is None else f"{record.chars:,}",
        cost.strip(),
        record.excerpt(40) or dash,
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


def _notes(records: Sequence[TaskRecord]) -> list[str]:
    notes: list[str] = []
    unknown = sum(1 for r in records if r.state is JobState.OUTCOME_UNKNOWN)
    unfinished = sum(1 for r in records if not r.state.is_terminal)
    for record in records:
        said = _evidence(record) if record.state is JobState.OUTCOME_UNKNOWN else ""
        if said:
            notes.append(f"{record.local_id[:SHORT_ID]}: {said}")
    if unknown:
        notes.append(
            f"{_plural(unknown, 'task')} with an unknown outcome: the request may have created "
            "(and charged) a task, so it was not sent again. Look it up on the website, then "
            "`soundclone resume ID --task TASK_ID` saves its result, or "
            "`soundclone resume ID --resubmit` sends it again."
        )
    if unfinished:
        notes.append(
            f"{_plural(unfinished, 'task')} unfinished: `soundclone resume` follows "
            "them and saves their results."
        )
    return notes


# -- resume ------------------------------------------------------------------------------------


def cmd_resume(ctx: Context) -> int:
    args = ctx.args
    if args.id is None:
        if args.task or args.resubmit:
            _fail("Name the library entry: `soundclone resume ID --task TASK_ID` (see history).")
        return _resume_all(ctx)
    if not (args.task or args.resubmit):
        _fail(
            "Say what to do with it: --task TASK_ID (follow the task you found) or "
            "--resubmit (send it again). `soundclone resume` alone follows every "
            "unfinished task."
        )
    with open_library(ctx) as library:
        record = _one(library, args.id)
        if args.task:
            return _follow_found(ctx, library, record, args.task)
    return _resubmit(ctx, record)


def _one(library: TaskLibrary, key: str) -> TaskRecord:
    matches = library.find(key)
    if not matches:
        _fail(f"No task in the library matches {key!r}; `soundclone history` lists them.")
    if len(matches) > 1:
        _fail(f"{key!r} matches {len(matches)} tasks; give more characters of the ID.")
    return matches[0]


def _resume_all(ctx: Context) -> int:
    if not paths.library_path(ctx.data_dir).exists():
        return _finish(ctx, ["Nothing to resume."], _report_json(ResumeReport(), {}))
    with open_library(ctx) as library:
        damage = salvage_json(library)
        extra: dict[str, object] = {} if damage is None else {"library_damaged": damage}
        if not library.unfinished():  # no connection (or key) needed to say so
            adopted = _adopt_clones(ctx, library, extra)
            data = {**_report_json(ResumeReport(), {}), **extra}
            return _finish(ctx, adopted or ["Nothing to resume."], data)
        with _connection(ctx) as (base_url, token):
            report, halted = _run_resume(ctx, library, base_url, token)
        adopted = _adopt_clones(ctx, library, extra)
    return _resume_result(ctx, report, halted, extra, adopted)


def _run_resume(
    ctx: Context, library: TaskLibrary, base_url: str, token: str
) -> tuple[ResumeReport, str | None]:
    """Resume on a fresh runner; returns the report and why polling halted (if it did)."""
    reporters: dict[str, Callable[[Job], None]] = {}

    def progress(job: Job) -> None:
        if job.local_id not in reporters:
            reporters[job.local_id] = _progress_reporter(ctx, job.local_id[:SHORT_ID])
        reporters[job.local_id](job)

    def dest_for(record: TaskRecord) -> Path | None:
        return paths.voices_dir(ctx.data_dir) if record.kind is JobKind.PREVIEW else None

    recorder = JobRecorder(library, base_url=base_url, demo=bool(ctx.args.demo))
    report = ResumeReport()

    async def run() -> str | None:
        nonlocal report
        async with (
            _client(base_url, token) as client,
            TaskRunner(
                client,
                ctx.settings.results_path(ctx.data_dir),
                policy=ctx.policy(),
                estimator=ctx.estimator(),
                on_update=recorder,
            ) as runner,
        ):
            report = await resume_unfinished(
                runner,
                library,
                base_url=base_url,
                demo=bool(ctx.args.demo),
                on_update=progress,
                dest_dir=dest_for,
            )
            if report.resumed:
                ctx.progress(f"Resuming {_plural(len(report.resumed), 'task')}…")
            for job in report.resumed:
                try:
                    await runner.wait(job)
                except RunnerStoppedError as exc:
                    return exc.reason
        return None

    try:
        halted = asyncio.run(run())
    except KeyboardInterrupt:
        _fail(
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
    outcomes: dict[str, tuple[int, str]] = {job.local_id: _outcome(job) for job in report.resumed}
    if report.resumed:
        saved = sum(1 for c, _why in outcomes.values() if c == EXIT_OK)
        lines.append(f"Recovered {_plural(len(report.resumed), 'task')}: {saved} saved.")
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
            f"{_plural(len(report.outcome_unknown), 'task')} with an unknown outcome (the app "
            "stopped before the server answered; not sent again):"
        )
        for record in report.outcome_unknown:
            lines.append(
                f"  {record.local_id[:SHORT_ID]} “{record.excerpt(40)}”{_cost_note(record)}"
            )
            if _evidence(record):
                lines.append(f"    {_evidence(record)}")
        lines.append(
            "  Look each up on the website, then `soundclone resume ID --task TASK_ID` "
            "saves its result, or `soundclone resume ID --resubmit` sends it again."
        )
        code = code or EXIT_OUTCOME_UNKNOWN
    if report.in_flight:
        owners = ", ".join(sorted({str(r.owner_pid) for r in report.in_flight}))
        lines.append(
            f"{_plural(len(report.in_flight), 'task')} still being sent by another running "
            f"SoundClone (process {owners}); left to it, so nothing is paid twice. Run "
            "`soundclone resume` again after it has finished if it leaves anything behind."
        )
    if report.lost:
        lines.append(
            f"{_plural(len(report.lost), 'task')} of an earlier demo session could not "
            "be followed (that demo server stopped with it; nothing was charged)."
        )
    servers = sorted({r.base_url for r in report.other_server})
    if servers:
        lines.append(
            f"{_plural(len(report.other_server), 'task')} wait for another server; "
            f"resume them with --base-url {' or '.join(servers)}."
        )
    lines += adopted
    if halted:
        lines.append(halted)
        code = EXIT_AUTH
    if not lines:
        lines.append("Nothing to resume.")
    return _finish(ctx, lines, {**_report_json(report, outcomes), **extra}, code)


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


# -- one entry: a task id found on the website, or a knowing resubmission ---------------------


def _follow_found(ctx: Context, library: TaskLibrary, record: TaskRecord, raw: str) -> int:
    task_id = clean_task_id(raw)
    short = record.local_id[:SHORT_ID]
    if record.state is JobState.DOWNLOADED and record.task_id == task_id:
        return _finish(  # already done: saying so twice is harmless
            ctx,
            [f"Task {task_id} is already saved: {record.audio_path}."],
            {"task_id": task_id, "audio": str(record.audio_path)},
        )
    refused = _lookup_refusal(library, record, task_id)
    if refused:
        _fail(refused)
    with _connection(ctx) as (base_url, token):
        check = check_lookup(library, record, task_id, base_url)
        if check.refusal is LookupRefusal.OTHER_SERVER:
            _fail(
                f"Entry {short} was sent to {record.base_url}: look it up there "
                f"(--base-url {record.base_url})."
            )
        recorder = JobRecorder(library, base_url=base_url, demo=bool(ctx.args.demo))
        dest = (
            paths.voices_dir(ctx.data_dir)
            if record.kind is JobKind.PREVIEW
            else ctx.settings.results_path(ctx.data_dir)
        )

        async def run() -> Job:
            async with (
                _client(base_url, token) as client,
                TaskRunner(
                    client, dest, policy=ctx.policy(), estimator=ctx.estimator(), on_update=recorder
                ) as runner,
            ):
                job = runner.track(
                    task_id,
                    record.kind,
                    _lookup_reporter(ctx, task_id),
                    params=record.params,
                    dest_dir=dest,
                    local_id=record.local_id,
                    created_at=record.created_at,
                )
                return await runner.wait(job)

        try:
            job = asyncio.run(run())
        except KeyboardInterrupt:
            _fail(
                f"Interrupted. `soundclone resume` continues with task {task_id}.", EXIT_INTERRUPTED
            )
        except RunnerStoppedError as exc:
            _fail(exc.reason, EXIT_AUTH)
    if settle_failed_lookup(library, job):
        _fail(WRONG_ID.format(task_id=task_id), EXIT_FAILED)
    status, why = _outcome(job)
    if status != EXIT_OK:
        _fail(why, status)
    lines = [f"Task {task_id}: saved {job.audio_path}."]
    data: dict[str, object] = {"task_id": task_id, "audio": str(job.audio_path)}
    return _finish(ctx, lines + _adopt_clones(ctx, library, data), data)


def _adopt_clones(ctx: Context, library: TaskLibrary, data: dict[str, object]) -> list[str]:
    """Put finished clones the voice library lacks into it; lines saying so (and ``data``
    gets their ids under ``voices_added``)."""
    from soundclone_desktop.cli.voices import adopt_clones

    if not library.finished_previews():  # nothing to add: no voice library file created
        return []
    added = adopt_clones(ctx.data_dir, library)
    if not added:
        return []
    data["voices_added"] = [voice.model_id for voice in added]
    return [
        f"Voice {voice.model_id} added to the voice library as “{voice.name}” (preview "
        f"{voice.preview_path or 'not saved'}); use it within 3 days to keep it."
        for voice in added
    ]


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
    inner = _progress_reporter(ctx)
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


def _resubmit(ctx: Context, record: TaskRecord) -> int:
    if not record.state.is_terminal:
        _fail(
            "This task is still unfinished: `soundclone resume` follows it; sending it again "
            "would pay twice."
        )
    params = resubmit_params(record)
    if params is None:
        _fail(
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
    ctx.progress(f"{chars:,} billable characters. {_cost_line(estimate)}")
    ctx.progress(warning)
    if not ctx.args.yes:
        _fail("Nothing was sent. Add --yes to send it.", EXIT_USAGE)
    dest = (
        paths.voices_dir(ctx.data_dir)
        if isinstance(params, PreviewParams)
        else ctx.settings.results_path(ctx.data_dir)
    )
    with _connection(ctx) as (base_url, token):
        job = _run_job(ctx, base_url, token, params, dest)
    lines = [f"Sent again as task {job.task_id}: saved {job.audio_path}."]
    data: dict[str, object] = {
        "id": job.local_id,
        "task_id": job.task_id,
        "audio": str(job.audio_path),
    }
    return _finish(ctx, lines, data)
