"""Wiring captions into the studio window: the pane's dock, the editor highlight, export.

``attach_captions(studio)`` is called once by the window. The window then hands every
result it loads into the player to :meth:`CaptionsController.show_result`, with the result's
subtitle file and the script it was made from. From there:

- the subtitle file is read and parsed off the GUI thread, and the pane shows the cues;
- player position ticks drive the pane; a new cue/word also highlights the passage in the
  script editor, but only while the editor holds exactly the synthesised text;
- a click on a caption, or a double-click on a sentence in the editor, seeks the player;
- "Export…" (menu, Ctrl+E, or the player's button) opens the export dialog for the result.

The subtitle parsers and the export dialog are imported when first needed (a result with
subtitles, the first export), not when the window is built: start-up time (issue #7).
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.async_utils import async_slot
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.player.reveal import reveal_in_file_manager

from .pane import CaptionsPane

if TYPE_CHECKING:
    from soundclone_desktop.core.subtitles.align import CueAlignment
    from soundclone_desktop.ui.editor.editor import ScriptEditor
    from soundclone_desktop.ui.export.dialog import ExportDialog
    from soundclone_desktop.ui.player import PlayerWidget
    from soundclone_desktop.ui.studio import Docks, Menus, Messages

    from .loader import LoadedCaptions
    from .model import Current

log = logging.getLogger(__name__)

CTX = "Captions"
EXPORT_SHORTCUT = QKeySequence("Ctrl+E")


@dataclass(frozen=True)
class PlayedResult:
    """What is loaded in the player: the audio, its subtitles and the script it was made
    from (``None`` when unknown, e.g. a file opened from disk)."""

    audio_path: Path
    subtitle_path: Path | None = None
    script: str | None = None
    title: str = ""


@dataclass(frozen=True)
class CaptionsNeeds:
    """What the captions use of the studio (see :mod:`soundclone_desktop.ui.studio`)."""

    parent: QWidget  # owns the controller, its action and the export dialog
    player: PlayerWidget  # the captions follow it, and seek it
    editor: ScriptEditor  # highlights the passage spoken; a double-click seeks
    docks: Docks
    menus: Menus  # "Export…" goes in the File menu
    messages: Messages
    export_folder: Callable[[], Path]  # where the export dialog starts


class CaptionsController(QObject):
    def __init__(self, studio: CaptionsNeeds) -> None:
        super().__init__(studio.parent)
        self.studio = studio
        self.player = studio.player
        self.editor = studio.editor
        self.pane = CaptionsPane()
        docks = studio.docks
        self.dock = docks.add_dock(
            "captionsDock",
            translate(CTX, "Captions"),
            self.pane,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            right_of=docks.player_dock,
        )
        docks.resize_docks([docks.tasks_dock, docks.player_dock, self.dock], [380, 470, 350])
        self.export_action = QAction(translate(CTX, "Export…"), studio.parent)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(EXPORT_SHORTCUT)
        self.export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.export_action.setToolTip(
            translate(CTX, "Save the result's audio and subtitles in another format (Ctrl+E)")
        )
        self.export_action.setEnabled(False)
        studio.menus.file_menu.addAction(self.export_action)

        self.result: PlayedResult | None = None
        self._alignment: tuple[CueAlignment, ...] | None = None
        self._generation = 0
        self._dialog: ExportDialog | None = None

        self.player.position_changed.connect(self.pane.set_position)
        self.player.state_changed.connect(self._on_player_state)
        self.player.export_requested.connect(self.open_export)
        self.pane.seek_requested.connect(self.player.seek)
        self.pane.current_changed.connect(self._on_current)
        self.editor.sentence_activated.connect(self._on_sentence_activated)
        self.export_action.triggered.connect(self.open_export)

    # -- the loaded result -----------------------------------------------------------------

    def show_result(self, result: PlayedResult) -> asyncio.Task[None] | None:
        """A new result is in the player: show its captions (read in a worker thread)."""
        self.result = result
        self._alignment = None
        self._generation += 1
        self.editor.set_spoken(None)
        self.export_action.setEnabled(True)
        if result.subtitle_path is None:
            self.pane.show_empty()
            return None
        self.pane.show_loading()
        self.dock.raise_()  # in front of the tasks it shares the bottom panel with
        return self._load(result, self._generation)

    @async_slot
    async def _load(self, result: PlayedResult, generation: int) -> None:
        assert result.subtitle_path is not None
        path = result.subtitle_path
        loaded = await asyncio.to_thread(_read, path, result.script)
        if isinstance(loaded, str):  # the reason it could not be read
            if generation == self._generation:
                log.warning("cannot read subtitles %s: %s", path.name, loaded)
                self.pane.show_error(loaded, path)
            return
        if generation != self._generation:
            return  # another result was loaded meanwhile
        self._alignment = loaded.alignment
        self.pane.set_subtitles(loaded.subtitles, loaded.lines)
        self.pane.set_position(self.player.position_ms())

    # -- following playback in the editor --------------------------------------------------

    def _script_matches(self) -> bool:
        result = self.result
        return result is not None and bool(result.script) and self.editor.text() == result.script

    def _on_current(self, current: Current) -> None:
        alignment = self._alignment
        if alignment is None or current.cue is None or not self._script_matches():
            if self.editor.spoken() is not None:
                self.editor.set_spoken(None)
            return
        placed = alignment[current.cue] if current.cue < len(alignment) else None
        if placed is None or placed.cue is None:
            self.editor.set_spoken(None)
            return
        word = None
        if current.word is not None and current.word < len(placed.words):
            span = placed.words[current.word]
            word = (span.start, span.end) if span is not None else None
        self.editor.set_spoken(
            (placed.cue.start, placed.cue.end), word, reveal=not self.editor.hasFocus()
        )

    def _on_player_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.StoppedState and self.editor.spoken() is not None:
            self.editor.set_spoken(None)

    def _on_sentence_activated(self, index: int) -> None:
        """Double-click in the editor: play the result from the sentence clicked."""
        subtitles = self.pane.subtitles()
        alignment = self._alignment
        if subtitles is None or alignment is None or not self._script_matches():
            return
        cue = sentence_at(alignment, index)
        if cue is None:
            return
        self.player.seek(math.ceil(subtitles.cues[cue].start_ms))
        self.player.play()

    # -- export ----------------------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        result = self.result
        if result is None:
            return None
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.raise_()
            return self._dialog
        from soundclone_desktop.ui.export.dialog import ExportDialog

        dialog = ExportDialog(
            self.studio.parent,
            audio_path=result.audio_path,
            subtitle_path=result.subtitle_path,
            script_text=result.script,
            title=result.title or result.audio_path.name,
            folder=self.studio.export_folder(),
        )
        dialog.exported.connect(self.report_exported)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def report_exported(self, paths: list[Path]) -> None:
        """Report an export in the window's message bar, with "Show in folder"."""
        if not paths:
            return
        first = paths[0]
        names = ", ".join(p.name for p in paths)
        self.studio.messages.show_message(
            translate(CTX, "Exported: {names}").format(names=names),
            Level.INFO,
            action_text=translate(CTX, "Show in folder"),
            action=lambda: _reveal(first),
        )


def _read(path: Path, script: str | None) -> LoadedCaptions | str:
    """The captions, or why they could not be read. The parsers are imported here, in the
    worker thread, the first time a result with subtitles is played."""
    from .loader import CaptionsReadError, read_captions

    try:
        return read_captions(path, script)
    except CaptionsReadError as exc:
        return str(exc)


def _reveal(path: Path) -> None:
    reveal_in_file_manager(path)


def sentence_at(alignment: tuple[CueAlignment, ...], index: int) -> int | None:
    """The cue whose script span holds code point ``index``; between sentences (a pause, a
    line break) the next one; after the last, the last."""
    last = None
    for number, placed in enumerate(alignment):
        span = placed.cue
        if span is None:
            continue
        if index < span.end:
            return number
        last = number
    return last


def attach_captions(studio: CaptionsNeeds) -> CaptionsController:
    """Add the captions dock (beside the player's), the editor highlight and export."""
    return CaptionsController(studio)
