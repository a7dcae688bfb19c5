"""The rule that no create request leaves unless its intent is on disk.

A job listener that records jobs (:class:`~.recorder.JobRecorder`) raises
:class:`RecordUnavailableError` when it cannot write the ``sending`` row; the task runner then
ends the job as failed (reason ``not-recorded``) without sending anything. Every other
listener error is only logged: a broken display must not stop a paid task.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.storage import StorageCause, cause_clause, storage_cause

from . import messages


class RecordUnavailableError(Exception):
    """The intent of a create could not be written to ``folder``; nothing may be sent."""

    def __init__(self, folder: Path, cause: StorageCause | None, detail: str = "") -> None:
        self.folder = folder
        self.cause = cause
        self.detail = detail
        self.sentence = messages.not_recorded(str(folder), cause_clause(cause, detail))
        super().__init__(str(self.sentence))

    @classmethod
    def from_exception(cls, folder: Path, exc: BaseException) -> RecordUnavailableError:
        return cls(folder, storage_cause(exc), str(exc))


class RecordGuard:
    """A stand-in for the recorder of a task library that could not be opened.

    At each create it tries ``reopen()`` (which returns the real recorder, or raises): once
    space is freed the create is recorded and sent, with no restart. Until then it refuses
    every create with the reason the library failed, so the runner sends nothing.
    """

    def __init__(
        self,
        folder: Path,
        error: BaseException,
        reopen: Callable[[], Callable[[Job], None]] | None = None,
    ) -> None:
        self.folder = folder
        self.error = error
        self._reopen = reopen
        self._recorder: Callable[[Job], None] | None = None

    def __call__(self, job: Job) -> None:
        if self._recorder is None and job.state is JobState.SENDING and self._reopen is not None:
            try:
                self._recorder = self._reopen()
            except Exception as exc:  # still unusable: say why, as of now
                self.error = exc
        if self._recorder is not None:
            self._recorder(job)
        elif job.state is JobState.SENDING:
            raise RecordUnavailableError.from_exception(self.folder, self.error)
