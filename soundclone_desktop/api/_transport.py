"""The request loop: authentication, error translation, retries.

Every exception from httpx is translated here, once. Cancellation (`CancelledError`,
a BaseException) is never caught and passes through untouched.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from soundclone_desktop.api._constants import API_PREFIX, DEFAULT_TIMEOUT, USER_AGENT
from soundclone_desktop.api._envelope import Envelope, classify, parse_envelope
from soundclone_desktop.api._files import MultipartUpload
from soundclone_desktop.api._retry import (
    RequestKind,
    RetryPolicy,
    may_resend,
    maybe_processed,
    parse_retry_after,
)
from soundclone_desktop.api.errors import (
    AuthenticationError,
    ConnectError,
    ConnectionLost,
    MalformedResponseError,
    OutcomeUnknownError,
    RequestTimeout,
    SoundCloneError,
)
from soundclone_desktop.api.redact import scrub_value

logger = logging.getLogger("soundclone_desktop.api")

T = TypeVar("T")

#: The API key, or a zero-argument callable returning it (read before every request).
TokenSource = str | Callable[[], str]
#: `on_retry(retry, delay, error)`: retry number (1 = first), seconds until it, what failed.
RetryCallback = Callable[[int, float, SoundCloneError], None]
SleepFunction = Callable[[float], Awaitable[None]]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_base_url(base_url: str) -> httpx.URL:
    """`https://host` or `https://host/api/open-api/v1` → `https://host/api/open-api/v1/`."""
    url = httpx.URL(base_url.strip())
    if url.scheme not in _DEFAULT_PORTS or not url.host:
        raise ValueError("The API base URL must be an http:// or https:// address.")
    path = url.path.rstrip("/")
    prefix = API_PREFIX.rstrip("/")
    if not path.endswith(prefix):
        path += prefix
    return url.copy_with(path=path + "/", query=None, fragment=None)


def origin(url: httpx.URL) -> tuple[str, str, int]:
    scheme = url.scheme.lower()
    return scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(scheme, 0)


def loggable(url: httpx.URL) -> str:
    """A URL for logs and messages: no query string (signed URLs carry credentials there)."""
    return str(url.copy_with(query=None, fragment=None))


def translate(exc: httpx.HTTPError, what: str) -> SoundCloneError:
    """The client error for an httpx exception (the message carries no headers)."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        # Nothing was sent: no connection, or none free in the pool before the deadline.
        return ConnectError(f"{what}: could not connect to the server ({detail}).")
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeout(f"{what}: the server did not answer in time ({detail}).")
    if isinstance(exc, httpx.DecodingError):
        return MalformedResponseError(f"{what}: the answer could not be decoded ({detail}).")
    return ConnectionLost(f"{what}: the connection was lost ({detail}).")


class Transport:
    """Owns the httpx client; sends API calls and runs the retry loop."""

    def __init__(
        self,
        base_url: str,
        token: TokenSource,
        *,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: SleepFunction | None = None,
        on_retry: RetryCallback | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        self.api_root = normalise_base_url(base_url)
        self._token = token
        self.retry = retry or RetryPolicy()
        self._sleep = sleep or asyncio.sleep
        self._on_retry = on_retry
        self._rand = rand or random.random
        # No Authorization among the default headers: it is added per request, and only
        # for the API's own origin.
        settings: dict[str, Any] = {
            "timeout": timeout or DEFAULT_TIMEOUT,
            "transport": transport,
            "headers": {"User-Agent": USER_AGENT},
            "follow_redirects": False,
        }
        self.http = httpx.AsyncClient(**settings)
        # Creates and uploads never reuse a pooled keep-alive connection: if the server
        # closed it at the moment we sent, the request would look "maybe processed" and
        # end as OutcomeUnknownError. A fresh connection costs one handshake per create.
        self._fresh_http = httpx.AsyncClient(
            **settings, limits=httpx.Limits(max_keepalive_connections=0)
        )

    async def aclose(self) -> None:
        await self.http.aclose()
        await self._fresh_http.aclose()

    def url(self, path: str) -> httpx.URL:
        return self.api_root.join(path.lstrip("/"))

    def is_api_origin(self, url: httpx.URL) -> bool:
        return origin(url) == origin(self.api_root)

    def token(self) -> str:
        value = self._token() if callable(self._token) else self._token
        if not value or not value.strip():
            raise AuthenticationError("No API key is set.")
        return value.strip()

    def auth_headers(self, url: httpx.URL) -> dict[str, str]:
        """`Authorization` for the API's own origin; nothing for any other host."""
        if not self.is_api_origin(url):
            return {}
        return {"Authorization": f"Bearer {self.token()}"}

    async def call_api(
        self,
        method: str,
        path: str,
        parse: Callable[[Envelope], T],
        *,
        kind: RequestKind,
        json: dict[str, object] | None = None,
        upload: MultipartUpload | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> T:
        """Send one API call (with retries) and parse the successful envelope."""
        url = self.url(path)
        what = f"{method} {path}"

        async def attempt() -> T:
            token = self.token()  # read once per attempt: the header and the scrubbing agree
            headers = {"Accept": "application/json", "Authorization": f"Bearer {token}"}
            if upload is not None:
                headers.update(upload.headers())
            http = self.http if kind is RequestKind.READ else self._fresh_http
            request = http.build_request(
                method,
                url,
                json=json,
                content=upload.stream() if upload is not None else None,
                headers=headers,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            started = time.monotonic()
            try:
                response = await http.send(request)
            except httpx.HTTPError as exc:
                failure = translate(exc, what)
                logger.debug("%s failed: %s", what, failure)
                raise failure from exc
            envelope = parse_envelope(response.content)
            logger.debug(
                "%s -> HTTP %d, code %s (%.0f ms)",
                what,
                response.status_code,
                envelope.code if envelope else "-",
                (time.monotonic() - started) * 1000,
            )
            error = classify(
                response.status_code,
                envelope,
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
                secrets=(token,),
            )
            if error is not None:
                raise error
            assert envelope is not None  # classify() returns an error for non-envelopes
            # Every string the server sent (a task's error, an id, a URL) may echo the key:
            # scrub them all before anything can log, show or store one.
            data = scrub_value(envelope.data, (token,))
            return parse(dataclasses.replace(envelope, data=data))

        return await self.run(attempt, kind=kind, what=what)

    async def run(self, attempt: Callable[[], Awaitable[T]], *, kind: RequestKind, what: str) -> T:
        """Call *attempt* until it succeeds, the policy says stop, or resending is unsafe."""
        retry = 0
        while True:
            try:
                return await attempt()
            except SoundCloneError as error:
                retry += 1
                if retry < self.retry.max_attempts and may_resend(error, kind):
                    delay = self.retry.delay(retry, error, self._rand)
                    logger.info(
                        "%s: retry %d of %d in %.1f s after %s",
                        what,
                        retry,
                        self.retry.max_attempts - 1,
                        delay,
                        type(error).__name__,
                    )
                    self._notify(retry, delay, error)
                    await self._sleep(delay)
                    continue
                if kind is RequestKind.CREATE and maybe_processed(error):
                    raise OutcomeUnknownError(
                        f"{what}: the request may have been processed, but no reliable "
                        f"answer arrived ({type(error).__name__}: {error}). "
                        "It was not sent again.",
                        error,
                    ) from error
                raise

    def _notify(self, retry: int, delay: float, error: SoundCloneError) -> None:
        if self._on_retry is None:
            return
        try:
            self._on_retry(retry, delay, error)
        except Exception:  # a status-line bug must not abort the request
            logger.exception("on_retry callback failed")
