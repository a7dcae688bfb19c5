"""The credits ACX wants as files of their own. The delivery service takes them from the
book's chapters titled “Opening credits” and “Closing credits”; here the user writes their
short texts (prefilled with the usual sentence) and adds the missing ones to the book, to be
rendered like any chapter (they are paid for like any chapter, so never rendered here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.delivery.book import CREDIT_TITLES

CTX = "Delivery"  # spelled out: the translation extractor reads constants only
# (kind, the chapter title the service looks for): English, as the service matches it.
CREDITS = (("opening", "Opening credits"), ("closing", "Closing credits"))
AddCredits = Callable[[Sequence[tuple[str, str, str]]], None]  # (kind, title, text) each


def default_credits(book: Book) -> tuple[str, str]:
    """The opening and closing sentences ACX asks for, from the book's title and people."""
    author = book.author or translate(CTX, "the author")
    narrator = book.narrator or translate(CTX, "a synthetic voice")
    opening = translate(CTX, "This is %1, written by %2, narrated by %3.")
    closing = translate(CTX, "This has been %1, written by %2, narrated by %3. The end.")
    return tuple(  # type: ignore[return-value]
        t.replace("%1", book.title).replace("%2", author).replace("%3", narrator)
        for t in (opening, closing)
    )


def credit_chapters(book: Book) -> dict[str, str]:
    """The book's credits chapters: kind → their text."""
    found: dict[str, str] = {}
    for chapter in book.chapters:
        kind = CREDIT_TITLES.get(chapter.title.strip().casefold())
        if kind is not None and not chapter.excluded:
            found.setdefault(kind, chapter.text)
    return found


class CreditsGroup(QGroupBox):
    def __init__(
        self, book: Book, add_credits: AddCredits | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate(CTX, "Credits (files of their own)"), parent)
        self._add_credits = add_credits
        present = credit_chapters(book)
        defaults = dict(zip(("opening", "closing"), default_credits(book), strict=True))
        self.edits: dict[str, QPlainTextEdit] = {}
        for kind, _ in CREDITS:
            edit = QPlainTextEdit(present.get(kind, defaults[kind]))
            edit.setObjectName(f"delivery_{kind}_credits")
            edit.setFixedHeight(44)
            edit.setTabChangesFocus(True)
            edit.setReadOnly(kind in present)  # the chapter's own text: edited in the book
            self.edits[kind] = edit
        self.missing = [kind for kind, _ in CREDITS if kind not in present]
        self.status = QLabel(self._status_text())
        self.status.setObjectName("deliveryCreditsStatus")
        self.status.setWordWrap(True)
        self.add_button = QPushButton(translate(CTX, "Add to the Book as Chapters"))
        self.add_button.setObjectName("deliveryAddCredits")
        self.add_button.setEnabled(bool(self.missing) and add_credits is not None)
        self.add_button.setVisible(bool(self.missing))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout(self)
        form.addRow(translate(CTX, "Opening:"), self.edits["opening"])
        form.addRow(translate(CTX, "Closing:"), self.edits["closing"])
        form.addRow(self.status)
        form.addRow(self.add_button)

    def _status_text(self) -> str:
        if not self.missing:
            return translate(
                CTX, "The book has both credits chapters: they are delivered first and last."
            )
        return translate(
            CTX,
            "Add them as chapters, then render them in the book (they cost like any chapter).",
        )

    def add(self) -> None:
        if self._add_credits is None or not self.missing:
            return
        titles = dict(CREDITS)
        items = [(k, titles[k], self.edits[k].toPlainText().strip()) for k in self.missing]
        self._add_credits([item for item in items if item[2]])
        for kind in self.missing:
            self.edits[kind].setReadOnly(True)
        self.missing = []
        self.add_button.setEnabled(False)
        self.status.setText(
            translate(CTX, "Added to the book: render the new chapters, then deliver again.")
        )
