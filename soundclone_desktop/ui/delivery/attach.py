"""Putting “Deliver Audiobook…” into the studio: a File action, enabled while a book is
open, that opens the delivery dialog for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from soundclone_desktop.i18n import translate

if TYPE_CHECKING:
    from soundclone_desktop.store.book import BookStore
    from soundclone_desktop.ui.delivery.credits import AddCredits
    from soundclone_desktop.ui.delivery.dialog import DeliveryDialog
    from soundclone_desktop.ui.studio import Menus

CTX = "Delivery"  # spelled out: the translation extractor reads constants only


@dataclass(frozen=True)
class DeliveryNeeds:
    """What delivering uses of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the action and the dialog
    menus: Menus  # File › Deliver Audiobook…
    current_store: Callable[[], BookStore | None]  # the open book, if any
    book_opened: SignalInstance
    book_closed: SignalInstance
    add_credits: AddCredits | None = None  # credits chapters into the open book

    @classmethod
    def of_book(cls, parent: QWidget, menus: Menus, book: OpenBook) -> DeliveryNeeds:
        return cls(parent, menus, lambda: book.store, book.book_opened, book.book_closed,
                   lambda items: add_credit_chapters(book, items))  # fmt: skip


class OpenBook(Protocol):
    """The book view (``BookController``): its open store and when that changes."""

    @property
    def store(self) -> BookStore | None: ...

    @property
    def book_opened(self) -> SignalInstance: ...

    @property
    def book_closed(self) -> SignalInstance: ...

    def refresh(self) -> object:
        """Show the book's chapters again (after a change made here)."""


class DeliveryFeature(QObject):
    def __init__(self, needs: DeliveryNeeds) -> None:
        super().__init__(needs.parent)
        self.needs = needs
        self.dialog: DeliveryDialog | None = None
        self.action = QAction(translate(CTX, "Deliver Audiobook…"), needs.parent)
        self.action.setObjectName("deliverBookAction")
        self.action.setToolTip(
            translate(CTX, "Master the book for a retailer, check it, and make an M4B or EPUB")
        )
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        needs.menus.file_menu.addAction(self.action)
        needs.book_opened.connect(lambda *_: self._enable())
        needs.book_closed.connect(lambda *_: self._enable())
        self._enable()

    def _enable(self) -> None:
        self.action.setEnabled(self.needs.current_store() is not None)

    def open_dialog(self) -> DeliveryDialog | None:
        store = self.needs.current_store()
        if store is None:
            return None
        # Imported here: the dialog and the audio engine are not needed to show the window.
        from soundclone_desktop.ui.delivery.dialog import DeliveryDialog

        folder = Path(store.folder)
        self.dialog = DeliveryDialog(
            self.needs.parent,
            book=store.book,
            book_folder=folder,
            out=default_folder(folder),
            add_credits=self.needs.add_credits,
        )
        self.dialog.open()
        return self.dialog


def add_credit_chapters(book: OpenBook, items: Sequence[tuple[str, str, str]]) -> None:
    """Opening credits go first, closing credits last; the navigator shows them at once.
    One small write each, on the GUI thread: a click, like renaming a chapter."""
    from soundclone_desktop.core.book.model import new_chapter

    store = book.store
    if store is None:
        return
    for kind, title, text in items:
        store.add_chapter(new_chapter(title, text), 0 if kind == "opening" else None)
    book.refresh()


def default_folder(book_folder: Path) -> Path:
    """``Novel.scbook`` delivers into ``Novel delivery`` beside it."""
    return book_folder.parent / translate(CTX, "%1 delivery").replace("%1", book_folder.stem)


def attach_delivery(needs: DeliveryNeeds) -> DeliveryFeature:
    return DeliveryFeature(needs)
