"""The captions pane beside the player: the result's cues, following playback.

States: nothing loaded, reading the file, no subtitles (how to get them), the file could
not be read (the file is kept; show it in its folder), and the captions themselves.
``set_position(ms)`` is connected to the player's position ticks; ``seek_requested(ms)``
asks the player to jump (a click on a line or a word).
"""

from __future__ import annotations

import math
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.player.reveal import reveal_in_file_manager

from .model import NOTHING, CueLine, Current, Follower, lay_out
from .view import CaptionsText

if TYPE_CHECKING:  # parsed subtitles arrive with a result; the parsers load then (start-up)
    from soundclone_desktop.core.subtitles.model import Subtitles

CTX = "CaptionsPane"


class PaneState(StrEnum):
    NOTHING = "nothing"  # no result loaded
    LOADING = "loading"
    EMPTY = "empty"  # the result has no subtitles
    ERROR = "error"  # the subtitle file could not be read
    CAPTIONS = "captions"


class CaptionsPane(QWidget):
    seek_requested = Signal(int)  # ms
    current_changed = Signal(object)  # Current: a new cue or word is being heard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionsView")
        self.text_view = CaptionsText(self)
        self._note = QLabel(self)
        self._note.setObjectName("captionsNote")
        self._note.setWordWrap(True)
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._reveal = QPushButton(translate(CTX, "Show in folder"), self)
        self._reveal.setObjectName("captionsShowFileButton")
        self._reveal.clicked.connect(self._show_file)

        note_page = QWidget(self)
        note_layout = QVBoxLayout(note_page)
        note_layout.addStretch(1)
        note_layout.addWidget(self._note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._reveal)
        row.addStretch(1)
        note_layout.addLayout(row)
        note_layout.addStretch(1)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(note_page)
        self._stack.addWidget(self.text_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._state = PaneState.NOTHING
        self._subtitles: Subtitles | None = None
        self._follower: Follower | None = None
        self._file: Path | None = None
        self.text_view.activated.connect(self._on_activated)
        self.show_nothing()

    # -- states ----------------------------------------------------------------------------

    def state(self) -> PaneState:
        return self._state

    def note(self) -> str:
        """The sentence shown instead of captions (empty while captions are shown)."""
        return self._note.text() if self._state is not PaneState.CAPTIONS else ""

    def subtitles(self) -> Subtitles | None:
        return self._subtitles

    def show_nothing(self) -> None:
        self._show_note(PaneState.NOTHING, translate(CTX, "Play a result to see its captions."))

    def show_loading(self) -> None:
        self._show_note(PaneState.LOADING, translate(CTX, "Reading the subtitles…"))

    def show_empty(self) -> None:
        self._show_note(
            PaneState.EMPTY, translate(CTX, "Turn on subtitles in the parameters to get captions")
        )

    def show_error(self, reason: str, path: Path) -> None:
        text = translate(
            CTX, "The subtitle file could not be read: {reason} The file is kept: {path}"
        ).format(reason=_sentence(reason), path=str(path))
        self._show_note(PaneState.ERROR, text, file=path)

    def set_subtitles(self, subtitles: Subtitles, lines: tuple[CueLine, ...] | None = None) -> None:
        """Show ``subtitles`` (``lines`` = ``lay_out(subtitles)``, when already computed off
        the GUI thread). No cues at all counts as no subtitles."""
        if not subtitles.cues:
            self.show_empty()
            return
        lines = lines if lines is not None else lay_out(subtitles)
        self._subtitles = subtitles
        self._follower = Follower(subtitles)
        self.text_view.set_lines(
            lines,
            [(cue.start_ms, cue.end_ms) for cue in subtitles.cues],
            word_level=subtitles.word_level,
        )
        self._state = PaneState.CAPTIONS
        self._file = None
        self._stack.setCurrentWidget(self.text_view)

    def _show_note(self, state: PaneState, text: str, *, file: Path | None = None) -> None:
        self._state = state
        self._subtitles = None
        self._follower = None
        self._file = file
        self._note.setText(text)
        self._reveal.setVisible(file is not None)
        self.text_view.set_lines((), (), word_level=False)
        self._stack.setCurrentIndex(0)

    # -- following playback ----------------------------------------------------------------

    def current(self) -> Current:
        return self._follower.current if self._follower is not None else NOTHING

    @Slot(int)
    def set_position(self, ms: int) -> None:
        """The player's position tick: cheap unless the current cue or word changes."""
        follower = self._follower
        if follower is None or not follower.update(ms):
            return
        self.text_view.set_current(follower.current)
        self.current_changed.emit(follower.current)

    def _on_activated(self, cue: int, word: int | None) -> None:
        subtitles = self._subtitles
        if subtitles is None or not 0 <= cue < len(subtitles.cues):
            return
        target = subtitles.cues[cue]
        start = target.start_ms
        if word is not None and 0 <= word < len(target.words):
            start = target.words[word].start_ms
        self.seek_requested.emit(math.ceil(start))  # not before it: that is the previous word

    def _show_file(self) -> None:
        if self._file is not None:
            reveal_in_file_manager(self._file)


def _sentence(reason: str) -> str:
    reason = reason.strip()
    return reason if reason.endswith((".", "。", "!", "?")) else reason + "."
