"""Records in the voice library what production tasks reveal about their voice.

A production task that completes on the server makes its voice permanent (API reference §1:
the first successful use within three days). A create the server refuses because the
``modelId`` is expired or unknown marks the voice expired. The recorder is a job listener
(``Session.add_job_listener`` in the app, ``TaskRunner(on_update=...)`` in the CLI), called
on every change of every job; it acts once per job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.voices import refusal_means_expired

log = logging.getLogger(__name__)

# The server completed the task: the voice was used successfully, even if our download of
# the result fails afterwards.
_COMPLETED_STATES = frozenset({JobState.DOWNLOADING, JobState.DOWNLOADED})
# Failures whose text may say the voice is dead: a refused create, or a task that failed.
_REFUSAL_REASONS = frozenset({FailureReason.REFUSED, FailureReason.TASK_FAILED})


class VoiceRecords(Protocol):
    """What the recorder writes to (``store.voices.VoiceLibrary`` fits)."""

    def mark_used(self, model_id: str, at: float, *, demo: bool | None = None) -> bool: ...

    def mark_expired(self, model_id: str, *, demo: bool | None = None) -> bool: ...


class VoiceUsageRecorder:
    """A job listener: ``recorder(job)``; see the module docstring."""

    def __init__(
        self,
        records: VoiceRecords,
        clock: Callable[[], float] = time.time,
        *,
        demo: Callable[[], bool] | None = None,
    ) -> None:
        """``demo()`` says whether jobs run on the demo server now; then only voices of the
        same kind are touched (None: any voice with the job's ID)."""
        self.records = records
        self.clock = clock
        self.demo = demo
        self._done: set[str] = set()  # local ids of jobs already recorded

    def __call__(self, job: Job) -> None:
        if job.kind is not JobKind.AUDIO or not isinstance(job.params, ProductionParams):
            return
        if job.local_id in self._done:
            return
        model_id = job.params.model_id.strip()
        if not model_id:
            return
        if job.state in _COMPLETED_STATES:
            self._done.add(job.local_id)
            if self.records.mark_used(model_id, self.clock(), demo=self._kind()):
                log.info("Voice %s used in production: now permanent", model_id)
        elif job.state is JobState.FAILED:
            self._done.add(job.local_id)
            said = _server_words(job.error)
            dead = job.reason in _REFUSAL_REASONS and refusal_means_expired(said, model_id)
            if dead and self.records.mark_expired(model_id, demo=self._kind()):
                log.info("Voice %s refused by the server: marked expired", model_id)
        elif job.is_done:
            self._done.add(job.local_id)

    def _kind(self) -> bool | None:
        return None if self.demo is None else self.demo()


def _server_words(error: str | None) -> str:
    """What the server itself said: the detail inside our sentence when it carries one."""
    if error is None:
        return ""
    values = getattr(error, "values", None)  # services.messages.JobText
    if isinstance(values, tuple) and values:
        return " ".join(str(v) for v in values)
    return str(error)
