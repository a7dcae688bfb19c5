"""Text and banner colours set by meaning on a widget, and set again when the theme changes.

A style sheet holds a colour value, not a meaning: after a switch to dark, a label styled
"#b3261e" would stay dark red on dark grey. Widgets tinted here remember the meaning in a
dynamic property, and :func:`restyle_all` (called after every theme change) re-applies it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QApplication, QWidget

from .colours import Banner, Colours, colours_for

_TONE = "themeTone"
_BANNER = "themeBanner"


class Tone(StrEnum):
    """Meanings of coloured text; each names a :class:`~.colours.Colours` field."""

    ERROR = "error_text"
    WARNING = "warning_text"
    SUCCESS = "success_text"
    MUTED = "muted_text"


class BannerKind(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    ALERT = "alert"


def colours_of(widget: QWidget) -> Colours:
    return colours_for(widget.palette())


def set_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour ``widget``'s text by meaning (``None``: the palette's normal text)."""
    widget.setProperty(_TONE, tone.value if tone else "")
    _apply_tone(widget)


def set_banner(widget: QWidget, kind: BannerKind, *, label_name: str | None = None) -> None:
    """Tint ``widget`` (by its object name) as a banner, and its label ``label_name``.

    Without ``label_name`` the widget is the label itself (its own text on the banner)."""
    widget.setProperty(_BANNER, f"{kind.value}:{label_name or ''}")
    _apply_banner(widget)


def restyle_all() -> None:
    """Re-apply every remembered tone and banner after the application's palette changed
    (widgets learn of it by a later event, so the new colours come from the application)."""
    colours = colours_for(QApplication.palette())
    for widget in QApplication.allWidgets():
        if widget.property(_TONE):
            _apply_tone(widget, colours)
        if widget.property(_BANNER):
            _apply_banner(widget, colours)


def _apply_tone(widget: QWidget, colours: Colours | None = None) -> None:
    tone = str(widget.property(_TONE) or "")
    if not tone:
        widget.setStyleSheet("")
        return
    colour = getattr(colours or colours_of(widget), Tone(tone).value)
    widget.setStyleSheet(f"color:{colour.name()};")


def _apply_banner(widget: QWidget, colours: Colours | None = None) -> None:
    kind, _, label_name = str(widget.property(_BANNER)).partition(":")
    banner: Banner = getattr(colours or colours_of(widget), BannerKind(kind).value)
    name = widget.objectName()
    if label_name:
        widget.setStyleSheet(banner.style(f"#{name}", f"#{label_name}"))
    else:
        widget.setStyleSheet(
            f"#{name} {{ color:{banner.text.name()}; background:{banner.background.name()};"
            f" border:1px solid {banner.border.name()}; border-radius:4px; padding:6px 8px; }}"
        )
