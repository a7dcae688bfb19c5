"""The calling thread's CPU time and run-queue wait (Linux ``schedstat``).

A GUI stall on a shared machine is partly the app's doing and partly the kernel giving the
core to other processes: the difference of two readings around a stall splits it.
"""

from __future__ import annotations


def schedstat() -> tuple[int, int]:
    """(ns run on a CPU, ns runnable but waiting for one) of this thread; zeros elsewhere."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
            run_ns, wait_ns, _slices = handle.read().split()
    except (OSError, ValueError):
        return 0, 0
    return int(run_ns), int(wait_ns)
