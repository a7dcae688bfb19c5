"""Reading a subtitle file of unknown format: decode the bytes, sniff, parse.

Sniffing (the API reference §12 advises it: the service documents no format):

- ``{`` or ``[`` that is not an LRC time/ID tag or an ASS section → MiniMax JSON;
- ``WEBVTT`` → WebVTT; ``[Script Info]`` (or an ``[Events]`` section) → ASS;
- a leading ``[mm:ss.xx]`` or LRC ID tag → LRC;
- a ``-->`` time range within the first lines → SRT.

Bytes: a UTF-8 or UTF-16 byte-order mark is honoured; otherwise UTF-8, and failing that
GB18030 (Chinese subtitle files saved on Windows are often GBK, which it includes). Every
failure is a :class:`SubtitleFormatError` whose message can be shown as it is.
"""

from __future__ import annotations

import codecs
import json

from .ass import looks_like_ass, read_ass
from .lrc import looks_like_lrc, read_lrc
from .minimax import parse_minimax
from .model import SubtitleFormatError, Subtitles
from .srt import read_srt, read_vtt

_SNIFF_LINES = 8


def parse_subtitles(data: bytes) -> Subtitles:
    """Subtitles from a file's bytes; raises :class:`SubtitleFormatError` if unreadable."""
    text = decode(data).lstrip("\ufeff")
    body = text.lstrip()
    if not body:
        raise SubtitleFormatError("The subtitle file is empty.")
    if body.startswith("WEBVTT"):
        return read_vtt(body)
    if body.startswith("["):
        if looks_like_ass(body):
            return read_ass(body)
        if looks_like_lrc(body):
            return read_lrc(body)
    if body.startswith(("{", "[")):
        return _read_json(body)
    if looks_like_ass(body):
        return read_ass(body)
    head = body.splitlines()[:_SNIFF_LINES]
    if any("-->" in line for line in head):
        return read_srt(body)
    first = head[0].strip()
    shown = first if len(first) <= 40 else first[:39] + "…"
    raise SubtitleFormatError(
        "The subtitle file is in no format we know (MiniMax JSON, SRT, WebVTT, LRC or ASS); "
        f"it starts with “{shown}”."
    )


def decode(data: bytes) -> str:
    """The text of a subtitle file (see the module doc for the encodings tried)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SubtitleFormatError(
                    f"The subtitle file starts as {encoding.upper()} text but is not valid "
                    f"{encoding.upper()} at byte {exc.start}."
                ) from None
    if b"\x00" in data:
        raise SubtitleFormatError("The subtitle file is binary data, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise SubtitleFormatError(
            "The subtitle file is not text in UTF-8 (or GB18030) encoding."
        ) from None


def _read_json(body: str) -> Subtitles:
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        raise SubtitleFormatError(
            f"The subtitle file looks like JSON but is not valid JSON: {exc.msg} at line "
            f"{exc.lineno}, column {exc.colno}."
        ) from None
    except ValueError as exc:  # a number too long to convert
        raise SubtitleFormatError(f"The subtitle JSON cannot be read: {exc}.") from None
    except RecursionError:
        raise SubtitleFormatError("The subtitle JSON is nested too deeply.") from None
    return parse_minimax(value)
