"""Putting the history panel into the main window: a dock tabbed with the Tasks dock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.history.controller import HistoryController

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow

CTX = "HistoryPanel"


def attach_history(window: MainWindow) -> HistoryController:
    """Build the history dock (``historyDock``) over ``window.ctx.library``.

    The list loads the first time the dock is shown, in a worker thread. Without a task
    library (it could not be opened) the panel says so and stays empty.
    """
    controller = HistoryController(window, getattr(window.ctx, "library", None))
    dock = QDockWidget(translate(CTX, "History"), window)
    dock.setObjectName("historyDock")
    dock.setWidget(controller.panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.tasks_dock, dock)
    window.tasks_dock.raise_()  # the current session's tasks stay in front
    window.view_menu.addAction(dock.toggleViewAction())
    dock.visibilityChanged.connect(controller.on_visibility)
    controller.dock = dock
    store = getattr(window, "voice_store", None)  # the voice library's names, when there is one
    if store is not None:
        store.changed.connect(lambda: controller.load_voice_names(store.voices))
        controller.load_voice_names(store.voices)
    return controller
