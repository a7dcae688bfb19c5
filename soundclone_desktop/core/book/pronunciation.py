"""Pronunciation rules: what to send instead of a word as written (``LV`` → ``Level``,
``行长`` → ``航长``). Pure.

The API has no pronunciation dictionary, so a rule rewrites the request text on the client
when the request is built; the chapter keeps the text as written. :func:`apply_rules` returns
the text sent and where each replacement sits, so positions in the sent text (the captions
the server returns) map back to the text as written (:meth:`Applied.to_written`).

Matching, all on the text as written (a rule never sees another rule's output):
    - A literal rule matches whole words where its ends are letters or digits of a script
      that spaces its words (``LV`` not in ``LVL``, but in ``用LV的``); an end that is a CJK
      character matches anywhere. Literal matches are case-sensitive.
    - A regular expression matches as written (``\\b`` is the user's to add); ``replace`` may
      use its groups (``\\1``). Empty matches are ignored.
    - Rules are taken in table order; each is matched leftmost first, and a match that overlaps
      a match of an earlier rule, or any pause marker (well-formed or not), is not used. So an
      earlier rule wins, then the leftmost (then, for a regex, its own longest) match.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..script import MARKER_SHAPED

if TYPE_CHECKING:  # the book model imports this module; the app starts without subtitles
    from ..subtitles import CueAlignment, Span, Subtitles

__all__ = [
    "Applied",
    "Replacement",
    "Rule",
    "RuleError",
    "align_to_written",
    "apply_rules",
    "rules_for",
]

# Scripts written without spaces between words: a literal rule's end in one of these matches
# anywhere. Hiragana/Katakana, CJK (incl. extension A, compatibility, extensions B+), Hangul.
_UNSPACED: Final = re.compile(
    "[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)


class RuleError(ValueError):
    """A rule that cannot be used; ``field`` names the part at fault (``find``, ``replace``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Rule:
    """Send ``replace`` where the text says ``find``. ``chapter_id`` None: the whole book.
    ``id`` is the store's number for it (0 for a rule not yet stored)."""

    id: int
    find: str
    replace: str
    regex: bool = False
    chapter_id: str | None = None
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.find:
            raise RuleError("find", "must not be empty")
        if MARKER_SHAPED.search(self.replace):
            # A rule must not add pauses: the segment's markers are checked before it is cut.
            raise RuleError("replace", "must not contain a pause marker")
        if self.regex:
            try:
                pattern = re.compile(self.find)
            except re.error as exc:
                raise RuleError("find", f"not a valid regular expression: {exc}") from exc
            if pattern.fullmatch(""):
                raise RuleError("find", "the expression matches empty text")
            try:
                pattern.sub(self.replace, "")  # parses the template: \\3 of two groups fails
            except (re.error, IndexError) as exc:
                raise RuleError("replace", f"not a valid replacement: {exc}") from exc
        elif self.find != self.find.strip():
            raise RuleError("find", "must not start or end with a space")

    def applies_to(self, chapter_id: str | None) -> bool:
        return self.enabled and (self.chapter_id is None or self.chapter_id == chapter_id)


@dataclass(frozen=True, slots=True)
class Replacement:
    """``written[start:end]`` is sent as ``text``, at ``sent_start`` in the sent text."""

    start: int
    end: int
    text: str
    sent_start: int
    rule_id: int

    @property
    def sent_end(self) -> int:
        return self.sent_start + len(self.text)


@dataclass(frozen=True, slots=True)
class Applied:
    """The text sent and its replacements in order (none: ``sent == written``)."""

    written: str
    sent: str
    replacements: tuple[Replacement, ...]

    @property
    def spans(self) -> list[tuple[int, int, str]]:
        """``(start, end, replacement)`` in the text as written."""
        return [(r.start, r.end, r.text) for r in self.replacements]

    def to_sent(self, position: int) -> int:
        """Where a position of the written text is in the sent text (inside a replaced
        word: the start of its replacement)."""
        i = bisect_right([r.start for r in self.replacements], position) - 1
        if i < 0:
            return position
        r = self.replacements[i]
        if position < r.end:
            return r.sent_start
        return r.sent_end + (position - r.end)

    def to_written(self, position: int, *, end: bool = False) -> int:
        """Where a position of the sent text is in the written text. Inside a replacement
        it goes to the replaced word's start, or its end when ``end`` (for a span's end);
        so does a position where words were replaced by nothing."""
        reps = self.replacements
        if not end:
            i = bisect_left([r.sent_end for r in reps], position)
            if i < len(reps) and reps[i].sent_start <= position:
                r = reps[i]
                return r.end if position == r.sent_end > r.sent_start else r.start
        else:
            i = bisect_right([r.sent_start for r in reps], position) - 1
            if i >= 0 and position <= reps[i].sent_end:
                r = reps[i]
                return r.start if position == r.sent_start < r.sent_end else r.end
            i += 1
        if i == 0:
            return position
        before = reps[i - 1]
        return before.end + (position - before.sent_end)

    def span_to_written(self, start: int, end: int) -> tuple[int, int]:
        """A span of the sent text (a caption's) as a span of the written text."""
        return self.to_written(start), max(self.to_written(start), self.to_written(end, end=True))


def rules_for(rules: Sequence[Rule], chapter_id: str | None) -> tuple[Rule, ...]:
    """The rules that apply in a chapter, in table order."""
    return tuple(rule for rule in rules if rule.applies_to(chapter_id))


def apply_rules(text: str, rules: Sequence[Rule], chapter_id: str | None = None) -> Applied:
    """``text`` as sent under ``rules`` (see the module doc for how matches are chosen)."""
    active = rules_for(rules, chapter_id)
    if not active:
        return Applied(text, text, ())
    taken = _Taken()
    for marker in MARKER_SHAPED.finditer(text):
        taken.add(marker.start(), marker.end())
    found: list[tuple[int, int, str, int]] = []
    for rule in active:
        for start, stop, replacement in _matches(text, rule):
            if taken.add(start, stop):
                found.append((start, stop, replacement, rule.id))
    if not found:
        return Applied(text, text, ())
    found.sort()
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = sent_length = 0
    for start, stop, replacement, rule_id in found:
        parts.append(text[cursor:start])
        sent_length += start - cursor
        replacements.append(Replacement(start, stop, replacement, sent_length, rule_id))
        parts.append(replacement)
        sent_length += len(replacement)
        cursor = stop
    parts.append(text[cursor:])
    return Applied(text, "".join(parts), tuple(replacements))


class _Taken:
    """Spans of the text already used (markers, earlier matches): never overlapping, so
    sorted by start they are sorted by end too, and an overlap is one bisection away."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, stop: int) -> bool:
        """Take ``[start, stop)`` unless it overlaps a span already taken."""
        i = bisect_right(self._ends, start)  # the first span that ends after ``start``
        if i < len(self._starts) and self._starts[i] < stop:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, stop)
        return True


def _matches(text: str, rule: Rule) -> Iterator[tuple[int, int, str]]:
    """Candidate matches of one rule, leftmost first, not overlapping one another. A caller
    that refuses one (it overlaps a marker or an earlier rule's match) gets the next
    candidate starting one character later, hence the scan by position."""
    if rule.regex:
        pattern = re.compile(rule.find)
        position = 0
        while position <= len(text):
            match = pattern.search(text, position)
            if match is None:
                return
            if match.end() == match.start():
                position = match.start() + 1
                continue
            yield match.start(), match.end(), match.expand(rule.replace)
            position = match.start() + 1  # overlapping candidates: the caller keeps one
        return
    find = rule.find
    start_free = _UNSPACED.match(find[0]) is not None or not _is_word(find[0])
    end_free = _UNSPACED.match(find[-1]) is not None or not _is_word(find[-1])
    position = text.find(find)
    while position >= 0:
        stop = position + len(find)
        before_ok = start_free or position == 0 or not _spaced_word(text[position - 1])
        after_ok = end_free or stop == len(text) or not _spaced_word(text[stop])
        if before_ok and after_ok:
            yield position, stop, rule.replace
        position = text.find(find, position + 1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _spaced_word(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces."""
    return _is_word(char) and _UNSPACED.match(char) is None


def align_to_written(subtitles: Subtitles, applied: Applied) -> tuple[CueAlignment, ...]:
    """Captions of the sent text placed in the text as written: each cue is aligned to what
    was spoken (``航长``), then its span mapped back (to ``行长``), so a highlight follows
    the words the reader sees."""
    from ..subtitles import CueAlignment, Span, align_to_script

    def back(span: Span | None) -> Span | None:
        if span is None:
            return None
        return Span(*applied.span_to_written(span.start, span.end))

    return tuple(
        CueAlignment(back(a.cue), tuple(back(w) for w in a.words))
        for a in align_to_script(subtitles, applied.sent)
    )
