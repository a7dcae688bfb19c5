"""Delivery benchmark (issue 16): mastering an hour of chapters for ACX, then checking them.

``python -m tests.benchmarks.delivery [--minutes 60] [--chapters 4] [--json out.json]``

The hour is generated as in :mod:`tests.benchmarks.audio` (speech-like NumPy signal, 32 kHz
mono MP3 at 128 kbps, MiniMax's rate) split into chapters, outside the clock. Timed, in a
fresh subprocess: ``master_files`` (two worker threads: analysis, resampling to 44.1 kHz,
gain, room tone, limiter, LAME 192 kbps CBR, and the verifying measurement of every
master), then ``check_files`` of the folder twice: from scratch (every file decoded and
measured again) and as ``check-delivery`` runs after mastering (facts of unchanged masters
from the manifest, by SHA-256). Figures are × real time, wall and process CPU.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 100.0
RATE = 32_000


def child(folder: Path, minutes: int, chapters: int) -> dict[str, object]:
    from soundclone_desktop.audio.encode import AudioWriter, EncodeOptions, Encoding
    from soundclone_desktop.core.delivery.profiles import profile
    from soundclone_desktop.services.delivery.check import check_files
    from soundclone_desktop.services.delivery.master import Manifest, master_files
    from tests.audio.signals import speech_like

    sources = []
    per = max(1, minutes // chapters)
    for index in range(chapters):
        path = folder / f"{index + 1:02d} Chapter.mp3"
        with AudioWriter(path, EncodeOptions(Encoding.MP3), rate=RATE, channels=1) as writer:
            for minute in range(per):
                writer.write(speech_like(60.0, RATE, seed=index * 100 + minute).samples)
        sources.append(path)
    acx = profile("acx")
    out = folder / "acx"
    figures: dict[str, object] = {"seconds_of_audio": per * chapters * 60.0}
    for name, run in (
        ("master", lambda: master_files(sources, out, acx)),
        ("check_fresh", lambda: check_files(out, acx)),
        ("check_after_master", lambda: check_files(out, acx, known=Manifest(out).known)),
    ):
        started, cpu = time.perf_counter(), time.process_time()
        result = run()
        figures[name] = {"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu}
        if name == "check_fresh":
            figures["passed"] = bool(result.passed)  # type: ignore[union-attr]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--chapters", type=int, default=4)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        folder, minutes, chapters = args.child
        print(json.dumps(child(Path(folder), int(minutes), int(chapters))))
        return 0
    with tempfile.TemporaryDirectory(prefix="soundclone-delivery-bench-") as folder:
        command = [sys.executable, "-m", "tests.benchmarks.delivery", "--child", folder,
                   str(args.minutes), str(args.chapters)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return 1
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    seconds = float(figures["seconds_of_audio"])
    print(f"delivery, {seconds / 60:.0f} min in {args.chapters} chapters, ACX; "
          f"all files pass: {figures['passed']}")  # fmt: skip
    print("| figure | wall | × real time (wall) | × real time (CPU) |")
    print("|---|---|---|---|")
    for key, label in (("master", "master (incl. verifying measurement)"),
                       ("check_fresh", "check from scratch"),
                       ("check_after_master", "check after mastering (manifest)")):  # fmt: skip
        wall, cpu = figures[key]["wall"], figures[key]["cpu"]
        print(f"| {label} | {wall:.1f} s | {seconds / wall:.0f}× | {seconds / cpu:.0f}× |")
    total = figures["master"]["wall"] + figures["check_after_master"]["wall"]
    verdict = "ok" if seconds / total >= TARGET else "MISSED"
    print(f"| master + check | {total:.1f} s | {seconds / total:.0f}× | target ≥ {TARGET:.0f}×: "
          f"{verdict} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
