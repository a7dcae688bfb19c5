"""What a render would do: the segments of a selection still to render, in reading order, and
their estimate. Pure apart from reading the book value it is given.

A selection is a whole book (excluded chapters left out), some chapters, or some segments.
A segment is left out of the plan when it is rendered with a current take, when a task of
its is queued or in flight (resuming settles those), when it has nothing to say, and, unless
failures are asked for, when its last attempt failed. A failure whose outcome is unknown
(the create may have been charged) is never planned again automatically: only a render of
exactly that failure, asked for by the user, sends it again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from soundclone_desktop.core.book.estimate import BookEstimate, estimate_selection
from soundclone_desktop.core.book.model import Book, SegmentRow
from soundclone_desktop.core.book.segment import Segment
from soundclone_desktop.core.book.takes import RenderStatus, SegmentKey, segment_status
from soundclone_desktop.core.jobs import FailureReason
from soundclone_desktop.core.pricing import PriceTable, estimate_production

OUTCOME_UNKNOWN = FailureReason.OUTCOME_UNKNOWN.value


@dataclass(frozen=True, slots=True)
class Selection:
    """What to render: every chapter not excluded (both ``None``), the chapters named by
    ``chapters`` (excluded ones too: the user named them), or the segments in ``segments``."""

    chapters: tuple[str, ...] | None = None
    segments: frozenset[SegmentKey] | None = None

    @classmethod
    def book(cls) -> Selection:
        return cls()

    @classmethod
    def of_chapters(cls, chapter_ids: Iterable[str]) -> Selection:
        return cls(chapters=tuple(chapter_ids))

    @classmethod
    def of_segments(cls, keys: Iterable[SegmentKey]) -> Selection:
        return cls(segments=frozenset(keys))

    def chapter_ids(self, book: Book) -> list[str]:
        """The chapters this selection touches, in reading order."""
        if self.segments is not None:
            wanted = {chapter for chapter, _ in self.segments}
            return [c.id for c in book.chapters if c.id in wanted]
        if self.chapters is not None:
            named = set(self.chapters)
            unknown = named - {c.id for c in book.chapters}
            if unknown:
                raise KeyError(f"no such chapter: {sorted(unknown)}")
            return [c.id for c in book.chapters if c.id in named]
        return [c.id for c in book.chapters if not c.excluded]

    def takes_in(self, key: SegmentKey) -> bool:
        return self.segments is None or key in self.segments


@dataclass(frozen=True, slots=True)
class PlannedSegment:
    """One task to send: a segment and the request it is rendered with."""

    chapter_index: int  # position of its chapter in the book (reading order)
    row: SegmentRow

    @property
    def key(self) -> SegmentKey:
        return (self.row.chapter_id, self.row.segment.id)

    @property
    def segment(self) -> Segment:
        return self.row.segment

    @property
    def chars(self) -> int:
        return self.row.billed.billable_chars  # as sent: pronunciation rules applied


@dataclass(frozen=True, slots=True)
class RenderPlan:
    """The segments a render sends (``items``, reading order) and the estimate of the whole
    selection: ``estimate.total``, what is already paid and rendered (``estimate.rendered``)
    and what this plan would spend (``estimate.remaining``).

    ``scope`` lists every segment of the selection that needs a task (rendered ones too), by
    chapter, for progress: done / total per chapter.

    ``book`` is the book value planned from and ``rows`` its rows of the selection's
    chapters: while the book is that very value, the render reuses them instead of computing
    every segment's request fingerprint again (on the GUI thread, the click's stall).
    """

    items: tuple[PlannedSegment, ...]
    estimate: BookEstimate
    scope: tuple[tuple[str, tuple[SegmentKey, ...]], ...]
    skipped_failed: tuple[SegmentKey, ...] = ()  # failed earlier and not asked for again
    skipped_unknown: tuple[SegmentKey, ...] = ()  # outcome unknown: the user decides
    book: Book | None = field(default=None, compare=False, repr=False)
    rows: Mapping[str, Sequence[SegmentRow]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def tasks(self) -> int:
        return len(self.items)

    @property
    def billable_chars(self) -> int:
        return sum(item.chars for item in self.items)

    @property
    def cost(self) -> Decimal | None:
        return self.estimate.remaining.cost

    def to_json(self) -> dict[str, object]:
        return {
            "estimate": self.estimate.to_json(),
            "tasks": self.tasks,
            "billable_chars": self.billable_chars,
            "segments": [[c, s] for c, s in (item.key for item in self.items)],
            "skipped_failed": [list(k) for k in self.skipped_failed],
            "skipped_unknown": [list(k) for k in self.skipped_unknown],
        }


def build_plan(
    book: Book,
    selection: Selection,
    prices: PriceTable,
    *,
    failed: bool = False,
    only: Collection[SegmentKey] | None = None,
    outcome_unknown: bool = False,
) -> RenderPlan:
    """The plan of ``selection`` (see the module doc). ``failed``: failed segments are
    planned again; ``only``: just these segments; ``outcome_unknown``: segments whose outcome
    is unknown are planned too (the user decided to send them again)."""
    items: list[PlannedSegment] = []
    pairs: list[tuple[int, Segment]] = []
    rendered: set[tuple[int, str]] = set()
    scope: list[tuple[str, tuple[SegmentKey, ...]]] = []
    skipped_failed: list[SegmentKey] = []
    skipped_unknown: list[SegmentKey] = []
    index_of = {c.id: i for i, c in enumerate(book.chapters)}
    rows_of: dict[str, Sequence[SegmentRow]] = {}
    for chapter_id in selection.chapter_ids(book):
        index = index_of[chapter_id]
        keys: list[SegmentKey] = []
        rows_of[chapter_id] = book.rows(chapter_id)
        for row in rows_of[chapter_id]:
            key = (chapter_id, row.segment.id)
            if not row.segment.needs_task or not selection.takes_in(key):
                continue
            keys.append(key)
            pairs.append((index, row.billed))
            kind = row.status.kind
            if kind is RenderStatus.RENDERED:
                rendered.add((index, row.segment.id))
                continue
            if only is not None and key not in only:
                continue
            if kind in (RenderStatus.QUEUED, RenderStatus.RENDERING):
                continue  # in flight or to be settled by resume(); never sent twice
            if kind is RenderStatus.FAILED:
                unknown = row.status.reason == OUTCOME_UNKNOWN
                if unknown and not outcome_unknown:
                    skipped_unknown.append(key)
                    continue
                if not unknown and not failed:
                    skipped_failed.append(key)
                    continue
            items.append(PlannedSegment(index, row))
        scope.append((chapter_id, tuple(keys)))
    planned = {(item.chapter_index, item.segment.id) for item in items}
    # Segments neither rendered nor planned (skipped failures, tasks in flight) are left out
    # of "remaining": the estimate says what this render spends.
    pairs = [(c, s) for c, s in pairs if (c, s.id) in rendered or (c, s.id) in planned]
    estimate = estimate_selection(pairs, prices, rendered, chapters=len(scope))
    return RenderPlan(
        tuple(items), estimate, tuple(scope), tuple(skipped_failed), tuple(skipped_unknown),
        book, rows_of,
    )  # fmt: skip


def rows_now(plan: RenderPlan, book: Book) -> Mapping[str, Sequence[SegmentRow]]:
    """The rows of the plan's chapters in ``book``: the plan's own while ``book`` is the
    value it was made from, else computed (blocking: a request fingerprint per segment)."""
    if plan.book is book:
        return plan.rows
    known = {c.id for c in book.chapters}
    return {c: book.rows(c) for c, _ in plan.scope if c in known}


def replanned(
    plan: RenderPlan, book: Book, prices: PriceTable, also: Collection[SegmentKey] = ()
) -> RenderPlan:
    """What is left to send of ``plan`` in ``book``, plus ``also`` (segments whose create
    never left): the plan itself while ``book`` is the value it was made from, else planned
    again (blocking). Never a segment the user did not approve."""
    if plan.book is book and not also:
        return plan
    wanted = {i.key for i in plan.items} | set(also)
    selection = Selection.of_segments(key for _, keys in plan.scope for key in keys)
    return build_plan(book, selection, prices, failed=True, only=wanted, outcome_unknown=True)


def task_price(chars: int, prices: PriceTable) -> Decimal | None:
    """What one task of ``chars`` billable characters costs (None: prices unknown)."""
    return estimate_production(chars, prices).total


_STILL_TO_RENDER = (
    RenderStatus.QUEUED, RenderStatus.NOT_RENDERED, RenderStatus.STALE, RenderStatus.FAILED,
)  # fmt: skip


def still_wanted(item: PlannedSegment, book: Book, planned_from: Book | None = None) -> bool:
    """The segment still exists with the same request and has no current take (the text
    may have been edited while it waited). ``planned_from``: the book the item was planned
    in; while the chapter, the settings and the rules are the same values, the request is
    the same and only the segment's state is read (a chapter's rows cost a fingerprint per
    segment: milliseconds on the GUI thread for every task sent)."""
    chapter_id = item.row.chapter_id
    try:
        chapter = book.chapter(chapter_id)
    except KeyError:
        return False
    if planned_from is not None and _same_request(book, planned_from, chapter_id, chapter):
        status = segment_status(book.state(chapter_id, item.segment.id), item.row.fingerprint)
        return status.kind in _STILL_TO_RENDER
    for row in book.rows(chapter_id):
        if row.segment.id == item.segment.id:
            return row.fingerprint == item.row.fingerprint and row.status.kind in _STILL_TO_RENDER
    return False


def _same_request(book: Book, before: Book, chapter_id: str, chapter: object) -> bool:
    try:
        earlier = before.chapter(chapter_id)
    except KeyError:
        return False
    return chapter is earlier and book.settings is before.settings and book.rules is before.rules
