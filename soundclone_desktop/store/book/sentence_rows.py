"""Sentence takes and redo marks as stored (tables ``sentence_takes`` and ``redo_tasks``,
schema 3). They live beside the :class:`~..core.book.model.Book` value rather than in it:
nothing of the book's segmentation depends on them, and a keystroke's save never touches
them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Final

from soundclone_desktop.core.book.sentence_takes import RedoMark, RedoPiece, SentenceTake

SENTENCE_TAKE_COLUMNS: Final = (
    "id, chapter_id, segment_id, sentence_start, sentence_end, base_take_id, base_start_s, "
    "base_end_s, audio_path, speech_start_s, speech_end_s, duration, created_at, "
    "task_local_id, request_text, fingerprint, chosen, findings"
)
REDO_COLUMNS: Final = "local_id, chapter_id, pieces, phase, reason"


def sentence_take_row(take: SentenceTake) -> tuple[Any, ...]:
    return (
        take.id, take.chapter_id, take.segment_id, take.sentence_start, take.sentence_end,
        take.base_take_id, take.base_start_s, take.base_end_s, take.audio_path,
        take.speech_start_s, take.speech_end_s, take.duration, take.created_at,
        take.task_local_id, take.request_text, take.fingerprint, int(take.chosen),
        json.dumps(list(take.findings), ensure_ascii=False),
    )  # fmt: skip


def sentence_take_from(row: tuple[Any, ...]) -> SentenceTake | None:
    """The take of a stored row; ``None`` for a row that cannot be read (a salvaged file)."""
    try:
        findings = json.loads(row[17]) if row[17] else []
        return SentenceTake(
            id=str(row[0]), chapter_id=str(row[1]), segment_id=str(row[2]),
            sentence_start=int(row[3]), sentence_end=int(row[4]), base_take_id=str(row[5]),
            base_start_s=float(row[6]), base_end_s=float(row[7]), audio_path=str(row[8]),
            speech_start_s=float(row[9]), speech_end_s=float(row[10]), duration=float(row[11]),
            created_at=float(row[12]), task_local_id=str(row[13]), request_text=str(row[14]),
            fingerprint=str(row[15]), chosen=bool(row[16]),
            findings=tuple(f for f in findings if isinstance(f, dict)),
        )  # fmt: skip
    except (TypeError, ValueError, IndexError):
        return None


def load_sentence_takes(conn: sqlite3.Connection) -> list[SentenceTake]:
    rows = conn.execute(
        f"SELECT {SENTENCE_TAKE_COLUMNS} FROM sentence_takes ORDER BY created_at, id"
    )
    return [take for row in rows if (take := sentence_take_from(row)) is not None]


def write_sentence_take(conn: sqlite3.Connection, take: SentenceTake) -> None:
    marks = ", ".join("?" * 18)
    conn.execute(
        f"INSERT OR REPLACE INTO sentence_takes ({SENTENCE_TAKE_COLUMNS}) VALUES ({marks})",
        sentence_take_row(take),
    )


def redo_row(mark: RedoMark) -> tuple[Any, ...]:
    pieces = [
        [p.segment_id, p.sentence_start, p.sentence_end, p.base_take_id, p.base_start_s,
         p.base_end_s, p.text]
        for p in mark.pieces
    ]  # fmt: skip
    return (mark.local_id, mark.chapter_id, json.dumps(pieces, ensure_ascii=False),
            mark.phase, mark.reason)  # fmt: skip


def redo_from(row: tuple[Any, ...]) -> RedoMark | None:
    try:
        pieces = tuple(
            RedoPiece(str(s), int(a), int(b), str(base), float(x), float(y), str(text))
            for s, a, b, base, x, y, text in json.loads(row[2])
        )
        return RedoMark(str(row[0]), str(row[1]), pieces, str(row[3]), row[4])
    except (TypeError, ValueError, IndexError):
        return None


def load_redo_marks(conn: sqlite3.Connection) -> list[RedoMark]:
    rows = conn.execute(f"SELECT {REDO_COLUMNS} FROM redo_tasks ORDER BY rowid")
    return [mark for row in rows if (mark := redo_from(row)) is not None]
