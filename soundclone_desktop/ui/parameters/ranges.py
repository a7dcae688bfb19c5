"""The numeric parameters' ranges as the form offers and words them, from core's table.

The numbers come from :mod:`soundclone_desktop.core.parameters`, so neither the spin boxes
nor a sentence such as "The speed is out of range ({low} to {high})." repeat a range by hand.
"""

from __future__ import annotations

from soundclone_desktop.core.parameters import NumberRange, format_number, spec_of

FORM_STEP = 0.01  # the form's precision: hundredths (core keeps loaded values to hundredths too)


def number_text(value: float) -> str:
    """``value`` as the UI shows it: ``0.5``, ``2``, ``−12`` (a true minus sign)."""
    return format_number(value).replace("-", "\u2212")


def _range(name: str) -> NumberRange:
    allowed = spec_of(name).range
    assert allowed is not None, name
    return allowed


def form_range(name: str) -> tuple[float, float]:
    """The lowest and highest value the form offers for ``name``: an excluded low end
    (volume 0) is replaced by the next value the form can show."""
    allowed = _range(name)
    low = allowed.low + FORM_STEP if allowed.low_open else allowed.low
    return round(low, 2), allowed.high


def bounds(name: str) -> dict[str, str]:
    """``low``, ``high`` and ``lowest`` (the form's lowest value) of the numeric parameter
    ``name`` (``"speed"``) as text, for ``str.format``."""
    allowed = _range(name)
    lowest, _high = form_range(name)
    return {
        "low": number_text(allowed.low),
        "high": number_text(allowed.high),
        "lowest": number_text(lowest),
    }
