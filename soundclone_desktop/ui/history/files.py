"""Helpers of the history actions: removing files (blocking: call it from a worker thread)
and checking the shape of a task id typed by the user."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from soundclone_desktop.services.lookup import is_task_id

__all__ = ["delete_files", "is_task_id"]  # is_task_id: the rule the CLI's lookup uses too


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
