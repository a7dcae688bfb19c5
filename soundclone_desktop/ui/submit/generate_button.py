"""The studio's one primary action: a coloured button that carries the price and the progress.

"Generate · 2.50 JimiCoin" says what a press costs; while the create is in flight it says
"Sending…" (disabled); while tasks run it stays pressable for the next script and fills from
the left as the running task nears its expected finish, so progress is visible where the
user looks. Colours come from the palette's accent (WCAG-checked in ``ui/theme``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from soundclone_desktop.ui.theme.colours import colours_for
from soundclone_desktop.ui.theme.contrast import AA_BODY_TEXT, contrast_ratio


class GenerateButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._progress: float | None = None
        self.setMinimumHeight(38)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.setFont(font)
        self._restyle()

    @property
    def progress(self) -> float | None:
        return self._progress

    def set_progress(self, fraction: float | None) -> None:
        """Show ``fraction`` (0..1) of a running task as a fill; ``None`` hides it."""
        value = None if fraction is None else min(1.0, max(0.0, fraction))
        if value != self._progress:
            self._progress = value
            self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._progress is None or not self.isEnabled():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(6, self.height() - 6, -6, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        faint = QColor(self._text_colour())
        faint.setAlphaF(0.3)
        painter.setBrush(faint)
        painter.drawRoundedRect(track, 1.5, 1.5)
        done = QRectF(track)
        done.setWidth(track.width() * self._progress)
        painter.setBrush(self._text_colour())
        painter.drawRoundedRect(done, 1.5, 1.5)
        painter.end()

    def _text_colour(self) -> QColor:
        return QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)

    def _restyle(self) -> None:
        # From the application's palette: the style sheet below rewrites this widget's own.
        palette = QGuiApplication.palette()
        accent = palette.color(palette.ColorRole.Highlight)
        text = palette.color(palette.ColorRole.HighlightedText)
        hover = accent.lighter(112) if colours_for(palette).dark else accent.darker(112)
        disabled_bg = palette.color(palette.ColorRole.Button)
        disabled_text = _readable_disabled(palette.color(palette.ColorRole.ButtonText), disabled_bg)
        sheet = (
            "QPushButton#submitButton {"
            f" background:{accent.name()}; color:{text.name()}; border:none;"
            " border-radius:6px; padding:6px 22px; }"
            f" QPushButton#submitButton:hover {{ background:{hover.name()}; }}"
            f" QPushButton#submitButton:pressed {{ background:{accent.darker(125).name()}; }}"
            " QPushButton#submitButton:focus {"
            f" border:2px solid {palette.color(palette.ColorRole.Text).name()}; }}"
            " QPushButton#submitButton:disabled {"
            f" background:{disabled_bg.name()}; color:{disabled_text.name()}; }}"
        )
        self.setStyleSheet(sheet)


def _readable_disabled(text: QColor, ground: QColor) -> QColor:
    """Text dimmed towards its ground as far as it still reads at 4.5:1: a disabled button
    still says what it would do (the line beside it says why it cannot)."""
    best = QColor(text)
    for step in range(1, 10):
        amount = step / 10
        candidate = QColor(
            round(text.red() + (ground.red() - text.red()) * amount),
            round(text.green() + (ground.green() - text.green()) * amount),
            round(text.blue() + (ground.blue() - text.blue()) * amount),
        )
        if contrast_ratio(_rgb(candidate), _rgb(ground)) < AA_BODY_TEXT:
            break
        best = candidate
    return best


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return (colour.red(), colour.green(), colour.blue())
