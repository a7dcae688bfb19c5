"""The studio's default arrangement of docks, and View › Reset layout to get back to it.

The editor (the central widget) gets the most room; the voice and parameters sit on the
right; a book's chapters appear on the left when a book is open. The bottom holds the
transport: the player, and beside it one panel of tabs for the captions and the activity
(tasks, history). The activity stays out of the way until needed: its tab comes to the
front when a task is sent or needs attention, the captions' when a result with captions
plays. With two columns instead of three, each keeps every column readable on a 1366×768
screen in English and Chinese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.window_state import STATE_VERSION

if TYPE_CHECKING:
    from soundclone_desktop.core.jobs import Job

CTX = "MainWindow"
BOTTOM_HEIGHT = 230
PARAMS_WIDTH = 360  # the parameters dock in a new window: its panel fits whole in English
PARAMS_MIN_WIDTH = 340  # narrower windows (800 px screens) scroll the panel instead
PLAYER_SHARE = 0.56  # of the window's width; the tabs of captions and activity get the rest


def size_shell_docks(window: QMainWindow) -> None:
    """The window's first docks, still empty, at the sizes ``DefaultLayout`` gives them: the
    editor is painted where it stays when the panels and the other docks arrive."""
    params, player = _dock(window, "parametersDock"), _dock(window, "playerDock")
    if params is not None:
        window.resizeDocks([params], [PARAMS_WIDTH], Qt.Orientation.Horizontal)
    if player is not None:
        window.resizeDocks([player], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)


class DefaultLayout:
    """Arranges the docks the first time and remembers that arrangement for a reset."""

    def __init__(self, window: QMainWindow, view_menu: QMenu, job_updates: SignalInstance) -> None:
        self._window = window
        self.arrange()
        job_updates.connect(self._on_job)
        self._state: QByteArray = window.saveState(STATE_VERSION)
        self.reset_action = QAction(translate(CTX, "Reset layout"), window)
        self.reset_action.setObjectName("resetLayoutAction")
        self.reset_action.setToolTip(
            translate(CTX, "Put every pane back where it was when the studio was new")
        )
        self.reset_action.triggered.connect(self.reset)
        view_menu.addSeparator()
        view_menu.addAction(self.reset_action)

    def arrange(self) -> None:
        window = self._window
        player, captions = _dock(window, "playerDock"), _dock(window, "captionsDock")
        tasks, history = _dock(window, "tasksDock"), _dock(window, "historyDock")
        if player is None or captions is None or tasks is None:
            return
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for dock in (tasks, history, captions):
            if dock is not None:
                window.removeDockWidget(dock)
        window.addDockWidget(bottom, player)
        window.splitDockWidget(player, captions, Qt.Orientation.Horizontal)
        window.tabifyDockWidget(captions, tasks)
        if history is not None:
            window.tabifyDockWidget(tasks, history)
        for dock in (player, captions, tasks, history):
            if dock is not None:
                dock.show()
        width = max(window.width(), 800)
        share = round(width * PLAYER_SHARE)
        window.resizeDocks([player, captions], [share, width - share], Qt.Orientation.Horizontal)
        window.resizeDocks([player], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        tasks.raise_()
        params = _dock(window, "parametersDock")
        if params is not None:
            params.raise_()  # in front of the project's notes

    def _on_job(self, job: Job) -> None:
        from soundclone_desktop.core.jobs import JobState  # (made later than the window)

        # Sent, or needing the user: the activity's tab to the front.
        if job.state in (JobState.SENDING, JobState.FAILED, JobState.OUTCOME_UNKNOWN):
            tasks = _dock(self._window, "tasksDock")
            if tasks is not None:
                tasks.raise_()

    def reset(self) -> None:
        """Every dock back to its first place and size, shown again if it was closed."""
        window = self._window
        window.restoreState(self._state, STATE_VERSION)
        self.arrange()


def _dock(window: QMainWindow, name: str) -> QDockWidget | None:
    return window.findChild(QDockWidget, name)
