"""``soundclone history``: the task library from a terminal.

The library is the SQLite file the desktop app uses too (``library.sqlite3`` in the data
folder), so tasks sent from either show up in both.

``history [TEXT] [--limit N] [--state S]`` lists tasks, newest first (TEXT matches the
script, the task id, the voice id or the start of the ID column's library ID).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from soundclone_desktop.cli.context import EXIT_USAGE, CliError, Context, fail, finish, plural
from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.core.pricing import format_money
from soundclone_desktop.services.balance_watch import evidence
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
        fail("--limit must be 0 (all) or more.")
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
    return finish(ctx, lines, data)


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


def balance_evidence(record: TaskRecord) -> str:
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
        said = balance_evidence(record) if record.state is JobState.OUTCOME_UNKNOWN else ""
        if said:
            notes.append(f"{record.local_id[:SHORT_ID]}: {said}")
    if unknown:
        notes.append(
            f"{plural(unknown, 'task')} with an unknown outcome: the request may have created "
            "(and charged) a task, so it was not sent again. Look it up on the website, then "
            "`soundclone resume ID --task TASK_ID` saves its result, or "
            "`soundclone resume ID --resubmit` sends it again."
        )
    if unfinished:
        notes.append(
            f"{plural(unfinished, 'task')} unfinished: `soundclone resume` follows "
            "them and saves their results."
        )
    return notes
