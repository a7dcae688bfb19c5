"""Streaming a result file to disk: size cap, sniffed type, atomic rename."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Collection
from pathlib import Path
from typing import BinaryIO

import httpx

from soundclone_desktop.api._constants import DOWNLOAD_CHUNK_SIZE, MAX_REDIRECTS
from soundclone_desktop.api._files import SNIFF_BYTES, sanitise_stem, sniff_kind
from soundclone_desktop.api._retry import RequestKind, parse_retry_after
from soundclone_desktop.api._transport import Transport, loggable, translate
from soundclone_desktop.api.errors import (
    AuthenticationError,
    DownloadError,
    DownloadStorageError,
    DownloadTooLarge,
    RateLimitError,
    ServerError,
    UnexpectedContentError,
)
from soundclone_desktop.api.models import Downloaded, FileKind, ProgressCallback
from soundclone_desktop.api.redact import REDACTED, scrub, scrub_excerpt, spellings
from soundclone_desktop.core.storage import storage_cause

logger = logging.getLogger("soundclone_desktop.api")

# How much of an unexpected body a message quotes (scrubbed), and which kinds are text
# whose copy on disk is scrubbed of the key before it gets its final name.
_QUOTED_CHARS = 16
_TEXT_KINDS: frozenset[FileKind] = frozenset({"json", "srt", "vtt"})
_MAX_SCRUBBED_BYTES = 16 * 1024 * 1024


async def download(
    transport: Transport,
    url: str,
    dest_dir: Path,
    stem: str,
    *,
    max_bytes: int,
    progress: ProgressCallback | None,
    expect: Collection[str] | None = None,
) -> Downloaded:
    """Fetch *url* into `dest_dir/<stem>.<kind>`; see `SoundCloneClient.download`."""
    secrets = _secrets(transport)
    start = httpx.URL(url)
    if not _is_web_address(start):
        raise DownloadError(f"Not a downloadable address: {scrub(loggable(start), secrets)}")
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _raise_if_storage(exc, dest_dir)
        raise
    safe = sanitise_stem(stem)
    part = dest_dir / f"{safe}.part"
    what = scrub(f"GET {loggable(start)}", secrets)

    async def attempt() -> Downloaded:
        try:
            head, size = await _fetch(transport, start, part, max_bytes, progress, what)
            kind = sniff_kind(head)
            if expect is not None and kind not in expect:
                # The body is the server's text (an error page, perhaps echoing the key):
                # quote only a scrubbed excerpt.
                quoted = scrub_excerpt(head.decode("utf-8", "replace"), _QUOTED_CHARS, secrets)
                raise UnexpectedContentError(
                    f"{what}: expected {'/'.join(sorted(expect))}, got {kind} "
                    f"({size} bytes starting {quoted!r}).",
                    kind,
                )
            if kind in _TEXT_KINDS and size <= _MAX_SCRUBBED_BYTES:
                await asyncio.to_thread(_scrub_file, part, secrets)
            final = dest_dir / f"{safe}.{kind}"
            os.replace(part, final)  # atomic: readers see the old file or the whole new one
        except OSError as exc:  # the network's errors arrive translated: this is the disk
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
            _raise_if_storage(exc, dest_dir)
            raise
        except BaseException:
            # Whatever went wrong (cancellation included), no half file is left behind.
            part.unlink(missing_ok=True)
            raise
        # An fsync can take tens of ms: never on the caller's (the GUI's) thread.
        await asyncio.to_thread(_sync_dir, dest_dir)
        logger.debug("%s -> %s (%d bytes)", what, final.name, size)
        return Downloaded(path=final, kind=kind, size=size)

    return await transport.run(attempt, kind=RequestKind.READ, what=what)


async def _fetch(
    transport: Transport,
    url: httpx.URL,
    part: Path,
    max_bytes: int,
    progress: ProgressCallback | None,
    what: str,
) -> tuple[bytes, int]:
    # Redirects are followed by hand so that each hop gets its own headers: the token
    # goes to the API's origin only, never to a CDN or any other host.
    for _ in range(MAX_REDIRECTS + 1):
        request = transport.http.build_request("GET", url, headers=transport.auth_headers(url))
        try:
            response = await transport.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise translate(exc, what) from exc
        try:
            location = response.headers.get("Location")
            if response.is_redirect and location:
                url = url.join(location)
                if not _is_web_address(url):
                    # file://, ftp:// …: never followed, and no retry can change that.
                    raise DownloadError(
                        f"{what}: the server redirected to a {url.scheme or 'non-web'}: "
                        "address, which is not downloaded.",
                        http_status=response.status_code,
                    )
                continue
            _check_status(response, what)
            return await _save(response, part, max_bytes, progress, what)
        except httpx.HTTPError as exc:
            raise translate(exc, what) from exc
        finally:
            await response.aclose()
    raise DownloadError(f"{what}: too many redirects.")


def _is_web_address(url: httpx.URL) -> bool:
    return url.scheme in ("http", "https") and bool(url.host)


def _secrets(transport: Transport) -> list[str]:
    """The key to scrub from what the server sends back (none yet: nothing to scrub)."""
    try:
        return [transport.token()]
    except AuthenticationError:
        return []


def _scrub_file(path: Path, secrets: list[str]) -> None:
    """Replace the key (any spelling) in a downloaded text file, in place."""
    forms = sorted(
        {form.encode() for secret in secrets for form in spellings(secret)}, key=len, reverse=True
    )
    if not forms:
        return
    data = path.read_bytes()
    cleaned = data
    for form in forms:
        cleaned = cleaned.replace(form, REDACTED.encode())
    if cleaned != data:
        logger.warning("A downloaded file contained the API key; it was removed from the copy.")
        with path.open("wb") as handle:
            handle.write(cleaned)
            handle.flush()
            os.fsync(handle.fileno())


def _check_status(response: httpx.Response, what: str) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    message = f"{what}: HTTP {status}"
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        raise RateLimitError(message, None, status, retry_after=retry_after)
    if status >= 500:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        raise ServerError(message, None, status, retry_after=retry_after)
    raise DownloadError(message, http_status=status)


def _raise_if_storage(exc: OSError, folder: Path) -> None:
    """A lasting disk condition (full, read-only, no permission) becomes a non-retryable
    :class:`DownloadStorageError`; any other ``OSError`` is left to the caller."""
    cause = storage_cause(exc)
    if cause is not None:
        message = f"Cannot write to {folder}: {exc.strerror or exc}."
        raise DownloadStorageError(message, folder, cause) from exc


def _too_large(what: str, max_bytes: int) -> DownloadTooLarge:
    return DownloadTooLarge(f"{what}: the file is larger than {max_bytes} bytes.", max_bytes)


async def _save(
    response: httpx.Response,
    part: Path,
    max_bytes: int,
    progress: ProgressCallback | None,
    what: str,
) -> tuple[bytes, int]:
    declared = response.headers.get("Content-Length")
    total = int(declared) if declared and declared.isdigit() else None
    if total is not None and total > max_bytes:
        raise _too_large(what, max_bytes)
    head = b""
    received = 0
    with part.open("wb") as handle:
        if progress is not None:
            progress(0, total)
        # aiter_bytes() undoes any Content-Encoding, so the cap counts decoded bytes.
        async for chunk in response.aiter_bytes(DOWNLOAD_CHUNK_SIZE):
            received += len(chunk)
            if received > max_bytes:
                raise _too_large(what, max_bytes)
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            handle.write(chunk)
            if progress is not None:
                progress(received, total)
        await _flush_to_disk(handle)
    return head, received


async def _flush_to_disk(handle: BinaryIO) -> None:
    # The rename must not become visible before the data is on disk, or a crash could
    # leave a complete-looking name with missing content.
    handle.flush()
    await asyncio.to_thread(os.fsync, handle.fileno())


def _sync_dir(directory: Path) -> None:
    """Persist the rename itself (POSIX); Windows cannot open directories, so skip there."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
