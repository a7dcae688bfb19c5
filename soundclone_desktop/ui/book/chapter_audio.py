"""A chapter as one piece of audio: its rendered segments stitched by the audio engine
(``services/book/stitch.py``), with the caption file the captions pane reads.

The stitching module is imported lazily and may be missing from a build: then
:func:`stitch_available` is False and callers fall back (the ▶ plays the first segment).
Stitching is idempotent (the stitcher keeps a manifest and redoes only what changed), so
asking for a chapter's audio again costs little.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from soundclone_desktop.core.book.listening import ChapterTiming
    from soundclone_desktop.core.book.model import Book
    from soundclone_desktop.store.book import BookStore

log = logging.getLogger(__name__)

STITCH_MODULE = "soundclone_desktop.services.book.stitch"


@dataclass(frozen=True)
class ChapterAudio:
    """What the player and the captions need of a stitched chapter."""

    chapter_id: str
    audio_path: Path
    captions_path: Path | None
    duration_s: float
    timing: ChapterTiming | None = None  # when each sentence is heard, where segments join


def stitch_module() -> ModuleType | None:
    """The stitcher, or None when this build has none (yet)."""
    try:
        return importlib.import_module(STITCH_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("soundclone_desktop"):
            return None  # the stitcher, or a module of its, is not in this build
        raise


def stitch_available() -> bool:
    return stitch_module() is not None


def chapter_ready(store: BookStore, chapter_id: str) -> bool:
    """Every spoken segment of the chapter has a current take (False without a stitcher)."""
    module = stitch_module()
    return module is not None and bool(module.chapter_ready(store.book, chapter_id))


async def stitch(store: BookStore, chapter_id: str) -> ChapterAudio:
    """Stitch the chapter (or reuse its stitched file). Raises RuntimeError without a
    stitcher, the stitcher's own errors (a sentence each) otherwise."""
    module = stitch_module()
    if module is None:
        raise RuntimeError("chapter stitching is not available in this build")
    result = await module.stitch_chapter(store, chapter_id)
    captions = getattr(result, "captions_path", None)
    if captions is None and result.captions:
        captions = await asyncio.to_thread(_write_captions, result)
    timing = await asyncio.to_thread(_timing, store.book, chapter_id, result)
    path = Path(result.audio_path)
    return ChapterAudio(chapter_id, path, captions, float(result.duration_s), timing)


def _timing(book: Book, chapter_id: str, result: Any) -> ChapterTiming:
    """Worker-thread work: the chapter's sentences timed from the stitched captions, or from
    where its segments sit in the audio when no take had subtitles."""
    from soundclone_desktop.core.book.listening import PlacedSegment, chapter_timing

    spans = {s.id: (s.start, s.end) for s in book.segments(chapter_id)}
    placed = [
        PlacedSegment(*spans[seg_id], begin_s * 1000.0, end_s * 1000.0)
        for seg_id, begin_s, end_s in getattr(result, "segment_offsets", ())
        if seg_id in spans
    ]
    text = book.chapter(chapter_id).text
    cues = tuple(result.captions)
    return chapter_timing(text, cues, float(result.duration_s) * 1000.0, placed)


def _write_captions(result: Any) -> Path:
    """An SRT beside the chapter's audio, for a stitcher that returns only the cues."""
    from soundclone_desktop.core.subtitles import (
        SubtitleFormat,
        Subtitles,
        encode,
        export_subtitles,
    )
    from soundclone_desktop.store.atomic import atomic_write_bytes

    path = Path(result.audio_path).with_suffix(SubtitleFormat.SRT.extension)
    subtitles = Subtitles(tuple(result.captions))
    atomic_write_bytes(path, encode(export_subtitles(subtitles, SubtitleFormat.SRT)))
    return path
