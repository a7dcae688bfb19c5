"""When each sentence of a chapter is heard, from the chapter's captions: what a read-along
book (EPUB 3 Media Overlays) highlights as the audio plays. Pure.

1. Sentences are :func:`.sentences.sentence_spans` of the text; a sentence of only
   whitespace (or only pause markers) is not read aloud and gets no clip.
2. Each cue is placed in the text by :func:`..subtitles.align_to_script`. A cue that
   covers several sentences has its time shared among them by their number of characters
   inside it; a sentence that several cues cover runs from the first one's start to the
   last one's end. So sentence-level captions give each sentence exactly its cue's times.
3. A sentence no cue covers (a cue the server left out, or one the alignment could not
   place) is given a share of the gap between its timed neighbours, by characters: the
   start of the audio and ``duration_ms`` stand in for missing neighbours.

Clips never go backwards and stay inside ``0 … duration_ms``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..script import analyze
from ..subtitles import Cue, Subtitles, align_to_script
from .sentences import sentence_spans

__all__ = ["SentenceClip", "sentence_clips", "spoken_text"]


@dataclass(frozen=True, slots=True)
class SentenceClip:
    """Sentence ``index`` (of :func:`sentence_spans`) is ``text[start:end]`` and plays from
    ``begin_ms`` to ``end_ms``; ``timed`` is False where the times were interpolated."""

    index: int
    start: int
    end: int
    begin_ms: float
    end_ms: float
    timed: bool


def spoken_text(text: str) -> str:
    """``text`` without its pause markers (they are instructions to the voice, not words)."""
    pauses = analyze(text).pauses
    if not pauses:
        return text
    parts: list[str] = []
    cursor = 0
    for pause in pauses:
        parts.append(text[cursor : pause.start])
        cursor = pause.end
    parts.append(text[cursor:])
    return "".join(parts)


def sentence_clips(text: str, cues: Sequence[Cue], duration_ms: float) -> list[SentenceClip]:
    """One clip per sentence that has words, in order (module doc)."""
    sentences = [
        (index, start, end)
        for index, (start, end) in enumerate(sentence_spans(text))
        if spoken_text(text[start:end]).strip()
    ]
    timed: list[tuple[float, float] | None] = [None] * len(sentences)
    alignments = align_to_script(Subtitles(tuple(cues)), text)
    for cue, alignment in zip(cues, alignments, strict=True):
        if alignment.cue is None:
            continue
        _share(cue, alignment.cue.start, alignment.cue.end, sentences, timed)
    return _fill(sentences, timed, text, duration_ms)


def _share(
    cue: Cue,
    low: int,
    high: int,
    sentences: Sequence[tuple[int, int, int]],
    timed: list[tuple[float, float] | None],
) -> None:
    """Give the sentences overlapping ``text[low:high]`` their part of ``cue``'s time."""
    overlaps = [
        (k, min(end, high) - max(start, low))
        for k, (_, start, end) in enumerate(sentences)
        if start < high and low < end
    ]
    total = sum(size for _, size in overlaps)
    if total <= 0:
        return
    at = cue.start_ms
    for k, size in overlaps:
        until = at + cue.duration_ms * size / total
        known = timed[k]
        timed[k] = (at, until) if known is None else (min(known[0], at), max(known[1], until))
        at = until


def _fill(
    sentences: Sequence[tuple[int, int, int]],
    timed: Sequence[tuple[float, float] | None],
    text: str,
    duration_ms: float,
) -> list[SentenceClip]:
    clips: list[SentenceClip] = []
    k = 0
    previous_end = 0.0
    while k < len(sentences):
        known = timed[k]
        if known is not None:
            begin = min(max(known[0], previous_end), duration_ms)
            end = min(max(known[1], begin), duration_ms)
            clips.append(SentenceClip(*sentences[k], begin, end, True))
            previous_end = end
            k += 1
            continue
        gap_end = k
        while gap_end < len(sentences) and timed[gap_end] is None:
            gap_end += 1
        following = timed[gap_end] if gap_end < len(sentences) else None
        until = min(duration_ms, following[0] if following else duration_ms)
        until = max(until, previous_end)
        weights = [len(text[start:end].strip()) or 1 for _, start, end in sentences[k:gap_end]]
        at = previous_end
        for offset, weight in enumerate(weights):
            step = (until - previous_end) * weight / sum(weights)
            clips.append(SentenceClip(*sentences[k + offset], at, at + step, False))
            at += step
        previous_end = until
        k = gap_end
    return clips
