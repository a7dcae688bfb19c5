"""Pronunciation rules in the book view: the rules table (Review › Pronunciation Rules…),
a dashed underline under every word a rule changes in the chapter text with what is sent on
hover, and for a Chinese character with several readings (多音字) a context-menu entry
offering a homophone for the reading meant, saved as a rule.

The word a 多音字 rule replaces: the selection when it holds the character, else the
character and the Chinese character after it (行长), else the one before it. A single
character alone would change every word it is in, which is rarely what is meant.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPalette, QTextCharFormat
from PySide6.QtWidgets import QMenu

from soundclone_desktop.core.book.pronunciation import Applied, Rule, apply_rules
from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.editor_layers import Layer, set_layer
from soundclone_desktop.ui.common.async_utils import spawn

if TYPE_CHECKING:
    from soundclone_desktop.core.jobs import Job
    from soundclone_desktop.store.book import BookStore
    from soundclone_desktop.ui.book.controller import BookController
    from soundclone_desktop.ui.book.rules_dialog import RulesDialog

log = logging.getLogger(__name__)

CTX = "PronunciationRules"
HOMOPHONES_SHOWN: Final = 6


class PronunciationRules(QObject):
    def __init__(self, controller: BookController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.editor = controller.needs.editor
        self.dialog: RulesDialog | None = None
        self.applied: Applied | None = None  # the rules on the editor's text, as underlined
        self.trial: asyncio.Task[Job | None] | None = None  # the last "listen with this rule"
        self.action = QAction(translate(CTX, "Pronunciation Rules…"), controller.needs.parent)
        self.action.setObjectName("pronunciationRulesAction")
        self.action.setToolTip(
            translate(CTX, "Words to send differently from how they are written")
        )
        self.action.triggered.connect(lambda _checked=False: self.open_rules())
        controller.listening.add_to_menu(self.action)
        self.editor.tooltip_sources.append(self.tooltip_at)
        self.editor.menu_sources.append(self.add_menu_entries)
        self.editor.report_changed.connect(lambda _report: self.show_underlines())
        controller.book_closed.connect(self.show_underlines)
        controller.book_opened.connect(lambda _folder: self._warm_up())

    # -- the underline and the hover --------------------------------------------------------

    def show_underlines(self) -> None:
        store, chapter_id = self.controller.store, self.controller.chapter_id
        if store is None or chapter_id is None or not store.book.rules:
            self.applied = None
            set_layer(self.editor, Layer.RULES, [], QTextCharFormat())
            return
        self.applied = apply_rules(self.editor.text(), store.book.rules, chapter_id)
        spans = [(r.start, r.end) for r in self.applied.replacements]
        look = QTextCharFormat()
        look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        look.setUnderlineColor(self.editor.palette().color(QPalette.ColorRole.Link))
        set_layer(self.editor, Layer.RULES, spans, look)

    def tooltip_at(self, index: int) -> str:
        applied = self.applied
        if applied is None or applied.written != self.editor.text():
            return ""
        for r in applied.replacements:
            if r.start <= index < r.end:
                return translate(CTX, "Sent as “%1” (pronunciation rule)").replace("%1", r.text)
        return ""

    # -- 多音字 -------------------------------------------------------------------------------

    def _warm_up(self) -> None:
        """pypinyin's tables take about half a second to load: load them in a worker when a
        book is opened, not when the context menu first opens."""
        store = self.controller.store
        if store is None or not store.book.language.startswith("zh"):
            return  # only a Chinese book offers readings
        from soundclone_desktop.core.book import polyphones

        spawn(asyncio.to_thread(polyphones.homophones, "háng"), owner=self)

    def add_menu_entries(self, menu: QMenu, index: int) -> None:
        if self.controller.store is None:
            return
        text = self.editor.text()
        if not 0 <= index < len(text):
            return
        char = text[index]
        from soundclone_desktop.core.book import polyphones

        readings = polyphones.readings(char)
        if len(readings) < 2:
            return
        word, at = self.word_around(text, index)
        sub = menu.addMenu(translate(CTX, "Read “%1” as…").replace("%1", char))
        sub.setObjectName("polyphoneMenu")
        for reading in readings:
            choices = polyphones.homophones(reading, exclude=char, limit=HOMOPHONES_SHOWN)
            if not choices:
                continue
            options = sub.addMenu(reading)
            for other in choices:
                sent = word[:at] + other + word[at + 1 :]
                action = options.addAction(
                    translate(CTX, "Send “%1” for “%2” (%3)")
                    .replace("%1", sent)
                    .replace("%2", word)
                    .replace("%3", reading)
                )
                action.triggered.connect(lambda _c=False, w=word, s=sent: self.add_rule(w, s))

    def word_around(self, text: str, index: int) -> tuple[str, int]:
        """The word a reading rule replaces and where the character is in it (module doc)."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            umap = Utf16Map(text)
            start = umap.from_utf16(cursor.selectionStart())
            end = umap.from_utf16(cursor.selectionEnd())
            if start <= index < end and end - start <= 8:
                return text[start:end], index - start
        from soundclone_desktop.core.book import polyphones

        def chinese(i: int) -> bool:
            return 0 <= i < len(text) and bool(polyphones.readings(text[i]))

        if chinese(index + 1):
            return text[index : index + 2], 0
        if chinese(index - 1):
            return text[index - 1 : index + 1], 1
        return text[index], 0

    def add_rule(self, find: str, replace: str) -> asyncio.Task[None]:
        """A whole-book rule, saved now; the underline and the figures follow."""
        return self.change(lambda store: store.add_rule(find, replace))

    # -- the rules table --------------------------------------------------------------------

    def open_rules(self) -> RulesDialog | None:
        from soundclone_desktop.ui.book.rules_dialog import RulesDialog

        store = self.controller.store
        if store is None:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        chapter_id = self.controller.chapter_id
        chapter = None
        if chapter_id is not None:
            chapter = (chapter_id, store.book.chapter(chapter_id).title)
        dialog = RulesDialog(store.book, chapter, self.controller.needs.parent)
        dialog.change_requested.connect(self.change)
        dialog.listen_requested.connect(self.listen)
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: RulesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def change(self, change: Callable[[BookStore], object]) -> asyncio.Task[None]:
        return spawn(self._change(change), owner=self)

    async def _change(self, change: Callable[[BookStore], object]) -> None:
        await self.controller._change(change)
        store = self.controller.store
        if store is None:
            return
        if self.dialog is not None:
            self.dialog.show_book(store.book)
        self.show_underlines()

    def listen(self, rule: Rule, rules_after: list[Rule]) -> None:
        from soundclone_desktop.ui.book.rule_listen import listen_with_rule

        listen_with_rule(self.controller, rule, rules_after)
