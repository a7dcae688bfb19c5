"""A segment take with its chosen sentence takes spliced in, as a file the stitcher joins.

The segment take's file is never changed: the spliced audio is written beside it as
``audio/spliced/<hash>.wav`` (lossless, so the samples outside the replaced sentences are
the take's own), named by a hash of the base take and the chosen sentence takes, so the same
choice is reused and a new choice never overwrites one a stitched chapter was made from.
Captions follow: the base take's cues before a replaced sentence stay, the sentence's own
cue is timed to the new sound, and the cues after it move by the difference in length.
With no sentence take chosen (take 1 everywhere) the stitcher joins the segment take itself,
so choosing take 1 again gives back exactly the original audio.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.core.book.chapter_captions import shifted
from soundclone_desktop.core.book.sentence_takes import SentenceTake, chosen_for_base
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.subtitles import (
    Cue,
    SubtitleFormat,
    SubtitleFormatError,
    Subtitles,
    export_subtitles,
    parse_subtitles,
)
from soundclone_desktop.core.subtitles import (
    encode as encode_text,
)
from soundclone_desktop.store.atomic import atomic_write_bytes
from soundclone_desktop.store.book.store import BookStore

from .sentence_audio import Replacement, replaced

SPLICED_DIR: Final = "spliced"


@dataclass(frozen=True, slots=True)
class SplicedSource:
    """What the stitcher joins for one part: the audio, its captions and the sentence takes
    in it (their IDs go into the chapter's fingerprint)."""

    audio: Path
    captions: Path | None
    sentence_takes: tuple[str, ...] = ()


def spliced_source(store: BookStore, take: Take, chapter_id: str) -> SplicedSource:
    """The segment take ``take`` with the chosen sentence takes of its chapter spliced in
    (the take's own files when none applies)."""
    captions = None if take.subtitle_path is None else store.resolve(take.subtitle_path)
    chosen = chosen_for_base(store.sentence_takes(chapter_id), take.id)
    if not chosen:
        return SplicedSource(store.resolve(take.audio_path), captions)
    name = _name(take, chosen)
    folder = store.folder / "audio" / SPLICED_DIR
    audio_path = folder / f"{name}.wav"
    captions_path = folder / f"{name}.srt" if captions is not None else None
    if not audio_path.is_file() or (captions_path is not None and not captions_path.is_file()):
        _write(store, take, chosen, audio_path, captions, captions_path)
    return SplicedSource(audio_path, captions_path, tuple(t.id for t in chosen))


def _name(take: Take, chosen: Sequence[SentenceTake]) -> str:
    data = json.dumps([take.id, [t.id for t in chosen]])
    return hashlib.blake2b(data.encode(), digest_size=12).hexdigest()


def _write(
    store: BookStore,
    take: Take,
    chosen: Sequence[SentenceTake],
    audio_path: Path,
    captions: Path | None,
    captions_path: Path | None,
) -> None:
    base = decode(store.resolve(take.audio_path))
    rate = base.rate
    items = []
    moves: list[tuple[float, float, float, SentenceTake]] = []  # base start, end, new length
    for sentence in chosen:
        own = decode(store.resolve(sentence.audio_path), rate=rate, channels=base.channels)
        # The whole take (its sound and the same pad of quiet) over the sentence's sound
        start, end = round(sentence.base_start_s * rate), round(sentence.base_end_s * rate)
        items.append(Replacement(start, end, own.samples))
        moves.append((start / rate, end / rate, own.frames / rate, sentence))
    audio_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = audio_path.with_name(f".{audio_path.name}.tmp")
    encode(Audio(replaced(base.samples, items, rate), rate), tmp, EncodeOptions(Encoding.WAV))
    tmp.replace(audio_path)
    if captions is not None and captions_path is not None:
        cues = _moved_cues(_cues(captions), moves)
        text = export_subtitles(Subtitles(tuple(cues), False), SubtitleFormat.SRT)
        atomic_write_bytes(captions_path, encode_text(text))


def _cues(path: Path) -> tuple[Cue, ...]:
    try:
        return parse_subtitles(path.read_bytes()).cues
    except (OSError, SubtitleFormatError):
        return ()


def _moved_cues(
    cues: Sequence[Cue], moves: Sequence[tuple[float, float, float, SentenceTake]]
) -> list[Cue]:
    """The base take's cues with each replaced sentence's cue retimed and those after moved."""
    out: list[Cue] = []
    for cue in cues:
        begin, end = cue.start_ms / 1000, cue.end_ms / 1000
        shift = 0.0
        inside: tuple[float, float, float, SentenceTake] | None = None
        for move in moves:
            start, stop, length, _ = move
            if end <= start + 1e-3:
                break
            if begin >= stop - 1e-3:
                shift += length - (stop - start)
                continue
            inside = move
            break
        if inside is None:
            out.append(shifted(cue, shift * 1000))
            continue
        start, _, length, sentence = inside
        at = (start + shift) * 1000
        if out and out[-1].start_ms >= at:
            continue  # a second cue of the same replaced sentence
        out.append(replace(cue, text=sentence.request_text, start_ms=at,
                           end_ms=at + length * 1000, words=()))  # fmt: skip
    return out
