"""Which process wrote a row, and whether that process is still running.

A task library row in state ``sending`` without a task id is either a create still in flight
in a running process (the CLI and the app share the library) or one a dead process left
behind (its outcome is unknown). Telling them apart needs the writer's identity.

Decision: the pid plus the process's start time, stored in the same row write as the intent
(nothing else to create, clean up or hold open in a data folder that may be nearly full).
A pid alone is not enough because pids are reused; the start time makes it unique. On Linux
the start time is read from ``/proc/<pid>/stat`` (field 22, clock ticks since boot). Where it
cannot be read (macOS, Windows), liveness falls back to the pid (``os.kill(pid, 0)`` on
POSIX, ``OpenProcess`` + ``GetExitCodeProcess`` on Windows) bounded by :data:`IN_FLIGHT_LIMIT`:
no create stays in flight that long, so an old row of a reused pid is not mistaken for
a live one for ever. A lock file per process would survive pid reuse everywhere, but it
is one more file to write in a folder that may be read-only or full, and one more thing a
crash can leave behind.
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from pathlib import Path

# Longer than any create can take (30 s timeouts, a few resends of provably unsent
# requests, a balance read): past it, a row whose owner cannot be verified is not in flight.
IN_FLIGHT_LIMIT = 15 * 60.0

_PROC = Path("/proc")


def start_token(pid: int) -> str | None:
    """The process's start time as an opaque token, or None when it cannot be read
    (no such process, or no ``/proc``)."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may contain spaces or ")".
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None  # field 22 overall


def current_owner() -> tuple[int, str | None]:
    """This process's pid and start token."""
    pid = os.getpid()
    return pid, start_token(pid)


def owner_alive(
    pid: int | None,
    token: str | None,
    *,
    since: float,
    now: float | None = None,
) -> bool:
    """Whether the process that wrote a row at ``since`` (wall clock) still runs."""
    if pid is None:
        return False  # written by a version that did not record its owner
    if token is not None and _PROC.is_dir():
        return start_token(pid) == token  # exact: the same pid and the same start
    now = time.time() if now is None else now
    return now - since < IN_FLIGHT_LIMIT and _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
