"""Rounded chip backgrounds behind pause markers.

A ``QTextCharFormat`` background is a hard rectangle; to read as a chip the marker gets a
rounded rectangle painted on the viewport *before* the text is drawn. Only blocks inside the
repainted region are visited, and each block's chip rectangles are cached in its highlighting
record: measuring x positions means shaping the line, the costly part of a repaint.
Rasterising an antialiased rounded rectangle costs tens of microseconds, so each chip size is
drawn once into an image and then copied (a few microseconds), which keeps a keystroke's
repaint close to a plain editor's.
"""

from __future__ import annotations

from math import ceil
from typing import cast

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap, QTextBlock, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from soundclone_desktop.ui.editor.highlighter import BlockPaint, ChipColours, block_paint
from soundclone_desktop.ui.editor.spans import Kind

_RADIUS = 4.0
_LOOK_UP = 3  # blocks above the cursor's tried before Qt's hit test
_MAX_IMAGES = 256  # chip sizes kept (a script has a handful: one per marker width and line)
_images: dict[tuple[int, int, float, int, int], QPixmap] = {}


def paint_chips(editor: QPlainTextEdit, colours: ChipColours, region: QRect) -> None:
    """Paint a rounded chip under every pause marker of ``editor`` inside ``region``."""
    top, bottom = region.top(), region.bottom()
    offset = editor.contentOffset()
    block = _first_block(editor, top, offset)
    painter: QPainter | None = None
    wrap: object = None
    ratio = 1.0
    try:
        while block.isValid():
            geometry = editor.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            painted = block_paint(block)
            if painted is not None and painted.has_chips and geometry.bottom() >= top:
                if painter is None:
                    painter = QPainter(editor.viewport())
                    wrap = (editor.viewport().width(), editor.font().key())  # moves text
                    ratio = editor.viewport().devicePixelRatioF()
                origin = geometry.topLeft() + block.layout().position()
                for rect in chip_rects(block, painted, wrap):
                    _draw_chip(painter, rect.translated(origin), ratio, colours)
            block = block.next()
    finally:
        if painter is not None:
            painter.end()


def _first_block(editor: QPlainTextEdit, top: int, offset: QPointF) -> QTextBlock:
    """The block at viewport height ``top``, or one before it.

    Found without walking down from the first visible block: a keystroke repaints the
    line being typed in and the one above it, so look from the cursor's block upwards
    first (a few cheap calls), and only then ask Qt's hit test.
    """
    if top <= 0:
        return editor.firstVisibleBlock()
    block = editor.textCursor().block()
    for _ in range(_LOOK_UP):
        if editor.blockBoundingGeometry(block).translated(offset).top() <= top:
            return block
        previous = block.previous()
        if not previous.isValid():
            return block
        block = previous
    block = editor.cursorForPosition(QPoint(0, top)).block()
    previous = block.previous()
    return previous if previous.isValid() else block  # the hit test rounds to the nearest


def _draw_chip(painter: QPainter, rect: QRectF, ratio: float, colours: ChipColours) -> None:
    # ``rect`` sits half a pixel inside the pixel grid (a crisp one-pixel border): the image
    # covers the whole pixels around it.
    x, y = round(rect.left() - 0.5), round(rect.top() - 0.5)
    width, height = round(rect.width() + 1), round(rect.height() + 1)
    if width > 1 and height > 1:
        painter.drawPixmap(x, y, chip_image(width, height, ratio, colours))


def chip_image(width: int, height: int, ratio: float, colours: ChipColours) -> QPixmap:
    """A chip of ``width`` × ``height`` logical pixels at device pixel ratio ``ratio``."""
    key = (width, height, ratio, colours.chip_border.rgba(), colours.chip_background.rgba())
    image = _images.get(key)
    if image is None:
        if len(_images) >= _MAX_IMAGES:
            _images.clear()
        image = QPixmap(ceil(width * ratio), ceil(height * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(colours.chip_border, 1.0))
            painter.setBrush(colours.chip_background)
            painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), _RADIUS, _RADIUS)
        finally:
            painter.end()
        _images[key] = image
    return image


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
