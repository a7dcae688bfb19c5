"""Listening to a stitched chapter sentence by sentence: when each sentence is heard, which
sentence is heard at a moment or sits at a place in the text, and where the segments join
(the chapter waveform draws those). Pure.

Sentence times come from the chapter's captions (:func:`.sentence_clips.sentence_clips`).
A chapter without captions is timed from where each segment sits in the audio and the
speaking-rate model of :func:`.chapter_captions.estimate_cues` inside each segment, so the
highlight still follows the voice segment by segment. Sentence numbers are 1-based indices
into :func:`.sentences.sentence_spans` (``book show --chapter N --json`` lists them so).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..subtitles import Cue
from .chapter_captions import estimate_cues
from .sentence_clips import SentenceClip, sentence_clips

__all__ = ["ChapterTiming", "PlacedSegment", "chapter_timing"]


@dataclass(frozen=True, slots=True)
class PlacedSegment:
    """A segment's ``[start, end)`` in the chapter text and where it is heard (ms)."""

    start: int
    end: int
    begin_ms: float
    end_ms: float


@dataclass(frozen=True)
class ChapterTiming:
    """The sentences of a chapter's text as heard in its stitched audio."""

    text: str
    clips: tuple[SentenceClip, ...]
    boundaries_ms: tuple[float, ...]  # where each segment after the first begins

    @staticmethod
    def number(clip: SentenceClip) -> int:
        """The sentence's number in its chapter, from 1."""
        return clip.index + 1

    def by_number(self, number: int) -> SentenceClip | None:
        return next((c for c in self.clips if c.index + 1 == number), None)

    def at_time(self, ms: float) -> SentenceClip | None:
        """The sentence heard at ``ms`` (in a pause: the one before it)."""
        if not self.clips:
            return None
        i = bisect_right([c.begin_ms for c in self.clips], ms) - 1
        return self.clips[max(i, 0)]

    def at_index(self, index: int) -> SentenceClip | None:
        """The sentence holding code point ``index``; in whitespace between sentences the
        next one; after the last, the last."""
        for clip in self.clips:
            if index < clip.end:
                return clip
        return self.clips[-1] if self.clips else None

    def step(self, clip: SentenceClip | None, by: int) -> SentenceClip | None:
        """The sentence ``by`` places after ``clip`` (before it for a negative ``by``),
        held at the first and the last; the first sentence when ``clip`` is None."""
        if not self.clips:
            return None
        if clip is None:
            return self.clips[0]
        i = next((k for k, c in enumerate(self.clips) if c.index == clip.index), 0)
        return self.clips[min(max(i + by, 0), len(self.clips) - 1)]


def chapter_timing(
    text: str, cues: Sequence[Cue], duration_ms: float, segments: Sequence[PlacedSegment]
) -> ChapterTiming:
    """The chapter's sentences timed from its captions, or from its segments when it has
    none (module doc)."""
    if not cues and segments:
        cues = [
            placed.cue
            for seg in segments
            for placed in estimate_cues(
                text[seg.start : seg.end], seg.start, seg.begin_ms, seg.end_ms
            )
        ]
    clips = sentence_clips(text, cues, duration_ms) if text else []
    boundaries = tuple(seg.begin_ms for seg in segments[1:])
    return ChapterTiming(text, tuple(clips), boundaries)
