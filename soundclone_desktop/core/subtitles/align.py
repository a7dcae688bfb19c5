"""Which part of the user's script each cue (and each word) speaks.

The server's character offsets cannot be trusted around pause markers (some engines count
the marker text, some do not: API reference §11), so cues are matched by their text. Both
sides are reduced to their letters and digits (NFKC, case-folded; see :func:`.text.keys`):
spaces, punctuation and the markers themselves are ignored, which makes Chinese (no spaces),
English and mixed text alike.

1. Cues are found in order, each where the previous one ended. A cue found further on is
   accepted if only a few characters were skipped, or if it is long enough to be
   unambiguous (a short cue such as ``好`` would otherwise jump to a later ``好``).
2. A cue not found exactly (the server changed a few characters) is matched with
   :class:`difflib.SequenceMatcher` in a window just after the previous cue, never past the
   next found one; it gets a span when at least half of its characters match.
3. Words are found in order inside their cue's span; a word that cannot be found has
   ``None``.

A cue span runs from its first to its last letter or digit, widened over punctuation that
the cue's own text has at its ends (``“…”``, ``。``), so it covers any marker inside the
sentence. Spans are code-point offsets into the original script, markers included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..script import analyze
from .model import Cue, Subtitles, cue_at, word_at
from .text import is_key, keys

__all__ = ["CueAlignment", "Span", "align_to_script", "cue_at", "word_at"]

_SLACK = 20  # letters and digits a cue may skip past and still be accepted
_DISTINCT = 8  # a cue with this many letters and digits is matched wherever it is next found
_MIN_SHARE = 0.5  # of a cue's characters the fuzzy match must find
_FUZZY_SLACK = 40  # script characters a fuzzy window reaches beyond the cue's own length


@dataclass(frozen=True)
class Span:
    """``script[start:end]``: code-point offsets in the original script (markers included)."""

    start: int
    end: int


@dataclass(frozen=True)
class CueAlignment:
    """The span a cue speaks (``None``: not found) and the span of each of its words."""

    cue: Span | None
    words: tuple[Span | None, ...]


@dataclass
class _Script:
    keys: str
    index: list[int]  # index[k]: position in the original script of keys[k]
    text: str
    in_marker: list[bool]


def align_to_script(subtitles: Subtitles, script: str) -> tuple[CueAlignment, ...]:
    """One :class:`CueAlignment` per cue of ``subtitles``, in order."""
    source = _prepare(script)
    cue_keys = [keys(cue.text)[0] for cue in subtitles.cues]
    ranges = _exact(source.keys, cue_keys)
    _fuzzy(source.keys, cue_keys, ranges)
    return tuple(
        _alignment(source, cue, key_range)
        for cue, key_range in zip(subtitles.cues, ranges, strict=True)
    )


def _prepare(script: str) -> _Script:
    in_marker = [False] * len(script)
    parts: list[str] = []
    index: list[int] = []
    cursor = 0
    for pause in (*analyze(script).pauses, None):
        stop = len(script) if pause is None else pause.start
        found, where = keys(script[cursor:stop])
        parts.append(found)
        index.extend(cursor + i for i in where)
        if pause is not None:
            for i in range(pause.start, pause.end):
                in_marker[i] = True
            cursor = pause.end
    return _Script("".join(parts), index, script, in_marker)


def _exact(text: str, cues: Sequence[str]) -> list[tuple[int, int] | None]:
    ranges: list[tuple[int, int] | None] = []
    cursor = 0
    for wanted in cues:
        at = text.find(wanted, cursor) if wanted else -1
        if at < 0 or (at - cursor > _SLACK and len(wanted) < _DISTINCT):
            ranges.append(None)
            continue
        ranges.append((at, at + len(wanted)))
        cursor = at + len(wanted)
    return ranges


def _fuzzy(text: str, cues: Sequence[str], ranges: list[tuple[int, int] | None]) -> None:
    """Fill the cues not found exactly by approximate matching, each in a short window.

    A cue is looked for just after the previous found cue, in a window a little longer than
    itself and never past the next found cue, so the cost stays proportional to the cue
    (one SequenceMatcher over a whole 10,000-character script would take a minute).
    """
    low = 0
    for k, wanted in enumerate(cues):
        found = ranges[k]
        if found is not None:
            low = found[1]
            continue
        if not wanted:
            continue
        following = next((r for r in ranges[k + 1 :] if r is not None), None)
        high = min(following[0] if following else len(text), low + len(wanted) + _FUZZY_SLACK)
        matched = _match(wanted, text[low:high])
        if matched is not None:
            ranges[k] = (low + matched[0], low + matched[1])
            low += matched[1]


def _match(wanted: str, region: str) -> tuple[int, int] | None:
    """Where most of ``wanted`` is found in ``region``, or ``None`` below the minimum share."""
    matcher = SequenceMatcher(None, wanted, region, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < _MIN_SHARE * len(wanted):
        return None
    first, last = blocks[0], blocks[-1]
    # Unmatched characters at the cue's ends were most likely changed, not dropped: the span
    # takes as many script characters there (as far as the window allows).
    start = max(0, first.b - first.a)
    end = min(len(region), last.b + last.size + len(wanted) - (last.a + last.size))
    return start, end


def _alignment(source: _Script, cue: Cue, key_range: tuple[int, int] | None) -> CueAlignment:
    if key_range is None:
        return CueAlignment(None, tuple(None for _ in cue.words))
    first, stop = key_range
    start, end = source.index[first], source.index[stop - 1] + 1
    start, end = _widen(source, cue.text, start, end)
    words: list[Span | None] = []
    cursor = first
    for word in cue.words:
        wanted, _ = keys(word.text)
        at = source.keys.find(wanted, cursor, stop) if wanted else -1
        if at < 0:
            words.append(None)
            continue
        words.append(Span(source.index[at], source.index[at + len(wanted) - 1] + 1))
        cursor = at + len(wanted)
    return CueAlignment(Span(start, end), tuple(words))


def _widen(source: _Script, cue_text: str, start: int, end: int) -> tuple[int, int]:
    """Extend ``[start, end)`` over the punctuation the cue's text has at its ends."""
    text = cue_text.strip()
    lead = set(_edge(text))
    trail = set(_edge(text[::-1]))
    script = source.text
    while start > 0 and script[start - 1] in lead and not source.in_marker[start - 1]:
        start -= 1
    while end < len(script) and script[end] in trail and not source.in_marker[end]:
        end += 1
    return start, end


def _edge(text: str) -> str:
    """The characters before the first letter or digit (spaces excluded)."""
    out = []
    for ch in text:
        if is_key(ch):
            break
        if not ch.isspace():
            out.append(ch)
    return "".join(out)
