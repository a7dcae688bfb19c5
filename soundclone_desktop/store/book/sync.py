"""Writing a book as the difference between the book before and after a change: a
keystroke's save writes one chapter row, not the book."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from soundclone_desktop.core.book.model import SEGMENTATION, Book
from soundclone_desktop.core.book.takes import Take

from . import codec

Rows = dict[tuple[Any, ...], tuple[Any, ...]]
"""Table rows by primary key."""


def write_difference(
    conn: sqlite3.Connection, old: Book | None, new: Book, *, force_meta: bool = False
) -> None:
    meta = _meta_row(new)
    if old is None or force_meta or _meta_row(old) != meta:
        conn.execute(
            "INSERT OR REPLACE INTO book (id, title, author, narrator, language, settings, "
            "segmentation) VALUES (1, ?, ?, ?, ?, ?, ?)",
            meta,
        )
    _sync_rows(
        conn, "chapters", "id, position, title, text, excluded, overrides", "id = ?",
        _chapter_rows(old), _chapter_rows(new),
    )  # fmt: skip
    _sync_rows(
        conn, "takes", codec.TAKE_COLUMNS, "id = ?", _take_rows(old), _take_rows(new),
    )  # fmt: skip
    _sync_rows(
        conn, "segment_tasks", "chapter_id, segment_id, local_id, phase, reason",
        "chapter_id = ? AND segment_id = ?", _mark_rows(old), _mark_rows(new),
    )  # fmt: skip
    _sync_rows(
        conn, "rules", codec.RULE_COLUMNS, "id = ?", _rule_rows(old), _rule_rows(new),
    )  # fmt: skip


def _sync_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: str,
    where: str,
    old: Rows,
    new: Rows,
) -> None:
    """Delete the rows whose key is gone, write the new and changed ones."""
    gone = list(old.keys() - new.keys())
    if gone:
        conn.executemany(f"DELETE FROM {table} WHERE {where}", gone)
    changed = [row for key, row in new.items() if old.get(key) != row]
    if changed:
        marks = ", ".join("?" * len(changed[0]))
        conn.executemany(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})", changed)


def _meta_row(book: Book) -> tuple[Any, ...]:
    return (
        book.title, book.author, book.narrator, book.language,
        codec.settings_json(book.settings), SEGMENTATION,
    )  # fmt: skip


def _chapter_rows(book: Book | None) -> Rows:
    if book is None:
        return {}
    return {
        (c.id,): (c.id, i, c.title, c.text, int(c.excluded), codec.overrides_json(c.overrides))
        for i, c in enumerate(book.chapters)
    }


def _take_rows(book: Book | None) -> Rows:
    if book is None:
        return {}
    rows: Rows = {}
    for (chapter_id, segment_id), state in book.states.items():
        for take in state.takes:
            rows[(take.id,)] = codec.take_row(chapter_id, segment_id, take, orphan=False)
    for orphan in book.orphans:
        rows[(orphan.take.id,)] = codec.take_row(
            orphan.chapter_id, orphan.segment_id, orphan.take, orphan=True
        )
    return rows


def _mark_rows(book: Book | None) -> Rows:
    if book is None:
        return {}
    return {
        key: (*key, state.task.local_id, state.task.phase.value, state.task.reason)
        for key, state in book.states.items()
        if state.task is not None
    }


def _rule_rows(book: Book | None) -> Rows:
    if book is None:
        return {}
    return {(r.id,): codec.rule_row(i, r) for i, r in enumerate(book.rules)}


def one_chosen(takes: tuple[Take, ...]) -> tuple[Take, ...]:
    """At most one chosen take (the newest), whatever a damaged file says."""
    chosen = [t for t in takes if t.chosen]
    if len(chosen) <= 1:
        return takes
    keep = chosen[-1].id
    return tuple(replace(t, chosen=t.id == keep) if t.chosen else t for t in takes)


def with_takes_replaced(book: Book, takes: dict[str, Take]) -> Book:
    states = {
        key: replace(state, takes=tuple(takes.get(t.id, t) for t in state.takes))
        for key, state in book.states.items()
    }
    orphans = tuple(replace(o, take=takes.get(o.take.id, o.take)) for o in book.orphans)
    return replace(book, states=states, orphans=orphans)
