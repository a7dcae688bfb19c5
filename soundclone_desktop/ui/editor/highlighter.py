"""Pause markers as chips, problems as wavy underlines.

Two sources of spans (see ``spans.py``):

- on an edit, Qt re-highlights the edited blocks and :meth:`ScriptHighlighter.highlightBlock`
  finds each one's own markers and marker problems from its text alone, and carries the
  block's other underlines along with the edit: a keystroke costs one short line's work;
- once typing pauses, the editor analyses the whole script and hands every block's spans to
  :meth:`ScriptHighlighter.set_spans`, which repaints only the blocks whose spans differ.

Each block with spans remembers its text and the spans it was painted with (block user
data; a block without spans has none, so typing in it costs almost nothing), and the
highlighter keeps the spans per block number, so that comparison looks only at blocks that
have spans. Adding or removing lines renumbers the blocks; that record is then rebuilt from
the blocks once, at the next whole-script update.

A whole-script update that changes many blocks at once (a chapter of a book shown in the
editor: its excess over the request limit underlined over some fifty paragraphs) would hold
the GUI thread for tens of milliseconds: the blocks on screen are repainted at once, the
others in slices of at most ``SLICE_BLOCKS`` (and about ``SLICE_BUDGET_S``) per event-loop
turn, the first of them in the same turn unless the whole text was just replaced (that
turn laid out and analysed the whole text already). An edit while slices remain drops
them: the update that follows the edit paints whatever still differs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import (
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextBlockUserData,
    QTextCharFormat,
    QTextDocument,
)

from soundclone_desktop.ui.editor.spans import Kind, Span, canonical, carry_context, local_spans
from soundclone_desktop.ui.theme.colours import colours_for

SLICE_BLOCKS: Final = 8  # blocks off screen repainted per event-loop turn, at most
SLICE_BUDGET_S: Final = 0.006  # and no more once a turn's slice has taken this long


class BlockPaint(QTextBlockUserData):
    """What a block was last highlighted with, plus the chip geometry cached for it.

    ``chip_key`` covers everything that moves chips (spans, width, revision, preedit).
    """

    def __init__(self, text: str, spans: tuple[Span, ...]) -> None:
        super().__init__()
        self.text = text
        self.chip_rects: list[QRectF] = []
        self._use(spans)

    def update(self, text: str, spans: tuple[Span, ...]) -> None:
        """Record a new text and spans (cheaper than a new object on every keystroke)."""
        self.text = text
        if spans != self.spans:
            self._use(spans)

    def _use(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans
        self.has_chips = any(span.kind == Kind.MARKER for span in spans)
        self.has_context = any(span.context for span in spans)
        self.chip_key: object = None  # spans changed: measure the chips again


def block_paint(block: QTextBlock) -> BlockPaint | None:
    """The highlighting record of ``block``, or ``None`` if it has nothing painted."""
    painted = block.userData()
    return painted if isinstance(painted, BlockPaint) else None


class ChipColours:
    """Colours that read well on the palette's base colour (light or dark)."""

    def __init__(self, palette: QPalette) -> None:
        colours = colours_for(palette, ground=QPalette.ColorRole.Base)
        self.chip_background = colours.chip_background
        self.chip_border = colours.chip_border
        self.chip_text = colours.chip_text
        self.error = colours.error_text
        self.warning = colours.warning_text


class ScriptHighlighter(QSyntaxHighlighter):
    """Highlights edited blocks from their own text; takes the whole script's spans later.

    ``busy`` is true while it repaints blocks of its own accord (not for an edit): the
    document then reports a change of formats, which is not a change of text.
    """

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        # Whole-script spans for the blocks set_spans is repainting, by block number
        # (None: a repaint that keeps every block's spans).
        self._next: dict[int, tuple[Span, ...]] | None = None
        # What each block (by number) is painted with; blocks without spans are absent.
        self._painted: dict[int, tuple[Span, ...]] = {}
        self._numbers_valid = True  # _painted's keys are the blocks' current numbers
        self._formats: dict[int, QTextCharFormat] = {}
        self.colours = ChipColours(palette)
        self.busy = False
        self._replacing = False  # the whole text is being replaced: set_spans paints it
        self._fresh = False  # it was, and set_spans has not painted it yet
        # Blocks (by number) still to repaint with _target's spans, in order, a slice a turn.
        self._queue: list[int] = []
        self._target: dict[int, tuple[Span, ...]] = {}
        super().__init__(document)
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._next_slice)
        document.contentsChange.connect(self._on_contents_change)

    def set_palette(self, palette: QPalette) -> None:
        """Recolour for a new palette (light/dark switch); repaints everything once."""
        self.colours = ChipColours(palette)
        self._formats.clear()
        self.repaint_all()

    def repaint_all(self) -> None:
        """Highlight every block now; every block keeps its spans (its text did not change)."""
        self.busy = True
        try:
            self.rehighlight()
        finally:
            self.busy = False

    def blocks_renumbered(self) -> None:
        """Lines were added or removed: block numbers moved (call on such an edit)."""
        self._numbers_valid = False

    @contextmanager
    def replacing_text(self) -> Iterator[None]:
        """Around replacing the whole text: nothing is painted while the document changes
        (Qt drops the old blocks' formats and records with them); the whole-script update
        that follows paints the blocks on screen first and the rest in slices."""
        self._drop_slices()
        self._replacing = True
        try:
            yield
        finally:
            self._replacing = False
            self._fresh = True
            self._painted = {}
            self._numbers_valid = True

    @property
    def pending(self) -> bool:
        """Whether blocks still wait for their slice of the last whole-script update."""
        return bool(self._queue)

    def finish(self) -> None:
        """Repaint every block still waiting for its slice, now."""
        self._slicer.stop()
        self._paint(len(self._queue), budget=None)

    def set_spans(self, by_block: dict[int, tuple[Span, ...]], first: Iterable[int] = ()) -> int:
        """Use the whole script's spans: repaint each block whose painted spans differ.

        The blocks numbered in ``first`` (those on screen) are repainted now, the others in
        slices (see the module doc). Returns how many blocks were repainted now.
        """
        self._slicer.stop()
        fresh, self._fresh = self._fresh, False
        if not self._numbers_valid:
            self._renumber()
        painted = self._painted
        changed = {
            number
            for number in painted.keys() | by_block.keys()
            if painted.get(number) != by_block.get(number)
        }
        if not changed:
            return 0  # most updates while typing: ``first`` is not even looked at
        urgent = [number for number in first if number in changed]
        self._queue = urgent + sorted(changed.difference(urgent))
        self._target = by_block
        done = self._paint(len(urgent), budget=None)
        if fresh:  # the text was just replaced: that turn has done enough already
            return done
        return done + self._paint(SLICE_BLOCKS, budget=SLICE_BUDGET_S)

    def _next_slice(self) -> None:
        self._paint(SLICE_BLOCKS, budget=SLICE_BUDGET_S)

    def _paint(self, count: int, *, budget: float | None) -> int:
        """Repaint up to ``count`` queued blocks (fewer once ``budget`` seconds are spent);
        the next slice is scheduled while some remain. Returns how many were repainted."""
        queue = self._queue
        document = self.document()
        started = time.perf_counter()
        done = 0
        self.busy = True
        self._next = self._target
        try:
            while queue and done < count:
                block = document.findBlockByNumber(queue.pop(0))
                if block.isValid():
                    self.rehighlightBlock(block)
                done += 1
                if budget is not None and time.perf_counter() - started > budget:
                    break
        finally:
            self._next = None
            self.busy = False
        if queue:
            self._slicer.start()
        else:
            self._target = {}
        return done

    def _drop_slices(self) -> None:
        self._slicer.stop()
        self._queue = []
        self._target = {}

    def _on_contents_change(self, _position: int, _removed: int, _added: int) -> None:
        if not self.busy and self._queue:
            self._drop_slices()  # an edit: the queued spans describe the text before it

    def _renumber(self) -> None:
        painted: dict[int, tuple[Span, ...]] = {}
        block = self.document().firstBlock()
        while block.isValid():
            record = block.userData()
            if isinstance(record, BlockPaint) and record.spans:
                painted[block.blockNumber()] = record.spans
            block = block.next()
        self._painted = painted
        self._numbers_valid = True

    def highlightBlock(self, text: str) -> None:
        if self._replacing:
            return  # the whole-script update after the replacement paints this block
        data = self.currentBlockUserData()
        record = data if isinstance(data, BlockPaint) else None
        if record is None and not self.busy and "<#" not in text:
            return  # most keystrokes: nothing was painted here, no marker to paint
        number = self.currentBlock().blockNumber()
        if self.busy:  # a repaint of ours: whole-script spans, or the same ones (palette)
            if self._next is None:
                spans = record.spans if record is not None else ()
            else:
                spans = self._next.get(number, ())
        elif record is not None and record.text == text:
            spans = record.spans  # not edited: Qt looks one block past some edits
        else:  # edited: this block's own spans now, the others follow once typing pauses
            found = local_spans(text)
            if record is not None and record.has_context:
                found += carry_context(record.spans, record.text, text)
            spans = canonical(found) if found else ()
        self._apply(spans)
        if spans:
            if record is None:
                self.setCurrentBlockUserData(BlockPaint(text, spans))
            else:
                record.update(text, spans)
            self._painted[number] = spans
        elif record is not None:  # blocks without spans carry no record: see above
            self.setCurrentBlockUserData(None)  # type: ignore[arg-type]
            self._painted.pop(number, None)

    def _apply(self, spans: tuple[Span, ...]) -> None:
        # Sweep over span edges so overlapping spans (an adjacent-markers error over two
        # chips) get one combined format per piece; O(n log n) even on a one-line script.
        if not spans:
            return
        # Plain ints: IntFlag arithmetic is slow in Python, and this runs on every keystroke.
        edges = sorted(
            [(s.start, 1, int(s.kind)) for s in spans] + [(s.end, -1, int(s.kind)) for s in spans]
        )
        counts = {int(Kind.MARKER): 0, int(Kind.WARNING): 0, int(Kind.ERROR): 0}
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
