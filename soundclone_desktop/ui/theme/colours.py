"""Semantic colours (error text, banners, pause chips, highlights) for a palette.

Widgets ask for these by meaning, never by hex value, so a theme change or a platform's own
dark palette gives each a readable colour. Each text colour meets WCAG AA (4.5:1) on the
background it is drawn on; ``tests/ui/test_theme_contrast.py`` checks the rendered pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole


@dataclass(frozen=True)
class Banner:
    """A tinted strip with its border and the text drawn on it."""

    background: QColor
    border: QColor
    text: QColor

    def style(self, selector: str, label_selector: str) -> str:
        """A style sheet for a frame ``selector`` holding a label ``label_selector``."""
        return (
            f"{selector} {{ background:{self.background.name()};"
            f" border:1px solid {self.border.name()}; border-radius:4px; }}"
            f" {label_selector} {{ color:{self.text.name()}; }}"
        )


@dataclass(frozen=True)
class Colours:
    dark: bool
    error_text: QColor  # on the window or base colour
    warning_text: QColor
    success_text: QColor
    muted_text: QColor
    info: Banner
    warning: Banner
    error: Banner
    alert: Banner  # strong: a load error over the editor
    chip_background: QColor
    chip_border: QColor
    chip_text: QColor
    spoken_sentence: QColor  # background of the sentence being heard
    spoken_word: QColor
    find_match: QColor  # background of every match of a search
    find_current: QColor
    rule_underline: QColor  # words a pronunciation rule changes
    marked_sentence: QColor

    def text_style(self, colour: QColor) -> str:
        """A style sheet that sets a label's text colour."""
        return f"color:{colour.name()};"


_LIGHT = Colours(
    dark=False,
    error_text=QColor("#b3261e"),
    warning_text=QColor("#8a5200"),
    success_text=QColor("#1b6e20"),
    muted_text=QColor("#5f6368"),
    info=Banner(QColor("#e8f1fd"), QColor("#9cc1f0"), QColor("#1f2328")),
    warning=Banner(QColor("#fff5db"), QColor("#e8c468"), QColor("#1f2328")),
    error=Banner(QColor("#fdecec"), QColor("#eba3a3"), QColor("#1f2328")),
    alert=Banner(QColor("#b3261e"), QColor("#8c1d18"), QColor("#ffffff")),
    chip_background=QColor("#e3edff"),
    chip_border=QColor("#9dbbf0"),
    chip_text=QColor("#0b4fc0"),
    spoken_sentence=QColor("#fff3c4"),
    spoken_word=QColor("#ffd95e"),
    find_match=QColor("#fde68a"),
    find_current=QColor("#fb923c"),
    rule_underline=QColor("#7c3aed"),
    marked_sentence=QColor("#fde2e4"),
)

_DARK = Colours(
    dark=True,
    error_text=QColor("#f2b8b5"),
    warning_text=QColor("#ffc46b"),
    success_text=QColor("#81c995"),
    muted_text=QColor("#9aa0a6"),
    info=Banner(QColor("#1c2b41"), QColor("#3d5a85"), QColor("#e8eaed")),
    warning=Banner(QColor("#3a2f12"), QColor("#7a6022"), QColor("#f1e6c8")),
    error=Banner(QColor("#3b1d1d"), QColor("#8a3b3b"), QColor("#f5dcdc")),
    alert=Banner(QColor("#8c1d18"), QColor("#b3261e"), QColor("#ffffff")),
    chip_background=QColor("#263c5e"),
    chip_border=QColor("#4a6aa0"),
    chip_text=QColor("#b9d3ff"),
    spoken_sentence=QColor("#3a3520"),
    spoken_word=QColor("#6b5a1e"),
    find_match=QColor("#5c4a12"),
    find_current=QColor("#9a4a12"),
    rule_underline=QColor("#c4a7ff"),
    marked_sentence=QColor("#4a2328"),
)


def colours_for(palette: QPalette, *, ground: Role = Role.Window) -> Colours:
    """The semantic colours that read on ``palette``'s ``ground`` (the window's colour for
    labels and banners; the base colour for what is drawn in an editor)."""
    return _DARK if palette.color(ground).lightness() < 128 else _LIGHT
