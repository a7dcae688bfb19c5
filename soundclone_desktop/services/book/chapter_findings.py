"""The findings of a chapter as it is heard now: the automatic checks of each segment's
chosen take, except for sentences whose chosen take is a redo (a sentence take spliced over
the segment take's sound), which show that take's own findings instead. Blocking (decodes
takes; a caller's ``cache`` keeps each take's measurement, so a repeat costs little).
"""

from __future__ import annotations

from bisect import bisect_right

from soundclone_desktop.core.book.checks import CheckKind, Finding
from soundclone_desktop.core.book.sentence_takes import SentenceTake
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.services.book.checks import TakeMeasurement, check_chapter
from soundclone_desktop.store.book.store import BookStore

__all__ = ["chapter_findings", "heard_redos"]


def heard_redos(store: BookStore, chapter_id: str) -> dict[int, SentenceTake]:
    """The chapter's sentences heard from a redo take now, by number: the chosen sentence
    take cut against its segment's chosen take."""
    starts = [start for start, _ in sentence_spans(store.book.chapter(chapter_id).text)]
    rows = {row.segment.id: row for row in store.rows(chapter_id)}
    heard: dict[int, SentenceTake] = {}
    for take in store.sentence_takes(chapter_id):
        row = rows.get(take.segment_id)
        base = row.state.chosen if row is not None else None
        if row is None or base is None or not take.chosen or take.base_take_id != base.id:
            continue
        heard[max(1, bisect_right(starts, row.segment.start + take.sentence_start))] = take
    return heard


def chapter_findings(
    store: BookStore, chapter_id: str, cache: dict[str, TakeMeasurement] | None = None
) -> list[Finding]:
    """Findings of the chapter, by sentence number then time."""
    number = next(i for i, c in enumerate(store.book.chapters, 1) if c.id == chapter_id)
    redos = heard_redos(store, chapter_id)
    redone = [
        Finding(
            CheckKind(str(f.get("kind"))),
            number,
            sentence,
            float(str(f.get("seconds", 0.0))),
            str(f.get("detail", "")),
            take.segment_id,
        )
        for sentence, take in redos.items()
        for f in take.findings
    ]
    kept = [f for f in check_chapter(store, chapter_id, cache=cache) if f.sentence not in redos]
    return sorted([*kept, *redone], key=lambda f: (f.sentence, f.seconds))
