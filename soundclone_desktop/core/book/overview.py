"""A book at a glance: each chapter's render state, duration and cost, and the estimate of
the book or of some chapters. Pure; the book view computes it in a worker thread (segmenting
a million characters takes about 0.1 s) and shows the result.

A chapter's state sums up its segments' statuses (:mod:`.takes`), the most pressing first:
a render in flight, then a failure, then stale audio, then how much is rendered. Excluded
chapters (front matter) are neither estimated nor rendered.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..pricing import PriceTable
from .estimate import BookEstimate, Cost, SegmentRef, cost_of, estimate_selection
from .model import Book, Chapter, SegmentRow
from .segment import Segment
from .takes import RenderStatus


class ChapterState(StrEnum):
    NOT_RENDERED = "not-rendered"
    PARTLY_RENDERED = "partly-rendered"  # some segments have current audio, none in flight
    RENDERING = "rendering"  # segments queued or being rendered
    RENDERED = "rendered"  # every segment has current audio
    FAILED = "failed"  # a segment failed and has no current audio
    STALE = "stale"  # a segment's audio was made for other text, voice or parameters
    EXCLUDED = "excluded"  # front matter: not rendered, not estimated
    EMPTY = "empty"  # nothing to say


@dataclass(frozen=True, slots=True)
class ChapterOverview:
    chapter_id: str
    number: int  # 1-based reading position
    title: str
    state: ChapterState
    done: int  # segments with current audio
    total: int  # segments that need a task
    duration: float | None  # seconds of the current audio (None: none rendered)
    cost: Cost  # the whole chapter
    paid: Decimal | None  # the part already rendered
    reason: str | None = None  # the first failure's reason
    first_audio: str | None = None  # the first segment's chosen take (stored path)


@dataclass(frozen=True, slots=True)
class BookOverview:
    chapters: tuple[ChapterOverview, ...]
    estimate: BookEstimate  # the included chapters
    rendered: frozenset[SegmentRef]  # (chapter index, segment ID) with current audio

    def chapter(self, chapter_id: str) -> ChapterOverview:
        return next(c for c in self.chapters if c.chapter_id == chapter_id)


def chapter_overview(
    chapter: Chapter, number: int, rows: list[SegmentRow], prices: PriceTable
) -> ChapterOverview:
    """One chapter's line in the list, from its segment rows."""
    needed = [r for r in rows if r.segment.needs_task]
    kinds = [r.status.kind for r in needed]
    rendered = [r for r in needed if r.status.kind is RenderStatus.RENDERED]
    durations = [t.duration for r in rendered if (t := r.state.chosen) and t.duration]
    failures = [r.status.reason for r in needed if r.status.kind is RenderStatus.FAILED]
    cost = cost_of((r.segment for r in rows), prices)
    paid = cost_of((r.segment for r in rendered), prices).cost
    first = needed[0].state.chosen if needed else None
    return ChapterOverview(
        chapter_id=chapter.id,
        number=number,
        title=chapter.title,
        state=_state(kinds, excluded=chapter.excluded),
        done=len(rendered),
        total=len(needed),
        duration=sum(durations) if durations else None,
        cost=cost,
        paid=paid,
        reason=next((r for r in failures if r), None),
        first_audio=first.audio_path if first is not None and rendered else None,
    )


def _state(kinds: list[RenderStatus], *, excluded: bool) -> ChapterState:
    if excluded:
        return ChapterState.EXCLUDED
    if not kinds:
        return ChapterState.EMPTY
    present = set(kinds)
    if present & {RenderStatus.QUEUED, RenderStatus.RENDERING}:
        return ChapterState.RENDERING
    if RenderStatus.FAILED in present:
        return ChapterState.FAILED
    if RenderStatus.STALE in present:
        return ChapterState.STALE
    if present == {RenderStatus.RENDERED}:
        return ChapterState.RENDERED
    if RenderStatus.RENDERED in present:
        return ChapterState.PARTLY_RENDERED
    return ChapterState.NOT_RENDERED


def book_overview(book: Book, prices: PriceTable) -> BookOverview:
    """Every chapter's line and the estimate of the included chapters."""
    lines = []
    rendered: set[SegmentRef] = set()
    for index, chapter in enumerate(book.chapters):
        rows = book.rows(chapter.id)
        lines.append(chapter_overview(chapter, index + 1, rows, prices))
        rendered |= {(index, r.segment.id) for r in rows if r.status.kind is RenderStatus.RENDERED}
    return BookOverview(
        tuple(lines), estimate_chapters(book, prices, None, rendered), frozenset(rendered)
    )


def estimate_chapters(
    book: Book,
    prices: PriceTable,
    chapter_ids: Collection[str] | None,
    rendered: Collection[SegmentRef],
) -> BookEstimate:
    """The estimate of the included chapters among ``chapter_ids`` (``None``: the book)."""
    chosen = [
        (index, chapter.id)
        for index, chapter in enumerate(book.chapters)
        if not chapter.excluded and (chapter_ids is None or chapter.id in chapter_ids)
    ]
    return estimate_selection(_selection(book, chosen), prices, rendered, chapters=len(chosen))


def _selection(book: Book, chosen: Iterable[tuple[int, str]]) -> Iterable[tuple[int, Segment]]:
    for index, chapter_id in chosen:
        for row in book.rows(chapter_id):
            yield index, row.billed  # as sent: pronunciation rules change what is billed
