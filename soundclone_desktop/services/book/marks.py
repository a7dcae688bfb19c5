"""The render queue's task marks in the book: step 1 of the order of writes in :mod:`.render`
and the clean-ups after it. Blocking (one SQLite write each): called in a worker thread."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable

from soundclone_desktop.core.book.takes import SegmentKey, TaskMark, TaskPhase
from soundclone_desktop.store.book.store import BookStore


def mark_queued(store: BookStore, keys: Iterable[SegmentKey]) -> None:
    for key in keys:
        store.record_task(*key, TaskMark(_placeholder(), TaskPhase.QUEUED))


def unmark_queued(store: BookStore, keys: Iterable[SegmentKey]) -> None:
    """Queued marks of segments never sent go (the ones sent carry their job's id)."""
    book = store.book
    for key in keys:
        state = book.states.get(key)
        task = state.task if state is not None else None
        if task is not None and task.phase is TaskPhase.QUEUED:
            with contextlib.suppress(KeyError):
                store.record_task(*key, None)


def clear_mark(store: BookStore, key: SegmentKey, local_id: str) -> None:
    """The segment's mark goes if it still names ``local_id``."""
    state = store.book.states.get(key)
    if state is not None and state.task is not None and state.task.local_id == local_id:
        store.record_task(*key, None)


def _placeholder() -> str:
    """The id of a queued mark: never a task library row, so resuming re-queues it."""
    return f"queued-{uuid.uuid4().hex}"
