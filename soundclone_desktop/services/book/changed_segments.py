"""Which segments of a chapter's text (as it is in the editor, maybe not saved yet) would
not sound as written if played now: rendered once, then changed. Pure (no files).

Two ways a segment changes after its render:
- its ID stays (the text is the same) but the request it would send differs: a pronunciation
  rule, the voice or a parameter changed, so its chosen take is ``stale``;
- its text was edited: segment IDs are content hashes, so the edited segment is a new one
  with no take, and the old one's takes wait as orphans. Such a segment counts as changed
  when an orphan take of its chapter said mostly the same text (a new paragraph, or a
  chapter never rendered, is only "not rendered").
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from soundclone_desktop.core.book.estimate import cost_of
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.book.takes import RenderStatus
from soundclone_desktop.core.pricing import PriceTable

__all__ = ["ChangedSegment", "changed_segments"]

SAME_TEXT_RATIO: Final = 0.5  # an edit keeps at least this much of what was rendered


@dataclass(frozen=True, slots=True)
class ChangedSegment:
    """The segment's ``[start, end)`` in the chapter text and what rendering it again costs
    (None without prices)."""

    start: int
    end: int
    cost: Decimal | None


def changed_segments(
    book: Book, chapter_id: str, text: str, prices: PriceTable
) -> tuple[ChangedSegment, ...]:
    """The changed segments of the chapter with ``text`` as its text (module doc)."""
    if book.chapter(chapter_id).text != text:
        book = book.with_chapter_text(chapter_id, text)
    rendered = [o.take.request_text for o in book.orphans if o.chapter_id == chapter_id]
    changed = []
    for row in book.rows(chapter_id):
        if not row.segment.needs_task:
            continue
        kind = row.status.kind
        edited = kind is RenderStatus.NOT_RENDERED and _was_rendered(
            row.billed.request_text, rendered
        )
        if kind is RenderStatus.STALE or edited:
            cost = cost_of([row.billed], prices).cost
            changed.append(ChangedSegment(row.segment.start, row.segment.end, cost))
    return tuple(changed)


def _was_rendered(sent: str, rendered: Sequence[str]) -> bool:
    for before in rendered:
        matcher = difflib.SequenceMatcher(None, sent, before)
        if matcher.quick_ratio() >= SAME_TEXT_RATIO and matcher.ratio() >= SAME_TEXT_RATIO:
            return True
    return False
