"""Paragraph, sentence and clause boundaries of a chapter's text.

Every function here returns boundaries as code-point offsets (Python indices, as in
:mod:`..script`) and is deterministic. Spans cover the text exactly, with no gaps: the
whitespace after a sentence (or paragraph) belongs to it, and only the whitespace at the very
start of the text belongs to what follows it. Sentence numbers for review ("3.12" = chapter 3,
sentence 12) are indices into :func:`sentence_spans`, so the rules below are part of the
contract: change them and sentence numbers move.

Paragraphs
    A paragraph ends after a line break and all whitespace that follows it (further blank
    lines, the next line's indentation). Line breaks are those of :meth:`str.splitlines`.

Sentences
    A paragraph end is always a sentence end. Inside a paragraph a sentence ends after a run
    of terminal punctuation ``. ! ? 。 ！ ？ … ｡`` (``……``, ``?!``, ``...`` are one run), the
    closing quotes and brackets right after it (``” ’ 」 』 ） 》 】 〉 〕 " ' ) ]``) and the
    whitespace after those, when:

    - the run holds Chinese ``。！？｡``: always;
    - nothing (no whitespace) follows: only if a CJK character follows and the run is not
      inside a link (``done.然后``); so ``3.14``, ``e.g``, ``example.com`` never split;
    - whitespace follows: not if the next word starts in lower case (``approx. five``,
      ``Well… maybe``); for a single ``.`` also not after a title or reference
      abbreviation (``Mr. Mrs. Ms. Dr. St. Prof. e.g. i.e. vs. cf. Fig. Vol.`` …), not after
      ``No.`` before a digit, not after a capital initial before a capital (``J. R. R.
      Tolkien``), and after ``etc. a.m. p.m. Inc.`` or a dotted acronym (``U.S.``) only
      before a capital or a CJK character.

Clauses (the fallback for a sentence longer than the request limit)
    After ``， ； ： 、`` always, after ``, ; :`` only when whitespace follows (``1,000``,
    ``10:30`` stay whole), never inside a pause marker or a link.

Each rule looks no further than the paragraph it is in, so an edit in one paragraph cannot
move a boundary in another.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from ..languages import contains_cjk
from ..script import MARKER_SHAPED

LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CLOSERS: Final = "”’」』）》】〉〕\"')\\]"

_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]\s*")
_NONSPACE = re.compile(r"\S")
_TERMINAL = re.compile(r"(?P<p>[.!?。！？…｡]+)[" + _CLOSERS + "]*")
_CLAUSE = re.compile(r"(?P<p>[，；：、,;:]+)[" + _CLOSERS + "]*")
_SPACE_RUN = re.compile(r"\s+")
_SPACES = re.compile(r"\s*")
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_STRONG: Final = frozenset("。！？｡")
_ASCII_CLAUSE: Final = frozenset(",;:")
# Spans a clause or whitespace cut must not enter: anything marker-shaped (even malformed),
# links and e-mail addresses. The lookbehind keeps the address scan linear in CJK runs.
_UNCUTTABLE = re.compile(
    MARKER_SHAPED.pattern + r"|(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_LINK_HINTS: Final = ("://", "@", "www.")

# A word before "." that never ends a sentence (the next word belongs to it).
_NEVER_FINAL: Final = frozenset(
    re.findall(
        r"\S+",
        "mr mrs ms mx dr st prof rev gen col capt lt sgt hon gov sen rep fr mt "
        "e.g i.e cf vs viz fig figs vol vols ch chap pp approx ca",
    )
)
# A word before "." that ends a sentence only when a capital (or CJK) follows.
_MAYBE_FINAL: Final = frozenset(re.findall(r"\S+", "etc a.m p.m inc ltd co corp jr bros esp al"))
_WORD_LOOKBACK: Final = 12
_LINK_LOOKBACK: Final = 200


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` as ``(start, end)`` spans covering it exactly.

    Empty text has no paragraph; text of only whitespace is one paragraph.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if _NONSPACE.search(text, start, m.start()) is None:
            continue  # leading blank lines belong to the first paragraph
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` spans covering it exactly."""
    return _spans(sentence_breaks(text), len(text))


def sentence_breaks(text: str) -> list[int]:
    """Sorted offsets (strictly inside ``text``) where one sentence ends and the next starts."""
    breaks = {end for _, end in paragraph_spans(text)}
    n = len(text)
    for m in _TERMINAL.finditer(text):
        after = m.end()
        spaces = _SPACES.match(text, after)
        cut = spaces.end() if spaces else after
        if cut == n or (cut > after and _LINE_BREAK.search(text, after, cut)):
            continue  # the end of the text or of the paragraph: a break already
        if _ends_sentence(text, m.start(), m["p"], after, cut):
            breaks.add(cut)
    breaks.discard(n)
    return sorted(breaks)


def _ends_sentence(text: str, start: int, punct: str, after: int, nxt: int) -> bool:
    """Whether the punctuation run ``punct`` at ``start`` ends a sentence (module doc)."""
    if not _STRONG.isdisjoint(punct):
        return True
    following = text[nxt]
    if after == nxt:  # glued to the next character
        return contains_cjk(following) and not _in_link(text, start)
    if following.islower():
        return False
    if punct != ".":
        return True  # "!", "?", "…", "..."
    word = _word_before(text, start)
    lowered = word.lower()
    if lowered in _NEVER_FINAL:
        return False
    if lowered == "no" and following.isdigit():
        return False
    if len(word) == 1 and word.isupper() and following.isupper():
        return False  # an initial: "J. R. R. Tolkien"
    if "." in word or lowered in _MAYBE_FINAL:
        return following.isupper() or contains_cjk(following)
    return True


def _word_before(text: str, end: int) -> str:
    start = end
    floor = max(0, end - _WORD_LOOKBACK)
    while start > floor and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:end].strip(".")


def _in_link(text: str, pos: int) -> bool:
    window = text[max(0, pos - _LINK_LOOKBACK) : pos]
    if not any(hint in window for hint in _LINK_HINTS):
        return False  # the usual case, decided without a loop in Python
    words = window.split()
    return bool(words) and not window[-1].isspace() and any(h in words[-1] for h in _LINK_HINTS)


def clause_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted offsets strictly inside ``text[start:end]`` after a clause (module doc)."""
    stop = len(text) if end is None else end
    guard = Uncuttable(text, start, stop)
    breaks: list[int] = []
    for m in _CLAUSE.finditer(text, start, stop):
        cut = m.end()
        while cut < stop and text[cut].isspace():
            cut += 1
        if cut >= stop:
            continue
        if cut == m.end() and m["p"][-1] in _ASCII_CLAUSE:
            continue  # "1,000", "10:30"
        if not guard.inside(m.start()):
            breaks.append(cut)
    return breaks


def whitespace_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted offsets strictly inside ``text[start:end]`` right after a run of whitespace."""
    stop = len(text) if end is None else end
    guard = Uncuttable(text, start, stop)
    return [
        m.end()
        for m in _SPACE_RUN.finditer(text, start, stop)
        if start < m.end() < stop and not guard.inside(m.start())
    ]


class Uncuttable:
    """The marker-shaped, link and address spans of ``text[start:end]``: no cut goes inside."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str, start: int, end: int) -> None:
        spans = [m.span() for m in _UNCUTTABLE.finditer(text, start, end)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def inside(self, pos: int) -> bool:
        """Whether the character at ``pos`` is inside one of the spans, not its last one."""
        # The last character of a span is outside: a link's trailing comma is punctuation.
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i] - 1

    def splits(self, cut: int) -> bool:
        """Whether a cut before the character at ``cut`` would split one of the spans."""
        i = bisect_right(self._starts, cut - 1) - 1
        return i >= 0 and cut < self._ends[i]


def _spans(breaks: Sequence[int], length: int) -> list[tuple[int, int]]:
    if length == 0:
        return []
    edges = [0, *breaks, length]
    return list(pairwise(edges))
