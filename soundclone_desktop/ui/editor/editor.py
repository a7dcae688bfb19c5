"""The script editor: plain text, live analysis, chips, underlines, pause insertion.

A keystroke does only what the edited line needs: the line's own pause chips and marker
problems are found from its text (``spans.local_spans``) and painted at once, while the
whole-script work (``core.script.analyze``, about a millisecond for 9,999 characters, the
other lines' underlines, and whatever listens to ``report_changed``: problems list, counter,
submit gate, the project's modified mark) is coalesced into one update once typing pauses
for ``SETTLE_MS`` (or at least every ``MAX_STALE_MS`` while it goes on).

The highlighter and the chips can come later (``plain=True``, then :meth:`attach_analysis`):
the staged start paints the editor before their modules, and the script patterns, are
loaded (start-up time, issue #17); what is typed meanwhile is highlighted when they come.

Nothing reads a stale analysis: :meth:`ScriptEditor.report` and :meth:`ScriptEditor.text`
always describe the current text (analysed on demand), :meth:`ScriptEditor.flush` runs the
pending update at once (the submit flow calls it first), and edits made through the editor's
own methods (setting or opening a text, a fix, a pause) update at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from soundclone_desktop.core.script import (
    MAX_REQUEST_CHARS,
    Problem,
    ScriptReport,
    Utf16Map,
    analyze,
)
from soundclone_desktop.ui.editor.edits import Edit, plan_fix, plan_pause_insert
from soundclone_desktop.ui.editor.problem_text import fix_label, pause_sentence, problem_sentence
from soundclone_desktop.ui.editor.script_file import ScriptFileError, is_script_path, read_script
from soundclone_desktop.ui.theme.colours import colours_for

# Qt classes the shell's editor does not use before its first paint are imported where
# used: a class's first use from Python builds its enums (QTextCursor's: 5 ms; issue #17).
if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData, QPoint, QRect
    from PySide6.QtGui import (
        QColor,
        QContextMenuEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QMouseEvent,
        QPaintEvent,
    )
    from PySide6.QtWidgets import QMenu, QTextEdit

    from soundclone_desktop.ui.editor.highlighter import ChipColours, ScriptHighlighter
    from soundclone_desktop.ui.editor.spans import Span

_CTX = "ScriptEditor"
SETTLE_MS = 100  # a pause in typing this long brings the whole-script update
MAX_STALE_MS = 600  # while typing goes on, the update still comes at least this often
_MIN_POINT_SIZE = 12.0
# Marks our "being spoken" ExtraSelections, so other extra selections are left alone.
# QTextFormat.Property.UserProperty, spelled as its value: looking the enum up at import
# builds all of QTextFormat's enums before the first paint (start-up time, issue #17).
_USER_PROPERTY = 0x100000
_SPOKEN_PROPERTY = _USER_PROPERTY + 0x5C0


def _script_path(mime: QMimeData) -> Path | None:
    """The first local ``.txt``/``.md`` file in a drag or paste, if any."""
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if is_script_path(path):
                return path
    return None


def _only_other_files(mime: QMimeData) -> bool:
    """A drag of local files none of which is a script (an .mp3, a folder…)."""
    urls = mime.urls() if mime.hasUrls() else []
    return bool(urls) and all(u.isLocalFile() for u in urls) and _script_path(mime) is None


class ScriptEditor(QPlainTextEdit):
    """Plain-text script editor.

    ``report_changed`` carries the ``ScriptReport`` of the whole script once a change has
    settled (see the module doc): listeners do whole-script work there, not per keystroke.
    """

    report_changed = Signal(object)
    file_loaded = Signal(str)  # the path that was opened
    load_failed = Signal(str)  # a sentence for the user
    sentence_activated = Signal(int)  # code point double-clicked: play the result from there

    _report: ScriptReport  # set by report(), analysing on first use

    def __init__(self, parent: QWidget | None = None, *, plain: bool = False) -> None:
        """``plain``: no highlighter and no chips until :meth:`attach_analysis`."""
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self._text = ""
        self._text_fresh = True  # _text is the document's text
        self._map = Utf16Map("")
        self._analysed = False  # _report and _map describe the document's text
        self._max_chars = MAX_REQUEST_CHARS  # a longer text is a "too long" problem
        self._block_count = 1
        self._spoken: tuple[tuple[int, int], tuple[int, int] | None] | None = None
        self.pause_seconds = 0.5
        # Features that add to the hover text and the context menu at a code point (a
        # book's pronunciation rules), without the editor knowing them.
        self.tooltip_sources: list[Callable[[int], str]] = []
        self.menu_sources: list[Callable[[QMenu, int], None]] = []
        self._settle_timer = self._single_shot(SETTLE_MS)
        self._stale_timer = self._single_shot(MAX_STALE_MS)
        self._document = self.document()  # never replaced: the editor owns its document
        self._document.contentsChange.connect(self._on_contents_change)
        self._highlighter: ScriptHighlighter | None = None
        self._paint_chips: Callable[[QPlainTextEdit, ChipColours, QRect], None] | None = None
        self.insert_pause_action = self._make_insert_action()
        self._set_up_look()
        if not plain:
            self.attach_analysis()

    def attach_analysis(self) -> None:
        """Attach the highlighter and the chips, then run the whole-script update (the
        problems list follows ``report_changed``): what was typed so far gets its marks."""
        if self._highlighter is not None:
            return
        from soundclone_desktop.ui.editor.chips import paint_chips
        from soundclone_desktop.ui.editor.highlighter import ScriptHighlighter

        self._highlighter = ScriptHighlighter(self._document, self.palette())
        self._paint_chips = paint_chips
        self._block_count = self._document.blockCount()
        self._highlighter.repaint_all()  # now, not at Qt's delayed rehighlight
        self._settle()
        self.viewport().update()  # the chips

    def analysis_attached(self) -> bool:
        return self._highlighter is not None

    # --- public API ----------------------------------------------------------------------

    def report(self) -> ScriptReport:
        """The analysis of the current text (analysed now if typing has not settled yet)."""
        if not self._analysed:
            text = self.text()
            self._report = analyze(text, max_chars=self._max_chars)
            self._map = Utf16Map(text)
            self._analysed = True
        return self._report

    def text(self) -> str:
        """The current script text."""
        if not self._text_fresh:
            self._text = self.toPlainText()
            self._text_fresh = True
        return self._text

    def pending(self) -> bool:
        """Whether an edit awaits the whole-script update (``report_changed``)."""
        return self._settle_timer.isActive()

    @property
    def request_limit(self) -> int:
        """The most characters the text may have before it is "too long"."""
        return self._max_chars

    def set_request_limit(self, max_chars: int | None) -> None:
        """The most characters one request carries, over which the text is "too long";
        ``None``: no limit (a book's chapter, which is sent in segments)."""
        limit = sys.maxsize if max_chars is None else max_chars
        if limit != self._max_chars:
            self._max_chars = limit
            self._analysed = False
            self._settle()  # its marks and the problems list follow now

    def flush(self) -> None:
        """Run the pending whole-script update now (before using what listeners show)."""
        if self.pending():
            self._settle()

    def set_text(self, text: str) -> None:
        """Replace the text and start a fresh undo history (opening a draft, a job's text).

        The highlighting follows from the whole-script update: the lines on screen at once,
        the rest in slices over the next event-loop turns (a 30,000-character chapter)."""
        if self._highlighter is None:  # plain until the analysis attaches (staged start)
            self.setPlainText(text)
        else:
            with self._highlighter.replacing_text():
                self.setPlainText(text)
        self.flush()

    def load_file(self, path: str | Path) -> bool:
        """Open a ``.txt``/``.md`` script; undoable. On failure emits ``load_failed``."""
        try:
            text = read_script(Path(path))
        except ScriptFileError as exc:
            self.load_failed.emit(str(exc))
            return False
        self.apply_edit(Edit(0, len(self.text()), text, 0))
        self.file_loaded.emit(str(path))
        return True

    def insert_pause(self, seconds: float | None = None) -> None:
        """Insert a pause at the selection end, merging with a touching marker."""
        seconds = self.pause_seconds if seconds is None else seconds
        index = self._umap().from_utf16(self.textCursor().selectionEnd())
        report = self.report()
        self.apply_edit(plan_pause_insert(self.text(), report.pauses, index, seconds))

    def apply_fix(self, problem: Problem) -> bool:
        """Apply a problem's suggested replacement as one undo step.

        Refused (``False``) for a problem of an older text: its offsets no longer apply.
        """
        edit = plan_fix(problem)
        if edit is None or problem not in self.report().problems:
            return False
        self.apply_edit(edit)
        return True

    def apply_edit(self, edit: Edit) -> None:
        """Replace a code-point range as a single undo step, then place the cursor."""
        from PySide6.QtGui import QTextCursor

        umap = self._umap()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(umap.to_utf16(edit.start))
        cursor.setPosition(umap.to_utf16(edit.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.replacement)
        cursor.endEditBlock()
        self.flush()  # a deliberate edit: problems, counter and gate follow at once
        cursor.setPosition(self._umap().to_utf16(edit.cursor))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``[start, end)``, scroll to them and focus the editor."""
        from PySide6.QtGui import QTextCursor

        umap = self._umap()
        cursor = self.textCursor()
        cursor.setPosition(umap.to_utf16(start))
        cursor.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def line_of(self, index: int) -> int:
        """1-based line (block) number of code point ``index``, as the user sees it."""
        return self.document().findBlock(self._umap().to_utf16(index)).blockNumber() + 1

    def tooltip_at_index(self, index: int) -> str:
        """Sentences for the problems and the pause covering code point ``index``."""
        report = self.report()
        lines = [
            problem_sentence(p)
            for p in report.problems
            if p.start <= index < p.end and p.code != "empty"
        ]
        lines += [pause_sentence(p.seconds) for p in report.pauses if p.start <= index < p.end]
        lines += [line for source in self.tooltip_sources if (line := source(index))]
        return "\n".join(lines)

    def index_at(self, pos: QPoint) -> int:
        """Code point under viewport position ``pos`` (the character, not the gap)."""
        cursor = self.cursorForPosition(pos)
        offset = cursor.position()
        if offset > 0 and pos.x() < self.cursorRect(cursor).x():
            offset -= 1  # the mouse is over the character before the nearest gap
        return self._umap().from_utf16(offset)

    # --- the passage being heard ---------------------------------------------------------

    def spoken(self) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """The highlighted ``(sentence, word)`` code-point spans, or ``None``."""
        return self._spoken

    def set_spoken(
        self,
        sentence: tuple[int, int] | None,
        word: tuple[int, int] | None = None,
        *,
        reveal: bool = False,
    ) -> None:
        """Highlight the sentence (and word) being heard, ``[start, end)`` in code points;
        ``None`` clears. The caller checks that the text is the one synthesised; the next
        edit clears the highlight, since its offsets would no longer apply. ``reveal``
        scrolls the sentence into view without moving the text cursor."""
        self._spoken = (sentence, word) if sentence is not None else None
        others = [s for s in self.extraSelections() if not s.format.property(_SPOKEN_PROPERTY)]
        mine: list[QTextEdit.ExtraSelection] = []
        if sentence is not None:
            colours = colours_for(self.palette(), ground=QPalette.ColorRole.Base)
            colour = colours.spoken_sentence
            # Pause chips inside the sentence keep their own look: cut around them.
            start, end = sentence
            for pause in self.report().pauses:
                if pause.end <= start or pause.start >= end:
                    continue
                if pause.start > start:
                    mine.append(self._spoken_selection(start, pause.start, colour))
                start = pause.end
            if end > start:
                mine.append(self._spoken_selection(start, end, colour))
            if word is not None and word[1] > word[0]:
                mine.append(self._spoken_selection(word[0], word[1], colours.spoken_word))
        self.setExtraSelections(others + mine)
        if reveal and sentence is not None:
            self._reveal(sentence[0])

    def _spoken_selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        from PySide6.QtGui import QTextCursor
        from PySide6.QtWidgets import QTextEdit

        selection = QTextEdit.ExtraSelection()
        umap = self._umap()
        cursor = QTextCursor(self.document())
        cursor.setPosition(umap.to_utf16(start))
        cursor.setPosition(umap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(colour)
        selection.format.setProperty(_SPOKEN_PROPERTY, True)
        return selection

    def _reveal(self, index: int) -> None:
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.document())
        cursor.setPosition(self._umap().to_utf16(index))
        rect = self.cursorRect(cursor)
        if rect.top() >= 0 and rect.bottom() <= self.viewport().height():
            return
        # QPlainTextEdit scrolls by layout lines, counted across wrapped blocks.
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(cursor.positionInBlock()) if layout else None
        number = block.firstLineNumber() + (line.lineNumber() if line and line.isValid() else 0)
        visible = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        self.verticalScrollBar().setValue(max(0, number - visible // 3))

    # --- analysis ------------------------------------------------------------------------

    def _umap(self) -> Utf16Map:
        """Code point ↔ UTF-16 offsets of the current text."""
        self.report()
        return self._map

    def _single_shot(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._settle)
        return timer

    def _on_contents_change(self, _position: int, _removed: int, _added: int) -> None:
        # Runs on every keystroke: keep it to flags and timers. The highlighter paints the
        # edited block from its own text; the rest waits for the pause in typing.
        highlighter = self._highlighter
        if highlighter is not None and highlighter.busy:
            return  # the highlighter repainting blocks: formats changed, not the text
        self._text_fresh = self._analysed = False
        if self._spoken is not None:  # its offsets describe the text before this edit
            self.set_spoken(None)
        count = self._document.blockCount()
        if count != self._block_count:
            self._block_count = count
            if highlighter is not None:
                highlighter.blocks_renumbered()
        if not self._settle_timer.isActive():
            self._stale_timer.start()  # the first edit since the last update
        self._settle_timer.start()

    def _whole_script_spans(self) -> dict[int, tuple[Span, ...]]:
        from soundclone_desktop.ui.editor.spans import block_starts, spans_by_block

        report = self.report()
        return spans_by_block(report, self._map, block_starts(self.document()), len(self._text))

    def _settle(self) -> None:
        """The whole-script update: analysis, every block's underlines, ``report_changed``."""
        self._settle_timer.stop()
        self._stale_timer.stop()
        if self._highlighter is None:
            return  # attach_analysis runs this update (the staged start's shell)
        self._highlighter.set_spans(self._whole_script_spans(), first=self._blocks_on_screen())
        self.report_changed.emit(self.report())

    def _blocks_on_screen(self) -> Iterator[int]:
        """Numbers of the blocks the viewport shows (laid out now if they were not)."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() < bottom
        ):
            yield block.blockNumber()
            block = block.next()

    # --- set-up --------------------------------------------------------------------------

    def _make_insert_action(self) -> QAction:
        action = QAction(QCoreApplication.translate(_CTX, "Insert pause"), self)
        action.setObjectName("insertPauseAction")
        action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        action.setToolTip(
            QCoreApplication.translate(
                _CTX, "Insert a pause at the cursor (Ctrl+Shift+P); merges with a pause next to it"
            )
        )
        action.triggered.connect(lambda: self.insert_pause())
        self.addAction(action)  # the shortcut works whenever the editor's window is active
        return action

    def _set_up_look(self) -> None:
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.2, _MIN_POINT_SIZE))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Long Chinese runs and markers have no spaces; wrap anywhere rather than overflow.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)  # scripts need no tabs; keep keyboard navigation
        # QPlainTextDocumentLayout ignores QTextBlockFormat line height and block margins
        # (checked on Qt 6.11), so airiness comes from the larger font and the margin.
        self.document().setDocumentMargin(12)
        self.setPlaceholderText(
            QCoreApplication.translate(
                _CTX,
                "Type or paste your script. Use Insert pause (Ctrl+Shift+P) to add a silence.",
            )
        )
        self.setAccessibleName(QCoreApplication.translate(_CTX, "Script"))

    # --- Qt overrides --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._paint_chips is not None and self._highlighter is not None:
            self._paint_chips(self, self._highlighter.colours, event.rect())  # behind the text
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            if self._highlighter is not None:
                self._highlighter.set_palette(self.palette())
            if self._spoken is not None:  # repaint the highlight in the new colours
                self.set_spoken(*self._spoken)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)  # selects the word, as always
        if event.button() == Qt.MouseButton.LeftButton:
            self.sentence_activated.emit(self.index_at(event.position().toPoint()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            text = self.tooltip_at_index(self.index_at(pos))
            if text:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                from PySide6.QtWidgets import QToolTip

                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSeparator()
        menu.addAction(self.insert_pause_action)
        index = self.index_at(event.pos())
        for problem in self.report().problems:
            if problem.suggestion is not None and problem.start <= index < problem.end:
                fix = menu.addAction(fix_label(problem))
                fix.triggered.connect(lambda _=False, p=problem: self.apply_fix(p))
        for source in self.menu_sources:
            source(menu, index)
        menu.popup(event.globalPos())  # not exec(): no nested event loop under qasync

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if _script_path(source) is not None:
            return True
        has_text = source.hasText() or source.hasHtml()
        return has_text and not _only_other_files(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        path = _script_path(source)
        if path is not None:
            self.load_file(path)
            return
        if _only_other_files(source):
            return
        # Plain text only: rich text from Word or a web page loses its formatting here.
        if source.hasText():
            text = source.text()
        elif source.hasHtml():
            from PySide6.QtGui import QTextDocumentFragment

            text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        cursor = self.textCursor()
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _script_path(event.mimeData()) is not None:
            event.acceptProposedAction()
        elif _only_other_files(event.mimeData()):
            event.ignore()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _script_path(event.mimeData()) is not None:
            event.acceptProposedAction()  # a file replaces the script; no drop caret
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = _script_path(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.load_file(path)
