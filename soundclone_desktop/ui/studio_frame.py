"""The frame of the studio window: the generic roles features ask of it (``ui/studio.py``).

Docks listed in the View menu, the message and status bars, the title with its modified
marker, the strip above the editor: window furniture that knows nothing of the features.
``MainWindow`` builds on it and adds the roles that need its panels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QMainWindow, QMenu, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.message_bar import Level, MessageBar

CTX = "MainWindow"


class StudioFrame(QMainWindow):
    """Most of the ``Docks``, ``Messages`` and ``Frame`` roles. ``MainWindow`` adds the
    members that need its panels: the named docks, ``report_error``, ``close_now`` and
    ``active_task_count``."""

    messages: MessageBar  # above the editor
    file_menu: QMenu
    edit_menu: QMenu
    voices_menu: QMenu
    view_menu: QMenu  # lists every dock

    def build_menus(self, open_action: QAction, *edit_actions: QAction) -> None:
        """File (with ``open_action``), Edit (``edit_actions``, the last after a separator),
        Voices and View: the menus features add to."""
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(translate(CTX, "&File"))
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(open_action)
        self.edit_menu = menu_bar.addMenu(translate(CTX, "&Edit"))
        self.edit_menu.setObjectName("editMenu")
        for action in edit_actions[:-1]:
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(edit_actions[-1])
        self.voices_menu = menu_bar.addMenu(translate(CTX, "&Voices"))
        self.voices_menu.setObjectName("voicesMenu")
        self.view_menu = menu_bar.addMenu(translate(CTX, "&View"))
        self.view_menu.setObjectName("viewMenu")

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
        """Docks: a dock named ``name``, listed in the View menu."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.view_menu.addAction(dock.toggleViewAction())
        if self.restoreDockWidget(dock):
            return dock  # made after restoreState (on first use): where the user left it
        self.addDockWidget(area, dock)
        if tabbed_behind is not None:
            self.tabifyDockWidget(tabbed_behind, dock)
            tabbed_behind.raise_()
        elif right_of is not None:
            self.splitDockWidget(right_of, dock, Qt.Orientation.Horizontal)
        return dock

    def resize_docks(self, docks: Sequence[QDockWidget], widths: Sequence[int]) -> None:
        """Docks: share the width of a row of docks."""
        self.resizeDocks(list(docks), list(widths), Qt.Orientation.Horizontal)

    def show_message(
        self,
        text: str,
        level: Level = Level.INFO,
        *,
        action_text: str | None = None,
        action: Callable[[], None] | None = None,
    ) -> None:
        """Messages: one sentence in the message bar."""
        self.messages.show_message(text, level, action_text=action_text, action=action)

    def show_status(self, text: str, timeout_ms: int) -> None:
        """Messages: a passing note in the status bar."""
        self.statusBar().showMessage(text, timeout_ms)

    def show_title(self, title: str, *, modified: bool) -> None:
        """Frame: the title, with ``[*]`` where the modified marker goes."""
        self.setWindowTitle(title)
        self.setWindowModified(modified)

    def add_strip(self, widget: QWidget) -> None:
        """Frame: ``widget`` right under the message bar, above the editor."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(self.messages) + 1, widget)
