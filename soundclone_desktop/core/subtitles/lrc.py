"""LRC lyrics: ``[mm:ss.xx]text`` lines, 10 ms resolution, and no end times.

What we write: one line per cue with its start, and an empty time line ``[mm:ss.xx]`` where
the cue ends whenever silence follows (before a gap, and after the last cue), the common way
to clear a lyric line. So our own LRC files carry end times too, and read back to within
5 ms of both ends (the 10 ms rounding); where the next cue starts within the same 10 ms as
the end, the end is the next start (also within 5 ms).

What we read: any number of time tags per line (the text repeats at each), ``[mm:ss]`` and
``[mm:ss:xx]`` variants, an ``[offset:±ms]`` tag (positive shows lyrics sooner), and
enhanced-LRC word stamps ``<mm:ss.xx>`` (dropped). A cue ends where the next time line
starts; a last cue with no end line lasts :data:`LAST_CUE_MS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .layout import Block
from .model import Cue, SubtitleFormatError, Subtitles
from .text import join_lines, normalize_text
from .timecode import lrc_time, parse_lrc_clock, steps

LAST_CUE_MS = 3000.0
"""How long a last lyric line without a closing time line is shown."""

_TAG = re.compile(r"\[([^\[\]]*)\]")
_WORD_STAMP = re.compile(r"<\d+:\d{1,2}(?:[.:]\d{1,3})?>")
_OFFSET = re.compile(r"^offset:\s*([+-]?\d{1,9})\s*$", re.IGNORECASE)
_ID_TAG = re.compile(r"^[A-Za-z#][A-Za-z0-9#]*\s*:", re.ASCII)


def looks_like_lrc(text: str) -> bool:
    """True when the first tagged line starts with a time tag or a known LRC ID tag."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        match = _TAG.match(line)
        if match is None:
            return False
        inside = match[1]
        return parse_lrc_clock(inside) is not None or bool(
            re.match(r"^(ar|ti|al|au|by|re|ve|length|offset|id|#)\s*:", inside, re.IGNORECASE)
        )
    return False


def read_lrc(text: str) -> Subtitles:
    offset = 0.0
    stamps: list[tuple[float, str]] = []  # (time, text); empty text marks an end
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        rest = line.strip()
        times: list[float] = []
        while (match := _TAG.match(rest)) is not None:
            inside = match[1]
            clock = parse_lrc_clock(inside)
            if clock is not None:
                times.append(clock)
            elif (shift := _OFFSET.match(inside)) is not None:
                offset = float(shift[1])
            elif _ID_TAG.match(inside) is None:
                break  # "[laughs] …": brackets that are part of the lyric
            rest = rest[match.end() :].lstrip()
        words = normalize_text(_WORD_STAMP.sub("", rest))
        stamps.extend((t, words) for t in times)
    if not stamps:
        raise SubtitleFormatError("The LRC file has no time tags such as “[00:01.50]”.")
    stamps.sort(key=lambda s: s[0])
    cues: list[Cue] = []
    for i, (start, words) in enumerate(stamps):
        if not words:
            continue
        end = stamps[i + 1][0] if i + 1 < len(stamps) else start + LAST_CUE_MS
        cues.append(Cue(words, max(0.0, start - offset), max(0.0, end - offset)))
    return Subtitles(tuple(cues))


def write_lrc(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for i, block in enumerate(blocks):
        lines.append(f"[{lrc_time(block.start_ms)}]{join_lines(block.lines)}")
        following = blocks[i + 1].start_ms if i + 1 < len(blocks) else None
        if following is None or steps(block.end_ms, 10) < steps(following, 10):
            lines.append(f"[{lrc_time(block.end_ms)}]")
    return "\n".join(lines) + "\n" if lines else ""
