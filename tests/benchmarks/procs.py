"""Running benchmark children: a clean environment, offscreen Qt, JSON results, page cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
RESULT_ENV = "SOUNDCLONE_BENCH_RESULT_FILE"
# Our own settings must not leak into a child (a developer's key, server or folders).
_SCRUB = (
    "SOUNDCLONE_API_KEY",
    "SOUNDCLONE_BASE_URL",
    "SOUNDCLONE_DATA_DIR",
    "SOUNDCLONE_CONFIG_DIR",
    "SOUNDCLONE_LOG",
)


class ChildFailedError(RuntimeError):
    pass


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    if extra:
        env.update(extra)
    return env


def run_json(
    module: str,
    args: Sequence[str] = (),
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 600.0,
    result_env: str = RESULT_ENV,
) -> tuple[dict[str, object], float]:
    """Run ``python -m module args``; returns (the JSON it wrote, the wall time it was started).

    The child writes its figures to the file named by ``result_env``; its stdout and stderr
    are kept only to explain a failure.
    """
    with tempfile.TemporaryDirectory(prefix="sc-bench-") as tmp:
        result = Path(tmp) / "result.json"
        full_env = child_env({**(env or {}), result_env: str(result)})
        started = time.time()
        proc = subprocess.run(
            [PYTHON, "-m", module, *args],
            cwd=REPO,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if not result.exists():
            tail = (proc.stderr or proc.stdout or "")[-3000:]
            raise ChildFailedError(f"{module} {' '.join(args)} exited {proc.returncode}:\n{tail}")
        return json.loads(result.read_text(encoding="utf-8")), started


def evict_from_page_cache(paths: Iterable[str | Path]) -> int:
    """Ask the kernel to drop cached pages of these files (``POSIX_FADV_DONTNEED``).

    Needs no privileges and touches only these files. Pages another process has mapped (a
    Qt library used by a test running next to us) stay cached, so a start after this is
    cold-ish, not cold. Returns the bytes covered.
    """
    total = 0
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            total += os.fstat(fd).st_size
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass
        finally:
            os.close(fd)
    return total


def files_under(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
