"""``WaveformView``: the waveform of a result with its time ruler and playhead; seeking by
click, drag or keys; zooming and scrolling for long files (see :mod:`.waveform_zoom`)."""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from soundclone_desktop.audio.overview import Peaks
from soundclone_desktop.audio.timefmt import format_clock
from soundclone_desktop.ui.theme.colours import colours_for

from .waveform_bars import Strip, plan_strip, render_strip, visible_bars
from .waveform_input import (
    ZOOM_STEP,
    ZoomKey,
    describe,
    wheel_scroll_ms,
    wheel_zoom_factor,
    zoom_key,
)
from .waveform_paint import BarSprites, Colors, paint_hover, paint_placeholder, round_pen
from .waveform_ruler import RulerLayout, layout_ruler, paint_ruler
from .waveform_zoom import Viewport

if TYPE_CHECKING:
    from .waveform_levels import PeakLevels

__all__ = ["WaveformState", "WaveformView"]

_Colors = Colors  # the name the sprite tests know

_MARGIN_X, _MARGIN_Y = 8.0, 7.0
_RULER_GAP = 3.0  # between the ruler's labels and the bars


class WaveformState(enum.Enum):
    EMPTY = "empty"  # nothing loaded: "No audio"
    LOADING = "loading"  # peaks on their way: "Loading waveform…"
    READY = "ready"
    UNAVAILABLE = "unavailable"  # audio plays, but its peaks could not be computed


class WaveformView(QWidget):
    """Paints peaks with the played part highlighted; emits ``seek_requested(ms)``.

    Mouse: click or drag to seek; hovering shows the time under the pointer; Ctrl+wheel
    (or a pinch) zooms around the pointer, the wheel scrolls when zoomed in.
    Keys (when focused): Left/Right seek 5 s, Home/End jump to the ends; Ctrl+= / Ctrl+-
    zoom around the play cursor, Ctrl+0 fits the whole file, F follows the play cursor again.
    While zoomed in the view pages along with the play cursor, unless the user scrolled it
    out of view: then it waits until the cursor is back in view (or F).
    """

    seek_requested = Signal(int)
    view_changed = Signal()  # zoomed or scrolled: a scroll bar follows

    SEEK_STEP_MS = 5000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformView")
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(QCoreApplication.translate("Player", "Waveform"))
        self._state = WaveformState.EMPTY
        self._peaks: Peaks | None = None
        self._levels: PeakLevels | None = None
        self._duration = 0
        self._position = 0
        self._hover_x: float | None = None
        self._drag_ms: int | None = None
        self._sprites = BarSprites()
        self._strip: Strip | None = None  # the bars rendered into the sprites
        self._view = Viewport()
        self._following = True
        self._ruler: RulerLayout | None = None  # as last painted (tests read the labels)
        # The markers layer (a book chapter): where segments join, and marked stretches.
        self._boundaries: tuple[int, ...] = ()
        self._sorted_boundaries: list[int] = []
        self._marked: tuple[tuple[int, int], ...] = ()
        self._findings: tuple[tuple[int, int], ...] = ()
        self._describe()

    # -- state -------------------------------------------------------------------------

    def state(self) -> WaveformState:
        return self._state

    def peaks(self) -> Peaks | None:
        return self._peaks

    def clear(self) -> None:
        """Back to "No audio"."""
        self._set(WaveformState.EMPTY, None)
        self._duration = self._position = 0
        self._boundaries, self._sorted_boundaries, self._marked = (), [], ()
        self._findings = ()
        self._following = True
        self._view.reset(0)
        self._view_changed()
        self._update_cursor()

    def set_loading(self) -> None:
        self._set(WaveformState.LOADING, None)

    def set_peaks(self, peaks: Peaks) -> None:
        # NumPy comes with the first peaks, not at start-up.
        from .waveform_levels import PeakLevels

        self._set(WaveformState.READY, peaks)
        self._levels = PeakLevels(peaks.values, peaks.duration_ms)
        if not self._duration:
            self.set_duration(peaks.duration_ms)

    def set_unavailable(self) -> None:
        self._set(WaveformState.UNAVAILABLE, None)

    def duration(self) -> int:
        return self._duration

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        self._view.set_duration(self._duration)
        self._view_changed()
        self._update_cursor()
        self.update()

    def position(self) -> int:
        return self._position

    def set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self._follow()
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
        self._sorted_boundaries = sorted(self._boundaries)  # painted by bisection
        self._marked = tuple(marked_ms)
        if findings is not None:
            self._findings = tuple(findings)
        self.update()

    def finding_markers(self) -> tuple[tuple[int, int], ...]:
        return self._findings

    def sizeHint(self) -> QSize:
        return QSize(480, 104)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 64)

    def _set(self, state: WaveformState, peaks: Peaks | None) -> None:
        self._state, self._peaks, self._levels = state, peaks, None
        self._sprites.clear()
        self.update()

    def _seekable(self) -> bool:
        return self._duration > 0 and self._state is not WaveformState.EMPTY

    def _update_cursor(self) -> None:
        if self._seekable():
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    # -- zoom and scroll -----------------------------------------------------------------

    def viewport(self) -> Viewport:
        """What the plot shows; change it through the methods below, which repaint."""
        return self._view

    def is_following(self) -> bool:
        return self._following

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Magnify ``factor`` times around widget x ``anchor_x`` (default: the play cursor,
        kept where it is, or brought to the middle when out of view)."""
        if not self._seekable():
            return
        view, plot = self._view, self._plot_rect()
        if anchor_x is None:
            if not view.contains(self._position):
                view.scroll_to(self._position - view.visible_ms / 2)
            anchor = view.x_of(self._position)
        else:
            anchor = min(plot.width(), max(0.0, anchor_x - plot.left()))
        view.zoom(factor, anchor)
        self._user_moved_view()

    def zoom_to_fit(self) -> None:
        self._view.fit()
        self._user_moved_view()

    def scroll_to(self, start_ms: float) -> None:
        """Scroll as the user asked (the scroll bar, the wheel): following stops while the
        play cursor is out of view."""
        self._view.scroll_to(start_ms)
        self._user_moved_view()

    def follow_cursor(self) -> None:
        self._following = True
        self._follow()
        self._view_changed()

    def _user_moved_view(self) -> None:
        self._following = self._view.contains(self._position)
        self._view_changed()

    def _follow(self) -> None:
        view = self._view
        if view.is_fit():
            return
        if self._following:
            before = view.start_ms
            view.page_to(self._position)
            if view.start_ms != before:
                self._view_changed()
        elif view.contains(self._position):
            self._following = True  # the cursor came back into view

    def _view_changed(self) -> None:
        self._describe()
        self.view_changed.emit()
        self.update()

    def _describe(self) -> None:
        text = describe(self._view, self._duration)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    # -- geometry ----------------------------------------------------------------------

    def _ruler_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _ruler_band(self) -> QRectF:
        height = QFontMetricsF(self._ruler_font()).height()
        return QRectF(_MARGIN_X, _MARGIN_Y / 2, self.width() - 2 * _MARGIN_X, height)

    def _plot_rect(self) -> QRectF:
        top = math.ceil(self._ruler_band().bottom() + _RULER_GAP)  # whole pixels: crisp bars
        return QRectF(self.rect()).adjusted(_MARGIN_X, top, -_MARGIN_X, -_MARGIN_Y)

    def _ms_at(self, x: float) -> int:
        plot = self._plot_rect()
        ms = self._view.ms_of(min(plot.width(), max(0.0, x - plot.left())))
        return round(min(float(self._duration), max(0.0, ms)))

    def _x_at(self, ms: int) -> float:
        if not self._duration:
            return self._plot_rect().left()
        return self._plot_rect().left() + self._view.x_of(min(self._duration, max(0, ms)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._view.set_width(self._plot_rect().width())
        self._view_changed()
        super().resizeEvent(event)

    def _bar_rects(self, plot: QRectF) -> list[QRectF]:
        if self._levels is None:
            return []
        end_ms = float(self._duration or self._levels.duration_ms)
        return visible_bars(self._levels, plot, self._view, end_ms)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        colors = Colors(palette)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(colors.focus if self.hasFocus() else colors.frame, 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(frame, 6, 6)

        plot = self._plot_rect()
        head_ms = self._drag_ms if self._drag_ms is not None else self._position
        head_x = self._x_at(head_ms) if self._seekable() else plot.left()
        if self._seekable():
            self._paint_ruler(painter, colors)
            painter.setClipRect(QRectF(plot.left(), 0, plot.width(), self.height()))
            self._paint_marked(painter, plot, colors)
        if self._state is WaveformState.READY and self._levels is not None:
            self._paint_bars(painter, plot, head_x, colors)
        else:
            self._paint_placeholder(painter, plot, head_x, colors)
        if self._seekable():
            self._paint_boundaries(painter, plot, colors)
            self._paint_findings(painter, plot)
            painter.setPen(round_pen(colors.playhead, 2.0))
            painter.drawLine(QPointF(head_x, plot.top()), QPointF(head_x, plot.bottom()))
            painter.setClipping(False)
            if self._hover_x is not None:
                self._paint_hover(painter, plot, colors)
        painter.end()

    def _paint_ruler(self, painter: QPainter, colors: Colors) -> None:
        font = self._ruler_font()
        band = self._ruler_band()
        self._ruler = layout_ruler(self._view, QFontMetricsF(font), band.left(), band.top())
        painter.setFont(font)
        paint_ruler(painter, self._ruler, band, colors.ruler_tick, colors.ruler_text)
        painter.setFont(self.font())

    def _paint_marked(self, painter: QPainter, plot: QRectF, colors: Colors) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.marked)
        view = self._view
        for begin, end in self._marked:
            if end < view.start_ms or begin > view.end_ms:
                continue
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
        view = self._view
        painter.save()
        for begin, end in self._findings:
            if end < view.start_ms or begin > view.end_ms:
                continue
            left = self._x_at(begin)
            width = max(3.0, self._x_at(end) - left)
            painter.fillRect(QRectF(left, plot.top(), width, plot.height()), band)
            painter.fillRect(QRectF(left, plot.top(), width, 4.0), colour)
            painter.fillRect(QRectF(left, plot.bottom() - 4.0, width, 4.0), colour)
        painter.restore()

    def _paint_boundaries(self, painter: QPainter, plot: QRectF, colors: Colors) -> None:
        pen = QPen(colors.boundary, 1.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        view, marks = self._view, self._sorted_boundaries
        first = bisect.bisect_left(marks, view.start_ms)
        last = bisect.bisect_right(marks, view.end_ms)
        for ms in marks[first:last]:
            x = self._x_at(ms)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _paint_bars(self, painter: QPainter, plot: QRectF, head_x: float, colors: Colors) -> None:
        # Rasterising the bars takes milliseconds; the playhead moves every 30 ms while
        # playing, and scrolling moves the view a few pixels at a time. So a strip wider than
        # the view is rendered once per zoom and peaks, tinted once per colour, and each
        # repaint copies the played, previewed and unplayed stretches from those pixmaps.
        assert self._levels is not None
        view, levels = self._view, self._levels
        self._strip = plan_strip(view, self._strip)
        strip, end_ms = self._strip, float(self._duration or levels.duration_ms)
        key = (strip, plot.height(), plot.top(), self.devicePixelRatioF(), end_ms)
        self._sprites.prepare(
            key,
            levels,
            lambda colour: render_strip(
                levels, strip, end_ms, plot, self.devicePixelRatioF(), colour
            ),
            colors.unplayed,  # most of a long file, most of the time
        )
        # Whole pixels: the bars stay crisp, as rendered (at most half a pixel off).
        origin = QPointF(round(strip.x_in(view)), 0)
        preview_end = head_x
        if self._hover_x is not None and self._hover_x > head_x:  # preview of a seek ahead
            preview_end = min(plot.right(), self._hover_x)
        painter.save()
        for colour, left, right in (
            (colors.played, plot.left(), min(head_x, plot.right())),
            (colors.preview, max(head_x, plot.left()), min(preview_end, plot.right())),
            (colors.unplayed, max(preview_end, plot.left()), plot.right()),
        ):
            if right > left:
                painter.setClipRect(QRectF(left, 0, right - left, self.height()))
                painter.drawPixmap(origin, self._sprites.tinted(colour))
        painter.restore()

    def _paint_placeholder(
        self, painter: QPainter, plot: QRectF, head_x: float, colors: Colors
    ) -> None:
        paint_placeholder(painter, plot, head_x, colors, self._placeholder_text())

    def _placeholder_text(self) -> str:
        if self._state is WaveformState.LOADING:
            return QCoreApplication.translate("Player", "Loading waveform…")
        if self._state is WaveformState.UNAVAILABLE:
            return QCoreApplication.translate("Player", "Waveform not available")
        if self._state is WaveformState.EMPTY:
            return QCoreApplication.translate("Player", "No audio")
        return ""

    def _paint_hover(self, painter: QPainter, plot: QRectF, colors: Colors) -> None:
        assert self._hover_x is not None
        x = min(plot.right(), max(plot.left(), self._hover_x))
        painter.setFont(self._ruler_font())
        paint_hover(painter, plot, x, format_clock(self._ms_at(x)), colors)

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

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = wheel_zoom_factor(event)
        if not self._seekable() or (factor is None and self._view.is_fit()):
            super().wheelEvent(event)  # nothing to scroll here: a scroll area around may
            return
        if factor is not None:
            self.zoom_by(factor, event.position().x())
        else:
            self.scroll_to(self._view.start_ms + wheel_scroll_ms(event, self._view))
        event.accept()

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().x())
            event.accept()
            return True
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and zoom_key(event) is not None
        ):
            event.accept()  # ours while the waveform has focus, not a menu's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        zoom = zoom_key(event)
        if zoom is not None and self._seekable():
            if zoom is ZoomKey.FIT:
                self.zoom_to_fit()
            else:
                self.zoom_by(ZOOM_STEP if zoom is ZoomKey.IN else 1 / ZOOM_STEP)
            event.accept()
            return
        key = event.key()
        if key == Qt.Key.Key_F and not event.modifiers() and self._seekable():
            self.follow_cursor()
            event.accept()
            return
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
        # Move at once, so a second key press counts from here rather than a stale position;
        # the view goes with the cursor the keys move.
        self._following = True
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
            if event.type() == QEvent.Type.FontChange:  # the ruler's height moves the plot
                self._view.set_width(self._plot_rect().width())
            self.update()
        super().changeEvent(event)
