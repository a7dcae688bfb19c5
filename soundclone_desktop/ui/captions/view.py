"""The captions text: one block per cue, start times in a left gutter, karaoke highlight.

The document is built once per loaded result. Following playback never touches it: the
current cue and word are shown with ``ExtraSelection``s (painted on top, no relayout), set
only when the current cue or word changes, and the view scrolls only when the current cue
leaves the visible area. So a position tick costs nothing and 1,000 cues stay smooth.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QTextEdit, QToolTip, QWidget

from soundclone_desktop.audio.timefmt import format_clock
from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.i18n import translate

from .model import NOTHING, CueLine, Current

CTX = "CaptionsPane"

_CUE_SPACING = 7.0  # px below each cue: lines of one cue stay together, cues stand apart
_GUTTER_GAP = 14.0
_MANUAL_SCROLL_GRACE_MS = 3000  # after the user scrolls, following playback waits this long
_ACCENT_BAR = 3.0


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``, opaque."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class _Colours:
    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightness() < 128
        self.cue_background = _mix(base, accent, 0.22 if dark else 0.13)
        self.spoken = _mix(accent, text, 0.35) if dark else _mix(accent, text, 0.25)
        self.word_background = accent
        self.word_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.time = palette.color(QPalette.ColorRole.PlaceholderText)
        self.accent = accent


class CaptionsText(QTextEdit):
    """Read-only captions. ``activated(cue, word)`` on a click (word is None at sentence
    level, or when the click was not on a word) or on Up/Down."""

    activated = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionsText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(translate(CTX, "Captions"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self._time_font = QFont(font)
        self._time_font.setPointSizeF(font.pointSizeF() * 0.82)
        self._time_font.setFeature(QFont.Tag("tnum"), 1)
        self._lines: tuple[CueLine, ...] = ()
        self._starts: tuple[float, ...] = ()
        self._ends: tuple[float, ...] = ()
        self._word_level = False
        self._current = NOTHING
        self._gutter = 0.0
        self._colours = _Colours(self.palette())
        self._press: QPoint | None = None
        self._scrolled_by_user = QElapsedTimer()
        self.verticalScrollBar().sliderPressed.connect(self._scrolled_by_user.start)

    # -- content ---------------------------------------------------------------------------

    def set_lines(
        self,
        lines: Sequence[CueLine],
        times: Sequence[tuple[float, float]],
        *,
        word_level: bool,
    ) -> None:
        """Show ``lines`` (one per cue) with their ``(start_ms, end_ms)``; nothing current."""
        self._lines = tuple(lines)
        self._starts = tuple(start for start, _ in times)
        self._ends = tuple(end for _, end in times)
        self._word_level = word_level
        self._current = NOTHING
        longest = max(self._ends, default=0.0)
        metrics = QFontMetricsF(self._time_font)
        sample = format_clock(int(longest), tenths=True).replace("1", "0")
        self._gutter = metrics.horizontalAdvance(sample) + _GUTTER_GAP
        self.setExtraSelections([])
        document = self.document()
        document.clear()
        block_format = QTextBlockFormat()
        block_format.setLeftMargin(self._gutter)
        block_format.setBottomMargin(_CUE_SPACING)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block_format)
        for number, line in enumerate(self._lines):
            if number:
                cursor.insertBlock(block_format)
            cursor.insertText(line.text)
        cursor.endEditBlock()
        self.verticalScrollBar().setValue(0)

    def current(self) -> Current:
        return self._current

    def cue_count(self) -> int:
        return len(self._lines)

    # -- following playback ----------------------------------------------------------------

    def set_current(self, current: Current) -> None:
        """Highlight ``current`` (called only when it changed) and keep it in view."""
        cue_changed = current.cue != self._current.cue
        self._current = current
        self.setExtraSelections(self._selections(current))
        if cue_changed:
            self.viewport().update()  # the cue's band moves
            if current.cue is not None:
                self._follow(current.cue)

    def _selections(self, current: Current) -> list[QTextEdit.ExtraSelection]:
        if current.cue is None or not 0 <= current.cue < len(self._lines):
            return []
        block = self.document().findBlockByNumber(current.cue)
        colours = self._colours
        # The cue's own background is painted in paintEvent: a FullWidthSelection widens
        # only some of a wrapped cue's lines.
        selections: list[QTextEdit.ExtraSelection] = []
        line = self._lines[current.cue]
        span = line.words[current.word] if current.word is not None else None
        if not self._word_level or span is None:
            return selections
        umap = Utf16Map(line.text)
        start, end = umap.to_utf16(span[0]), umap.to_utf16(span[1])
        if start > 0:  # karaoke: what has been said so far in this sentence
            spoken = QTextEdit.ExtraSelection()
            spoken.cursor = self._range(block, 0, start)
            spoken.format.setForeground(colours.spoken)
            selections.append(spoken)
        word = QTextEdit.ExtraSelection()
        word.cursor = self._range(block, start, end)
        word.format.setBackground(colours.word_background)
        word.format.setForeground(colours.word_text)
        selections.append(word)
        return selections

    def _range(self, block: QTextBlock, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _follow(self, cue: int) -> None:
        if (
            self._scrolled_by_user.isValid()
            and self._scrolled_by_user.elapsed() < _MANUAL_SCROLL_GRACE_MS
        ):
            return  # the user is looking elsewhere; do not yank the view back yet
        rect = self.cue_rect(cue)
        height = self.viewport().height()
        if rect.top() >= 0 and rect.bottom() <= height:
            return
        bar = self.verticalScrollBar()
        # A third of the way down: the lines coming next stay visible below.
        bar.setValue(round(bar.value() + rect.top() - height / 3))

    # -- geometry --------------------------------------------------------------------------

    def cue_rect(self, cue: int) -> QRectF:
        """Where cue ``cue`` is drawn, in viewport coordinates."""
        block = self.document().findBlockByNumber(cue)
        rect = self.document().documentLayout().blockBoundingRect(block)
        return rect.translated(0, -self.verticalScrollBar().value())

    def point_of(self, cue: int, word: int | None = None) -> QPoint:
        """A viewport point on cue ``cue`` (its first character) or on word ``word`` of it."""
        block = self.document().findBlockByNumber(cue)
        line = self._lines[cue]
        offset = 0
        span = line.words[word] if word is not None else None
        if span is not None:
            umap = Utf16Map(line.text)
            start, end = umap.to_utf16(span[0]), umap.to_utf16(span[1])
            offset = (start + end) // 2  # the middle of the word, not its edge
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + offset)
        rect = self.cursorRect(cursor)
        return QPoint(rect.x() + 2, rect.center().y())

    def _hit(self, pos: QPoint) -> tuple[int, int | None] | None:
        """The cue (and word) under viewport point ``pos``."""
        cursor = self.cursorForPosition(pos)
        block = cursor.block()
        cue = block.blockNumber()
        if not 0 <= cue < len(self._lines):
            return None
        rect = self.cue_rect(cue)
        if not rect.top() <= pos.y() <= rect.bottom():
            return None  # below the last cue
        if not self._word_level or pos.x() < self._gutter + self.document().documentMargin():
            return cue, None
        offset = cursor.positionInBlock()
        if offset > 0 and pos.x() < self.cursorRect(cursor).x():
            offset -= 1  # over the character before the nearest gap
        line = self._lines[cue]
        return cue, line.word_index_at(Utf16Map(line.text).from_utf16(offset))

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        current = self._current.cue
        if current is not None and 0 <= current < len(self._lines):
            rect = self.cue_rect(current)
            if rect.bottom() >= 0 and rect.top() <= self.viewport().height():
                band = QRectF(0, rect.top(), self.viewport().width(), rect.height())
                band.adjust(0, -_CUE_SPACING / 2, 0, -_CUE_SPACING / 2)
                background = QPainter(self.viewport())
                background.fillRect(band, self._colours.cue_background)
                background.fillRect(
                    QRectF(0, band.top(), _ACCENT_BAR, band.height()), self._colours.accent
                )
                background.end()
        super().paintEvent(event)  # the text, over the band
        if not self._lines:
            return
        painter = QPainter(self.viewport())
        painter.setFont(self._time_font)
        metrics = QFontMetricsF(self._time_font)
        scroll = self.verticalScrollBar().value()
        height = self.viewport().height()
        margin = self.document().documentMargin()
        layout = self.document().documentLayout()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, -scroll)
            if rect.top() > height:
                break
            cue = block.blockNumber()
            text_layout = block.layout()
            if cue < len(self._starts) and text_layout.lineCount():
                first = text_layout.lineAt(0)
                baseline = text_layout.position().y() + first.y() + first.ascent() - scroll
                painter.setPen(self._colours.time)
                label = format_clock(int(self._starts[cue]), tenths=True)  # cues a second apart
                x = margin + self._gutter - _GUTTER_GAP - metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x, baseline), label)
            block = block.next()
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = _Colours(self.palette())
            self.setExtraSelections(self._selections(self._current))

    # -- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (pos - press).manhattanLength() > QApplication.startDragDistance():
            return
        hit = self._hit(pos)
        if hit is not None:
            self.activated.emit(hit[0], hit[1])

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._scrolled_by_user.start()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._lines:
            now = self._current.cue
            step = -1 if key == Qt.Key.Key_Up else 1
            target = (0 if step > 0 else len(self._lines) - 1) if now is None else now + step
            if 0 <= target < len(self._lines):
                self._scrolled_by_user.invalidate()  # the keyboard moves the view itself
                self.activated.emit(target, None)
            event.accept()
            return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End):
            self._scrolled_by_user.start()
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._lines:
            hit = self._hit(event.pos())  # type: ignore[attr-defined]
            if hit is None:
                QToolTip.hideText()
            else:
                cue, _word = hit
                tip = translate(CTX, "{start} – {end}. Click to jump here.").format(
                    start=format_clock(int(self._starts[cue])),
                    end=format_clock(int(self._ends[cue])),
                )
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)
