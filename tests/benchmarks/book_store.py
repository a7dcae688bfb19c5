"""Opening and saving a big book: ``python -m tests.benchmarks.book_store``.

A synthetic 1,000,000-character book (``book_text.py``, cut into chapters of about 25,000
characters at line ends) with three takes on every segment is written once with
``BookStore.create``. Then, round by round, interleaved with a baseline that reads every row
of the same file with bare ``sqlite3`` (what any reader of the file must do):

- *open*: ``BookStore.open`` to a :class:`Book` in memory (then closed);
- *open + segments*: open, then the segments and status of every chapter (what the book
  view shows: the chapter list with its progress);
- *edit*: one chapter's text changed and saved (a transaction: the edited chapter's row and
  the takes that changed place);
- *take*: one take added (a durable commit, fsynced).

Writes JSON to ``$SOUNDCLONE_BENCH_RESULT_FILE`` (else stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from soundclone_desktop.core.book.model import (
    Book,
    BookSettings,
    Chapter,
    blank_params,
    chapter_segments,
)
from soundclone_desktop.core.book.takes import SegmentState, Take
from soundclone_desktop.store.book import BookStore
from tests.benchmarks.book_text import book_text
from tests.benchmarks.procs import RESULT_ENV

CHAPTER_CHARS = 25_000


def big_book(
    chars: int, takes_per_segment: int = 3, seed: int = 1, chapter_chars: int = CHAPTER_CHARS
) -> Book:
    """A book of ``chars`` characters whose every segment has ``takes_per_segment`` takes
    (files named but not written: opening never reads audio)."""
    text = book_text(chars, seed=seed)
    chapters: list[Chapter] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + chapter_chars)
        end = len(text) if end < 0 else end + 1
        number = len(chapters) + 1
        chapters.append(Chapter(f"chapter-{number:04d}", f"Chapter {number}", text[start:end]))
        start = end
    settings = BookSettings(blank_params())
    book = Book("A long book", "An Author", None, "zh-CN", settings, tuple(chapters))
    states: dict[tuple[str, str], SegmentState] = {}
    for chapter in chapters:
        for row in book.rows(chapter.id):
            takes = tuple(
                Take(
                    id=f"{chapter.id}-{row.segment.id}-{n}",
                    task_local_id=f"local-{n}",
                    audio_path=f"audio/{chapter.id}-{row.segment.id}-{n}.mp3",
                    subtitle_path=None,
                    duration=len(row.segment.request_text) / 5.0,
                    created_at=1_700_000_000.0 + n,
                    fingerprint=row.fingerprint,
                    request_text=row.segment.request_text,
                    chosen=n == takes_per_segment - 1,
                )
                for n in range(takes_per_segment)
            )
            if takes:
                states[(chapter.id, row.segment.id)] = SegmentState(takes)
    return Book(
        book.title, book.author, book.narrator, book.language, settings, book.chapters, states
    )


def timed(work: object) -> float:
    assert callable(work)
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def read_rows(path: Path) -> None:
    conn = sqlite3.connect(path)
    for table in ("book", "chapters", "takes", "segment_tasks"):
        conn.execute(f"SELECT * FROM {table}").fetchall()
    conn.close()


def open_book(folder: Path) -> None:
    BookStore.open(folder).close()


def open_with_segments(folder: Path) -> None:
    chapter_segments.cache_clear()  # a fresh process has no segments cached
    store = BookStore.open(folder)
    for chapter in store.book.chapters:
        store.rows(chapter.id)
    store.close()


def run(chars: int, rounds: int) -> dict[str, object]:
    book = big_book(chars)
    with tempfile.TemporaryDirectory(prefix="sc-book-") as tmp:
        folder = Path(tmp) / "Big.scbook"
        started = time.perf_counter()
        BookStore.create(folder, book).close()
        create = time.perf_counter() - started
        database = folder / "book.sqlite3"
        size = database.stat().st_size
        base, opens, views, edits, takes = [], [], [], [], []
        for n in range(rounds):
            base.append(timed(lambda: read_rows(database)))
            opens.append(timed(lambda: open_book(folder)))
            views.append(timed(lambda: open_with_segments(folder)))
            store = BookStore.open(folder)
            chapter = store.book.chapters[n % len(store.book.chapters)]
            edited = chapter.text.replace("\n", "\nEdited. ", 1)
            edits.append(timed(lambda: store.set_chapter_text(chapter.id, edited)))  # noqa: B023
            segment = store.book.segments(chapter.id)[-1]
            take = Take(f"extra-{n}", None, f"audio/extra-{n}.mp3", None, 1.0, 2e9, "x", "y")
            takes.append(timed(lambda: store.add_take(chapter.id, segment.id, take)))  # noqa: B023
            store.close()
    return {
        "chars": chars,
        "chapters": len(book.chapters),
        "segments": len(book.states),
        "takes": sum(len(s.takes) for s in book.states.values()),
        "file_bytes": size,
        "create": create,
        "baseline": base,
        "open": opens,
        "open_segments": views,
        "edit": edits,
        "take": takes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    output = json.dumps(run(args.chars, args.rounds))
    target = os.environ.get(RESULT_ENV)
    if target:
        Path(target).write_text(output, encoding="utf-8")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
