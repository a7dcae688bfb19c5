"""Renders the user started and that have not finished: continued when the book is opened.

The book's own marks say which segments have a task on the server (``RenderQueue.resume``
adopts those), but not which segments the user asked for and that were never sent (a
graceful close clears their queued marks). This small JSON file beside the task library
keeps that: book folder → the chapters asked for (``null``: the whole book). Written when a
render starts, removed when it ends for any reason but the app closing.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from soundclone_desktop.store.atomic import atomic_write_text

log = logging.getLogger(__name__)

FILE_NAME = "book-renders.json"


class PendingRenders:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, list[str] | None]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("Unreadable %s (%s): no render is continued", self.path, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(k): (None if v is None else [str(c) for c in v])
            for k, v in data.items()
            if v is None or isinstance(v, list)
        }

    def _write(self, data: dict[str, list[str] | None]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as exc:  # the render goes on; only its continuation is at stake
            log.warning("Could not write %s: %s", self.path, exc)

    def get(self, folder: Path) -> tuple[bool, list[str] | None]:
        """(a render of this book is pending, its chapters or None for the whole book)."""
        data = self._read()
        key = _key(folder)
        return (key in data, data.get(key))

    def started(self, folder: Path, chapter_ids: list[str] | None) -> None:
        data = self._read()
        key = _key(folder)
        old = data.get(key, [])
        if key in data and (old is None or chapter_ids is None):
            data[key] = None  # the whole book was or is asked for
        elif key in data and old is not None and chapter_ids is not None:
            data[key] = list(dict.fromkeys([*old, *chapter_ids]))
        else:
            data[key] = chapter_ids
        self._write(data)

    def finished(self, folder: Path) -> None:
        data = self._read()
        key = _key(folder)
        if key in data:
            del data[key]
            self._write(data)


def _key(folder: Path) -> str:
    return str(folder.resolve())
