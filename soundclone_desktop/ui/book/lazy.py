"""The book view as the studio holds it from the start: its File and View entries and the
routes the window uses. The controller, its navigator dock, the render queue and the book
rules they import load on first use (start-up time, issue #12: a single-script session
never pays for them).

First use is whatever needs the view: File › New Book…, Open Book…, the View menu's
"Book", a reviewed manuscript (``from_manuscript``), ``open_path``, or any other member of
the controller reached through this object (tests do). Until then the menu entries are
stand-ins with the controller's names and texts; once it exists its own actions take their
places, so the menus look and behave as they did when the view was built at start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.needs import BookNeeds

if TYPE_CHECKING:
    from soundclone_desktop.core.book.manuscript import Manuscript
    from soundclone_desktop.store.book import BookStore
    from soundclone_desktop.ui.book.chapter_model import ChapterModel
    from soundclone_desktop.ui.book.controller import BookController
    from soundclone_desktop.ui.book.navigator import NavigatorWidget

CTX = "BookView"


@dataclass(frozen=True)
class _SpareFileMenu:
    """The ``Menus`` the controller is built with: it adds its File actions to a menu never
    shown, and :meth:`LazyBook._take_places` moves them to where the stand-ins are."""

    file_menu: QMenu
    voices_menu: QMenu
    view_menu: QMenu
    open_action: QAction


class LazyBook(QObject):
    """The book view (:class:`~.controller.BookController`), built on first use. Its
    signals are the controller's, relayed: connect to them before it exists."""

    book_opened = Signal(str)
    book_closed = Signal()
    figures_changed = Signal()
    render_progress = Signal(object)  # every RenderSnapshot of the book's render queue

    def __init__(self, needs: BookNeeds) -> None:
        super().__init__(needs.parent)
        self._needs = needs
        self._controller: BookController | None = None
        menu = needs.menus.file_menu  # after the project and script actions
        menu.addSeparator()
        self._file_stand_ins = (
            self._stand_in(
                "newBookAction",
                translate(CTX, "New Book…"),
                translate(CTX, "Start a book with the script as its first chapter"),
                lambda: self.controller.new_book(),
            ),
            self._stand_in(
                "openBookAction",
                translate(CTX, "Open Book…"),
                translate(CTX, "Open a .scbook folder"),
                lambda: self.controller.open_book(),
            ),
            self._stand_in("closeBookAction", translate(CTX, "Close Book"), "", lambda: None),
        )
        self._file_stand_ins[2].setEnabled(False)  # no book is open before the view exists
        for action in self._file_stand_ins:
            menu.addAction(action)
        self._view_stand_in = self._stand_in("", translate(CTX, "Book"), "", self._show_navigator)
        self._view_stand_in.setCheckable(True)  # as the dock's own toggle, unchecked: hidden
        needs.menus.view_menu.addAction(self._view_stand_in)

    def _stand_in(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._needs.parent)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- building -----------------------------------------------------------------------------

    @property
    def created(self) -> bool:
        """Whether the view has been built (nothing of the book rules is loaded before)."""
        return self._controller is not None

    @property
    def controller(self) -> BookController:
        """The book view, built now if it was not yet."""
        if self._controller is None:
            self._controller = self._build()
        return self._controller

    def _build(self) -> BookController:
        from soundclone_desktop.ui.book.build import build_book  # the book rules load here

        menus = self._needs.menus
        spare = _SpareFileMenu(QMenu(), menus.voices_menu, menus.view_menu, menus.open_action)
        controller = build_book(replace(self._needs, menus=spare))
        controller.book_opened.connect(self.book_opened)
        controller.book_closed.connect(self.book_closed)
        controller.figures_changed.connect(self.figures_changed)
        controller.needs.render.listen(self.render_progress.emit)
        self._take_places(controller, spare.file_menu)
        return controller

    def _take_places(self, controller: BookController, spare: QMenu) -> None:
        """The controller's actions go where the stand-ins are, which go away."""
        actions = (controller.new_action, controller.open_action, controller.close_action)
        file_menu = self._needs.menus.file_menu
        for stand_in, action in zip(self._file_stand_ins, actions, strict=True):
            file_menu.insertAction(stand_in, action)
            file_menu.removeAction(stand_in)
            stand_in.deleteLater()  # may be the one being triggered now
        view_menu = self._needs.menus.view_menu
        view_menu.insertAction(self._view_stand_in, controller.dock.toggleViewAction())
        view_menu.removeAction(self._view_stand_in)
        self._view_stand_in.deleteLater()
        spare.deleteLater()  # the actions belong to the window, not to this menu

    def _show_navigator(self) -> None:
        dock = self.controller.dock
        dock.show()
        dock.raise_()

    # -- what the window uses -------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._controller is not None and self._controller.is_open

    @property
    def store(self) -> BookStore | None:
        """The open book's store; None (without building the view) when none is open."""
        return self._controller.store if self._controller is not None else None

    def may_close(self) -> bool:
        return self._controller is None or self._controller.may_close()

    def render_current_chapter(self) -> None:
        if self._controller is not None:
            self._controller.render_current_chapter()

    def render_unavailable_reason(self) -> str | None:
        return None if self._controller is None else self._controller.render_unavailable_reason()

    def open_path(self, path: Path) -> asyncio.Task[bool]:
        return self.controller.open_path(path)

    def from_manuscript(
        self, manuscript: Manuscript, changes: object, source: Path
    ) -> asyncio.Task[bool]:
        return self.controller.from_manuscript(manuscript, changes, source)

    @property
    def navigator(self) -> NavigatorWidget:
        return self.controller.navigator

    @property
    def model(self) -> ChapterModel:
        return self.controller.model

    def __getattr__(self, name: str) -> Any:
        # Only for names not found above: the controller's other members (tests reach its
        # dialogs and state). The two attributes set first never come here once set.
        if name in ("_controller", "_needs"):
            raise AttributeError(name)
        return getattr(self.controller, name)


def attach_book(needs: BookNeeds) -> LazyBook:
    """The book's File and View entries; the view itself is built on first use."""
    return LazyBook(needs)
