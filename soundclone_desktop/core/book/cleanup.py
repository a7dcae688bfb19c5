"""Text clean-up on import, shown and reversible: each rule proposes :class:`Change` objects.

A change says "at ``offset`` in the original text, ``before`` becomes ``after``". Changes
from :func:`find_changes` never overlap, so *any subset* of them applies cleanly to the
original (:func:`apply_changes`): the UI lists them, the user unticks any, and the cleaned
text is the original with the ticked ones applied. :func:`revert_changes` gives the original
back from a cleaned text and the changes that made it. Nothing is dropped without a change
that shows it. Rules, in priority order (a later rule never touches text an earlier one
changed):

``page-number``
    A line holding only a page number (``12``, ``- 12 -``, ``Page 12``, ``第12页``,
    ``12/300``) is removed with its line break, when there are at least three such lines with
    increasing numbers *and* they look like pages: the text has a form feed, or running
    headers, or the numbers come at least once every 4,000 characters on average (numbered
    sections of a novel are usually longer, and stay).
``running-header``
    A short line (at most 80 characters, at least three letters) repeated at least three
    times, digits ignored (``THE BOOK 12`` and ``THE BOOK 13`` are one header), is removed
    with its line break, unless it is a chapter heading, starts with a quotation mark or ends
    like a sentence (a repeated line of dialogue stays).
``hyphenation``
    ``letter-`` at a line end followed by a letter at the next line's start. Both sides lower
    case: the word is joined (``exam-\\nple`` → ``example``) unless the hyphenated form occurs
    elsewhere in the text on one line (``well-known``) or the first part is a compound prefix
    (``self``, ``well``, ``ill``, ``half``, ``all``, ``ex``, ``great``, ``cross``): then only
    the line break goes (``well-\\nknown`` → ``well-known``). Otherwise (``Anglo-\\nSaxon``) the
    hyphen stays and the line break goes.
``footnote-marker``
    ``[1]``, ``[^1]``, ``［1］``, ``〔1〕`` (up to three digits) and superscript digits, right
    after a non-space character, are removed (a ``[1]`` at a line start is the note itself and
    stays). ``²`` and ``³`` after a word of at most two letters are units (``m²``) and stay.
``line-wrap``
    A hard line wrap inside a paragraph: a single line break between two non-blank lines where
    the text looks wrapped (the 90th percentile of line lengths, ``W``, is at least 30) and the
    first line is long (at least 0.6 W) and does not end a sentence (``.!?。！？…`` or a closing
    quote), or, in Latin text, ends one but is full (at least 0.85 W). Never when the next line
    is indented (a new paragraph in most Chinese novels), a list item, or either line is a
    chapter heading. The break (with the spaces before it) becomes a space, or nothing when
    the characters on both sides are CJK.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .chapters import heading_kind


class CleanupRule(StrEnum):
    PAGE_NUMBER = "page-number"
    RUNNING_HEADER = "running-header"
    HYPHENATION = "hyphenation"
    FOOTNOTE_MARKER = "footnote-marker"
    LINE_WRAP = "line-wrap"


ALL_RULES: tuple[CleanupRule, ...] = tuple(CleanupRule)


@dataclass(frozen=True)
class Change:
    """At code-point ``offset`` of the original text, ``before`` becomes ``after``."""

    offset: int
    before: str
    after: str
    rule: CleanupRule

    @property
    def end(self) -> int:
        return self.offset + len(self.before)


def find_changes(text: str, rules: Iterable[CleanupRule] = ALL_RULES) -> tuple[Change, ...]:
    """The proposed changes of the chosen rules, sorted and never overlapping."""
    chosen = set(rules)
    lines = _Lines(text)
    changes: list[Change] = []
    headers = _running_headers(text, lines) if CleanupRule.RUNNING_HEADER in chosen else []
    if CleanupRule.PAGE_NUMBER in chosen:
        changes += _page_numbers(text, lines, has_headers=bool(headers))
    changes += headers
    if CleanupRule.HYPHENATION in chosen:
        changes += _hyphenation(text)
    if CleanupRule.FOOTNOTE_MARKER in chosen:
        changes += _footnote_markers(text)
    if CleanupRule.LINE_WRAP in chosen:
        changes += _line_wraps(text, lines)
    return _without_overlaps(changes)


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """``text`` (the original) with ``changes`` applied; any subset of find_changes' works."""
    parts: list[str] = []
    position = 0
    for change in sorted(changes, key=lambda c: c.offset):
        if change.offset < position or text[change.offset : change.end] != change.before:
            raise ValueError(f"change at {change.offset} does not match the text")
        parts += [text[position : change.offset], change.after]
        position = change.end
    parts.append(text[position:])
    return "".join(parts)


def revert_changes(cleaned: str, changes: Iterable[Change]) -> str:
    """The original text back from ``cleaned`` and the changes that produced it."""
    parts: list[str] = []
    position = 0  # in the cleaned text
    shift = 0  # cleaned offset minus original offset so far
    for change in sorted(changes, key=lambda c: c.offset):
        start = change.offset + shift
        if cleaned[start : start + len(change.after)] != change.after:
            raise ValueError(f"change at {change.offset} is not in the cleaned text")
        parts += [cleaned[position:start], change.before]
        position = start + len(change.after)
        shift += len(change.after) - len(change.before)
    parts.append(cleaned[position:])
    return "".join(parts)


# -- lines ------------------------------------------------------------------------------------


class _Lines:
    """Line spans ``(start, end)`` without the line break, and their stripped text."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        start = 0
        for line in text.split("\n"):
            self.spans.append((start, start + len(line)))
            start += len(line) + 1
        self.stripped = [text[a:b].strip() for a, b in self.spans]

    def removal(self, text: str, number: int, rule: CleanupRule) -> Change:
        """The change that removes line ``number`` with one of its line breaks."""
        start, end = self.spans[number]
        if end < len(text):
            return Change(start, text[start : end + 1], "", rule)
        if start > 0:
            return Change(start - 1, text[start - 1 : end], "", rule)
        return Change(start, text[start:end], "", rule)


# -- page numbers and running headers ---------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?(?:(?i:page|p\.)\s*)?(\d{1,4})(?:\s*[-–—])?|第\s*(\d{1,4})\s*页|(\d{1,4})\s*/\s*\d{1,4}"
)
_PAGES_MIN = 3
_PAGE_DENSITY_CHARS = 4000


def _page_numbers(text: str, lines: _Lines, *, has_headers: bool) -> list[Change]:
    numbered: list[tuple[int, int]] = []  # (line number, page number), increasing pages
    for number, line in enumerate(lines.stripped):
        match = _PAGE_NUMBER.fullmatch(line) if line else None
        if match is None:
            continue
        page = int(next(group for group in match.groups() if group))
        if not numbered or page > numbered[-1][1]:
            numbered.append((number, page))
    if len(numbered) < _PAGES_MIN:
        return []
    first, last = lines.spans[numbered[0][0]][0], lines.spans[numbered[-1][0]][0]
    dense = (last - first) / (len(numbered) - 1) <= _PAGE_DENSITY_CHARS
    if not (dense or has_headers or "\f" in text):
        return []
    return [lines.removal(text, number, CleanupRule.PAGE_NUMBER) for number, _ in numbered]


_HEADER_MAX_LEN = 80
_HEADER_MIN_REPEATS = 3
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = ".!?。！？…\"”」』'’)）"
_QUOTES_OPEN = "\"“「『'‘"


def _running_headers(text: str, lines: _Lines) -> list[Change]:
    keys: list[str | None] = []
    for line in lines.stripped:
        ok = (
            line
            and len(line) <= _HEADER_MAX_LEN
            and len(_LETTER.findall(line)) >= 3
            and line[-1] not in _SENTENCE_END
            and line[0] not in _QUOTES_OPEN
        )
        keys.append(re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)) if ok else None)
    counts = Counter(key for key in keys if key)
    repeated = {key for key, count in counts.items() if count >= _HEADER_MIN_REPEATS}
    return [
        lines.removal(text, number, CleanupRule.RUNNING_HEADER)
        for number, key in enumerate(keys)
        if key in repeated and heading_kind(lines.stripped[number]) is None
    ]


# -- hyphenation and footnote markers ----------------------------------------------------------

_HYPHEN_BREAK = re.compile(r"([^\W\d_]+)-\n([^\W\d_]+)")  # the rule, as a reference
_LINE_END_HYPHEN = re.compile(r"-\n")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ONE_LETTER = re.compile(r"[^\W\d_]")
_COMPOUND_PREFIXES = frozenset({"self", "well", "ill", "half", "all", "ex", "great", "cross"})


def _hyphen_breaks(text: str) -> Iterator[tuple[str, int, str]]:
    """``(left word, hyphen offset, right word)`` for each ``_HYPHEN_BREAK`` match, found
    from the ``-\n`` pairs: matching the pattern itself backtracks through every run of
    letters (a Chinese book is one long run) in one call that holds the GIL for a quarter
    of a second per million characters, freezing the window that waits for it."""
    previous_end = 0
    for found in _LINE_END_HYPHEN.finditer(text):
        hyphen = found.start()
        right = _LETTER_RUN.match(text, hyphen + 2)
        start = hyphen
        while start > previous_end and _ONE_LETTER.match(text, start - 1):
            start -= 1
        if right is None or start == hyphen:
            continue
        previous_end = right.end()
        yield text[start:hyphen], hyphen, right.group(0)


def _hyphenation(text: str) -> list[Change]:
    changes: list[Change] = []
    lowered = text.lower()
    for left, hyphen, right in _hyphen_breaks(text):
        lower = left[-1].islower() and right[0].islower()
        keep_hyphen = (
            not lower or left.lower() in _COMPOUND_PREFIXES or f"{left}-{right}".lower() in lowered
        )
        if keep_hyphen:
            changes.append(Change(hyphen + 1, "\n", "", CleanupRule.HYPHENATION))
        else:
            changes.append(Change(hyphen, "-\n", "", CleanupRule.HYPHENATION))
    return changes


_FOOTNOTE = re.compile(
    r"(?<=\S)(?:\[\^?\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
)  # reference
# The same markers found from their first character, the look-behind checked in Python: the
# look-behind and the alternation tried at every position made one scan of a million
# characters hold the GIL for 50 to 100 ms; a character class is scanned four times faster.
_FOOTNOTE_CANDIDATE = re.compile(r"\[\^?\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_FOOTNOTE_START = re.compile(r"[\[［〔⁰¹²³⁴⁵⁶⁷⁸⁹]")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}$")


def _footnote_matches(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, marker)`` exactly as ``_FOOTNOTE.finditer`` finds them."""
    for match in _footnote_candidates(text):
        start, marker = match.start(), match.group(0)
        if start > 0 and not text[start - 1].isspace():
            yield start, marker
        elif len(marker) > 1 and marker[0] in _SUPERSCRIPTS:
            yield start + 1, marker[1:]  # the run after its first digit follows a non-space


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _footnote_candidates(text: str) -> Iterator[re.Match[str]]:
    """``_FOOTNOTE_CANDIDATE.finditer(text)``, trying only where a marker can start."""
    position = 0
    while (first := _FOOTNOTE_START.search(text, position)) is not None:
        match = _FOOTNOTE_CANDIDATE.match(text, first.start())
        if match is None:
            position = first.start() + 1
        else:
            position = match.end()
            yield match


def _footnote_markers(text: str) -> list[Change]:
    changes: list[Change] = []
    for start, marker in _footnote_matches(text):
        if marker in {"²", "³"} and _UNIT_BEFORE.search(text, 0, start):
            continue  # m², cm³: a unit, not a note
        changes.append(Change(start, marker, "", CleanupRule.FOOTNOTE_MARKER))
    return changes


# -- hard line wraps --------------------------------------------------------------------------

_WRAP_MIN_WIDTH = 30
_LIST_ITEM = re.compile(r"(?:[-*•·]|\d{1,3}[.)、])\s")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _line_wraps(text: str, lines: _Lines) -> list[Change]:
    width = _wrap_width(lines.stripped)
    if width < _WRAP_MIN_WIDTH:
        return []
    changes: list[Change] = []
    for number in range(len(lines.spans) - 1):
        line, following = lines.stripped[number], lines.stripped[number + 1]
        if not line or not following:
            continue
        start, end = lines.spans[number]
        next_start = lines.spans[number + 1][0]
        if text[next_start] in " \t\u3000" or _LIST_ITEM.match(following):
            continue
        if not _wrapped(line, width):
            continue
        if heading_kind(line) is not None or heading_kind(following) is not None:
            continue
        raw = text[start:end]
        trailing = len(raw) - len(raw.rstrip(" \t"))
        joiner = "" if _CJK.match(line[-1]) and _CJK.match(following[0]) else " "
        changes.append(
            Change(end - trailing, text[end - trailing : end + 1], joiner, CleanupRule.LINE_WRAP)
        )
    return changes


def _wrap_width(stripped: Sequence[str]) -> float:
    lengths = sorted(len(line) for line in stripped if line)
    if len(lengths) < 3:
        return 0.0
    return float(statistics.quantiles(lengths, n=10)[-1])


def _wrapped(line: str, width: float) -> bool:
    if len(line) < 0.6 * width:
        return False
    if line[-1] not in _SENTENCE_END:
        return True
    return not _CJK.match(line[-1]) and len(line) >= 0.85 * width


def _without_overlaps(changes: list[Change]) -> tuple[Change, ...]:
    """Keep changes in priority order (the list's order), dropping any that overlaps one
    already kept; then sort by offset."""
    starts: list[int] = []  # kept spans, sorted and disjoint: starts[i] < ends[i] <= starts[i+1]
    ends: list[int] = []
    kept: list[Change] = []
    for change in changes:
        start, end = change.offset, max(change.end, change.offset + 1)
        index = bisect_right(starts, start)
        if index > 0 and ends[index - 1] > start:
            continue
        if index < len(starts) and starts[index] < end:
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        kept.append(change)
    return tuple(sorted(kept, key=lambda c: c.offset))
