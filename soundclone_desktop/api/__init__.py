"""Async HTTP client for the SoundClone API (httpx; no Qt).

Public names are re-exported here; modules starting with `_` are private. They are looked
up on first use (PEP 562): importing the errors, the models or the log redaction does not
load httpx, which only the client needs (start-up time, issue #17).
"""

from typing import TYPE_CHECKING

from soundclone_desktop.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from soundclone_desktop.api._constants import (
        CLONE_SOURCE_EXTENSIONS,
        DEFAULT_MAX_DOWNLOAD_BYTES,
        DEFAULT_TIMEOUT,
        MAX_UPLOAD_BYTES,
        UPLOAD_EXTENSIONS,
        UPLOAD_TIMEOUT,
        USER_AGENT,
    )
    from soundclone_desktop.api._files import sanitise_stem, sniff_kind
    from soundclone_desktop.api._retry import NO_RETRIES, RetryPolicy, parse_retry_after
    from soundclone_desktop.api._transport import RetryCallback, SleepFunction, TokenSource
    from soundclone_desktop.api.client import SoundCloneClient
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
        TransportError,
        UnexpectedContentError,
    )
    from soundclone_desktop.api.models import (
        AUDIO_KINDS,
        SUBTITLE_KINDS,
        Balance,
        Downloaded,
        FileKind,
        KeyQuota,
        ProgressCallback,
        SupportsToJson,
        TaskInfo,
        UploadResult,
    )
    from soundclone_desktop.api.redact import RedactAuthorization
    from soundclone_desktop.core.task_status import TaskStatus

_WHERE = {
    "CLONE_SOURCE_EXTENSIONS": "soundclone_desktop.api._constants",
    "DEFAULT_MAX_DOWNLOAD_BYTES": "soundclone_desktop.api._constants",
    "DEFAULT_TIMEOUT": "soundclone_desktop.api._constants",
    "MAX_UPLOAD_BYTES": "soundclone_desktop.api._constants",
    "UPLOAD_EXTENSIONS": "soundclone_desktop.api._constants",
    "UPLOAD_TIMEOUT": "soundclone_desktop.api._constants",
    "USER_AGENT": "soundclone_desktop.api._constants",
    "sanitise_stem": "soundclone_desktop.api._files",
    "sniff_kind": "soundclone_desktop.api._files",
    "NO_RETRIES": "soundclone_desktop.api._retry",
    "RetryPolicy": "soundclone_desktop.api._retry",
    "parse_retry_after": "soundclone_desktop.api._retry",
    "RetryCallback": "soundclone_desktop.api._transport",
    "SleepFunction": "soundclone_desktop.api._transport",
    "TokenSource": "soundclone_desktop.api._transport",
    "SoundCloneClient": "soundclone_desktop.api.client",
    "APIError": "soundclone_desktop.api.errors",
    "AuthenticationError": "soundclone_desktop.api.errors",
    "BadRequestError": "soundclone_desktop.api.errors",
    "ConnectError": "soundclone_desktop.api.errors",
    "ConnectionLost": "soundclone_desktop.api.errors",
    "DownloadError": "soundclone_desktop.api.errors",
    "DownloadTooLarge": "soundclone_desktop.api.errors",
    "InvalidFileError": "soundclone_desktop.api.errors",
    "MalformedResponseError": "soundclone_desktop.api.errors",
    "OutcomeUnknownError": "soundclone_desktop.api.errors",
    "RateLimitError": "soundclone_desktop.api.errors",
    "RequestTimeout": "soundclone_desktop.api.errors",
    "ServerError": "soundclone_desktop.api.errors",
    "SoundCloneError": "soundclone_desktop.api.errors",
    "TransportError": "soundclone_desktop.api.errors",
    "UnexpectedContentError": "soundclone_desktop.api.errors",
    "AUDIO_KINDS": "soundclone_desktop.api.models",
    "SUBTITLE_KINDS": "soundclone_desktop.api.models",
    "Balance": "soundclone_desktop.api.models",
    "Downloaded": "soundclone_desktop.api.models",
    "FileKind": "soundclone_desktop.api.models",
    "KeyQuota": "soundclone_desktop.api.models",
    "ProgressCallback": "soundclone_desktop.api.models",
    "SupportsToJson": "soundclone_desktop.api.models",
    "TaskInfo": "soundclone_desktop.api.models",
    "UploadResult": "soundclone_desktop.api.models",
    "RedactAuthorization": "soundclone_desktop.api.redact",
    "TaskStatus": "soundclone_desktop.core.task_status",
}


__getattr__ = lazy_getattr(__name__, _WHERE)


__all__ = [
    "AUDIO_KINDS",
    "CLONE_SOURCE_EXTENSIONS",
    "DEFAULT_MAX_DOWNLOAD_BYTES",
    "DEFAULT_TIMEOUT",
    "MAX_UPLOAD_BYTES",
    "NO_RETRIES",
    "SUBTITLE_KINDS",
    "UPLOAD_EXTENSIONS",
    "UPLOAD_TIMEOUT",
    "USER_AGENT",
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "Balance",
    "ConnectError",
    "ConnectionLost",
    "DownloadError",
    "DownloadTooLarge",
    "Downloaded",
    "FileKind",
    "InvalidFileError",
    "KeyQuota",
    "MalformedResponseError",
    "OutcomeUnknownError",
    "ProgressCallback",
    "RateLimitError",
    "RedactAuthorization",
    "RequestTimeout",
    "RetryCallback",
    "RetryPolicy",
    "ServerError",
    "SleepFunction",
    "SoundCloneClient",
    "SoundCloneError",
    "SupportsToJson",
    "TaskInfo",
    "TaskStatus",
    "TokenSource",
    "TransportError",
    "UnexpectedContentError",
    "UploadResult",
    "parse_retry_after",
    "sanitise_stem",
    "sniff_kind",
]
