"""A layer of the open chapter refreshes when what it shows changed, at most once per moment.

During a render the book's figures change several times a second (every take adopted).
A view that recomputed something of the open chapter on each change (its findings, its
changed segments) computed without pause in workers holding the GIL: measured, 55 % of a
core and 180 GUI stalls over 50 ms during a 300-segment render; gathered into one refresh
per 10 s, still 11 %. So a change is first compared with what the layer was last computed
from (:mod:`.open_chapter`, microseconds): a take adopted in another chapter refreshes
nothing. Changes of the open chapter itself are gathered, and the refresh runs once the
moment has passed (a longer moment while a render runs: its takes land one after another).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from soundclone_desktop.ui.book.open_chapter import (
    ChapterInputs,
    open_chapter_inputs,
    render_running,
)

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.controller import BookController

FIGURES_SETTLE_MS = 2000
RENDERING_SETTLE_MS = 10_000  # while a render runs: its takes land several times a second


class ChapterRefresh(QObject):
    """Calls ``refresh`` after the book's figures changed in the open chapter's inputs: once
    a burst of such changes has had :data:`FIGURES_SETTLE_MS` (:data:`RENDERING_SETTLE_MS`
    while a render runs). The layer calls :meth:`computed_from_now` when it refreshes for its
    own reasons (a chapter opened, an edit), so the next comparison starts from there."""

    def __init__(self, controller: BookController, refresh: Callable[[], object]) -> None:
        super().__init__(controller)
        self.controller = controller
        self.seen: ChapterInputs | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self._fire(refresh))
        controller.figures_changed.connect(self._on_figures)
        controller.book_closed.connect(self._forget)

    def computed_from_now(self) -> None:
        self.seen = open_chapter_inputs(self.controller)

    def _on_figures(self) -> None:
        now = open_chapter_inputs(self.controller)
        if now is None or (self.seen is not None and now.same(self.seen)):
            return
        if not self.timer.isActive():
            rendering = render_running(self.controller)
            self.timer.start(RENDERING_SETTLE_MS if rendering else FIGURES_SETTLE_MS)

    def _fire(self, refresh: Callable[[], object]) -> None:
        self.computed_from_now()
        refresh()

    def _forget(self) -> None:
        self.timer.stop()
        self.seen = None
