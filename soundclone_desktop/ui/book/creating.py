"""Starting a book: an empty one from the script in the editor, or one from an imported
manuscript; both ask where the ``.scbook`` goes, create it in a worker and open it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.book.model import Book, BookSettings, new_chapter
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import SUFFIX, BookError, BookStore, with_suffix
from soundclone_desktop.ui.book.errors import book_error_text
from soundclone_desktop.ui.common.async_utils import signal_to_future, spawn
from soundclone_desktop.ui.common.message_bar import Level

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.needs import BookNeeds

CTX = "BookView"


class BookCreating:
    """The controller's "New book…" and the import dialog's hand-over."""

    if TYPE_CHECKING:  # provided by BookController
        needs: BookNeeds
        store: BookStore | None
        file_dialog: QFileDialog | None

        async def _install(self, store: BookStore) -> None: ...
        def _folder(self) -> Path: ...

    def new_book(self) -> asyncio.Task[bool]:
        return spawn(self._new_book(), owner=self)

    async def _new_book(self) -> bool:
        path = await self._ask_book_path(self._folder() / translate(CTX, "Untitled"))
        if path is None:
            return False
        script = "" if self.store is not None else self.needs.editor.text()
        title = path.stem
        book = Book(
            title=title,
            settings=self._settings_from_panel(),
            chapters=(new_chapter(translate(CTX, "Chapter 1"), script),),
        )
        return await self._create(path, book)

    def from_manuscript(
        self, manuscript: Manuscript, changes: object, source: Path
    ) -> asyncio.Task[bool]:
        """The import dialog's hand-over: ask where the ``.scbook`` goes (beside the
        manuscript by default), create it in a worker, open it. ``changes`` (the clean-up
        applied) are already in the chapters' text; the book keeps no record of them."""
        del changes
        return spawn(self._from_manuscript(manuscript, source), owner=self)

    async def _from_manuscript(self, manuscript: Manuscript, source: Path) -> bool:
        path = await self._ask_book_path(source.with_suffix(SUFFIX))
        if path is None:
            return False
        chapters = tuple(
            new_chapter(draft.title, draft.text, excluded=draft.excluded)
            for draft in manuscript.chapters
        )
        book = Book(
            title=manuscript.title or source.stem,
            author=manuscript.author,
            language=manuscript.language or "",
            settings=self._settings_from_panel(),
            chapters=chapters,
        )
        return await self._create(path, book)

    async def _create(self, path: Path, book: Book) -> bool:
        try:
            store = await asyncio.to_thread(BookStore.create, path, book)
        except (BookError, OSError) as exc:
            text = (
                book_error_text(exc)
                if isinstance(exc, BookError)
                else translate(CTX, "Could not create the book “%1”: %2")
                .replace("%1", path.name)
                .replace("%2", exc.strerror or str(exc))
            )
            self.needs.messages.show_message(text, Level.ERROR)
            return False
        await self._install(store)
        return True

    async def _ask_book_path(self, suggested: Path) -> Path | None:
        dialog = QFileDialog(self.needs.parent, translate(CTX, "Save book as"))
        dialog.setObjectName("saveBookDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([translate(CTX, "SoundClone books (*.scbook)")])
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(with_suffix(suggested).name)
        self.file_dialog = dialog
        finished = signal_to_future(dialog.finished)
        dialog.open()
        (result,) = await finished
        files = dialog.selectedFiles()
        if result != QFileDialog.DialogCode.Accepted.value or not files:
            return None
        return with_suffix(Path(files[0]))

    def _settings_from_panel(self) -> BookSettings:
        try:
            params = ProductionParams(**{**self.needs.params.values(), "text": ""})
            return BookSettings(params=params)
        except (TypeError, ValueError):
            return BookSettings()
