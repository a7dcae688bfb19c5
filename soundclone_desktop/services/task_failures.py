"""Why a task failed, in words: the create request's error as a reason and a sentence, and
whether a failed download is worth another try."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from soundclone_desktop.api.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConnectError,
    DownloadError,
    DownloadStorageError,
    DownloadTooLarge,
    OutcomeUnknownError,
    SoundCloneError,
    UnexpectedContentError,
)
from soundclone_desktop.core.jobs import FailureReason
from soundclone_desktop.core.storage import cause_clause

from . import messages

# The runner's logger: these lines are part of what it reports about a job.
log = logging.getLogger("soundclone_desktop.services.tasks")


def classify_create_error(exc: Exception) -> tuple[FailureReason, str]:
    """Why a create request that raised ``exc`` failed, as a code and a sentence."""
    if isinstance(exc, OutcomeUnknownError):
        log.warning("Outcome of a create is unknown: %s", exc.cause)
        return FailureReason.OUTCOME_UNKNOWN, messages.outcome_unknown(exc)
    if isinstance(exc, AuthenticationError):
        return FailureReason.KEY_REJECTED, messages.KEY_REJECTED_ON_CREATE
    if isinstance(exc, BadRequestError):
        return FailureReason.REFUSED, messages.create_refused(exc)
    if isinstance(exc, ConnectError):
        return FailureReason.UNREACHABLE, messages.UNREACHABLE
    if isinstance(exc, APIError):  # server error or rate limit, answered explicitly
        return FailureReason.SERVER_BUSY, messages.server_busy(exc)
    if not isinstance(exc, SoundCloneError):
        log.error("Unexpected error while creating a task", exc_info=exc)
    # Anything else might have been processed: never let it be resent blindly.
    return FailureReason.OUTCOME_UNKNOWN, messages.OUTCOME_UNCLEAR


def is_transient(error: BaseException) -> bool:
    """Whether trying again may help: retryable client errors, and anything unexpected
    (local file errors included), which stays bounded by ``max_failures``."""
    if isinstance(error, SoundCloneError):
        return error.retryable
    return True


def download_detail(error: BaseException) -> str:
    """A short English clause for why a download failed (no URL: it may carry a token)."""
    if isinstance(error, UnexpectedContentError):
        return f"the server sent {error.kind} data instead of the file"
    if isinstance(error, DownloadTooLarge):
        return "the file is too large"
    if isinstance(error, DownloadError):
        status = error.http_status
        if status is not None and 300 <= status < 400:
            return "the link redirects to an address that is not on the web"
        if status is not None:
            return f"HTTP {status}"
        return "the link is not a web address"
    if isinstance(error, APIError) and error.http_status is not None:
        return f"HTTP {error.http_status}"
    return "the connection failed"


def lasting_download_failure(
    task_id: str, failed: Mapping[str, BaseException]
) -> tuple[FailureReason, str] | None:
    """Why the job ends when a download failed in a way retrying cannot fix, or None.

    A folder that cannot be written lasts until the user acts (retrying would only spin);
    the task id stays recorded, so resume fetches the result once the folder is writable.
    Audio over the size limit stays too large.
    """
    for error in failed.values():
        if isinstance(error, DownloadStorageError):
            clause = cause_clause(error.cause, str(error))
            return FailureReason.CANNOT_SAVE, messages.cannot_save(
                task_id, str(error.folder), clause
            )
    audio_error = failed.get("audio")
    if isinstance(audio_error, DownloadTooLarge):
        return FailureReason.TOO_LARGE, messages.too_large(task_id, audio_error.limit)
    return None
