"""A failed import in one sentence, in the user's language (the dialog's only; importing the
readers costs start-up time, so nothing on the window's path imports this)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from soundclone_desktop.i18n import translate
from soundclone_desktop.manuscripts import ManuscriptError, ManuscriptErrorCode

from .texts import fill

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"


def _error_translations() -> dict[ManuscriptErrorCode, str]:
    # Spelled out so that lupdate finds every source string.
    return {
        ManuscriptErrorCode.NOT_FOUND: translate(
            CTX, "“%1” could not be found. It may have been moved or deleted."
        ),
        ManuscriptErrorCode.UNREADABLE: translate(
            CTX, "“%1” could not be read. Check that you may open it."
        ),
        ManuscriptErrorCode.TOO_LARGE: translate(
            CTX,
            "“%1” is too large to be a book's text (the limit is 50 MB). Remove pictures or "
            "split the book, and import it again.",
        ),
        ManuscriptErrorCode.UNKNOWN_FORMAT: translate(
            CTX,
            "“%1” cannot be imported. Books can be imported from .epub, .docx, .md and .txt files.",
        ),
        ManuscriptErrorCode.NOT_TEXT: translate(
            CTX,
            "“%1” is not readable text. Save it as UTF-8 (or GB18030) plain text and import it "
            "again.",
        ),
        ManuscriptErrorCode.CORRUPT: translate(
            CTX, "“%1” is damaged. Download or export it again, and import it again."
        ),
        ManuscriptErrorCode.DRM: translate(
            CTX,
            "“%1” is copy-protected (DRM). Only EPUB files without copy protection can be "
            "imported.",
        ),
        ManuscriptErrorCode.EMPTY: translate(
            CTX, "“%1” holds no text. Check that it is the right file."
        ),
        ManuscriptErrorCode.NO_TEXT: translate(
            CTX, "“%1” holds only pictures (a scanned book?), no text to read aloud."
        ),
    }


def error_sentence(error: ManuscriptError) -> str:
    """The sentence for ``error``: in English the reader's own (it says more: sizes, the kind
    of file found); in another language the translated sentence for its code."""
    translated = _error_translations().get(error.code)
    if translated is None or QLocale().language() == QLocale.Language.English:
        return str(error)
    return fill(translated, error.path.name)
