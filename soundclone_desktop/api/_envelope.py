"""The `{code, msg, data}` envelope, and turning an HTTP answer into success or an error."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from soundclone_desktop.api._constants import (
    AUTH_FAILED_CODE,
    BAD_REQUEST_CODE,
    SERVER_ERROR_CODE,
    SUCCESS_CODE,
)
from soundclone_desktop.api.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    MalformedResponseError,
    RateLimitError,
    ServerError,
    SoundCloneError,
)
from soundclone_desktop.api.redact import scrub_excerpt

_MAX_MESSAGE_LENGTH = 500
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Envelope:
    """A parsed envelope. `code` is normalised: an int when numeric, else the raw text."""

    code: int | str | None
    msg: str | None
    data: object = None
    has_data: bool = False

    @property
    def ok(self) -> bool:
        return self.code == SUCCESS_CODE


def normalise_code(raw: object) -> int | str | None:
    """`20000`, `"20000"`, `" 20000 "` and `20000.0` all become `20000`."""
    if raw is None:
        return None
    if isinstance(raw, bool):  # bool is an int subclass; `true` is no code
        return str(raw).lower()
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else str(raw)
    text = str(raw).strip()
    try:
        return int(text)
    except ValueError:
        return text


def parse_envelope(body: bytes) -> Envelope | None:
    """The envelope in *body*, or None when it is not JSON or not an envelope."""
    try:
        value = json.loads(body)
    except ValueError:  # includes JSONDecodeError and UnicodeDecodeError
        return None
    if not isinstance(value, dict) or "code" not in value:
        return None
    msg = value.get("msg")
    data = value.get("data", _MISSING)
    return Envelope(
        code=normalise_code(value["code"]),
        # Cut in classify(), after scrubbing: a cut here could leave a token's first half.
        msg=None if msg is None else str(msg),
        data=None if data is _MISSING else data,
        has_data=data is not _MISSING and data is not None,
    )


def _error_class(http_status: int, code: int | str | None) -> type[APIError]:
    # The documented envelope codes are the most specific signal, then the HTTP status;
    # `-1` is generic, so a 429 carrying `-1` is still a rate limit.
    if code == AUTH_FAILED_CODE:
        return AuthenticationError
    if code == BAD_REQUEST_CODE:
        return BadRequestError
    if http_status in (401, 403):
        return AuthenticationError
    if http_status == 429:
        return RateLimitError
    if http_status in (400, 404, 422):
        return BadRequestError
    if http_status >= 500 or code == SERVER_ERROR_CODE:
        return ServerError
    return APIError


_SUMMARIES: dict[type[APIError], str] = {
    AuthenticationError: "The API key was rejected",
    BadRequestError: "The server refused the request",
    RateLimitError: "Too many requests",
    ServerError: "The server reported an error",
    APIError: "The server returned an error",
}


def classify(
    http_status: int,
    envelope: Envelope | None,
    *,
    retry_after: float | None = None,
    secrets: Iterable[str] = (),
) -> SoundCloneError | None:
    """The error an answer represents, or None for success.

    The one place that reads HTTP status and envelope code together: the service may
    signal errors with HTTP 200 and a non-20000 code, with an HTTP status, or both.
    *secrets* are scrubbed from the server's message in case it echoes the key.
    """
    status_ok = 200 <= http_status < 300
    if envelope is None:
        if status_ok:
            return MalformedResponseError(
                f"The server's answer (HTTP {http_status}) is not the API's JSON envelope.",
                http_status=http_status,
            )
        code: int | str | None = None
        server_message: str | None = None
    elif status_ok and envelope.ok:
        return None
    else:
        code = envelope.code
        server_message = (
            None
            if envelope.msg is None
            else scrub_excerpt(envelope.msg, _MAX_MESSAGE_LENGTH, secrets)
        )

    cls = _error_class(http_status, code)
    details = f"HTTP {http_status}" if code is None else f"HTTP {http_status}, code {code}"
    message = f"{_SUMMARIES[cls]} ({details})"
    if server_message:
        message += f": {server_message}"
    return cls(
        message,
        code,
        http_status,
        server_message,
        retry_after=retry_after,
        has_envelope=envelope is not None,
    )
