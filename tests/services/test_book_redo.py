"""Redo as takes (issue 15) against the real demo server over loopback: a rendered chapter,
five of its sentences redone as ONE task, cut into sentence takes, stitched back.

The oracle is the demo server: its ledger (tasks and characters charged) and its
synthesiser's timing (``demo/synth.plan``: every unit's exact sample offset), from which
the test knows where each sentence's speech is, both in the redo task's audio and in the
segment takes. WAV results, so samples compare exactly."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.sentence_takes import SentenceTake, batch_text
from soundclone_desktop.core.script import analyze
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.demo.synth import Timeline, plan
from soundclone_desktop.services.book.redo import (
    RedoChanges,
    SentenceError,
    choose_take,
    plan_redo,
    run_redo,
    sentence_takes_of,
)
from soundclone_desktop.services.book.stitch import StitchedChapter, stitch_chapter
from soundclone_desktop.store.book.store import BookStore
from tests.services.book_render_harness import DEMO_PRICES, rig

RATE = 16_000  # the demo's WAV results
CUT_TOLERANCE_S = 0.080  # the bound
CHAPTER = "ch1"
PARAGRAPHS = (
    "The rain had stopped at last. The town was quiet now. Nobody spoke for a while. "
    "A dog barked somewhere far away.",
    "She opened the door and looked outside. The street shone under the lamps. "
    "Water ran along the gutters. Then a car went past slowly.",
    "He waited by the window with his coat on. Minutes passed like hours. "
    "At midnight the telephone finally rang. He did not answer it.",
)
REDONE = (2, 3, 6, 9, 11)  # two neighbours in one segment, one in each other segment

Ints = npt.NDArray[np.int64]


def _book(subtitles: bool = True) -> Book:
    params = dataclasses.replace(blank_params(), model_id=DEMO_VOICE_ID, subtitles=subtitles)
    settings = BookSettings(params=params, target_chars=200)  # one paragraph per segment
    text = "\n\n".join(PARAGRAPHS)
    return Book(title="Redo", settings=settings, chapters=(Chapter(CHAPTER, "One", text),))


def _speech(timeline: Timeline) -> list[tuple[int, int]]:
    """Each sentence's speech in the demo's audio (samples): its first to its last voiced
    unit (a full stop's quiet room tone after it is not speech)."""
    spans: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for unit in timeline.units:
        if unit.kind == "voice":
            current.append((unit.offset, unit.offset + unit.samples))
        ch = timeline.text[unit.start]
        if unit.kind == "pause" or (unit.kind == "gap" and ch in ".!?"):
            if current:
                spans.append((current[0][0], current[-1][1]))
            current = []
    if current:
        spans.append((current[0][0], current[-1][1]))
    return spans


def _mono(path: Path) -> npt.NDArray[np.float32]:
    return decode(path, channels=1).samples[0]


def _find(haystack: npt.NDArray[np.float32], needle: npt.NDArray[np.float32]) -> int:
    """Where ``needle`` occurs exactly in ``haystack`` (the take was cut from it)."""
    starts = np.flatnonzero(haystack[: len(haystack) - len(needle) + 1] == needle[0])
    for start in starts:
        if np.array_equal(haystack[start : start + len(needle)], needle):
            return int(start)
    raise AssertionError("the take is not a piece of the task's audio")


def _stitch(store: BookStore) -> tuple[StitchedChapter, npt.NDArray[np.float32]]:
    result = asyncio.run(stitch_chapter(store, CHAPTER))
    return result, _mono(result.audio_path)


def _without(samples: npt.NDArray[np.float32], cuts: list[tuple[int, int]]) -> np.ndarray:
    keep = np.ones(len(samples), bool)
    for a, b in cuts:
        keep[a:b] = False
    return samples[keep]


@pytest.mark.parametrize("subtitles", [True, False], ids=["captioned", "uncaptioned"])
def test_five_sentences_redone_as_one_task_cut_and_stitched_back(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path, subtitles: bool
) -> None:
    """With the segment takes' captions, or without (sentences then placed from the text's
    speaking length and the quiet between them)."""
    demo = make_demo_server(audio_format="wav", task_seconds=0.3)
    folder = tmp_path / "Redo.scbook"
    BookStore.create(folder, _book(subtitles)).close()
    report: dict[str, Any] = {}

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            await r.queue.run(r.queue.plan())
            first = await stitch_chapter(r.store, CHAPTER)
            report["first"] = (first, _mono(first.audio_path))
            charges_before = len(_charges(demo))
            redo = plan_redo(r.store, CHAPTER, REDONE, DEMO_PRICES)
            assert redo.tasks == 1 and redo.separate_tasks == 5
            assert redo.cost is not None and redo.separate_cost is not None
            assert redo.cost < redo.separate_cost  # four voice fees saved
            result = await run_redo(r.store, r.runner, redo)
            report["plan"], report["result"] = redo, result
            report["batch"] = r.library.get(result.local_id).audio_path  # type: ignore[union-attr]
            new = _charges(demo)[charges_before:]
            report["charges"] = new

    asyncio.run(asyncio.wait_for(main(), 120))
    redo, result = report["plan"], report["result"]
    sentences = [ref.text for ref in redo.sentences]

    # Exactly one new task, billed for the characters of those five sentences only.
    assert len(report["charges"]) == 1
    expected_chars = sum(analyze(text).billable_chars for text in sentences)
    assert int(report["charges"][0]["chars"]) == expected_chars == redo.billable_chars

    # Each take starts and ends within 80 ms of its sentence's speech in the task's audio.
    batch = _mono(report["batch"])
    timeline = plan(batch_text(sentences), find_pauses(batch_text(sentences)), RATE, 1.0)
    speech = _speech(timeline)
    assert len(speech) == len(result.takes) == 5
    errors, sound_errors = [], []
    store = BookStore.open(folder)
    try:
        for take, (a, b) in zip(result.takes, speech, strict=True):
            audio = _mono(store.resolve(take.audio_path))
            at = _find(batch, audio)
            errors += [abs(at - a) / RATE, abs(at + len(audio) - b) / RATE]
            sound = (at + take.speech_start_s * RATE, at + take.speech_end_s * RATE)
            sound_errors += [abs(sound[0] - a) / RATE, abs(sound[1] - b) / RATE]
        ms = [1000 * max(errors), 1000 * np.mean(errors)]
        ms += [1000 * max(sound_errors), 1000 * np.mean(sound_errors)]
        print("cut accuracy: take's audio edges max {:.1f} ms, mean {:.1f} ms; sound edges "
              "max {:.1f} ms, mean {:.1f} ms".format(*ms))  # fmt: skip
        assert max(errors) <= CUT_TOLERANCE_S and max(sound_errors) <= CUT_TOLERANCE_S
        assert all(t.chosen and not t.findings for t in result.takes)
    finally:
        store.close()

    # After reopening: the takes are there, each sentence has take 1 and take 2.
    store = BookStore.open(folder)
    try:
        assert {t.id for t in store.sentence_takes(CHAPTER)} == {t.id for t in result.takes}
        for number in REDONE:
            takes = sentence_takes_of(store, CHAPTER, number)
            assert [(t.number, t.chosen) for t in takes] == [(1, False), (2, True)]
            assert all(t.audio.is_file() and t.start_s < t.end_s for t in takes)  # playable
        with_redos, after = _stitch(store)
        for number in REDONE:
            choose_take(store, CHAPTER, number, 1)
        again, restored = _stitch(store)
        original, before = report["first"]
        # Choosing take 1 again restores the original samples exactly.
        assert np.array_equal(restored, before)
        assert again.segment_offsets == original.segment_offsets
        _assert_other_sentences_unchanged(store, result.takes, original, before, with_redos, after)
    finally:
        store.close()


def _assert_other_sentences_unchanged(
    store: BookStore,
    takes: tuple[SentenceTake, ...],
    original: StitchedChapter,
    before: npt.NDArray[np.float32],
    with_redos: StitchedChapter,
    after: npt.NDArray[np.float32],
) -> None:
    """Every sample outside the redone sentences' sound is the same before and after, and
    each replaced stretch covers its own sentence's speech and no other sentence's."""
    rows = {row.segment.id: row for row in store.rows(CHAPTER)}
    before_cuts: list[tuple[int, int]] = []
    after_cuts: list[tuple[int, int]] = []
    seg_before = {s: round(a * RATE) for s, a, _ in original.segment_offsets}
    seg_after = {s: round(a * RATE) for s, a, _ in with_redos.segment_offsets}
    shift: dict[str, int] = {}
    for take in sorted(takes, key=lambda t: (seg_before[t.segment_id], t.base_start_s)):
        sent = rows[take.segment_id].segment.request_text
        speech = _speech(plan(sent, find_pauses(sent), RATE, 1.0))
        a, b = round(take.base_start_s * RATE), round(take.base_end_s * RATE)
        own = [s for s in speech if a <= s[0] and s[1] <= b]
        others = [s for s in speech if s[1] > a and s[0] < b and s not in own]
        assert len(own) == 1 and not others, (take.request_text, a, b, speech)
        length = decode(store.resolve(take.audio_path)).frames
        moved = shift.get(take.segment_id, 0)
        before_cuts.append((seg_before[take.segment_id] + a, seg_before[take.segment_id] + b))
        start_after = seg_after[take.segment_id] + a + moved
        after_cuts.append((start_after, start_after + length))
        shift[take.segment_id] = moved + length - (b - a)
    assert np.array_equal(_without(before, before_cuts), _without(after, after_cuts))
    assert not np.array_equal(before, after)


def test_an_edited_sentence_is_sent_with_the_rules_and_its_own_emotion(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    demo = make_demo_server(audio_format="wav", task_seconds=0.3)
    folder = tmp_path / "Redo.scbook"
    BookStore.create(folder, _book(subtitles=False)).close()
    changes = RedoChanges("The city was silent now.", (("emotion", "sad"),))

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            await r.queue.run(r.queue.plan())
            r.store.add_rule("city", "metropolis")
            with pytest.raises(SentenceError):  # an edit replaces one sentence only
                plan_redo(r.store, CHAPTER, (2, 3), DEMO_PRICES, changes)
            redo = plan_redo(r.store, CHAPTER, (2,), DEMO_PRICES, changes)
            result = await run_redo(r.store, r.runner, redo)
            (take,) = result.takes
            assert take.request_text == "The metropolis was silent now." and take.chosen

    asyncio.run(asyncio.wait_for(main(), 120))
    create = [e for e in demo.requests_log() if e["method"] == "POST"][-1]
    body = create["json"]
    assert isinstance(body, dict)
    assert body["contentText"] == "The metropolis was silent now."
    assert body["emotion"] == "sad" and body["subtitleEnable"] is True
    assert int(str(_charges(demo)[-1]["chars"])) == analyze(body["contentText"]).billable_chars


def _charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger()
            if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"]  # fmt: skip


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
