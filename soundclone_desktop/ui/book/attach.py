"""Putting the book view into the studio: the navigator dock on the left (hidden until a
book is opened, or shown by the View menu with a way to start one) and the File actions."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.controller import BookController, BookNeeds
from soundclone_desktop.ui.book.render_control import NotConnected

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.render_adapter import QueueRenderControl

CTX = "BookView"


def attach_book(needs: BookNeeds) -> BookController:
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
    dock.hide()  # the single-script studio looks as it always did until a book is opened
    controller.dock = dock
    return controller


def _queue_control(needs: BookNeeds) -> QueueRenderControl:
    # Imported here: the render queue is not needed to show the window (start-up time).
    from soundclone_desktop.ui.book.render_adapter import QueueRenderControl, RenderNeeds
    from soundclone_desktop.ui.book.render_pending import FILE_NAME, PendingRenders

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
