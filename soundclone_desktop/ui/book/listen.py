"""Listening to a chapter by sentence: while the stitched chapter plays, the sentence heard
is highlighted in the editor; a click on a sentence plays from there; the Review menu steps
to the next or previous sentence, replays one, and marks one for attention. Marks are kept
in the book (:mod:`soundclone_desktop.store.book.marks`) and shown in the text and on the
chapter's waveform, with lines where its segments join.

Keys: Alt+Down / Alt+Up / Alt+R / Alt+M. A plain-text editor gives none of them a meaning,
and the menus' mnemonics are F, E, V and I (Review), so nothing is shadowed.

Without the chapter's audio in the player the same keys work on the text: the sentence at
the cursor is the current one, stepping moves the cursor, and marking still marks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent, QPalette, QTextCharFormat
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from soundclone_desktop.core.book.marks import SentenceMark, mark_of, marked_numbers
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book.marks import load_marks, save_marks
from soundclone_desktop.ui.book.editor_layers import Layer, set_layer
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.player import PlayerWidget

if TYPE_CHECKING:  # the subtitles package is not loaded until a chapter is played
    from soundclone_desktop.core.book.listening import ChapterTiming
    from soundclone_desktop.core.book.sentence_clips import SentenceClip

log = logging.getLogger(__name__)

CTX = "BookReview"
NEXT_KEY: Final = QKeySequence("Alt+Down")
PREVIOUS_KEY: Final = QKeySequence("Alt+Up")
REPLAY_KEY: Final = QKeySequence("Alt+R")
MARK_KEY: Final = QKeySequence("Alt+M")


class SentenceListening(QObject):
    """``marks_changed()`` after a mark is set or cleared (and saved); ``audio_changed()``
    after the chapter's stitched audio was put in the player (its takes may have changed)."""

    marks_changed = Signal()
    audio_changed = Signal()

    def __init__(self, parent: QWidget, editor: ScriptEditor, player: PlayerWidget | None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.player = player
        self.folder: Path | None = None
        self.marks: list[SentenceMark] = []
        self.chapter_id: str | None = None
        self.timing: ChapterTiming | None = None  # of the chapter's audio in the player
        self.audio_path: Path | None = None
        self.current: SentenceClip | None = None
        self._build_actions(parent)
        editor.report_changed.connect(lambda _report: self._on_text_changed())
        editor.viewport().installEventFilter(self)
        if player is not None:
            player.position_changed.connect(self._on_position)
            player.state_changed.connect(self._on_player_state)
        self._enable()

    # -- building ---------------------------------------------------------------------------

    def _action(self, parent: QWidget, name: str, text: str, key: QKeySequence,
                slot: Callable[[], object], tip: str) -> QAction:  # fmt: skip
        action = QAction(text, parent)
        action.setObjectName(name)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        parent.addAction(action)  # the shortcut works with the menu hidden too
        return action

    def _build_actions(self, parent: QWidget) -> None:
        self.previous_action = self._action(
            parent, "previousSentenceAction", translate(CTX, "Previous Sentence"), PREVIOUS_KEY,
            lambda: self.step(-1), translate(CTX, "Play from the sentence before"),
        )  # fmt: skip
        self.next_action = self._action(
            parent, "nextSentenceAction", translate(CTX, "Next Sentence"), NEXT_KEY,
            lambda: self.step(1), translate(CTX, "Play from the next sentence"),
        )  # fmt: skip
        self.replay_action = self._action(
            parent, "replaySentenceAction", translate(CTX, "Replay Sentence"), REPLAY_KEY,
            self.replay, translate(CTX, "Play the current sentence again"),
        )  # fmt: skip
        self.mark_action = self._action(
            parent, "markSentenceAction", translate(CTX, "Mark Sentence"), MARK_KEY,
            self.toggle_mark, translate(CTX, "Mark the current sentence, or unmark it"),
        )  # fmt: skip
        self.actions = (self.previous_action, self.next_action, self.replay_action)
        self.menu = QMenu(translate(CTX, "Rev&iew"), parent)
        self.menu.setObjectName("reviewMenu")
        for action in self.actions:
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.mark_action)
        if isinstance(parent, QMainWindow):  # before Help, which ends the menu bar
            bar = parent.menuBar()
            help_menu = next(
                (a for a in bar.actions() if a.menu() and a.menu().objectName() == "helpMenu"),
                None,
            )
            if help_menu is not None:
                bar.insertMenu(help_menu, self.menu)
            else:
                bar.addMenu(self.menu)

    def add_to_menu(self, action: QAction) -> None:
        """Another review action (the pronunciation rules) in the Review menu."""
        self.menu.addSeparator()
        self.menu.addAction(action)

    def _enable(self) -> None:
        open_ = self.folder is not None
        self.menu.menuAction().setVisible(open_)  # the single-script studio shows no Review
        for action in (*self.actions, self.mark_action):
            action.setEnabled(open_ and self.chapter_id is not None)

    # -- the book and the chapter -----------------------------------------------------------

    def set_book(self, folder: Path | None) -> None:
        """A book was opened (its folder) or closed (None)."""
        self.folder = folder
        self.marks = list(load_marks(folder)) if folder is not None else []
        self.set_chapter(None)

    def set_chapter(self, chapter_id: str | None) -> None:
        """The editor now holds this chapter's text."""
        if chapter_id != self.chapter_id:
            self.timing = None
            self.audio_path = None
        self.chapter_id = chapter_id
        self.current = None
        self._enable()
        self._show()

    def chapter_audio(self, chapter_id: str, audio_path: Path, timing: ChapterTiming) -> None:
        """The chapter's stitched audio is in the player, its sentences timed by ``timing``."""
        self.chapter_id = chapter_id
        self.audio_path = audio_path
        self.timing = timing
        self._enable()
        self._show()
        self.audio_changed.emit()

    def _audio_loaded(self) -> bool:
        player = self.player
        return (
            player is not None
            and self.timing is not None
            and player.path() == self.audio_path
            and self.editor.text() == self.timing.text
        )

    def _sentences(self) -> ChapterTiming:
        """The timed sentences when the chapter's audio is loaded, else the text's."""
        if self._audio_loaded():
            assert self.timing is not None
            return self.timing
        from soundclone_desktop.core.book.listening import chapter_timing

        return chapter_timing(self.editor.text(), (), 0.0, ())

    # -- following the audio ----------------------------------------------------------------

    def _on_position(self, ms: int) -> None:
        if not self._audio_loaded():
            return
        assert self.timing is not None
        clip = self.timing.at_time(ms)
        if clip != self.current:
            self.current = clip
            self._show_sentence()  # the captions scroll the editor along

    def _on_player_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.StoppedState and self._audio_loaded():
            self.current = None
            self._show_sentence()

    def _on_text_changed(self) -> None:
        if self.folder is None:
            return  # no book: the editor holds a script
        if self.timing is not None and self.editor.text() != self.timing.text:
            self.current = None  # the times were for the text as it was
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on a sentence while the chapter plays: play from there (a click that
        selects text, or any click while paused, only moves the cursor, as always)."""
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and not self.editor.textCursor().hasSelection()
            and self.player is not None
            and self.player.playback_state() == QMediaPlayer.PlaybackState.PlayingState
            and self._audio_loaded()
        ):
            assert self.timing is not None
            clip = self.timing.at_index(self.editor.index_at(event.position().toPoint()))
            if clip is not None:
                self.go(clip)
        return False

    # -- the Review actions -----------------------------------------------------------------

    def current_sentence(self) -> SentenceClip | None:
        """The sentence heard (the chapter playing) or else the one at the cursor."""
        if self.current is not None and self._audio_loaded():
            return self.current
        index = Utf16Map(self.editor.text()).from_utf16(self.editor.textCursor().position())
        return self._sentences().at_index(index)

    def step(self, by: int) -> SentenceClip | None:
        clip = self._sentences().step(self.current_sentence(), by)
        if clip is not None:
            self.go(clip)
        return clip

    def replay(self) -> SentenceClip | None:
        clip = self.current_sentence()
        if clip is not None:
            self.go(clip)
        return clip

    def go(self, clip: SentenceClip) -> None:
        """Play from ``clip`` when the chapter's audio is loaded, else put the cursor there."""
        self.current = clip
        if self._audio_loaded() and self.player is not None:
            self.player.seek(int(clip.begin_ms))
            self.player.play()
        else:
            self.editor.select_span(clip.start, clip.start)
        self._show_sentence()

    def toggle_mark(self) -> int | None:
        """Mark the current sentence, or unmark it; returns its number."""
        clip = self.current_sentence()
        if clip is None or self.chapter_id is None or self.folder is None:
            return None
        number = clip.index + 1
        text = self.editor.text()
        if number in self.marked():
            mark = mark_of(self.chapter_id, text, number)
            self.marks = [
                m
                for m in self.marks
                if not (m.chapter_id == mark.chapter_id and m.text == mark.text)
            ]
        else:
            self.marks.append(mark_of(self.chapter_id, text, number))
        try:
            save_marks(self.folder, self.marks)
        except OSError as exc:
            log.warning("The review marks of %s were not saved: %s", self.folder, exc)
        self._show()
        self.marks_changed.emit()
        return number

    def marked(self) -> frozenset[int]:
        """The numbers of the chapter's marked sentences, in the editor's text."""
        if self.chapter_id is None:
            return frozenset()
        return marked_numbers(self.marks, self.chapter_id, self.editor.text())

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_marks()
        self._show_sentence()

    def _show_sentence(self) -> None:
        clip = self.current
        spans = [] if clip is None else [_trimmed(self.editor.text(), clip.start, clip.end)]
        set_layer(self.editor, Layer.SENTENCE, spans, self._look(Layer.SENTENCE))

    def _show_marks(self) -> None:
        text = self.editor.text()
        numbers = sorted(self.marked())
        # Splitting a 30,000-character chapter into sentences takes ~60 ms on the GUI thread:
        # only when a sentence is marked (opening a chapter settled its text through here).
        spans_all = sentence_spans(text) if numbers else []
        spans = [_trimmed(text, *spans_all[n - 1]) for n in numbers if n <= len(spans_all)]
        set_layer(self.editor, Layer.MARKED, spans, self._look(Layer.MARKED))
        if self.player is not None and self._audio_loaded():
            assert self.timing is not None
            marked = [
                (int(c.begin_ms), int(c.end_ms))
                for n in numbers
                if (c := self.timing.by_number(n)) is not None
            ]
            self.player.waveform.set_markers([int(b) for b in self.timing.boundaries_ms], marked)

    def _look(self, layer: Layer) -> QTextCharFormat:
        palette = self.editor.palette()
        look = QTextCharFormat()
        if layer is Layer.SENTENCE:
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlphaF(0.18)
            look.setBackground(colour)
        else:  # marked: the waveform's band colour, and a line under it for print-like clarity
            colour = QColor(palette.color(QPalette.ColorRole.Link))
            colour.setAlphaF(0.22)
            look.setBackground(colour)
            look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            look.setUnderlineColor(palette.color(QPalette.ColorRole.Link))
        return look


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence without the whitespace after it (that belongs to it, but is not shown)."""
    piece = text[start:end]
    return start, start + len(piece.rstrip())
