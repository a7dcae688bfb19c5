"""Salvage the rows of a damaged SQLite file (a page overwritten, a torn write).

Python's ``sqlite3`` has no ``.recover`` (that lives in the ``sqlite3`` shell), and
``Connection.iterdump`` stops at the first unreadable page, losing everything after it. So
rows are copied one at a time in ``rowid`` order: ``rowid > last ORDER BY rowid LIMIT 1``
walks the table's b-tree from the root, so a damaged leaf page only breaks the walks that
have to read it. When one does, the walk jumps ahead (1, 2, 4, … rowids) until a read
succeeds again, then narrows back down by halving, so only rows on the damaged pages are
lost. Damaged index pages cost nothing: the copy is written into a fresh file whose
indexes are built anew. At most about 64 failed reads per damaged stretch, so a library of
thousands of rows is salvaged in well under a second.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_ROWID = 2**63 - 1
Row = tuple[Any, ...]
NextRow = Callable[[int], Row | None]
# The result codes of a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB), as Python 3.11+ gives
# them on the exception; the message is the fallback for a wrapped error.
_CORRUPT_CODES = frozenset({11, 26})
_CORRUPT_WORDS = ("malformed", "not a database", "corrupt")


def is_corruption(exc: BaseException) -> bool:
    """Whether ``exc`` says the file is damaged (not merely locked or unreadable)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _CORRUPT_CODES:
        return True
    text = str(exc).lower()
    return any(word in text for word in _CORRUPT_WORDS)


def looks_damaged(conn: sqlite3.Connection) -> str | None:
    """The first problem ``PRAGMA quick_check`` finds, or None for a sound file.

    quick_check reads every page and checks the b-trees (not that indexes match their
    tables), which catches an overwritten page that a query by index would never touch.
    """
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return str(exc)
        raise
    first = str(rows[0][0]) if rows else "ok"
    if first == "ok":
        return None
    # "*** in database main ***\nPage 12: btreeInitPage() returns error code 11": one line.
    lines = [line for line in first.splitlines() if line and not line.startswith("***")]
    return " ".join(lines) or first


def set_aside(path: Path) -> Path:
    """Move ``path`` (and its ``-wal``/``-shm``) to ``<name>.bad-<time>``; returns the new path.

    The WAL goes along: it holds the latest commits, which belong to the damaged file.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    bad = path.with_name(f"{path.name}.bad-{stamp}")
    counter = 1
    while bad.exists():  # twice in one second (a test, a retry): never overwrite evidence
        counter += 1
        bad = path.with_name(f"{path.name}.bad-{stamp}-{counter}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(bad.with_name(bad.name + suffix))
    path.replace(bad)
    return bad


@dataclass(frozen=True)
class TableSalvage:
    """What was read of one table."""

    rows: list[dict[str, Any]]
    failed_reads: int  # reads that hit a damaged page (0: the table was whole)

    @property
    def damaged(self) -> bool:
        return self.failed_reads > 0


def open_read_only(path: Path) -> sqlite3.Connection:
    """The damaged copy, opened so that nothing is written to it (it is the evidence)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    """The table's column names; [] when the schema itself cannot be read."""
    try:
        return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def read_table(conn: sqlite3.Connection, table: str, columns: list[str]) -> TableSalvage:
    """Every readable row of ``table`` (a rowid table), as ``{column: value}``."""
    if not columns:
        return TableSalvage([], 0)
    select = (
        f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1"
    )
    failures: list[int] = []

    def next_after(rowid: int) -> Row | None:
        row: Row | None = conn.execute(select, (rowid,)).fetchone()
        return row

    rows = [
        dict(zip(columns, row[1:], strict=True))
        for row in _walk(next_after, lambda: failures.append(1))
    ]
    return TableSalvage(rows, len(failures))


def _walk(next_after: NextRow, on_failure: Callable[[], None]) -> Iterator[Row]:
    """Rows in rowid order, stepping over the rowids whose pages cannot be read."""
    last = -MAX_ROWID - 1  # rowids may be negative
    while True:
        try:
            row = next_after(last)
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise
            on_failure()
            resumed = _skip_damage(next_after, last, on_failure)
            if resumed is None:
                return
            row = resumed
        if row is None:
            return
        yield row
        last = int(row[0])
        if last >= MAX_ROWID:
            return


def _skip_damage(next_after: NextRow, last: int, on_failure: Callable[[], None]) -> Row | None:
    """The first readable row after a damaged stretch that starts past ``last``, or None.

    Jump ahead by doubling steps until a read works, then halve the step back towards the
    damage, keeping the earliest start that still reads: rows on the damaged page are lost,
    their neighbours are not.
    """
    step = 1
    good: tuple[int, Row | None] | None = None
    bad = last
    while good is None:
        start = min(last + step, MAX_ROWID)
        try:
            good = (start, next_after(start))
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise
            on_failure()
            bad = start
            if start >= MAX_ROWID:
                return None
            step *= 2
    # A read starting at good[0] works and one starting at bad fails: narrow the gap.
    low, (high, found) = bad, good
    while high - low > 1:
        middle = (low + high) // 2
        try:
            row = next_after(middle)
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise
            on_failure()
            low = middle
            continue
        high, found = middle, row
    return found


# -- copying into a fresh file ------------------------------------------------------------------


@dataclass(frozen=True)
class SalvageReport:
    """What became of a damaged file: where it went and how many rows came back."""

    damaged_copy: Path
    problem: str  # what SQLite said
    recovered: dict[str, int]  # rows copied, per table
    damaged_tables: tuple[str, ...]  # tables with rows that could not be read

    @property
    def complete(self) -> bool:
        return not self.damaged_tables


def copy_readable_rows(
    source: Path, target: sqlite3.Connection, tables: Sequence[str]
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Copy every readable row of ``tables`` from the file ``source`` into ``target`` (whose
    schema exists already); returns the rows copied per table and the damaged tables.

    Only the columns both schemas have are copied (a file from an older or newer schema
    still gives up its rows); a row the target refuses (a NOT NULL column that came back
    empty, a duplicate key) is skipped. One transaction: all of it or nothing.
    """
    copied: dict[str, int] = {}
    damaged: list[str] = []
    try:
        source_conn = open_read_only(source)
    except sqlite3.Error:
        return {table: 0 for table in tables}, tuple(tables)
    try:
        target.execute("BEGIN IMMEDIATE")
        try:
            for table in tables:
                wanted = columns_of(target, table)
                found = set(columns_of(source_conn, table))
                columns = [c for c in wanted if c in found]
                if not columns:
                    copied[table] = 0
                    damaged.append(table)
                    continue
                salvage = read_table(source_conn, table, columns)
                if salvage.damaged:
                    damaged.append(table)
                insert = (
                    f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})"
                )
                count = 0
                for row in salvage.rows:
                    count += target.execute(insert, [row[c] for c in columns]).rowcount
                copied[table] = count
        except BaseException:
            target.execute("ROLLBACK")
            raise
        target.execute("COMMIT")
    finally:
        source_conn.close()
    return copied, tuple(damaged)
