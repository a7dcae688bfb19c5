"""A small book whose every segment has a take of the demo server's synthesised speech (its
audio and MiniMax subtitles), ready to stitch and deliver: no network, a few seconds each."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import numpy as np

from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.subtitles import build_subtitles
from soundclone_desktop.demo.synth import plan, render_samples
from soundclone_desktop.store.book.store import BookStore

RATE = 32_000
CHAPTERS = (
    ("The Harbour", "The rain had stopped. The town was quiet now.\n\nShe opened the door."),
    ("The Lighthouse", "A lamp turned slowly on the hill.\n\nNobody climbed it any more."),
)


def rendered_book(folder: Path, chapters: tuple[tuple[str, str], ...] = CHAPTERS) -> Path:
    """Create ``folder/Harbour.scbook`` with every segment rendered; returns the book folder."""
    settings = BookSettings(params=ProductionParams(model_id="voice-1", text=""), target_chars=40)
    book = Book(
        title="Harbour Tales",
        author="A. Writer",
        narrator="Demo Voice",
        settings=settings,
        chapters=tuple(
            Chapter(f"ch{i}", title, text) for i, (title, text) in enumerate(chapters, 1)
        ),
    )
    with BookStore.create(folder / "Harbour.scbook", book) as store:
        for chapter in store.book.chapters:
            for row in store.rows(chapter.id):
                add_speech_take(store, chapter.id, row.segment.id)
        return store.folder


def add_speech_take(
    store: BookStore, chapter_id: str, segment_id: str, *, base_hz: float = 180.0
) -> None:
    """A take of the segment (chosen); another ``base_hz`` is another voice's take."""
    row = next(r for r in store.rows(chapter_id) if r.segment.id == segment_id)
    text = row.segment.request_text
    timeline = plan(text, find_pauses(text), RATE, 1.0)
    samples = render_samples(timeline, base_hz=base_hz, vol=5.0, pitch=0).astype(np.float32)
    samples /= 32768.0
    take_id = uuid.uuid4().hex
    audio = store.audio_path_for(take_id, ".wav")
    encode(Audio(samples[np.newaxis, :], RATE), audio, EncodeOptions(Encoding.WAV))
    captions = store.captions_path_for(take_id, ".json")
    captions.write_text(json.dumps(build_subtitles(timeline, word_level=True)), encoding="utf-8")
    take = Take(
        id=take_id,
        task_local_id=None,
        audio_path=store.stored_path(audio),
        subtitle_path=store.stored_path(captions),
        duration=len(samples) / RATE,
        created_at=time.time(),
        fingerprint=row.fingerprint,
        request_text=text,
    )
    store.add_take(chapter_id, segment_id, take)
