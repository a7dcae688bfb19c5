"""A finished task's files become a take of its segment, in the book's folder. Blocking.

The files are hard-linked into the folder when it is on the same disk as the results (no
copy, no extra space) and copied otherwise, always through a temporary name, so the folder
never holds half a file; the results folder keeps its own (the task library points there).
The take's ID is the task's ``local_id``, so adopting the same task again (a crash between
the file and the database row) rewrites the same file and never adds a second take.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path

from soundclone_desktop.core.book.takes import SegmentKey, Take, fingerprint
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.store.book.store import BookStore

from ..recorder import audio_seconds


def adopt_take(
    store: BookStore,
    key: SegmentKey,
    local_id: str,
    params: ProductionParams,
    audio: Path,
    subtitles: Path | None = None,
    duration: float | None = None,
) -> Take:
    """Put the files of task ``local_id`` into the book as a take of segment ``key`` (an
    orphan if the segment is gone), chosen unless the segment has a current chosen take;
    the segment's task mark is cleared in the same transaction. Returns the take."""
    existing = _take_of_task(store, local_id)
    if existing is not None:
        _clear_mark(store, key, local_id)
        return existing
    audio_target = store.audio_path_for(local_id, audio.suffix or ".mp3")
    _place(audio, audio_target)
    subtitle_stored: str | None = None
    if subtitles is not None and subtitles.is_file():
        captions = store.captions_path_for(local_id, subtitles.suffix or ".srt")
        _place(subtitles, captions)
        subtitle_stored = store.stored_path(captions)
    take = Take(
        id=local_id,
        task_local_id=local_id,
        audio_path=store.stored_path(audio_target),
        subtitle_path=subtitle_stored,
        duration=duration if duration is not None else audio_seconds(audio_target),
        created_at=time.time(),
        fingerprint=fingerprint(params),
        request_text=params.text,
    )
    store.add_take(*key, take, choose=not _has_current_take(store, key))
    return take


def _take_of_task(store: BookStore, local_id: str) -> Take | None:
    return next((t for _, t in store.book.takes() if t.task_local_id == local_id), None)


def _has_current_take(store: BookStore, key: SegmentKey) -> bool:
    chapter_id, segment_id = key
    try:
        rows = store.rows(chapter_id)
    except KeyError:
        return False
    for row in rows:
        if row.segment.id == segment_id:
            chosen = row.state.chosen
            return chosen is not None and chosen.fingerprint == row.fingerprint
    return False


def _clear_mark(store: BookStore, key: SegmentKey, local_id: str) -> None:
    state = store.book.states.get(key)
    if state is not None and state.task is not None and state.task.local_id == local_id:
        store.record_task(*key, None)


def _place(source: Path, target: Path) -> None:
    """``source`` at ``target``: a hard link where possible, else a copy; atomic."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        try:
            os.link(source, tmp)
        except OSError:
            shutil.copyfile(source, tmp)
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
