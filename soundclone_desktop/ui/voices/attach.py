"""Wires the voice library into the studio (one call while the window is built).

``attach_voices(studio)`` opens the voice store, fills ``voiceCombo`` from the library, adds
"Voice library…" to the Voices menu and, once the window is up, flags a voice that expires
within a day in the message bar.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.services.voice_usage import VoiceUsageRecorder
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import Voice, VoiceLibrary, VoiceLibraryError
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.context import AppContext
from soundclone_desktop.ui.parameters.panel import ParametersPanel
from soundclone_desktop.ui.session import Session
from soundclone_desktop.ui.voices.browser_entries import (
    VoiceEntry,
    library_entries,
    server_entries,
)
from soundclone_desktop.ui.voices.make_permanent import MakePermanent
from soundclone_desktop.ui.voices.picker import VoicePicker
from soundclone_desktop.ui.voices.voice_store import VoiceStore

if TYPE_CHECKING:
    from soundclone_desktop.ui.studio import JobUpdates, Menus, Messages, Playback
    from soundclone_desktop.ui.voices.browser import VoiceBrowser
    from soundclone_desktop.ui.voices.library_dialog import VoiceLibraryDialog

log = logging.getLogger(__name__)

CTX = "VoiceLibrary"


@dataclass(frozen=True)
class VoicesNeeds:
    """What the voices feature uses of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the store, the picker, the action and the dialogs
    ctx: AppContext  # the voice library (opened here if the app could not), the last voice
    session: Session  # demo or real, its voices, the runner for "Make it permanent"
    params: ParametersPanel  # voiceCombo: filled here, and its choices watched
    messages: Messages
    menus: Menus  # "Voice library…" goes in the Voices menu
    playback: Playback  # a voice's preview
    job_updates: JobUpdates  # "Make it permanent"'s task reaches the task list
    closed: SignalInstance  # the window closed: stop the picker's clock


class VoicesFeature:
    """What ``attach_voices`` built: the window keeps it as ``voices``."""

    def __init__(self, studio: VoicesNeeds, store: VoiceStore, problem: str | None) -> None:
        self.studio = studio
        self.store = store
        self.picker = VoicePicker(
            store,
            parent=studio.parent,
            ctx=studio.ctx,
            session=studio.session,
            params=studio.params,
        )
        self.make_permanent = MakePermanent(
            store,
            parent=studio.parent,
            ctx=studio.ctx,
            session=studio.session,
            messages=studio.messages,
            job_updates=studio.job_updates,
        )
        self.dialog: VoiceLibraryDialog | None = None
        self.library_action = QAction(translate(CTX, "Voice library…"), studio.parent)
        self.library_action.setObjectName("voiceLibraryAction")
        self.library_action.setToolTip(
            translate(CTX, "Your cloned voices: status, names, tags, notes and previews")
        )
        self.library_action.triggered.connect(lambda: self.open_library())
        self.browser: VoiceBrowser | None = None
        self.browse_action = QAction(translate(CTX, "Browse voices…"), studio.parent)
        self.browse_action.setObjectName("voiceBrowserAction")
        self.browse_action.setToolTip(
            translate(CTX, "Every voice as a card: listen to it, then use it")
        )
        self.browse_action.triggered.connect(lambda: self.open_browser())
        self.clone_action: QAction | None = None  # the window's "Clone a voice…", once built
        studio.menus.voices_menu.addAction(self.browse_action)
        studio.menus.voices_menu.addAction(self.library_action)
        studio.params.voice_changed.connect(self._on_voice_chosen)
        self._problem = problem

    def open_library(self) -> VoiceLibraryDialog:
        """Show the library dialog (one at a time; non-modal, like a tool window)."""
        dialog = self.dialog
        if dialog is None:  # built once, then shown again: it keeps its filter and sorting
            # Imported on first use: not needed to start the studio (issue #7).
            from soundclone_desktop.ui.voices.library_dialog import VoiceLibraryDialog

            dialog = VoiceLibraryDialog(self.store, self.studio.parent)
            dialog.play_requested.connect(self._play_preview)
            dialog.make_permanent_requested.connect(self.make_permanent.confirm)
            self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_browser(self) -> VoiceBrowser:
        """Show the voice browser (one at a time, non-modal)."""
        browser = self.browser
        if browser is None:
            from soundclone_desktop.ui.voices.browser import VoiceBrowser

            browser = VoiceBrowser(self._entries, self._current_voice, self.studio.parent)
            browser.use_requested.connect(self.studio.params.select_voice)
            browser.play_requested.connect(self._play_entry)
            browser.clone_requested.connect(self._clone)
            self.store.changed.connect(browser.reload)
            self.studio.params.voice_changed.connect(browser.reload)
            self.browser = browser
        browser.reload()
        browser.show()
        browser.raise_()
        browser.activateWindow()
        return browser

    def _entries(self) -> list[VoiceEntry]:
        session = self.studio.session
        server = server_entries(list(session.voices()))
        known = {e.model_id for e in server}
        mine = library_entries(self.store.voices(), demo=session.demo, now=self.store.now())
        return server + [e for e in mine if e.model_id not in known]

    def _current_voice(self) -> str:
        return str(self.studio.params.values().get("model_id") or "")

    def _play_entry(self, entry: VoiceEntry) -> None:
        if entry.preview is None:
            return
        title = translate(CTX, "Preview of “{name}”").format(name=entry.name)
        self.studio.playback.play_file(entry.preview, autoplay=True, title=title)

    def _clone(self) -> None:
        if self.clone_action is not None:
            self.clone_action.trigger()

    def _play_preview(self, voice: Voice) -> None:
        if voice.preview_path is None:
            return
        title = translate(CTX, "Preview of “{name}”").format(name=voice.name)
        self.studio.playback.play_file(voice.preview_path, autoplay=True, title=title)

    def start_up(self) -> None:
        """After the window is shown: a library problem, else the voice closest to expiry."""
        if self._problem is not None:
            self.studio.messages.show_message(self._problem, Level.WARNING)
            return
        self.make_permanent.offer_soonest(demo=self.studio.session.demo)

    def _on_voice_chosen(self, model_id: str) -> None:
        voice = self.store.get(model_id) if model_id else None
        if voice is not None and self.store.near_expiry(voice):
            self.make_permanent.offer(voice)


def attach_voices(studio: VoicesNeeds) -> VoicesFeature:
    """Build the voice library's parts of the studio; ``.store`` is the voice store."""
    library, problem = _library_for(studio.ctx, studio.session)
    store = VoiceStore(library, parent=studio.parent)
    session = studio.session
    store.on_demo = lambda: session.demo
    feature = VoicesFeature(studio, store, problem)
    studio.closed.connect(feature.picker.timer.stop)  # the library closes after the window
    feature.picker.refresh()
    QTimer.singleShot(0, feature.start_up)  # once the window (and its other parts) is up
    return feature


def _library_for(ctx: AppContext, session: Session) -> tuple[VoiceLibrary, str | None]:
    """The context's library; else one opened here; else a library for this session only."""
    if ctx.voice_library is not None:
        return ctx.voice_library, None
    try:
        ctx.voice_library = VoiceLibrary(
            paths.voice_library_path(ctx.data_dir), paths.voices_dir(ctx.data_dir)
        )
    except (VoiceLibraryError, OSError) as exc:
        log.error("Could not open the voice library: %s", exc)
    else:
        _record_usage(session, ctx.voice_library)
        return ctx.voice_library, None
    # Voices cloned now still need a home: SQLite's in-memory database, gone at exit.
    ctx.voice_library = VoiceLibrary(Path(":memory:"), paths.voices_dir(ctx.data_dir))
    _record_usage(session, ctx.voice_library)
    return ctx.voice_library, translate(
        CTX,
        "The voice library could not be opened (see the log). Voices you clone now are kept "
        "only until the app closes.",
    )


def _record_usage(session: Session, library: VoiceLibrary) -> None:
    # app.build_context registers this for the library it opens; here the library is ours.
    session.add_job_listener(VoiceUsageRecorder(library, demo=lambda: session.demo))
