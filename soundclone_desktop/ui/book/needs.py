"""What the book view needs of the studio, apart from the controller: the window names these
at start, while the controller (and the book rules it imports) loads on first use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from soundclone_desktop.ui.book.render_control import NotConnected, RenderControl

if TYPE_CHECKING:
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.player import PlayerWidget
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.studio import Docks, Menus, Messages, ParametersAccess, Playback


class EditorLender(Protocol):
    """Who owns the studio's editor when no book is open (the projects controller)."""

    def lend_editor(self, take_back: Callable[[], None]) -> None:
        """The book edits its chapters in the editor from now on. ``take_back`` is called
        (synchronously) before the owner needs the editor again: the book saves and lets go."""

    def return_editor(self) -> None:
        """The book is done with the editor: the owner's script goes back into it."""


@dataclass(frozen=True)
class BookNeeds:
    """What the book view uses of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the controller, its actions and dialogs
    ctx: AppContext  # prices for the estimates
    editor: ScriptEditor  # edits the selected chapter
    params: ParametersAccess  # a new book starts with the panel's voice and parameters
    lender: EditorLender  # the single-script owner of the editor
    messages: Messages
    docks: Docks  # the navigator dock
    menus: Menus  # File › New book…, Open book…, Close book
    playback: Playback  # a rendered chapter's ▶
    closed: SignalInstance  # the window closed: save the last edit, close the file
    render: RenderControl = field(default_factory=NotConnected)
    session: Session | None = None  # given: attach_book renders through the render queue
    player: PlayerWidget | None = None  # given: listening by sentence follows and seeks it
