"""Crash recovery: the editor's latest state, written a few seconds after the user stops typing.

One snapshot file (``snapshot.json`` in :func:`.paths.autosave_dir`) holds the project as
it is in the editor (same JSON as a ``.scproj`` file), the project file it belongs to (if
any) and when it was taken. It is removed after a clean save or close, so finding one at
start means the last session ended with work that may not be on disk anywhere else.

Writes come from worker threads while the GUI thread may clear the snapshot: an epoch
counter, bumped by :meth:`AutosaveStore.clear`, lets a write that was scheduled before a
clear drop itself instead of bringing the stale snapshot back.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .atomic import atomic_write_text
from .projects import FORMAT as PROJECT_FORMAT
from .projects import Project, project_from_json

log = logging.getLogger(__name__)

FORMAT: Final = "soundclone-autosave"
VERSION: Final = 1
FILE_NAME: Final = "snapshot.json"


@dataclass(frozen=True)
class Snapshot:
    project: Project
    project_path: Path | None = None  # the .scproj file the editor was showing, if any
    saved_at: float = 0.0  # wall clock

    def differs_from(self, saved: Project | None) -> bool:
        """Whether restoring would bring back something the saved file (or nothing) lacks.

        Without a project file, a blank editor is nothing to restore.
        """
        if saved is None:
            return not self.project.is_blank()
        return self.project != saved


class AutosaveStore:
    """Reads, writes and clears the snapshot. Thread-safe; the file work is blocking."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._lock = threading.Lock()
        self._epoch = 0

    @property
    def epoch(self) -> int:
        """Capture this when scheduling a write; a clear in between makes the write a no-op."""
        return self._epoch

    def write(
        self, snapshot: Snapshot, *, epoch: int | None = None, supersede: bool = False
    ) -> bool:
        """Replace the snapshot atomically; False (nothing written) if cleared since ``epoch``.

        ``supersede`` also cancels every write scheduled before this one (a final write at
        shutdown must not be overtaken by an older one still queued in a worker thread).
        """
        data = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": snapshot.saved_at or time.time(),
            "project_path": str(snapshot.project_path) if snapshot.project_path else None,
            "project": snapshot.project.to_json(),
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        with self._lock:
            if epoch is not None and epoch != self._epoch:
                return False
            if supersede:
                self._epoch += 1
            atomic_write_text(self.path, text)
        return True

    def read(self) -> Snapshot | None:
        """The snapshot, or None when there is none or it is unusable (then it is removed)."""
        with self._lock:
            try:
                raw = self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            except OSError as exc:
                log.warning("Could not read the autosave snapshot %s: %s", self.path, exc)
                return None
        snapshot = _parse(raw)
        if snapshot is None:
            log.warning("Removing an unusable autosave snapshot %s", self.path)
            self.clear()
        return snapshot

    def clear(self) -> None:
        """Remove the snapshot and cancel every write scheduled before now."""
        with self._lock:
            self._epoch += 1
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


def _parse(raw: str) -> Snapshot | None:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested thousands of levels deep
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if data.get("version") != VERSION:
        return None
    project = data.get("project")
    if not isinstance(project, dict) or project.get("format") != PROJECT_FORMAT:
        return None
    loaded = project_from_json(project)
    path = data.get("project_path")
    saved_at = data.get("saved_at")
    return Snapshot(
        project=loaded.project,
        project_path=Path(path) if isinstance(path, str) and path else None,
        saved_at=float(saved_at) if isinstance(saved_at, int | float) else 0.0,
    )
