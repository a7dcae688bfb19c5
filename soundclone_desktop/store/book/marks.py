"""The review marks of a book, in ``review-marks.json`` inside its ``.scbook`` folder.

Kept beside ``book.sqlite3`` rather than in it: marks are a listener's notes, not part of
what is rendered or billed, and a small file of their own needs no schema change. Written
atomically; a missing or unreadable file is an empty set of marks (the notes are not worth
refusing to open a book for).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from soundclone_desktop.core.book.marks import SentenceMark
from soundclone_desktop.store.atomic import atomic_write_bytes

__all__ = ["FILE_NAME", "load_marks", "save_marks"]

log = logging.getLogger(__name__)

FILE_NAME: Final = "review-marks.json"
VERSION: Final = 1


def load_marks(folder: Path) -> tuple[SentenceMark, ...]:
    path = folder / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            SentenceMark(str(m["chapter"]), int(m["sentence"]), str(m["text"]))
            for m in data["marks"]
        )
    except FileNotFoundError:
        return ()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("The review marks in %s could not be read: %s", path, exc)
        return ()


def save_marks(folder: Path, marks: Iterable[SentenceMark]) -> None:
    rows = [{"chapter": m.chapter_id, "sentence": m.sentence, "text": m.text} for m in marks]
    payload = json.dumps({"version": VERSION, "marks": rows}, ensure_ascii=False, indent=1)
    atomic_write_bytes(folder / FILE_NAME, payload.encode("utf-8"))
