"""The public file store behind ``/files/...``: uploads, task audio and subtitle files.

Audio is synthesised on first download, not when the task completes, so a completed task
costs nothing until someone listens to it.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

UPLOAD_TYPES: dict[str, str] = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "webp": "image/webp", "bmp": "image/bmp", "svg": "image/svg+xml",
    "mp4": "video/mp4", "mov": "video/quicktime", "avi": "video/x-msvideo", "webm": "video/webm",
    "mkv": "video/x-matroska", "m4v": "video/x-m4v", "flv": "video/x-flv",
    "mp3": "audio/mpeg", "wav": "audio/wav", "aac": "audio/aac", "m4a": "audio/mp4",
    "flac": "audio/flac", "ogg": "audio/ogg",
}  # fmt: skip
"""Upload formats of reference §7, with the MIME type reported back."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class StoredFile:
    content_type: str
    data: bytes | None = None
    producer: Callable[[], bytes] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def read(self) -> bytes:
        with self.lock:
            if self.data is None:
                assert self.producer is not None, "a stored file has data or a producer"
                self.data = self.producer()
                self.producer = None
            return self.data


def safe_name(filename: str, extension: str) -> str:
    """An ASCII-only URL name: the clone endpoint refuses Chinese characters in ``fileUrl``."""
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    stem = _UNSAFE.sub("_", stem).strip("._")[:80] or "upload"
    return f"{stem}.{extension}"


class FileStore:
    def __init__(self) -> None:
        self._files: dict[str, StoredFile] = {}
        self._lock = threading.Lock()

    def put(self, path: str, content_type: str, data: bytes) -> None:
        with self._lock:
            self._files[path] = StoredFile(content_type, data=data)

    def put_lazy(self, path: str, content_type: str, producer: Callable[[], bytes]) -> None:
        with self._lock:
            self._files[path] = StoredFile(content_type, producer=producer)

    def get(self, path: str) -> StoredFile | None:
        with self._lock:
            return self._files.get(path)

    def upload_path(self, filename: str, extension: str) -> str:
        return f"/files/uploads/{uuid.uuid4().hex}/{safe_name(filename, extension)}"
