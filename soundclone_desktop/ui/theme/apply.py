"""Choosing the theme: System (follows the OS, live), Light or Dark.

The chosen palette goes on the application; Qt then sends every widget a ``PaletteChange``
event, on which widgets that built colours or style sheets from the old palette (banners,
chips, highlights, the waveform) rebuild them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from soundclone_desktop.store.settings import UiTheme

from .palettes import dark_palette, indicator_palettes, light_palette
from .tint import restyle_all

STYLE = "Fusion"
# For a new QApplication's arguments: Qt then makes the style itself, with no Python
# wrapper (see ``ThemeSwitch.apply``'s ``style_set``).
STYLE_ARGUMENTS = ("-style", STYLE)


class ThemeSwitch:
    """Applies a theme choice to the application and keeps System in step with the OS."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self.choice = UiTheme.SYSTEM
        self._styled = False
        self._fusion: bool | None = None  # None: ask the style (one the user chose)
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, choice: UiTheme, *, keep_style: bool = False, style_set: bool = False) -> None:
        """Use ``choice`` from now on; ``keep_style`` leaves a style the user asked Qt for
        (``-style``) in place, with our palette on it; ``style_set``: the application was
        made with ours (``STYLE_ARGUMENTS``)."""
        self.choice = choice
        if not self._styled:
            if not (keep_style or style_set):
                self._app.setStyle(STYLE)
            # Known when it is ours: asking the style from Python builds QStyle's enums,
            # about 30 ms before the first paint (start-up time, issue #17).
            self._fusion = None if keep_style else True
        self._styled = True
        palette = palette_for(self.resolved_dark())
        self._app.setPalette(palette)  # which drops every class palette set before
        if self._is_fusion():
            for class_name, class_palette in indicator_palettes(palette).items():
                # PySide's stub says bytes; it takes the class name as a str keyword only.
                self._app.setPalette(class_palette, className=class_name)  # type: ignore[arg-type]
        restyle_all()

    def _is_fusion(self) -> bool:
        if self._fusion is not None:
            return self._fusion
        return self._app.style().name().casefold() == STYLE.casefold()

    def resolved_dark(self) -> bool:
        """Whether the palette in use is the dark one (System resolved by the OS hint)."""
        if self.choice is UiTheme.SYSTEM:
            return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return self.choice is UiTheme.DARK

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice is UiTheme.SYSTEM:
            self.apply(UiTheme.SYSTEM)


def palette_for(dark: bool) -> QPalette:
    return dark_palette() if dark else light_palette()


_switch: ThemeSwitch | None = None


def theme_switch() -> ThemeSwitch:
    """The application's one switch (made on first use, once a QApplication exists)."""
    global _switch
    app = QGuiApplication.instance()
    if _switch is None or _switch._app is not app:
        if not isinstance(app, QApplication):
            raise RuntimeError("the theme needs a QApplication")
        _switch = ThemeSwitch(app)
    return _switch
