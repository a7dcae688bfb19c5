"""What a feature package may ask of the studio window: narrow protocols, one per role.

Features (history, voices, captions, projects) never see the main window itself. Each one's
attach function takes a small frozen dataclass of exactly the roles below it uses, plus the
plain collaborators it works with (the session, the app context, the editor, the parameters
panel, the player). ``MainWindow`` implements these roles with public methods and builds the
features in one place, passing one feature to another where it needs it.

Only typing lives here: importing this module costs nothing at start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

    from soundclone_desktop.core.jobs import Job
    from soundclone_desktop.ui.common.message_bar import Level


class Messages(Protocol):
    """The window's message bar (one sentence at a time) and its status bar."""

    def show_message(
        self,
        text: str,
        level: Level = ...,
        *,
        action_text: str | None = None,
        action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text`` in the message bar, with an optional one-click action."""

    def report_error(self, exc: BaseException) -> None:
        """Say in one sentence what went wrong (the way async slot errors are reported)."""

    def show_status(self, text: str, timeout_ms: int) -> None:
        """A passing note in the status bar ("Saved …")."""


class Docks(Protocol):
    """Docks around the editor; every dock added is listed in the View menu."""

    @property
    def params_dock(self) -> QDockWidget: ...

    @property
    def tasks_dock(self) -> QDockWidget: ...

    @property
    def player_dock(self) -> QDockWidget: ...

    def add_dock(
        self,
        name: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea,
        *,
        tabbed_behind: QDockWidget | None = None,
        right_of: QDockWidget | None = None,
    ) -> QDockWidget:
        """A movable, closable dock named ``name``: tabbed behind a dock (which stays in
        front), or beside one, else alone in ``area``."""

    def resize_docks(self, docks: Sequence[QDockWidget], widths: Sequence[int]) -> None:
        """Share the width of a row of docks."""


class Menus(Protocol):
    """The menus features add their actions to."""

    @property
    def file_menu(self) -> QMenu: ...

    @property
    def voices_menu(self) -> QMenu: ...

    @property
    def view_menu(self) -> QMenu:
        """Lists the docks (a dock made on first use holds its place there from the start)."""
        ...

    @property
    def open_action(self) -> QAction:
        """ "Open script…" in the File menu (the project actions go before it)."""
        ...


class Playback(Protocol):
    """The player dock and the captions that follow it."""

    def play_file(
        self,
        path: Path,
        *,
        autoplay: bool,
        title: str | None = None,
        subtitle_path: Path | None = None,
        script: str | None = None,
    ) -> None:
        """Load a result into the player; its subtitles and script go to the captions."""

    def release_files(self, *paths: Path | None) -> None:
        """If the player holds one of ``paths``, let go of it (before deleting it)."""


class ScriptAccess(Protocol):
    """The script in the editor."""

    def script_text(self) -> str: ...

    def replace_script(self, text: str) -> None:
        """Replace the whole script as one undo step."""


class ParametersAccess(Protocol):
    """The voice and production parameters in the panel (``ParametersPanel`` is one)."""

    def values(self) -> dict[str, Any]: ...

    def set_values(self, values: Mapping[str, Any]) -> None: ...


class Submission(Protocol):
    """Sending the editor's script (``SubmitController`` is one)."""

    def submit_confirmed(self) -> asyncio.Task[Job] | None:
        """Send now, the user having agreed to pay; None when blocked."""

    def blocked_reasons(self) -> list[str]:
        """Why sending is not possible now (empty when it is)."""


class JobUpdates(Protocol):
    """Where a job's updates go so the task list and the window see them (``RunnerBridge``)."""

    def on_update(self, job: Job) -> None: ...


class ExportReports(Protocol):
    """One way of reporting a finished export, with "Show in folder" (the captions')."""

    def report_exported(self, paths: list[Path]) -> None: ...


class Frame(Protocol):
    """The window as a document frame: its title, closing, the strip above the editor."""

    def show_title(self, title: str, *, modified: bool) -> None:
        """``title`` holds ``[*]`` where the modified marker goes."""

    def close_now(self) -> None:
        """Close without asking (the user has answered)."""

    def active_task_count(self) -> int:
        """Tasks still running, which closing would leave behind."""

    def add_strip(self, widget: QWidget) -> None:
        """Put ``widget`` right under the message bar, above the editor."""
