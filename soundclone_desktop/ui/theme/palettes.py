"""The two palettes the studio paints with (on Qt's Fusion style, the same on every OS).

Why our own palettes rather than the platform's: the native styles of Windows and macOS
draw some controls outside the palette, and their dark variants differ by version; with
Fusion and these two tables every colour pair is known and its contrast tested.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole

# Role -> (active/inactive colour, disabled colour or None for the same).
_LIGHT: Final[dict[QPalette.ColorRole, tuple[str, str | None]]] = {
    Role.Window: ("#f3f3f3", None),
    Role.WindowText: ("#1f2328", "#8c8f94"),
    Role.Base: ("#ffffff", "#f3f3f3"),
    Role.AlternateBase: ("#f6f8fa", None),
    Role.Text: ("#1f2328", "#8c8f94"),
    Role.PlaceholderText: ("#5f6368", None),
    Role.Button: ("#e9e9ea", None),
    Role.ButtonText: ("#1f2328", "#8c8f94"),
    Role.BrightText: ("#ffffff", None),
    Role.Highlight: ("#0b57d0", "#c5cad1"),
    Role.HighlightedText: ("#ffffff", "#1f2328"),
    Role.Link: ("#0b57d0", None),
    Role.LinkVisited: ("#6f42c1", None),
    Role.ToolTipBase: ("#ffffff", None),
    Role.ToolTipText: ("#1f2328", None),
    Role.Light: ("#ffffff", None),
    Role.Midlight: ("#e3e3e3", None),
    Role.Mid: ("#b8b8b8", None),
    Role.Dark: ("#9a9a9a", None),
    Role.Shadow: ("#5a5a5a", None),
    Role.Accent: ("#0b57d0", None),
}

_DARK: Final[dict[QPalette.ColorRole, tuple[str, str | None]]] = {
    Role.Window: ("#202124", None),
    Role.WindowText: ("#e8eaed", "#7c7f84"),
    Role.Base: ("#2b2c30", "#26272b"),
    Role.AlternateBase: ("#323338", None),
    Role.Text: ("#e8eaed", "#7c7f84"),
    Role.PlaceholderText: ("#9aa0a6", None),
    Role.Button: ("#303134", None),
    Role.ButtonText: ("#e8eaed", "#7c7f84"),
    Role.BrightText: ("#ffffff", None),
    Role.Highlight: ("#3f6fbf", "#3c4043"),
    Role.HighlightedText: ("#ffffff", "#bdc1c6"),
    Role.Link: ("#8ab4f8", None),
    Role.LinkVisited: ("#c58af9", None),
    Role.ToolTipBase: ("#303134", None),
    Role.ToolTipText: ("#e8eaed", None),
    Role.Light: ("#4a4b4f", None),
    Role.Midlight: ("#3c3d41", None),
    Role.Mid: ("#2a2b2e", None),
    Role.Dark: ("#141517", None),
    Role.Shadow: ("#000000", None),
    Role.Accent: ("#8ab4f8", None),
}


# The outline of a check box or radio button: at least 3:1 against the window (WCAG 1.4.11,
# non-text contrast), which Fusion's own outline (the window colour darkened) never reaches.
_CONTROL_BORDER: Final = {False: "#6b6f75", True: "#8e9297"}


def light_palette() -> QPalette:
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    return _palette(_DARK)


def _palette(table: dict[QPalette.ColorRole, tuple[str, str | None]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in table.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled or normal))
    return palette


def control_border(palette: QPalette) -> QColor:
    """The outline colour of a check box or radio button on ``palette``'s window."""
    return QColor(_CONTROL_BORDER[is_dark(palette)])


def indicator_palettes(palette: QPalette) -> dict[str, QPalette]:
    """Class palettes (``QApplication.setPalette(p, class name)``) that give Fusion's check
    boxes and radio buttons an outline of :func:`control_border`.

    Fusion draws that outline from the Window colour, darkened (check box: darker 140 %
    then lighter 110 %; radio button: darker 140 %), which gives 1.15:1 on our dark window
    and 1.66:1 on the light one; no other role sets it. These two classes never paint
    their Window (a parent's shows through), so theirs is set to the colour the outline
    comes from. Each is the application's palette otherwise."""
    border = control_border(palette)
    sources = {
        "QCheckBox": border.lighter(140).darker(110),
        "QRadioButton": border.lighter(140),
    }
    return {name: _with_window(palette, source) for name, source in sources.items()}


def _with_window(palette: QPalette, window: QColor) -> QPalette:
    changed = QPalette(palette)
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        changed.setColor(group, Role.Window, window)
    return changed


def is_dark(palette: QPalette) -> bool:
    """Whether text is light on a dark ground (the window's, which every pane shows)."""
    return palette.color(Role.Window).lightness() < 128
