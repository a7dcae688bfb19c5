"""What to do with a segment's task mark found when a render starts (after a crash, a kill,
or a cancelled render). Pure: the task library's row decides.

=====================================  ====================================================
task library row of the mark            decision
=====================================  ====================================================
none                                    ``REQUEUE``: the intent is written before the create
                                        leaves, so without a row nothing was sent
downloaded, file on disk                ``ADOPT`` the file as a take
sent to an in-process demo server       ``DEMO_LOST``: that server ended with its process,
whose process has ended                 so the task is gone; the segment is sent again
                                        (demo money is not real) and the user is told
a task id, not finished (or its file    ``TRACK``: poll it again under the same ``local_id``
gone, or cancelled here)                and adopt the result; never a second create
no task id, its process still running   ``BUSY``: another process is sending it right now
no task id otherwise, outcome unknown   ``UNKNOWN``: the create may have been charged; the
                                        segment fails "outcome unknown" and is never sent
                                        again by itself (the user looks it up or resends)
failed (refused, server error…)         ``FAILED`` with the row's reason
=====================================  ====================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from soundclone_desktop.core.jobs import FailureReason, JobState
from soundclone_desktop.store.library import TaskRecord


class Decision(StrEnum):
    REQUEUE = "requeue"
    ADOPT = "adopt"
    TRACK = "track"
    BUSY = "busy"
    UNKNOWN = "unknown"
    FAILED = "failed"
    DEMO_LOST = "demo-lost"


@dataclass(frozen=True, slots=True)
class Settlement:
    decision: Decision
    reason: str | None = None  # FailureReason value for FAILED / UNKNOWN


def settle(record: TaskRecord | None, *, audio_exists: bool, owner_running: bool) -> Settlement:
    """The decision for a mark whose task library row is ``record`` (see the module doc)."""
    if record is None:
        return Settlement(Decision.REQUEUE)
    state = record.state
    if state is JobState.DOWNLOADED and audio_exists:
        return Settlement(Decision.ADOPT)
    if record.demo and not owner_running and _gone_with_its_server(record):
        return Settlement(Decision.DEMO_LOST)
    if state is JobState.FAILED and not (
        record.task_id is not None and record.reason == FailureReason.CANNOT_SAVE.value
    ):  # a result that could not be saved is fetched again once the folder is writable
        return Settlement(Decision.FAILED, record.reason or FailureReason.TASK_FAILED.value)
    if record.task_id is None:
        if state is JobState.SENDING and owner_running:
            return Settlement(Decision.BUSY)
        return Settlement(Decision.UNKNOWN, FailureReason.OUTCOME_UNKNOWN.value)
    return Settlement(Decision.TRACK)


def _gone_with_its_server(record: TaskRecord) -> bool:
    """Whether a demo task's result could only have come from its (ended) server: anything
    but a real failure. ``soundclone resume`` or the app's start may already have marked it
    failed "task unknown" for exactly that reason; a result it could not save is gone too."""
    if record.state is not JobState.FAILED:
        return True
    return record.reason in (FailureReason.TASK_UNKNOWN.value, FailureReason.CANNOT_SAVE.value)
