"""Segments changed since they were rendered, marked in the chapter text: a background in
the palette's notice colour over each such segment, and on hover "Changed since it was
rendered: render again to hear it (cost …)". Nothing is rendered again by itself.

What counts as changed is :mod:`soundclone_desktop.services.book.changed_segments` (a rule,
a parameter or the voice changed, or the text was edited). It segments the text, so it runs
in a worker, one run at a time, on the editor's text once an edit settles (before it is
saved), when a chapter is opened and when the book's figures change in this chapter's
inputs (a take of it landed, a rule or a setting changed; :mod:`.figures_throttle`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette, QTextCharFormat

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.editor_layers import Layer, set_layer
from soundclone_desktop.ui.book.figures_throttle import ChapterRefresh
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.theme.colours import colours_for

if TYPE_CHECKING:
    from soundclone_desktop.services.book.changed_segments import ChangedSegment
    from soundclone_desktop.ui.book.controller import BookController

log = logging.getLogger(__name__)

CTX = "BookStale"


class StaleSegments(QObject):
    """``changed()`` after the segments shown changed."""

    changed = Signal()

    def __init__(self, controller: BookController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.editor = controller.needs.editor
        self.segments: tuple[ChangedSegment, ...] = ()
        self.text = ""  # the text the segments were found in
        self.currency = ""
        self.task: asyncio.Task[None] | None = None
        self._again = False
        self.editor.tooltip_sources.append(self.tooltip_at)
        self.editor.report_changed.connect(lambda _report: self._on_edit())
        self.changes = ChapterRefresh(controller, self.refresh)
        controller.book_closed.connect(self._forget)

    def _on_edit(self) -> None:
        if self.controller.store is not None:
            self.show()  # hidden at once if the text moved under it, back after the run
            self.refresh()

    def refresh(self) -> asyncio.Task[None] | None:
        if self.controller.store is None or self.controller.chapter_id is None:
            return None
        self.changes.computed_from_now()
        if self.task is not None and not self.task.done():
            self._again = True
            return self.task
        self.task = spawn(self._run(), owner=self)
        return self.task

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                await self._compute()
            except Exception:  # a book value that cannot be segmented: nothing to mark
                log.exception("Finding the changed segments failed")
            if not self._again:
                return

    async def _compute(self) -> None:
        from soundclone_desktop.services.book.changed_segments import changed_segments

        store, chapter_id = self.controller.store, self.controller.chapter_id
        if store is None or chapter_id is None:
            return
        book, text, prices = store.book, self.editor.text(), self.controller.needs.ctx.prices()
        found = await asyncio.to_thread(changed_segments, book, chapter_id, text, prices)
        if store is not self.controller.store or chapter_id != self.controller.chapter_id:
            return
        self.segments, self.text, self.currency = found, text, prices.currency
        self.show()
        self.changed.emit()

    def visible(self) -> tuple[ChangedSegment, ...]:
        return self.segments if self.text and self.editor.text() == self.text else ()

    def show(self) -> None:
        spans = [(s.start, len(self.text[: s.end].rstrip())) for s in self.visible()]
        look = QTextCharFormat()
        colours = colours_for(self.editor.palette(), ground=QPalette.ColorRole.Base)
        # The notice banners' ground: not blue, which the heard sentence and the marks are.
        look.setBackground(colours.warning.background)
        set_layer(self.editor, Layer.STALE, spans, look)

    def tooltip_at(self, index: int) -> str:
        for segment in self.visible():
            if segment.start <= index < segment.end:
                return translate(
                    CTX, "Changed since it was rendered: render again to hear it (cost %1)"
                ).replace("%1", money_text(segment.cost, self.currency))
        return ""

    def _forget(self) -> None:
        self.segments, self.text = (), ""
        self.show()
        self.changed.emit()
