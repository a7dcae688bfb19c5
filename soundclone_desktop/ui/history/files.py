"""Helpers of the history actions: removing files (blocking: call it from a worker thread)
and checking the shape of a task id typed by the user."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def delete_files(paths: Iterable[Path | None]) -> list[Path]:
    """Remove each existing file; returns the ones that could not be removed."""
    failed: list[Path] = []
    for path in paths:
        if path is None:
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError:
            failed.append(path)
    return failed


def is_task_id(task_id: str) -> bool:
    """Whether ``task_id`` can be a task id (``audio_<uuid>``): not empty, no spaces inside,
    not absurdly long. The server decides the rest."""
    return 0 < len(task_id) <= 128 and not any(ch.isspace() for ch in task_id)
