"""Rows written "by an earlier run" in tests that write them from the test process itself.

The task library records which process wrote a task's intent, and resuming leaves the rows
of a running process alone (their creates may be in flight). A test that fakes a crashed
run by writing rows itself must make them look like a dead process's.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from soundclone_desktop.store import library


def dead_owner() -> tuple[int, str]:
    """The pid of a process that has exited, and a start token no process has."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(child.stdout), "0"


def pretend_written_by_a_dead_process(monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Rows the library writes from now on name an exited process as their owner."""
    owner = dead_owner()
    monkeypatch.setattr(library, "current_owner", lambda: owner)
    return owner
