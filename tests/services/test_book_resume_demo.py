"""Which marks of a book's segments count as lost with an ended demo server (``settle``).

The end-to-end case (a paused ``book render --demo`` run again) is in
``tests/cli/test_book_demo_resume.py``; these pin the rule row by row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import FailureReason, JobKind, JobState
from soundclone_desktop.services.book.resume import Decision, settle
from soundclone_desktop.store.library import TaskRecord


def record(state: JobState, *, demo: bool = True, task_id: str | None = "task-1",
           reason: str | None = None) -> TaskRecord:  # fmt: skip
    return TaskRecord(
        local_id="local-1", kind=JobKind.AUDIO, state=state, task_id=task_id,
        base_url="http://127.0.0.1:1", demo=demo, text="Hello.", params=None, voice_id=None,
        chars=6, estimate=None, currency=None, created_at=0.0, updated_at=0.0, duration=None,
        error=None, reason=reason, audio_path=Path("take.mp3"), subtitle_path=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("state", "task_id", "reason"),
    [
        (JobState.PROCESSING, "task-1", None),
        (JobState.SENDING, None, None),
        (JobState.OUTCOME_UNKNOWN, None, FailureReason.OUTCOME_UNKNOWN.value),
        (JobState.FAILED, "task-1", FailureReason.TASK_UNKNOWN.value),  # `resume` said lost
        (JobState.DOWNLOADED, "task-1", None),  # its file is gone
    ],
)
def test_a_demo_task_of_an_ended_process_is_lost_with_its_server(
    state: JobState, task_id: str | None, reason: str | None
) -> None:
    row = record(state, task_id=task_id, reason=reason)
    assert settle(row, audio_exists=False, owner_running=False).decision is Decision.DEMO_LOST


def test_a_demo_task_whose_server_still_runs_is_followed_as_before() -> None:
    row = record(JobState.PROCESSING)
    assert settle(row, audio_exists=False, owner_running=True).decision is Decision.TRACK


def test_a_downloaded_demo_take_is_adopted_and_a_real_failure_stays_failed() -> None:
    done = settle(record(JobState.DOWNLOADED), audio_exists=True, owner_running=False)
    assert done.decision is Decision.ADOPT
    refused = record(JobState.FAILED, reason=FailureReason.TASK_FAILED.value)
    assert settle(refused, audio_exists=False, owner_running=False).decision is Decision.FAILED


def test_a_real_server_task_is_never_taken_for_a_lost_demo_task() -> None:
    row = record(JobState.PROCESSING, demo=False)
    assert settle(row, audio_exists=False, owner_running=False).decision is Decision.TRACK
