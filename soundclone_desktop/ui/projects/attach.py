"""Putting projects into the main window: File menu actions, the notes dock, the recovery
strip above the editor, and the start-up checks (recent list, autosave snapshot)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QPlainTextEdit

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.autosave import AutosaveStore
from soundclone_desktop.store.paths import autosave_dir
from soundclone_desktop.store.projects import RecentProjects
from soundclone_desktop.ui.async_utils import spawn
from soundclone_desktop.ui.projects.controller import ProjectController

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow

CTX = "Projects"


def attach_projects(window: MainWindow) -> ProjectController:
    """Wire projects into ``window``; the recovery offer appears once the snapshot is read."""
    notes = QPlainTextEdit()
    notes.setObjectName("projectNotesEdit")
    notes.setPlaceholderText(
        translate(CTX, "Notes about this project: saved with it, never sent to the server.")
    )
    controller = ProjectController(
        window,
        autosave=AutosaveStore(autosave_dir(window.ctx.data_dir)),
        recent=RecentProjects(window.ctx.config_dir),
        notes=notes,
    )
    dock = QDockWidget(translate(CTX, "Notes"), window)
    dock.setObjectName("projectNotesDock")
    dock.setWidget(notes)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.params_dock, dock)
    window.params_dock.raise_()
    window.view_menu.addAction(dock.toggleViewAction())
    controller.notes_dock = dock

    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QBoxLayout):
        # Right under the message bar, above the editor it is about.
        layout.insertWidget(layout.indexOf(window.messages) + 1, controller.recovery_bar)

    controller.startup = spawn(_start(controller), owner=controller)
    return controller


async def _start(controller: ProjectController) -> None:
    await controller.load_recent()
    await controller.check_recovery()
