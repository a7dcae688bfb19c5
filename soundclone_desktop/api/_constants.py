"""Defaults for the SoundClone HTTP client, kept in one place."""

from __future__ import annotations

from typing import Final

import httpx

from soundclone_desktop import __version__

USER_AGENT: Final = f"SoundCloneDesktop/{__version__}"

# Every documented endpoint lives under this prefix (reference §2).
API_PREFIX: Final = "/api/open-api/v1/"

# Envelope codes (reference §3). The server may send them as int or as string.
SUCCESS_CODE: Final = 20000
AUTH_FAILED_CODE: Final = 20001
BAD_REQUEST_CODE: Final = 20002
SERVER_ERROR_CODE: Final = -1

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
# A 100 MB upload on a slow uplink can stall a single write while the socket buffer
# drains, and the server may take a while to store the file before it answers.
UPLOAD_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0, write=120.0, read=120.0)

# Retry schedule: the reference suggests about 5 s, 10 s, 20 s after a `-1` answer.
DEFAULT_MAX_ATTEMPTS: Final = 4
DEFAULT_BASE_DELAY: Final = 5.0
DEFAULT_MAX_DELAY: Final = 20.0
DEFAULT_JITTER: Final = 0.25
# A server-sent Retry-After is obeyed up to this many seconds (anthropic-sdk's bound).
MAX_RETRY_AFTER: Final = 60.0

# "100 MB" per file (reference §7). Decimal megabytes are the safe reading: a file the
# server might reject is refused here before a long upload, not after it.
MAX_UPLOAD_BYTES: Final = 100_000_000
UPLOAD_CHUNK_SIZE: Final = 256 * 1024

# What the upload endpoint accepts (reference §7): images, video, audio.
UPLOAD_EXTENSIONS: Final = frozenset(
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg",
        ".mp4", ".mov", ".avi", ".webm", ".mkv", ".m4v", ".flv",
        ".mp3", ".wav", ".aac", ".m4a", ".flac", ".ogg",
    }
)  # fmt: skip
# What the clone endpoint accepts as a voice source (reference §4). A subset of the above:
# `.flac`, `.webm` and `.m4v` upload fine but cannot be cloned.
CLONE_SOURCE_EXTENSIONS: Final = frozenset(
    {".mp3", ".ogg", ".wav", ".m4a", ".aac", ".mp4", ".avi", ".mov", ".mkv", ".flv"}
)

# Results are a few minutes of speech; anything far larger is not audio we asked for.
DEFAULT_MAX_DOWNLOAD_BYTES: Final = 100 * 1024 * 1024
DOWNLOAD_CHUNK_SIZE: Final = 64 * 1024
MAX_REDIRECTS: Final = 5
MAX_STEM_LENGTH: Final = 100
