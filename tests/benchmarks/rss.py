"""Resident memory of a process, from psutil when installed, else /proc (no new dependency)."""

from __future__ import annotations

import os
from pathlib import Path

try:  # once: a failed import searches sys.path every time (a sampler calls this 5 times a
    # second, and the render benchmark counted that as the app's CPU while waiting)
    import psutil  # type: ignore[import-not-found]  # optional: not a project dependency
except ImportError:
    psutil = None


def rss_bytes(pid: int | None = None) -> int | None:
    """Resident set size of ``pid`` (this process by default), or None where unknown."""
    pid = os.getpid() if pid is None else pid
    if psutil is not None:
        try:
            return int(psutil.Process(pid).memory_info().rss)
        except psutil.Error:
            return None
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024  # the kernel reports kB
    return None


def mib(value: int | None) -> float | None:
    return None if value is None else value / (1024 * 1024)
