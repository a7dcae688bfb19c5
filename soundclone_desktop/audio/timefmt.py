"""Clock-style durations for players: ``0:03``, ``12:05``, ``1:02:03``."""

from __future__ import annotations

__all__ = ["format_clock", "format_position"]


def format_clock(ms: int) -> str:
    """``m:ss`` below an hour, ``h:mm:ss`` from an hour on; negative or unknown is 0:00."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_position(position_ms: int, duration_ms: int) -> str:
    """``0:03 / 1:25``; both sides use hours when the total does, so the width stays put."""
    if duration_ms >= 3_600_000 and position_ms < 3_600_000:
        seconds = max(0, position_ms) // 1000
        return f"0:{seconds // 60:02d}:{seconds % 60:02d} / {format_clock(duration_ms)}"
    return f"{format_clock(position_ms)} / {format_clock(duration_ms)}"
