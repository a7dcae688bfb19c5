"""Book delivery benchmark (issue 16's speed target): a 10-hour book exported per profile.

``python -m tests.benchmarks.book_delivery [--hours 10] [--chapter-minutes 15] [--json out]``

The book is what the stitcher leaves (``services/book/stitch.py``): one 16-bit mono WAV per
chapter at the demo's 32 kHz, of the shared speech-like signal. Writing ten hours of
distinct audio would take longer than what is measured, so two distinct chapters are
written once (outside the clock) and every chapter is a hard link to one of them under its
own name; nothing in the pipeline caches by content across names.

Timed in a fresh subprocess, each as a ratio to the book's own duration (``100×`` = ten
hours in six minutes), wall clock and process CPU:

- **ACX**: ``master_files`` of every chapter (two workers: analysis, resampling to
  44.1 kHz, gain, room tone, limiter, LAME 192 kbps CBR, the verifying measurement), then
  ``check_files`` as ``check-delivery`` runs after mastering (facts of unchanged masters from
  the manifest, by SHA-256). The target counts both.
- **M4B**: ``write_m4b`` of every chapter (AAC 64 kbps mono, chapter marks, tags).

The target (issue 16): each under 1/100 of the book's duration on the 2-core VM. The
machine is shared: report ``uptime`` with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET = 100.0
RATE = 32_000
DISTINCT = 2  # distinct chapter recordings; the others are hard links to them


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(run: Callable[[], object]) -> tuple[object, dict[str, float]]:
    wall, cpu = time.perf_counter(), _cpu()
    result = run()
    return result, {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu}


def make_book(folder: Path, hours: float, chapter_minutes: float) -> list[Path]:
    """Chapter WAVs as the stitcher writes them (outside the clock)."""
    from soundclone_desktop.audio.encode import AudioWriter, EncodeOptions, Encoding
    from tests.audio.signals import speech_like

    count = max(1, round(hours * 60 / chapter_minutes))
    originals = []
    for index in range(min(DISTINCT, count)):
        path = folder / f"take-{index}.wav"
        with AudioWriter(path, EncodeOptions(Encoding.WAV), rate=RATE, channels=1) as writer:
            for minute in range(round(chapter_minutes)):
                writer.write(speech_like(60.0, RATE, seed=index * 1000 + minute).samples)
        originals.append(path)
    chapters = folder / "chapters"
    chapters.mkdir()
    paths = []
    for number in range(1, count + 1):
        path = chapters / f"{number:02d} Chapter {number}.wav"
        os.link(originals[(number - 1) % len(originals)], path)
        paths.append(path)
    return paths


def child(folder: Path) -> dict[str, object]:
    from soundclone_desktop.audio.decode import probe
    from soundclone_desktop.audio.m4b import BookMeta, ChapterAudio, write_m4b
    from soundclone_desktop.core.delivery.profiles import profile
    from soundclone_desktop.services.delivery.check import check_files
    from soundclone_desktop.services.delivery.master import Manifest, master_files
    from tests.benchmarks.audio import peak_rss_mb

    chapters = sorted((folder / "chapters").glob("*.wav"))
    seconds = sum(probe(path).duration_s or 0.0 for path in chapters)
    acx, masters = profile("acx"), folder / "acx"
    _, master = _timed(lambda: master_files(chapters, masters, acx))
    report, check = _timed(lambda: check_files(masters, acx, known=Manifest(masters).known))
    books = [ChapterAudio(path.stem, path) for path in chapters]
    _, m4b = _timed(lambda: write_m4b(books, folder / "book.m4b", meta=BookMeta("Benchmark")))
    return {
        "seconds_of_audio": seconds,
        "chapters": len(chapters),
        "acx_master": master,
        "acx_check": check,
        "acx_passed": bool(report.passed),  # type: ignore[attr-defined]
        "m4b": m4b,
        "peak_rss_mb": peak_rss_mb(),
        "load_average": os.getloadavg(),
    }


def table(figures: dict[str, object]) -> list[str]:
    seconds = float(figures["seconds_of_audio"])  # type: ignore[arg-type]
    master, check, m4b = (figures[k] for k in ("acx_master", "acx_check", "m4b"))
    assert isinstance(master, dict) and isinstance(check, dict) and isinstance(m4b, dict)
    acx = {"wall": master["wall"] + check["wall"], "cpu": master["cpu"] + check["cpu"]}
    lines = [
        f"Book: {seconds / 3600:.2f} h in {figures['chapters']} chapters (32 kHz WAV); "
        f"ACX masters pass: {figures['acx_passed']}; peak memory {figures['peak_rss_mb']:.0f} MB;"
        f" load average after: {', '.join(f'{x:.1f}' for x in figures['load_average'])}",  # type: ignore[attr-defined]
        "| profile | wall | × real time (wall) | × real time (CPU) | target |",
        "|---|---|---|---|---|",
    ]
    for label, part, judged in (
        ("ACX: master (incl. verifying measurement)", master, False),
        ("ACX: check after mastering (manifest)", check, False),
        ("ACX: master + check", acx, True),
        ("M4B (AAC 64k, chapters, tags)", m4b, True),
    ):
        wall_x, cpu_x = seconds / part["wall"], seconds / part["cpu"]
        verdict = (f"≥ {TARGET:.0f}×: {'ok' if wall_x >= TARGET else 'MISSED'}"
                   if judged else "")  # fmt: skip
        lines.append(
            f"| {label} | {part['wall']:.1f} s | {wall_x:.0f}× | {cpu_x:.0f}× | {verdict} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=10.0)
    parser.add_argument("--chapter-minutes", type=float, default=15.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-book-delivery-") as name:
        folder = Path(name)
        make_book(folder, args.hours, args.chapter_minutes)
        run = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.book_delivery", "--child", str(folder)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return 1
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    print("\n".join(table(figures)))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
