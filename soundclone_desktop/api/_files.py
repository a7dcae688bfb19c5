"""File helpers: type sniffing, safe file names, and the streamed multipart upload body."""

from __future__ import annotations

import asyncio
import mimetypes
import re
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

from soundclone_desktop.api._constants import MAX_STEM_LENGTH, UPLOAD_CHUNK_SIZE
from soundclone_desktop.api.errors import InvalidFileError
from soundclone_desktop.api.models import FileKind, ProgressCallback
from soundclone_desktop.core.audio_format import sniff_audio

#: How many leading bytes `sniff_kind` looks at (audio needs fewer; subtitle text more).
SNIFF_BYTES = 64

_SRT_START = re.compile(rb"\A\d+[ \t]*\r?\n[^\r\n]*-->")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
# Names Windows refuses whatever the extension ("con.mp3" opens the console).
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


def sniff_kind(head: bytes) -> FileKind:
    """Guess a file's type from its first bytes; never trust the URL or Content-Type."""
    audio = sniff_audio(head)
    if audio is not None:
        return audio
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"WEBVTT"):
        return "vtt"
    if text[:1] in (b"[", b"{"):
        return "json"
    if _SRT_START.match(text):
        return "srt"
    return "bin"


def sanitise_stem(stem: str) -> str:
    """A file-name stem of `[A-Za-z0-9._-]` only, never hidden, reserved or a path."""
    safe = _UNSAFE.sub("_", stem)[:MAX_STEM_LENGTH]
    # No leading dot (hidden files, "..") and no trailing dot (Windows drops it).
    safe = safe.strip(".")
    if not safe:
        return "download"
    if safe.split(".")[0].upper() in _WINDOWS_RESERVED:
        safe = "_" + safe
    return safe


def upload_filename(path: Path) -> str:
    """The name sent with an upload.

    Servers tend to build the public URL from it, and the clone endpoint rejects URLs
    with Chinese characters, so non-ASCII names are replaced by a safe ASCII one.
    """
    name = path.name
    if name.isascii() and '"' not in name and "\\" not in name:
        return name
    stem = _UNSAFE.sub("_", path.stem).strip("._") or "upload"
    return f"{stem[:MAX_STEM_LENGTH]}{path.suffix.lower() if path.suffix.isascii() else ''}"


def content_type_for(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name, strict=False)
    return guessed or "application/octet-stream"


class MultipartUpload:
    """A one-field (`file`) multipart body streamed from an open file, with progress.

    The length is known in advance and sent as Content-Length: many servers (the
    stdlib's included) refuse chunked request bodies. Each `stream()` starts over from
    the beginning, so a resend after a connection failure sends the whole file again.
    """

    def __init__(
        self,
        handle: BinaryIO,
        *,
        filename: str,
        content_type: str,
        size: int,
        progress: ProgressCallback | None = None,
    ) -> None:
        self._handle = handle
        self._size = size
        self._progress = progress
        boundary = secrets.token_hex(16)
        self.content_type = f"multipart/form-data; boundary={boundary}"
        self._head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        self._tail = f"\r\n--{boundary}--\r\n".encode()

    @property
    def content_length(self) -> int:
        return len(self._head) + self._size + len(self._tail)

    def headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type, "Content-Length": str(self.content_length)}

    async def stream(self) -> AsyncIterator[bytes]:
        self._handle.seek(0)
        yield self._head
        sent = 0
        self._report(0)
        while sent < self._size:
            # Off the event loop: the file may sit on a slow or network drive.
            chunk = await asyncio.to_thread(
                self._handle.read, min(UPLOAD_CHUNK_SIZE, self._size - sent)
            )
            if not chunk:
                raise InvalidFileError("The file shrank while it was being uploaded.", "changed")
            sent += len(chunk)
            yield chunk
            self._report(sent)
        yield self._tail

    def _report(self, sent: int) -> None:
        if self._progress is not None:
            self._progress(sent, self._size)
