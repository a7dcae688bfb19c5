"""Putting projects into the studio: File menu actions, the notes dock, the recovery
strip above the editor, and the start-up checks (recent list, autosave snapshot)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.autosave import AutosaveStore
from soundclone_desktop.store.paths import autosave_dir
from soundclone_desktop.store.projects import RecentProjects
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.projects.controller import ProjectController, ProjectNeeds

CTX = "Projects"


def attach_projects(studio: ProjectNeeds) -> ProjectController:
    """Wire projects into the studio; the recovery offer appears once the snapshot is read."""
    notes = QPlainTextEdit()
    notes.setObjectName("projectNotesEdit")
    notes.setAccessibleName(translate(CTX, "Project notes"))
    notes.setPlaceholderText(
        translate(CTX, "Notes about this project: saved with it, never sent to the server.")
    )
    controller = ProjectController(
        studio,
        autosave=AutosaveStore(autosave_dir(studio.ctx.data_dir)),
        recent=RecentProjects(studio.ctx.config_dir),
        notes=notes,
    )
    docks = studio.docks
    controller.notes_dock = docks.add_dock(
        "projectNotesDock",
        translate(CTX, "Notes"),
        notes,
        Qt.DockWidgetArea.RightDockWidgetArea,
        tabbed_behind=docks.params_dock,
    )
    studio.frame.add_strip(controller.recovery_bar)  # above the editor it is about

    controller.startup = spawn(_start(controller), owner=controller)
    return controller


async def _start(controller: ProjectController) -> None:
    await controller.load_recent()
    await controller.check_recovery()
