"""Find and replace in the script editor (a book's chapter when a book is open).

Matches are found in code points (``search.py``) and shown as extra selections in the
editor, the current one in the palette's selection colours, the others in a tint of it, so
both themes keep their contrast. Typing in the editor while the bar is open refreshes the
matches once typing settles (the editor's ``report_changed``). "Replace all" is one edit
block: one Undo restores the text.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.ui.edit.find_bar import FindBar
from soundclone_desktop.ui.edit.search import (
    Found,
    SearchError,
    check_template,
    compile_query,
    find_all,
    replace_plan,
    replacement_for,
)
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.edits import Edit

# Marks our extra selections, so the editor's own (the passage being heard) stay.
_FOUND_PROPERTY: Final = int(QTextFormat.Property.UserProperty) + 0xF1D
# Find-as-you-type in a text this long waits for a pause in typing (a one-letter search
# of a whole book takes a few hundred milliseconds).
_LONG_TEXT: Final = 100_000
_TYPING_PAUSE_MS: Final = 250
# Only the matches on screen are painted (again on every scroll, before the paint): the
# editor walks every extra selection for every line it paints.
_SCREENS_AROUND: Final = 0
_TINT: Final = 0.35  # how much of the selection colour the other matches get


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    def mix(a: float, b: float) -> float:
        return a + (b - a) * amount

    return QColor.fromRgbF(
        mix(base.redF(), tint.redF()),
        mix(base.greenF(), tint.greenF()),
        mix(base.blueF(), tint.blueF()),
    )


class FindController(QObject):
    """Drives ``bar`` over ``editor``: the matches, the current one, replacing."""

    def __init__(self, editor: ScriptEditor, bar: FindBar) -> None:
        super().__init__(bar)
        self.editor = editor
        self.bar = bar
        self.matches: list[Found] = []
        self._starts: list[int] = []
        self._pattern: re.Pattern[str] | None = None
        self._umap = Utf16Map("")
        self._anchor = 0  # where find-as-you-type looks from: the cursor when the bar opened
        self._searched: tuple[int, object] | None = None  # (document revision, query)
        self._selecting = False  # moving to a match scrolls: paint once, after
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self._refresh(select_from=self._anchor))
        bar.hide()
        bar.query_changed.connect(self._on_query_changed)
        bar.next_requested.connect(self.find_next)
        bar.previous_requested.connect(self.find_previous)
        bar.replace_requested.connect(self.replace)
        bar.replace_all_requested.connect(self.replace_all)
        bar.close_requested.connect(self.close)
        editor.report_changed.connect(self._on_text_settled)
        scroll = editor.verticalScrollBar()
        scroll.valueChanged.connect(self._on_scrolled)
        scroll.rangeChanged.connect(self._on_scrolled)
        # Esc closes the bar from the bar or the editor; only while it is open, so the
        # editor does not swallow Esc otherwise.
        self._escapes: list[QShortcut] = []
        for owner, context in (
            (bar, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            (editor, Qt.ShortcutContext.WidgetShortcut),
        ):
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), owner)
            escape.setContext(context)
            escape.setEnabled(False)
            escape.activated.connect(self._escape)
            self._escapes.append(escape)

    # -- opening and closing ----------------------------------------------------------------

    def open(self, *, replacing: bool) -> None:
        """Show the bar (with the replace row or not), seeded with a one-line selection."""
        self._umap = Utf16Map(self.editor.text())
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:  # Qt's paragraph separator: several lines
            self.bar.find_edit.setText(selected)
        self._anchor = self._index(cursor.selectionStart())
        self.bar.set_replacing(replacing)
        self.bar.show()
        for escape in self._escapes:
            escape.setEnabled(True)
        field = self.bar.replace_edit if replacing and selected else self.bar.find_edit
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        self._refresh(select_from=self._anchor)

    def close(self) -> None:
        self.bar.hide()
        for escape in self._escapes:
            escape.setEnabled(False)
        self._show_highlights(None)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_open(self) -> bool:
        return self.bar.isVisible()

    def _escape(self) -> None:
        if self.is_open():
            self.close()

    # -- moving -----------------------------------------------------------------------------

    def find_next(self) -> None:
        if not self.is_open():
            self.open(replacing=False)
            return
        self._refresh(select_from=None)
        if not self.matches:
            return
        _start, end = self._selection()
        index = bisect.bisect_left(self._starts, end)  # after the selection, or at the cursor
        self._select(index % len(self.matches))

    def find_previous(self) -> None:
        if not self.is_open():
            self.open(replacing=False)
            return
        self._refresh(select_from=None)
        if not self.matches:
            return
        start, _end = self._selection()
        index = bisect.bisect_left(self._starts, start) - 1
        self._select(index % len(self.matches))

    # -- replacing --------------------------------------------------------------------------

    def replace(self) -> None:
        """Replace the selected match (one undo step) and select the next; with no match
        selected, only go to the next one."""
        self._refresh(select_from=None)
        current = self._current()
        pattern = self._pattern
        if current is None or pattern is None:
            self.find_next()
            return
        regex = self.bar.regex_check.isChecked()
        try:
            text = replacement_for(
                self.editor.text(), pattern, current, self.bar.replace_edit.text(), regex=regex
            )
        except SearchError as exc:
            self.bar.show_problem(str(exc))
            return
        after = current.start + len(text)
        self.editor.apply_edit(Edit(current.start, current.end, text, after))
        self._refresh(select_from=after)

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        self._refresh(select_from=None)
        pattern = self._pattern
        if pattern is None or not self.matches:
            return 0
        text = self.editor.text()
        template = self.bar.replace_edit.text()
        regex = self.bar.regex_check.isChecked()
        try:
            if regex:
                check_template(pattern, template)
            plan = replace_plan(text, pattern, template, regex=regex)
        except SearchError as exc:
            self.bar.show_problem(str(exc))
            return 0
        # One insertion from the first match to the last: one change for the editor, the
        # highlighter and the undo stack (per-match insertions cost seconds on a chapter).
        first, last = plan[0][0], plan[-1][0]
        pieces: list[str] = []
        position = first.start
        for found, replacement in plan:
            pieces += [text[position : found.start], replacement]
            position = found.end
        umap = Utf16Map(text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(umap.to_utf16(first.start))
        cursor.setPosition(umap.to_utf16(last.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("".join(pieces))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)  # after the last replacement
        self.editor.flush()  # problems, counter and the book's save follow at once
        self._refresh(select_from=None)
        self.bar.show_replaced(len(plan))
        return len(plan)

    # -- searching --------------------------------------------------------------------------

    def _on_query_changed(self) -> None:
        if len(self.editor.text()) > _LONG_TEXT:
            self._typing.start()
        else:
            self._refresh(select_from=self._anchor)

    def _on_text_settled(self, _report: object) -> None:
        if self.is_open():
            self._refresh(select_from=None)

    def _refresh(self, *, select_from: int | None) -> None:
        """Search again; select the first match at or after ``select_from`` if given."""
        self._typing.stop()  # this search reads the newest query
        key = (self._revision(), self.bar.query())
        if key != self._searched:  # else the matches are those of this text and query
            text = self.editor.text()
            self._umap = Utf16Map(text)
            try:
                self._pattern = compile_query(self.bar.query())
            except SearchError as exc:
                self._pattern = None
                self._searched = None
                self._set_matches([])
                self._show_highlights(None)
                self.bar.show_problem(str(exc))
                return
            self._set_matches(find_all(text, self._pattern))
            self._searched = key
        if select_from is not None and self.matches:
            index = bisect.bisect_left(self._starts, select_from)
            self._select(index % len(self.matches))
        else:
            self._show_state()

    def _set_matches(self, matches: list[Found]) -> None:
        self.matches = matches
        self._starts = [m.start for m in matches]

    def _select(self, index: int) -> None:
        """Select match ``index`` in the editor and scroll to it; the focus stays put."""
        found = self.matches[index]
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._umap.to_utf16(found.start))
        cursor.setPosition(self._umap.to_utf16(found.end), QTextCursor.MoveMode.KeepAnchor)
        self._selecting = True
        try:
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
        finally:
            self._selecting = False
        self._show_state()

    def _show_state(self) -> None:
        current = self._current()
        position = None if current is None else bisect.bisect_left(self._starts, current.start) + 1
        if not self.bar.problem or self._pattern is not None:
            self.bar.show_count(position, len(self.matches))
        self._show_highlights(current)

    def _current(self) -> Found | None:
        """The match the editor's selection is exactly on, if any."""
        start, end = self._selection()
        index = bisect.bisect_left(self._starts, start)
        if index < len(self.matches) and self.matches[index] == Found(start, end):
            return self.matches[index]
        return None

    def _selection(self) -> tuple[int, int]:
        cursor = self.editor.textCursor()
        return self._index(cursor.selectionStart()), self._index(cursor.selectionEnd())

    def _index(self, utf16: int) -> int:
        """Code point of a UTF-16 offset (the map is the one of the last refresh)."""
        return self._umap.from_utf16(utf16)

    # -- painting ---------------------------------------------------------------------------

    def _show_highlights(self, current: Found | None) -> None:
        others = [
            s for s in self.editor.extraSelections() if not s.format.property(_FOUND_PROPERTY)
        ]
        mine: list[QTextEdit.ExtraSelection] = []
        if self.is_open():
            palette = self.editor.palette()
            group = QPalette.ColorGroup.Active
            selection = palette.color(group, QPalette.ColorRole.Highlight)
            tint = _blend(palette.color(group, QPalette.ColorRole.Base), selection, _TINT)
            text = palette.color(group, QPalette.ColorRole.Text)
            for found in self._on_screen():
                if found != current:
                    mine.append(self._highlight(found, tint, text))
            if current is not None:
                strong = palette.color(group, QPalette.ColorRole.HighlightedText)
                mine.append(self._highlight(current, selection, strong))
        self.editor.setExtraSelections(others + mine)

    def _on_scrolled(self, *_args: object) -> None:
        # Not while the text is changing under stale matches: the refresh after it paints.
        if self.is_open() and self.matches and self._fresh() and not self._selecting:
            self._show_highlights(self._current())

    def _fresh(self) -> bool:
        return self._searched is not None and self._searched[0] == self._revision()

    def _revision(self) -> int:
        return self.editor.document().revision()

    def _on_screen(self) -> list[Found]:
        """The matches on screen (and ``_SCREENS_AROUND`` screens either side)."""
        viewport = self.editor.viewport()
        top = self.editor.cursorForPosition(QPoint(0, 0)).position()
        corner = QPoint(viewport.width() - 1, viewport.height() - 1)
        bottom = self.editor.cursorForPosition(corner).position()
        first, last = self._index(top), self._index(bottom)
        margin = (last - first + 1) * _SCREENS_AROUND
        low = bisect.bisect_left(self._starts, first - margin)
        high = bisect.bisect_right(self._starts, last + margin)
        return self.matches[low:high]

    def _highlight(
        self, found: Found, background: QColor, foreground: QColor
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._umap.to_utf16(found.start))
        cursor.setPosition(self._umap.to_utf16(found.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(background)
        selection.format.setForeground(foreground)
        selection.format.setProperty(_FOUND_PROPERTY, True)
        return selection
