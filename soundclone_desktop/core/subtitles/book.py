"""Captions for a whole book: every chapter's cues moved to where its file starts in the
book's audio (the M4B, or the chapter files played in a row). Pure."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Cue, Word

__all__ = ["book_captions", "shifted"]


def shifted(cue: Cue, offset_ms: float) -> Cue:
    """``cue`` (and its words) ``offset_ms`` later."""
    words = tuple(Word(w.text, w.start_ms + offset_ms, w.end_ms + offset_ms) for w in cue.words)
    return Cue(cue.text, cue.start_ms + offset_ms, cue.end_ms + offset_ms, words)


def book_captions(chapters: Sequence[tuple[Sequence[Cue], float]]) -> list[Cue]:
    """The cues of every ``(cues, offset_s)`` chapter on the book's clock, in start order
    (a chapter's cues keep their order where times tie)."""
    moved = [shifted(cue, offset_s * 1000.0) for cues, offset_s in chapters for cue in cues]
    return sorted(moved, key=lambda cue: cue.start_ms)
