"""Projects in the window: New / Open / Save / Save As / Open Recent, text import and export,
the title with its modified marker, autosave and crash recovery, and the question on close.

"Modified" means the editor state (script, voice and parameters, notes) differs from the
state last opened or saved, so undoing back to it clears the marker. An untitled project
with no script and no notes is never "modified": there is nothing to lose.

Every file access runs in a worker thread; dialogs use ``open()``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QPlainTextEdit, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.store.atomic import atomic_write_text
from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.store.projects import (
    SUFFIX,
    Project,
    ProjectError,
    ProjectFileError,
    RecentProjects,
    load_project,
    push_recent,
    save_project,
    with_suffix,
)
from soundclone_desktop.ui.common.async_utils import async_slot, signal_to_future, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.editor.edits import Edit
from soundclone_desktop.ui.projects.autosaver import Autosaver
from soundclone_desktop.ui.projects.closing import Choice, CloseQuestion, Purpose
from soundclone_desktop.ui.projects.recovery import RecoveryBar
from soundclone_desktop.ui.projects.texts import (
    ignored_text,
    open_error_text,
    replaced_text,
    save_error_text,
)

if TYPE_CHECKING:
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.parameters.panel import ParametersPanel
    from soundclone_desktop.ui.studio import Docks, Frame, Menus, Messages

log = logging.getLogger(__name__)

CTX = "Projects"
STATUS_MS = 4000  # how long "Saved …" stays in the status bar


@dataclass(frozen=True)
class ProjectNeeds:
    """What projects use of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the controller, its actions and its dialogs
    ctx: AppContext  # the folders, and the default parameters of a new project
    editor: ScriptEditor  # the script: saved, restored, watched for changes
    params: ParametersPanel  # the voice and parameters: saved, restored, watched
    messages: Messages
    docks: Docks  # the notes dock, tabbed with the parameters
    menus: Menus  # the project actions go in the File menu
    frame: Frame  # the title with its modified marker, closing, the recovery strip


class ProjectController(QObject):
    """``modified_changed(bool)``; ``saved(path)`` after each successful save."""

    modified_changed = Signal(bool)
    saved = Signal(str)

    def __init__(
        self,
        studio: ProjectNeeds,
        *,
        autosave: AutosaveStore,
        recent: RecentProjects,
        notes: QPlainTextEdit,
    ) -> None:
        super().__init__(studio.parent)
        self.studio = studio
        self.report_error = studio.messages.report_error
        self.notes = notes
        self.path: Path | None = None
        self.recent_store = recent
        self.recent: list[str] = []
        self.autosaver = Autosaver(autosave, self._on_idle, self)
        self.recovery_bar = RecoveryBar()
        self.recovery: tuple[Snapshot, Project | None] | None = None  # the unanswered offer
        self.question: CloseQuestion | None = None
        self.file_dialog: QFileDialog | None = None
        self.notes_dock: QWidget | None = None  # set by attach_projects
        self.startup: asyncio.Task[None] | None = None  # reading the recent list and snapshot
        self._discarding = False
        self._modified = False
        self._lent: tuple[str, Callable[[], None]] | None = None  # (script, take_back)
        self._clean = self.current()
        self._build_actions()
        # The script counts as edited once typing settles (the editor's report_changed), not
        # per keystroke: comparing the whole state on every key costs too much, and
        # textChanged also fires for each line the highlighter repaints.
        studio.editor.report_changed.connect(self._on_script_settled)
        studio.params.changed.connect(self._on_edited)
        notes.textChanged.connect(self._on_edited)
        self.recovery_bar.restore_requested.connect(self.restore)
        self.recovery_bar.discard_requested.connect(self.discard_recovery)
        self._refresh()

    # -- building ---------------------------------------------------------------------------

    def _action(
        self, name: str, text: str, slot: Callable[[], Any], shortcut: Any = None
    ) -> QAction:
        action = QAction(text, self.studio.parent)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            "newProjectAction", translate(CTX, "New Project"), self.new_project, key.New
        )
        self.open_action = self._action(
            "openProjectAction", translate(CTX, "Open Project…"), self.open_project, key.Open
        )
        self.recent_menu = QMenu(translate(CTX, "Open Recent"), self.studio.parent)
        self.recent_menu.setObjectName("recentProjectsMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_action = self._action(
            "saveProjectAction", translate(CTX, "Save Project"), self.save, key.Save
        )
        self.save_as_action = self._action(
            "saveProjectAsAction",
            translate(CTX, "Save Project As…"),
            self.save_as,
            QKeySequence("Ctrl+Shift+S"),
        )
        self.export_text_action = self._action(
            "exportTextAction", translate(CTX, "Save Script as Text…"), self.export_text
        )
        self.export_text_action.setToolTip(
            translate(CTX, "Save the script alone as a plain UTF-8 .txt file")
        )
        menu = self.studio.menus.file_menu
        before = self.studio.menus.open_action  # "Open script…" (text import) stays in the menu
        for action in (self.new_action, self.open_action):
            menu.insertAction(before, action)
        menu.insertMenu(before, self.recent_menu)
        menu.insertSeparator(before)
        for action in (self.save_action, self.save_as_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        actions = menu.actions()
        after = actions[actions.index(before) + 1] if before is not actions[-1] else None
        if after is None:
            menu.addAction(self.export_text_action)
        else:
            menu.insertAction(after, self.export_text_action)

    # -- state ------------------------------------------------------------------------------

    def current(self) -> Project:
        """The editor state as a project."""
        studio = self.studio
        text = self._lent[0] if self._lent is not None else studio.editor.text()
        return Project.from_values(text, studio.params.values(), self.notes.toPlainText())

    def is_modified(self) -> bool:
        current = self.current()
        if self.path is None and current.is_blank():
            return False
        return current != self._clean

    def name(self) -> str:
        return self.path.stem if self.path is not None else translate(CTX, "Untitled")

    def snapshot(self) -> Snapshot:
        return Snapshot(self.current(), self.path)

    def _on_edited(self) -> None:
        self._refresh()
        self.autosaver.schedule()

    def _on_script_settled(self, _report: object) -> None:
        if self._lent is None:  # a book's chapter in the editor is not the script
            self._on_edited()

    # -- lending the editor to a book (ui/book) -----------------------------------------------

    def lend_editor(self, take_back: Callable[[], None]) -> None:
        """A book edits its chapters in the editor; the script waits aside, unchanged.
        ``take_back`` makes the book let go (save and close) before a project needs it."""
        self._lent = (self.studio.editor.text(), take_back)

    def return_editor(self) -> None:
        """The book is closed: the script comes back into the editor."""
        if self._lent is None:
            return
        text, _ = self._lent
        self._lent = None
        self.studio.editor.set_text(text)
        self._refresh()

    def _take_editor_back(self) -> None:
        if self._lent is not None:
            self._lent[1]()
            self.return_editor()

    def _refresh(self) -> None:
        modified = self.is_modified()
        app = translate("MainWindow", "SoundClone Desktop")
        self.studio.frame.show_title(f"{self.name()}[*] — {app}", modified=modified)
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def treat_as_blank(self) -> None:
        """What the editor holds now is not the user's work (the tour's sample script):
        closing does not offer to save it."""
        self._mark_clean(None)

    def _mark_clean(self, path: Path | None, clean: Project | None = None) -> None:
        self.path = path
        self._clean = clean if clean is not None else self.current()
        self._refresh()

    # -- autosave and recovery --------------------------------------------------------------

    def _on_idle(self) -> None:
        modified = self.is_modified()
        if self.recovery is not None and not modified:
            return  # keep the snapshot on offer until the user answers
        if modified:
            self.autosaver.write(self.snapshot())
        else:
            self.autosaver.clear()

    async def check_recovery(self) -> Snapshot | None:
        """At start: offer a snapshot that holds work the saved file (if any) lacks."""
        store = self.autosaver.store
        snapshot = await asyncio.to_thread(store.read)
        if snapshot is None:
            return None
        saved: Project | None = None
        if snapshot.project_path is not None:
            try:
                loaded = await asyncio.to_thread(load_project, snapshot.project_path)
                saved = loaded.project
            except ProjectFileError:
                saved = None  # gone or unreadable: the snapshot is all there is
        if not snapshot.differs_from(saved):
            self.autosaver.clear()
            return None
        self.recovery = (snapshot, saved)
        self.recovery_bar.offer(snapshot)
        return snapshot

    def restore(self) -> None:
        """Put the offered snapshot into the editor (the script as one undo step)."""
        if self.recovery is None:
            return
        self._take_editor_back()
        snapshot, saved = self.recovery
        self.recovery = None
        self.recovery_bar.hide()
        project = snapshot.project
        editor = self.studio.editor
        editor.apply_edit(Edit(0, len(editor.text()), project.text, 0))
        self.studio.params.set_values(project.panel_values())
        self.notes.setPlainText(project.notes)
        if snapshot.project_path is not None:
            self._mark_clean(snapshot.project_path, saved if saved is not None else Project())
        else:
            blank = dataclasses.replace(self.current(), text="", notes="")
            self._mark_clean(None, blank)
        self.autosaver.schedule()
        self.studio.messages.show_message(
            translate(CTX, "Restored the script you were writing. Save it to keep it."),
            Level.INFO,
        )

    def discard_recovery(self) -> None:
        if self.recovery is None:
            return
        self.recovery = None
        self.recovery_bar.hide()
        if self.is_modified():
            self.autosaver.write(self.snapshot())  # the new work replaces the old snapshot
        else:
            self.autosaver.clear()

    # -- asking before replacing the editor's content ----------------------------------------

    def _when_settled(self, then: Callable[[], Any]) -> CloseQuestion | None:
        """Run ``then`` now, or after the user saved or discarded the unsaved changes."""
        self._take_editor_back()
        if not self.is_modified():
            then()
            return None
        question = CloseQuestion(
            self.studio.parent, name=self.name(), unsaved=True, purpose=Purpose.REPLACE
        )
        question.finished.connect(lambda _r: self._after_question(question, then))
        self.question = question
        question.open()
        return question

    def _after_question(self, question: CloseQuestion, then: Callable[[], Any]) -> None:
        choice = question.choice
        self._forget_question(question)
        if choice is Choice.SAVE:
            spawn(self._save_then(then), owner=self)
        elif choice in (Choice.DISCARD, Choice.CONTINUE):
            then()

    async def _save_then(self, then: Callable[[], Any]) -> None:
        if await self.save_interactive() and not self.is_modified():
            then()

    def _forget_question(self, question: CloseQuestion) -> None:
        if self.question is question:
            self.question = None
        question.deleteLater()

    # -- New / Open -------------------------------------------------------------------------

    def new_project(self) -> CloseQuestion | None:
        return self._when_settled(self._start_new)

    def _start_new(self) -> None:
        studio = self.studio
        studio.editor.set_text("")
        studio.params.set_values(dataclasses.asdict(studio.ctx.settings.defaults))
        self.notes.clear()
        self._mark_clean(None)
        self.autosaver.clear()

    def open_project(self) -> CloseQuestion | None:
        return self._when_settled(self._ask_open_path)

    def _ask_open_path(self) -> QFileDialog:
        dialog = QFileDialog(self.studio.parent, translate(CTX, "Open project"))
        dialog.setObjectName("openProjectDialog")
        dialog.setNameFilters(
            [translate(CTX, "SoundClone projects (*.scproj)"), translate(CTX, "All files (*)")]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setDirectory(str(self._folder()))
        dialog.fileSelected.connect(lambda path: self.open_path(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    @async_slot
    async def open_path(self, path: Path) -> bool:
        """Open ``path`` (no question asked: callers settle unsaved changes first)."""
        try:
            loaded = await asyncio.to_thread(load_project, path)
        except ProjectFileError as exc:
            self.studio.messages.show_message(open_error_text(exc), Level.ERROR)
            if exc.code is ProjectError.NOT_FOUND:
                self._forget_recent(path)
            return False
        project = loaded.project
        studio = self.studio
        self._take_editor_back()
        studio.editor.set_text(project.text)  # a fresh document: a fresh undo history
        studio.params.set_values(project.panel_values())
        self.notes.setPlainText(project.notes)
        self._mark_clean(path)
        self.autosaver.clear()
        self._remember_recent(path)
        if loaded.replaced:
            text = replaced_text(path, loaded.first_replaced)
            studio.messages.show_message(text, Level.WARNING)
        if loaded.ignored:
            studio.messages.show_message(ignored_text(path, loaded.ignored), Level.WARNING)
        elif not loaded.replaced:
            studio.messages.show_status(
                translate(CTX, "Opened “%1”").replace("%1", path.name), STATUS_MS
            )
        return True

    # -- Save / Save As ---------------------------------------------------------------------

    def save(self) -> asyncio.Task[bool]:
        return spawn(self.save_interactive(), owner=self)

    def save_as(self) -> asyncio.Task[bool]:
        return spawn(self.save_interactive(ask=True), owner=self)

    async def save_interactive(self, *, ask: bool = False) -> bool:
        """Save to the project's file, asking for one first if it has none (or ``ask``)."""
        path = self.path
        if path is None or ask:
            path = await self._ask_save_path()
            if path is None:
                return False
        return await self.save_to(path)

    async def _ask_save_path(self) -> Path | None:
        dialog = QFileDialog(self.studio.parent, translate(CTX, "Save project"))
        dialog.setObjectName("saveProjectDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters([translate(CTX, "SoundClone projects (*.scproj)")])
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        dialog.setDirectory(str(self._folder()))
        dialog.selectFile(self.name() + SUFFIX)
        self.file_dialog = dialog
        finished = signal_to_future(dialog.finished)
        dialog.open()
        (result,) = await finished
        files = dialog.selectedFiles()
        if result != QFileDialog.DialogCode.Accepted.value or not files:
            return None
        return with_suffix(Path(files[0]))

    async def save_to(self, path: Path) -> bool:
        project = self.current()
        try:
            await asyncio.to_thread(save_project, path, project)
        except OSError as exc:
            log.warning("Saving %s failed: %s", path, exc)
            self.studio.messages.show_message(save_error_text(path, exc), Level.ERROR)
            return False
        self._mark_clean(path, project)  # typing during the write keeps the marker
        if not self.is_modified():
            self.autosaver.clear()
        self._remember_recent(path)
        self.studio.messages.show_status(
            translate(CTX, "Saved “%1”").replace("%1", path.name), STATUS_MS
        )
        self.saved.emit(str(path))
        return True

    def _folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        if self.recent:
            return Path(self.recent[0]).parent
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(documents) or Path.home())

    # -- text export ------------------------------------------------------------------------

    def export_text(self) -> QFileDialog:
        dialog = QFileDialog(self.studio.parent, translate(CTX, "Save script as text"))
        dialog.setObjectName("exportTextDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([translate(CTX, "Text files (*.txt)")])
        dialog.setDefaultSuffix("txt")
        dialog.setDirectory(str(self._folder()))
        dialog.selectFile(self.name() + ".txt")
        dialog.fileSelected.connect(lambda path: self.write_text(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    @async_slot
    async def write_text(self, path: Path) -> bool:
        text = self.studio.editor.text()
        try:
            await asyncio.to_thread(atomic_write_text, path, text)
        except OSError as exc:
            self.studio.messages.show_message(save_error_text(path, exc), Level.ERROR)
            return False
        self.studio.messages.show_status(
            translate(CTX, "Saved the script as “%1”").replace("%1", path.name), STATUS_MS
        )
        return True

    # -- recent projects --------------------------------------------------------------------

    async def load_recent(self) -> None:
        self.recent = await asyncio.to_thread(self.recent_store.load)

    def _remember_recent(self, path: Path) -> None:
        self._set_recent(push_recent(self.recent, str(path)))

    def _forget_recent(self, path: Path) -> None:
        self._set_recent([p for p in self.recent if p != str(path)])

    def _set_recent(self, paths: list[str]) -> None:
        if paths == self.recent:
            return
        self.recent = paths
        spawn(asyncio.to_thread(self.recent_store.save, list(paths)), owner=self)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, item in enumerate(self.recent, start=1):
            path = Path(item)
            stem = path.stem.replace("&", "&&")  # a literal "&", not a shortcut mark
            label = f"&{number} {stem}" if number < 10 else stem
            action = menu.addAction(label)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(
                lambda _c=False, p=path: self._when_settled(lambda: self.open_path(p))
            )
        if not self.recent:
            empty = menu.addAction(translate(CTX, "No recent projects"))
            empty.setEnabled(False)
            return
        menu.addSeparator()
        clear = menu.addAction(translate(CTX, "Clear Menu"))
        clear.setObjectName("clearRecentAction")
        clear.triggered.connect(lambda: self._set_recent([]))
        menu.setToolTipsVisible(True)

    # -- closing ----------------------------------------------------------------------------

    def may_close(self) -> bool:
        """True to close now; otherwise the question is open and closes the window itself."""
        tasks = self.studio.frame.active_task_count()
        modified = self.is_modified()
        if not tasks and not modified:
            return True
        if self.question is not None and self.question.isVisible():
            self.question.raise_()
            return False
        question = CloseQuestion(
            self.studio.parent, name=self.name(), unsaved=modified, tasks=tasks
        )
        question.finished.connect(lambda _r: self._after_close_question(question))
        self.question = question
        question.open()
        return False

    def _after_close_question(self, question: CloseQuestion) -> None:
        choice = question.choice
        self._forget_question(question)
        if choice is Choice.SAVE:
            spawn(self._save_then(self.studio.frame.close_now), owner=self)
        elif choice is Choice.DISCARD:
            self._discarding = True
            self.studio.frame.close_now()
        elif choice is Choice.CONTINUE:
            self.studio.frame.close_now()

    def window_closing(self) -> None:
        """The window is closing for good: leave the snapshot right for the next start."""
        self.autosaver.stop()
        modified = self.is_modified()
        try:
            if self.recovery is not None and not modified:
                return  # unanswered offer: ask again next time
            if modified and not self._discarding:
                self.autosaver.write_now(self.snapshot())  # e.g. the system ended the app
            else:
                self.autosaver.clear_now()
        except OSError:
            log.exception("Autosave at close failed")
