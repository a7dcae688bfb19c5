"""Cues as they go on screen: lines of a given width, a few lines per cue, a minimum time.

A cue whose text needs more than ``max_lines`` lines is split into several cues, cutting
after clause punctuation where the pieces fit, otherwise into evenly filled screens. The
split cues share the original time span: at word level each starts when its first word is
heard (and the previous one stays up until then); without word times the span is shared in
proportion to the characters shown (spaces not counted).

Then short cues are lengthened to ``min_duration_ms``: first into the silence after them,
then into the silence before them, never over a neighbouring cue (overlapping cues stack on
screen). A cue with no room around it stays short.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .linebreak import Piece, balanced_wrap, clauses, pieces, render, wrap
from .model import Cue, Word
from .text import join_lines, keys, normalize_text


@dataclass(frozen=True)
class Block:
    """One cue laid out: its time span and its lines as written to a file."""

    start_ms: float
    end_ms: float
    lines: tuple[str, ...]
    words: tuple[Word, ...] = ()

    @property
    def text(self) -> str:
        return join_lines(self.lines)

    def as_cue(self) -> Cue:
        return Cue(self.text, self.start_ms, self.end_ms, self.words)


def layout(
    cues: Sequence[Cue], *, max_chars: int, max_lines: int, min_duration_ms: float
) -> list[Block]:
    """The blocks to write for ``cues`` (empty cues dropped), in start order."""
    blocks: list[Block] = []
    for cue in sorted(cues, key=lambda c: c.start_ms):
        text = normalize_text(cue.text)
        if text:
            blocks.extend(_split(replace(cue, text=text), max_chars, max_lines))
    return stretch(blocks, min_duration_ms)


def _split(cue: Cue, width: int, max_lines: int) -> list[Block]:
    items = pieces(cue.text)
    screens = _screens(items, width, max_lines)
    spans = [(screen[0].start, screen[-1].end) for screen in screens]
    times, words = _times(cue, spans)
    return [
        Block(start, end, tuple(render(line) for line in balanced_wrap(screen, width)), ws)
        for screen, (start, end), ws in zip(screens, times, words, strict=True)
    ]


def _fits(items: Sequence[Piece], width: int, max_lines: int) -> bool:
    return len(wrap(items, width)) <= max_lines


def _screens(items: list[Piece], width: int, max_lines: int) -> list[list[Piece]]:
    """Groups of pieces, each filling at most ``max_lines`` lines."""
    if _fits(items, width, max_lines):
        return [items]
    screens: list[list[Piece]] = []
    current: list[Piece] = []
    for clause in clauses(items):
        if _fits(current + clause, width, max_lines):
            current = current + clause
            continue
        if current:
            screens.append(current)
            current = []
        if _fits(clause, width, max_lines):
            current = list(clause)
        else:
            screens.extend(_even_screens(clause, width, max_lines))
    if current:
        screens.append(current)
    return screens


def _even_screens(items: Sequence[Piece], width: int, max_lines: int) -> list[list[Piece]]:
    """A clause too long for one screen, cut into as few, evenly filled screens as possible."""
    needed = math.ceil(len(wrap(items, width)) / max_lines)
    lines = balanced_wrap(items, width, needed * max_lines)
    # The balanced lines may leave some width over: spread them evenly across the screens.
    per_screen = math.ceil(len(lines) / needed)
    return [
        [piece for line in lines[k : k + per_screen] for piece in line]
        for k in range(0, len(lines), per_screen)
    ]


def _times(
    cue: Cue, spans: Sequence[tuple[int, int]]
) -> tuple[list[tuple[float, float]], list[tuple[Word, ...]]]:
    if len(spans) == 1:
        return [(cue.start_ms, cue.end_ms)], [cue.words]
    by_word = _word_times(cue, spans)
    if by_word is not None:
        return by_word
    weights = [sum(1 for ch in cue.text[a:b] if not ch.isspace()) for a, b in spans]
    total = sum(weights) or 1
    bounds = [cue.start_ms]
    running = 0
    for weight in weights:
        running += weight
        bounds.append(cue.start_ms + cue.duration_ms * running / total)
    bounds[-1] = cue.end_ms
    return [(bounds[k], bounds[k + 1]) for k in range(len(spans))], [() for _ in spans]


def _word_times(
    cue: Cue, spans: Sequence[tuple[int, int]]
) -> tuple[list[tuple[float, float]], list[tuple[Word, ...]]] | None:
    """Screen times from the words' times, or ``None`` if some screen has no located word."""
    located = locate_words(cue.text, cue.words)
    groups: list[list[Word]] = [[] for _ in spans]
    for word, position in zip(cue.words, located, strict=True):
        if position is None:
            continue
        for k, (a, b) in enumerate(spans):
            if a <= position < b:
                groups[k].append(word)
                break
    if not all(groups):
        return None
    starts = [cue.start_ms] + [min(w.start_ms for w in g) for g in groups[1:]]
    # Word times out of order would make a screen end before it starts: keep them monotonic.
    for k in range(1, len(starts)):
        starts[k] = min(max(starts[k], starts[k - 1]), cue.end_ms)
    ends = [*starts[1:], cue.end_ms]
    return list(zip(starts, ends, strict=True)), [tuple(g) for g in groups]


def locate_words(text: str, words: Sequence[Word]) -> list[int | None]:
    """Where each word starts in ``text``, found in order by its letters and digits."""
    text_keys, index = keys(text)
    out: list[int | None] = []
    cursor = 0
    for word in words:
        wanted, _ = keys(word.text)
        at = text_keys.find(wanted, cursor) if wanted else -1
        if at < 0:
            out.append(None)
            continue
        out.append(index[at])
        cursor = at + len(wanted)
    return out


def stretch(blocks: Sequence[Block], min_duration_ms: float) -> list[Block]:
    """Blocks shorter than ``min_duration_ms`` lengthened into the silence around them."""
    out = list(blocks)
    for k, block in enumerate(out):
        if block.end_ms - block.start_ms >= min_duration_ms:
            continue
        limit = out[k + 1].start_ms if k + 1 < len(out) else math.inf
        end = max(block.end_ms, min(block.start_ms + min_duration_ms, limit))
        floor = out[k - 1].end_ms if k else 0.0
        start = min(block.start_ms, max(end - min_duration_ms, floor))
        out[k] = replace(block, start_ms=start, end_ms=end)
    return out
