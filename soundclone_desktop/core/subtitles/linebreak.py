"""Line breaking for subtitles: English at spaces, CJK between characters, never mid-word.

A text is cut into :class:`Piece` s at break opportunities:

- a space (the break swallows it), unless the next character closes (``, . ! ?`` ``，。！？、``
  ``)」”`` …) or the previous one opens (``(「“`` …);
- between two characters with no space where either is CJK-class (see :mod:`.text`), with
  the same closing/opening exceptions, so ``，`` never starts a line and ``“`` never ends one.

English words, numbers and a run like ``3.5`` are never split. A piece longer than the line
width gets a line of its own and overflows it: a broken word or URL is worse on screen than
a long line. Lengths count code points (one CJK character counts one, like one letter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .text import CLOSING, OPENING, is_cjk

CLAUSE_ENDS = frozenset("，。！？、；：,.!?;:…")
"""A cue split over several screens prefers to cut after one of these."""


@dataclass(frozen=True)
class Piece:
    """Unbreakable ``text`` at ``start`` in the source; ``space`` if a space precedes it."""

    text: str
    start: int
    space: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def pieces(text: str) -> list[Piece]:
    """``text`` (one normalised line: single spaces, no ends) cut at break opportunities."""
    out: list[Piece] = []
    begin, space = 0, False
    i = 1
    while i < len(text):
        prev, ch = text[i - 1], text[i]
        if ch == " ":
            following = text[i + 1] if i + 1 < len(text) else ""
            if following and following not in CLOSING and prev not in OPENING:
                out.append(Piece(text[begin:i], begin, space))
                begin, space = i + 1, True
                i += 2
                continue
        elif (
            prev != " "
            and (is_cjk(prev) or is_cjk(ch))
            and ch not in CLOSING
            and prev not in OPENING
        ):
            out.append(Piece(text[begin:i], begin, space))
            begin, space = i, False
        i += 1
    if text:
        out.append(Piece(text[begin:], begin, space))
    return out


def render(line: Sequence[Piece]) -> str:
    return "".join((" " if k and p.space else "") + p.text for k, p in enumerate(line))


def wrap(items: Sequence[Piece], width: int) -> list[list[Piece]]:
    """Greedy: as many pieces on each line as fit in ``width``."""
    lines: list[list[Piece]] = []
    current: list[Piece] = []
    length = 0
    for piece in items:
        added = len(piece.text) + (1 if current and piece.space else 0)
        if current and length + added > width:
            lines.append(current)
            current, length = [], 0
            added = len(piece.text)
        current.append(piece)
        length += added
    if current:
        lines.append(current)
    return lines


def balanced_wrap(
    items: Sequence[Piece], width: int, count: int | None = None
) -> list[list[Piece]]:
    """At most ``count`` lines (default: as few as ``width`` allows), as even as possible.

    The narrowest width that still needs no more lines than that is found by bisection
    (greedy line count never grows with the width), so two lines of a cue come out of
    similar length instead of a full line and a stub.
    """
    target = len(wrap(items, width)) if count is None else count
    low, high = 1, max(width, 1)
    while low < high:
        middle = (low + high) // 2
        if len(wrap(items, middle)) <= target:
            high = middle
        else:
            low = middle + 1
    return wrap(items, high)


def clauses(items: Sequence[Piece]) -> list[list[Piece]]:
    """Runs of pieces ending after clause punctuation (a closing quote may follow it)."""
    out: list[list[Piece]] = [[]]
    for piece in items:
        out[-1].append(piece)
        tail = piece.text.rstrip("”’\"')）」』】》")
        if tail and tail[-1] in CLAUSE_ENDS:
            out.append([])
    return [c for c in out if c]
