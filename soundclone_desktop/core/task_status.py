"""The status of a task on the server, in the client's words: shared by the API layer,
which reads it from answers, and by the jobs of every layer above, which keep the last one seen.
"""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"  # a status this client does not know; the raw text is kept

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL

    @classmethod
    def parse(cls, raw: object) -> TaskStatus:
        if not isinstance(raw, str):
            return cls.UNKNOWN
        text = raw.strip().lower().replace("-", "_").replace(" ", "_")
        alias = _STATUS_ALIASES.get(text)
        if alias is not None:
            return alias
        try:
            status = cls(text)
        except ValueError:
            return cls.UNKNOWN
        return status


# Words other clients of similar APIs have seen for the documented statuses. "Done" words
# are not here: they count as completed only together with an audio link (api `TaskInfo`).
_STATUS_ALIASES = {
    "canceled": TaskStatus.CANCELLED,  # US spelling, seen in a third-party client
    "pending": TaskStatus.QUEUED,
    "waiting": TaskStatus.QUEUED,
    "running": TaskStatus.PROCESSING,
    "in_progress": TaskStatus.PROCESSING,
    "failure": TaskStatus.FAILED,
    "error": TaskStatus.FAILED,
}


_TERMINAL = frozenset({TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED})
