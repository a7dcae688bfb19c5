"""The ends of a numeric parameter's range as the UI writes them, for translated sentences.

The numbers come from core's field table, so a sentence such as "The speed is out of range
({low} to {high})." never repeats a range by hand.
"""

from __future__ import annotations

from soundclone_desktop.core.parameters import format_number, spec_of


def number_text(value: float) -> str:
    """``value`` as the UI shows it: ``0.5``, ``2``, ``−12`` (a true minus sign)."""
    return format_number(value).replace("-", "\u2212")


def bounds(name: str) -> dict[str, str]:
    """``{"low": …, "high": …}`` of the numeric parameter ``name`` (``"speed"``), for
    ``str.format``."""
    allowed = spec_of(name).range
    assert allowed is not None, name
    return {"low": number_text(allowed.low), "high": number_text(allowed.high)}
