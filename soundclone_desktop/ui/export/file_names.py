"""The file names an export suggests: a clean stem from the script's first sentence, and the
extensions the dialog knows how to swap."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from soundclone_desktop.core.script import PAUSE_MARKER as _MARKER
from soundclone_desktop.core.subtitles.export import SubtitleFormat

AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".opus", ".m4a", ".flac", ".aac"}
SUBTITLE_SUFFIXES = {fmt.extension for fmt in SubtitleFormat}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_STEM_COLUMNS = 40
_STEM_TRAILING = " .,;:!?…。，、；：！？"
_SENTENCE_END = re.compile(r"[.!?…。！？](?:\s|$)|[。！？]")


def file_stem(title: str, script: str | None, audio: Path) -> str:
    """A clean file name from the script's first sentence (or the title): about 40 columns,
    cut at a word, without punctuation, pause markers or characters Windows refuses."""
    for candidate in (script or "", title):
        line = next((ln for ln in candidate.splitlines() if ln.strip()), "")
        # Up to the first sentence end, when that leaves a few words.
        first = _SENTENCE_END.split(line, maxsplit=1)[0]
        for text in (first, line) if len(first.strip()) >= 3 else (line,):
            stem = _clean_words(text)
            if stem:
                return _cut(stem, _STEM_COLUMNS).rstrip(_STEM_TRAILING)
    return audio.stem


def _clean_words(text: str) -> str:
    """Words joined by single spaces, without markers and punctuation. What a marker or a
    punctuation mark leaves between two CJK characters is no word break, so it goes."""
    gap = "\u0001"
    text = _MARKER.sub(gap, text)
    text = _UNSAFE.sub(gap, text)
    text = "".join(
        gap if unicodedata.category(ch).startswith("P") and not _inside_word(text, i) else ch
        for i, ch in enumerate(text)
    )
    text = re.sub(f"(?<=[^\\x00-\\u2e7f])[{gap} ]*{gap}[{gap} ]*(?=[^\\x00-\\u2e7f])", "", text)
    return " ".join(text.replace(gap, " ").split())


def _inside_word(text: str, index: int) -> bool:
    """``v1.5``, ``Smith's``, ``re-take``: an ASCII mark between two letters or digits stays."""
    ch = text[index]
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return (
        ch in ".'-_"
        and before.isascii()
        and before.isalnum()
        and after.isascii()
        and after.isalnum()
    )


def _cut(text: str, columns: int) -> str:
    """The start of ``text`` that fits ``columns`` (a CJK character takes two), ending at a
    space when a Latin word would otherwise be cut."""
    width = 0
    for index, ch in enumerate(text):
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if width > columns:
            head = text[:index]
            if ch.isascii() and ch.isalnum() and " " in head[columns // 3 :]:
                head = head[: head.rindex(" ")]
            return head
    return text


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
