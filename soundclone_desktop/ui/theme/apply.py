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


class ThemeSwitch:
    """Applies a theme choice to the application and keeps System in step with the OS."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self.choice = UiTheme.SYSTEM
        self._styled = False
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, choice: UiTheme, *, keep_style: bool = False) -> None:
        """Use ``choice`` from now on; ``keep_style`` leaves a style the user asked Qt for
        (``-style``) in place, with our palette on it."""
        self.choice = choice
        if not self._styled and not keep_style:
            self._app.setStyle(STYLE)
        self._styled = True
        palette = palette_for(self.resolved_dark())
        self._app.setPalette(palette)  # which drops every class palette set before
        if self._app.style().name().casefold() == STYLE.casefold():
            for class_name, class_palette in indicator_palettes(palette).items():
                # PySide's stub says bytes; it takes the class name as a str keyword only.
                self._app.setPalette(class_palette, className=class_name)  # type: ignore[arg-type]
        restyle_all()

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
