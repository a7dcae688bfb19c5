"""One caption timeline for a stitched chapter, from its takes' subtitles. Pure.

Each take's cues are shifted by where the take starts in the chapter audio and aligned to
its own segment's text (never to the whole chapter: a short cue such as ``好`` cannot then
jump to another segment), and the spans are moved to chapter offsets. A take without
subtitles gets one estimated cue per sentence of its segment (:mod:`.sentences`), timed
over the take's sound (its first to its last audible frame) in proportion to how long each
sentence takes to say (below), so the player can still follow and seek.

Estimated speaking time per character: a CJK character 0.20 s, a digit 0.15 s, another
letter 0.06 s (a narrator's average, as the demo server also times them), plus a pause
marker's own seconds exactly. Only the proportions matter: the take's real length is spread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..languages import contains_cjk
from ..script import analyze
from ..subtitles import Cue, Span, Subtitles, Word, align_to_script
from ..subtitles.text import normalize_text
from .sentences import sentence_spans

_CJK_S = 0.20
_DIGIT_S = 0.15
_LETTER_S = 0.06


@dataclass(frozen=True, slots=True)
class PlacedCue:
    """A cue on the chapter's timeline and the chapter text it speaks (``None``: not found).
    ``estimated``: timed from sentence lengths, not from the server's subtitles."""

    cue: Cue
    span: Span | None
    estimated: bool = False


def shifted(cue: Cue, offset_ms: float) -> Cue:
    """``cue`` (and its words) ``offset_ms`` later."""
    words = tuple(Word(w.text, w.start_ms + offset_ms, w.end_ms + offset_ms) for w in cue.words)
    return replace(
        cue, start_ms=cue.start_ms + offset_ms, end_ms=cue.end_ms + offset_ms, words=words
    )


def place_subtitles(
    subtitles: Subtitles, segment_text: str, segment_start: int, offset_ms: float
) -> list[PlacedCue]:
    """A take's subtitles on the chapter timeline, aligned to its segment's text
    (``segment_text`` = the chapter's text from offset ``segment_start``)."""
    alignments = align_to_script(subtitles, segment_text)
    placed = []
    for cue, alignment in zip(subtitles.cues, alignments, strict=True):
        span = alignment.cue
        moved = None if span is None else Span(span.start + segment_start, span.end + segment_start)
        placed.append(PlacedCue(shifted(cue, offset_ms), moved))
    return placed


def estimate_cues(
    segment_text: str, segment_start: int, start_ms: float, end_ms: float
) -> list[PlacedCue]:
    """One cue per sentence of ``segment_text``, spread over ``[start_ms, end_ms)`` in
    proportion to each sentence's estimated speaking time (module doc)."""
    sentences: list[tuple[str, int, int, float]] = []
    for start, end in sentence_spans(segment_text):
        piece = segment_text[start:end]
        shown = normalize_text(piece)
        if not shown:
            continue
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        sentences.append((shown, start + lead, start + trail, _speaking_seconds(piece)))
    total = sum(weight for *_, weight in sentences)
    if not sentences or total <= 0 or end_ms <= start_ms:
        return []
    scale = (end_ms - start_ms) / total
    placed = []
    at = start_ms
    for index, (shown, start, end, weight) in enumerate(sentences):
        stop = end_ms if index == len(sentences) - 1 else at + weight * scale
        span = Span(segment_start + start, segment_start + end)
        placed.append(PlacedCue(Cue(shown, at, stop), span, estimated=True))
        at = stop
    return placed


def _speaking_seconds(text: str) -> float:
    report = analyze(text)
    seconds = sum(p.seconds for p in report.pauses)
    cursor = 0
    for pause in (*report.pauses, None):
        stop = len(text) if pause is None else pause.start
        seconds += sum(_char_seconds(ch) for ch in text[cursor:stop])
        if pause is not None:
            cursor = pause.end
    return seconds


def _char_seconds(ch: str) -> float:
    if ch.isdigit():
        return _DIGIT_S
    if contains_cjk(ch):
        return _CJK_S if ch.isalnum() else 0.0
    return _LETTER_S if ch.isalnum() else 0.0


def timeline(parts: Sequence[Sequence[PlacedCue]]) -> tuple[PlacedCue, ...]:
    """The takes' cues as one timeline, in start order (takes never overlap, so this keeps
    each take's own order)."""
    merged = [placed for part in parts for placed in part]
    return tuple(sorted(merged, key=lambda p: p.cue.start_ms))
