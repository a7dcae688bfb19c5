"""What the dialog shows about a whole state, computed off the GUI thread: the findings and
the estimate (segmenting a million characters takes a fraction of a second)."""

from __future__ import annotations

from dataclasses import dataclass

from soundclone_desktop.core.book.estimate import SizeTradeoff, size_tradeoff
from soundclone_desktop.core.book.findings import Finding, find_unspeakable
from soundclone_desktop.core.pricing import PriceTable

from .review_state import Review, ReviewState


@dataclass(frozen=True)
class ChapterFinding:
    """A finding in chapter ``chapter``, its offset in the chapter's cleaned text."""

    chapter: int
    finding: Finding


@dataclass(frozen=True)
class Derived:
    included: int
    chapters: int
    characters: int  # of the included chapters, after the accepted clean-up
    findings: tuple[ChapterFinding, ...]
    tradeoff: SizeTradeoff


def derive(review: Review, state: ReviewState, target_chars: int, prices: PriceTable) -> Derived:
    """Findings in every chapter (excluded ones too: they may be included again) and the
    estimate of the included ones at ``target_chars`` per segment."""
    texts = [review.cleaned_text(state, index) for index in range(len(state.pieces))]
    chapters = state.manuscript.chapters
    included = [text for text, chapter in zip(texts, chapters, strict=True) if not chapter.excluded]
    findings = tuple(
        ChapterFinding(index, finding)
        for index, text in enumerate(texts)
        for finding in find_unspeakable(text)
    )
    return Derived(
        included=len(included),
        chapters=len(chapters),
        characters=sum(len(text) for text in included),
        findings=findings,
        tradeoff=size_tradeoff(included, target_chars, prices),
    )
