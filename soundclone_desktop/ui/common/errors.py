"""The one place that turns exceptions into sentences a user can act on.

Every sentence says what happened and what to do next. Tracebacks go to the log, never to
the screen. ``describe`` is pure (easy to test); ``UserError.opens_settings`` tells the
window to open Settings (a rejected API key).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from soundclone_desktop.api.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConnectError,
    ConnectionLost,
    DownloadError,
    DownloadTooLarge,
    InvalidFileError,
    MalformedResponseError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    ServerError,
    SoundCloneError,
)
from soundclone_desktop.i18n import translate

log = logging.getLogger(__name__)

CTX = "Errors"


@dataclass(frozen=True)
class UserError:
    """A message for the user, plus what the window should do about it."""

    text: str
    opens_settings: bool = False


def describe(exc: BaseException) -> UserError:
    """A translated sentence for ``exc``. Unknown exceptions get a generic sentence."""
    if isinstance(exc, OutcomeUnknownError):
        return UserError(
            translate(
                CTX,
                "The server did not confirm the task, so it may or may not have been "
                "created (and charged). Check your task list on the website before "
                "submitting again.",
            )
        )
    if isinstance(exc, AuthenticationError):
        return UserError(
            translate(
                CTX,
                "The server rejected your API key. Open Settings and enter a valid key.",
            ),
            opens_settings=True,
        )
    if isinstance(exc, BadRequestError):
        detail = (exc.server_message or "").strip()
        if detail:
            return UserError(
                translate(
                    CTX, "The server refused the request: “{0}”. Change it and try again."
                ).replace("{0}", detail)
            )
        return UserError(
            translate(CTX, "The server refused the request. Check the script and parameters.")
        )
    if isinstance(exc, RateLimitError):
        if exc.retry_after:
            return UserError(
                translate(CTX, "The server is busy. Try again in {0} seconds.").replace(
                    "{0}", str(max(1, round(exc.retry_after)))
                )
            )
        return UserError(translate(CTX, "The server is busy. Try again in a minute."))
    if isinstance(exc, ServerError):
        return UserError(
            translate(CTX, "The service had an internal problem. Try again in a few minutes.")
        )
    if isinstance(exc, APIError):
        detail = (exc.server_message or "").strip()
        if detail:
            return UserError(
                translate(CTX, "The server reported an error: “{0}”.").replace("{0}", detail)
            )
        return UserError(translate(CTX, "The server reported an error. Try again later."))
    if isinstance(exc, ConnectError):
        return UserError(
            translate(
                CTX,
                "Could not reach the server. Check your internet connection and the server "
                "address in Settings.",
            )
        )
    if isinstance(exc, RequestTimeout):
        return UserError(
            translate(
                CTX,
                "The server did not answer in time. Check your connection and try again.",
            )
        )
    if isinstance(exc, ConnectionLost):
        return UserError(translate(CTX, "The connection to the server was interrupted. Try again."))
    if isinstance(exc, MalformedResponseError):
        return UserError(
            translate(
                CTX,
                "The server sent an answer the app does not understand. Check the server "
                "address in Settings.",
            )
        )
    if isinstance(exc, DownloadTooLarge):
        return UserError(
            translate(CTX, "The result file is unexpectedly large, so it was not saved.")
        )
    if isinstance(exc, DownloadError):
        return UserError(
            translate(
                CTX,
                "The result could not be downloaded. Its link may have expired; try again "
                "soon after the task finishes.",
            )
        )
    if isinstance(exc, InvalidFileError):
        if exc.reason == "too-large":
            return UserError(translate(CTX, "The file is too large (the limit is 100 MB)."))
        return UserError(translate(CTX, "This type of file cannot be uploaded."))
    if isinstance(exc, SoundCloneError):
        return UserError(translate(CTX, "Something went wrong talking to the server."))
    if isinstance(exc, PermissionError):
        return UserError(
            translate(
                CTX,
                "The app is not allowed to write to a folder it needs. Choose another "
                "results folder in Settings.",
            )
        )
    if isinstance(exc, OSError):
        return UserError(
            translate(CTX, "A file could not be read or written. Check the disk space and folder.")
        )
    return UserError(
        translate(
            CTX,
            "Something unexpected went wrong. The details are in the log file; please "
            "include it when you report the problem.",
        )
    )


def log_and_describe(exc: BaseException, context: str = "") -> UserError:
    """Log the traceback (for support) and return the user's sentence."""
    log.error("%s", context or "Error shown to the user", exc_info=exc)
    return describe(exc)
