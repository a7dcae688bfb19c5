"""The studio window: composes the panels and wires their signals; the work lives elsewhere.

Layout: the script editor in the centre with the counter and the submit row under it; the
parameters in a dock on the right; tasks and the player in docks at the bottom; connection
and balance in the status bar; errors in an inline message bar (never a modal box).

Built in two stages (start-up time, issue #17): the shell (menus, toolbar, the editor with
the counter and submit row, the status bar and the docks at their final size, still empty)
is light enough to be painted at once; ``build_steps`` then makes the panels and attaches
the features, one event-loop turn each, importing each part as it goes. What the user types
meanwhile lands in the real editor; actions of parts not yet built do nothing until then.
``MainWindow(ctx)`` runs both stages at once (tests, tools).

Dialogs and features that are not on screen at start (settings, welcome, clone wizard,
export, voice library) are imported when first opened: start-up time (issue #7).

Feature packages (voices, captions, projects, book, history, edit, help) never see this
window: each gets the roles it uses (``ui/studio.py``), which the window implements with the
public methods under "roles" below, and the other features it relies on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar, QVBoxLayout, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.app_icon import app_icon
from soundclone_desktop.ui.common.message_bar import Level, MessageBar
from soundclone_desktop.ui.editor.edits import Edit
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.status_bar import ConnectionStatus
from soundclone_desktop.ui.studio_features import FeaturesHeld
from soundclone_desktop.ui.studio_frame import StudioFrame
from soundclone_desktop.ui.submit.bar import SHORTCUT, SubmitBar
from soundclone_desktop.ui.submit.counter import CounterWidget
from soundclone_desktop.ui.window_layout import (
    PARAMS_MIN_WIDTH,
    DefaultLayout,
    size_shell_docks,
)
from soundclone_desktop.ui.window_state import WindowState, place_first_window

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QCloseEvent, QShowEvent
    from PySide6.QtWidgets import QFileDialog, QScrollArea

    from soundclone_desktop.core.jobs import Job
    from soundclone_desktop.store.settings import Settings
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.parameters.panel import ParametersPanel
    from soundclone_desktop.ui.player import PlayerWidget
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.settings.dialog import Page, SettingsDialog
    from soundclone_desktop.ui.settings.welcome import WelcomeDialog
    from soundclone_desktop.ui.submit.controller import SubmitController
    from soundclone_desktop.ui.tasks.results import ResultsToPlayer
    from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge
    from soundclone_desktop.ui.tasks.task_list import TaskList

log = logging.getLogger(__name__)

CTX = "MainWindow"


class MainWindow(StudioFrame, FeaturesHeld):
    closed = Signal()  # the window really closed (not a refused close): the app may quit

    # Made by ``build_steps`` (the second stage):
    ctx: AppContext
    session: Session
    bridge: RunnerBridge
    params: ParametersPanel
    task_list: TaskList
    player: PlayerWidget
    controller: SubmitController
    results: ResultsToPlayer
    default_layout: DefaultLayout

    def __init__(
        self,
        ctx: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        config_dir: Path | None = None,
    ) -> None:
        """With ``ctx``, the whole studio; with only ``config_dir``, the shell, which
        ``build_steps(ctx)`` completes (the staged start)."""
        super().__init__(parent)
        folder = ctx.config_dir if ctx is not None else config_dir
        assert folder is not None, "MainWindow needs a context or a config folder"
        self._build_shell(folder)
        if ctx is not None:
            for _step in self.build_steps(ctx):
                pass

    def _build_shell(self, config_dir: Path) -> None:
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate(CTX, "SoundClone Desktop"))
        self.setWindowIcon(app_icon())
        place_first_window(self)  # a saved geometry, restored below, takes precedence
        self.is_built = False
        self._close_when_built = False
        self._confirmed_close = False
        self._settings_dialog: SettingsDialog | None = None
        self._welcome: WelcomeDialog | None = None
        self._open_dialog: QFileDialog | None = None
        self._first_show = True

        self.messages = MessageBar()
        # Plain: its highlighter, chips and problems come one turn after the first paint
        # (``attach_editor_analysis``), typed text kept and highlighted then.
        self.editor_panel = ScriptEditorPanel(plain=True)
        self.editor = self.editor_panel.editor
        self.counter = CounterWidget()
        # The charge line beside the button states the cost once; the counter's own cost
        # line would repeat it in other words (its breakdown becomes that line's tooltip).
        self.counter.cost_label.hide()
        self.submit_bar = SubmitBar()
        # Inactive until its controller is there, with a reason line as it will have then
        # (an empty script, no server yet), so the editor keeps its height.
        self.submit_bar.set_blocked([translate(CTX, "Getting the studio ready…")])
        self.status = ConnectionStatus()
        self._build_actions()
        self._build_layout()
        # Geometry and the docks' sizes now, so the editor does not move when they fill;
        # docks made later take their saved place as they are added (``add_dock``).
        self._state = WindowState(config_dir)
        if not self._state.restore(self):
            size_shell_docks(self)

    def build_steps(self, ctx: AppContext) -> Iterator[str]:
        """The second stage: the panels, then the features; yields a step's name after each
        (the staged start gives the event loop a turn there)."""
        from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge

        self.attach_editor_analysis()  # (done already by a staged start)
        self.ctx = ctx
        self.session = ctx.session
        self.bridge = RunnerBridge(self)
        from soundclone_desktop.ui.parameters.panel import ParametersPanel

        yield "parameters imported"  # (a large step's import and build: two turns)
        self.params = ParametersPanel(script_text=self.editor_panel.text)
        self.params.set_values(ctx.settings.defaults.as_dict())
        self._fill_dock(self.params_dock, _scrolled(self.params))
        yield "parameters"

        from soundclone_desktop.ui.tasks.task_list import TaskList

        self.task_list = TaskList()
        self._fill_dock(self.tasks_dock, self.task_list)
        yield "tasks"

        from soundclone_desktop.ui.player import PlayerWidget  # QtMultimedia

        yield "player imported"
        self.player = PlayerWidget(
            volume=ctx.settings.player_volume, on_volume_changed=self._remember_volume
        )
        self._fill_dock(self.player_dock, self.player)
        yield "player"

        from soundclone_desktop.ui.submit.controller import SubmitController

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
        self._connect()
        self.counter.set_report(self.editor_panel.report())
        yield "submit"

        from soundclone_desktop.ui.studio_features import StudioFeatures, feature_steps

        self.features = StudioFeatures()
        yield from feature_steps(self, ctx, self.features)
        self._on_connection_changed()
        self.default_layout = DefaultLayout(self, self.view_menu, self.bridge.job_updated)
        self._state.restore(self)  # again, now that every dock is there
        self.is_built = True
        if self._close_when_built:
            QTimer.singleShot(0, self.close)
        yield "layout"

    def attach_editor_analysis(self) -> None:
        """The editor's highlighter, chips and problems list (the shell's editor is plain)."""
        self.editor_panel.attach_analysis()

    def _fill_dock(self, dock: QDockWidget, widget: QWidget) -> None:
        """Put a panel into its dock made by the shell, keeping the dock's size (the editor
        beside it must not move)."""
        size = dock.size()
        dock.setWidget(widget)
        side = self.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        if self.isVisible():
            orientation = Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical
            extent = size.width() if side else size.height()
            if side:  # as wide as its panel needs where the window has room: a scrolled
                extent = max(extent, _width_needed(widget))  # panel is cut at the right
            self.resizeDocks([dock], [extent], orientation)

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

        # The docks at their place and size, empty: ``build_steps`` fills them.
        self.params_dock = self.add_dock(
            "parametersDock",
            translate(CTX, "Voice and parameters"),
            QWidget(),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.params_dock.setMinimumWidth(PARAMS_MIN_WIDTH)
        self.tasks_dock = self.add_dock(
            "tasksDock",
            translate(CTX, "Tasks"),
            QWidget(),
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.player_dock = self.add_dock(
            "playerDock",
            translate(CTX, "Player"),
            QWidget(),
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
        from soundclone_desktop.ui.captions import PlayedResult

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
        # After the controller's own (it gives the counter the prices first).
        self.editor_panel.report_changed.connect(self.counter.set_report)
        self.params.voice_changed.connect(self._remember_voice)
        self.controller.failed_to_send.connect(self._on_failed_to_send)
        self.bridge.job_updated.connect(self._on_job_updated)
        from soundclone_desktop.ui.tasks.results import ResultsToPlayer

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
        if not self.is_built:  # what was typed so far is asked about once the rest is there
            self._close_when_built = True
            event.ignore()
            return
        # Unsaved changes or tasks in flight: the projects controller asks (non-blocking)
        # and calls close_now() once the user has chosen.
        if not self._confirmed_close and not (self.book.may_close() and self.projects.may_close()):
            event.ignore()
            return
        self.projects.window_closing()  # autosave snapshot: kept for recovery, or cleared
        self._state.save(self)
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
        from soundclone_desktop.ui.common import errors  # (the API's errors: httpx)

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
        from soundclone_desktop.ui.tasks.job_text import job_sentence

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

    def refresh_balance(self) -> asyncio.Task[None] | None:
        from soundclone_desktop.ui import studio_slots

        return studio_slots.refresh_balance(self)

    def start_demo(self) -> asyncio.Task[None] | None:
        from soundclone_desktop.ui import studio_slots

        return studio_slots.start_demo(self)

    def show_demo_note(self) -> None:
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
        from PySide6.QtWidgets import QFileDialog  # (a Qt class's first use costs its enums)

        dialog = QFileDialog(self, translate(CTX, "Open script"))
        dialog.setNameFilters(
            [translate(CTX, "Scripts (*.txt *.md)"), translate(CTX, "All files (*)")]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_script)
        self._open_dialog = dialog
        dialog.open()  # no nested event loop

    def load_script(self, path: str) -> asyncio.Task[None] | None:
        """Read the file in a worker thread, then replace the text as one undo step."""
        from soundclone_desktop.ui import studio_slots

        return studio_slots.load_script(self, path)

    # -- jobs -----------------------------------------------------------------------------

    def _on_job_updated(self, job: Job) -> None:
        from soundclone_desktop.core.jobs import JobState
        from soundclone_desktop.ui.tasks.job_text import job_sentence

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
        from soundclone_desktop.ui import studio_slots

        studio_slots.save_settings(self)

    def _remember_voice(self, model_id: str) -> None:
        if self.session.demo or not model_id or model_id == self.ctx.settings.last_voice:
            return
        self.ctx.settings.last_voice = model_id
        from soundclone_desktop.ui import studio_slots

        studio_slots.save_settings(self)


def _width_needed(widget: QWidget) -> int:
    """The width that shows ``widget`` whole; for a scroll area, its panel's minimum plus
    the frame and a vertical scroll bar (shown when the window is short)."""
    from PySide6.QtWidgets import QScrollArea

    panel = widget.widget() if isinstance(widget, QScrollArea) else None
    if not isinstance(widget, QScrollArea) or panel is None:
        return widget.minimumSizeHint().width()
    bar = widget.verticalScrollBar().sizeHint().width()
    return panel.minimumSizeHint().width() + 2 * widget.frameWidth() + bar


def _scrolled(panel: QWidget) -> QScrollArea:
    from PySide6.QtWidgets import QScrollArea

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(panel)
    return scroll
