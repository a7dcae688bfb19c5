"""Pause markers as chips, problems as wavy underlines.

The editor analyses the whole text once per change and hands the highlighter the spans per
block (:meth:`ScriptHighlighter.set_spans`). Each block remembers the spans it was painted
with (block user data), so after a change only blocks whose spans differ are repainted,
instead of ``rehighlight()`` over the whole document on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
    QTextDocument,
)

from soundclone_desktop.ui.editor.spans import Kind, Span


class BlockPaint(QTextBlockUserData):
    """What a block was last highlighted with, plus the chip geometry cached for it.

    Re-highlighting a block replaces this object, so the chip cache can never outlive the
    spans it was computed from; ``chip_key`` covers re-wrapping (width, revision).
    """

    def __init__(self, spans: tuple[Span, ...]) -> None:
        super().__init__()
        self.spans = spans
        self.chip_key: object = None
        self.chip_rects: list[QRectF] = []


def block_paint(block: QTextBlock) -> BlockPaint | None:
    """The highlighting record of ``block``, or ``None`` if it was never highlighted."""
    painted = block.userData()
    return painted if isinstance(painted, BlockPaint) else None


def painted_spans(block: QTextBlock) -> tuple[Span, ...]:
    """The spans ``block`` was last highlighted with (empty if never)."""
    painted = block_paint(block)
    return painted.spans if painted is not None else ()


class ChipColours:
    """Colours that read well on the palette's base colour (light or dark)."""

    def __init__(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        self.chip_background = QColor("#263c5e" if dark else "#e3edff")
        self.chip_border = QColor("#4a6aa0" if dark else "#9dbbf0")
        self.chip_text = QColor("#b9d3ff" if dark else "#0b4fc0")
        self.error = QColor("#ff7b72" if dark else "#d11f1f")
        self.warning = QColor("#ffb454" if dark else "#d97706")


class ScriptHighlighter(QSyntaxHighlighter):
    """Applies the spans the editor computed; does no analysis of its own."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        self._by_block: dict[int, tuple[Span, ...]] = {}
        self._formats: dict[int, QTextCharFormat] = {}
        self.colours = ChipColours(palette)
        super().__init__(document)

    def set_palette(self, palette: QPalette) -> None:
        """Recolour for a new palette (light/dark switch); repaints everything once."""
        self.colours = ChipColours(palette)
        self._formats.clear()
        self.rehighlight()

    def set_spans(self, by_block: dict[int, tuple[Span, ...]], skip: range | None = None) -> int:
        """Use new spans; repaint blocks whose painted spans differ. Returns blocks repainted.

        ``skip`` holds block numbers Qt is about to re-highlight anyway (the edited ones).
        """
        self._by_block = by_block
        document = self.document()
        repainted = 0
        block = document.firstBlock()
        while block.isValid():
            number = block.blockNumber()
            edited = skip is not None and number in skip
            painted = block.userData()  # a BlockPaint, or None before the first highlight
            have = painted.spans if isinstance(painted, BlockPaint) else ()
            if not edited and have != by_block.get(number, ()):
                self.rehighlightBlock(block)
                repainted += 1
            block = block.next()
        return repainted

    def highlightBlock(self, text: str) -> None:
        spans = self._by_block.get(self.currentBlock().blockNumber(), ())
        self._apply(spans)
        self.setCurrentBlockUserData(BlockPaint(spans))

    def _apply(self, spans: tuple[Span, ...]) -> None:
        # Sweep over span edges so overlapping spans (an adjacent-markers error over two
        # chips) get one combined format per piece; O(n log n) even on a one-line script.
        if not spans:
            return
        edges = sorted([(s.start, 1, s.kind) for s in spans] + [(s.end, -1, s.kind) for s in spans])
        counts = {Kind.MARKER: 0, Kind.WARNING: 0, Kind.ERROR: 0}
        previous = edges[0][0]
        for position, delta, kind in edges:
            if position > previous:
                active = 0
                for flag, count in counts.items():
                    if count:
                        active |= flag
                if active:
                    self.setFormat(previous, position - previous, self._format(active))
            counts[kind] += delta
            previous = position

    def _format(self, kinds: int) -> QTextCharFormat:
        cached = self._formats.get(kinds)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        colours = self.colours
        if kinds & Kind.MARKER:
            # The rounded background is painted by chips.py; a format background would be
            # a hard-edged rectangle on top of it.
            fmt.setForeground(colours.chip_text)
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if kinds & (Kind.ERROR | Kind.WARNING):
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colours.error if kinds & Kind.ERROR else colours.warning)
        self._formats[kinds] = fmt
        return fmt
