"""Advanced SubStation Alpha (ASS): the script header, one style, one Dialogue per cue.

Times have 10 ms resolution (``0:00:01.50``), so a cue read back is within 5 ms of the cue
written. Lines are joined with ``\\N``. ASS has no escape for ``{``, ``}`` and ``\\`` (they
start override tags), so the writer replaces them with their fullwidth forms ``｛｝＼``;
the reader drops override blocks ``{…}`` and turns ``\\N``/``\\n`` into line breaks and
``\\h`` into a space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .layout import Block
from .model import Cue, SubtitleFormatError, Subtitles
from .text import join_lines
from .timecode import ass_time, parse_clock

DEFAULT_FORMAT = (
    "Layer",
    "Start",
    "End",
    "Style",
    "Name",
    "MarginL",
    "MarginR",
    "MarginV",
    "Effect",
    "Text",
)

_HEADER = """[Script Info]
ScriptType: v4.00+
WrapStyle: 2
ScaledBorderAndShadow: yes
PlayResX: 1920
PlayResY: 1080
YCbCr Matrix: None

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,64,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,\
1,2,60,60,50,1

[Events]
Format: {format}
"""
_OVERRIDE = re.compile(r"\{[^{}]*\}")
_BREAK = re.compile(r"\\[Nn]")


def looks_like_ass(text: str) -> bool:
    head = text.lstrip()[:4096].lower()
    return head.startswith("[script info]") or "\n[events]" in head


def read_ass(text: str) -> Subtitles:
    fields = list(DEFAULT_FORMAT)
    cues: list[Cue] = []
    in_events = False
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            in_events = line.lower() == "[events]"
            continue
        if not in_events:
            continue
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key == "format":
            fields = [f.strip() for f in value.split(",")]
            if "Start" not in fields or "End" not in fields or fields[-1] != "Text":
                raise SubtitleFormatError(
                    f"Line {number} of the ASS file: the event format must list Start, End "
                    "and, last, Text."
                )
        elif key == "dialogue":
            cue = _dialogue(value, fields, number)
            if cue is not None:
                cues.append(cue)
    cues.sort(key=lambda c: c.start_ms)
    return Subtitles(tuple(cues))


def _dialogue(value: str, fields: list[str], number: int) -> Cue | None:
    parts = value.lstrip().split(",", len(fields) - 1)
    if len(parts) != len(fields):
        raise SubtitleFormatError(
            f"Line {number} of the ASS file has {len(parts)} fields; the format lists "
            f"{len(fields)}."
        )
    row = dict(zip(fields, parts, strict=True))
    start, end = parse_clock(row["Start"]), parse_clock(row["End"])
    if start is None or end is None or end < start:
        raise SubtitleFormatError(
            f"Line {number} of the ASS file has no valid Start and End "
            f"(got {row['Start'].strip()} and {row['End'].strip()})."
        )
    body = _OVERRIDE.sub("", row["Text"]).replace("\\h", " ")
    text = join_lines(_BREAK.split(body))
    return Cue(text, start, end) if text else None


def write_ass(blocks: Sequence[Block]) -> str:
    out = [_HEADER.format(format=", ".join(DEFAULT_FORMAT))]
    for block in blocks:
        body = "\\N".join(_escape(line) for line in block.lines)
        out.append(
            f"Dialogue: 0,{ass_time(block.start_ms)},{ass_time(block.end_ms)},Default,,0,0,0,,"
            f"{body}\n"
        )
    return "".join(out)


def _escape(line: str) -> str:
    return line.replace("\\", "＼").replace("{", "｛").replace("}", "｝")
