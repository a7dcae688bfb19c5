"""The studio window: composes the panels and wires their signals; the work lives elsewhere.

Layout: the script editor in the centre with the counter and the submit row under it; the
parameters in a dock on the right; tasks and the player in docks at the bottom; connection
and balance in the status bar; errors in an inline message bar (never a modal box).

Dialogs and features that are not on screen at start (settings, welcome, clone wizard,
export, voice library) are imported when first opened: start-up time (issue #7).

Feature packages (voices, captions, projects, book, history, edit, help) never see this
window: each gets the roles it uses (``ui/studio.py``), which the window implements with the
public methods under "roles" below, and the other features it relies on.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.api.errors import SoundCloneError
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.settings import Settings
from soundclone_desktop.ui.app_icon import app_icon
from soundclone_desktop.ui.book import BookNeeds, attach_book
from soundclone_desktop.ui.book_import import BookImportNeeds, attach_book_import
from soundclone_desktop.ui.captions import CaptionsNeeds, PlayedResult, attach_captions
from soundclone_desktop.ui.common import errors
from soundclone_desktop.ui.common.async_utils import async_slot, spawn
from soundclone_desktop.ui.common.message_bar import Level, MessageBar
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.delivery import DeliveryNeeds, attach_delivery
from soundclone_desktop.ui.edit import EditNeeds, attach_edit
from soundclone_desktop.ui.editor.edits import Edit
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.editor.script_file import ScriptFileError, read_script
from soundclone_desktop.ui.help import HelpNeeds, attach_help
from soundclone_desktop.ui.history import HistoryNeeds, attach_history
from soundclone_desktop.ui.parameters.panel import ParametersPanel
from soundclone_desktop.ui.player import PlayerWidget
from soundclone_desktop.ui.projects import ProjectNeeds, attach_projects
from soundclone_desktop.ui.status_bar import ConnectionStatus
from soundclone_desktop.ui.studio_frame import StudioFrame
from soundclone_desktop.ui.submit.bar import SHORTCUT, SubmitBar
from soundclone_desktop.ui.submit.controller import SubmitController
from soundclone_desktop.ui.submit.counter import CounterWidget
from soundclone_desktop.ui.tasks.job_text import job_sentence
from soundclone_desktop.ui.tasks.results import ResultsToPlayer
from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge
from soundclone_desktop.ui.tasks.task_list import TaskList
from soundclone_desktop.ui.theme.menu import ThemeNeeds, attach_theme_menu
from soundclone_desktop.ui.tour.studio_tour import start_tour
from soundclone_desktop.ui.voices.attach import VoicesNeeds, attach_voices
from soundclone_desktop.ui.voices.clone_action import attach_clone_wizard
from soundclone_desktop.ui.window_layout import DefaultLayout
from soundclone_desktop.ui.window_state import WindowState, place_first_window

if TYPE_CHECKING:
    from soundclone_desktop.ui.settings.dialog import Page, SettingsDialog
    from soundclone_desktop.ui.settings.welcome import WelcomeDialog

log = logging.getLogger(__name__)

CTX = "MainWindow"


class MainWindow(StudioFrame):
    closed = Signal()  # the window really closed (not a refused close): the app may quit

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.session = ctx.session
        self.setWindowTitle(translate(CTX, "SoundClone Desktop"))
        self.setWindowIcon(app_icon())
        place_first_window(self)  # a saved geometry, restored below, takes precedence
        self._confirmed_close = False
        self._settings_dialog: SettingsDialog | None = None
        self._welcome: WelcomeDialog | None = None
        self._open_dialog: QFileDialog | None = None
        self._first_show = True

        self.bridge = RunnerBridge(self)
        self.messages = MessageBar()
        self.editor_panel = ScriptEditorPanel()
        self.editor = self.editor_panel.editor
        self.counter = CounterWidget()
        # The charge line beside the button states the cost once; the counter's own cost
        # line would repeat it in other words (its breakdown becomes that line's tooltip).
        self.counter.cost_label.hide()
        self.submit_bar = SubmitBar()
        self.params = ParametersPanel(script_text=self.editor_panel.text)
        self.params.set_values(ctx.settings.defaults.as_dict())
        self.task_list = TaskList()
        self.player = PlayerWidget(
            volume=self.ctx.settings.player_volume, on_volume_changed=self._remember_volume
        )
        self.status = ConnectionStatus()
        self.controller = SubmitController(
            self.session,
            self.editor_panel,
            self.params,
            self.counter,
            self.submit_bar,
            self.bridge,
            ctx.prices,
            self.report_error,
            self,
        )

        self._build_actions()
        self._build_layout()
        self._connect()
        self.counter.set_report(self.editor_panel.report())
        self._attach_features()
        self._on_connection_changed()
        self.default_layout = DefaultLayout(self, self.view_menu, self.bridge.job_updated)
        WindowState(ctx.config_dir).restore(self)  # after the features: their docks too

    def _attach_features(self) -> None:
        """Give each feature the roles it uses (``ui/studio.py``) and the features it needs.

        The only order that matters is the one a feature's arguments make visible: history
        needs the voice store and the captions' export report. Docks join the View menu in
        the order they are added.
        """
        self.voices = attach_voices(
            VoicesNeeds(
                parent=self,
                ctx=self.ctx,
                session=self.session,
                params=self.params,
                messages=self,
                menus=self,
                playback=self,
                job_updates=self.bridge,
                closed=self.closed,
            )
        )
        self.voice_store = self.voices.store
        self.theme_menu = attach_theme_menu(ThemeNeeds(self, self.ctx, self.view_menu))
        self.captions = attach_captions(
            CaptionsNeeds(
                parent=self,
                player=self.player,
                editor=self.editor,
                docks=self,
                menus=self,
                messages=self,
                export_folder=self.export_folder,
            )
        )
        self.projects = attach_projects(
            ProjectNeeds(
                parent=self,
                ctx=self.ctx,
                editor=self.editor,
                params=self.params,
                messages=self,
                docks=self,
                menus=self,
                frame=self,
            )
        )
        self.book = attach_book(
            BookNeeds(
                parent=self,
                ctx=self.ctx,
                editor=self.editor,
                params=self.params,
                lender=self.projects,  # the book borrows the editor from the script
                messages=self,
                docks=self,
                menus=self,
                playback=self,
                closed=self.closed,
                session=self.session,  # renders go through the render queue
                player=self.player,  # listening by sentence follows it
            )
        )
        # With a book open, "Generate speech" renders the chapter through the book's queue.
        self.controller.book = self.book
        self.book.book_opened.connect(self.controller.refresh)
        self.book.book_closed.connect(self.controller.refresh)
        self.book.figures_changed.connect(self.controller.refresh)
        self.book.render_progress.connect(self.controller.progress.show_book)  # on the button
        self.delivery = attach_delivery(DeliveryNeeds.of_book(self, self, self.book))  # File menu
        self.history = attach_history(
            HistoryNeeds(
                parent=self,
                library=self.ctx.library,
                voice_store=self.voice_store,
                ctx=self.ctx,
                session=self.session,
                docks=self,
                messages=self,
                playback=self,
                script=self,
                params=self.params,
                submission=self.controller,
                job_updates=self.bridge,
                exports=self.captions,
                closed=self.closed,
            )
        )
        self.clone_wizard_action = attach_clone_wizard(self)  # "Clone a voice…" in Voices
        self.voices.clone_action = self.clone_wizard_action  # the browser's first card
        self.toolbar.insertAction(self.settings_action, self.voices.browse_action)
        self.book_import = attach_book_import(
            BookImportNeeds(
                parent=self,
                menus=self,
                prices=self.ctx.prices,
                # The reviewed manuscript becomes a book the navigator opens.
                on_manuscript=self.book.from_manuscript,
            )
        )
        # Last: Help ends the menu bar and lists every action's keys.
        self.edit = attach_edit(
            EditNeeds(
                parent=self,
                editor=self.editor,
                menus=self,
                frame=self,
                submit_action=self.submit_action,  # in the Generate menu, Ctrl+Return shown
                stop_button=self.task_list.cancel_button,
            )
        )
        tour = lambda: start_tour(self, self.ctx, first_run=False)  # noqa: E731
        self.help = attach_help(HelpNeeds(parent=self, menus=self, tour=tour))

    # -- building -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = QAction(translate(CTX, "Open script…"), self)
        self.open_action.setObjectName("openScriptAction")
        # Ctrl+O opens a project (File menu); this imports a plain script into the editor.
        self.open_action.setToolTip(translate(CTX, "Open a .txt or .md script file"))
        self.insert_pause_action = self.editor_panel.insert_pause_action
        self.settings_action = QAction(translate(CTX, "Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setToolTip(
            translate(CTX, "API key, server, prices, defaults and language")
        )
        # A window-wide shortcut: it works while typing in the editor, and runs the same
        # (exclusive) slot as the button, so pressing it twice still sends once.
        self.submit_action = QAction(translate(CTX, "Generate speech"), self)
        self.submit_action.setObjectName("submitAction")
        self.submit_action.setShortcut(SHORTCUT)
        self.submit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.submit_action)

        toolbar = QToolBar(translate(CTX, "Main toolbar"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.open_action)  # Insert pause: beside the editor and in Edit
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        # The menus features add their actions to (projects, voices, history, export, edit).
        self.build_menus(self.open_action, self.insert_pause_action, self.settings_action)

    def _build_layout(self) -> None:
        central = QWidget()
        central.setObjectName("centralArea")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.messages)
        layout.addWidget(self.editor_panel, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.submit_bar)
        self.setCentralWidget(central)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.params)
        self.params_dock = self.add_dock(
            "parametersDock",
            translate(CTX, "Voice and parameters"),
            scroll,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.params_dock.setMinimumWidth(340)
        self.tasks_dock = self.add_dock(
            "tasksDock",
            translate(CTX, "Tasks"),
            self.task_list,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.player_dock = self.add_dock(
            "playerDock",
            translate(CTX, "Player"),
            self.player,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            right_of=self.tasks_dock,
        )
        self.statusBar().addPermanentWidget(self.status)

    # -- roles (ui/studio.py) that need more than the frame ---------------------------------

    def play_file(
        self,
        path: Path,
        *,
        autoplay: bool,
        title: str | None = None,
        subtitle_path: Path | None = None,
        script: str | None = None,
    ) -> None:
        """Playback: load a result into the player; its subtitles and script go to the
        captions."""
        title = title or path.name
        self.player.load(path, autoplay=autoplay, title=title)
        self.player_dock.show()
        self.captions.show_result(PlayedResult(path, subtitle_path, script, title))

    def release_files(self, *paths: Path | None) -> None:
        """Playback: the player lets go of its file if it is one of ``paths``."""
        held = self.player.path()
        if held is not None and held in paths:
            self.player.release()

    def script_text(self) -> str:
        """ScriptAccess: the editor's script."""
        return self.editor.text()

    def replace_script(self, text: str) -> None:
        """ScriptAccess: replace the whole script as one undo step."""
        self.editor.apply_edit(Edit(0, len(self.editor.text()), text, 0))

    def active_task_count(self) -> int:
        """Frame: tasks still running in this session."""
        return len(self.task_list.active_jobs())

    def export_folder(self) -> Path:
        """Where exports go first: the saved project's folder, else the results folder (made
        on export if missing)."""
        project = self.projects.path
        return project.parent if project is not None else self.ctx.results_dir()

    def _connect(self) -> None:
        self.open_action.triggered.connect(self.open_script)
        self.settings_action.triggered.connect(lambda: self.open_settings())
        self.submit_action.triggered.connect(self.controller.submit)
        self.editor_panel.report_changed.connect(self.counter.set_report)
        self.params.voice_changed.connect(self._remember_voice)
        self.controller.failed_to_send.connect(self._on_failed_to_send)
        self.bridge.job_updated.connect(self._on_job_updated)
        self.results = ResultsToPlayer(self.task_list, self, self, self.session, self)
        self.session.connection_changed.connect(self._on_connection_changed)
        self.session.balance_changed.connect(self._on_balance)
        self.session.reconnecting.connect(self.status.set_reconnecting)

    # -- window events --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            # After the window is shown, so the focus lands in an active window.
            QTimer.singleShot(0, self._focus_editor)

    def _focus_editor(self) -> None:
        self.activateWindow()
        self.editor.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Unsaved changes or tasks in flight: the projects controller asks (non-blocking)
        # and calls close_now() once the user has chosen.
        if not self._confirmed_close and not (self.book.may_close() and self.projects.may_close()):
            event.ignore()
            return
        self.projects.window_closing()  # autosave snapshot: kept for recovery, or cleared
        WindowState(self.ctx.config_dir).save(self)
        self.player.release()  # stop the sound now and let go of the file
        super().closeEvent(event)
        self.closed.emit()

    def close_now(self) -> None:
        """Close without asking (the user confirmed, or the system asked)."""
        self._confirmed_close = True
        self.close()

    # -- errors ---------------------------------------------------------------------------

    def report_error(self, exc: BaseException) -> None:
        """Where async slot errors land: one sentence in the message bar."""
        user = errors.describe(exc)
        if user.opens_settings:
            self.messages.show_message(
                user.text,
                Level.ERROR,
                action_text=translate(CTX, "Open Settings"),
                action=self._open_account_settings,
            )
        else:
            self.messages.show_message(user.text, Level.ERROR)

    def _on_failed_to_send(self, sentence: str) -> None:
        self.messages.show_message(job_sentence(sentence) or sentence, Level.ERROR)

    # -- connection -----------------------------------------------------------------------

    def _on_connection_changed(self) -> None:
        session = self.session
        if session.connected:
            self.status.set_server(session.base_url, demo=session.demo)
            self.refresh_balance()
        else:
            self.status.set_not_configured()
        self.voices.picker.refresh()  # library voices with their status, the demo's, the last
        self.controller.refresh()

    def _on_balance(self, balance: object) -> None:
        available = getattr(balance, "available", None)
        self.status.set_balance(available, self.ctx.prices().currency)

    @async_slot(exclusive=True)
    async def refresh_balance(self) -> None:
        try:
            await self.session.refresh_balance()
        except SoundCloneError as exc:
            # The balance is a convenience: say so in the status bar, not as an alarm,
            # unless the key itself was rejected (then the user must act).
            user = errors.log_and_describe(exc, "Balance request failed")
            self.status.set_unreachable()
            if user.opens_settings:
                self.report_error(exc)

    @async_slot(exclusive=True)
    async def start_demo(self) -> None:
        await self.session.connect_demo()
        self.messages.show_message(
            translate(
                CTX,
                "You are using the built-in demo: a ready voice, fake money and synthetic "
                "audio. Connect your account in Settings when you are ready.",
            ),
            Level.INFO,
        )

    # -- dialogs --------------------------------------------------------------------------

    def show_welcome(self) -> WelcomeDialog:
        from soundclone_desktop.ui.settings.welcome import WelcomeDialog

        dialog = WelcomeDialog(self)
        dialog.api_key_chosen.connect(self._open_account_settings)
        dialog.demo_chosen.connect(self.start_demo)
        self._welcome = dialog
        dialog.open()
        return dialog

    def _open_account_settings(self) -> None:
        from soundclone_desktop.ui.settings.dialog import Page

        self.open_settings(Page.ACCOUNT)

    def open_settings(self, page: Page | None = None) -> SettingsDialog:
        from soundclone_desktop.ui.settings.dialog import SettingsDialog

        dialog = self._settings_dialog
        if dialog is None or not dialog.isVisible():
            dialog = SettingsDialog(
                self.ctx.settings,
                self.ctx.settings_store,
                self.ctx.tokens,
                str(self.ctx.results_dir()),
                self,
                demo_prices=self.session.demo_prices(),
            )
            dialog.applied.connect(self._on_settings_applied)
            self._settings_dialog = dialog
        if page is not None:
            dialog.show_page(page)
        dialog.open()
        return dialog

    def _on_settings_applied(self, settings: Settings, key_changed: bool) -> None:
        old = self.ctx.settings
        self.ctx.settings = settings
        self.session.results_dir = self.ctx.results_dir()
        for runner in self.session.runners():
            runner.results_dir = self.session.results_dir
        self.session.apply_account(self.ctx.base_url(), key_changed=key_changed)
        self.controller.refresh()
        if settings.ui_language != old.ui_language:
            self.messages.show_message(
                translate(CTX, "The new language applies the next time you start the app."),
                Level.INFO,
            )
        elif key_changed and not self.ctx.tokens.persistent:
            self.messages.show_message(
                translate(
                    CTX,
                    "Your API key is in use for this session. This computer has no credential "
                    "store, so you will need to enter it again next time.",
                ),
                Level.WARNING,
            )

    def open_script(self) -> None:
        dialog = QFileDialog(self, translate(CTX, "Open script"))
        dialog.setNameFilters(
            [translate(CTX, "Scripts (*.txt *.md)"), translate(CTX, "All files (*)")]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_script)
        self._open_dialog = dialog
        dialog.open()  # no nested event loop

    @async_slot
    async def load_script(self, path: str) -> None:
        """Read the file in a worker thread, then replace the text as one undo step."""
        try:
            text = await asyncio.to_thread(read_script, Path(path))
        except ScriptFileError as exc:
            self.messages.show_message(str(exc), Level.ERROR)
            return
        self.replace_script(text)
        self.messages.clear()
        self.editor.setFocus()

    # -- jobs -----------------------------------------------------------------------------

    def _on_job_updated(self, job: Job) -> None:
        self.task_list.update_job(job, self.controller.cost_for(job.local_id))
        if job.message is None and not job.is_done:
            self.status.set_reconnecting(False)
        if job.state is JobState.DOWNLOADED and job.audio_path is not None:
            self.results.downloaded(job)
            self.refresh_balance()
        elif job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN) and job.task_id:
            self.messages.show_message(job_sentence(job.error) or "", Level.ERROR)
            self.refresh_balance()

    def _remember_volume(self, volume: float) -> None:
        self.ctx.settings.player_volume = volume
        spawn(asyncio.to_thread(self.ctx.settings_store.save, self.ctx.settings), owner=self)

    def _remember_voice(self, model_id: str) -> None:
        if self.session.demo or not model_id or model_id == self.ctx.settings.last_voice:
            return
        self.ctx.settings.last_voice = model_id
        spawn(asyncio.to_thread(self.ctx.settings_store.save, self.ctx.settings), owner=self)
