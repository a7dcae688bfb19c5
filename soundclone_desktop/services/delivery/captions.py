"""Caption files for a delivered book: one per chapter (times from the start of its own
file) and one for the whole book (each chapter's cues moved by where its file starts), in
SRT, WebVTT, LRC or ASS. Each file is replaced atomically."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.core.subtitles import (
    Cue,
    ExportOptions,
    SubtitleFormat,
    Subtitles,
    encode,
    export_subtitles,
)
from soundclone_desktop.core.subtitles.book import book_captions
from soundclone_desktop.store.atomic import replacing

__all__ = ["CaptionedChapter", "write_book_captions"]


@dataclass(frozen=True, slots=True)
class CaptionedChapter:
    stem: str  # the chapter file's name without its extension: the captions take it
    cues: Sequence[Cue]
    offset_s: float  # where the chapter's file starts in the book's audio


def write_book_captions(
    folder: Path,
    book_stem: str,
    chapters: Sequence[CaptionedChapter],
    fmt: SubtitleFormat,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Write ``{stem}.{fmt}`` per chapter and ``{book_stem}.{fmt}`` for the book into
    ``folder``; returns the paths, the book's last."""
    options = options or ExportOptions()
    written = [_write(folder / f"{c.stem}{fmt.extension}", c.cues, fmt, options) for c in chapters]
    whole = book_captions([(c.cues, c.offset_s) for c in chapters])
    written.append(_write(folder / f"{book_stem}{fmt.extension}", whole, fmt, options))
    return written


def _write(path: Path, cues: Sequence[Cue], fmt: SubtitleFormat, options: ExportOptions) -> Path:
    data = encode(export_subtitles(Subtitles(tuple(cues)), fmt, options))
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return path
