"""The one error a manuscript import raises: a code for programs, a sentence for people."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class ManuscriptErrorCode(StrEnum):
    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"  # permission, a folder, an I/O error
    TOO_LARGE = "too-large"
    UNKNOWN_FORMAT = "unknown-format"
    NOT_TEXT = "not-text"  # a .txt/.md that is not text in a supported encoding
    CORRUPT = "corrupt"  # a broken ZIP, or an EPUB/DOCX missing what it must hold
    DRM = "drm"  # an encrypted (copy-protected) EPUB
    EMPTY = "empty"  # no text at all
    NO_TEXT = "no-text"  # an EPUB whose documents hold only images (a scanned book)


class ManuscriptError(Exception):
    """An import that failed as a whole: nothing of the file was imported.

    ``str(error)`` is a sentence that names the file and says what to do; the UI translates
    by ``code`` if it wants its own wording.
    """

    def __init__(self, code: ManuscriptErrorCode, path: Path, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.path = path
