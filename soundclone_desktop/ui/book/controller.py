"""The book view's controller: opens and closes books, binds the selected chapter to the
studio's editor, saves edits, keeps the figures current, forwards render requests.

Threads: every file access and every segmentation runs in a worker (``asyncio.to_thread``);
the GUI thread only swaps finished values into widgets. Edits are saved once typing
settles (the editor's ``report_changed``) plus ``SAVE_DELAY_MS``; the store writes the
chapter's row in one transaction, and the model keeps the takes of unchanged segments.

The editor belongs to the single-script studio (projects): while a book is open the book
borrows it (:class:`EditorLender`) and gives it back on closing, so the script that was
there comes back untouched, and opening a project first closes the book.

Creating a book is in :mod:`.creating`, playing and rendering in :mod:`.playing`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog

from soundclone_desktop.core.book.estimate import BookEstimate, SizeTradeoff, size_tradeoff
from soundclone_desktop.core.book.model import Book, Chapter
from soundclone_desktop.core.book.overview import BookOverview
from soundclone_desktop.core.book.overview_cache import OverviewCache
from soundclone_desktop.core.book.progress import RenderSnapshot
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.core.script import MAX_REQUEST_CHARS
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import BookError, BookStore
from soundclone_desktop.ui.book import texts, warm
from soundclone_desktop.ui.book.chapter_model import ChapterModel
from soundclone_desktop.ui.book.creating import BookCreating
from soundclone_desktop.ui.book.errors import book_error_text
from soundclone_desktop.ui.book.findings_layer import ChapterFindings
from soundclone_desktop.ui.book.listen import SentenceListening
from soundclone_desktop.ui.book.navigator import NavigatorWidget
from soundclone_desktop.ui.book.needs import BookNeeds, EditorLender
from soundclone_desktop.ui.book.playing import BookPlaying
from soundclone_desktop.ui.book.redo_action import RedoActions
from soundclone_desktop.ui.book.rules import PronunciationRules
from soundclone_desktop.ui.book.stale_layer import StaleSegments
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.heap import freeze_long_lived
from soundclone_desktop.ui.common.message_bar import Level

__all__ = ["BookController", "BookNeeds", "EditorLender"]

log = logging.getLogger(__name__)

CTX = "BookView"
SAVE_DELAY_MS: Final = 400  # after typing settles: one save per pause, not per keystroke
FIGURES_DELAY_MS: Final = 300  # the estimate line follows edits and selections this late
STATUS_MS: Final = 4000
NAVIGATOR_WIDTH: Final = 520  # title, status, duration and cost readable side by side


def _figures(
    cache: OverviewCache, book: Book, prices: PriceTable, selected: Sequence[str]
) -> tuple[BookOverview, BookEstimate | None]:
    """Worker-thread work: every chapter's line, and the estimate of a selection of two or
    more chapters (one chapter is a row of the list already). Only the chapters changed
    since the last call are computed (the worker holds the GIL while it computes)."""
    overview = cache.overview(book, prices)
    if len(selected) < 2:
        return overview, None
    return overview, cache.estimate(book, prices, selected, overview.rendered)


class BookController(BookCreating, BookPlaying, QObject):
    """``book_opened(folder)``, ``book_closed()``, ``chapter_saved(chapter id)``,
    ``figures_changed()`` once the list and the estimate line show the book as saved."""

    book_opened = Signal(str)
    book_closed = Signal()
    chapter_saved = Signal(str)
    figures_changed = Signal()

    def __init__(self, needs: BookNeeds) -> None:
        super().__init__(needs.parent)
        self.needs = needs
        self.store: BookStore | None = None
        self.overview: BookOverview | None = None
        self.chapter_id: str | None = None  # the chapter in the editor
        self.file_dialog: QFileDialog | None = None
        self.dialog: QDialog | None = None
        self.snapshot: RenderSnapshot | None = None
        self.opening: asyncio.Task[bool] | None = None
        self.saving: asyncio.Task[None] | None = None
        self.refreshing: asyncio.Task[None] | None = None
        self._refresh_again = False  # asked while a refresh ran: one more after it
        self._overviews = OverviewCache()  # the open book's figures, chapter by chapter
        self._pending: tuple[str, str] | None = None  # (chapter id, text) not saved yet
        self._binding = False  # the editor is being filled: not an edit
        self._save_lock = asyncio.Lock()
        self._lent = False
        self._close_agreed = False
        self.playing: asyncio.Task[None] | None = None
        self._warm_up = warm.start()  # what a shown book needs next: see warm.py
        self._installing: BookStore | None = None  # the book _install is showing

        self.model = ChapterModel(self)
        self._build_actions()
        self.listening = SentenceListening(needs.parent, needs.editor, needs.player)
        self.navigator = NavigatorWidget(
            self.model, new_action=self.new_action, open_action=self.open_action
        )
        self._save_timer = self._timer(SAVE_DELAY_MS, self._save_pending)
        self._figures_timer = self._timer(FIGURES_DELAY_MS, self.refresh)
        self._connect()
        self._show_render_state()
        self.rules = PronunciationRules(self)
        self.redo = RedoActions(self)
        self.findings = ChapterFindings(self)
        self.stale = StaleSegments(self)

    # -- building ---------------------------------------------------------------------------

    def _timer(self, interval: int, slot: Callable[[], Any]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _action(self, name: str, text: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self.needs.parent)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("newBookAction", translate(CTX, "New Book…"), self.new_book)
        self.new_action.setToolTip(
            translate(CTX, "Start a book with the script as its first chapter")
        )
        self.open_action = self._action(
            "openBookAction", translate(CTX, "Open Book…"), self.open_book
        )
        self.open_action.setToolTip(translate(CTX, "Open a .scbook folder"))
        self.close_action = self._action(
            "closeBookAction", translate(CTX, "Close Book"), self.close_book
        )
        self.close_action.setEnabled(False)
        menu = self.needs.menus.file_menu  # after the project and script actions
        menu.addSeparator()
        for action in (self.new_action, self.open_action, self.close_action):
            menu.addAction(action)

    def _connect(self) -> None:
        nav = self.navigator
        nav.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        nav.table.selectionModel().selectionChanged.connect(lambda *_: self._figures_timer.start())
        nav.settings_button.clicked.connect(self.open_settings)
        nav.properties_button.clicked.connect(self.open_chapter_properties)
        nav.render_book_button.clicked.connect(lambda: self._render(None))
        nav.render_selected_button.clicked.connect(lambda: self._render(nav.selected_ids()))
        nav.pause_button.toggled.connect(self._on_pause_toggled)
        nav.play_requested.connect(self.play_chapter)
        self.model.rename_requested.connect(
            lambda cid, title: self._change(lambda s: s.update_chapter(cid, title=title))
        )
        self.model.exclude_requested.connect(
            lambda cid, excluded: self._change(lambda s: s.update_chapter(cid, excluded=excluded))
        )
        self.model.order_changed.connect(lambda ids: self._change(lambda s: s.reorder(list(ids))))
        self.needs.editor.report_changed.connect(self._on_editor_settled)
        self.needs.closed.connect(self._on_window_closed)
        self.needs.render.listen(self._on_snapshot)
        self.needs.render.on_change(self._show_render_state)

    # -- opening ----------------------------------------------------------------------------

    def open_book(self) -> QFileDialog:
        dialog = QFileDialog(self.needs.parent, translate(CTX, "Open book"))
        dialog.setObjectName("openBookDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(self._folder()))
        dialog.fileSelected.connect(lambda path: self.open_path(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def open_path(self, path: Path) -> asyncio.Task[bool]:
        """Open the book at ``path`` (its folder, or its ``book.sqlite3``)."""
        self.opening = spawn(self._open(path), owner=self)
        return self.opening

    async def _open(self, path: Path) -> bool:
        try:
            store = await asyncio.to_thread(BookStore.open, path)
        except BookError as exc:
            self.needs.messages.show_message(book_error_text(exc), Level.ERROR)
            return False
        await self._install(store)
        if store.recovered_from is not None:
            self.needs.messages.show_message(
                translate(
                    CTX,
                    "The book was damaged; what could be read was recovered. The damaged "
                    "file was kept as “%1”.",
                ).replace("%1", store.recovered_from.name),
                Level.WARNING,
            )
        return True

    async def _install(self, store: BookStore) -> None:
        """Show ``store``'s book (any book open before is closed first)."""
        cache = OverviewCache()
        figures = await asyncio.to_thread(_figures, cache, store.book, self.needs.ctx.prices(), ())
        await asyncio.wrap_future(self._warm_up)  # done long before, but for a first open
        if self.store is not None:
            await self._close()
        # The dock's page and the list's rows each get an event-loop turn of their own, and
        # the book becomes the open one in a third, with the chapter's text: in one turn
        # they held the GUI thread past 50 ms (the page's layout, the rows and their play
        # buttons, the editor's layout and analysis of a 30,000-character chapter). Until
        # that last turn no book is open, so what runs between the turns sees none.
        self._installing = store
        overview = figures[0]
        self.navigator.show_book(store.book.title)
        self._show_estimate(overview.estimate, None)
        if not self.dock.isVisible():
            self.dock.show()
            self.needs.docks.resize_docks([self.dock], [NAVIGATOR_WIDTH])
        self.dock.raise_()
        if not await self._next_turn(store):
            return
        self.model.set_lines(overview.chapters, overview.estimate.currency)
        if not await self._next_turn(store):
            return
        self.store = store
        self._overviews = cache
        self.overview = overview
        self.needs.render.set_book(store)  # a render left unfinished continues
        self.listening.set_book(store.folder)
        self.close_action.setEnabled(True)
        if not self._lent:
            self.needs.lender.lend_editor(self._taken_back)
            self._lent = True
            # A chapter is sent in segments: its length is no problem, the request limit
            # would underline most of it as "too long".
            self.needs.editor.set_request_limit(None)
        first = next((c for c in store.book.chapters if not c.excluded), None)
        first = first or (store.book.chapters[0] if store.book.chapters else None)
        if first is not None:
            self.navigator.select_chapter(first.id)
        freeze_long_lived()  # the open book lives long: see ui/common/heap.py
        self.book_opened.emit(str(store.folder))
        self.needs.messages.show_status(
            translate(CTX, "Opened the book “%1”").replace("%1", store.book.title), STATUS_MS
        )

    async def _next_turn(self, store: BookStore) -> bool:
        """Let the event loop run; whether ``store`` is still the book being opened (if
        another open took over meanwhile, this one's file is closed)."""
        await asyncio.sleep(0)
        if store is self._installing and self.store is None:
            return True
        await asyncio.to_thread(store.close)
        return False

    def _folder(self) -> Path:
        return self.needs.ctx.results_dir().parent

    # -- closing ----------------------------------------------------------------------------

    def close_book(self) -> asyncio.Task[None]:
        return spawn(self._close(give_back=True), owner=self)

    async def _close(self, *, give_back: bool = False) -> None:
        store = self.store
        if store is None:
            return
        await self._flush()
        self._forget_book()
        await asyncio.to_thread(store.close)
        if give_back and self._lent:
            self._lent = False
            self.needs.editor.set_request_limit(MAX_REQUEST_CHARS)
            self.needs.lender.return_editor()

    def _taken_back(self) -> None:
        """The editor's owner needs it now (a project is opened): save, let go, close."""
        self._lent = False
        self.needs.editor.set_request_limit(MAX_REQUEST_CHARS)
        self._close_now()

    def _on_window_closed(self) -> None:
        self._close_now()

    def _close_now(self) -> None:
        """Save the last edit and close the file on this thread (one chapter's row: tens of
        milliseconds, and only when the owner takes the editor back or the window closes)."""
        store = self.store
        if store is None:
            return
        self._collect_edit()
        pending = self._pending
        self._forget_book()
        try:
            if pending is not None and store.book.chapter(pending[0]).text != pending[1]:
                store.set_chapter_text(*pending)
        except (BookError, KeyError) as exc:
            log.warning("The last edit of the book %s was not saved: %s", store.folder, exc)
        finally:
            store.close()

    def _forget_book(self) -> None:
        self._save_timer.stop()
        self._figures_timer.stop()
        self._pending = None
        self.store = None
        self.needs.render.set_book(None)
        self.listening.set_book(None)
        self.overview = None
        self.chapter_id = None
        self.model.set_lines([], "")
        self.navigator.show_book(None)
        self.close_action.setEnabled(False)
        self.book_closed.emit()

    # -- the chapter in the editor ------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        line = self.model.line(current.row())
        if line is None or line.chapter_id == self.chapter_id or self.store is None:
            return
        self._collect_edit()
        if self._pending is not None:
            self._save_timer.stop()
            self._save_pending()  # the chapter we leave is saved before the next one shows
        self.chapter_id = line.chapter_id
        text = self.store.book.chapter(line.chapter_id).text
        pending = self._pending
        if pending is not None and pending[0] == line.chapter_id:
            text = pending[1]  # coming back before its save finished
        self._binding = True
        try:
            self.needs.editor.set_text(text)
        finally:
            self._binding = False
        self.listening.set_chapter(line.chapter_id)
        self.rules.show_underlines()
        self.findings.refresh()
        self.stale.refresh()

    def _on_editor_settled(self, _report: object) -> None:
        if self._binding or self.store is None or self.chapter_id is None:
            return
        self._collect_edit()
        if self._pending is not None:
            self._save_timer.start()

    def _collect_edit(self) -> None:
        """Note the editor's text as the chapter's if it differs from what is saved."""
        store, chapter_id = self.store, self.chapter_id
        if store is None or chapter_id is None:
            return
        text = self.needs.editor.text()
        saved = store.book.chapter(chapter_id).text
        if text != saved or (self._pending is not None and self._pending[0] == chapter_id):
            self._pending = (chapter_id, text)

    def _save_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.saving = spawn(self._save(*pending), owner=self)

    async def _save(self, chapter_id: str, text: str) -> None:
        async with self._save_lock:  # saves land in the order they were made
            store = self.store
            if store is None:
                return
            try:
                if store.book.chapter(chapter_id).text != text:
                    await asyncio.to_thread(store.set_chapter_text, chapter_id, text)
            except BookError as exc:
                self.needs.messages.show_message(book_error_text(exc), Level.ERROR)
                return
            except KeyError:
                return  # the chapter was removed meanwhile
        self.chapter_saved.emit(chapter_id)
        self._figures_timer.start()

    async def _flush(self) -> None:
        """Save what the editor holds now, and wait for every save in flight."""
        self._collect_edit()
        self._save_timer.stop()
        self._save_pending()
        if self.saving is not None:  # spawned but maybe not started: the lock is still free
            await asyncio.wait({self.saving})
        async with self._save_lock:
            pass

    def flush(self) -> asyncio.Task[None]:
        return spawn(self._flush(), owner=self)

    # -- changes from the list and the dialogs ------------------------------------------------

    def _change(self, change: Callable[[BookStore], object]) -> asyncio.Task[None]:
        return spawn(self._apply(change), owner=self)

    async def _apply(self, change: Callable[[BookStore], object]) -> None:
        store = self.store
        if store is None:
            return
        await self._flush()
        try:
            await asyncio.to_thread(change, store)
        except BookError as exc:
            self.needs.messages.show_message(book_error_text(exc), Level.ERROR)
        self.refresh()

    def open_settings(self) -> QDialog | None:
        from soundclone_desktop.ui.book.settings_dialog import BookSettingsDialog

        store = self.store
        if store is None:
            return None
        prices = self.needs.ctx.prices()
        chapters = [c.text for c in store.book.chapters if not c.excluded]

        async def tradeoff_for(target: int) -> SizeTradeoff:
            return await asyncio.to_thread(size_tradeoff, chapters, target, prices)

        dialog = BookSettingsDialog(store.book.settings, tradeoff_for, self.needs.parent)

        def save() -> None:
            settings = dialog.settings()  # read on this thread: the dialog goes away
            self._change(lambda s: s.set_settings(settings))

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_chapter_properties(self) -> QDialog | None:
        from soundclone_desktop.ui.book.chapter_dialog import ChapterPropertiesDialog

        store, chapter_id = self.store, self.navigator.current_id()
        if store is None or chapter_id is None:
            return None
        chapter: Chapter = store.book.chapter(chapter_id)
        values = {
            f.name: getattr(store.book.settings.params, f.name)
            for f in dataclasses.fields(ProductionParams)
        }
        dialog = ChapterPropertiesDialog(chapter, values, self.needs.parent)

        def save() -> None:
            overrides = dialog.overrides()  # read on this thread: the dialog goes away
            self._change(lambda s: s.update_chapter(chapter_id, overrides=overrides))

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- figures ------------------------------------------------------------------------------

    def refresh(self) -> asyncio.Task[None] | None:
        """Recompute the list and the estimate line in a worker, then show them. Coalesced:
        at most one computation runs and one more is owed, however often this is called
        (a render changes the book many times a second); the task returned ends once the
        figures show the book as it was at this call."""
        if self.store is None:
            return None
        self._figures_timer.stop()
        self._refresh_again = True
        if self.refreshing is None or self.refreshing.done():
            self.refreshing = spawn(self._refresh_while_asked(), owner=self)
        return self.refreshing

    async def _refresh_while_asked(self) -> None:
        while self._refresh_again:
            self._refresh_again = False
            await self._refresh()

    async def _refresh(self) -> None:
        store = self.store
        if store is None:
            return
        selected = self.navigator.selected_ids()
        overview, selection = await asyncio.to_thread(
            _figures, self._overviews, store.book, self.needs.ctx.prices(), selected
        )
        if store is not self.store:
            return  # closed or replaced meanwhile
        self.overview = overview
        self.model.set_lines(overview.chapters, overview.estimate.currency)
        self._show_estimate(overview.estimate, selection, len(selected))
        self.navigator.title_label.setText(store.book.title)
        self._show_render_state()  # the book's voice may have been set
        self.figures_changed.emit()

    def _show_estimate(
        self, book: BookEstimate, selection: BookEstimate | None, count: int = 0
    ) -> None:
        if selection is None:
            text = texts.estimate_text(book, translate(CTX, "Book"))
        else:
            scope = translate(CTX, "%1 selected chapters").replace("%1", str(count))
            text = texts.estimate_text(selection, scope)
        self.navigator.estimate_label.setText(text)

    @property
    def is_open(self) -> bool:
        return self.store is not None

    # -- set by attach_book ---------------------------------------------------------------------

    dock: QDockWidget
