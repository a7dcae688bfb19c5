"""Sentence takes and redo marks in the book store (schema 3): kept across a restart, one
chosen per sentence and each sentence chosen on its own, take 1 (none chosen) restorable,
and a schema 2 book migrated with none."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.sentence_takes import RedoMark, RedoPiece, SentenceTake
from soundclone_desktop.store.book import schema
from soundclone_desktop.store.book.store import BookStore

TAKE = SentenceTake(
    id="t-1", chapter_id="c", segment_id="s", sentence_start=0, sentence_end=10,
    base_take_id="base", base_start_s=0.5, base_end_s=1.5, audio_path="audio/t-1.wav",
    speech_start_s=0.02, speech_end_s=0.98, duration=1.0, created_at=1.0,
    task_local_id="job", request_text="Some text.", fingerprint="f", chosen=True,
)  # fmt: skip


def _store(tmp_path: Path) -> BookStore:
    settings = BookSettings(params=blank_params())
    book = Book(title="B", settings=settings, chapters=(Chapter("c", "One", "Some text."),))
    return BookStore.create(tmp_path / "B.scbook", book)


def test_sentence_takes_survive_a_restart_and_each_sentence_is_chosen_on_its_own(
    tmp_path: Path,
) -> None:
    second = replace(TAKE, id="t-2", created_at=2.0)
    other = replace(TAKE, id="u-1", sentence_start=20, sentence_end=30, created_at=3.0)
    finding: dict[str, object] = {"kind": "long-silence", "seconds": 0.4, "detail": "x"}
    flagged = replace(TAKE, id="t-3", created_at=4.0, chosen=False, findings=(finding,))
    with _store(tmp_path) as store:
        for take in (TAKE, second, other, flagged):
            store.add_sentence_take(take)
        store.add_sentence_take(TAKE)  # a resumed redo adopting the same take: no change
    with BookStore.open(tmp_path / "B.scbook") as store:
        takes = {t.id: t for t in store.sentence_takes("c")}
        assert list(takes) == ["t-1", "t-2", "u-1", "t-3"]
        # The newest chosen take of a sentence wins; the other sentence keeps its own;
        # a flagged take is kept with its findings and not chosen.
        assert [t.id for t in takes.values() if t.chosen] == ["t-2", "u-1"]
        assert takes["t-3"].findings == flagged.findings
        store.choose_sentence_take(TAKE.sentence_key, "t-1")
        store.choose_sentence_take(other.sentence_key, None)  # take 1 of that sentence
    with BookStore.open(tmp_path / "B.scbook") as store:
        assert [t.id for t in store.sentence_takes() if t.chosen] == ["t-1"]


def test_redo_marks_are_kept_until_cleared(tmp_path: Path) -> None:
    mark = RedoMark("job", "c", (RedoPiece("s", 0, 10, "base", 0.5, 1.5, "Some text."),))
    with _store(tmp_path) as store:
        store.record_redo(mark)
    with BookStore.open(tmp_path / "B.scbook") as store:
        assert store.redo_marks() == (mark,)
        store.record_redo(replace(mark, phase="failed", reason="outcome-unknown"))
        assert store.redo_marks()[0].reason == "outcome-unknown"
        store.clear_redo("job")
        assert store.redo_marks() == ()


def test_a_schema_2_book_migrates_to_schema_3_with_no_sentence_takes(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        book = store.book
    path = tmp_path / "B.scbook" / "book.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE sentence_takes")
    conn.execute("DROP TABLE redo_tasks")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with BookStore.open(tmp_path / "B.scbook") as store:
        assert store.book == book and store.sentence_takes() == ()
        store.add_sentence_take(TAKE)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 3
    assert conn.execute("SELECT id FROM sentence_takes").fetchall() == [("t-1",)]
    conn.close()
