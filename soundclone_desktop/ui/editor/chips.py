"""Rounded chip backgrounds behind pause markers.

A ``QTextCharFormat`` background is a hard rectangle; to read as a chip the marker gets a
rounded rectangle painted on the viewport *before* the text is drawn. Only blocks inside the
repainted region are visited, and each block's chip rectangles are cached in its highlighting
record: measuring x positions means shaping the line, the costly part of a repaint.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPen, QTextBlock, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from soundclone_desktop.ui.editor.highlighter import BlockPaint, ChipColours, block_paint
from soundclone_desktop.ui.editor.spans import Kind

_RADIUS = 4.0


def paint_chips(editor: QPlainTextEdit, colours: ChipColours, region: QRect) -> None:
    """Paint a rounded chip under every pause marker of ``editor`` inside ``region``."""
    painter = QPainter(editor.viewport())
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colours.chip_border, 1.0))
        painter.setBrush(colours.chip_background)
        offset = editor.contentOffset()
        wrap = (editor.viewport().width(), editor.font().key())  # what moves text around
        top, bottom = region.top(), region.bottom()
        block = editor.firstVisibleBlock()
        while block.isValid():
            geometry = editor.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            painted = block_paint(block)
            if painted is not None and painted.spans and geometry.bottom() >= top:
                origin = geometry.topLeft() + block.layout().position()
                for rect in chip_rects(block, painted, wrap):
                    painter.drawRoundedRect(rect.translated(origin), _RADIUS, _RADIUS)
            block = block.next()
    finally:
        painter.end()


def chip_rects(block: QTextBlock, painted: BlockPaint, wrap: object) -> list[QRectF]:
    """Layout-relative chip rectangles of ``block``, computed once per layout."""
    layout = block.layout()
    # While an input method composes (pinyin before it becomes 汉字), the uncommitted text
    # lives only in the layout: positions after it move right by its length.
    preedit_at, preedit = layout.preeditAreaPosition(), layout.preeditAreaText()
    key = (block.revision(), wrap, layout.lineCount(), preedit_at, preedit)
    if painted.chip_key != key:
        shift = len(preedit.encode("utf-16-le")) // 2
        rects: list[QRectF] = []
        for span in painted.spans:
            if span.kind & Kind.MARKER:
                start, end = span.start, span.end
                if shift and preedit_at >= 0 and start >= preedit_at:
                    start, end = start + shift, end + shift
                rects.extend(_span_rects(layout, start, end))
        painted.chip_key, painted.chip_rects = key, rects
    return painted.chip_rects


def _x(line: QTextLine, position: int) -> float:
    result = line.cursorToX(position)  # PySide returns (x, position)
    x = result[0] if isinstance(result, tuple) else result
    return float(cast(float, x))


def _span_rects(layout: QTextLayout, start: int, end: int) -> list[QRectF]:
    first_line = layout.lineForTextPosition(start)
    last_line = layout.lineForTextPosition(max(start, end - 1))
    # An invalid QTextLine (block not laid out) crashes on use: check before touching it.
    if not (first_line.isValid() and last_line.isValid()):
        return []
    rects = []
    for number in range(first_line.lineNumber(), last_line.lineNumber() + 1):
        line = layout.lineAt(number)  # a marker can wrap onto the next line
        if not line.isValid():
            continue
        line_start = line.textStart()
        s, e = max(start, line_start), min(end, line_start + line.textLength())
        x1, x2 = _x(line, s), _x(line, e)
        rect = QRectF(min(x1, x2) - 2, line.y(), abs(x2 - x1) + 4, line.height())
        rects.append(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    return rects
