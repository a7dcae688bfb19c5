"""A synthesis or cloning job: plain data, changed only by the TaskRunner. In core so that the
task library (store) can keep jobs without importing the services that run them."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.task_status import TaskStatus


class JobState(StrEnum):
    """Where a job is in the task lifecycle (docs/internals.md, ARCHITECTURE.md)."""

    SENDING = "sending"  # the create request is on its way
    SUBMITTED = "submitted"  # the server gave a task id
    QUEUED = "queued"
    PROCESSING = "processing"
    DOWNLOADING = "downloading"  # completed on the server; fetching the files
    DOWNLOADED = "downloaded"  # the files are on disk: done
    FAILED = "failed"
    OUTCOME_UNKNOWN = "outcome_unknown"  # the create may have reached the server; never resent
    CANCELLED = "cancelled"  # we stopped waiting; the server keeps the task

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL


_TERMINAL = frozenset(
    {JobState.DOWNLOADED, JobState.FAILED, JobState.OUTCOME_UNKNOWN, JobState.CANCELLED}
)


class FailureReason(StrEnum):
    """Why a job ended in ``failed`` or ``outcome_unknown``: a stable code for the UI and CLI
    (``Job.error`` has the English sentence)."""

    INVALID = "invalid"  # refused locally; nothing was sent
    KEY_REJECTED = "key-rejected"
    REFUSED = "refused"  # the server rejected the parameters
    UNREACHABLE = "unreachable"  # no connection; nothing was sent
    SERVER_BUSY = "server-busy"  # an explicit error answer; nothing was created
    OUTCOME_UNKNOWN = "outcome-unknown"
    TASK_FAILED = "task-failed"  # the server ran the task and it failed
    TASK_CANCELLED = "task-cancelled"  # the server cancelled it
    TASK_UNKNOWN = "task-unknown"  # the server no longer answers for the task id
    TOO_LARGE = "too-large"  # the result exceeded the download cap
    NO_MODEL_ID = "no-model-id"  # a preview finished without a voice
    # The app cannot go on by itself (an answer it does not understand, a link that does not
    # work, a server silent for too long); the sentence says why and what to do.
    NEEDS_ATTENTION = "needs-attention"
    NOT_RECORDED = "not-recorded"  # the intent could not be written; nothing was sent
    CANNOT_SAVE = "cannot-save"  # the result could not be written (disk full, read-only)


class JobKind(StrEnum):
    AUDIO = "audio"  # production speech from text
    PREVIEW = "preview"  # a voice clone and its preview clip


Params = ProductionParams | PreviewParams


@dataclass(eq=False)
class Job:
    """One task from submission to downloaded files.

    Times: ``created_at`` and ``history`` are wall-clock (``time.time()``) for display;
    ``submitted_at`` and ``expected_finish`` are on the runner's monotonic clock, so use
    :meth:`expected_in` rather than comparing them with wall time.
    """

    kind: JobKind
    params: Params | None = None
    task_id: str | None = None
    state: JobState = JobState.SENDING
    local_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: float = field(default_factory=time.time)
    chars: int | None = None  # billable characters, when known
    submitted_at: float | None = None
    expected_finish: float | None = None
    server_status: TaskStatus | None = None
    error: str | None = None  # why it failed, a sentence for the user
    reason: FailureReason | None = None  # the same as a code
    message: str | None = None  # a passing note: "Reconnecting…", "taking unusually long"…
    audio_path: Path | None = None
    subtitle_path: Path | None = None
    model_id: str | None = None  # a finished preview's voice
    polls: int = 0
    # The account balance just before the create and right after an unknown outcome: the
    # evidence of whether that create was charged (None when not read or not readable).
    balance_before: Decimal | None = None
    balance_after: Decimal | None = None
    history: list[tuple[JobState, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.history:
            self.history.append((self.state, self.created_at))

    @property
    def is_done(self) -> bool:
        return self.state.is_terminal

    def expected_in(self, now: float | None = None) -> float | None:
        """Seconds until the expected finish (0 when overdue), or None when unknown.

        ``now`` defaults to ``time.monotonic()``, the runner's default clock.
        """
        if self.expected_finish is None or self.is_done:
            return None
        now = time.monotonic() if now is None else now
        return max(0.0, self.expected_finish - now)
