"""The task library's file format: its tables, the schema version and the migrations.

The version is ``PRAGMA user_version``; each entry of ``_MIGRATIONS`` moves it one step. A
file from a newer app is refused (:class:`LibraryError`), never rewritten.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("soundclone_desktop.store.library")

SCHEMA_VERSION = 2


class LibraryError(Exception):
    """The library file cannot be used (for example it was written by a newer version)."""


def create_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE tasks (
            local_id      TEXT PRIMARY KEY,
            kind          TEXT NOT NULL,
            state         TEXT NOT NULL,
            task_id       TEXT,
            base_url      TEXT NOT NULL,
            demo          INTEGER NOT NULL,
            text          TEXT NOT NULL,
            params        TEXT,
            voice_id      TEXT,
            chars         INTEGER,
            estimate      TEXT,
            currency      TEXT,
            created_at    REAL NOT NULL,
            updated_at    REAL NOT NULL,
            duration      REAL,
            error         TEXT,
            reason        TEXT,
            audio_path    TEXT,
            subtitle_path TEXT,
            haystack      TEXT NOT NULL  -- casefolded text, task id, voice id: for search()
        )"""
    )
    conn.execute("CREATE INDEX tasks_created ON tasks (created_at)")
    conn.execute("CREATE INDEX tasks_task_id ON tasks (task_id)")
    conn.execute("CREATE INDEX tasks_state ON tasks (state)")
    conn.execute(
        """CREATE TABLE events (
            local_id TEXT NOT NULL REFERENCES tasks (local_id) ON DELETE CASCADE,
            state    TEXT NOT NULL,
            at       REAL NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX events_local_id ON events (local_id)")


def _add_owner_and_balance(conn: sqlite3.Connection) -> None:
    """v2: the process that wrote the intent (a live one's create is still in flight, not
    outcome-unknown) and the balance around a create whose outcome is unknown."""
    for column in (
        "owner_pid INTEGER",
        "owner_start TEXT",
        "balance_before TEXT",  # decimal text, like estimate
        "balance_after TEXT",
    ):
        conn.execute(f"ALTER TABLE tasks ADD COLUMN {column}")


# _MIGRATIONS[n] takes the schema from version n to n + 1. Append; never edit a shipped one.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    create_v1,
    _add_owner_and_balance,
)
assert len(_MIGRATIONS) == SCHEMA_VERSION


def check_version(conn: sqlite3.Connection, path: Path) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"The task library {path} was written by a newer version of SoundClone Desktop "
            f"(schema {version}, this version knows {SCHEMA_VERSION}). Update the app, or "
            "move the file away to start a new library."
        )
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = check_version(conn, path)
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current == version:
                _MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        log.info("Task library %s at schema version %d", path, version)
