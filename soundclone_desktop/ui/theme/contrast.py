"""WCAG 2 contrast between two sRGB colours (AA asks 4.5:1 for body text)."""

from __future__ import annotations

from typing import Final

AA_BODY_TEXT: Final = 4.5

Rgb = tuple[int, int, int]


def relative_luminance(rgb: Rgb) -> float:
    """The WCAG 2 relative luminance of an 8-bit sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """From 1 (same colour) to 21 (black on white); the order does not matter."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
