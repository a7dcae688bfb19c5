"""Where the GUI thread is while it stalls, and what the other threads run meanwhile.

Set ``SC_BENCH_STALL_STACKS=/path/out.txt`` for a benchmark child (``book_view``,
``book_render``, ``many_tasks``): a daemon thread looks every 5 ms whether the GUI thread's
event loop has run (a 1 ms Qt timer stamps it); while it has not for more than ``LATE_S``,
the GUI thread's stack is sampled (``sys._current_frames``) and counted by function.

A stall in which the GUI thread has no CPU of its own is it waiting, mostly for the GIL held
by a worker. So during a stall every other thread is sampled too: a thread whose CPU time
(``/proc/self/task/TID/schedstat``) advanced since the previous sample ran Python or C code
in that slice, and its stack is counted as *running while the GUI waited*. The watcher itself
needs the GIL to take a sample, so it sees a worker where the worker let go of it (every
5 ms switch interval): the same bias as any sampling profiler. Per stall, the GUI thread's
own CPU and all other threads' CPU over the whole stall are listed (the process's CPU less
the GUI thread's and the watcher's, read at every wake), with the busiest threads seen:
a stall with neither is the process waiting for a core (the machine), not the GIL.

At exit the busiest frames are written, innermost first with their callers, so a stall is
named by the code that made it rather than guessed. Sampling holds the GIL briefly, so
figures of a run with it on are not the ones to report.
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
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

LATE_S = 0.02
EVERY_S = 0.005
ENV = "SC_BENCH_STALL_STACKS"
DEPTH = 14

Stack = tuple[str, ...]


def thread_cpu_ns(native_id: int) -> int | None:
    """CPU time a thread of this process has run, in ns (Linux), else None."""
    try:
        with open(f"/proc/self/task/{native_id}/schedstat", encoding="ascii") as handle:
            return int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _stack(frame: FrameType) -> Stack:
    return tuple(
        f"{Path(f.filename).name}:{f.lineno} {f.name}"
        for f in traceback.extract_stack(frame)[-DEPTH:]
    )


@dataclass
class _Stall:
    """One late stretch of the GUI thread: when, its own CPU, who else ran (ns by thread)."""

    began: float
    gui_cpu_ns: int = 0
    others_total_ns: int = 0  # every other thread's CPU over the whole stall (process - GUI)
    others_ns: collections.Counter[str] = field(default_factory=collections.Counter)
    leaves: dict[str, collections.Counter[str]] = field(default_factory=dict)
    ended: float = 0.0


class StallStacks:
    def __init__(self, out: Path) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.out = out
        self.main_id = threading.get_ident()
        self.main_native = threading.get_native_id()
        self.last = time.monotonic()
        self.samples: collections.Counter[Stack] = collections.Counter()
        self.leaf: collections.Counter[str] = collections.Counter()
        self.total = 0
        # The other threads that ran while the GUI thread was late, "thread | frame".
        self.other_samples: collections.Counter[Stack] = collections.Counter()
        self.other_leaf: collections.Counter[str] = collections.Counter()
        self.other_total = 0
        self.stalls: list[_Stall] = []
        self._cpu: dict[int, int] = {}  # native id: CPU ns at the previous late sample
        # Long garbage collections, any thread: a worker's holds the GIL, so the GUI waits.
        self.collections: list[tuple[float, int, float, str]] = []
        self._gc_started: dict[int, float] = {}
        gc.callbacks.append(self._on_gc)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._stamp)
        self.timer.start()
        self._stop = threading.Event()
        threading.Thread(target=self._watch, daemon=True, name="stall-stacks").start()
        atexit.register(self.write)

    def stop(self) -> None:
        """No more sampling (a test's end; a benchmark child samples until it exits)."""
        self._stop.set()
        self.timer.stop()
        atexit.unregister(self.write)

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

    def _reading(self) -> tuple[float, int, int, int]:
        """(monotonic s, process CPU ns, GUI thread CPU ns, this thread's CPU ns): cheap
        enough for every wake, so a stall's start has a reading just before it."""
        gui = thread_cpu_ns(self.main_native) or 0
        return time.monotonic(), time.process_time_ns(), gui, time.thread_time_ns()

    def _watch(self) -> None:
        me = threading.get_ident()
        stall: _Stall | None = None
        recent: collections.deque[tuple[float, int, int, int]] = collections.deque(maxlen=40)
        start: tuple[float, int, int, int] | None = None
        while not self._stop.wait(EVERY_S):
            now = self._reading()
            recent.append(now)
            if now[0] - self.last <= LATE_S:
                if stall is not None and start is not None:
                    stall.ended = time.time()
                    process, gui, mine = (now[i] - start[i] for i in (1, 2, 3))
                    stall.others_total_ns = max(0, process - gui - mine)
                    stall.gui_cpu_ns = gui
                    self.stalls.append(stall)
                    stall = None
                    self._cpu.clear()
                continue
            if stall is None:
                stall = _Stall(began=time.time() - (now[0] - self.last))
                # The last reading taken before the loop's last stamp: the stall's start.
                start = next((r for r in reversed(recent) if r[0] <= self.last), recent[0])
            frames = sys._current_frames()
            frame = frames.get(self.main_id)
            if frame is not None:
                stack = _stack(frame)
                self.samples[stack] += 1
                self.leaf[stack[-1]] += 1
                self.total += 1
            self._sample_others(frames, me, stall)

    def _sample_others(self, frames: dict[int, FrameType], me: int, stall: _Stall) -> None:
        """Count the stacks of the threads that ran since the previous late sample."""
        for thread in threading.enumerate():
            native, ident = thread.native_id, thread.ident
            if native is None or ident is None or ident == me:
                continue
            now = thread_cpu_ns(native)
            if now is None:
                continue
            before = self._cpu.get(native)
            self._cpu[native] = now
            if before is None or now <= before:
                continue
            if ident == self.main_id:
                continue  # its CPU over the whole stall comes from the readings
            frame = frames.get(ident)
            stack = _stack(frame) if frame is not None else ("(no Python frame)",)
            name = thread.name
            stall.others_ns[name] += now - before
            stall.leaves.setdefault(name, collections.Counter())[stack[-1]] += 1
            self.other_samples[(f"[{name}]", *stack)] += 1
            self.other_leaf[f"[{name}] {stack[-1]}"] += 1
            self.other_total += 1

    def write(self) -> None:
        lines = [f"{self.total} samples of a late GUI thread (every {EVERY_S * 1000:.0f} ms)"]
        lines.append(f"\n## garbage collections over {LATE_S * 1000:.0f} ms (wall, gen, s, thread)")
        lines += [
            f"{at:.3f} gen{g} {took * 1000:.0f} ms {name}" for at, g, took, name in self.collections
        ]
        lines.append(
            "\n## longest late stretches: wall start, length, the GUI thread's own CPU, all "
            "other threads' CPU in it; those seen running after the first 20 ms (their most "
            "seen frame)"
        )
        for stall in sorted(self.stalls, key=lambda s: s.began - s.ended)[:30]:
            others = ", ".join(
                f"{name} {ns / 1e6:.0f} ms ({stall.leaves[name].most_common(1)[0][0]})"
                for name, ns in stall.others_ns.most_common(3)
            )
            lines.append(
                f"{stall.began:.3f} {(stall.ended - stall.began) * 1000:.0f} ms, "
                f"GUI {stall.gui_cpu_ns / 1e6:.0f} ms, others {stall.others_total_ns / 1e6:.0f} ms"
                f"; {others or 'none seen'}"
            )
        lines.append("\n## innermost frames")
        lines += [f"{n:6d} {leaf}" for leaf, n in self.leaf.most_common(40)]
        lines.append(f"\n## other threads running while the GUI was late ({self.other_total})")
        lines += [f"{n:6d} {leaf}" for leaf, n in self.other_leaf.most_common(40)]
        lines.append("\n## stacks")
        for stack, n in self.samples.most_common(25):
            lines.append(f"{n:6d}")
            lines += [f"         {frame}" for frame in stack]
        lines.append("\n## other threads' stacks while the GUI thread was late")
        for stack, n in self.other_samples.most_common(25):
            lines.append(f"{n:6d}")
            lines += [f"         {frame}" for frame in stack]
        self.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


_started: StallStacks | None = None


def start_if_asked() -> StallStacks | None:
    """Start the sampler when ``SC_BENCH_STALL_STACKS`` names an output file (GUI thread);
    once per process (a child and its probe both ask)."""
    global _started
    out = os.environ.get(ENV)
    if out and _started is None:
        _started = StallStacks(Path(out))
    return _started if out else None
