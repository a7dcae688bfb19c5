"""Exported subtitles are in sync with the synthesised audio, against the real demo server.

A script with pauses, English, Chinese and a number is synthesised over HTTP (API client +
TaskRunner) with subtitles at sentence and at word level. The expected times do not come
from the server's subtitle file: they are computed here from the demo's *documented* timing
rule (``demo/synth.py``: seconds per CJK character, digit, letter, punctuation and space,
divided by the speed; a pause marker is exact digital silence) and that computation is first
checked against the WAV itself — every run of zero samples in the audio must be exactly a
predicted pause. Then the SRT we export (read with a regex here, not with our parser) must
match the expected sentence (and, when split, word) times within 30 ms, and alignment must
map every cue and word to the right span of the script.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.params import ProductionParams, SubtitleType
from soundclone_desktop.core.script import analyze
from soundclone_desktop.core.subtitles import (
    CueAlignment,
    ExportOptions,
    SubtitleFormat,
    Subtitles,
    align_to_script,
    export_subtitles,
    parse_subtitles,
)
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner

SCRIPT = (
    "Welcome to the studio.<#0.8#> Today we test subtitles, carefully<#0.4#> and slowly.\n"
    "今天我们测试字幕。<#1.2#>这是第二句话，对吗？\n"
    "Mixed 中文 and understandably English 2024!"
)
SENTENCES = [
    "Welcome to the studio.",
    "Today we test subtitles, carefully<#0.4#> and slowly.",
    "今天我们测试字幕。",
    "这是第二句话，对吗？",
    "Mixed 中文 and understandably English 2024!",
]
RATE = 16000  # the demo's default sample rate for WAV
TOLERANCE_MS = 30.0
FAST = PollPolicy(
    min_interval=0.2, interval=0.2, max_interval=0.4, min_gap=0.01, max_concurrent=4,
    backoff_initial=0.2, backoff_max=1.0, long_after=60.0, long_interval=1.0,
)  # fmt: skip


# -- the documented timing rule, computed independently ------------------------------------------


@dataclass(frozen=True)
class Timed:
    start: int  # script offsets
    end: int
    t0: int  # samples
    t1: int


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def documented_timeline(script: str, speed: float) -> tuple[list[Timed], list[Timed]]:
    """(timed characters and words, pauses) by the rule in demo/synth.py's docstring."""
    pauses = {p.start: p for p in analyze(script).pauses}
    units: list[Timed] = []
    silences: list[Timed] = []
    at = i = 0

    def add(start: int, end: int, seconds: float) -> None:
        nonlocal at
        samples = round(seconds * RATE / speed)
        units.append(Timed(start, end, at, at + samples))
        at += samples

    while i < len(script):
        ch = script[i]
        if i in pauses:
            pause = pauses[i]
            samples = round(pause.seconds * RATE)
            silences.append(Timed(pause.start, pause.end, at, at + samples))
            at += samples
            i = pause.end
        elif _is_cjk(ch):
            add(i, i + 1, 0.20)
            i += 1
        elif ch.isdigit():
            add(i, i + 1, 0.15)
            i += 1
        elif ch.isalpha():
            j = i
            while j < len(script) and script[j].isalpha() and not _is_cjk(script[j]):
                j += 1
            count = 1 if j - i <= 6 else 2 if j - i <= 9 else 3
            begin = i
            for k in range(count):  # the engine's sub-word pieces, each timed on its own
                size = (j - i) // count + (1 if k < (j - i) % count else 0)
                add(begin, begin + size, 0.06 * size)
                begin += size
            i = j
        else:
            gap = 0.30 if ch in "。！？.!?\n" else 0.04 if ch.isspace() else 0.15
            if unicodedata.category(ch)[0] == "C" and ch != "\n":
                gap = 0.04
            add(i, i + 1, gap)
            i += 1
    return units, silences


def span_time(units: list[Timed], start: int, end: int) -> tuple[float, float]:
    inside = [u for u in units if start <= u.start and u.end <= end]
    return inside[0].t0 * 1000 / RATE, inside[-1].t1 * 1000 / RATE


def zero_runs(samples: array[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for index, value in enumerate(samples):
        if value == 0 and start is None:
            start = index
        elif value != 0 and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(samples)))
    return runs


def srt_times(text: str) -> list[tuple[float, float]]:
    stamp = r"(\d\d):(\d\d):(\d\d),(\d{3})"

    def ms(h: str, m: str, s: str, f: str) -> float:
        return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000.0 + int(f)

    return [(ms(*m.groups()[:4]), ms(*m.groups()[4:]))
            for m in re.finditer(stamp + " --> " + stamp, text)]  # fmt: skip


# -- synthesis over HTTP ------------------------------------------------------------------------


def synthesise(server: DemoServer, folder: Path, level: SubtitleType, speed: float) -> Job:
    params = ProductionParams(
        model_id=DEMO_VOICE_ID, text=SCRIPT, speed=speed, subtitles=True, subtitle_type=level
    )

    async def run() -> Job:
        async with (
            SoundCloneClient(server.base_url, server.token) as client,
            TaskRunner(client, folder, policy=FAST,
                       estimator=FinishEstimator({"audio": (0.3, 0.0)})) as runner,
        ):  # fmt: skip
            job = await runner.submit(params)
            return await runner.wait(job)

    job = asyncio.run(asyncio.wait_for(run(), 60))
    assert job.state is JobState.DOWNLOADED, job.error
    assert job.audio_path is not None and job.subtitle_path is not None
    return job


@pytest.mark.parametrize(
    ("level", "speed"),
    [(SubtitleType.SENTENCE, 1.0), (SubtitleType.WORD, 1.0), (SubtitleType.WORD, 1.25)],
)
def test_exported_srt_matches_the_audio_and_the_script(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path, level: SubtitleType, speed: float
) -> None:
    # WAV: this test checks the documented rule against the samples themselves, exactly.
    job = synthesise(make_demo_server(audio_format="wav"), tmp_path, level, speed)
    assert job.audio_path is not None and job.subtitle_path is not None
    with wave.open(str(job.audio_path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (RATE, 1, 2)
        samples = array("h", wav.readframes(wav.getnframes()))

    # 1. The documented rule describes this very audio: pauses and total length, to the sample.
    units, silences = documented_timeline(SCRIPT, speed)
    assert zero_runs(samples) == [(s.t0, s.t1) for s in silences]
    assert len(samples) == units[-1].t1

    # 2. The sentences' expected times and spans.
    spans = []
    cursor = 0
    for sentence in SENTENCES:
        start = SCRIPT.index(sentence, cursor)
        cursor = start + len(sentence)
        spans.append((start, cursor))
    expected = [span_time(units, a, b) for a, b in spans]

    subs = parse_subtitles(job.subtitle_path.read_bytes())
    assert subs.word_level is (level is SubtitleType.WORD)
    assert len(subs.cues) == len(SENTENCES)

    # 3. The exported SRT (one cue per sentence here) is in sync with the audio.
    srt = export_subtitles(subs, SubtitleFormat.SRT, ExportOptions())
    written = srt_times(srt)
    assert len(written) == len(expected)
    for (got_start, got_end), (want_start, want_end) in zip(written, expected, strict=True):
        assert abs(got_start - want_start) <= TOLERANCE_MS
        assert abs(got_end - want_end) <= TOLERANCE_MS

    # 4. Alignment maps every cue to its sentence, the marker inside sentence 2 included.
    alignment = align_to_script(subs, SCRIPT)
    assert [(a.cue.start, a.cue.end) if a.cue else None for a in alignment] == spans
    if level is SubtitleType.WORD:
        assert_words(subs, alignment, units)


def assert_words(subs: Subtitles, alignment: tuple[CueAlignment, ...], units: list[Timed]) -> None:
    unmarked = re.sub(r"<#[\d.]+#>", lambda m: " " * len(m[0]), SCRIPT)  # same offsets
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+|\d+|[\u4e00-\u9fff]", unmarked)]
    got_spans = [(w.start, w.end) for a in alignment for w in a.words if w is not None]
    assert got_spans == words
    got_times = [(w.start_ms, w.end_ms) for cue in subs.cues for w in cue.words]
    for (t0, t1), (a, b) in zip(got_times, words, strict=True):
        want0, want1 = span_time(units, a, b)
        assert abs(t0 - want0) <= TOLERANCE_MS and abs(t1 - want1) <= TOLERANCE_MS


def test_long_sentences_split_by_word_times_stay_in_sync(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    job = synthesise(demo_server, tmp_path, SubtitleType.WORD, 1.0)
    assert job.subtitle_path is not None
    subs = parse_subtitles(job.subtitle_path.read_bytes())
    units, _ = documented_timeline(SCRIPT, 1.0)
    options = ExportOptions(max_chars_per_line=12, max_lines=1, min_duration_ms=0)
    srt = export_subtitles(subs, SubtitleFormat.SRT, options)
    blocks = [b.split("\n", 2)[2] for b in srt.strip().split("\n\n")]
    written = srt_times(srt)
    assert len(blocks) > len(SENTENCES)  # sentences were split
    # Each screen starts when its first word is heard (the first screen of a sentence: when
    # the sentence starts) and ends when the next one starts or its sentence ends.
    sentence_starts = {round(span_time(units, *_span(s))[0]) for s in SENTENCES}
    cursor = 0
    for text, (start, _end) in zip(blocks, written, strict=True):
        first = re.search(r"[A-Za-z]+|\d+|[\u4e00-\u9fff]", text)
        assert first is not None
        at = _find_word(first[0], cursor)
        cursor = at + len(first[0])
        want = span_time(units, at, at + len(first[0]))[0]
        if round(want) not in sentence_starts:
            assert abs(start - want) <= TOLERANCE_MS, (text, start, want)


def _span(sentence: str) -> tuple[int, int]:
    start = SCRIPT.index(sentence)
    return start, start + len(sentence)


def _find_word(word: str, cursor: int) -> int:
    match = re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}").search(SCRIPT, cursor)
    assert match is not None, word
    return match.start()
