"""The tables of ``book.sqlite3`` and their migrations (``PRAGMA user_version``)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 3
# PRAGMA application_id: "SCBK". Tells a book's database from any other SQLite file.
APPLICATION_ID: Final = 0x5343424B
TABLES: Final = (
    "book", "chapters", "takes", "segment_tasks", "rules", "sentence_takes", "redo_tasks",
)  # fmt: skip


class NewerSchemaError(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(f"schema {version}, this version knows {SCHEMA_VERSION}")
        self.version = version


def _create_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE book (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            title        TEXT NOT NULL,
            author       TEXT NOT NULL,
            narrator     TEXT,
            language     TEXT NOT NULL,
            settings     TEXT NOT NULL,  -- JSON (docs/book-format.md)
            segmentation TEXT NOT NULL   -- the segmenter the takes' orphan flags agree with
        )"""
    )
    conn.execute(
        """CREATE TABLE chapters (
            id        TEXT PRIMARY KEY,
            position  INTEGER NOT NULL,
            title     TEXT NOT NULL,
            text      TEXT NOT NULL,
            excluded  INTEGER NOT NULL,
            overrides TEXT NOT NULL      -- JSON
        )"""
    )
    conn.execute(
        """CREATE TABLE takes (
            id            TEXT PRIMARY KEY,
            chapter_id    TEXT NOT NULL,
            segment_id    TEXT NOT NULL,
            task_local_id TEXT,
            audio_path    TEXT NOT NULL,  -- relative to the book folder (POSIX), or absolute
            subtitle_path TEXT,
            duration      REAL,
            created_at    REAL NOT NULL,
            fingerprint   TEXT NOT NULL,
            request_text  TEXT NOT NULL,
            chosen        INTEGER NOT NULL,
            orphan        INTEGER NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX takes_segment ON takes (chapter_id, segment_id)")
    conn.execute(
        """CREATE TABLE segment_tasks (
            chapter_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            local_id   TEXT NOT NULL,     -- the task library's local_id
            phase      TEXT NOT NULL,
            reason     TEXT,
            PRIMARY KEY (chapter_id, segment_id)
        )"""
    )


def _add_rules_v2(conn: sqlite3.Connection) -> None:
    """Pronunciation rules (issue 15): the table is new, a book without rules has none."""
    conn.execute(
        """CREATE TABLE rules (
            id         INTEGER PRIMARY KEY,  -- the number the user sees (CLI: rules remove N)
            position   INTEGER NOT NULL,     -- table order: an earlier rule wins an overlap
            find       TEXT NOT NULL,
            replace    TEXT NOT NULL,
            regex      INTEGER NOT NULL,
            chapter_id TEXT,                 -- NULL: the whole book
            enabled    INTEGER NOT NULL
        )"""
    )


def _add_sentence_takes_v3(conn: sqlite3.Connection) -> None:
    """Sentence takes and redo tasks (issue 15): new tables; a book without redos has none.

    Columns are described in docs/book-format.md, not in SQL comments: the schema's text
    lives in the database's first page, and must stay on it (a damaged later page then
    never hides every table from salvage)."""
    conn.execute(
        """CREATE TABLE sentence_takes (
            id TEXT PRIMARY KEY, chapter_id TEXT NOT NULL, segment_id TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            base_take_id TEXT NOT NULL, base_start_s REAL NOT NULL, base_end_s REAL NOT NULL,
            audio_path TEXT NOT NULL, speech_start_s REAL NOT NULL, speech_end_s REAL NOT NULL,
            duration REAL NOT NULL, created_at REAL NOT NULL, task_local_id TEXT NOT NULL,
            request_text TEXT NOT NULL, fingerprint TEXT NOT NULL, chosen INTEGER NOT NULL,
            findings TEXT NOT NULL)"""
    )
    conn.execute(
        """CREATE TABLE redo_tasks (local_id TEXT PRIMARY KEY, chapter_id TEXT NOT NULL,
            pieces TEXT NOT NULL, phase TEXT NOT NULL, reason TEXT)"""
    )


# _MIGRATIONS[n] takes the schema from version n to n + 1. Append; never edit a shipped one.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_v1, _add_rules_v2, _add_sentence_takes_v3,
)  # fmt: skip
assert len(_MIGRATIONS) == SCHEMA_VERSION


def schema_version(conn: sqlite3.Connection) -> int:
    """The file's schema version; raises :class:`NewerSchemaError` for a newer app's file."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    return version


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = schema_version(conn)
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) == version:
                _MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version = schema_version(conn)
        log.info("Book %s at schema version %d", path, version)
