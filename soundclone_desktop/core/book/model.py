"""The book: chapters, settings with per-chapter overrides, and each segment's takes. Pure.

A :class:`Book` is an immutable value; every change is a method that returns a new book
(the store applies the same change to its file in one transaction). Segments are never
stored in the book: they are :func:`~.segment.segment_chapter` of the chapter's text at the
book's target size (deterministic, cached), so a book can never disagree with its text.

What a change of text does to the takes (:meth:`Book.with_chapter_text`): segments whose ID
is unchanged keep their takes and task mark (IDs are content hashes of the spoken text); the
takes of segments that are gone become :class:`~.takes.Orphan` entries, never deleted; an
orphan whose segment comes back (an undone edit) returns to it. A removed chapter orphans
all its takes. A task mark of a segment that is gone is dropped (the task library still has
the task; a take it produces later arrives as an orphan).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from math import isfinite
from typing import Any, Final

from ..params import ProductionParams
from ..script import MAX_REQUEST_CHARS, analyze
from .pronunciation import Applied, Rule, apply_rules
from .segment import DEFAULT_TARGET_CHARS, MIN_TARGET_CHARS, Segment, segment_chapter
from .takes import (
    Orphan,
    SegmentKey,
    SegmentState,
    SegmentStatus,
    Take,
    TaskMark,
    fingerprint,
    segment_status,
)

# What a chapter may override: every request field but the voice (its own override) and text.
OVERRIDABLE: Final[frozenset[str]] = frozenset(
    f.name for f in dataclasses.fields(ProductionParams) if f.name not in ("model_id", "text")
)
MAX_GAP_SECONDS: Final = 60.0
# Names the segmentation rule the stored takes were placed with (current or orphan). A new
# rule (other IDs) gets a new name, and a book stored with an older one is reconciled on open.
SEGMENTATION: Final = "segment-v1"


@dataclass(frozen=True, slots=True)
class Gaps:
    """Silence the stitcher puts around segments, in seconds (never pause markers: those
    would be billed).

    Defaults: 0.3 s between two segments of one paragraph (a cut there is at a sentence end,
    and a narrator's pause between sentences is about that long); 0.6 s between paragraphs
    and 1.5 s after a chapter's title (the issue's figures); 1.0 s of room tone at the head
    of each chapter file and 2.0 s at its tail, inside the 0.5–1 s head and 1–5 s tail that
    ACX (Audible) asks of every audiobook file.
    """

    between_segments: float = 0.3
    between_paragraphs: float = 0.6
    after_title: float = 1.5
    chapter_head: float = 1.0
    chapter_tail: float = 2.0

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"gap {f.name} must be a number of seconds, got {value!r}")
            if not (isfinite(value) and 0 <= value <= MAX_GAP_SECONDS):
                raise ValueError(f"gap {f.name} must be 0 to {MAX_GAP_SECONDS:g} s, got {value}")


def blank_params() -> ProductionParams:
    """Parameters with no voice yet (``model_id`` empty) and no text (a book's have none)."""
    return ProductionParams(model_id="", text="")


@dataclass(frozen=True, slots=True)
class BookSettings:
    """Book-wide settings. ``params.model_id`` is the book's voice (empty: none chosen yet);
    ``params.text`` is always empty: each segment brings its own."""

    params: ProductionParams = field(default_factory=blank_params)
    target_chars: int = DEFAULT_TARGET_CHARS
    gaps: Gaps = field(default_factory=Gaps)
    budget: Decimal | None = None  # money a render never exceeds; None: no limit

    def __post_init__(self) -> None:
        if self.params.text:
            raise ValueError("book settings carry no text")
        if not MIN_TARGET_CHARS <= self.target_chars <= MAX_REQUEST_CHARS:
            raise ValueError(f"target_chars must be 1 to {MAX_REQUEST_CHARS}")
        if self.budget is not None and not (self.budget.is_finite() and self.budget >= 0):
            raise ValueError(f"budget must be a sum of money, got {self.budget}")

    @property
    def voice_id(self) -> str | None:
        return self.params.model_id.strip() or None

    def with_voice(self, voice_id: str | None) -> BookSettings:
        params = dataclasses.replace(self.params, model_id=voice_id or "")
        return dataclasses.replace(self, params=params)


@dataclass(frozen=True, slots=True)
class ChapterOverrides:
    """What one chapter does differently: another voice (a foreword read by its author),
    other parameters (a sad chapter). ``params`` holds ``(field name, value)`` pairs of
    :class:`ProductionParams` fields, sorted by name; build it with :meth:`of`."""

    voice_id: str | None = None
    params: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        names = [name for name, _ in self.params]
        unknown = set(names) - OVERRIDABLE
        if unknown:
            raise ValueError(f"not a parameter a chapter can override: {sorted(unknown)}")
        if len(set(names)) != len(names):
            raise ValueError("a parameter is overridden twice")
        object.__setattr__(self, "params", tuple(sorted(self.params)))
        if self.voice_id is not None and not self.voice_id.strip():
            object.__setattr__(self, "voice_id", None)

    @classmethod
    def of(cls, voice_id: str | None = None, **params: Any) -> ChapterOverrides:
        return cls(voice_id, tuple(params.items()))

    def as_dict(self) -> dict[str, Any]:
        return dict(self.params)

    @property
    def is_empty(self) -> bool:
        return self.voice_id is None and not self.params


def effective_params(settings: BookSettings, overrides: ChapterOverrides) -> ProductionParams:
    """The book's parameters with the chapter's overrides on top (text still empty)."""
    voice = overrides.voice_id if overrides.voice_id is not None else settings.params.model_id
    return dataclasses.replace(settings.params, **overrides.as_dict(), model_id=voice)


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str  # a UUID, stable for the chapter's life (segment states hang on it)
    title: str
    text: str
    excluded: bool = False  # front matter, a table of contents: not rendered, not exported
    overrides: ChapterOverrides = field(default_factory=ChapterOverrides)


def new_chapter(title: str, text: str, **kwargs: Any) -> Chapter:
    """A chapter with a fresh ID."""
    return Chapter(str(uuid.uuid4()), title, text, **kwargs)


@lru_cache(maxsize=512)
def chapter_segments(text: str, target_chars: int) -> tuple[Segment, ...]:
    """The segments of a chapter's text (cached: a book asks for them over and over)."""
    return tuple(segment_chapter(text, target_chars=target_chars))


@lru_cache(maxsize=4096)
def _applied(request_text: str, rules: tuple[Rule, ...], chapter_id: str) -> Applied:
    """A segment's text with the rules of its chapter (cached like its segments: the book
    asks for its rows over and over, and a rule change asks again for every segment)."""
    return apply_rules(request_text, rules, chapter_id)


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One segment with what it has been rendered as, for a list or a render queue."""

    chapter_id: str
    segment: Segment
    params: ProductionParams  # the request it would be rendered with now
    fingerprint: str
    state: SegmentState
    status: SegmentStatus
    # The segment as sent: the book's pronunciation rules applied to its request text (the
    # same segment when no rule changes it); its billable characters are what is paid.
    sent: Segment | None = None
    applied: Applied | None = None

    @property
    def billed(self) -> Segment:
        return self.sent if self.sent is not None else self.segment


@dataclass(frozen=True, slots=True)
class Book:
    """A book (see the module doc). ``states`` holds the non-empty states of current segments
    only; ``orphans`` is sorted by chapter, segment, creation time and take ID."""

    title: str
    author: str = ""
    narrator: str | None = None
    language: str = ""  # the book's language as metadata (BCP 47, "zh-CN"); not a request field
    settings: BookSettings = field(default_factory=BookSettings)
    chapters: tuple[Chapter, ...] = ()
    states: Mapping[SegmentKey, SegmentState] = field(default_factory=dict)
    orphans: tuple[Orphan, ...] = ()
    rules: tuple[Rule, ...] = ()  # pronunciation rules in table order (earlier ones win)

    def __post_init__(self) -> None:
        ids = [chapter.id for chapter in self.chapters]
        if len(set(ids)) != len(ids):
            raise ValueError("two chapters share an ID")
        object.__setattr__(self, "chapters", tuple(self.chapters))
        object.__setattr__(self, "rules", tuple(self.rules))
        rule_ids = [rule.id for rule in self.rules]
        if len(set(rule_ids)) != len(rule_ids):
            raise ValueError("two rules share an ID")

    # -- reading ------------------------------------------------------------------------

    def chapter(self, chapter_id: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        raise KeyError(chapter_id)

    def segments(self, chapter_id: str) -> tuple[Segment, ...]:
        return chapter_segments(self.chapter(chapter_id).text, self.settings.target_chars)

    def effective_params(self, chapter_id: str) -> ProductionParams:
        return effective_params(self.settings, self.chapter(chapter_id).overrides)

    def state(self, chapter_id: str, segment_id: str) -> SegmentState:
        return self.states.get((chapter_id, segment_id), SegmentState())

    def takes(self) -> Iterable[tuple[SegmentKey, Take]]:
        """Every take, current and orphaned."""
        for key, state in self.states.items():
            for take in state.takes:
                yield key, take
        for orphan in self.orphans:
            yield (orphan.chapter_id, orphan.segment_id), orphan.take

    def rows(self, chapter_id: str) -> list[SegmentRow]:
        """The chapter's segments in reading order with their state and derived status."""
        effective = self.effective_params(chapter_id)
        rows = []
        for segment in self.segments(chapter_id):
            applied = self.sent_text(chapter_id, segment)
            sent = segment
            if applied.replacements:
                billable = analyze(applied.sent).billable_chars
                sent = dataclasses.replace(
                    segment, request_text=applied.sent, billable_chars=billable
                )
            # The fingerprint covers the text sent, so a rule change makes exactly the
            # segments whose sent text it changes stale.
            params = dataclasses.replace(effective, text=applied.sent)
            current = fingerprint(params)
            state = self.state(chapter_id, segment.id)
            status = segment_status(state, current)
            rows.append(
                SegmentRow(chapter_id, segment, params, current, state, status, sent, applied)
            )
        return rows

    def sent_text(self, chapter_id: str, segment: Segment) -> Applied:
        """What is sent for ``segment``: its request text with the rules of its chapter."""
        return _applied(segment.request_text, self.rules, chapter_id)

    def rule(self, rule_id: int) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    # -- changing (each returns a new book) -----------------------------------------------

    def with_metadata(self, **changes: Any) -> Book:
        """A new title, author, narrator or language."""
        unknown = set(changes) - {"title", "author", "narrator", "language"}
        if unknown:
            raise TypeError(f"not book metadata: {sorted(unknown)}")
        return dataclasses.replace(self, **changes)

    def with_rules(self, rules: Sequence[Rule]) -> Book:
        """The pronunciation rules replaced (takes stay: staleness follows the sent text)."""
        return dataclasses.replace(self, rules=tuple(rules))

    def with_settings(self, settings: BookSettings) -> Book:
        book = dataclasses.replace(self, settings=settings)
        if settings.target_chars != self.settings.target_chars:
            return book._reconcile([c.id for c in book.chapters])
        return book

    def with_chapter(self, chapter_id: str, **changes: Any) -> Book:
        """A chapter's title, text, excluded flag or overrides changed."""
        unknown = set(changes) - {"title", "text", "excluded", "overrides"}
        if unknown:
            raise TypeError(f"not a chapter field: {sorted(unknown)}")
        old = self.chapter(chapter_id)
        new = dataclasses.replace(old, **changes)
        chapters = tuple(new if c.id == chapter_id else c for c in self.chapters)
        book = dataclasses.replace(self, chapters=chapters)
        return book._reconcile([chapter_id]) if new.text != old.text else book

    def with_chapter_text(self, chapter_id: str, text: str) -> Book:
        return self.with_chapter(chapter_id, text=text)

    def with_chapter_added(self, chapter: Chapter, index: int | None = None) -> Book:
        chapters = list(self.chapters)
        chapters.insert(len(chapters) if index is None else index, chapter)
        book = dataclasses.replace(self, chapters=tuple(chapters))
        return book._reconcile([chapter.id])  # orphans of a chapter with this ID come back

    def with_chapter_removed(self, chapter_id: str) -> Book:
        self.chapter(chapter_id)  # KeyError if unknown
        chapters = tuple(c for c in self.chapters if c.id != chapter_id)
        return dataclasses.replace(self, chapters=chapters)._reconcile([chapter_id])

    def with_order(self, chapter_ids: Sequence[str]) -> Book:
        """The chapters in the order of ``chapter_ids`` (each chapter exactly once)."""
        by_id = {c.id: c for c in self.chapters}
        if sorted(chapter_ids) != sorted(by_id):
            raise ValueError("the new order must name every chapter exactly once")
        return dataclasses.replace(self, chapters=tuple(by_id[i] for i in chapter_ids))

    def with_take(
        self, chapter_id: str, segment_id: str, take: Take, *, choose: bool = True
    ) -> Book:
        """``take`` added to the segment (an orphan if the segment is gone); chosen when
        ``choose`` (or when it is the segment's first), and the segment's task mark cleared:
        its task is done."""
        key = (chapter_id, segment_id)
        existing = self._takes_of(key)
        if any(t.id == take.id for _, t in self.takes()):
            raise ValueError(f"take {take.id} is already in the book")
        chosen = choose or not any(t.chosen for t in existing)
        takes = [dataclasses.replace(t, chosen=False) if chosen else t for t in existing]
        takes.append(dataclasses.replace(take, chosen=chosen))
        return self._with_takes(key, takes, clear_task=True)

    def with_chosen(self, chapter_id: str, segment_id: str, take_id: str | None) -> Book:
        """Choose a take of the segment (``None``: none chosen)."""
        key = (chapter_id, segment_id)
        existing = self._takes_of(key)
        if take_id is not None and not any(t.id == take_id for t in existing):
            raise KeyError(take_id)
        takes = [dataclasses.replace(t, chosen=t.id == take_id) for t in existing]
        return self._with_takes(key, takes, clear_task=False)

    def with_task(self, chapter_id: str, segment_id: str, mark: TaskMark | None) -> Book:
        """The render queue's mark on a current segment (``None`` clears it)."""
        if segment_id not in {s.id for s in self.segments(chapter_id)}:
            raise KeyError((chapter_id, segment_id))
        key = (chapter_id, segment_id)
        state = dataclasses.replace(self.state(*key), task=mark)
        return self._with_state(key, state)

    def reconciled(self) -> Book:
        """Every take placed anew by the current segmentation (after a change of the rule,
        or a file whose placement cannot be trusted)."""
        ids = {c.id for c in self.chapters} | {k[0] for k in self.states}
        return self._reconcile(ids | {o.chapter_id for o in self.orphans})

    # -- plumbing -------------------------------------------------------------------------

    def _current_keys(self, chapter_id: str) -> set[SegmentKey]:
        if not any(c.id == chapter_id for c in self.chapters):
            return set()
        return {(chapter_id, s.id) for s in self.segments(chapter_id)}

    def _takes_of(self, key: SegmentKey) -> list[Take]:
        if key in self.states:
            return list(self.states[key].takes)
        return [o.take for o in self.orphans if (o.chapter_id, o.segment_id) == key]

    def _with_takes(self, key: SegmentKey, takes: Sequence[Take], *, clear_task: bool) -> Book:
        if key in self._current_keys(key[0]):
            task = None if clear_task else self.state(*key).task
            return self._with_state(key, SegmentState(sorted_takes(takes), task))
        others = [o for o in self.orphans if (o.chapter_id, o.segment_id) != key]
        others += [Orphan(key[0], key[1], take) for take in takes]
        return dataclasses.replace(self, orphans=sorted_orphans(others))

    def _with_state(self, key: SegmentKey, state: SegmentState) -> Book:
        states = dict(self.states)
        if state.is_empty:
            states.pop(key, None)
        else:
            states[key] = state
        return dataclasses.replace(self, states=states)

    def _reconcile(self, chapter_ids: Collection[str]) -> Book:
        """Put every take of these chapters where it belongs: on its current segment, or
        among the orphans (see the module doc)."""
        touched = set(chapter_ids)
        current: set[SegmentKey] = set()
        for chapter_id in touched:
            current |= self._current_keys(chapter_id)
        grouped: dict[SegmentKey, list[Take]] = {}
        marks: dict[SegmentKey, TaskMark] = {}
        states = {k: s for k, s in self.states.items() if k[0] not in touched}
        orphans = [o for o in self.orphans if o.chapter_id not in touched]
        for key, state in self.states.items():
            if key[0] in touched:
                grouped.setdefault(key, []).extend(state.takes)
                if state.task is not None:
                    marks[key] = state.task
        for orphan in self.orphans:
            if orphan.chapter_id in touched:
                grouped.setdefault((orphan.chapter_id, orphan.segment_id), []).append(orphan.take)
        for key in grouped.keys() | marks.keys():
            takes = grouped.get(key, [])
            if key in current:
                state = SegmentState(sorted_takes(takes), marks.get(key))
                if not state.is_empty:
                    states[key] = state
            else:
                orphans += [Orphan(key[0], key[1], take) for take in takes]
        return dataclasses.replace(self, states=states, orphans=sorted_orphans(orphans))


def _take_order(take: Take) -> tuple[float, str]:
    return take.created_at, take.id


def sorted_takes(takes: Iterable[Take]) -> tuple[Take, ...]:
    return tuple(sorted(takes, key=_take_order))


def sorted_orphans(orphans: Iterable[Orphan]) -> tuple[Orphan, ...]:
    return tuple(sorted(orphans, key=lambda o: (o.chapter_id, o.segment_id, *_take_order(o.take))))


def book_of_one_chapter(
    title: str, text: str, settings: BookSettings, chapter_id: str | None = None
) -> Book:
    """The single-script studio's book: one chapter holding the script."""
    chapter = Chapter(chapter_id or str(uuid.uuid4()), title, text)
    return Book(title=title, settings=settings, chapters=(chapter,))
