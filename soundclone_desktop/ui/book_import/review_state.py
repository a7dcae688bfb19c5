"""The import review as immutable states: chapters the user reshapes plus accepted clean-up.

Qt-free, so the worker threads can read a state while the dialog makes the next one.

Clean-up changes are proposed once, on the whole imported text (running headers and page
numbers are only recognisable across the book), so their offsets are in that *base* text.
Review operations cut and reorder chapters, so each chapter remembers where its raw text
lies in the base text: its ``pieces``. A chapter's cleaned text is its raw text with the
accepted changes that fall inside its pieces applied. No change ever straddles two
chapters: a split inside a change moves to the change's end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from soundclone_desktop.core.book import review
from soundclone_desktop.core.book.cleanup import Change, CleanupRule, apply_changes, find_changes
from soundclone_desktop.core.book.manuscript import Manuscript

Span = tuple[int, int]


@dataclass(frozen=True)
class ReviewState:
    """One moment of the review (what undo goes back to).

    ``manuscript`` holds the raw (uncleaned) chapter texts; ``pieces[i]`` the base-text spans
    that make chapter ``i``, in order; ``accepted`` the indexes of accepted changes in
    :attr:`Review.changes`; ``chapter_changes[i]`` the indexes of every change (accepted or
    not) inside chapter ``i``, in text order.
    """

    manuscript: Manuscript
    pieces: tuple[tuple[Span, ...], ...]
    accepted: frozenset[int]
    chapter_changes: tuple[tuple[int, ...], ...] = field(default=())


@dataclass(frozen=True)
class ReviewResult:
    """What "Create book" hands on: cleaned chapters and, per chapter, the accepted changes
    with offsets in that chapter's original text (``revert_changes`` gives it back)."""

    manuscript: Manuscript
    changes: tuple[tuple[Change, ...], ...]


class Review:
    """The imported manuscript, its proposed clean-up, and the operations on states."""

    def __init__(self, manuscript: Manuscript, changes: Sequence[Change] | None = None) -> None:
        self.base = manuscript.text
        proposed = find_changes(self.base) if changes is None else tuple(changes)
        # A change across two detected chapters (a hyphen before the next chapter's heading)
        # could never apply to either: it is not proposed.
        self.changes = _within(proposed, _contiguous(manuscript))
        self._starts = [change.offset for change in self.changes]
        self.initial = self._state(
            manuscript, _contiguous(manuscript), frozenset(range(len(self.changes)))
        )

    def redetected(self, state: ReviewState, manuscript: Manuscript) -> ReviewState:
        """New chapters for the same text (another heading pattern); acceptance is kept."""
        if manuscript.text != self.base:
            raise ValueError("the manuscript's text changed; start a new review")
        return self._state(manuscript, _contiguous(manuscript), state.accepted)

    # -- reading a state ----------------------------------------------------------------

    def local_changes(self, state: ReviewState, index: int, *, accepted_only: bool) -> list[Change]:
        """Chapter ``index``'s changes with offsets in its raw text, in order."""
        chosen = [
            number
            for number in state.chapter_changes[index]
            if not accepted_only or number in state.accepted
        ]
        return [self._localised(state, index, number) for number in chosen]

    def change_chapter(self, state: ReviewState, number: int) -> int:
        """The chapter that holds change ``number``."""
        for index, numbers in enumerate(state.chapter_changes):
            if number in numbers:
                return index
        raise IndexError(number)

    def local_offset(self, state: ReviewState, number: int) -> tuple[int, int]:
        """``(chapter, offset in its cleaned text)`` of change ``number``."""
        index = self.change_chapter(state, number)
        change = self._localised(state, index, number)
        return index, self.raw_to_clean(state, index, change.offset)

    def cleaned_text(self, state: ReviewState, index: int) -> str:
        text = state.manuscript.chapters[index].text
        return apply_changes(text, self.local_changes(state, index, accepted_only=True))

    def cleaned_length(self, state: ReviewState, index: int) -> int:
        """Length of the cleaned text without building it (the chapter list's column)."""
        length = len(state.manuscript.chapters[index].text)
        for number in state.chapter_changes[index]:
            if number in state.accepted:
                change = self.changes[number]
                length += len(change.after) - len(change.before)
        return length

    def clean_to_raw(self, state: ReviewState, index: int, position: int) -> int:
        """A cursor position in the cleaned text as an offset in the raw text; inside a
        change's replacement it goes to the change's end (changes are never cut)."""
        shift = 0  # cleaned minus raw, so far
        for change in self.local_changes(state, index, accepted_only=True):
            start = change.offset + shift
            if position <= start:
                break
            if position <= start + len(change.after):
                return change.end
            shift += len(change.after) - len(change.before)
        raw = position - shift
        for change in self.local_changes(state, index, accepted_only=False):
            if change.offset < raw < change.end:
                return change.end  # inside a change not accepted: keep it whole
        return raw

    def raw_to_clean(self, state: ReviewState, index: int, offset: int) -> int:
        shift = 0
        for change in self.local_changes(state, index, accepted_only=True):
            if change.offset >= offset:
                break
            shift += len(change.after) - len(change.before)
        return offset + shift

    def result(self, state: ReviewState) -> ReviewResult:
        chapters = []
        changes = []
        for index, chapter in enumerate(state.manuscript.chapters):
            local = tuple(self.local_changes(state, index, accepted_only=True))
            chapters.append(replace(chapter, text=apply_changes(chapter.text, local)))
            changes.append(local)
        return ReviewResult(replace(state.manuscript, chapters=tuple(chapters)), tuple(changes))

    # -- operations (each returns a new state) -------------------------------------------

    def rename(self, state: ReviewState, index: int, title: str) -> ReviewState:
        return replace(state, manuscript=review.rename(state.manuscript, index, title))

    def set_excluded(self, state: ReviewState, index: int, excluded: bool) -> ReviewState:
        return replace(state, manuscript=review.set_excluded(state.manuscript, index, excluded))

    def move(self, state: ReviewState, index: int, new_index: int) -> ReviewState:
        pieces = list(state.pieces)
        pieces.insert(new_index, pieces.pop(index))
        return self._state(
            review.move(state.manuscript, index, new_index), tuple(pieces), state.accepted
        )

    def merge_with_next(self, state: ReviewState, index: int) -> ReviewState:
        manuscript = review.merge_with_next(state.manuscript, index)
        merged = _joined(state.pieces[index] + state.pieces[index + 1])
        pieces = (*state.pieces[:index], merged, *state.pieces[index + 2 :])
        return self._state(manuscript, pieces, state.accepted)

    def split_offset(self, state: ReviewState, index: int, position: int) -> int | None:
        """Where a split at cleaned ``position`` cuts the raw text; None if at an edge."""
        raw = self.clean_to_raw(state, index, position)
        length = len(state.manuscript.chapters[index].text)
        return raw if 0 < raw < length else None

    def split(self, state: ReviewState, index: int, position: int) -> ReviewState:
        """Split chapter ``index`` at ``position`` in its *cleaned* text (the preview)."""
        raw = self.split_offset(state, index, position)
        if raw is None:
            raise IndexError(f"cannot split chapter {index} at {position}")
        manuscript = review.split(state.manuscript, index, raw)
        head, tail = _cut(state.pieces[index], raw)
        pieces = (*state.pieces[:index], head, tail, *state.pieces[index + 1 :])
        return self._state(manuscript, pieces, state.accepted)

    def set_accepted(self, state: ReviewState, numbers: Iterable[int], accept: bool) -> ReviewState:
        chosen = set(numbers)
        accepted = state.accepted | chosen if accept else state.accepted - chosen
        return replace(state, accepted=frozenset(accepted))

    def rule_numbers(self, rule: CleanupRule) -> list[int]:
        return [n for n, change in enumerate(self.changes) if change.rule is rule]

    # -- internals ------------------------------------------------------------------------

    def _state(
        self,
        manuscript: Manuscript,
        pieces: tuple[tuple[Span, ...], ...],
        accepted: frozenset[int],
    ) -> ReviewState:
        return ReviewState(manuscript, pieces, accepted, self._assign(pieces))

    def _assign(self, pieces: tuple[tuple[Span, ...], ...]) -> tuple[tuple[int, ...], ...]:
        """Which changes fall inside each chapter's pieces (a merge walk over sorted spans)."""
        owned: list[list[int]] = [[] for _ in pieces]
        for chapter, spans in enumerate(pieces):
            for start, end in spans:
                first = bisect_right(self._starts, start - 1)
                for number in range(first, len(self.changes)):
                    change = self.changes[number]
                    if change.offset >= end:
                        break
                    if change.end <= end:
                        owned[chapter].append(number)
        return tuple(tuple(numbers) for numbers in owned)

    def _localised(self, state: ReviewState, index: int, number: int) -> Change:
        change = self.changes[number]
        local = 0
        for start, end in state.pieces[index]:
            if start <= change.offset < end:
                return replace(change, offset=local + change.offset - start)
            local += end - start
        raise IndexError(f"change {number} is not in chapter {index}")


def _contiguous(manuscript: Manuscript) -> tuple[tuple[Span, ...], ...]:
    pieces = []
    start = 0
    for chapter in manuscript.chapters:
        pieces.append(((start, start + len(chapter.text)),))
        start += len(chapter.text)
    return tuple(pieces)


def _within(changes: Sequence[Change], pieces: tuple[tuple[Span, ...], ...]) -> tuple[Change, ...]:
    ends = [spans[0][1] for spans in pieces]
    kept = []
    for change in changes:
        chapter = bisect_right(ends, change.offset)
        if chapter < len(ends) and change.end <= ends[chapter]:
            kept.append(change)
    return tuple(kept)


def _joined(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Adjacent spans that continue each other become one (a change may then cross them)."""
    joined: list[Span] = []
    for start, end in spans:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


def _cut(spans: Sequence[Span], offset: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    head: list[Span] = []
    tail: list[Span] = []
    local = 0
    for start, end in spans:
        length = end - start
        if local + length <= offset:
            head.append((start, end))
        elif local >= offset:
            tail.append((start, end))
        else:
            cut = start + offset - local
            head.append((start, cut))
            tail.append((cut, end))
        local += length
    return tuple(head), tuple(tail)
