"""The ``soundclone`` command as a separate process, the way a user runs it.

``soundclone`` is ``python -m soundclone_desktop.cli`` with this checkout on the path (an
installed ``soundclone`` script could run another copy of the package).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOUNDCLONE = (sys.executable, "-m", "soundclone_desktop.cli")


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment (the tests' isolated folders) with this checkout first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    env.pop("SOUNDCLONE_API_KEY", None)
    return {**env, **(extra or {})}


def run(argv: Sequence[str], *, cwd: Path, timeout: float = 120,
        env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return subprocess.run(
        [*SOUNDCLONE, *argv], cwd=cwd, env=environment(env), capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(argv: Sequence[str], *, cwd: Path) -> Iterator[subprocess.Popen[str]]:
    """A long-running ``soundclone`` (demo-server); stopped with Ctrl+C (SIGINT) at the end,
    and killed if that does not stop it."""
    process = subprocess.Popen(
        [*SOUNDCLONE, *argv], cwd=cwd, env=environment(), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        process.communicate()


def stop(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Ctrl+C, then the exit code and the rest of stdout and stderr."""
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    return process.returncode, out, err


def first_line(process: subprocess.Popen[str]) -> str:
    """The first line on stdout; a process that ended without one fails with its stderr."""
    assert process.stdout is not None and process.stderr is not None
    line = process.stdout.readline()
    if not line:
        raise AssertionError(f"no output; exit {process.wait()}: {process.stderr.read()}")
    return line
