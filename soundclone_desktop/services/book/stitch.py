"""A chapter's chosen takes stitched into one audio file with one caption timeline.

What is stitched (the order, the gaps, the heading rule) is :mod:`core.book.stitch_plan`;
the streaming join is :class:`audio.splice.Splice`; the caption timeline is
:mod:`core.book.chapter_captions`. This module does the files:

- The audio goes to ``chapters/<NN>-<title>.<ext>`` in the book folder (``NN`` the chapter's
  position from 01), or to ``dest`` (an export: always stitched, the manifest left alone).
  Every take is decoded at one rate (the first take's, or ``rate``) and channel count and
  streamed block by block on a worker thread (decoding one block ahead on a helper: FFmpeg
  and NumPy release the GIL), so a ten-hour book never sits in memory. The file is written
  under a temporary name, fsynced and renamed into place.
- The captions go beside it as ``.srt`` (when any take had subtitles).
- The store has no table for stitched files, so a small manifest ``chapters/<chapter id>.json``
  records the file, its duration, each segment's place, the captions and a fingerprint of
  everything the audio depends on (the chosen takes, the gaps, the format, the text). It is
  written last: when it names a fingerprint, the files it lists are complete. Stitching a
  chapter whose fingerprint is unchanged and whose files are still there does nothing: only
  what changed is redone.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from soundclone_desktop.audio.decode import prefetched, probe
from soundclone_desktop.audio.encode import AudioWriter, EncodeOptions, Encoding
from soundclone_desktop.audio.model import AudioError
from soundclone_desktop.audio.splice import Splice, SplicePart
from soundclone_desktop.audio.transform import DEFAULT_JOIN_FADE_S
from soundclone_desktop.core.book.chapter_captions import (
    PlacedCue,
    estimate_cues,
    place_subtitles,
    timeline,
)
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.book.stitch_plan import StitchPart, StitchPlan, plan_stitch
from soundclone_desktop.core.subtitles import (
    Cue,
    Span,
    SubtitleFormat,
    SubtitleFormatError,
    Subtitles,
    Word,
    encode,
    export_subtitles,
    parse_subtitles,
)
from soundclone_desktop.store.atomic import atomic_write_bytes, atomic_write_text
from soundclone_desktop.store.book.store import BookStore

from .sentence_splice import spliced_source

log = logging.getLogger(__name__)

CHAPTERS_DIR: Final = "chapters"
MANIFEST_VERSION: Final = 1
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_TITLE_CHARS: Final = 60


class StitchError(Exception):
    """A chapter could not be stitched; ``str()`` is a sentence for the user."""


class ChapterNotReadyError(StitchError):
    """Some spoken segments of the chapter have no current chosen take."""

    def __init__(self, message: str, missing: Sequence[str]) -> None:
        super().__init__(message)
        self.missing = tuple(missing)  # segment IDs


@dataclass(frozen=True)
class StitchedChapter:
    chapter_id: str
    audio_path: Path  # inside the book folder: chapters/<NN>-<safe title>.<ext> (or a dest)
    captions: tuple[Cue, ...]  # the chapter's timeline (empty when no take had subtitles)
    duration_s: float
    segment_offsets: tuple[tuple[str, float, float], ...]  # (segment id, start s, end s)
    # Beyond the agreed interface: the chapter text each caption speaks (``None``: not
    # found), which captions were estimated from sentence lengths, the .srt written (if
    # any), and whether an unchanged earlier stitch was reused.
    caption_spans: tuple[Span | None, ...] = ()
    estimated: tuple[bool, ...] = ()
    captions_path: Path | None = None
    reused: bool = False


def chapter_ready(book: Book, chapter_id: str) -> bool:
    """Every spoken segment of the chapter has a current chosen take (and there is one)."""
    return plan_stitch(book, chapter_id).ready


async def stitch_chapter(
    store: BookStore,
    chapter_id: str,
    *,
    dest: Path | None = None,
    fmt: str = "wav",
    rate: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    force: bool = False,
) -> StitchedChapter:
    """Stitch the chapter on a worker thread (module doc); ``force`` re-stitches even when
    nothing changed. Raises :class:`ChapterNotReadyError` when a take is missing,
    :class:`StitchError` when a file cannot be read or written, and
    :class:`~soundclone_desktop.audio.decode.Cancelled` when ``cancelled()`` turns true (no
    file is left behind then)."""
    return await asyncio.to_thread(
        stitch_chapter_sync, store, chapter_id,
        dest=dest, fmt=fmt, rate=rate, cancelled=cancelled, force=force,
    )  # fmt: skip


def stitch_chapter_sync(
    store: BookStore,
    chapter_id: str,
    *,
    dest: Path | None = None,
    fmt: str = "wav",
    rate: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    force: bool = False,
) -> StitchedChapter:
    """:func:`stitch_chapter`, blocking (for a worker thread)."""
    encoding = Encoding.from_extension(fmt)
    if encoding is None:
        raise StitchError(f"Chapters cannot be written as “{fmt}”.")
    book = store.book
    chapter = book.chapter(chapter_id)
    plan = plan_stitch(book, chapter_id)
    if not plan.ready:
        raise _not_ready(book, plan)
    own = dest is None  # the book's own file (a dest is an export: always written, not recorded)
    target = dest or store.folder / CHAPTERS_DIR / chapter_file_name(book, chapter_id, encoding)
    manifest_path = store.folder / CHAPTERS_DIR / f"{chapter_id}.json"
    for index, part in enumerate(plan.parts):
        _source(store, chapter.title, index, part)
    # Chosen sentence takes spliced into their segment takes (services/book/sentence_splice.py)
    spliced = [spliced_source(store, part.take, chapter_id) for part in plan.parts]
    sentence_ids = [list(s.sentence_takes) for s in spliced]
    fingerprint = _fingerprint(book, plan, encoding, rate, store.stored_path(target), sentence_ids)
    previous = _read_manifest(manifest_path) if own else None
    if previous is not None and not force:
        reused = _reused(previous, fingerprint, store)
        if reused is not None:
            return reused
    sources = [s.audio for s in spliced]
    captions = [s.captions for s in spliced]
    result = _stitch(plan, sources, captions, target, encoding, rate, cancelled)
    if own:
        manifest = json.dumps(_manifest(store, result, fingerprint), ensure_ascii=False, indent=1)
        try:
            atomic_write_text(manifest_path, manifest)
        except OSError as exc:
            raise StitchError(f"Could not write {manifest_path}: {exc.strerror or exc}.") from exc
    if previous is not None:
        _remove_replaced(store, previous, result)
    return result


# -- names ------------------------------------------------------------------------------------


def chapter_file_name(book: Book, chapter_id: str, encoding: Encoding) -> str:
    """``<NN>-<title>.<ext>``: the chapter's position (01, 02…) keeps a folder listing in
    reading order; the title loses what a file system refuses."""
    ids = [c.id for c in book.chapters]
    position = ids.index(chapter_id) + 1
    digits = max(2, len(str(len(ids))))
    return (
        f"{position:0{digits}d}-{safe_title(book.chapter(chapter_id).title)}.{encoding.extension}"
    )


def safe_title(title: str) -> str:
    cleaned = " ".join(_UNSAFE.sub(" ", title).split())[:_TITLE_CHARS].strip(" .")
    return cleaned or "chapter"


# -- stitching ----------------------------------------------------------------------------------


def _not_ready(book: Book, plan: StitchPlan) -> ChapterNotReadyError:
    title = book.chapter(plan.chapter_id).title
    if not plan.missing:
        return ChapterNotReadyError(f"Chapter “{title}” has nothing to say: nothing to stitch.", ())
    numbers = {s.id: n for n, s in enumerate(book.segments(plan.chapter_id), start=1)}
    named = ", ".join(f"{numbers[s.id]} (“{_excerpt(s.request_text)}”)" for s in plan.missing[:3])
    more = f" and {len(plan.missing) - 3} more" if len(plan.missing) > 3 else ""
    count = len(plan.missing)
    noun = "segment has" if count == 1 else "segments have"
    return ChapterNotReadyError(
        f"Chapter “{title}” cannot be stitched yet: {count} {noun} no current take "
        f"(segment {named}{more}). Render them first.",
        [s.id for s in plan.missing],
    )


def _excerpt(text: str, size: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def _source(store: BookStore, title: str, index: int, part: StitchPart) -> Path:
    path = store.resolve(part.take.audio_path)
    if not path.is_file():
        raise StitchError(
            f"Chapter “{title}” cannot be stitched: the audio of its part {index + 1} "
            f"(“{_excerpt(part.segment.request_text)}”) is missing: {path}."
        )
    return path


def _stitch(
    plan: StitchPlan,
    sources: Sequence[Path],
    captions: Sequence[Path | None],
    target: Path,
    encoding: Encoding,
    rate: int | None,
    cancelled: Callable[[], bool] | None,
) -> StitchedChapter:
    try:
        first = probe(sources[0])
    except AudioError as exc:
        raise StitchError(str(exc)) from exc
    work_rate = rate or first.rate
    channels = min(first.channels, 2)
    pieces = [
        SplicePart(src, part.gap_after_s) for src, part in zip(sources, plan.parts, strict=True)
    ]
    splice = Splice(
        pieces,
        rate=work_rate, channels=channels, head_s=plan.head_s, tail_s=plan.tail_s,
        join_fade_s=DEFAULT_JOIN_FADE_S, cancelled=cancelled,
    )  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    srt_target = target.with_suffix(SubtitleFormat.SRT.extension)
    try:
        with AudioWriter(tmp, EncodeOptions(encoding), rate=work_rate, channels=channels) as out:
            for block in prefetched(splice.blocks()):
                out.write(block)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        placed = _captions(plan, splice, captions)
        if placed:
            cues = Subtitles(tuple(p.cue for p in placed), any(p.cue.words for p in placed))
            atomic_write_bytes(srt_target, encode(export_subtitles(cues, SubtitleFormat.SRT)))
        else:
            with contextlib.suppress(FileNotFoundError):
                srt_target.unlink()  # an earlier stitch's captions no longer apply
        os.replace(tmp, target)
    except AudioError as exc:
        raise StitchError(str(exc)) from exc
    except OSError as exc:  # a full disk, a file a player holds open (Windows)
        raise StitchError(f"Could not write {target}: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    offsets = tuple(
        (part.segment.id, p.start / work_rate, (p.start + p.frames) / work_rate)
        for part, p in zip(plan.parts, splice.placements, strict=True)
    )
    return StitchedChapter(
        chapter_id=plan.chapter_id,
        audio_path=target,
        captions=tuple(p.cue for p in placed),
        duration_s=splice.frames / work_rate,
        segment_offsets=offsets,
        caption_spans=tuple(p.span for p in placed),
        estimated=tuple(p.estimated for p in placed),
        captions_path=srt_target if placed else None,
    )


def _captions(
    plan: StitchPlan, splice: Splice, files: Sequence[Path | None]
) -> tuple[PlacedCue, ...]:
    """The chapter's caption timeline, or nothing when no take had subtitles."""
    subtitles = [_subtitles(path) for path in files]
    if all(s is None for s in subtitles):
        return ()
    rate = splice.rate
    parts: list[list[PlacedCue]] = []
    for part, subs, placement in zip(plan.parts, subtitles, splice.placements, strict=True):
        offset_ms = placement.start * 1000 / rate
        segment = part.segment
        if subs is not None:
            parts.append(place_subtitles(subs, segment.text, segment.start, offset_ms))
            continue
        first, last = placement.sound or (0, placement.frames)
        start_ms, end_ms = offset_ms + first * 1000 / rate, offset_ms + last * 1000 / rate
        parts.append(estimate_cues(segment.text, segment.start, start_ms, end_ms))
    return timeline(parts)


def _subtitles(path: Path | None) -> Subtitles | None:
    """The take's subtitles, or ``None`` when it has none or they cannot be read (its
    captions are then estimated: a broken caption file must not hold back the chapter)."""
    if path is None:
        return None
    try:
        return parse_subtitles(path.read_bytes())
    except (OSError, SubtitleFormatError) as exc:
        log.warning("Captions of %s not used (estimated instead): %s", path, exc)
        return None


# -- the manifest ------------------------------------------------------------------------------


def _fingerprint(
    book: Book,
    plan: StitchPlan,
    encoding: Encoding,
    rate: int | None,
    target: str,
    sentence_takes: Sequence[Sequence[str]] = (),
) -> str:
    """A hash of everything the stitched files depend on (takes are immutable files named by
    their ID, so the IDs stand for their audio and captions)."""
    chapter = book.chapter(plan.chapter_id)
    parts = [
        [p.segment.id, p.segment.start, p.take.id, p.take.fingerprint, p.take.audio_path,
         p.take.subtitle_path, p.gap_after_s]
        for p in plan.parts
    ]  # fmt: skip
    data = [
        MANIFEST_VERSION, encoding.extension, rate, target, plan.head_s, plan.tail_s,
        DEFAULT_JOIN_FADE_S, parts, hashlib.blake2b(chapter.text.encode("utf-8", "surrogatepass"),
                                                    digest_size=16).hexdigest(),
    ]  # fmt: skip
    if any(sentence_takes):  # only then: an unchanged chapter keeps its earlier fingerprint
        data.append([list(ids) for ids in sentence_takes])
    text = json.dumps(data, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _manifest(store: BookStore, result: StitchedChapter, fingerprint: str) -> dict[str, object]:
    captions = result.captions_path
    return {
        "version": MANIFEST_VERSION,
        "chapter_id": result.chapter_id,
        "fingerprint": fingerprint,
        "audio": store.stored_path(result.audio_path),
        "bytes": result.audio_path.stat().st_size,
        "captions": None if captions is None else store.stored_path(captions),
        "duration_s": result.duration_s,
        "segments": [list(offset) for offset in result.segment_offsets],
        "cues": [
            {
                "text": cue.text, "start_ms": cue.start_ms, "end_ms": cue.end_ms,
                "words": [[w.text, w.start_ms, w.end_ms] for w in cue.words],
                "span": None if span is None else [span.start, span.end],
                "estimated": estimated,
            }
            for cue, span, estimated in zip(
                result.captions, result.caption_spans, result.estimated, strict=True
            )
        ],
    }  # fmt: skip


def _read_manifest(path: Path) -> dict[str, object] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _reused(
    manifest: dict[str, object], fingerprint: str, store: BookStore
) -> StitchedChapter | None:
    """The earlier stitch the manifest describes, if it is of the same inputs and its files
    are still there (a manifest that cannot be read as expected means: stitch again)."""
    if manifest.get("version") != MANIFEST_VERSION or manifest.get("fingerprint") != fingerprint:
        return None
    try:
        audio = store.resolve(str(manifest["audio"]))
        if audio.stat().st_size != manifest["bytes"]:
            return None
        captions_stored = manifest["captions"]
        captions = None if captions_stored is None else store.resolve(str(captions_stored))
        if captions is not None and not captions.is_file():
            return None
        cues = [_cue_from(item) for item in manifest["cues"]]  # type: ignore[attr-defined]
        segments = tuple(
            (str(s), float(a), float(b))
            for s, a, b in manifest["segments"]  # type: ignore[attr-defined]
        )
        return StitchedChapter(
            chapter_id=str(manifest["chapter_id"]),
            audio_path=audio,
            captions=tuple(c for c, _, _ in cues),
            duration_s=float(manifest["duration_s"]),  # type: ignore[arg-type]
            segment_offsets=segments,
            caption_spans=tuple(s for _, s, _ in cues),
            estimated=tuple(e for _, _, e in cues),
            captions_path=captions,
            reused=True,
        )
    except (OSError, KeyError, TypeError, ValueError):
        return None


def _cue_from(item: dict[str, object]) -> tuple[Cue, Span | None, bool]:
    words = tuple(
        Word(str(t), float(a), float(b))
        for t, a, b in item.get("words") or ()  # type: ignore[attr-defined]
    )
    cue = Cue(str(item["text"]), float(item["start_ms"]), float(item["end_ms"]), words)  # type: ignore[arg-type]
    span = item.get("span")
    placed = None if span is None else Span(int(span[0]), int(span[1]))  # type: ignore[index]
    return cue, placed, bool(item.get("estimated"))


def _remove_replaced(
    store: BookStore, previous: dict[str, object], result: StitchedChapter
) -> None:
    """An earlier stitch's files under another name (the chapter was renamed, moved or
    written in another format) go, when they are in the book's ``chapters/`` folder."""
    chapters = (store.folder / CHAPTERS_DIR).resolve()
    keep = {result.audio_path.resolve()}
    if result.captions_path is not None:
        keep.add(result.captions_path.resolve())
    for key in ("audio", "captions"):
        stored = previous.get(key)
        if not isinstance(stored, str):
            continue
        old = store.resolve(stored).resolve()
        if old.parent == chapters and old not in keep:
            with contextlib.suppress(OSError):
                old.unlink()
