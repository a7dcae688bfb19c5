"""Plain-text manuscripts: the app's decoding rule, then plain-text chapter detection."""

from __future__ import annotations

import re
from pathlib import Path

from soundclone_desktop.core.book.chapters import detect_chapters
from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.text_decoding import decode_text

from .errors import ManuscriptError, ManuscriptErrorCode


def decode_or_raise(path: Path, data: bytes) -> str:
    """The file's text (see :func:`decode_text`), or a NOT_TEXT error naming the file."""
    text = decode_text(data)
    if text is None:
        raise ManuscriptError(
            ManuscriptErrorCode.NOT_TEXT,
            path,
            f"“{path.name}” is not readable text. Save it as UTF-8 (or GB18030) plain text "
            "and import it again.",
        )
    return text


def read_text(path: Path, data: bytes, pattern: re.Pattern[str] | None = None) -> Manuscript:
    text = decode_or_raise(path, data)
    return Manuscript(title=path.stem, chapters=detect_chapters(text, pattern))
