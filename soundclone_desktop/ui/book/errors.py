"""One sentence for each way a book cannot be opened or saved."""

from __future__ import annotations

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import BookError, BookProblem

CTX = "BookView"


def book_error_text(exc: BookError) -> str:
    name = exc.path.name
    texts = {
        BookProblem.NOT_FOUND: translate(CTX, "The book “%1” was not found."),
        BookProblem.NOT_A_BOOK: translate(
            CTX, "“%1” is not a book: choose a .scbook folder (it holds book.sqlite3)."
        ),
        BookProblem.NEWER_VERSION: translate(
            CTX, "The book “%1” was saved by a newer version of the app: update to open it."
        ),
        BookProblem.EXISTS: translate(CTX, "“%1” already exists: choose another name."),
        BookProblem.UNREADABLE: translate(
            CTX, "The book “%1” cannot be read (locked or no permission)."
        ),
        BookProblem.DAMAGED: translate(
            CTX, "The book “%1” was damaged and the last change was not saved."
        ),
    }
    return texts[exc.problem].replace("%1", name)
