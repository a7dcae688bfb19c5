"""The history panel's behaviour: loading and searching off the GUI thread, live updates,
and the row actions (play, use settings, export, delete, look up, resubmit).

Threading: every library read runs in ``asyncio.to_thread``. A search waits for a short
pause in typing; while one query runs, a newer request only marks "reload wanted", and the
older result is dropped rather than shown, so the view always ends on the latest query
without piling up threads. Library writes are announced by the library's listener (any
thread, relayed to the GUI thread by a queued signal); changed rows are fetched in batches
after a short delay and patched in place.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.pricing import estimate_production
from soundclone_desktop.core.script import analyze
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.lookup import (
    LookupRefusal,
    check_lookup,
    clean_task_id,
    is_task_id,
    settle_failed_lookup,
)
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner
from soundclone_desktop.store.library import TaskLibrary, TaskRecord, normalise_url
from soundclone_desktop.ui.common.async_utils import async_slot, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.history.files import delete_files
from soundclone_desktop.ui.history.model import EXCERPT_LENGTH, HistoryModel, date_text, matches
from soundclone_desktop.ui.history.panel import HistoryPanel
from soundclone_desktop.ui.session import Session
from soundclone_desktop.ui.studio import (
    Docks,
    ExportReports,
    JobUpdates,
    Messages,
    ParametersAccess,
    Playback,
    ScriptAccess,
    Submission,
)
from soundclone_desktop.ui.voices.picker import demo_voice_name

if TYPE_CHECKING:
    from soundclone_desktop.store.voices import Voice
    from soundclone_desktop.ui.export.dialog import ExportDialog
    from soundclone_desktop.ui.voices.voice_store import VoiceStore

log = logging.getLogger(__name__)

CTX = "HistoryPanel"
SEARCH_DELAY_MS = 250  # a pause in typing, not every keystroke, starts a query
UPDATE_DELAY_MS = 150  # live updates are fetched in batches
FIRST_PAGE = 200  # rows fetched first, so the view fills before a long list has loaded


@dataclass(frozen=True)
class HistoryNeeds:
    """What the history feature uses of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the dock, the controller and the dialogs
    library: TaskLibrary | None  # None: it could not be opened
    voice_store: VoiceStore  # the names of the voices
    ctx: AppContext  # the prices of the moment
    session: Session  # the runner and server a lookup goes to
    docks: Docks  # the history dock, tabbed behind Tasks
    messages: Messages
    playback: Playback
    script: ScriptAccess
    params: ParametersAccess
    submission: Submission  # "Send again" goes the usual way, already confirmed
    job_updates: JobUpdates  # a looked-up task's updates reach the task list
    exports: ExportReports  # the captions' report, with "Show in folder"
    closed: SignalInstance  # the window closed: stop reading the library


class _Relay(QObject):
    """Carries library notifications (from any thread) to the GUI thread."""

    changed = Signal(str)

    def notify(self, local_id: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone; the library outlives it
            self.changed.emit(local_id)


class HistoryController(QObject):
    """Owns the history model and panel; ``reloaded`` after each query result is shown."""

    reloaded = Signal()
    first_page_shown = Signal()  # a long result's first rows are on screen; the rest follows
    updated = Signal()  # live updates applied

    def __init__(self, studio: HistoryNeeds) -> None:
        super().__init__(studio.parent)
        self.studio = studio
        self.library = library = studio.library
        self.model = HistoryModel(self)
        self.panel = HistoryPanel(self.model)
        self.report_error = studio.messages.report_error
        self.needle = ""
        self.loaded = False
        self.last_query_seconds = 0.0  # the last query, until every row was shown
        self.first_page_seconds = 0.0  # until its first rows were shown
        self._reload_wanted = False
        self._reload_task: asyncio.Task[None] | None = None
        self._update_task: asyncio.Task[None] | None = None
        self._pending: set[str] = set()
        self._closed = False
        self._dialog: QWidget | None = None  # the open confirmation or export dialog
        self.dock: QWidget | None = None  # set by attach_history

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(UPDATE_DELAY_MS)
        self._update_timer.timeout.connect(self._start_updates)

        panel = self.panel
        panel.search_changed.connect(self._on_search_text)
        self.model.sort_requested.connect(lambda *_: self.reload())
        panel.view.doubleClicked.connect(lambda *_: self.play_selected())
        panel.play_action.triggered.connect(lambda: self.play_selected())
        panel.use_action.triggered.connect(lambda: self.use_selected())
        panel.export_action.triggered.connect(lambda: self.export_selected())
        panel.delete_action.triggered.connect(lambda: self.delete_selected())
        panel.lookup_action.triggered.connect(lambda: self.lookup_selected())
        panel.resubmit_action.triggered.connect(lambda: self.resubmit_selected())

        if library is None:
            panel.search.setEnabled(False)
            panel.view.setEnabled(False)
            panel.count_label.setText(
                translate(CTX, "The task history is not available: its file could not be opened.")
            )
            return
        self._relay = _Relay(self)
        self._relay.changed.connect(self._on_changed)
        library.add_listener(self._relay.notify)  # every write, whoever made it
        studio.closed.connect(self.shut_down)

    def shut_down(self) -> None:
        """The window closed: no more library reads (the app closes the library next)."""
        self._closed = True
        self._search_timer.stop()
        self._update_timer.stop()
        self._pending.clear()

    # -- loading and searching --------------------------------------------------------------

    def set_voice_names(self, names: Mapping[str, str]) -> None:
        """Show these names instead of voice ids (``{voice_id: name}``)."""
        self.model.set_voice_names(names)

    @async_slot
    async def load_voice_names(self, voices: Callable[[], Sequence[Voice]]) -> None:
        """Names from the voice library (read in a worker thread), plus the demo's voice."""
        if self._closed:
            return
        session = self.studio.session
        # The demo's offer is built on first use and imports the demo package: off the GUI
        # thread too (start-up time, issue #7).
        found, offer = await asyncio.to_thread(lambda: (voices(), session.demo_offer))
        names = {voice.model_id: voice.name for voice in found if voice.name}
        if offer is not None:
            names.setdefault(offer.voice_id, demo_voice_name())
        self.set_voice_names(names)

    def on_visibility(self, visible: bool) -> None:
        """Load on first sight: a history behind a tab costs nothing at start."""
        if visible and not self.loaded and self._reload_task is None:
            self.reload()

    def reload(self) -> asyncio.Task[None] | None:
        """Query again with the current search and sort; the running query's result is
        dropped when it lands. Returns the task that will show the result."""
        if self.library is None or self._closed:
            return None
        self._reload_wanted = True
        if self._reload_task is None or self._reload_task.done():
            self.panel.set_loading()
            self._reload_task = spawn(self._reload_loop(), owner=self)
        return self._reload_task

    def _on_search_text(self, text: str) -> None:
        self.needle = text
        self._search_timer.start()  # restarts: typing on postpones the query

    def _search_now(self) -> None:
        self.reload()

    async def _reload_loop(self) -> None:
        library = self.library
        assert library is not None
        while self._reload_wanted and not self._closed:
            self._reload_wanted = False
            needle, key, descending = self.needle, self.model.sort_key, self.model.descending
            searching = bool(needle.strip())
            started = time.perf_counter()
            # The first screenful comes back in a few milliseconds; the rest follows.
            first = await asyncio.to_thread(
                library.search, needle, sort=key, descending=descending, limit=FIRST_PAGE
            )
            if self._superseded():
                continue  # the user asked for something newer meanwhile (or closed)
            selected = self.panel.selected()
            self.model.set_records(first)
            self.first_page_seconds = time.perf_counter() - started
            complete = len(first) < FIRST_PAGE
            if not complete:
                self.first_page_shown.emit()
                rest = await asyncio.to_thread(
                    library.search, needle, sort=key, descending=descending, offset=FIRST_PAGE
                )
                if self._superseded():
                    continue
                self.model.append_records(rest)  # appended: scrolling meanwhile is kept
            if selected is not None and self.panel.selected() is None:
                self.panel.select_local_id(selected.local_id)
            self.last_query_seconds = time.perf_counter() - started
            self.panel.set_count(self.model.rowCount(), searching)
            self.loaded = True
            self.reloaded.emit()
        if self._pending:
            self._update_timer.start()

    def _superseded(self) -> bool:
        """A newer query was asked for (or the window closed) while this one ran."""
        return self._reload_wanted or self._closed

    # -- live updates -----------------------------------------------------------------------

    def _on_changed(self, local_id: str) -> None:
        if self._closed:
            return
        self._pending.add(local_id)
        if self.loaded and not self._update_timer.isActive():
            self._update_timer.start()  # not restarted: a busy job cannot postpone updates

    def _start_updates(self) -> None:
        if self._update_task is None or self._update_task.done():
            self._update_task = spawn(self._apply_updates(), owner=self)

    async def _apply_updates(self) -> None:
        library = self.library
        while self._pending and library is not None and not self._closed:
            if self._reload_task is not None and not self._reload_task.done():
                return  # the reload re-reads everything and then restarts the updates
            ids, self._pending = self._pending, set()
            found = await asyncio.to_thread(_fetch, library, ids)
            if self._reload_task is not None and not self._reload_task.done():
                self._pending |= ids  # a reload started meanwhile: fetch again after it
                return
            for local_id, record in found:
                if record is None:
                    self.model.remove(local_id)
                else:
                    self.model.upsert(record, visible=matches(record, self.needle))
            self.panel.set_count(self.model.rowCount(), bool(self.needle.strip()))
            self.updated.emit()

    # -- actions ------------------------------------------------------------------------------

    def _say(self, text: str, level: Level = Level.INFO) -> None:
        self.studio.messages.show_message(text, level)

    @async_slot
    async def play_selected(self) -> None:
        record = self.panel.selected()
        if record is None or record.audio_path is None:
            return
        path = record.audio_path
        if not await asyncio.to_thread(path.is_file):
            self._say(
                translate(CTX, "The audio of this task is no longer on this computer (%1).")
                .replace("%1", str(path)),
                Level.WARNING,
            )  # fmt: skip
            return
        self.studio.playback.play_file(
            path,
            autoplay=True,
            title=record.excerpt(EXCERPT_LENGTH) or path.name,
            subtitle_path=record.subtitle_path,
            script=record.text or None,
        )

    def use_selected(self) -> None:
        record = self.panel.selected()
        if record is not None and self.use_settings(record):
            self._say(
                translate(
                    CTX,
                    "Loaded the script and settings of the task from %1. Undo (Ctrl+Z) in the "
                    "editor brings back the previous script.",
                ).replace("%1", date_text(record.created_at))
            )

    def use_settings(self, record: TaskRecord) -> bool:
        """The record's script (one undo step) and parameters into the editor and panel."""
        values = _panel_values(record)
        text = record.params.text if record.params is not None else record.text
        if not text and not values:
            return False
        self.studio.script.replace_script(text)
        self.studio.params.set_values(values)
        return True

    def export_selected(self) -> ExportDialog | None:
        """The export dialog (audio as WAV/MP3, subtitles) for the selected result."""
        record = self.panel.selected()
        if record is None or record.audio_path is None:
            return None
        from soundclone_desktop.ui.export.dialog import ExportDialog  # first use (start-up)

        dialog = ExportDialog(
            self.studio.parent,
            audio_path=record.audio_path,
            subtitle_path=record.subtitle_path,
            script_text=record.text or None,
            title=record.excerpt(EXCERPT_LENGTH) or record.audio_path.name,
        )
        dialog.exported.connect(self.studio.exports.report_exported)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        record = self.panel.selected()
        if record is None or not record.state.is_terminal:
            return None
        box = QMessageBox(self.studio.parent)
        box.setObjectName("historyDeleteDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate(CTX, "Delete from history"))
        box.setText(translate(CTX, "Delete this task from the history?"))
        box.setInformativeText(
            translate(
                CTX,
                "Its audio and subtitle files on this computer are deleted too. The task "
                "stays in your account on the server.",
            )
        )
        delete = box.addButton(translate(CTX, "Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.finished.connect(
            lambda _result: box.clickedButton() is delete and self.delete(record.local_id)
        )
        box.finished.connect(box.deleteLater)
        self._dialog = box
        box.open()  # window-modal, no nested event loop
        return box

    @async_slot
    async def delete(self, local_id: str) -> None:
        """Remove the entry and its files (the caller has asked the user)."""
        library = self.library
        if library is None:
            return
        record = await asyncio.to_thread(library.get, local_id)
        if record is None:
            self.model.remove(local_id)
            return
        # Let go of the file first (Windows refuses to delete an open one).
        self.studio.playback.release_files(record.audio_path, record.subtitle_path)

        def work() -> list[Path]:
            library.delete(local_id)
            return delete_files((record.audio_path, record.subtitle_path))

        failed = await asyncio.to_thread(work)
        self.model.remove(local_id)
        self.panel.set_count(self.model.rowCount(), bool(self.needle.strip()))
        if failed:
            self._say(
                translate(CTX, "The entry was removed, but this file could not be deleted: %1")
                .replace("%1", str(failed[0])),
                Level.WARNING,
            )  # fmt: skip

    # -- outcome unknown: look up or resubmit ------------------------------------------------

    def lookup_selected(self) -> QInputDialog | None:
        record = self.panel.selected()
        if record is None or record.state is not JobState.OUTCOME_UNKNOWN:
            return None
        dialog = QInputDialog(self.studio.parent)
        dialog.setObjectName("historyLookupDialog")
        dialog.setWindowTitle(translate(CTX, "Look up by task ID"))
        dialog.setLabelText(
            translate(
                CTX,
                "Find this task in the task list on the website and paste its task ID "
                "(for example audio_16b635ba-…). The app then follows it and downloads the "
                "result.",
            )
        )
        dialog.setTextValue(record.task_id or "")
        dialog.textValueSelected.connect(lambda text: self.lookup(record.local_id, text))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    @async_slot
    async def lookup(self, local_id: str, task_id: str) -> Job | None:
        """Follow ``task_id`` as the task of entry ``local_id``; None (and a message) if not."""
        library = self.library
        task_id = clean_task_id(task_id)
        if library is None:
            return None
        if not is_task_id(task_id):
            self._say(
                translate(
                    CTX,
                    "Task ID: enter the ID exactly as the website shows it, without spaces "
                    "(at most 128 characters).",
                ),
                Level.ERROR,
            )
            return None
        session = self.studio.session
        runner = session.runner
        if runner is None:
            self._say(
                translate(CTX, "Connect to the server first (Settings), then look the task up."),
                Level.ERROR,
            )
            return None
        record = await asyncio.to_thread(library.get, local_id)
        if record is None:
            return None
        if normalise_url(record.base_url) != normalise_url(session.base_url):
            self._say(_other_server_text(record, session.base_url), Level.ERROR)
            return None
        check = await asyncio.to_thread(check_lookup, library, record, task_id)
        if check.refusal is LookupRefusal.TAKEN and check.owner is not None:
            self._say(
                translate(CTX, "Task %1 is already in the history (sent %2).")
                .replace("%1", task_id).replace("%2", date_text(check.owner.created_at)),
                Level.ERROR,
            )  # fmt: skip
            return None
        if not check.allowed:  # settled meanwhile (the dialog offers only open entries)
            return None
        job = runner.track(
            task_id,
            record.kind,
            self.studio.job_updates.on_update,
            params=record.params,
            local_id=record.local_id,
            created_at=record.created_at,
        )
        spawn(_settle_when_done(runner, library, job), owner=self)
        self._say(
            translate(CTX, "Following task %1: the result is downloaded when it is ready.")
            .replace("%1", task_id)
        )  # fmt: skip
        return job

    def resubmit_selected(self) -> QMessageBox | None:
        record = self.panel.selected()
        if record is None or record.state is not JobState.OUTCOME_UNKNOWN:
            return None
        if record.kind is not JobKind.AUDIO or not isinstance(record.params, ProductionParams):
            self._say(
                translate(
                    CTX,
                    "The settings of this task were not recorded, so it cannot be sent again "
                    "from here.",
                ),
                Level.ERROR,
            )
            return None
        box = QMessageBox(self.studio.parent)
        box.setObjectName("historyResubmitDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate(CTX, "Send again"))
        box.setText(translate(CTX, "Send this script again as a new task?"))
        box.setInformativeText(
            translate(
                CTX,
                "It will charge %1. The first attempt may have been created and charged "
                "already: check the task list on the website before sending it again. The "
                "script and settings are loaded into the editor and sent from there.",
            ).replace("%1", self.cost_of(record.params))
        )
        send = box.addButton(translate(CTX, "Send again"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.finished.connect(lambda _result: box.clickedButton() is send and self.resubmit(record))
        box.finished.connect(box.deleteLater)
        self._dialog = box
        box.open()
        return box

    def cost_of(self, params: ProductionParams) -> str:
        """What sending ``params`` now costs, in the words of the charge line."""
        chars = analyze(params.text).billable_chars
        estimate = estimate_production(chars, self.studio.ctx.prices())
        if estimate.total is None:
            return translate(CTX, "an amount this app cannot estimate (prices unknown)")
        return money_text(estimate.total, estimate.currency)

    def resubmit(self, record: TaskRecord) -> asyncio.Task[Job] | None:
        """Load the record into the editor and send it the usual way (one create request)."""
        self.use_settings(record)
        submission = self.studio.submission
        task = submission.submit_confirmed()  # the user has just agreed to pay again
        if task is None:
            reasons = " ".join(submission.blocked_reasons())
            self._say(
                translate(CTX, "Not sent: %1").replace("%1", reasons or "—"), Level.ERROR
            )  # fmt: skip
        return task


def _fetch(library: TaskLibrary, ids: set[str]) -> list[tuple[str, TaskRecord | None]]:
    return [(local_id, library.get(local_id)) for local_id in ids]


def _panel_values(record: TaskRecord) -> dict[str, Any]:
    params = record.params
    values: dict[str, Any] = {}
    if isinstance(params, ProductionParams):
        values = {"model_id": params.model_id, **params.as_dict()}
    elif isinstance(params, PreviewParams):
        values = {"version": params.version, "language": params.language}
        if record.voice_id:
            values["model_id"] = record.voice_id
    elif record.voice_id:
        values = {"model_id": record.voice_id}
    return values


def _other_server_text(record: TaskRecord, current: str) -> str:
    if record.demo:
        return translate(
            CTX,
            "This task was sent to a built-in demo server that has since stopped, so it "
            "cannot be looked up.",
        )
    return (
        translate(CTX, "This task was sent to %1, but the app is connected to %2. Connect to %1 in "
                  "Settings first.")
        .replace("%1", record.base_url).replace("%2", current or "—")
    )  # fmt: skip


async def _settle_when_done(runner: TaskRunner, library: TaskLibrary, job: Job) -> None:
    """A looked-up id the server does not know leaves the entry outcome unknown (so the right
    id can be tried), not failed for ever."""
    with contextlib.suppress(RunnerStoppedError):
        await runner.wait(job)
    await asyncio.to_thread(settle_failed_lookup, library, job)
