"""SubRip (SRT) and WebVTT: numbered or identified blocks with a ``start --> end`` line.

Both are read by one reader: a cue is a block of lines separated by blank lines, with an
optional index or identifier line, a timing line and text lines. Markup (``<i>``, VTT's
``<c.x>`` and ``<00:00:01.000>`` karaoke stamps, SRT's ``{\\an8}``) is dropped and VTT
entities are decoded, so the text is what a viewer reads. A block without a timing line
after the first cue continues the previous cue's text (some SRT files put blank lines inside
a cue).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .layout import Block
from .model import Cue, SubtitleFormatError, Subtitles
from .text import join_lines
from .timecode import parse_clock, srt_time, vtt_time

_ARROW = re.compile(r"^\s*(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?P<settings>.*)$")
_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_VTT_SKIP = ("NOTE", "STYLE", "REGION")


def read_srt(text: str) -> Subtitles:
    return Subtitles(tuple(_read(text, vtt=False)))


def read_vtt(text: str) -> Subtitles:
    first = text.split("\n", 1)[0].strip()
    if not first.startswith("WEBVTT"):
        raise SubtitleFormatError("A WebVTT file must start with the line “WEBVTT”.")
    return Subtitles(tuple(_read(text, vtt=True)))


def _read(text: str, *, vtt: bool) -> list[Cue]:
    name = "WebVTT" if vtt else "SRT"
    cues: list[Cue] = []
    pending: list[str] = []  # text lines of the cue being read
    timing: tuple[float, float] | None = None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _blocks(lines)
    if vtt and blocks:
        blocks = blocks[1:]  # the WEBVTT header block

    def flush() -> None:
        if timing is not None:
            body = join_lines(_plain(line, vtt=vtt) for line in pending)
            if body:
                cues.append(Cue(body, timing[0], timing[1]))

    for number, block in blocks:
        at = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        if at is None:
            if vtt and block[0].split(" ", 1)[0].split("\t", 1)[0] in _VTT_SKIP:
                continue
            if timing is None:
                raise SubtitleFormatError(
                    f"Line {number} of the {name} file should start a cue with a time range "
                    f"such as “00:00:01{',' if not vtt else '.'}000 --> 00:00:02"
                    f"{',' if not vtt else '.'}500” (got “{_clip(block[0])}”)."
                )
            pending.append("")
            pending.extend(block)
            continue
        flush()
        timing = _timing(block[at], number + at, name)
        pending = list(block[at + 1 :])
    flush()
    cues.sort(key=lambda c: c.start_ms)
    return cues


def _blocks(lines: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the 1-based number of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line.rstrip())
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _timing(line: str, number: int, name: str) -> tuple[float, float]:
    match = _ARROW.match(line)
    start = end = None
    if match is not None:
        start, end = parse_clock(match["start"]), parse_clock(match["end"])
    if start is None or end is None:
        raise SubtitleFormatError(
            f"Line {number} of the {name} file is not a valid time range: “{_clip(line)}”."
        )
    if end < start:
        raise SubtitleFormatError(
            f"Line {number} of the {name} file ends before it starts: “{_clip(line)}”."
        )
    return start, end


def _plain(line: str, *, vtt: bool) -> str:
    line = _TAG.sub("", line)
    return html.unescape(line) if vtt else line


def _clip(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_srt(blocks: Sequence[Block]) -> str:
    parts = [
        f"{n}\n{srt_time(b.start_ms)} --> {srt_time(b.end_ms)}\n" + "\n".join(b.lines) + "\n"
        for n, b in enumerate(blocks, start=1)
    ]
    return "\n".join(parts)


def write_vtt(blocks: Sequence[Block]) -> str:
    parts = ["WEBVTT\n"]
    parts.extend(
        f"{vtt_time(b.start_ms)} --> {vtt_time(b.end_ms)}\n"
        + "\n".join(_escape_vtt(line) for line in b.lines)
        + "\n"
        for b in blocks
    )
    return "\n".join(parts)


def _escape_vtt(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
