"""Salvaging a damaged task library: which copied rows the app can use, and what the
user is told (issue 11). The copying itself is ``store.salvage``'s."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from soundclone_desktop.core.jobs import JobKind, JobState
from soundclone_desktop.store.library_rows import marks
from soundclone_desktop.store.salvage import SalvageReport


def drop_unusable(conn: sqlite3.Connection, copied: dict[str, int]) -> dict[str, int]:
    """Remove salvaged rows the app could not read back (a state or kind from a damaged
    page) and events of lost tasks; returns the counts of what stays."""
    states = [s.value for s in JobState]
    kinds = [k.value for k in JobKind]
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        f"DELETE FROM tasks WHERE state NOT IN ({marks(len(states))}) "
        f"OR kind NOT IN ({marks(len(kinds))})",
        (*states, *kinds),
    )
    conn.execute("DELETE FROM events WHERE local_id NOT IN (SELECT local_id FROM tasks)")
    conn.execute("COMMIT")
    counts = {table: int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
              for table in copied}  # fmt: skip
    return counts


def salvage_sentence(path: Path, report: SalvageReport) -> str:
    """What a user is told after a salvage: that it happened, where the damaged file is, and
    how much came back."""
    tasks = report.recovered.get("tasks", 0)
    noun = "task was" if tasks == 1 else "tasks were"
    lost = (
        " Some entries were on damaged parts of the file and could not be read."
        if report.damaged_tables
        else " Nothing readable was lost."
    )
    return (
        f"The task library {path} was damaged ({report.problem}). The damaged file was set "
        f"aside as {report.damaged_copy}; {tasks} {noun} recovered into a new "
        f"library.{lost}"
    )
