"""The book view with a big book: opening it, and typing in one of its chapters.

``python -m tests.benchmarks --only bookview`` (or this module alone, JSON on stdout).

Child process (offscreen Qt, the app's own qasync loop): the whole window as the app builds
it (``app.build_context`` + ``app.open_window``, ``--demo`` so the estimate and the cost line
are live). A book of 1,000,000 characters (``book_text.py``, chapters of about 30,000
characters cut at line ends, three takes on every segment: a rendered book, the worst to
open) is written once with ``BookStore.create``.

- *Open* (issue 14: < 1 s): ``window.book.open_path`` as File › Open Book does, timed until
  the book is shown (navigator filled, first chapter in the editor), every round with the
  segmentation cache cleared (a first open). A precise 5 ms ``QTimer`` runs throughout: its
  longest gap is the longest GUI stall while opening and in the 0.5 s after (deferred work);
  the same probe on the idle window for as long is the baseline.
- *Typing* (issue 14: keystroke p99 ≤ 16 ms): the studio's typing benchmark
  (``keystrokes._type_into``) on the open book's first chapter, against a bare
  ``QPlainTextEdit`` holding the same text, in interleaved blocks: every keystroke of the
  book view (edit, analysis, chapter save scheduling, estimate) until the GUI thread is next
  about to block, and the work that wakes up between keys counted apart.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.procs import RESULT_ENV
from tests.benchmarks.sched import schedstat

PROBE_MS = 5
SETTLE_S = 0.5
CHAPTER_CHARS = 30_000


class _Gaps:
    """Gaps of a precise 5 ms timer: each beyond its interval is time the loop could not run."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stamps: list[float] = []
        self.waits: list[int] = []  # the GUI thread's run-queue wait (ns) at each tick
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.stamps.append(time.perf_counter())
        self.waits.append(schedstat()[1])

    def longest(self, start: float, end: float) -> float:
        stamps = [start, *(s for s in self.stamps if start <= s <= end), end]
        return max(b - a for a, b in itertools.pairwise(stamps)) - PROBE_MS / 1000

    def longest_own(self, start: float, end: float) -> float:
        """The longest gap less the GUI thread's wait for a core in it (what the app did)."""
        ticks = [i for i, s in enumerate(self.stamps) if start <= s <= end]
        stamps, waits = self.stamps, self.waits
        gaps = [
            stamps[j] - stamps[i] - PROBE_MS / 1000 - (waits[j] - waits[i]) / 1e9
            for i, j in itertools.pairwise(ticks)
        ]
        return max(gaps, default=0.0)


def write_book(folder: Path, chars: int) -> tuple[Path, int]:
    """The book on disk and the length of its first chapter (the one typed into)."""
    from soundclone_desktop.store.book import BookStore
    from tests.benchmarks.book_store import big_book

    book = big_book(chars, takes_per_segment=3, chapter_chars=CHAPTER_CHARS)
    path = folder / "Big.scbook"
    BookStore.create(path, book).close()
    return path, len(book.chapters[0].text)


async def _open_rounds(window: object, path: Path, rounds: int) -> dict[str, list[float]]:
    from soundclone_desktop.core.book.model import chapter_segments

    book = window.book  # type: ignore[attr-defined]
    probe = _Gaps()
    probe.timer.start()
    figures: dict[str, list[float]] = {"open": [], "stall": [], "stall_own": [], "idle_stall": []}
    try:
        for _ in range(rounds):
            quiet = time.perf_counter()  # the idle window first: the baseline's stalls
            await asyncio.sleep(1.0 + SETTLE_S)
            figures["idle_stall"].append(probe.longest(quiet, time.perf_counter()))
            chapter_segments.cache_clear()  # every round segments afresh, as a first open
            started = time.perf_counter()
            opened = await book.open_path(path)
            figures["open"].append(time.perf_counter() - started)
            await asyncio.sleep(SETTLE_S)
            figures["stall"].append(probe.longest(started, time.perf_counter()))
            figures["stall_own"].append(probe.longest_own(started, time.perf_counter()))
            if opened is not True:
                raise RuntimeError("the book did not open")
    finally:
        probe.timer.stop()
    return figures


def child(chars: int, rounds: int, keys: int, block: int, pace_ms: int) -> dict[str, object]:
    os.environ.setdefault("QT_API", "pyside6")
    import qasync  # type: ignore[import-untyped]

    from soundclone_desktop import app, i18n
    from soundclone_desktop.ui.common import async_utils
    from tests.benchmarks.keystrokes import _type_into

    options = app.parse_args(["--demo"])
    qapp = app.create_application(options.qt_args)
    from tests.benchmarks.stall_stacks import start_if_asked

    stacks = start_if_asked()  # noqa: F841 (kept alive: it samples until exit)
    ctx = app.build_context(options, crash_log=False)
    i18n.install("en")

    async def session(folder: Path) -> dict[str, object]:
        qapp.setQuitOnLastWindowClosed(False)
        window = await app.open_window(ctx, options)
        try:
            path, first_chapter = await asyncio.to_thread(write_book, folder, chars)
            figures: dict[str, object] = {"chars": chars, "chapter_chars": first_chapter}
            figures.update(await _open_rounds(window, path, rounds))
            text = window.editor.text()  # type: ignore[attr-defined]
            if len(text) != first_chapter:
                raise RuntimeError("the first chapter is not in the editor")
            figures["typing"] = await _type_into(window, text, keys, block, pace_ms)
            return figures
        finally:
            window._confirmed_close = True  # type: ignore[attr-defined]
            window.close()  # type: ignore[attr-defined]
            await async_utils.cancel_all_and_wait()
            await ctx.session.aclose()

    with (
        tempfile.TemporaryDirectory(prefix="sc-bench-bookview-") as tmp,
        asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner,
    ):
        return runner.run(session(Path(tmp)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="opens of the book")
    parser.add_argument("--keys", type=int, default=600, help="keystrokes per editor")
    parser.add_argument("--block", type=int, default=30)
    parser.add_argument("--pace", type=int, default=25, help="ms between keystrokes")
    args = parser.parse_args(argv)
    figures = child(args.chars, args.rounds, args.keys, args.block, args.pace)
    target = os.environ.get(RESULT_ENV)
    output = json.dumps(figures)
    if target:
        Path(target).write_text(output, encoding="utf-8")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
