"""Subtitles a server sent inside the task answer instead of as a link: check, then save.

Some servers put the subtitle list itself (or its JSON text, or SRT/WebVTT text) into
``subtitleFile``. It is saved like a downloaded file, ``<stem>.<ext>`` in the results folder,
only if it parses: a ``SubtitleFormatError`` (a ``ValueError``) says why it could not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from soundclone_desktop.core.subtitles import parse_subtitles
from soundclone_desktop.store.atomic import atomic_write_bytes

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def save_inline_subtitles(text: str, dest_dir: Path, stem: str) -> Path:
    """Write *text* as ``dest_dir/<stem>.<ext>`` (json, vtt or srt) once it parses."""
    data = text.encode("utf-8")
    parse_subtitles(data)  # raises SubtitleFormatError with a sentence
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / f"{_safe(stem)}.{_extension(text)}"
    atomic_write_bytes(path, data)
    return path


def _extension(text: str) -> str:
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("WEBVTT"):
        return "vtt"
    try:
        json.loads(body)
    except ValueError:
        return "srt"
    return "json"


def _safe(stem: str) -> str:
    """A file-name stem that stays inside the folder (task ids come from the server)."""
    return _UNSAFE.sub("_", stem).strip(".") or "subtitles"
