"""`SoundCloneClient`: the async client for the SoundClone (JimmyAI) voice-cloning API."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar
from urllib.parse import quote

import httpx

from soundclone_desktop.api import _download
from soundclone_desktop.api._constants import (
    DEFAULT_MAX_DOWNLOAD_BYTES,
    MAX_UPLOAD_BYTES,
    UPLOAD_EXTENSIONS,
    UPLOAD_TIMEOUT,
)
from soundclone_desktop.api._envelope import Envelope
from soundclone_desktop.api._files import MultipartUpload, content_type_for, upload_filename
from soundclone_desktop.api._retry import RequestKind, RetryPolicy
from soundclone_desktop.api._transport import (
    RetryCallback,
    SleepFunction,
    TokenSource,
    Transport,
)
from soundclone_desktop.api.errors import InvalidFileError, MalformedResponseError
from soundclone_desktop.api.models import (
    Balance,
    Downloaded,
    FileKind,
    KeyQuota,
    ProgressCallback,
    SupportsToJson,
    TaskInfo,
    UploadResult,
)

T = TypeVar("T")


def _data(build: Callable[[object], T]) -> Callable[[Envelope], T]:
    """A parser that insists on the envelope's `data` object, then builds the model."""

    def parse(envelope: Envelope) -> T:
        if not envelope.has_data:
            raise MalformedResponseError("The answer's envelope has no data object.")
        return build(envelope.data)

    return parse


class SoundCloneClient:
    """Async client for the SoundClone API. Use it as an async context manager.

    *token* is the API key or a zero-argument callable returning it; it is read before
    every request, sent only to the API's own origin, and never logged or put into an
    exception. *retry* sets the backoff schedule; *sleep* replaces `asyncio.sleep`
    between retries (tests); *on_retry(retry, delay, error)* is called before each wait
    so a UI can show "reconnecting…". *transport* is an httpx transport (tests).

    Reads (`get_task`, `get_balance`, `get_key_quota`, `download`) are retried after any
    retryable error. Creates (`create_preview`, `create_audio`) and `upload_file` are
    resent only when the request provably was not processed; a create that may have
    been processed raises `OutcomeUnknownError` instead.
    """

    def __init__(
        self,
        base_url: str,
        token: TokenSource,
        *,
        timeout: httpx.Timeout | float | None = None,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        on_retry: RetryCallback | None = None,
        sleep: SleepFunction | None = None,
        upload_timeout: httpx.Timeout | None = None,
    ) -> None:
        if isinstance(timeout, int | float):
            timeout = httpx.Timeout(float(timeout), connect=min(5.0, float(timeout)))
        self._transport = Transport(
            base_url,
            token,
            timeout=timeout,
            retry=retry,
            transport=transport,
            sleep=sleep,
            on_retry=on_retry,
        )
        self._upload_timeout = upload_timeout or UPLOAD_TIMEOUT

    def __repr__(self) -> str:
        return f"SoundCloneClient({str(self._transport.api_root)!r})"

    @property
    def base_url(self) -> str:
        """The normalised API root, ending in `/api/open-api/v1/`."""
        return str(self._transport.api_root)

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._transport.retry

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool. Call it while the event loop is still running."""
        await self._transport.aclose()

    async def upload_file(
        self, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None
    ) -> UploadResult:
        """Upload a local file; the result's `url` can be a preview's `fileUrl`.

        The size (≤ 100 MB) and extension are checked before anything is sent
        (`InvalidFileError`). *progress(sent, total)* reports file bytes. A missing or
        unreadable file raises `OSError`.
        """
        file = Path(path)
        extension = file.suffix.lower()
        if extension not in UPLOAD_EXTENSIONS:
            raise InvalidFileError(
                f"Files of type {extension or '(none)'!r} cannot be uploaded.", "extension"
            )
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_UPLOAD_BYTES:
                raise InvalidFileError(
                    f"The file is {size} bytes; the upload limit is {MAX_UPLOAD_BYTES}.",
                    "too-large",
                )
            body = MultipartUpload(
                handle,
                filename=upload_filename(file),
                content_type=content_type_for(file),
                size=size,
                progress=progress,
            )
            return await self._transport.call_api(
                "POST",
                "files/upload",
                _data(UploadResult.from_data),
                kind=RequestKind.UPLOAD,
                upload=body,
                timeout=self._upload_timeout,
            )

    async def create_preview(self, params: SupportsToJson) -> TaskInfo:
        """Start a voice-clone preview task (`params`: core's `PreviewParams`)."""
        return await self._create("soundCloning/clones", params)

    async def create_audio(self, params: SupportsToJson) -> TaskInfo:
        """Start a production speech task (`params`: core's `ProductionParams`)."""
        return await self._create("soundCloning/audios", params)

    async def get_task(self, task_id: str) -> TaskInfo:
        """The current state of a preview or production task."""
        if not task_id or task_id.strip(".") == "":
            raise ValueError("A task id is required.")
        return await self._transport.call_api(
            "GET",
            f"audios/{quote(task_id, safe='')}",
            _data(TaskInfo.from_data),
            kind=RequestKind.READ,
        )

    async def get_balance(self) -> Balance:
        """The account balance (`/user/balance`); any figure may be None."""
        return await self._transport.call_api(
            "GET", "user/balance", _data(Balance.from_data), kind=RequestKind.READ
        )

    async def get_key_quota(self) -> KeyQuota:
        """This API key's own quota (`/key/balance`)."""
        return await self._transport.call_api(
            "GET", "key/balance", _data(KeyQuota.from_data), kind=RequestKind.READ
        )

    async def download(
        self,
        url: str,
        dest_dir: str | os.PathLike[str],
        stem: str,
        *,
        max_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES,
        progress: ProgressCallback | None = None,
        expect: Collection[FileKind] | None = None,
    ) -> Downloaded:
        """Save a result file as `dest_dir/<stem>.<kind>` and return where it went.

        Streamed to `<stem>.part`, capped at *max_bytes* (`DownloadTooLarge`; the part
        file is removed on any failure), typed from its first bytes (`kind`: mp3, wav,
        ogg, flac, m4a, aac, json, srt or bin), flushed to disk, then renamed atomically
        (an existing file of that name is replaced). *stem* is reduced to
        `[A-Za-z0-9._-]`, so it cannot leave *dest_dir*. The API key is sent only when
        *url* is on the API's own origin. *progress(received, total)*; total may be None.
        With *expect* (e.g. `AUDIO_KINDS`), any other kind raises `UnexpectedContentError`,
        which is retried like any read: an error page served with HTTP 200 is not audio.
        """
        return await _download.download(
            self._transport,
            url,
            Path(dest_dir),
            stem,
            max_bytes=max_bytes,
            progress=progress,
            expect=expect,
        )

    async def _create(self, path: str, params: SupportsToJson) -> TaskInfo:
        return await self._transport.call_api(
            "POST",
            path,
            _data(TaskInfo.from_data),
            kind=RequestKind.CREATE,
            json=params.to_json(),
        )
