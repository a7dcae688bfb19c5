"""Where a benchmark child spends CPU, by thread and Python stack: a sampling profiler.

Set ``SC_BENCH_CPU_PROFILE=/path/out.txt`` for the ``book_render`` child: while the render
waits for the server, a daemon thread wakes every 10 ms, reads each thread's CPU time
(``/proc/self/task/TID/schedstat``) and charges what it used since the last wake to the
Python stack it is in now (``sys._current_frames``). A thread in C++ (Qt painting, a
timer's dispatch) is charged to the Python frame that entered the event loop, so
``run_forever`` / ``exec`` as the innermost frame means "Qt's own work or idle wake-ups".
The profiler's own thread is left out. Figures with it on are not the ones to report.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
from pathlib import Path

from tests.benchmarks.stall_stacks import Stack, _stack, thread_cpu_ns

ENV = "SC_BENCH_CPU_PROFILE"
EVERY_S = 0.01


class CpuProfile:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.by_thread: collections.Counter[str] = collections.Counter()
        self.leaf: collections.Counter[str] = collections.Counter()
        self.inclusive: collections.Counter[str] = collections.Counter()
        self.stacks: collections.Counter[Stack] = collections.Counter()
        self.began = time.monotonic()
        self.ended: float | None = None
        self._cpu: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="cpu-profile")
        self._thread.start()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(EVERY_S):
            frames = sys._current_frames()
            for thread in threading.enumerate():
                native, ident = thread.native_id, thread.ident
                if native is None or ident is None or ident == me:
                    continue
                now = thread_cpu_ns(native)
                if now is None:
                    continue
                before = self._cpu.get(native, now)
                self._cpu[native] = now
                used = now - before
                if used <= 0:
                    continue
                frame = frames.get(ident)
                stack = _stack(frame) if frame is not None else ("(no Python frame)",)
                name = "GUI" if thread is threading.main_thread() else thread.name
                self.by_thread[name] += used
                self.leaf[f"[{name}] {stack[-1]}"] += used
                for entry in set(stack):
                    self.inclusive[f"[{name}] {entry}"] += used
                self.stacks[(f"[{name}]", *stack)] += used

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.ended = time.monotonic()
        self.write()

    def write(self) -> None:
        wall = (self.ended or time.monotonic()) - self.began
        total = sum(self.by_thread.values())

        def share(ns: int) -> str:
            return f"{ns / 1e9 / wall * 100:6.2f}%"

        lines = [
            f"{wall:.1f} s sampled every {EVERY_S * 1000:.0f} ms; CPU {share(total)} of a core "
            "(the profiler's own thread left out)",
            "\n## by thread",
        ]
        lines += [f"{share(ns)} {name}" for name, ns in self.by_thread.most_common(20)]
        lines.append("\n## innermost frames (share of a core)")
        lines += [f"{share(ns)} {leaf}" for leaf, ns in self.leaf.most_common(40)]
        lines.append("\n## inclusive (a frame anywhere in the stack)")
        lines += [f"{share(ns)} {entry}" for entry, ns in self.inclusive.most_common(60)]
        lines.append("\n## stacks")
        for stack, ns in self.stacks.most_common(30):
            lines.append(share(ns))
            lines += [f"         {frame}" for frame in stack]
        self.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def start_if_asked() -> CpuProfile | None:
    out = os.environ.get(ENV)
    return CpuProfile(Path(out)) if out else None
