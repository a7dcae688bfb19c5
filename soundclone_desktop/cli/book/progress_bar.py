"""The render's progress for people (a bar on stderr) and for scripts (JSON lines on stdout).

The bar is redrawn in place on a terminal at most 5 times a second; when stderr is not a
terminal (a log, CI) a plain line is written at most every 5 seconds and at each chapter
finished, so logs stay readable. JSON lines (``--json``) go to stdout, one per snapshot at
most once a second plus the last one, each ``{"type": "progress", ...}``; the command's own
result object (``"type": "result"``) is the last line.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import TextIO

from soundclone_desktop.core.pricing import format_money
from soundclone_desktop.services.book_render import ChapterProgress, RenderProgress

from .common import duration_text

BAR_WIDTH = 24


def progress_json(progress: RenderProgress) -> dict[str, object]:
    return {
        "type": "progress",
        "state": progress.state.value,
        "done": progress.done,
        "total": progress.total,
        "failed": progress.failed,
        "in_flight": progress.in_flight,
        "audio_seconds": progress.audio_seconds,
        "spent": _money(progress.spent),
        "spent_this_run": _money(progress.spent_this_run),
        "eta_seconds": None if progress.eta_seconds is None else round(progress.eta_seconds, 1),
        "currency": progress.currency,
        "chapters": [_chapter_json(c) for c in progress.chapters],
    }


def _chapter_json(chapter: ChapterProgress) -> dict[str, object]:
    return {
        "id": chapter.chapter_id, "title": chapter.title, "done": chapter.done,
        "total": chapter.total, "failed": chapter.failed, "in_flight": chapter.in_flight,
        "audio_seconds": chapter.audio_seconds, "spent": _money(chapter.spent),
    }  # fmt: skip


def _money(amount: object) -> str | None:
    return None if amount is None else str(amount)


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = width if total <= 0 else min(width, done * width // total)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def book_line(progress: RenderProgress) -> str:
    eta = progress.eta_seconds
    return (
        f"{bar(progress.done, progress.total)} {progress.done}/{progress.total} segments, "
        f"{progress.audio_seconds / 60:.1f} min of audio, "
        f"{format_money(progress.spent, progress.currency)}"
        + (f", {progress.failed} failed" if progress.failed else "")
        + (f", ETA {duration_text(eta)}" if eta is not None and progress.done < progress.total
           else "")
    )  # fmt: skip


def chapter_line(chapter: ChapterProgress) -> str:
    return (
        f"{chapter.title[:30]}: {chapter.done}/{chapter.total}, "
        f"{chapter.audio_seconds / 60:.1f} min"
    )


class ProgressDisplay:
    """Call with each snapshot; :meth:`close` ends the bar's line."""

    def __init__(
        self,
        *,
        json_lines: bool,
        stderr: TextIO | None = None,
        stdout: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._err = stderr or sys.stderr
        self._out = stdout or sys.stdout
        self._json = json_lines
        self._clock = clock
        self._tty = self._err.isatty()
        self._last_draw = self._last_json = -1e9
        self._drawn = False
        self._complete: set[str] = set()
        self._latest: RenderProgress | None = None

    def __call__(self, progress: RenderProgress) -> None:
        self._latest = progress
        now = self._clock()
        finished = [c for c in progress.chapters
                    if c.total and c.complete and c.chapter_id not in self._complete]  # fmt: skip
        self._complete.update(c.chapter_id for c in finished)
        if self._json and now - self._last_json >= 1.0:
            self._emit_json(progress, now)
        for chapter in finished:
            self._line(f"Chapter done: {chapter_line(chapter)}.")
        interval = 0.2 if self._tty else 5.0
        if finished or now - self._last_draw >= interval:
            self._draw(progress, now)

    def close(self) -> None:
        if self._latest is not None:
            if self._json:
                self._emit_json(self._latest, self._clock())
            self._draw(self._latest, self._clock())
        if self._tty and self._drawn:
            self._err.write("\n")
            self._err.flush()
        self._drawn = False

    def _emit_json(self, progress: RenderProgress, now: float) -> None:
        self._last_json = now
        print(json.dumps(progress_json(progress), ensure_ascii=False), file=self._out, flush=True)

    def _draw(self, progress: RenderProgress, now: float) -> None:
        self._last_draw = now
        current = next((c for c in progress.chapters if c.in_flight or not c.complete), None)
        text = book_line(progress) + (f" | {chapter_line(current)}" if current else "")
        if self._tty:
            self._err.write("\r\x1b[K" + text)
            self._drawn = True
        else:
            self._err.write(text + "\n")
        self._err.flush()

    def _line(self, text: str) -> None:
        if self._tty and self._drawn:
            self._err.write("\r\x1b[K")
            self._drawn = False
        self._err.write(text + "\n")
        self._err.flush()
