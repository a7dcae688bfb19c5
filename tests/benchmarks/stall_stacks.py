"""Who held the GUI thread: sample its Python stack while the event loop is late.

A stall figure says how long the loop could not run, not why. With
``SOUNDCLONE_BENCH_STALL_STACKS=FILE`` set, a benchmark child starts this watcher: a
daemon thread that, whenever the loop's heartbeat is more than ``threshold`` old, reads
the GUI thread's current frame (``sys._current_frames``) every millisecond or two and
counts the innermost frames of *our* code (and the outermost line that called into a
library). At the end the counts, longest first, are written to FILE: the lines that were
on the stack for most of the stalled time are the culprits.

Sampling needs the GIL, so a stall in C code that holds it shows up late (the sample
is taken when the GIL is released) and is attributed to the line that called it, which
is what one wants to know anyway.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import FrameType

STALL_STACKS_ENV = "SOUNDCLONE_BENCH_STALL_STACKS"
_OURS = ("soundclone_desktop", "qasync", "asyncio")


class StallStacks:
    """Heartbeat from the GUI thread (``beat``), sampling from a daemon thread."""

    def __init__(self, threshold: float = 0.025, interval: float = 0.002) -> None:
        self.threshold = threshold
        self.interval = interval
        self.gui_thread = threading.get_ident()
        self.last_beat = time.perf_counter()
        self.counts: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-stacks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def beat(self) -> None:
        self.last_beat = time.perf_counter()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1.0)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if time.perf_counter() - self.last_beat < self.threshold:
                continue
            frame = sys._current_frames().get(self.gui_thread)
            if frame is not None:
                self.samples += 1
                self.counts[_describe(frame)] += 1

    def report(self, limit: int = 25) -> str:
        lines = [f"{self.samples} samples of {self.interval * 1000:.0f} ms while late"]
        for stack, count in self.counts.most_common(limit):
            lines.append(f"\n{count} × ({count * self.interval * 1000:.0f} ms)\n{stack}")
        return "\n".join(lines)


def _describe(frame: FrameType) -> str:
    """The innermost frames of the stack, ours marked, shortest path to the culprit."""
    entries = traceback.extract_stack(frame)
    kept = [e for e in entries if any(part in e.filename for part in _OURS)]
    tail = entries[-4:]
    chosen = kept[-6:] + [e for e in tail if e not in kept[-6:]]
    return "\n".join(f"  {Path(e.filename).name}:{e.lineno} {e.name}: {e.line}" for e in chosen)


def from_environment() -> StallStacks | None:
    """A started watcher when the benchmark was asked for stacks, else None."""
    if not os.environ.get(STALL_STACKS_ENV):
        return None
    watcher = StallStacks()
    watcher.start()
    return watcher


def write_report(watcher: StallStacks | None) -> None:
    if watcher is None:
        return
    watcher.stop()
    Path(os.environ[STALL_STACKS_ENV]).write_text(watcher.report(), encoding="utf-8")
