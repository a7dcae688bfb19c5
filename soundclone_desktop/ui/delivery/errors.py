"""The delivery service's failures in the user's language.

The service's ``str()`` is English (the command line prints it); here each
:class:`~soundclone_desktop.services.delivery.book.DeliveryProblem` is a translated sentence
with the file or chapters it names. Only :attr:`DeliveryProblem.AUDIO` keeps the service's
English detail: it comes from the audio engine and says what no kind could.
"""

from __future__ import annotations

from collections.abc import Callable

from soundclone_desktop.core.storage import StorageCause
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.delivery.book import (
    ChaptersNotReadyError,
    DeliveryError,
    DeliveryProblem,
)

CTX = "Delivery"  # spelled out: the translation extractor reads constants only


def delivery_error_text(exc: DeliveryError) -> str:
    """A sentence for the dialog's status line."""
    name = exc.path.name if exc.path is not None else ""
    sentences: dict[DeliveryProblem, Callable[[], str]] = {
        DeliveryProblem.NOTHING_TO_DELIVER: lambda: translate(
            CTX, "There is no chapter to deliver: every chapter is excluded."
        ),
        DeliveryProblem.NOT_RENDERED: lambda: _not_rendered(exc),
        DeliveryProblem.CANCELLED: lambda: translate(
            CTX, "Cancelled. No half-written file was left in the folder."
        ),
        DeliveryProblem.COVER_UNREADABLE: lambda: translate(
            CTX, "The cover image %1 could not be read."
        ).replace("%1", name),
        DeliveryProblem.COVER_NOT_AN_IMAGE: lambda: translate(
            CTX, "The cover %1 is not a JPEG or PNG image."
        ).replace("%1", name),
        DeliveryProblem.FOLDER_HOLDS_SOURCES: lambda: translate(
            CTX, "The masters would overwrite the book's own audio: choose another folder."
        ),
        DeliveryProblem.CANNOT_WRITE: lambda: _cannot_write(exc),
    }
    say = sentences.get(exc.problem)
    if say is not None:
        return say()
    return translate(CTX, "The delivery stopped: %1").replace("%1", str(exc))


def _not_rendered(exc: DeliveryError) -> str:
    numbers = exc.numbers if isinstance(exc, ChaptersNotReadyError) else ()
    return translate(
        CTX,
        "Nothing was delivered: chapter(s) %1 are not rendered in full yet. "
        "Render them in the book first.",
    ).replace("%1", ", ".join(str(n) for n in numbers))


def _cannot_write(exc: DeliveryError) -> str:
    where = str(exc.path) if exc.path is not None else ""
    causes = {
        StorageCause.READ_ONLY: lambda: translate(
            CTX, "%1 cannot be written: the folder is read-only."
        ),
        StorageCause.DISK_FULL: lambda: translate(CTX, "%1 cannot be written: the disk is full."),
        StorageCause.NO_PERMISSION: lambda: translate(
            CTX, "%1 cannot be written: there is no permission to write there."
        ),
        StorageCause.NOT_A_FOLDER: lambda: translate(
            CTX, "%1 cannot be written: a file is in the way where a folder should be."
        ),
    }
    say = causes.get(exc.cause) if exc.cause is not None else None
    if say is None:
        return translate(CTX, "%1 could not be written.").replace("%1", where)
    return say().replace("%1", where)
