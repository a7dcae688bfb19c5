"""check_take on files the demo's synthesiser makes: exact timing, known faults."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.core.book.checks import CheckKind, Placement, script_counts
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.demo.content_faults import ContentFault, apply_to_timeline
from soundclone_desktop.demo.encoding import wav_bytes
from soundclone_desktop.demo.markup import find_pauses
from soundclone_desktop.demo.subtitles import build_subtitles
from soundclone_desktop.demo.synth import plan, render_samples
from soundclone_desktop.services.book.checks import check_take, measure_take

RATE = 16000
TEXT = "那天晚上，雨一直没有停。<#0.8#>林晓把最后一盏灯关掉。她坐在书桌前，把那封信又读了一遍。"


def _wav(tmp_path: Path, text: str, speed: float = 1.0, vol: float = 1.0) -> Path:
    samples = render_samples(
        plan(text, find_pauses(text), RATE, speed), base_hz=150.0, vol=vol, pitch=0
    )
    path = tmp_path / "take.wav"
    path.write_bytes(wav_bytes(samples, RATE))
    return path


def _placement(text: str) -> Placement:
    return Placement(1, tuple(s for s, _ in sentence_spans(text)), 0, len(text), 0, len(text))


def test_a_clean_take_with_its_marker_has_no_findings(tmp_path: Path) -> None:
    measurement = measure_take(_wav(tmp_path, TEXT))
    assert check_take(measurement, TEXT, _placement(TEXT), medians={"cjk": 5.0}) == []


def test_without_subtitles_a_fast_take_is_a_duration_finding(tmp_path: Path) -> None:
    # The median of this voice at speed 1, measured the same way.
    normal = measure_take(_wav(tmp_path, TEXT))
    median = script_counts(TEXT)["cjk"] / normal.speech(TEXT, 1.0, None)
    fast = measure_take(_wav(tmp_path, TEXT, speed=1.6))
    [finding] = check_take(fast, TEXT, _placement(TEXT), medians={"cjk": median})
    assert finding.kind is CheckKind.DURATION


def test_a_loud_take_clipped_in_the_middle_is_found_at_its_sentence(tmp_path: Path) -> None:
    path = _wav(tmp_path, TEXT, vol=10.0)
    data = bytearray(path.read_bytes())
    samples = np.frombuffer(data, np.int16, offset=44)
    start = round(4.0 * RATE)  # inside the second sentence
    clipped = np.where(samples[start : start + 800] >= 0, 32767, -32767).astype(np.int16)
    data[44 + 2 * start : 44 + 2 * (start + 800)] = clipped.tobytes()
    path.write_bytes(bytes(data))
    findings = check_take(measure_take(path), TEXT, _placement(TEXT))
    assert [(f.kind, f.sentence) for f in findings] == [(CheckKind.CLIPPING, 2)]


def test_word_level_subtitles_of_a_dropped_sentence_give_one_missing_words(
    tmp_path: Path,
) -> None:
    timeline = plan(TEXT, find_pauses(TEXT), RATE, 1.0)
    fault = ContentFault("t", "drop-sentence", 0.6, 0.0)  # the second of three sentences
    dropped = apply_to_timeline(timeline, fault)
    audio = tmp_path / "take.wav"
    audio.write_bytes(wav_bytes(render_samples(dropped, base_hz=150.0, vol=1.0, pitch=0), RATE))
    captions = tmp_path / "take.json"
    captions.write_text(json.dumps(build_subtitles(dropped, word_level=True)), "utf-8")
    findings = check_take(measure_take(audio, captions), TEXT, _placement(TEXT))
    assert [(f.kind, f.sentence) for f in findings] == [(CheckKind.MISSING_WORDS, 2)]
    assert findings[0].detail == "not heard: 林晓把最后一盏灯关掉"
    # Placed where the sentence before it ends.
    assert findings[0].seconds == pytest.approx(2.45, abs=0.01)
