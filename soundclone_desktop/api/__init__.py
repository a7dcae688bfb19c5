"""Async HTTP client for the SoundClone API (httpx; no Qt).

Public names are re-exported here; modules starting with `_` are private.
"""

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
