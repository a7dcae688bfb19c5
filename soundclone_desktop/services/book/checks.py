"""Check takes of a book: read each take's audio and subtitles, measure, compare. Blocking.

:func:`check_take` checks one take's files against the text sent; :func:`check_chapter`
checks the chosen take of every segment of a chapter against the book's median speaking
rate (:func:`book_medians`, measured from every chosen take of the book unless the caller
passes it, so that checking several chapters measures the book once).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.audio.clipping import find_clipping
from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.errors import AudioError
from soundclone_desktop.audio.silence import find_silences
from soundclone_desktop.core.book.checks import (
    CheckKind,
    Finding,
    Placement,
    Span,
    WordTimes,
    align_words,
    clipping_findings,
    median_rates,
    rate_finding,
    script_counts,
    silence_findings,
    speech_seconds,
    word_findings,
)
from soundclone_desktop.core.book.model import SegmentRow
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.subtitles import Cue, SubtitleFormatError, parse_subtitles
from soundclone_desktop.store.book.store import BookStore

__all__ = [
    "TakeMeasurement",
    "book_medians",
    "check_chapter",
    "check_take",
    "measure_take",
]

SILENCE_THRESHOLD_DBFS = -50.0
SILENCE_MIN_SECONDS = 0.3


@dataclass(frozen=True, slots=True)
class TakeMeasurement:
    """What the checks need from a take's files."""

    duration: float
    silences: tuple[Span, ...]
    clipped: tuple[Span, ...]
    cues: tuple[Cue, ...] | None  # None: the take has no (readable) subtitles

    def counts(self, sent_text: str) -> dict[str, int]:
        """Characters spoken by script: those the subtitles heard, else those sent."""
        if self.cues is None:
            return script_counts(sent_text)
        return script_counts(" ".join(cue.text for cue in self.cues))

    def words(self, sent_text: str) -> WordTimes | None:
        return None if self.cues is None else align_words(sent_text, self.cues)

    def speech(self, sent_text: str, speed: float, words: WordTimes | None) -> float:
        return speech_seconds(sent_text, self.silences, self.duration, speed=speed, words=words)


def measure_take(audio: Path, subtitles: Path | None = None) -> TakeMeasurement:
    """Decode ``audio`` (mono, at its own rate) and read ``subtitles``; raises
    :class:`AudioError` for audio that cannot be decoded."""
    sound = decode(audio, channels=1)
    silences = find_silences(
        sound, threshold_dbfs=SILENCE_THRESHOLD_DBFS, min_seconds=SILENCE_MIN_SECONDS
    )
    clipped = find_clipping(sound)
    cues: tuple[Cue, ...] | None = None
    if subtitles is not None:
        try:
            cues = parse_subtitles(subtitles.read_bytes()).cues
        except (OSError, SubtitleFormatError):
            cues = None
    return TakeMeasurement(
        sound.seconds,
        tuple(Span(s.start_s, s.end_s) for s in silences),
        tuple(Span(c.start_s, c.end_s) for c in clipped),
        cues,
    )


def check_take(
    measurement: TakeMeasurement,
    sent_text: str,
    placement: Placement,
    *,
    medians: Mapping[str, float] | None = None,
    speed: float = 1.0,
) -> list[Finding]:
    """Every finding of one take, in order of kind then time."""
    findings: list[Finding] = []
    words = measurement.words(sent_text)
    if measurement.cues is not None:
        findings += word_findings(sent_text, measurement.cues, placement, words)
    findings += silence_findings(
        sent_text,
        measurement.silences,
        measurement.duration,
        placement,
        speed=speed,
        words=words,
    )
    if medians:
        kind = CheckKind.RATE if measurement.cues is not None else CheckKind.DURATION
        finding = rate_finding(
            kind,
            measurement.counts(sent_text),
            measurement.speech(sent_text, speed, words),
            medians,
            placement,
        )
        if finding is not None:
            findings.append(finding)
    findings += clipping_findings(
        measurement.clipped, measurement.duration, sent_text, placement, words
    )
    return findings


def book_medians(
    store: BookStore, cache: dict[str, TakeMeasurement] | None = None
) -> dict[str, float]:
    """The book's median characters per second of speech, per script (see
    :func:`~soundclone_desktop.core.book.checks.median_rates`). ``cache`` (take ID to
    measurement) is read and filled, so a later :func:`check_chapter` decodes nothing twice."""
    measured = cache if cache is not None else {}
    samples = []
    for chapter in store.chapters():
        for row in store.rows(chapter.id):
            take = row.state.chosen
            if take is None:
                continue
            measurement = measured.get(take.id) or _measure(
                store, take.audio_path, take.subtitle_path
            )
            if measurement is None:
                continue
            measured[take.id] = measurement
            text = take.request_text
            speech = measurement.speech(text, row.params.speed, measurement.words(text))
            samples.append((measurement.counts(text), speech))
    return median_rates(samples)


def check_chapter(
    store: BookStore,
    chapter_id: str,
    *,
    medians: Mapping[str, float] | None = None,
    cache: dict[str, TakeMeasurement] | None = None,
) -> list[Finding]:
    """Findings of the chosen takes of a chapter, in segment order. Segments without a
    chosen take, or whose audio cannot be read, are skipped. ``medians`` default to
    :func:`book_medians`; ``cache`` as there."""
    chapters = store.chapters()
    number = next(i for i, c in enumerate(chapters, 1) if c.id == chapter_id)
    chapter = chapters[number - 1]
    starts = tuple(start for start, _ in sentence_spans(chapter.text))
    rows = store.rows(chapter_id)
    measured = cache if cache is not None else {}
    for row in rows:
        take = row.state.chosen
        if take is not None and take.id not in measured:
            measurement = _measure(store, take.audio_path, take.subtitle_path)
            if measurement is not None:
                measured[take.id] = measurement
    if medians is None:
        medians = book_medians(store, measured)
    findings: list[Finding] = []
    for row in rows:
        take = row.state.chosen
        if take is None or take.id not in measured:
            continue
        findings += check_take(
            measured[take.id],
            take.request_text,
            _placement(number, starts, row, take.request_text),
            medians=medians,
            speed=row.params.speed,
        )
    return findings


def _placement(number: int, starts: tuple[int, ...], row: SegmentRow, sent: str) -> Placement:
    segment = row.segment
    found = segment.text.find(sent) if sent else -1
    return Placement(
        chapter=number,
        sentence_starts=starts,
        segment_start=segment.start,
        segment_end=segment.end,
        request_offset=segment.start + found if found >= 0 else None,
        request_length=len(sent),
        segment=segment.id,
    )


def _measure(store: BookStore, audio: str, subtitles: str | None) -> TakeMeasurement | None:
    try:
        return measure_take(store.resolve(audio), store.resolve(subtitles) if subtitles else None)
    except (AudioError, OSError):
        return None
