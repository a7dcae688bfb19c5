"""The book overview kept from one version of a book to the next: only the chapters that
changed are computed again. Pure (a lock makes one cache safe to share between threads).

Why: the book view recomputes its overview after every change (an edit saved, a take adopted
during a render, a rename). Computing a chapter's line means building its segment rows, a
request fingerprint per segment: about 0.15-0.3 s for a 1,000,000-character book, in a worker
thread that holds the GIL all along, so the GUI thread waited for it in 5 ms slices. A render
changes one segment at a time, an edit one chapter: the other chapters' figures are reused.

A chapter's figures depend on the chapter (title, text, exclusion, overrides), the book's
settings and rules, the prices and the states of its current segments; all are immutable
values, so the cache keys on them and never needs to be told what changed.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..pricing import PriceTable
from .estimate import BookEstimate, SegmentRef, estimate_selection
from .model import Book, Chapter
from .overview import BookOverview, ChapterOverview, chapter_overview
from .segment import Segment
from .takes import RenderStatus, SegmentState


@dataclass(frozen=True, slots=True)
class _Key:
    chapter: Chapter
    settings: object
    rules: object
    prices: PriceTable
    states: tuple[SegmentState | None, ...]

    def same(self, other: _Key) -> bool:
        # Identity first: unchanged chapters are the very same objects in the next book, and
        # comparing a 30,000-character text for equality would cost more than the check.
        return (
            (self.chapter is other.chapter or self.chapter == other.chapter)
            and (self.settings is other.settings or self.settings == other.settings)
            and (self.rules is other.rules or self.rules == other.rules)
            and self.prices == other.prices
            and self.states == other.states
        )


@dataclass(frozen=True, slots=True)
class _Figures:
    line: ChapterOverview
    billed: tuple[Segment, ...]  # as sent (the rules applied): what the estimate counts
    rendered: frozenset[str]  # segment IDs with current audio


class OverviewCache:
    """``overview(book, prices)`` as :func:`~.overview.book_overview` computes it, reusing the
    figures of every chapter unchanged since the last call; ``computed`` counts the chapters
    computed so far (what a test or a benchmark checks)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._chapters: dict[str, tuple[_Key, _Figures]] = {}
        self.computed = 0

    def overview(self, book: Book, prices: PriceTable) -> BookOverview:
        with self._lock:
            figures = [self._figures(book, c, prices) for c in book.chapters]
            self._chapters = {
                c.id: found for c, found in zip(book.chapters, figures, strict=True)
            }  # chapters removed from the book are forgotten
        lines = []
        rendered: set[SegmentRef] = set()
        for index, (_key, chapter) in enumerate(figures):
            line = chapter.line
            if line.number != index + 1:  # moved: its figures stand, its number does not
                line = dataclasses.replace(line, number=index + 1)
            lines.append(line)
            rendered |= {(index, segment_id) for segment_id in chapter.rendered}
        estimate = self._estimate(book, [f for _, f in figures], prices, None, rendered)
        return BookOverview(tuple(lines), estimate, frozenset(rendered))

    def estimate(
        self,
        book: Book,
        prices: PriceTable,
        chapter_ids: Collection[str],
        rendered: Collection[SegmentRef],
    ) -> BookEstimate:
        """The estimate of some chapters, as :func:`~.overview.estimate_chapters` gives it,
        from the figures of the last :meth:`overview` of ``book`` (computed if missing)."""
        with self._lock:
            figures = [self._figures(book, c, prices)[1] for c in book.chapters]
        return self._estimate(book, figures, prices, chapter_ids, rendered)

    def _figures(self, book: Book, chapter: Chapter, prices: PriceTable) -> tuple[_Key, _Figures]:
        segments = book.segments(chapter.id)
        states = tuple(book.states.get((chapter.id, s.id)) for s in segments)
        key = _Key(chapter, book.settings, book.rules, prices, states)
        cached = self._chapters.get(chapter.id)
        if cached is not None and cached[0].same(key):
            return cached
        self.computed += 1
        rows = book.rows(chapter.id)
        line = chapter_overview(chapter, 0, rows, prices)
        figures = _Figures(
            line=line,
            billed=tuple(r.billed for r in rows),
            rendered=frozenset(
                r.segment.id for r in rows if r.status.kind is RenderStatus.RENDERED
            ),
        )
        return key, figures

    @staticmethod
    def _estimate(
        book: Book,
        figures: Sequence[_Figures],
        prices: PriceTable,
        chapter_ids: Collection[str] | None,
        rendered: Collection[SegmentRef],
    ) -> BookEstimate:
        chosen = [
            index
            for index, chapter in enumerate(book.chapters)
            if not chapter.excluded and (chapter_ids is None or chapter.id in chapter_ids)
        ]
        items = ((index, segment) for index in chosen for segment in figures[index].billed)
        return estimate_selection(items, prices, rendered, chapters=len(chosen))
