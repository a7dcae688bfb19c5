"""The clone wizard: from a recording to a saved voice in four guided steps.

1. Source: a local file or a public web address, checked before anything is spent.
2. Preview: optional preview text (the default line is billed when empty), model, language,
   and the cost of the preview.
3. Clone: a summary, then upload (cancellable, free) and the paid preview task.
4. Save: listen to the preview, name the voice and save it to the library, or discard it.

It is a non-modal dialog (``open()`` shows it without a nested event loop, and the studio
stays usable while the preview is made). One wizard per window: the menu action brings the
open one forward, so a second wizard can never send a second preview. Errors appear in the
wizard's own message strip; nothing typed is lost. Closing while a paid preview is in flight,
or with an unsaved voice, asks for a second press instead of losing the voice silently.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from enum import IntEnum
from pathlib import Path, PurePosixPath
from typing import Protocol
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.jobs import Job
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.clone import voice_of
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.common.async_utils import async_slot
from soundclone_desktop.ui.common.message_bar import Level, MessageBar
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.parameters.panel import ParametersPanel
from soundclone_desktop.ui.session import Session
from soundclone_desktop.ui.voices.clone_preview_page import PreviewPage
from soundclone_desktop.ui.voices.clone_run import CloneRequest, CloneRun, Phase
from soundclone_desktop.ui.voices.clone_run_page import RunPage
from soundclone_desktop.ui.voices.clone_save_page import SavePage
from soundclone_desktop.ui.voices.clone_source_page import SourcePage
from soundclone_desktop.ui.voices.voice_store import VoiceStore

log = logging.getLogger(__name__)

CTX = "CloneWizard"


class Studio(Protocol):
    """What the wizard needs from the main window."""

    ctx: AppContext
    session: Session
    messages: MessageBar
    params: ParametersPanel
    voices_menu: QMenu

    @property
    def voice_store(self) -> VoiceStore: ...  # (read only: the window's is its features')


class Step(IntEnum):
    SOURCE = 0
    PREVIEW = 1
    CLONE = 2
    SAVE = 3


def _step_titles() -> dict[Step, str]:
    return {
        Step.SOURCE: translate(CTX, "Choose the recording"),
        Step.PREVIEW: translate(CTX, "Preview settings"),
        Step.CLONE: translate(CTX, "Clone"),
        Step.SAVE: translate(CTX, "Listen and save"),
    }


def default_name(request: CloneRequest) -> str:
    """A first suggestion for the voice's name: the file's name without its extension."""
    if request.path is not None:
        return request.path.stem
    return PurePosixPath(unquote(urlsplit(request.url).path)).stem or request.url


class CloneWizard(QDialog):
    """See the module docstring; ``saved(voice)`` once a voice is in the library."""

    saved = Signal(object)  # Voice

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cloneWizard")
        self.setWindowTitle(translate(CTX, "Clone a voice"))
        self.setModal(False)
        self._studio = studio
        self._confirm: str | None = None  # the warning a second press confirms
        self._job: Job | None = None
        self._request: CloneRequest | None = None
        session = studio.session
        volume = studio.ctx.settings.player_volume
        defaults = studio.ctx.settings.defaults

        self.run = CloneRun(session, self)
        self.messages = MessageBar()  # keeps its own object name: its style sheet uses it
        self.source_page = SourcePage(self._trusted, volume=volume)
        self.preview_page = PreviewPage(
            studio.ctx.prices,
            demo=lambda: session.demo,
            version=defaults.version,
            language=defaults.language,
        )
        self.run_page = RunPage()
        self.save_page = SavePage(volume=volume)
        self._build()
        self._connect()
        self.setMinimumSize(540, 520)
        self.resize(660, 640)
        self._go(Step.SOURCE)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.step_label = QLabel()
        self.step_label.setObjectName("cloneStepLabel")
        font = self.step_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.step_label.setFont(font)
        self.step_label.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.setObjectName("cloneStack")
        for page in (self.source_page, self.preview_page, self.run_page, self.save_page):
            self.stack.addWidget(page)

        self.back_button = self._button("cloneBackButton", translate(CTX, "< Back"))
        self.next_button = self._button("cloneNextButton", translate(CTX, "Next >"))
        self.clone_button = self._button("cloneStartButton", translate(CTX, "Clone voice"))
        self.save_button = self._button("cloneSaveButton", translate(CTX, "Save voice"))
        self.discard_button = self._button("cloneDiscardButton", translate(CTX, "Discard"))
        self.cancel_button = self._button("cloneCancelButton", translate(CTX, "Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (
            self.discard_button,
            self.next_button,
            self.clone_button,
            self.save_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.step_label)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _connect(self) -> None:
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.clone_button.clicked.connect(self._start)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard)
        self.cancel_button.clicked.connect(self.reject)
        self.source_page.changed.connect(self._update_buttons)
        self.preview_page.changed.connect(self._update_buttons)
        self.save_page.changed.connect(self._update_buttons)
        self.run_page.cancel_upload_button.clicked.connect(self.run.cancel_upload)
        self.run.phase_changed.connect(self._on_phase)
        self.run.upload_progress.connect(self.run_page.show_upload)
        self.run.job_changed.connect(self.run_page.show_job)
        self.run.finished.connect(self._on_finished)
        self.run.failed.connect(self._on_failed)
        self.run.upload_cancelled.connect(self._on_upload_cancelled)
        self._studio.session.connection_changed.connect(self.source_page.recheck)
        self._studio.session.connection_changed.connect(self.preview_page.refresh_cost)

    # -- showing -------------------------------------------------------------------------------

    def open(self) -> None:
        """Show without blocking and without making the studio wait (non-modal)."""
        self.preview_page.refresh_cost()  # prices may have changed in Settings meanwhile
        self.show()
        self.raise_()
        self.activateWindow()

    def step(self) -> Step:
        return Step(self.stack.currentIndex())

    def _go(self, step: Step) -> None:
        self._confirm = None
        self.stack.setCurrentIndex(step)
        titles = _step_titles()
        self.step_label.setText(
            translate(CTX, "Step {number} of {count}: {title}").format(
                number=step + 1, count=len(Step), title=titles[step]
            )
        )
        if step is Step.CLONE:
            self._prepare_clone()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step, phase = self.step(), self.run.phase
        self.back_button.setVisible(step in (Step.PREVIEW, Step.CLONE))
        self.back_button.setEnabled(not self.run.busy)
        self.next_button.setVisible(step in (Step.SOURCE, Step.PREVIEW))
        complete = (
            self.source_page.is_complete()
            if step is Step.SOURCE
            else self.preview_page.is_complete()
        )
        self.next_button.setEnabled(complete)
        self.clone_button.setVisible(step is Step.CLONE)
        self.clone_button.setEnabled(phase is Phase.IDLE and self._request is not None)
        self.save_button.setVisible(step is Step.SAVE)
        self.save_button.setEnabled(not CloneWizard.save.is_busy(self))  # type: ignore[attr-defined]
        self.discard_button.setVisible(step is Step.SAVE)
        self.cancel_button.setVisible(step is not Step.SAVE)
        self.cancel_button.setText(
            translate(CTX, "Stop waiting") if phase is Phase.PREVIEW else translate(CTX, "Cancel")
        )
        default = {
            Step.SOURCE: self.next_button,
            Step.PREVIEW: self.next_button,
            Step.CLONE: self.clone_button,
            Step.SAVE: self.save_button,
        }[step]
        default.setDefault(True)

    # -- moving between steps ------------------------------------------------------------------

    def _next(self) -> None:
        step = self.step()
        if step is Step.SOURCE and self.source_page.is_complete():
            self.messages.clear()
            self._go(Step.PREVIEW)
        elif step is Step.PREVIEW and self.preview_page.is_complete():
            self.messages.clear()
            self._go(Step.CLONE)

    def _back(self) -> None:
        if self.run.busy:
            return
        step = self.step()
        if step in (Step.PREVIEW, Step.CLONE):
            self._go(Step(step - 1))

    def _prepare_clone(self) -> None:
        source, preview = self.source_page, self.preview_page
        self._request = CloneRequest(
            path=source.path(),
            url=source.url(),
            text=preview.text(),
            version=preview.version(),
            language=preview.language(),
        )
        self.run_page.set_summary(self._request, preview.cost_text())

    # -- cloning -------------------------------------------------------------------------------

    def _start(self) -> None:
        request = self._request
        if request is None or self.run.phase is not Phase.IDLE:
            return
        # Checked again: the file may have changed since step 1 (a second press is refused).
        if not (self.source_page.is_complete() and self.preview_page.is_complete()):
            self.messages.show_message(
                translate(CTX, "The source or the preview settings need attention: go back."),
                Level.ERROR,
            )
            return
        self.clone_button.setEnabled(False)  # in this very event: a double click sends once
        self.messages.clear()
        self.run.start(request)

    def _on_phase(self, _phase: str) -> None:
        self._confirm = None
        self.run_page.show_phase(self.run.phase)
        self._update_buttons()

    def _on_failed(self, sentence: str) -> None:
        self.messages.show_message(sentence, Level.ERROR)
        self._update_buttons()

    def _on_upload_cancelled(self) -> None:
        self.messages.show_message(
            translate(
                CTX, "Upload cancelled. Nothing was sent for cloning and nothing was charged."
            ),
            Level.INFO,
        )

    def _on_finished(self, job: Job) -> None:
        request = self._request
        if request is None or job.model_id is None or job.audio_path is None:
            return
        self._job = job
        self.messages.clear()
        self._go(Step.SAVE)
        self.save_page.show_voice(
            job.model_id, Path(job.audio_path), job.created_at, default_name(request)
        )
        self.save_page.name_edit.setFocus()
        self.save_page.name_edit.selectAll()

    # -- saving or discarding ------------------------------------------------------------------

    @async_slot(exclusive=True)
    async def save(self) -> None:
        """Copy the preview into the library and add the voice; then close."""
        job, request = self._job, self._request
        if job is None or request is None or job.model_id is None or job.audio_path is None:
            return
        if not self.save_page.check_name():
            self.save_page.name_edit.setFocus()
            return
        store = self._studio.voice_store
        self.save_button.setEnabled(False)
        try:
            clip = await asyncio.to_thread(
                store.library.store_preview, job.model_id, Path(job.audio_path)
            )
            voice = store.add(voice_of(job, request, name=self.save_page.name(), preview=clip))
        except (OSError, sqlite3.Error) as exc:
            log.warning("Saving voice %s failed", job.model_id, exc_info=True)
            self.messages.show_message(
                translate(
                    CTX,
                    "The voice could not be saved: {error}. Nothing is lost: fix the problem "
                    "and press Save voice again.",
                ).format(error=exc.strerror if isinstance(exc, OSError) else str(exc)),
                Level.ERROR,
            )
            self.save_button.setEnabled(True)
            return
        self._finish_saved(voice)

    def _finish_saved(self, voice: Voice) -> None:
        self._job = None
        self.run.reset()
        self._studio.params.select_voice(voice.model_id)
        self._studio.messages.show_message(
            translate(
                CTX,
                "Voice “{name}” saved and selected. It is temporary: use it for speech within "
                "3 days to keep it for good.",
            ).format(name=voice.name),
            Level.INFO,
        )
        self.saved.emit(voice)
        self._close_now()
        self.setProperty("closing", True)
        self.deleteLater()  # the next "Clone a voice…" starts afresh

    def _discard(self) -> None:
        if self._confirm != "discard":
            self._confirm = "discard"
            self.messages.show_message(
                translate(
                    CTX,
                    "Discard this voice? Its preview was already charged, and the voice will "
                    "not be kept. Press Discard again to confirm.",
                ),
                Level.WARNING,
            )
            return
        self._drop_preview()
        self._go(Step.PREVIEW)
        self.messages.show_message(
            translate(CTX, "Voice discarded. Change the settings and clone again, or close."),
            Level.INFO,
        )

    def _drop_preview(self) -> None:
        self._job = None
        self.save_page.release()
        self.run.reset()

    # -- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, the window's close button and Cancel: never lose a paid voice silently."""
        phase = self.run.phase
        if phase is Phase.UPLOADING:
            self.run.cancel_upload()  # free: nothing was charged yet
        elif phase is Phase.PREVIEW and self._confirm != "close":
            self._warn_close(
                translate(
                    CTX,
                    "The preview is being made and will be charged. If you stop waiting, this "
                    "voice cannot be saved. Press Stop waiting again to stop anyway.",
                )
            )
            return
        elif phase is Phase.PREVIEW:
            self.run.stop_waiting()
        elif phase is Phase.DONE and self._confirm != "close":
            self._warn_close(
                translate(
                    CTX,
                    "This voice is not saved yet. Press Save voice to keep it, or close "
                    "again to discard it.",
                )
            )
            return
        elif phase is Phase.DONE:
            self._drop_preview()
            self._go(Step.PREVIEW)
        self._close_now()

    def _warn_close(self, sentence: str) -> None:
        self._confirm = "close"
        self.messages.show_message(sentence, Level.WARNING)

    def _close_now(self) -> None:
        self.source_page.release()
        self.save_page.release()
        super().reject()

    # -- helpers -------------------------------------------------------------------------------

    def _trusted(self) -> list[str]:
        """Local web addresses allowed as sources: the demo server's own files."""
        session = self._studio.session
        return [session.base_url] if session.demo and session.base_url else []


def current_wizard(studio: object) -> CloneWizard | None:
    """The window's clone wizard, if one exists (open or hidden with its inputs kept)."""
    if not isinstance(studio, QWidget):
        return None
    for wizard in studio.findChildren(CloneWizard, "cloneWizard"):
        if isinstance(wizard, CloneWizard) and not wizard.property("closing"):
            return wizard
    return None
