"""Wires the voice library into the main window (one call at the end of its ``__init__``).

``attach_voices(window)`` creates ``window.voice_store``, fills ``voiceCombo`` from the
library, adds "Voice library…" to the Voices menu and, once the window is up, flags a voice
that expires within a day in the message bar.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from soundclone_desktop.i18n import translate
from soundclone_desktop.services.voice_usage import VoiceUsageRecorder
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import Voice, VoiceLibrary, VoiceLibraryError
from soundclone_desktop.ui.message_bar import Level
from soundclone_desktop.ui.voices.make_permanent import MakePermanent
from soundclone_desktop.ui.voices.picker import VoicePicker
from soundclone_desktop.ui.voices.voice_store import VoiceStore

if TYPE_CHECKING:
    from soundclone_desktop.ui.main_window import MainWindow
    from soundclone_desktop.ui.voices.library_dialog import VoiceLibraryDialog

log = logging.getLogger(__name__)

CTX = "VoiceLibrary"


class VoicesFeature:
    """What ``attach_voices`` built, kept on ``window.voices``."""

    def __init__(self, window: MainWindow, store: VoiceStore, problem: str | None) -> None:
        self.window = window
        self.store = store
        self.picker = VoicePicker(window, store)
        self.make_permanent = MakePermanent(window, store)
        self.dialog: VoiceLibraryDialog | None = None
        self.library_action = QAction(translate(CTX, "Voice library…"), window)
        self.library_action.setObjectName("voiceLibraryAction")
        self.library_action.setToolTip(
            translate(CTX, "Your cloned voices: status, names, tags, notes and previews")
        )
        self.library_action.triggered.connect(lambda: self.open_library())
        window.voices_menu.addAction(self.library_action)
        window.params.voice_changed.connect(self._on_voice_chosen)
        self._problem = problem

    def open_library(self) -> VoiceLibraryDialog:
        """Show the library dialog (one at a time; non-modal, like a tool window)."""
        dialog = self.dialog
        if dialog is None:  # built once, then shown again: it keeps its filter and sorting
            # Imported on first use: not needed to start the studio (issue #7).
            from soundclone_desktop.ui.voices.library_dialog import VoiceLibraryDialog

            dialog = VoiceLibraryDialog(self.store, self.window)
            dialog.play_requested.connect(self._play_preview)
            dialog.make_permanent_requested.connect(self.make_permanent.confirm)
            self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _play_preview(self, voice: Voice) -> None:
        if voice.preview_path is None:
            return
        title = translate(CTX, "Preview of “{name}”").format(name=voice.name)
        self.window._play(voice.preview_path, autoplay=True, title=title)

    def start_up(self) -> None:
        """After the window is shown: a library problem, else the voice closest to expiry."""
        if self._problem is not None:
            self.window.messages.show_message(self._problem, Level.WARNING)
            return
        self.make_permanent.offer_soonest(demo=self.window.session.demo)

    def _on_voice_chosen(self, model_id: str) -> None:
        voice = self.store.get(model_id) if model_id else None
        if voice is not None and self.store.near_expiry(voice):
            self.make_permanent.offer(voice)


def attach_voices(window: MainWindow) -> VoiceStore:
    """Build the voice library's parts of ``window``; returns ``window.voice_store``."""
    library, problem = _library_for(window)
    store = VoiceStore(library, parent=window)
    store.on_demo = lambda: window.session.demo
    window.voice_store = store
    feature = VoicesFeature(window, store, problem)
    window.voices = feature
    window.voice_picker = feature.picker
    window.closed.connect(feature.picker.timer.stop)  # the library closes after the window
    feature.picker.refresh()
    QTimer.singleShot(0, feature.start_up)  # once the window (and its other parts) is up
    return store


def _library_for(window: MainWindow) -> tuple[VoiceLibrary, str | None]:
    """The context's library; else one opened here; else a library for this session only."""
    ctx = window.ctx
    if ctx.voice_library is not None:
        return ctx.voice_library, None
    try:
        ctx.voice_library = VoiceLibrary(
            paths.voice_library_path(ctx.data_dir), paths.voices_dir(ctx.data_dir)
        )
    except (VoiceLibraryError, OSError) as exc:
        log.error("Could not open the voice library: %s", exc)
    else:
        _record_usage(window, ctx.voice_library)
        return ctx.voice_library, None
    # Voices cloned now still need a home: SQLite's in-memory database, gone at exit.
    ctx.voice_library = VoiceLibrary(Path(":memory:"), paths.voices_dir(ctx.data_dir))
    _record_usage(window, ctx.voice_library)
    return ctx.voice_library, translate(
        CTX,
        "The voice library could not be opened (see the log). Voices you clone now are kept "
        "only until the app closes.",
    )


def _record_usage(window: MainWindow, library: VoiceLibrary) -> None:
    # app.build_context registers this for the library it opens; here the library is ours.
    session = window.session
    session.add_job_listener(VoiceUsageRecorder(library, demo=lambda: session.demo))
