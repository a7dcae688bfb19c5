"""Redo marked sentences of a chapter as ONE task, and keep each piece as a new sentence take.
Qt-free, asyncio (the blocking audio work runs on worker threads).

Every task pays a voice fee, so the sentences that share parameters go together: their texts
(rules applied, or the user's edit) joined by :data:`REDO_PAUSE` (a one-second pause marker:
not billed, and long enough to find), subtitles on. The result is cut at the middle of each
separating silence (``sentence_audio.cut_batch``) and each piece becomes a
:class:`SentenceTake` of its sentence, spliced over the sentence's sound in the segment's
chosen take when the chapter is stitched. A take the automatic checks flag is kept with its
findings and not chosen; the others are chosen (the user can choose any take, or take 1).

The task goes through the task runner and the task library exactly as a render's: the book
names the task (``redo_tasks``, :meth:`BookStore.record_redo`) in the runner's ``sending``
callback, before the library's intent and the create; :func:`resume_redos` settles what a
killed process left with the render queue's rules (:mod:`.resume`): a finished result is
cut and kept, a created task is followed again, an outcome unknown is never sent again.

API for the UI and the CLI: :func:`plan_redo` (what would be sent and both costs),
:func:`run_redo` (send it and keep the takes), :func:`resume_redos`, :func:`sentence_takes_of`
(the takes of one sentence, take 1 first) and :func:`choose_take`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.core.book.checks import Placement
from soundclone_desktop.core.book.pronunciation import apply_rules
from soundclone_desktop.core.book.sentence_takes import (
    RedoMark,
    RedoPiece,
    SentenceError,
    SentenceKey,
    SentenceRef,
    SentenceTake,
    batch_text,
    locate_sentence,
)
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.book.stitch_plan import current_take
from soundclone_desktop.core.book.takes import fingerprint
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.core.script import analyze
from soundclone_desktop.core.subtitles import Cue, SubtitleFormatError, parse_subtitles
from soundclone_desktop.store.book.store import BookStore
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.process_owner import owner_alive

from .. import messages
from ..tasks import TaskRunner
from .checks import check_take, measure_take
from .plan import OUTCOME_UNKNOWN, task_price
from .resume import Decision, settle
from .sentence_audio import CutPiece, cut_batch, sentence_sounds

__all__ = [
    "RedoChanges",
    "RedoPlan",
    "RedoResult",
    "SentenceError",
    "TakeInfo",
    "choose_take",
    "plan_redo",
    "resume_redos",
    "run_redo",
    "sentence_takes_of",
]


@dataclass(frozen=True, slots=True)
class RedoChanges:
    """What the user changed for the marked sentences: ``text`` replaces the text of a
    single marked sentence; ``params`` are parameter fields of
    :class:`~soundclone_desktop.core.params.ProductionParams` by name (``emotion``,
    ``speed``, ``vol``, ``pitch``…) with their new values."""

    text: str | None = None
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class RedoPlan:
    """One redo task: the sentences, the request, and the cost both ways."""

    chapter_id: str
    sentences: tuple[SentenceRef, ...]
    pieces: tuple[RedoPiece, ...]
    params: ProductionParams  # the batch request (text: the joined sentences)
    billable_chars: int
    cost: Decimal | None  # one task (None: prices unknown)
    separate_cost: Decimal | None  # one task per sentence

    @property
    def tasks(self) -> int:
        return 1

    @property
    def separate_tasks(self) -> int:
        return len(self.sentences)

    def summary(self, money: str, separate_money: str) -> str:
        """ "5 sentences: 1 task, 0.62 – instead of 5 tasks, 2.54" (money formatted by the
        caller: its currency and locale)."""
        n = len(self.sentences)
        noun = "sentence" if n == 1 else "sentences"
        return (
            f"{n} {noun}: 1 task, {money} – instead of {self.separate_tasks} "
            f"task{'s' if self.separate_tasks != 1 else ''}, {separate_money}"
        )


@dataclass(frozen=True, slots=True)
class RedoResult:
    local_id: str
    takes: tuple[SentenceTake, ...]  # in the order of the plan's sentences
    state: JobState
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TakeInfo:
    """A take of a sentence as listed: ``number`` 1 is the segment take's own sentence.
    To play it (A/B): ``audio`` from ``start_s`` to ``end_s``."""

    number: int
    take_id: str | None  # None for take 1
    created_at: float
    duration: float
    chosen: bool
    findings: tuple[dict[str, object], ...]
    audio: Path
    start_s: float
    end_s: float


# -- planning -------------------------------------------------------------------------------


def plan_redo(
    store: BookStore,
    chapter_id: str,
    numbers: Sequence[int],
    prices: PriceTable,
    changes: RedoChanges = RedoChanges(),
) -> RedoPlan:
    """What redoing sentences ``numbers`` (from 1, in the chapter) sends and costs. Blocking
    (decodes the segment takes to find the sentences' sound). Raises :class:`SentenceError`
    for a sentence that cannot be redone (no words, no current take of its segment, …)."""
    book = store.book
    wanted = sorted(set(numbers))
    if not wanted:
        raise SentenceError("Mark at least one sentence to redo.")
    if changes.text is not None and len(wanted) != 1:
        raise SentenceError("An edited text replaces one sentence: mark only that one.")
    refs = [locate_sentence(book, chapter_id, n) for n in wanted]
    sounds: dict[str, dict[int, tuple[float, float]]] = {}
    pieces = []
    for ref in refs:
        take = current_take(ref.row)
        if take is None:
            raise SentenceError(
                f"Sentence {ref.number}: its segment has no current take; render it first."
            )
        if take.id not in sounds:
            sounds[take.id] = _sounds_of(store, ref.row.segment.text, take.audio_path,
                                         take.subtitle_path)  # fmt: skip
        found = sounds[take.id].get(ref.segment_start)
        if found is None:
            raise SentenceError(f"Sentence {ref.number} could not be found in its take.")
        written = changes.text.strip() if changes.text is not None else ref.text
        if not written:
            raise SentenceError("The edited text is empty.")
        sent = apply_rules(written, book.rules, chapter_id).sent
        pieces.append(RedoPiece(ref.row.segment.id, ref.segment_start, ref.segment_end,
                                take.id, found[0], found[1], sent))  # fmt: skip
    base = book.effective_params(chapter_id)
    overrides: dict[str, Any] = {k: v for k, v in changes.params if k != "text"}
    params = dataclasses.replace(
        base, text=batch_text([p.text for p in pieces]), subtitles=True, **overrides
    )
    problems = params.validate()
    if problems:
        raise SentenceError(problems[0].message)
    chars = analyze(params.text).billable_chars
    separate = [task_price(analyze(p.text).billable_chars, prices) for p in pieces]
    known = [c for c in separate if c is not None]
    separate_cost = sum(known, Decimal(0)) if len(known) == len(separate) else None
    return RedoPlan(chapter_id, tuple(refs), tuple(pieces), params, chars,
                    task_price(chars, prices), separate_cost)  # fmt: skip


def _sounds_of(
    store: BookStore, text: str, audio: str, subtitles: str | None
) -> dict[int, tuple[float, float]]:
    sound = decode(store.resolve(audio), channels=1)
    cues = _read_cues(store.resolve(subtitles)) if subtitles else None
    return {s.offset: (s.start_s, s.end_s) for s in sentence_sounds(sound, text, cues)}


def _read_cues(path: Path) -> tuple[Cue, ...] | None:
    try:
        return parse_subtitles(path.read_bytes()).cues
    except (OSError, SubtitleFormatError):
        return None


# -- sending ---------------------------------------------------------------------------------


async def run_redo(store: BookStore, runner: TaskRunner, plan: RedoPlan) -> RedoResult:
    """Send the plan's one task through ``runner`` (whose ``on_update`` records into the task
    library), wait for it and keep each sentence's piece as a take (module doc)."""
    named: list[str] = []

    def on_update(job: Job) -> None:
        if job.state is JobState.SENDING and not named:
            # Before the library's intent and the create: the book names the task.
            store.record_redo(RedoMark(job.local_id, plan.chapter_id, plan.pieces))
            named.append(job.local_id)

    job = await runner.submit(plan.params, on_update)
    if not job.state.is_terminal:
        await runner.wait(job)
    mark = RedoMark(job.local_id, plan.chapter_id, plan.pieces)
    return await _settle_job(store, mark, job)


async def _settle_job(store: BookStore, mark: RedoMark, job: Job) -> RedoResult:
    if job.state is JobState.DOWNLOADED and job.audio_path is not None:
        params = job.params
        assert isinstance(params, ProductionParams)
        takes = await asyncio.to_thread(
            adopt_redo, store, mark, params, job.audio_path, job.subtitle_path
        )
        return RedoResult(job.local_id, tuple(takes), job.state)
    if job.state is JobState.OUTCOME_UNKNOWN:  # may be charged: kept, never sent again
        failed = dataclasses.replace(mark, phase="failed", reason=OUTCOME_UNKNOWN)
        await asyncio.to_thread(store.record_redo, failed)
    elif job.state is JobState.FAILED:  # refused, failed (refunded) or never created
        await asyncio.to_thread(store.clear_redo, mark.local_id)
    # CANCELLED (the runner stopped): the mark stays and the next run follows the task
    return RedoResult(job.local_id, (), job.state, job.reason.value if job.reason else None)


def adopt_redo(
    store: BookStore,
    mark: RedoMark,
    params: ProductionParams,
    audio: Path,
    subtitles: Path | None,
) -> list[SentenceTake]:
    """Cut a finished redo task's audio and keep each piece as a sentence take (the same
    task adopted again, after a crash, gives the same take IDs: nothing is added twice)."""
    sound = decode(audio)
    cues = _read_cues(subtitles) if subtitles is not None and subtitles.is_file() else None
    pieces = cut_batch(sound, len(mark.pieces), cues)
    takes = []
    for index, (piece, cut) in enumerate(zip(mark.pieces, pieces, strict=True), 1):
        take = _keep(store, mark, index, piece, cut, sound.rate, params)
        store.add_sentence_take(take)
        takes.append(take)
    store.clear_redo(mark.local_id)
    return takes


def _keep(
    store: BookStore,
    mark: RedoMark,
    index: int,
    piece: RedoPiece,
    cut: CutPiece,
    rate: int,
    params: ProductionParams,
) -> SentenceTake:
    take_id = f"{mark.local_id}-{index}"
    path = store.audio_path_for(take_id, ".wav")
    tmp = path.with_name(f".{path.name}.tmp")
    encode(Audio(cut.samples, rate), tmp, EncodeOptions(Encoding.WAV))
    tmp.replace(path)
    findings = _findings(store, mark.chapter_id, piece, path)
    return SentenceTake(
        id=take_id, chapter_id=mark.chapter_id, segment_id=piece.segment_id,
        sentence_start=piece.sentence_start, sentence_end=piece.sentence_end,
        base_take_id=piece.base_take_id, base_start_s=piece.base_start_s,
        base_end_s=piece.base_end_s, audio_path=store.stored_path(path),
        speech_start_s=cut.speech_start_s, speech_end_s=cut.speech_end_s,
        duration=cut.samples.shape[1] / rate, created_at=time.time(),
        task_local_id=mark.local_id, request_text=piece.text,
        fingerprint=fingerprint(dataclasses.replace(params, text=piece.text)),
        chosen=not findings, findings=tuple(findings),
    )  # fmt: skip


def _findings(
    store: BookStore, chapter_id: str, piece: RedoPiece, path: Path
) -> list[dict[str, object]]:
    """The automatic checks of one sentence take (no subtitles of its own: silences,
    clipping; the batch's words were checked with the task)."""
    book = store.book
    chapter = book.chapter(chapter_id)
    number = next(i for i, c in enumerate(book.chapters, 1) if c.id == chapter_id)
    segment = next((s for s in book.segments(chapter_id) if s.id == piece.segment_id), None)
    start = (segment.start if segment is not None else 0) + piece.sentence_start
    placement = Placement(
        chapter=number,
        sentence_starts=tuple(a for a, _ in sentence_spans(chapter.text)),
        segment_start=start,
        segment_end=start + len(piece.text),
        request_offset=start,
        request_length=len(piece.text),
        segment=piece.segment_id,
    )
    measurement = measure_take(path)
    return [
        {"kind": f.kind.value, "seconds": round(f.seconds, 3), "detail": f.detail}
        for f in check_take(measurement, piece.text, placement)
    ]


# -- resuming --------------------------------------------------------------------------------


async def resume_redos(
    store: BookStore, runner: TaskRunner, library: TaskLibrary
) -> list[RedoResult]:
    """Settle the redo tasks a killed process left (module doc); returns what was settled."""
    results = []
    for mark in store.redo_marks():
        if mark.phase != "rendering":
            continue
        record = await asyncio.to_thread(library.get, mark.local_id)
        audio = record.audio_path if record is not None else None
        running = record is not None and owner_alive(
            record.owner_pid, record.owner_start, since=record.created_at
        )
        decision = settle(
            record, audio_exists=audio is not None and audio.is_file(), owner_running=running
        ).decision
        if decision is Decision.REQUEUE:  # nothing was sent: the user marks them again
            await asyncio.to_thread(store.clear_redo, mark.local_id)
        elif decision is Decision.ADOPT:
            assert record is not None and audio is not None
            params = record.params
            assert isinstance(params, ProductionParams)
            takes = await asyncio.to_thread(
                adopt_redo, store, mark, params, audio, record.subtitle_path
            )
            results.append(RedoResult(mark.local_id, tuple(takes), JobState.DOWNLOADED))
        elif decision is Decision.TRACK:
            assert record is not None and record.task_id is not None
            job = runner.track(record.task_id, record.kind, params=record.params,
                               local_id=record.local_id, created_at=record.created_at)  # fmt: skip
            await runner.wait(job)
            results.append(await _settle_job(store, mark, job))
        elif decision is Decision.UNKNOWN:  # may have been charged: never sent again
            assert record is not None
            if record.state is JobState.SENDING:
                await asyncio.to_thread(
                    library.mark, record.local_id, JobState.OUTCOME_UNKNOWN,
                    reason=OUTCOME_UNKNOWN, error=messages.OUTCOME_INTERRUPTED,
                )  # fmt: skip
            failed = dataclasses.replace(mark, phase="failed", reason=OUTCOME_UNKNOWN)
            await asyncio.to_thread(store.record_redo, failed)
            results.append(RedoResult(mark.local_id, (), JobState.OUTCOME_UNKNOWN,
                                      OUTCOME_UNKNOWN))  # fmt: skip
        elif decision is Decision.FAILED:
            assert record is not None
            failed = dataclasses.replace(mark, phase="failed", reason=record.reason)
            await asyncio.to_thread(store.record_redo, failed)
    return results


# -- listing and choosing ----------------------------------------------------------------------


def sentence_takes_of(store: BookStore, chapter_id: str, number: int) -> list[TakeInfo]:
    """The takes of sentence ``number``: take 1 (its sound in the segment's current take)
    first, then its sentence takes cut against that take, oldest first."""
    ref = locate_sentence(store.book, chapter_id, number)
    base = current_take(ref.row)
    if base is None:
        return []
    mine = [t for t in store.sentence_takes(chapter_id)
            if t.sentence_key == ref.key and t.base_take_id == base.id]  # fmt: skip
    if mine:
        start, end = mine[0].base_start_s, mine[0].base_end_s
    else:  # never redone: its sound in the take, as a redo would replace it
        sounds = _sounds_of(store, ref.row.segment.text, base.audio_path, base.subtitle_path)
        start, end = sounds.get(ref.segment_start, (0.0, 0.0))
    infos = [TakeInfo(1, None, base.created_at, round(end - start, 3),
                      not any(t.chosen for t in mine), (), store.resolve(base.audio_path),
                      start, end)]  # fmt: skip
    for number_, take in enumerate(mine, 2):
        infos.append(TakeInfo(number_, take.id, take.created_at, round(take.duration, 3),
                              take.chosen, take.findings, store.resolve(take.audio_path),
                              0.0, take.duration))  # fmt: skip
    return infos


def choose_take(store: BookStore, chapter_id: str, number: int, take_number: int) -> SentenceKey:
    """Choose take ``take_number`` (1: the segment take's own) of sentence ``number``; the
    next stitch of the chapter uses it. ``SentenceError`` for a take that does not exist."""
    takes = sentence_takes_of(store, chapter_id, number)
    if not 1 <= take_number <= len(takes):
        raise SentenceError(
            f"Sentence {number} has no take {take_number} (takes: 1 to {max(1, len(takes))})."
        )
    key = locate_sentence(store.book, chapter_id, number).key
    store.choose_sentence_take(key, takes[take_number - 1].take_id)
    return key
