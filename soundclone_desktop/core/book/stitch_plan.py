"""What a chapter's stitched audio is made of: its chosen takes in reading order and the
silence after each. Pure (the audio work is ``services/book/stitch.py``).

Gaps (:class:`~.model.Gaps`, seconds of digital silence, never billed pause markers):

- after a segment that ends a paragraph: ``between_paragraphs``; inside a paragraph:
  ``between_segments``. A blank segment (whitespace only: no take) is skipped, but a
  paragraph end it carries still counts for the segment before it;
- after the chapter's first segment when that segment is the chapter's heading line:
  ``after_title``. The first segment is a heading when its spoken text is one line that
  equals the chapter's title (compared without case, width or whitespace differences and
  without trailing ``.:：。``) or that the built-in heading patterns recognise
  (``Chapter 12``, ``第十二章 重逢``). When the heading shares its segment with the text after
  it (the segmenter packs paragraphs), the narrator's own pause after it is kept and no gap
  is added: cutting a paid take would need to know where the title ends in it;
- ``chapter_head`` before the first take and ``chapter_tail`` after the last.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .chapters import heading_kind
from .model import Book, Gaps, SegmentRow
from .segment import Segment
from .takes import Take

_TRAILING = re.compile(r"[\s.:：。]+$")


@dataclass(frozen=True, slots=True)
class StitchPart:
    """One spoken segment, its chosen take and the silence after it (the last part's is the
    chapter's tail)."""

    segment: Segment
    take: Take
    gap_after_s: float


@dataclass(frozen=True, slots=True)
class StitchPlan:
    chapter_id: str
    parts: tuple[StitchPart, ...]
    head_s: float
    tail_s: float
    missing: tuple[Segment, ...]  # spoken segments without a current chosen take

    @property
    def ready(self) -> bool:
        return bool(self.parts) and not self.missing


def current_take(row: SegmentRow) -> Take | None:
    """The row's chosen take if it was rendered from the segment's current request."""
    chosen = row.state.chosen
    return chosen if chosen is not None and chosen.fingerprint == row.fingerprint else None


def plan_stitch(book: Book, chapter_id: str) -> StitchPlan:
    """The plan of the chapter (``KeyError`` for an unknown chapter)."""
    chapter = book.chapter(chapter_id)
    gaps = book.settings.gaps
    spoken: list[tuple[SegmentRow, Take | None]] = []
    paragraph_after: list[bool] = []
    for row in book.rows(chapter_id):
        if not row.segment.needs_task:
            if paragraph_after:
                paragraph_after[-1] = paragraph_after[-1] or row.segment.paragraph_end
            continue
        spoken.append((row, current_take(row)))
        paragraph_after.append(row.segment.paragraph_end)
    missing = tuple(row.segment for row, take in spoken if take is None)
    parts: list[StitchPart] = []
    last = len(spoken) - 1
    for index, (row, take) in enumerate(spoken):
        if take is None:
            continue
        gap = _gap_after(gaps, index, last, paragraph_after[index], row.segment, chapter.title)
        parts.append(StitchPart(row.segment, take, gap))
    return StitchPlan(chapter_id, tuple(parts), gaps.chapter_head, gaps.chapter_tail, missing)


def _gap_after(
    gaps: Gaps, index: int, last: int, paragraph_end: bool, segment: Segment, title: str
) -> float:
    if index == last:
        return gaps.chapter_tail
    if index == 0 and is_heading_segment(segment, title):
        return gaps.after_title
    return gaps.between_paragraphs if paragraph_end else gaps.between_segments


def is_heading_segment(segment: Segment, title: str) -> bool:
    """Whether ``segment`` says only the chapter's heading (module doc)."""
    spoken = segment.request_text.strip()
    if not spoken or "\n" in spoken or "\r" in spoken:
        return False
    if title.strip() and _comparable(spoken) == _comparable(title):
        return True
    return heading_kind(spoken) is not None


def _comparable(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_TRAILING.sub("", folded).split())
