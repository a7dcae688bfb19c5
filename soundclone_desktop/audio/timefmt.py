"""Clock-style durations for players: ``0:04``, ``12:05``, ``1:02:03``; ``0:03.9`` in tenths.

Times are rounded to the nearest unit shown, never cut: 3.98 s is ``0:04`` (or ``0:04.0``),
not ``0:03``, so a clip's length reads the way a person would say it.
"""

from __future__ import annotations

__all__ = ["TENTHS_BELOW_MS", "format_clock", "format_position"]

TENTHS_BELOW_MS = 60_000  # a clip shorter than a minute is timed in tenths of a second


def format_clock(ms: int, *, tenths: bool = False) -> str:
    """``m:ss`` below an hour, ``h:mm:ss`` from an hour on; ``m:ss.t`` with ``tenths``;
    negative or unknown is 0:00."""
    unit = 100 if tenths else 1000
    count = (max(0, ms) + unit // 2) // unit  # round half up
    seconds, tenth = divmod(count, 10) if tenths else (count, 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{text}.{tenth}" if tenths else text


def format_position(position_ms: int, duration_ms: int) -> str:
    """``0:03.2 / 0:04.0`` for a clip under a minute, ``0:03 / 1:25`` above; both sides use
    hours when the total does, so the width stays put."""
    if 0 < duration_ms < TENTHS_BELOW_MS:
        return (
            f"{format_clock(position_ms, tenths=True)} / {format_clock(duration_ms, tenths=True)}"
        )
    if duration_ms >= 3_600_000 and position_ms < 3_600_000:
        seconds = (max(0, position_ms) + 500) // 1000
        return f"0:{seconds // 60:02d}:{seconds % 60:02d} / {format_clock(duration_ms)}"
    return f"{format_clock(position_ms)} / {format_clock(duration_ms)}"
