"""One audiobook file: the chapters' audio as AAC in an MP4 container (``.m4b``) with
chapter markers, a cover and the book's tags.

How it is written:

- Streaming: each chapter is decoded block by block at the book's rate and channel count
  (one block ahead on a helper thread, :func:`.decode.prefetched`) and fed to one AAC
  encoder (:class:`.encode.AudioWriter`, FFmpeg's ``ipod`` muxer), so memory stays at a few
  blocks for any length.
- Markers exact by construction: FFmpeg lays out its chapter track when the header is
  written, so chapter times must be known before the first sample. Each chapter takes
  exactly ``round(duration × rate)`` samples, its duration read from the file's headers
  (counted by decoding when a header does not say); the decoded audio is cut or padded with
  silence to that length (a few milliseconds at most, inside the chapter's tail room tone).
- Chapters twice, as players read them: FFmpeg writes the QuickTime chapter track (Apple
  Books, iTunes, VLC) and the Nero ``chpl`` list (VLC, foobar2000, mutagen, most Android
  players).
- Brand ``M4B `` in ``ftyp`` (what Apple writes and looks for), ``stik`` = 2 (audiobook).
- Tags with mutagen after muxing (see :data:`TAG_MAPPING`): FFmpeg cannot write a cover for
  an audio-only MP4, and the audiobook atoms (``stik``, ``desc``) are not its metadata keys.
- Atomic: written under a temporary name beside ``out`` and renamed at the end; a failure or
  a cancel leaves nothing behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from mutagen import MutagenError
from mutagen.mp4 import MP4, MP4Cover

from soundclone_desktop.store.atomic import replacing

from .decode import Cancelled, exact_duration, open_audio, prefetched, probe
from .encode import AudioWriter, EncodeOptions, Encoding
from .model import AudioError, Samples

__all__ = ["TAG_MAPPING", "BookMeta", "Cancelled", "ChapterAudio", "M4bResult", "write_m4b"]

TAG_MAPPING = {
    "title": ("\xa9nam", "\xa9alb"),
    "author": ("\xa9ART", "aART"),
    # Composer (©wrt) is where Audiobookshelf, VLC and most taggers look for the narrator;
    # ©nrt is the atom Audible's own files carry.
    "narrator": ("\xa9wrt", "\xa9nrt"),
    "year": ("\xa9day",),
    # desc: Apple's short description; ldes: its long one; ©cmt: what VLC shows.
    "description": ("desc", "ldes", "\xa9cmt"),
    "genre": ("\xa9gen",),
}
"""Which MP4 atoms each field of :class:`BookMeta` is written to."""

_AUDIOBOOK_MEDIA_KIND = 2  # stik: Apple's "Audiobook"
_BLOCK_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class ChapterAudio:
    title: str
    path: Path


@dataclass(frozen=True, slots=True)
class BookMeta:
    title: str
    author: str | None = None
    narrator: str | None = None
    year: int | str | None = None
    description: str | None = None
    genre: str | None = None
    cover: Path | None = None  # JPEG or PNG


@dataclass(frozen=True, slots=True)
class M4bResult:
    path: Path
    chapter_starts_s: tuple[float, ...]
    duration_s: float


def write_m4b(
    chapters: Sequence[ChapterAudio],
    out: Path,
    *,
    meta: BookMeta,
    bitrate_kbps: int = 64,
    rate: int = 44_100,
    channels: int = 1,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> M4bResult:
    """Write ``chapters`` in order to ``out`` (replaced atomically).

    ``progress`` gets the fraction done (0…1) after each block; ``cancelled()`` is asked
    between blocks and :class:`Cancelled` raised when it turns true. Every failure is an
    :class:`AudioError` with a sentence for the user.
    """
    if not chapters:
        raise AudioError("A book needs at least one chapter to be written as M4B.")
    cover = _cover(meta.cover)
    lengths = [_frames(chapter.path, rate) for chapter in chapters]
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(int).tolist()
    marks = [(chapter.title, starts[i], starts[i + 1]) for i, chapter in enumerate(chapters)]
    total = starts[-1]
    brand = "M4A " if out.suffix.lower() == ".m4a" else "M4B "
    options = EncodeOptions(Encoding.M4A, bitrate_kbps=bitrate_kbps, rate=rate, channels=channels)
    with _replacing(out) as temporary:
        writer = AudioWriter(temporary, options, rate=rate, channels=channels,
                             muxer_options={"brand": brand}, chapters=marks)  # fmt: skip
        with writer:
            done = 0
            blocks = _book_blocks(chapters, lengths, rate, channels, cancelled)
            for block in prefetched(blocks):
                writer.write(block)
                done += block.shape[1]
                if progress is not None:
                    progress(done / total if total else 1.0)
        _tag(temporary, meta, cover)
    return M4bResult(
        path=out,
        chapter_starts_s=tuple(start / rate for start in starts[:-1]),
        duration_s=total / rate,
    )


def _frames(path: Path, rate: int) -> int:
    seconds = probe(path).duration_s
    if seconds is None:
        seconds = exact_duration(path)
    return round(seconds * rate)


def _book_blocks(
    chapters: Sequence[ChapterAudio],
    lengths: Sequence[int],
    rate: int,
    channels: int,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Samples]:
    """Every chapter's samples in order, each cut or padded to its length."""
    size = round(_BLOCK_SECONDS * rate)
    for chapter, length in zip(chapters, lengths, strict=True):
        left = length
        with open_audio(chapter.path, rate=rate, channels=channels) as source:
            for block in source.blocks(size, cancelled=cancelled):
                if left <= 0:
                    break
                piece = block[:, :left]
                left -= piece.shape[1]
                yield piece
        while left > 0:
            pad = min(left, size)
            yield np.zeros((channels, pad), np.float32)
            left -= pad


def _cover(path: Path | None) -> MP4Cover | None:
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AudioError(f"Could not read the cover {path.name}: {exc.strerror or exc}.") from exc
    if data.startswith(b"\xff\xd8\xff"):
        return MP4Cover(data, imageformat=MP4Cover.FORMAT_JPEG)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return MP4Cover(data, imageformat=MP4Cover.FORMAT_PNG)
    raise AudioError(f"The cover {path.name} is not a JPEG or PNG image.")


def _tag(path: Path, meta: BookMeta, cover: MP4Cover | None) -> None:
    try:
        mp4 = MP4(path)
        if mp4.tags is None:
            mp4.add_tags()
        tags = mp4.tags
        assert tags is not None
        for field, keys in TAG_MAPPING.items():
            value = getattr(meta, field)
            if value is None or str(value) == "":
                continue
            for key in keys:
                tags[key] = [str(value)]
        tags["stik"] = [_AUDIOBOOK_MEDIA_KIND]
        if cover is not None:
            tags["covr"] = [cover]
        mp4.save()
    except (MutagenError, OSError) as exc:
        raise AudioError(f"Could not tag {path.name}: {exc}.") from exc


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """:func:`replacing` with an OSError worded for the user."""
    try:
        with replacing(target) as temporary:
            yield temporary
    except OSError as exc:
        raise AudioError(f"Could not write {target}: {exc.strerror or exc}.") from exc
