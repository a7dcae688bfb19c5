"""The client's exception hierarchy.

```
SoundCloneError
├── APIError                  the server answered with an error
│   ├── AuthenticationError   20001, HTTP 401/403          never retried
│   ├── BadRequestError       20002, HTTP 400/404/422      shows the server's message
│   ├── RateLimitError        HTTP 429                     retryable, retry_after
│   └── ServerError           -1, HTTP 5xx                 retryable
├── TransportError            no usable answer
│   ├── ConnectError          never reached the server     safe to retry anything
│   ├── RequestTimeout        may have reached it
│   └── ConnectionLost        may have reached it
├── MalformedResponseError    not JSON / not the envelope
├── DownloadError            e.g. HTTP 403/404/410 on an expired link
│   ├── DownloadTooLarge
│   ├── DownloadStorageError  the file cannot be written here (disk full, read-only)
│   └── UnexpectedContentError  not the expected kind of file  retryable
├── InvalidFileError          refused locally before an upload
└── OutcomeUnknownError       a create that may have been processed; never resent
```

Messages are for logs and developers; the UI picks its own translated text by class.
No exception ever holds the token or an `httpx.Request` (whose headers carry it).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from soundclone_desktop.core.storage import StorageCause


class SoundCloneError(Exception):
    """Base class of every error the client raises (besides cancellation and OSError)."""

    #: Whether a read request may be sent again after this error.
    retryable: ClassVar[bool] = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class APIError(SoundCloneError):
    """The server answered, and the answer was an error.

    `code` is the envelope code (an int when numeric, else the raw string; None when the
    body was not an envelope). `server_message` is the envelope's `msg`, token scrubbed.
    `has_envelope` tells an explicit API answer from, say, a proxy's HTML error page.
    """

    def __init__(
        self,
        message: str,
        code: int | str | None = None,
        http_status: int | None = None,
        server_message: str | None = None,
        *,
        retry_after: float | None = None,
        has_envelope: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.http_status = http_status
        self.server_message = server_message
        self.retry_after = retry_after
        self.has_envelope = has_envelope


class AuthenticationError(APIError):
    """The API key is missing, wrong or expired. Ask the user for a key; never retry."""


class BadRequestError(APIError):
    """The server refused the parameters; `server_message` says why. Do not resend as is."""


class RateLimitError(APIError):
    """Too many requests; `retry_after` (seconds) when the server said how long to wait."""

    retryable = True


class ServerError(APIError):
    """The server or its upstream failed (`-1` or HTTP 5xx)."""

    retryable = True


class TransportError(SoundCloneError):
    """No usable answer arrived."""

    retryable = True


class ConnectError(TransportError):
    """No connection was made: the request provably never reached the server."""


class RequestTimeout(TransportError):  # noqa: N818 - name fixed by docs/internals.md
    """The server did not answer in time; it may have received the request."""


class ConnectionLost(TransportError):  # noqa: N818 - name fixed by docs/internals.md
    """The connection broke mid-exchange; the server may have received the request."""


class MalformedResponseError(SoundCloneError):
    """The answer was not JSON, not the `{code, msg, data}` envelope, or lacked needed data."""

    retryable = True

    def __init__(self, message: str, http_status: int | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status


class DownloadError(SoundCloneError):
    """A result file could not be fetched (for example an expired link: HTTP 403/404/410)."""

    def __init__(self, message: str, http_status: int | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status


class UnexpectedContentError(DownloadError):
    """The file is not of the expected kind (say, an error page instead of audio).

    Retryable: a CDN or gateway error page served with HTTP 200 is usually transient.
    """

    retryable = True

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class DownloadTooLarge(DownloadError):  # noqa: N818 - name fixed by docs/internals.md
    """The file exceeded the size cap; nothing was kept."""

    def __init__(self, message: str, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class DownloadStorageError(DownloadError):
    """The file arrived but cannot be written to ``folder``: a lasting local condition
    (``cause``: disk full, read-only, no permission), so it is not retried."""

    def __init__(self, message: str, folder: Path, cause: StorageCause | None) -> None:
        super().__init__(message)
        self.folder = folder
        self.cause = cause


class InvalidFileError(SoundCloneError):
    """A file was refused locally. `reason`: `"too-large"`, `"extension"` or `"changed"`."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class OutcomeUnknownError(SoundCloneError):
    """A create request may have been processed (and charged), but no answer says so.

    It is never resent automatically. `cause` is the timeout, lost connection or
    malformed answer behind it. The caller should record it and let the user decide
    (check the account's task list before submitting again).
    """

    def __init__(self, message: str, cause: SoundCloneError) -> None:
        super().__init__(message)
        self.cause = cause
