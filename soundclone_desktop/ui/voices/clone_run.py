"""One clone attempt: upload the local file (if any), then create and follow the preview task.

The sequence is the shared clone use case (``services.clone.send_preview``, which
``soundclone clone`` runs too); this object adapts its callbacks to Qt signals and phases.

The wizard's pages only show what this object reports. It guarantees one preview per
attempt: :meth:`CloneRun.start` refuses while an upload or a preview is in flight, and a
finished preview stays until the wizard takes it (:meth:`CloneRun.reset`). An upload is free
and can be cancelled; once the preview task exists it is paid for, so it is never resent.
A file uploaded once is not uploaded again for a retry (same path, size and change time on
the same server).
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.api.errors import OutcomeUnknownError, SoundCloneError
from soundclone_desktop.core.clone_source import blocking, check_url
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.clone import (
    CloneRequest,
    UploadRefusedError,
    Uploads,
    send_preview,
)
from soundclone_desktop.ui.common import errors
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.session import Session
from soundclone_desktop.ui.tasks.job_text import job_sentence
from soundclone_desktop.ui.voices.clone_text import check_sentence

log = logging.getLogger(__name__)

CTX = "CloneWizard"

__all__ = ["CloneRequest", "CloneRun", "Phase"]  # CloneRequest: the service's, for the pages


class Phase(StrEnum):
    IDLE = "idle"
    UPLOADING = "uploading"
    PREVIEW = "preview"  # the preview job is being sent or followed
    DONE = "done"  # a finished preview waits to be saved or discarded


class CloneRun(QObject):
    """Upload + preview, with Qt signals for the pages."""

    phase_changed = Signal(str)  # Phase
    upload_progress = Signal(int, int)  # bytes sent, total
    job_changed = Signal(object)  # Job
    finished = Signal(object)  # Job, downloaded with a model id and a preview clip
    failed = Signal(str)  # a translated sentence: what happened and what to do
    upload_cancelled = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.phase = Phase.IDLE
        self.job: Job | None = None
        self.request: CloneRequest | None = None
        self._upload: asyncio.Task[None] | None = None
        self._uploads = Uploads()  # a retry does not upload the same file again

    @property
    def busy(self) -> bool:
        """An upload or a preview is in flight: nothing new may start."""
        return self.phase in (Phase.UPLOADING, Phase.PREVIEW)

    def start(self, request: CloneRequest) -> bool:
        """Begin an attempt; False (and nothing sent) unless idle."""
        if self.phase is not Phase.IDLE:
            log.debug("Clone refused: %s", self.phase)
            return False
        self.request = request
        self.job = None
        self._set_phase(Phase.UPLOADING if request.path is not None else Phase.PREVIEW)
        self._upload = spawn(self._run(request), owner=self)
        return True

    def cancel_upload(self) -> bool:
        """Stop an upload in progress (free: nothing was charged). False if none is running."""
        if self.phase is not Phase.UPLOADING or self._upload is None:
            return False
        self._upload.cancel()
        return True

    def stop_waiting(self) -> bool:
        """Stop following the preview here (the server keeps the task, and its charge)."""
        job, runner = self.job, self._session.runner
        if self.phase is not Phase.PREVIEW or job is None:
            return False
        for candidate in self._session.runners():
            if job in candidate.jobs:
                runner = candidate
        return runner is not None and runner.cancel(job)

    def reset(self) -> None:
        """Forget a finished or failed attempt (the wizard saved or discarded its preview)."""
        if not self.busy:
            self.job = None
            self._set_phase(Phase.IDLE)

    def report_error(self, exc: BaseException) -> None:
        """Where an unexpected error of the attempt lands: back to idle, said in place."""
        self._fail(errors.describe(exc).text)

    # -- the attempt ---------------------------------------------------------------------------

    async def _run(self, request: CloneRequest) -> None:
        session = self._session
        runner, client = session.runner, session.client
        if runner is None or client is None:
            self._fail(
                translate(
                    CTX,
                    "Not connected: enter your API key in Settings, or start the demo, "
                    "then try again. Nothing was sent.",
                )
            )
            return
        if request.path is None and blocking(
            check_url(request.url.strip(), trusted=[session.base_url] if session.demo else [])
        ):
            self._fail(translate(CTX, "The web address cannot be used; go back and fix it."))
            return
        try:
            # Every outcome of the preview (sent, refused, failed) arrives through _on_update.
            await send_preview(
                runner,
                client,
                request,
                self._on_update,
                base_url=session.base_url,
                uploads=self._uploads,
                upload_progress=self._on_progress,
                on_uploaded=lambda _url: self._set_phase(Phase.PREVIEW),
            )
        except asyncio.CancelledError:
            if self.phase is not Phase.UPLOADING:
                raise
            self._set_phase(Phase.IDLE)
            self.upload_cancelled.emit()
        except (OSError, SoundCloneError) as exc:
            if self.phase is not Phase.UPLOADING:
                raise
            self._fail(_upload_error(exc))
        except UploadRefusedError as exc:
            self._fail(check_sentence(exc.check))

    def _on_progress(self, sent: int, total: int | None) -> None:
        self.upload_progress.emit(sent, total if total is not None else 0)

    def _on_update(self, job: Job) -> None:
        if self.phase is not Phase.PREVIEW:
            return  # an update after the attempt ended (a cancelled wait, a reset)
        self.job = job
        self.job_changed.emit(job)
        if job.state is JobState.DOWNLOADED and job.model_id and job.audio_path is not None:
            self._set_phase(Phase.DONE)
            self.finished.emit(job)
        elif job.state is JobState.DOWNLOADED:
            self._fail(job_sentence(job.error) or translate(CTX, "The preview has no audio."))
        elif job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN):
            self._fail(job_sentence(job.error) or translate(CTX, "The preview failed."))
        elif job.state is JobState.CANCELLED:
            self._fail(
                translate(
                    CTX,
                    "Stopped waiting for the preview. The server still finishes it (and "
                    "charges it); this voice was not saved.",
                )
            )

    def _fail(self, sentence: str) -> None:
        self._set_phase(Phase.IDLE)
        self.failed.emit(sentence)

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase.value)


def _upload_error(exc: BaseException) -> str:
    """One sentence for a failed upload; uploads are free, so say nothing was charged."""
    if isinstance(exc, OutcomeUnknownError):
        detail = translate(CTX, "The server did not answer in time.")
    elif isinstance(exc, FileNotFoundError):
        detail = translate(CTX, "The file is no longer there.")
    elif isinstance(exc, PermissionError):
        detail = translate(CTX, "The app is not allowed to read this file.")
    elif isinstance(exc, SoundCloneError):
        detail = errors.describe(exc).text
    else:
        detail = translate(CTX, "The file cannot be read.")
    return translate(CTX, "Upload failed. {detail} Nothing was charged; try again.").format(
        detail=detail
    )
