"""Putting the book view into the studio: the navigator dock on the left (hidden until a
book is opened, or shown by the View menu with a way to start one) and the File actions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.controller import BookController, BookNeeds

CTX = "BookView"


def attach_book(needs: BookNeeds) -> BookController:
    controller = BookController(needs)
    dock = needs.docks.add_dock(
        "bookNavigator",
        translate(CTX, "Book"),
        controller.navigator,
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    dock.setMinimumWidth(300)
    dock.hide()  # the single-script studio looks as it always did until a book is opened
    controller.dock = dock
    return controller
