"""Book segmentation speed and stability: ``python -m tests.benchmarks.segmenting``.

A synthetic 1,000,000-character manuscript (``book_text.py``: Chinese and English
paragraphs, headings, pause markers, a few very long paragraphs) is segmented at the default
target, interleaved round by round with a baseline that only reads the text once the way
any segmenter must (``str.splitlines`` and one regex pass for sentence punctuation).
Also measured: sentence numbering of the same text, and how many segments one paragraph
edit changes (random paragraphs replaced by new ones; the rest keep their IDs and audio).
Writes JSON to ``$SOUNDCLONE_BENCH_RESULT_FILE`` (else stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

from soundclone_desktop.core.book.segment import segment_chapter
from soundclone_desktop.core.book.sentences import paragraph_spans, sentence_spans
from tests.benchmarks.book_text import book_text, chinese_paragraph, english_paragraph
from tests.benchmarks.procs import RESULT_ENV

_PUNCT = re.compile(r"[.!?。！？…]+")


def timed(work: object) -> float:
    assert callable(work)
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def edits(text: str, count: int, seed: int) -> list[int]:
    """Segments whose ID changes when one random paragraph is replaced, per edit."""
    rng = random.Random(seed)
    old = {s.id for s in segment_chapter(text)}
    paragraphs = paragraph_spans(text)
    changed = []
    for _ in range(count):
        start, end = rng.choice(paragraphs)
        new = english_paragraph(rng) if rng.random() < 0.5 else chinese_paragraph(rng)
        edited = text[:start] + new + "\n" + text[end:]
        changed.append(len(old - {s.id for s in segment_chapter(edited)}))
    return changed


def run(chars: int, rounds: int, edit_count: int) -> dict[str, object]:
    text = book_text(chars, seed=1)
    segment_chapter(text[:50_000])  # warm the imports and regex caches
    ours, base, sentences = [], [], []
    for _ in range(rounds):
        base.append(timed(lambda: (text.splitlines(), _PUNCT.findall(text))))
        ours.append(timed(lambda: segment_chapter(text)))
        sentences.append(timed(lambda: sentence_spans(text)))
    segments = segment_chapter(text)
    sizes = [s.billable_chars for s in segments]
    near_edits = edits(book_text(min(chars, 200_000), seed=2), edit_count, seed=3)
    return {
        "chars": chars,
        "segment": ours,
        "baseline": base,
        "sentences": sentences,
        "sentence_count": len(sentence_spans(text)),
        "segments": len(segments),
        "mean_chars": sum(sizes) / len(sizes),
        "max_request_chars": max(len(s.text) for s in segments),
        "oversized": sum(1 for s in segments if s.oversized_sentence),
        "edit_changed": near_edits,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args(argv)
    output = json.dumps(run(args.chars, args.rounds, args.edits))
    target = os.environ.get(RESULT_ENV)
    if target:
        Path(target).write_text(output, encoding="utf-8")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
