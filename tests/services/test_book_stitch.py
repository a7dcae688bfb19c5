"""Stitching a chapter (services/book/stitch.py): exact gaps, fades, head and tail, captions
shifted and aligned, reuse when nothing changed, clear errors. Takes are real files: known
NumPy tones, or the demo server's synthesiser (with its MiniMax JSON subtitles), encoded by
the audio engine as MP3 at 32 kHz and WAV at 16 kHz, mixed in one chapter."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from soundclone_desktop.audio.decode import Cancelled, decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, Gaps
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.subtitles import parse_subtitles
from soundclone_desktop.core.subtitles.text import comparable
from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.subtitles import build_subtitles
from soundclone_desktop.demo.synth import plan, render_samples
from soundclone_desktop.services.book.stitch import (
    ChapterNotReadyError,
    StitchedChapter,
    StitchError,
    chapter_ready,
    stitch_chapter,
)
from soundclone_desktop.store.book.store import BookStore

RATE = 32_000  # the first take's (an MP3 at 32 kHz), so the chapter's
TEXT = (
    "Chapter One\n\n"
    "The rain had stopped. The town was quiet now. Nobody spoke.\n\n"
    "She opened the door and looked outside.\n\n"
    "The end came softly.\n"
)
TITLE = "Chapter One"
# Distinct values, so a gap of the wrong kind is caught.
GAPS = Gaps(
    between_segments=0.25,
    between_paragraphs=0.7,
    after_title=1.2,
    chapter_head=0.5,
    chapter_tail=1.5,
)
# After each of the six segments: the heading, two inside a paragraph, three paragraph ends.
EXPECTED_GAPS = (1.2, 0.25, 0.25, 0.7, 0.7, 1.5)
FORMATS = (("mp3", 32_000), ("wav", 16_000), ("mp3", 32_000), ("wav", 16_000), ("wav", 16_000),
           ("mp3", 32_000))  # fmt: skip
CHAPTER = "chapter-1"

Floats = npt.NDArray[np.float32]


def new_store(tmp_path: Path, text: str = TEXT) -> BookStore:
    settings = BookSettings(
        params=ProductionParams(model_id="voice-1", text=""), target_chars=10, gaps=GAPS
    )
    book = Book(title="Book", settings=settings, chapters=(Chapter(CHAPTER, TITLE, text),))
    return BookStore.create(tmp_path / "Book.scbook", book)


def add_take(
    store: BookStore,
    index: int,
    samples: Floats,
    rate: int,
    fmt: str,
    subtitles: object | None = None,
) -> Take:
    row = store.rows(CHAPTER)[index]
    take_id = uuid.uuid4().hex
    audio = store.audio_path_for(take_id, f".{fmt}")
    encoding = Encoding.MP3 if fmt == "mp3" else Encoding.WAV
    encode(Audio(samples[np.newaxis, :], rate), audio, EncodeOptions(encoding))
    subtitle_path = None
    if subtitles is not None:
        captions = store.captions_path_for(take_id, ".json")
        captions.write_text(json.dumps(subtitles), encoding="utf-8")
        subtitle_path = store.stored_path(captions)
    take = Take(
        id=take_id,
        task_local_id=None,
        audio_path=store.stored_path(audio),
        subtitle_path=subtitle_path,
        duration=len(samples) / rate,
        created_at=time.time(),
        fingerprint=row.fingerprint,
        request_text=row.segment.request_text,
    )
    store.add_take(CHAPTER, row.segment.id, take)
    return take


def tone(seconds: float, rate: int) -> Floats:
    """A 440 Hz cosine at half scale that starts and stops abruptly (a click without a fade)."""
    t = np.arange(round(seconds * rate)) / rate
    return (0.5 * np.cos(2 * np.pi * 440 * t)).astype(np.float32)


def speech(text: str, rate: int) -> tuple[Floats, list[dict[str, object]]]:
    """The demo server's audio and MiniMax subtitles for ``text`` at ``rate``."""
    timeline = plan(text, find_pauses(text), rate, 1.0)
    samples = render_samples(timeline, base_hz=180.0, vol=5.0, pitch=0)
    subtitles = build_subtitles(timeline, word_level=True)
    return (samples.astype(np.float32) / 32768.0), subtitles


def stitch(store: BookStore, **kwargs: object) -> StitchedChapter:
    return asyncio.run(stitch_chapter(store, CHAPTER, **kwargs))  # type: ignore[arg-type]


def sound_runs(samples: Floats, rate: int, min_silence_s: float = 0.005) -> list[tuple[int, int]]:
    """``[start, end)`` of each stretch of non-zero samples, joining stretches separated by
    fewer than ``min_silence_s`` of exact zeros (a tone crosses zero now and then)."""
    loud = np.flatnonzero(samples != 0)
    if loud.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(loud) > min_silence_s * rate)
    starts = [int(loud[0]), *(int(loud[b + 1]) for b in breaks)]
    ends = [*(int(loud[b]) + 1 for b in breaks), int(loud[-1]) + 1]
    return list(zip(starts, ends, strict=True))


# -- audio: positions, gaps, fades, head and tail --------------------------------------------


def tone_book(tmp_path: Path) -> tuple[BookStore, list[int]]:
    """Takes of known lengths; returns their lengths in frames at the chapter's rate."""
    store = new_store(tmp_path)
    lengths = []
    for index, (fmt, rate) in enumerate(FORMATS):
        seconds = 0.8 + 0.13 * index
        add_take(store, index, tone(seconds, rate), rate, fmt)
        lengths.append(round(seconds * RATE))
    return store, lengths


def test_segments_and_gaps_land_on_exact_samples_with_head_and_tail(tmp_path: Path) -> None:
    store, lengths = tone_book(tmp_path)
    assert chapter_ready(store.book, CHAPTER)

    result = stitch(store)

    assert result.audio_path == store.folder / "chapters" / "01-Chapter One.wav"
    audio = decode(result.audio_path)
    assert audio.rate == RATE
    samples = audio.samples[0]
    expected: list[tuple[int, int]] = []
    at = round(GAPS.chapter_head * RATE)
    for length, gap in zip(lengths, EXPECTED_GAPS, strict=True):
        expected.append((at, at + length))
        at += length + round(gap * RATE)
    assert len(samples) == at  # the tail is the last gap
    assert result.duration_s == pytest.approx(at / RATE, abs=1e-9)
    tolerance = RATE // 1000  # 1 ms
    found = sound_runs(samples, RATE)
    assert len(found) == len(expected)
    for (start, end), (want_start, want_end) in zip(found, expected, strict=True):
        assert abs(start - want_start) <= tolerance
        assert abs(end - want_end) <= tolerance
    for (seg_id, start_s, end_s), (want_start, want_end), row in zip(
        result.segment_offsets, expected, store.rows(CHAPTER), strict=True
    ):
        assert seg_id == row.segment.id
        assert abs(start_s * RATE - want_start) <= tolerance
        assert abs(end_s * RATE - want_end) <= tolerance
    # Gaps, head and tail are digital silence, to the sample.
    assert not samples[: expected[0][0]].any()
    for (_, end), (start, _) in itertools.pairwise(expected):
        assert not samples[end + tolerance : start - tolerance].any()
    assert not samples[expected[-1][1] + tolerance :].any()


def test_every_join_is_faded_so_no_take_starts_or_stops_with_a_click(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)

    result = stitch(store)

    samples = decode(result.audio_path).samples[0]
    ms = RATE // 1000
    for _, start_s, end_s in result.segment_offsets:
        start, end = round(start_s * RATE), round(end_s * RATE)
        # The takes start and end at 0.5 of full scale; a 5 ms raised-cosine fade brings
        # both edges to nothing and leaves the middle whole.
        assert np.abs(samples[start : start + ms]).max() < 0.1
        assert np.abs(samples[end - ms : end]).max() < 0.1
        assert np.abs(samples[start + 6 * ms : start + 12 * ms]).max() > 0.45
        assert np.abs(samples[end - 12 * ms : end - 6 * ms]).max() > 0.45


def test_a_rate_can_be_asked_for_and_mp3_written(tmp_path: Path) -> None:
    store, lengths = tone_book(tmp_path)

    result = stitch(store, fmt="mp3", rate=16_000)

    assert result.audio_path.name == "01-Chapter One.mp3"
    audio = decode(result.audio_path)
    assert audio.rate == 16_000
    total = round(GAPS.chapter_head * 16_000) + sum(round(n / 2) for n in lengths)
    total += sum(round(g * 16_000) for g in EXPECTED_GAPS)
    assert abs(audio.frames - total) <= 16  # 1 ms
    assert result.duration_s == pytest.approx(audio.frames / 16_000, abs=0.001)


# -- captions -----------------------------------------------------------------------------------


def speech_book(tmp_path: Path, *, without: tuple[int, ...] = (3,)) -> tuple[BookStore, list]:
    """Demo-synthesised takes; the segments in ``without`` have no subtitles."""
    store = new_store(tmp_path)
    subtitles = []
    for index, (fmt, rate) in enumerate(FORMATS):
        row = store.rows(CHAPTER)[index]
        samples, subs = speech(row.segment.request_text, rate)
        add_take(store, index, samples, rate, fmt, None if index in without else subs)
        subtitles.append(subs)
    return store, subtitles


def test_captions_are_shifted_by_each_take_offset_and_aligned_to_the_chapter(
    tmp_path: Path,
) -> None:
    store, subtitles = speech_book(tmp_path)

    result = stitch(store)

    offsets = {seg: start for seg, start, _ in result.segment_offsets}
    rows = store.rows(CHAPTER)
    third = rows[2].segment  # "The town was quiet now. " (segment 3)
    own = subtitles[2][0]
    cue = next(
        c for c, span in zip(result.captions, result.caption_spans, strict=True)
        if span is not None and third.start <= span.start < third.end
    )  # fmt: skip
    assert cue.start_ms == pytest.approx(
        offsets[third.id] * 1000 + float(own["time_begin"]), abs=10
    )
    assert cue.end_ms == pytest.approx(offsets[third.id] * 1000 + float(own["time_end"]), abs=10)
    assert cue.words and cue.words[0].start_ms == pytest.approx(cue.start_ms, abs=10)
    # One timeline in order, each cue speaking the chapter text its span names.
    starts = [c.start_ms for c in result.captions]
    assert starts == sorted(starts)
    for cue, span in zip(result.captions, result.caption_spans, strict=True):
        assert span is not None
        assert comparable(TEXT[span.start : span.end]) == comparable(cue.text)
    # The written .srt holds the same timeline.
    assert result.captions_path == result.audio_path.with_suffix(".srt")
    written = parse_subtitles(result.captions_path.read_bytes())
    assert [round(c.start_ms) for c in written.cues] == [round(s) for s in starts]


def test_a_take_without_subtitles_gets_estimated_sentence_cues_inside_its_sound(
    tmp_path: Path,
) -> None:
    store, _ = speech_book(tmp_path, without=(1, 2, 3))

    result = stitch(store)

    rows = store.rows(CHAPTER)
    placed = list(zip(result.captions, result.caption_spans, result.estimated, strict=True))
    for index in (1, 2, 3):
        segment = rows[index].segment
        _, start_s, end_s = result.segment_offsets[index]
        mine = [(c, e) for c, s, e in placed if s and segment.start <= s.start < segment.end]
        assert len(mine) == 1  # one sentence each
        cue, estimated = mine[0]
        assert estimated
        assert comparable(cue.text) == comparable(segment.request_text)
        # Timed over the take's sound: the demo voice starts within its 5 ms fade.
        assert start_s * 1000 <= cue.start_ms <= start_s * 1000 + 20
        assert end_s * 1000 - 400 <= cue.end_ms <= end_s * 1000
    assert not any(e for c, s, e in placed if s and s.start < rows[1].segment.start)


def test_the_last_caption_ends_with_the_last_speech(tmp_path: Path) -> None:
    for without in ((), (5,)):  # from subtitles, and estimated
        folder = tmp_path / f"case{len(without)}"
        folder.mkdir()
        store, _ = speech_book(folder, without=without)

        result = stitch(store)

        samples = decode(result.audio_path).samples[0]
        last_speech = np.flatnonzero(np.abs(samples) > 10 ** (-40 / 20))[-1] / RATE
        assert result.duration_s - last_speech == pytest.approx(GAPS.chapter_tail, abs=0.01)
        assert abs(result.captions[-1].end_ms / 1000 - last_speech) <= 0.5


def test_no_subtitles_anywhere_means_no_captions(tmp_path: Path) -> None:
    store, _ = speech_book(tmp_path, without=tuple(range(6)))

    result = stitch(store)

    assert result.captions == ()
    assert result.captions_path is None
    assert not result.audio_path.with_suffix(".srt").exists()


# -- only what changed is redone -----------------------------------------------------------------


def test_an_unchanged_chapter_is_not_stitched_again(tmp_path: Path) -> None:
    store, _ = speech_book(tmp_path)
    first = stitch(store)
    written = first.audio_path.stat().st_mtime_ns
    manifest = json.loads((store.folder / "chapters" / f"{CHAPTER}.json").read_text("utf-8"))
    assert manifest["duration_s"] == first.duration_s

    again = stitch(store)

    assert again.reused and not first.reused
    assert again.audio_path.stat().st_mtime_ns == written
    assert again.captions == first.captions
    assert again.caption_spans == first.caption_spans
    assert again.segment_offsets == first.segment_offsets
    assert again.duration_s == first.duration_s


def test_a_changed_take_gap_or_title_stitches_again(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    first = stitch(store)

    add_take(store, 4, tone(2.0, 16_000), 16_000, "wav")  # a new take, chosen
    second = stitch(store)
    assert not second.reused
    assert second.duration_s == pytest.approx(first.duration_s + 2.0 - (0.8 + 0.13 * 4), abs=1e-3)

    store.set_settings(
        BookSettings(params=store.book.settings.params, target_chars=10,
                     gaps=Gaps(chapter_head=0.1, chapter_tail=0.1))
    )  # fmt: skip
    assert not stitch(store).reused

    store.update_chapter(CHAPTER, title="Renamed")
    renamed = stitch(store)
    assert not renamed.reused
    assert renamed.audio_path.name == "01-Renamed.wav"
    assert not first.audio_path.exists()  # the old name is gone, not left behind
    assert sorted(p.name for p in (store.folder / "chapters").iterdir()) == [
        "01-Renamed.wav",
        f"{CHAPTER}.json",
    ]


def test_a_deleted_stitched_file_is_stitched_again(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    first = stitch(store)
    first.audio_path.unlink()

    again = stitch(store)

    assert not again.reused and again.audio_path.is_file()


# -- errors ----------------------------------------------------------------------------------------


def test_a_missing_take_makes_the_chapter_not_ready_with_a_clear_error(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    for index, (fmt, rate) in enumerate(FORMATS):
        if index != 2:
            add_take(store, index, tone(0.5, rate), rate, fmt)
    assert not chapter_ready(store.book, CHAPTER)

    with pytest.raises(ChapterNotReadyError) as caught:
        stitch(store)

    assert caught.value.missing == (store.rows(CHAPTER)[2].segment.id,)
    assert "1 segment has no current take" in str(caught.value)
    assert "segment 3" in str(caught.value) and "The town was quiet now." in str(caught.value)
    assert not (store.folder / "chapters").exists()


def test_a_stale_take_is_not_a_current_one(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    assert chapter_ready(store.book, CHAPTER)

    store.set_voice("voice-2")  # every take was rendered with another voice

    assert not chapter_ready(store.book, CHAPTER)
    with pytest.raises(ChapterNotReadyError, match="6 segments have no current take"):
        stitch(store)


def test_a_take_whose_audio_file_is_gone_is_named(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    take = store.rows(CHAPTER)[4].state.chosen
    assert take is not None
    store.resolve(take.audio_path).unlink()

    with pytest.raises(StitchError, match=r"part 5 .*She opened the door.* is missing"):
        stitch(store)


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        stitch(store, cancelled=cancelled)

    folder = store.folder / "chapters"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_chapter_with_nothing_to_say_is_not_ready(tmp_path: Path) -> None:
    store = new_store(tmp_path, text="   \n\n")
    assert not chapter_ready(store.book, CHAPTER)
    with pytest.raises(ChapterNotReadyError, match="nothing to say"):
        stitch(store)


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    store, _ = tone_book(tmp_path)
    with pytest.raises(StitchError, match="xyz"):
        stitch(store, fmt="xyz")


def test_a_dest_is_an_export_written_each_time_and_not_recorded(tmp_path: Path) -> None:
    store, _ = speech_book(tmp_path)
    own = stitch(store)
    manifest = (store.folder / "chapters" / f"{CHAPTER}.json").read_bytes()
    out = tmp_path / "export" / "one.mp3"

    exported = stitch(store, dest=out, fmt="mp3")
    again = stitch(store, dest=out, fmt="mp3")

    assert exported.audio_path == out and out.is_file()
    assert exported.captions_path == out.with_suffix(".srt") and out.with_suffix(".srt").is_file()
    assert not exported.reused and not again.reused
    assert exported.captions == own.captions
    assert (store.folder / "chapters" / f"{CHAPTER}.json").read_bytes() == manifest
    assert stitch(store).reused and own.audio_path.is_file()
