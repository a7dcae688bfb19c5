"""Building the book view on first use: the controller, its render queue and the navigator
dock on the left (hidden until a book is opened, or shown by the View menu with a way to
start one). Imported by :mod:`.lazy` when the book view is first needed (start-up time)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.controller import BookController
from soundclone_desktop.ui.book.needs import BookNeeds
from soundclone_desktop.ui.book.render_adapter import QueueRenderControl, RenderNeeds
from soundclone_desktop.ui.book.render_control import NotConnected
from soundclone_desktop.ui.book.render_pending import FILE_NAME, PendingRenders

CTX = "BookView"


def build_book(needs: BookNeeds) -> BookController:
    """With a session, renders go through the render queue on its current connection."""
    if needs.session is not None and isinstance(needs.render, NotConnected):
        needs = dataclasses.replace(needs, render=_queue_control(needs))
    controller = BookController(needs)
    dock = needs.docks.add_dock(
        "bookNavigator",
        translate(CTX, "Book"),
        controller.navigator,
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    dock.setMinimumWidth(300)
    dock.hide()  # shown by what asked for the book view (opening a book, the View menu)
    controller.dock = dock
    return controller


def _queue_control(needs: BookNeeds) -> QueueRenderControl:
    assert needs.session is not None
    ctx = needs.ctx
    return QueueRenderControl(
        RenderNeeds(
            session=needs.session,
            library=ctx.library,
            prices=ctx.prices,
            messages=needs.messages,
            parent=needs.parent,
            pending=PendingRenders(ctx.data_dir / FILE_NAME),
        )
    )
