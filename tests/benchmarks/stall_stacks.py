"""Where the GUI thread is while it stalls: a watchdog thread samples its Python stack.

Set ``SC_BENCH_STALL_STACKS=/path/out.txt`` for a benchmark child (``book_view``,
``book_render``): a daemon thread looks every 5 ms whether the GUI thread's event loop has
run (a 1 ms Qt timer stamps it); while it has not for more than ``LATE_S``, the GUI thread's
stack is sampled (``sys._current_frames``) and counted by function. At exit the busiest
frames are written, innermost first with their callers, so a stall is named by the code that
made it rather than guessed. Sampling holds the GIL briefly, so figures of a run with it on
are not the ones to report.
"""

from __future__ import annotations

import atexit
import collections
import gc
import os
import sys
import threading
import time
import traceback
from pathlib import Path

LATE_S = 0.02
EVERY_S = 0.005
ENV = "SC_BENCH_STALL_STACKS"


class StallStacks:
    def __init__(self, out: Path) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.out = out
        self.main_id = threading.get_ident()
        self.last = time.monotonic()
        self.samples: collections.Counter[tuple[str, ...]] = collections.Counter()
        self.leaf: collections.Counter[str] = collections.Counter()
        self.total = 0
        # Long garbage collections, any thread: a worker's holds the GIL, so the GUI waits.
        self.collections: list[tuple[float, int, float, str]] = []
        self._gc_started: dict[int, float] = {}
        gc.callbacks.append(self._on_gc)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._stamp)
        self.timer.start()
        threading.Thread(target=self._watch, daemon=True, name="stall-stacks").start()
        atexit.register(self.write)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._gc_started[ident] = time.monotonic()
            return
        took = time.monotonic() - self._gc_started.pop(ident, time.monotonic())
        if took > LATE_S:
            name = threading.current_thread().name
            self.collections.append((time.time(), info["generation"], took, name))

    def _stamp(self) -> None:
        self.last = time.monotonic()

    def _watch(self) -> None:
        while True:
            time.sleep(EVERY_S)
            if time.monotonic() - self.last <= LATE_S:
                continue
            frame = sys._current_frames().get(self.main_id)
            if frame is None:
                continue
            stack = tuple(
                f"{Path(f.filename).name}:{f.lineno} {f.name}"
                for f in traceback.extract_stack(frame)[-14:]
            )
            self.samples[stack] += 1
            self.leaf[stack[-1]] += 1
            self.total += 1

    def write(self) -> None:
        lines = [f"{self.total} samples of a late GUI thread (every {EVERY_S * 1000:.0f} ms)"]
        lines.append(f"\n## garbage collections over {LATE_S * 1000:.0f} ms (wall, gen, s, thread)")
        lines += [
            f"{at:.3f} gen{g} {took * 1000:.0f} ms {name}" for at, g, took, name in self.collections
        ]
        lines.append("\n## innermost frames")
        lines += [f"{n:6d} {leaf}" for leaf, n in self.leaf.most_common(40)]
        lines.append("\n## stacks")
        for stack, n in self.samples.most_common(25):
            lines.append(f"{n:6d}")
            lines += [f"         {frame}" for frame in stack]
        self.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def start_if_asked() -> StallStacks | None:
    """Start the sampler when ``SC_BENCH_STALL_STACKS`` names an output file (GUI thread)."""
    out = os.environ.get(ENV)
    return StallStacks(Path(out)) if out else None
