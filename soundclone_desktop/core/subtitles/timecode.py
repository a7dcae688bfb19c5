"""Timestamps of the subtitle formats, written and read.

=====  ======================  ==========
SRT    ``00:00:01,500``        1 ms
VTT    ``00:00:01.500``        1 ms
ASS    ``0:00:01.50``          10 ms
LRC    ``[00:01.50]``          10 ms
=====  ======================  ==========

Writing rounds half up to the format's resolution, so a time read back is within half a
step of the time written. Negative times are written as zero.
"""

from __future__ import annotations

import math
import re

_CLOCK = re.compile(r"^(?:(?P<h>\d{1,6}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<f>\d{1,3}))?$")
_LRC_CLOCK = re.compile(r"^(?P<m>\d{1,7}):(?P<s>\d{1,2})(?:[.:](?P<f>\d{1,3}))?$")


def steps(ms: float, step: int) -> int:
    """``ms`` in whole ``step``-millisecond units, rounded half up, never below zero."""
    return max(0, math.floor(ms / step + 0.5))


def _hms(total_ms: int) -> tuple[int, int, int, int]:
    seconds, milli = divmod(total_ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, seconds, milli


def srt_time(ms: float) -> str:
    h, m, s, milli = _hms(steps(ms, 1))
    return f"{h:02d}:{m:02d}:{s:02d},{milli:03d}"


def vtt_time(ms: float) -> str:
    h, m, s, milli = _hms(steps(ms, 1))
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def ass_time(ms: float) -> str:
    h, m, s, milli = _hms(steps(ms, 10) * 10)
    return f"{h:d}:{m:02d}:{s:02d}.{milli // 10:02d}"


def lrc_time(ms: float) -> str:
    """``mm:ss.xx`` (minutes grow past 99 rather than wrap; readers take any digits)."""
    total = steps(ms, 10) * 10
    minutes, rest = divmod(total, 60_000)
    return f"{minutes:02d}:{rest // 1000:02d}.{rest % 1000 // 10:02d}"


def _fraction_ms(fraction: str | None) -> int:
    # "5" is half a second, "05" fifty milliseconds: the digits are a decimal fraction.
    return int(fraction.ljust(3, "0")) if fraction else 0


def parse_clock(text: str) -> float | None:
    """Milliseconds of ``[h:]mm:ss[.,]fff`` (SRT, VTT, ASS), or ``None`` if it is not one."""
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    minutes, seconds = int(match["m"]), int(match["s"])
    if (minutes > 59 and match["h"] is not None) or seconds > 59:
        return None
    hours = int(match["h"] or 0)
    return float(((hours * 60 + minutes) * 60 + seconds) * 1000 + _fraction_ms(match["f"]))


def parse_lrc_clock(text: str) -> float | None:
    """Milliseconds of an LRC time tag's inside (``mm:ss.xx``, ``mm:ss:xx``, ``mm:ss``)."""
    match = _LRC_CLOCK.match(text.strip())
    if match is None or int(match["s"]) > 59:
        return None
    return float((int(match["m"]) * 60 + int(match["s"])) * 1000 + _fraction_ms(match["f"]))
