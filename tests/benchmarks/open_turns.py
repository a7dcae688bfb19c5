"""Where the book open's GUI time goes, turn by turn (a diagnostic, not a figure to report).

``python -m tests.benchmarks.open_turns [--rounds N]`` runs the book-view benchmark's child
(``book_view.py``: the whole window, the 1,000,000-character book) and, for every open,
prints each stretch in which the GUI thread's loop did not run for more than ``LATE_S``
(a precise 1 ms timer stamps it), with what ran in it:

- the book view's and the editor's steps of an open (wrapped: their own time, nested),
  and garbage collections over 5 ms in any thread;
- the GUI thread's Python stack, sampled every 2 ms by a watchdog thread while late
  (only the last frames, and the innermost frames of our own modules), counted.

A late stretch with no step and only ``run_forever`` samples is Qt's own work (layout,
paint) or the GUI thread waiting for the GIL or for a core. Session 6 on #14 found the
open's last stalls this way (tests/benchmarks/README.md, "Book view").
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from tests.benchmarks import book_view

LATE_S = 0.012


class Log:
    def __init__(self) -> None:
        self.calls: list[tuple[float, float, str, int]] = []  # start, end, name, depth
        self.depth = 0
        self.late: list[tuple[float, float]] = []
        self.samples: list[tuple[float, list[str]]] = []
        self.opens: list[float] = []
        self.last = time.perf_counter()
        self._gc: dict[int, float] = {}

    def wrap(self, owner: Any, name: str) -> None:
        original = getattr(owner, name)
        label = f"{getattr(owner, '__name__', owner)}.{name}"

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                return original(*args, **kwargs)
            self.depth += 1
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1
                self.calls.append((started, time.perf_counter(), label, self.depth))

        setattr(owner, name, timed)

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._gc[ident] = time.perf_counter()
            return
        started = self._gc.pop(ident, None)
        if started is not None and time.perf_counter() - started > 0.005:
            name = f"gc gen{info['generation']} in {threading.current_thread().name}"
            self.calls.append((started, time.perf_counter(), name, 0))

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > LATE_S:
            self.late.append((self.last, now))
        self.last = now

    def watch(self, main: int) -> None:
        while True:
            time.sleep(0.002)
            if time.perf_counter() - self.last <= LATE_S * 0.7:
                continue
            frame = sys._current_frames().get(main)
            if frame is not None:
                stack = [
                    f"{os.path.basename(f.filename)}:{f.lineno} {f.name}"
                    for f in traceback.extract_stack(frame)[-40:]
                ]
                self.samples.append((time.perf_counter(), stack))

    def report(self, after_s: float = 2.0) -> str:
        lines: list[str] = []
        for number, opened in enumerate(self.opens):
            end = self.opens[number + 1] if number + 1 < len(self.opens) else opened + after_s
            lines.append(f"=== open {number + 1}")
            for start, stop in self.late:
                if opened - 0.01 <= start < min(end, opened + after_s):
                    lines += self._stretch(opened, start, stop)
        return "\n".join(lines)

    def _stretch(self, opened: float, start: float, stop: float) -> list[str]:
        lines = [f"  +{(start - opened) * 1000:7.1f} ms: late {(stop - start) * 1000:6.1f} ms"]
        for began, ended, name, depth in sorted(self.calls):
            if began < stop and ended > start and ended - began > 0.001:
                took, at = (ended - began) * 1000, (began - start) * 1000
                lines.append(f"      {'  ' * depth}{name}: {took:.1f} ms (at +{at:.1f})")
        seen: collections.Counter[str] = collections.Counter()
        for at, stack in self.samples:
            if start <= at <= stop:
                ours = [frame for frame in stack if _ours(frame)]
                seen[
                    " < ".join(reversed(stack[-3:])) + "  ||  " + " < ".join(reversed(ours[-3:]))
                ] += 1
        lines += [f"        [{n}] {where}" for where, n in seen.most_common(5)]
        return lines


def _ours(frame: str) -> bool:
    name = frame.split(":", 1)[0]
    return not name.startswith("<") and name not in ("__init__.py", "runners.py", "events.py")


def _instrument(log: Log) -> None:
    from soundclone_desktop.ui.book import controller, navigator
    from soundclone_desktop.ui.book.chapter_model import ChapterModel
    from soundclone_desktop.ui.common import heap
    from soundclone_desktop.ui.editor import editor, highlighter

    steps: list[tuple[Any, str]] = [
        (controller.BookController, "_on_current_row"),
        (controller.BookController, "_forget_book"),
        (controller.BookController, "_show_estimate"),
        (navigator.NavigatorWidget, "show_book"),
        (navigator.NavigatorWidget, "select_chapter"),
        (navigator.NavigatorWidget, "_place_play_buttons"),
        (navigator.NavigatorWidget, "_fit_columns"),
        (ChapterModel, "set_lines"),
        (editor.ScriptEditor, "set_text"),
        (editor.ScriptEditor, "_settle"),
        (editor.ScriptEditor, "paintEvent"),
        (highlighter.ScriptHighlighter, "set_spans"),
        (highlighter.ScriptHighlighter, "_next_slice"),
        (heap, "freeze_long_lived"),
    ]
    for owner, name in steps:
        log.wrap(owner, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    log = Log()
    gc.callbacks.append(log.on_gc)
    _instrument(log)
    main_thread = threading.get_ident()
    threading.Thread(target=log.watch, args=(main_thread,), daemon=True).start()
    rounds: Callable[..., Any] = book_view._open_rounds

    async def observed(window: Any, path: Any, count: int) -> Any:
        from PySide6.QtCore import Qt, QTimer

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)
        timer.timeout.connect(log.tick)
        timer.start()
        book = window.book
        open_path = book.open_path

        def noted(target: Any) -> Any:
            log.opens.append(time.perf_counter())
            return open_path(target)

        book.open_path = noted  # LazyBook: an instance attribute wins
        try:
            return await rounds(window, path, count)
        finally:
            del book.open_path
            timer.stop()

    book_view._open_rounds = observed  # type: ignore[assignment]
    figures = book_view.child(1_000_000, args.rounds, 30, 30, 25)
    print({k: [round(v * 1000) for v in figures[k]] for k in ("open", "stall", "stall_own")})  # type: ignore[union-attr]
    print(log.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
