"""Putting the history panel into the studio: a dock tabbed with the Tasks dock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.history.controller import HistoryController, HistoryNeeds

CTX = "HistoryPanel"


def attach_history(studio: HistoryNeeds) -> HistoryController:
    """Build the history dock (``historyDock``) over the task library.

    The list loads the first time the dock is shown, in a worker thread. Without a task
    library (it could not be opened) the panel says so and stays empty. Voices are shown by
    their names in the voice library.
    """
    controller = HistoryController(studio)
    docks = studio.docks
    dock = docks.add_dock(
        "historyDock",
        translate(CTX, "History"),
        controller.panel,
        Qt.DockWidgetArea.BottomDockWidgetArea,
        tabbed_behind=docks.tasks_dock,  # the current session's tasks stay in front
    )
    dock.visibilityChanged.connect(controller.on_visibility)
    controller.dock = dock
    store = studio.voice_store
    store.changed.connect(lambda: controller.load_voice_names(store.voices))
    controller.load_voice_names(store.voices)
    return controller
