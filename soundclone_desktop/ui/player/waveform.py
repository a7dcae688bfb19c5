"""``WaveformView``: the overview of a result, its playhead, and seeking by click, drag or keys."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from soundclone_desktop.audio.overview import Peaks
from soundclone_desktop.audio.timefmt import format_clock
from soundclone_desktop.ui.theme.colours import colours_for

__all__ = ["WaveformState", "WaveformView"]

_BAR_WIDTH = 2.0
_BAR_GAP = 1.0
_MIN_BAR = 1.5  # silence still draws a thin line, so the timeline stays visible
_MARGIN_X, _MARGIN_Y = 8.0, 7.0
# Quiet files are scaled up to fill the view, but not beyond this peak: hiss stays small.
_NORMALISE_FLOOR = 0.05
_MAX_SPRITES = 3  # played, unplayed, seek preview


class WaveformState(enum.Enum):
    EMPTY = "empty"  # nothing loaded: "No audio"
    LOADING = "loading"  # peaks on their way: "Loading waveform…"
    READY = "ready"
    UNAVAILABLE = "unavailable"  # audio plays, but its peaks could not be computed


class WaveformView(QWidget):
    """Paints peaks with the played part highlighted; emits ``seek_requested(ms)``.

    Mouse: click or drag to seek; hovering shows the time under the pointer.
    Keys (when focused): Left/Right seek 5 s, Home/End jump to the ends.
    """

    seek_requested = Signal(int)

    SEEK_STEP_MS = 5000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformView")
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(QCoreApplication.translate("Player", "Waveform"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "Player", "Click, or use the Left and Right arrow keys, to move through the audio."
            )
        )
        self._state = WaveformState.EMPTY
        self._peaks: Peaks | None = None
        self._duration = 0
        self._position = 0
        self._hover_x: float | None = None
        self._drag_ms: int | None = None
        self._sprites = _BarSprites()
        # The markers layer (a book chapter): where segments join, and marked stretches.
        self._boundaries: tuple[int, ...] = ()
        self._marked: tuple[tuple[int, int], ...] = ()
        self._findings: tuple[tuple[int, int], ...] = ()

    # -- state -------------------------------------------------------------------------

    def state(self) -> WaveformState:
        return self._state

    def peaks(self) -> Peaks | None:
        return self._peaks

    def clear(self) -> None:
        """Back to "No audio"."""
        self._set(WaveformState.EMPTY, None)
        self._duration = self._position = 0
        self._boundaries, self._marked, self._findings = (), (), ()
        self._update_cursor()

    def set_loading(self) -> None:
        self._set(WaveformState.LOADING, None)

    def set_peaks(self, peaks: Peaks) -> None:
        self._set(WaveformState.READY, peaks)
        if not self._duration:
            self.set_duration(peaks.duration_ms)

    def set_unavailable(self) -> None:
        self._set(WaveformState.UNAVAILABLE, None)

    def duration(self) -> int:
        return self._duration

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        self._update_cursor()
        self.update()

    def position(self) -> int:
        return self._position

    def set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self.update()

    def markers(self) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        return self._boundaries, self._marked

    def set_markers(
        self,
        boundaries_ms: Sequence[int],
        marked_ms: Sequence[tuple[int, int]],
        *,
        findings: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """Lines where segments join and bands over marked stretches ``[begin, end)``;
        ``findings``: stretches the automatic checks flagged, drawn in the warning colour
        (None keeps those shown). All cleared with the audio (:meth:`clear`)."""
        self._boundaries = tuple(boundaries_ms)
        self._marked = tuple(marked_ms)
        if findings is not None:
            self._findings = tuple(findings)
        self.update()

    def finding_markers(self) -> tuple[tuple[int, int], ...]:
        return self._findings

    def sizeHint(self) -> QSize:
        return QSize(480, 88)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 64)

    def _set(self, state: WaveformState, peaks: Peaks | None) -> None:
        self._state, self._peaks = state, peaks
        self._sprites.clear()
        self.update()

    def _seekable(self) -> bool:
        return self._duration > 0 and self._state is not WaveformState.EMPTY

    def _update_cursor(self) -> None:
        if self._seekable():
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    # -- geometry ----------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(_MARGIN_X, _MARGIN_Y, -_MARGIN_X, -_MARGIN_Y)

    def _ms_at(self, x: float) -> int:
        plot = self._plot_rect()
        fraction = min(1.0, max(0.0, (x - plot.left()) / max(1.0, plot.width())))
        return round(fraction * self._duration)

    def _x_at(self, ms: int) -> float:
        plot = self._plot_rect()
        fraction = min(1.0, max(0.0, ms / self._duration)) if self._duration else 0.0
        return plot.left() + fraction * plot.width()

    def _bar_rects(self, plot: QRectF, peaks: Peaks) -> list[QRectF]:
        """One bar per ``_BAR_WIDTH + _BAR_GAP`` pixels, centred in ``plot``."""
        pitch = _BAR_WIDTH + _BAR_GAP
        count = max(1, int((plot.width() + _BAR_GAP) // pitch))
        left = plot.left() + (plot.width() - (count * pitch - _BAR_GAP)) / 2
        scale = 0.94 * plot.height() / max(peaks.peak, _NORMALISE_FLOOR)
        centre = plot.center().y()
        bars = []
        for i, value in enumerate(peaks.resample(count)):
            height = max(_MIN_BAR, value * scale)
            bars.append(QRectF(left + i * pitch, centre - height / 2, _BAR_WIDTH, height))
        return bars

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        colors = _Colors(palette)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(colors.focus if self.hasFocus() else colors.frame, 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(frame, 6, 6)

        plot = self._plot_rect()
        head_ms = self._drag_ms if self._drag_ms is not None else self._position
        head_x = self._x_at(head_ms) if self._seekable() else plot.left()
        if self._seekable():
            self._paint_marked(painter, plot, colors)
        if self._state is WaveformState.READY and self._peaks is not None:
            self._paint_bars(painter, plot, self._peaks, head_x, colors)
        else:
            self._paint_placeholder(painter, plot, head_x, colors)
        if self._seekable():
            self._paint_boundaries(painter, plot, colors)
            self._paint_findings(painter, plot)
            painter.setPen(_round_pen(colors.playhead, 2.0))
            painter.drawLine(QPointF(head_x, plot.top()), QPointF(head_x, plot.bottom()))
            if self._hover_x is not None:
                self._paint_hover(painter, plot, colors)
        painter.end()

    def _paint_marked(self, painter: QPainter, plot: QRectF, colors: _Colors) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.marked)
        for begin, end in self._marked:
            left = self._x_at(begin)
            painter.drawRect(
                QRectF(left, plot.top(), max(2.0, self._x_at(end) - left), plot.height())
            )
        painter.restore()

    def _paint_findings(self, painter: QPainter, plot: QRectF) -> None:
        """A warning-coloured band over each flagged stretch (at least 3 px) with a tick
        above and below, so a short finding still shows."""
        if not self._findings:
            return
        colour = colours_for(self.palette(), ground=QPalette.ColorRole.Base).warning_text
        band = QColor(colour)
        band.setAlphaF(0.35)
        painter.save()
        for begin, end in self._findings:
            left = self._x_at(begin)
            width = max(3.0, self._x_at(end) - left)
            painter.fillRect(QRectF(left, plot.top(), width, plot.height()), band)
            painter.fillRect(QRectF(left, plot.top(), width, 4.0), colour)
            painter.fillRect(QRectF(left, plot.bottom() - 4.0, width, 4.0), colour)
        painter.restore()

    def _paint_boundaries(self, painter: QPainter, plot: QRectF, colors: _Colors) -> None:
        pen = QPen(colors.boundary, 1.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for ms in self._boundaries:
            x = self._x_at(ms)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _paint_bars(
        self, painter: QPainter, plot: QRectF, peaks: Peaks, head_x: float, colors: _Colors
    ) -> None:
        # The bars take a few milliseconds to rasterise and the playhead moves every 30 ms
        # while playing, so they are rendered once per size, pixel ratio and peaks, tinted
        # once per colour, and each repaint copies the played, previewed and unplayed
        # stretches from those pixmaps.
        key = (self.width(), self.height(), self.devicePixelRatioF())
        self._sprites.prepare(key, peaks, lambda: self._render_bars(plot, peaks))
        width, height = float(self.width()), float(self.height())
        preview_end = head_x
        if self._hover_x is not None and self._hover_x > head_x:  # preview of a seek ahead
            preview_end = min(width, self._hover_x)
        painter.save()
        for colour, left, right in (
            (colors.played, 0.0, head_x),
            (colors.preview, head_x, preview_end),
            (colors.unplayed, preview_end, width),
        ):
            if right > left:
                painter.setClipRect(QRectF(left, 0, right - left, height))
                painter.drawPixmap(QPointF(0, 0), self._sprites.tinted(colour))
        painter.restore()

    def _render_bars(self, plot: QRectF, peaks: Peaks) -> QPixmap:
        """The bars (opaque, any colour) on a transparent pixmap the size of the widget."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.GlobalColor.black)
        radius = _BAR_WIDTH / 2
        # One small shape at a time: filling them as one path is 15 times slower.
        for bar in self._bar_rects(plot, peaks):
            painter.drawRoundedRect(bar, radius, radius)
        painter.end()
        return pixmap

    def _paint_placeholder(
        self, painter: QPainter, plot: QRectF, head_x: float, colors: _Colors
    ) -> None:
        centre = plot.center().y()
        painter.setPen(_round_pen(colors.unplayed, 1.5))
        painter.drawLine(QPointF(plot.left(), centre), QPointF(plot.right(), centre))
        if head_x > plot.left():
            painter.setPen(_round_pen(colors.played, 1.5))
            painter.drawLine(QPointF(plot.left(), centre), QPointF(head_x, centre))
        text = self._placeholder_text()
        if text:
            metrics = QFontMetricsF(self.font())
            box = QRectF(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 6)
            box.moveCenter(plot.center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(colors.text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _placeholder_text(self) -> str:
        if self._state is WaveformState.LOADING:
            return QCoreApplication.translate("Player", "Loading waveform…")
        if self._state is WaveformState.UNAVAILABLE:
            return QCoreApplication.translate("Player", "Waveform not available")
        if self._state is WaveformState.EMPTY:
            return QCoreApplication.translate("Player", "No audio")
        return ""

    def _paint_hover(self, painter: QPainter, plot: QRectF, colors: _Colors) -> None:
        assert self._hover_x is not None
        x = min(plot.right(), max(plot.left(), self._hover_x))
        painter.setPen(QPen(colors.hover, 1.0))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        label = format_clock(self._ms_at(x))
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        box = QRectF(0, 0, metrics.horizontalAdvance(label) + 10, metrics.height() + 2)
        box.moveTop(plot.top())
        box.moveLeft(min(plot.right() - box.width(), max(plot.left(), x - box.width() / 2)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.bubble)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(colors.bubble_text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- input -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._seekable():
            self._drag_ms = self._ms_at(event.position().x())
            self.seek_requested.emit(self._drag_ms)
            self.update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover_x = event.position().x()
        if self._drag_ms is not None and event.buttons() & Qt.MouseButton.LeftButton:
            ms = self._ms_at(self._hover_x)
            if ms != self._drag_ms:
                self._drag_ms = ms
                self.seek_requested.emit(ms)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_ms is not None and event.button() == Qt.MouseButton.LeftButton:
            # Show the target until the player reports its new position.
            self._position, self._drag_ms = self._drag_ms, None
            self.update()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover_x = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        target: int | None = None
        if self._seekable():
            if key == Qt.Key.Key_Left:
                target = self._position - self.SEEK_STEP_MS
            elif key == Qt.Key.Key_Right:
                target = self._position + self.SEEK_STEP_MS
            elif key == Qt.Key.Key_Home:
                target = 0
            elif key == Qt.Key.Key_End:
                target = self._duration
        if target is None:
            super().keyPressEvent(event)  # Space and the rest go to the player
            return
        # Move at once, so a second key press counts from here rather than a stale position.
        self.set_position(min(self._duration, max(0, target)))
        self.seek_requested.emit(self._position)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)


class _BarSprites:
    """The bars rendered once per (size, pixel ratio) and peaks, and tinted per colour."""

    def __init__(self) -> None:
        self.renders = 0  # times the bars were rasterised (tests check repaints reuse them)
        self.tints = 0  # times they were coloured
        self._key: tuple[int, int, float] | None = None
        self._peaks: Peaks | None = None  # held, so its identity cannot be reused
        self._shape: QPixmap | None = None
        self._tinted: dict[int, QPixmap] = {}

    def clear(self) -> None:
        self._key, self._peaks, self._shape = None, None, None
        self._tinted.clear()

    def prepare(
        self, key: tuple[int, int, float], peaks: Peaks, render: Callable[[], QPixmap]
    ) -> None:
        """Render the bars with ``render`` unless they were rendered for ``key`` and ``peaks``."""
        if key != self._key or peaks is not self._peaks or self._shape is None:
            self.clear()
            self._key, self._peaks = key, peaks
            self._shape = render()
            self.renders += 1

    def tinted(self, colour: QColor) -> QPixmap:
        """The prepared bars in ``colour``: their coverage (antialiasing) kept, colour set."""
        assert self._shape is not None
        rgba = colour.rgba()
        pixmap = self._tinted.get(rgba)
        if pixmap is None:
            if len(self._tinted) >= _MAX_SPRITES:  # a palette change: old colours are stale
                self._tinted.clear()
            pixmap = self._shape.copy()
            pixmap.setDevicePixelRatio(self._shape.devicePixelRatio())
            painter = QPainter(pixmap)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            self._tinted[rgba] = pixmap
            self.tints += 1
        return pixmap


class _Colors:
    """Colours derived from the palette, so light, dark and high-contrast themes all work."""

    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.WindowText)
        dark_theme = base.lightnessF() < 0.5
        self.played = palette.color(QPalette.ColorRole.Highlight)
        self.unplayed = _mix(base, ink, 0.32)
        self.preview = _mix(self.unplayed, self.played, 0.45)
        self.playhead = self.played.lighter(135) if dark_theme else self.played.darker(135)
        self.frame = _mix(base, ink, 0.18)
        self.focus = palette.color(QPalette.ColorRole.Highlight)
        self.text = palette.color(QPalette.ColorRole.PlaceholderText)
        self.hover = _mix(base, ink, 0.6)
        self.bubble = palette.color(QPalette.ColorRole.ToolTipBase)
        self.bubble_text = palette.color(QPalette.ColorRole.ToolTipText)
        self.boundary = _mix(base, ink, 0.55)
        self.marked = QColor(palette.color(QPalette.ColorRole.Link))
        self.marked.setAlphaF(0.28)


def _round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way to ``b`` (opaque, so overlaps don't darken)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )
