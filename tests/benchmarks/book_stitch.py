"""Stitching a ten-hour book's chapters (issue 14: ≥ 100× real time).

``python -m tests.benchmarks.book_stitch [--chapters 40] [--takes 15] [--seconds 60]
[--fmt wav] [--json out.json]``

A book folder is built with ``chapters × takes`` takes of ``seconds`` each: MP3 at 32 kHz
mono, 128 kbps (what the service returns), each with a MiniMax JSON subtitle file. Encoding
ten hours of MP3 would take longer than the stitching it is there to measure, so
``--distinct`` (15) different minutes of a NumPy speech-like signal are encoded once and
every take is a hard link to one of them under its own name, as the render queue adopts
results; decoding does the same work whichever file it reads. Every second take is a
16 kHz WAV instead when ``--mixed`` is given (resampling on the way).

Then, in a fresh subprocess (so its peak resident memory, ``VmHWM``, is the stitching's
own): every chapter stitched with ``stitch_chapter`` (the path the app and the CLI take),
one after another, timing wall clock and CPU; then all of them again with nothing
changed (each reused from its manifest).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SPEED = 100.0
RATE = 32_000
SENTENCES = (
    "The rain had stopped before the night was over.",
    "Nobody in the town could say where she had gone.",
    "He counted the steps from the door to the window.",
    "Morning came slowly over the grey roofs of the town.",
    "She wrote the letter twice and burned them both.",
)


def peak_rss_mb() -> float | None:
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def build(
    folder: Path, chapters: int, takes: int, seconds: float, distinct: int, mixed: bool
) -> Path:
    """The book folder (takes linked to ``distinct`` encoded files)."""
    import numpy as np

    from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
    from soundclone_desktop.audio.model import Audio
    from soundclone_desktop.core.book.model import Book, BookSettings, Chapter
    from soundclone_desktop.core.book.takes import Take
    from soundclone_desktop.core.params import ProductionParams
    from soundclone_desktop.store.book.store import BookStore
    from tests.audio.signals import speech_like

    sources: dict[str, list[Path]] = {"mp3": [], "wav": []}
    kinds = ("mp3", "wav") if mixed else ("mp3",)
    for index in range(distinct):
        minute = speech_like(seconds, RATE, seed=index)
        for kind in kinds:
            if kind == "mp3":
                path = folder / f"source-{index}.mp3"
                encode(minute, path, EncodeOptions(Encoding.MP3))
            else:
                low = Audio(np.ascontiguousarray(minute.samples[:, ::2]), RATE // 2)
                path = folder / f"source-{index}.wav"
                encode(low, path, EncodeOptions(Encoding.WAV))
            sources[kind].append(path)
    settings = BookSettings(params=ProductionParams(model_id="voice-1", text=""), target_chars=40)
    book_chapters = []
    for c in range(chapters):
        paragraphs = [
            f"{SENTENCES[(c + t) % len(SENTENCES)]} ({c + 1}.{t + 1})" for t in range(takes)
        ]
        text = f"Chapter {c + 1}\n\n" + "\n\n".join(paragraphs) + "\n"
        book_chapters.append(Chapter(f"chapter-{c + 1:03d}", f"Chapter {c + 1}", text))
    book = Book(title="Ten hours", settings=settings, chapters=tuple(book_chapters))
    placed: list[tuple[str, Path]] = []
    n = 0
    for chapter in book.chapters:
        for row in book.rows(chapter.id):
            if not row.segment.needs_task:
                continue
            kind = "wav" if mixed and n % 2 else "mp3"
            take_id = f"take-{n:05d}"
            source = sources[kind][n % distinct]
            subtitles = [{"text": row.segment.request_text, "time_begin": 0,
                          "time_end": seconds * 1000}]  # fmt: skip
            audio, captions = f"audio/{take_id}.{kind}", f"captions/{take_id}.json"
            take = Take(take_id, None, audio, captions, seconds, time.time(), row.fingerprint,
                        row.segment.request_text)  # fmt: skip
            book = book.with_take(chapter.id, row.segment.id, take)
            placed.append((take_id, source))
            (folder / f"{take_id}.json").write_text(json.dumps(subtitles), encoding="utf-8")
            n += 1
    store = BookStore.create(folder / "Ten hours.scbook", book)
    for take_id, source in placed:
        os.link(source, store.folder / "audio" / f"{take_id}{source.suffix}")
        os.replace(folder / f"{take_id}.json", store.folder / "captions" / f"{take_id}.json")
    store.close()
    return folder / "Ten hours.scbook"


def child_stitch(book: Path, fmt: str) -> dict[str, object]:
    from soundclone_desktop.services.book.stitch import stitch_chapter
    from soundclone_desktop.store.book.store import BookStore

    store = BookStore.open(book)

    async def all_chapters() -> tuple[float, float, float, int, int]:
        audio = 0.0
        cues = takes = 0
        started, busy = time.perf_counter(), time.process_time()
        for chapter in store.chapters():
            result = await stitch_chapter(store, chapter.id, fmt=fmt)
            audio += result.duration_s
            cues += len(result.captions)
            takes += len(result.segment_offsets)
        return time.perf_counter() - started, time.process_time() - busy, audio, cues, takes

    wall, cpu, audio, cues, takes = asyncio.run(all_chapters())
    again_wall, *_ = asyncio.run(all_chapters())
    size = sum(p.stat().st_size for p in (book / "chapters").iterdir())
    store.close()
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "audio_s": audio,
        "cues": cues,
        "takes": takes,
        "unchanged_wall_s": again_wall,
        "output_mb": size / 1024 / 1024,
        "peak_rss_mb": peak_rss_mb(),
    }


def table(figures: dict[str, object], chapters: int) -> list[str]:
    audio = float(figures["audio_s"])  # type: ignore[arg-type]
    wall = float(figures["wall_s"])  # type: ignore[arg-type]
    cpu = float(figures["cpu_s"])  # type: ignore[arg-type]
    speed = audio / wall
    verdict = "ok" if speed >= TARGET_SPEED else "MISSED"
    return [
        "| figure | value | target | verdict |",
        "|---|---|---|---|",
        f"| {chapters} chapters, {figures['takes']} takes, {audio / 3600:.2f} h stitched "
        f"| {wall:.1f} s wall, {cpu:.1f} s CPU | | |",
        f"| × real time (wall) | {speed:.0f}× | ≥ {TARGET_SPEED:.0f}× | {verdict} |",
        f"| × real time (CPU time) | {audio / cpu:.0f}× | | |",
        f"| All chapters again, nothing changed | {figures['unchanged_wall_s']:.2f} s | | |",
        f"| Peak resident memory | {figures['peak_rss_mb']:.0f} MB | | |",
        f"| Written | {figures['output_mb']:.0f} MB, {figures['cues']} cues | | |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=40)
    parser.add_argument("--takes", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--distinct", type=int, default=15)
    parser.add_argument("--fmt", default="wav")
    parser.add_argument("--mixed", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_stitch(Path(args.child[0]), args.child[1])))
        return 0
    with tempfile.TemporaryDirectory(prefix="soundclone-stitch-bench-") as tmp:
        started = time.perf_counter()
        book = build(Path(tmp), args.chapters, args.takes, args.seconds, args.distinct, args.mixed)
        print(f"book built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        command = [sys.executable, "-m", "tests.benchmarks.book_stitch", "--child", str(book),
                   args.fmt]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"stitching failed:\n{done.stderr}")
        figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    kind = "MP3 32 kHz and WAV 16 kHz takes" if args.mixed else "MP3 32 kHz takes"
    print(f"book stitch: {args.chapters} chapters of {args.takes} paragraphs, {kind} of "
          f"{args.seconds:g} s each → {args.fmt}")  # fmt: skip
    print("\n".join(table(figures, args.chapters)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
