"""The automatic checks' findings of the chapter in the editor, shown where they happened: a
wavy underline in the warning colour under each flagged sentence (the tooltip says the
finding in words), a warning-coloured marker on the chapter's waveform at the finding's
time, and Review › Findings… (:mod:`.findings_panel`) listing them with ▶ Listen and Redo.

The checks decode takes, so they run in a worker, one run at a time (a request meanwhile
runs once more afterwards), when a chapter is opened, when the book's figures change in
this chapter's inputs (a take of it landed, a save, a rule; a take of another chapter does
not: :mod:`.figures_throttle`) and when the chapter's audio is loaded again (after a redo or
a choice of take). A run first compares what the findings depend on (the chapter text, the
chosen takes) with the last run's and stops there when nothing changed; each take's
measurement is kept for the book's lifetime, so a repeat decodes nothing.

Times are the chapter's (the stitched audio's): a segment take's finding at its segment's
place, a redo take's at its sentence's. The chapter is stitched (or its earlier stitch
reused) in the worker when it is fully rendered and not in the player already.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QPalette, QTextCharFormat

from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book import chapter_audio
from soundclone_desktop.ui.book.editor_layers import Layer, set_layer
from soundclone_desktop.ui.book.figures_throttle import ChapterRefresh
from soundclone_desktop.ui.book.findings_text import detail_text, finding_text
from soundclone_desktop.ui.common.async_utils import signal_to_future, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.theme.colours import colours_for

if TYPE_CHECKING:
    from soundclone_desktop.core.book.checks import Finding
    from soundclone_desktop.core.book.listening import ChapterTiming
    from soundclone_desktop.services.book.checks import TakeMeasurement
    from soundclone_desktop.store.book import BookStore
    from soundclone_desktop.ui.book.controller import BookController
    from soundclone_desktop.ui.book.findings_panel import FindingsDialog

log = logging.getLogger(__name__)

CTX = "BookFindings"
LOAD_TIMEOUT_S = 10.0
SEEK_SLACK_MS = 300  # position reports before the seek to a span's start lands


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding and where it is: its sentence's ``[start, end)`` in the chapter text, the
    sentence's ``begin_ms``/``end_ms`` and the finding's ``at_ms`` in the chapter's audio
    (None without the stitched chapter)."""

    finding: Finding
    start: int
    end: int
    begin_ms: float | None = None
    end_ms: float | None = None
    at_ms: float | None = None

    @property
    def number(self) -> int:
        return self.finding.sentence

    def text(self) -> str:
        """ "Words missing: “…” (12.4 s)", or without the time when it is not known."""
        if self.at_ms is None:
            return detail_text(self.finding)
        return finding_text(self.finding, self.at_ms / 1000.0)


@dataclass(frozen=True, slots=True)
class _Audio:
    path: Path
    timing: ChapterTiming
    captions: Path | None = None


_Key = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _key(store: BookStore, chapter_id: str) -> _Key:
    """What a chapter's findings depend on: its text and every chosen take (the book's
    median speaking rate is measured over all of them)."""
    book = store.book
    chosen = sorted(s.chosen.id for s in book.states.values() if s.chosen is not None)
    redone = sorted(t.id for t in store.sentence_takes(chapter_id) if t.chosen)
    return chapter_id, book.chapter(chapter_id).text, tuple(chosen), tuple(redone)


def _segment_order(store: BookStore, chapter_id: str) -> dict[str, int]:
    """Each rendered segment's place in the stitched chapter (0 first)."""
    rendered = [row.segment.id for row in store.rows(chapter_id) if row.state.chosen is not None]
    return {segment_id: i for i, segment_id in enumerate(rendered)}


class ChapterFindings(QObject):
    """``changed()`` after the findings shown changed."""

    changed = Signal()

    def __init__(self, controller: BookController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.editor = controller.needs.editor
        self.player = controller.needs.player
        self.shown: list[ShownFinding] = []
        self.text = ""  # the chapter text the findings were placed in
        self.chapter_id: str | None = None
        self.audio: _Audio | None = None
        self.task: asyncio.Task[None] | None = None
        self.listening_task: asyncio.Task[bool] | None = None
        self.dialog: FindingsDialog | None = None
        self._again = False
        self._key: _Key | None = None
        self._findings: list[Finding] = []
        self._order: dict[str, int] = {}
        self._redone: set[int] = set()  # sentences heard from a redo take
        self._cache: dict[str, TakeMeasurement] = {}
        self._span_playing: tuple[float, float] | None = None  # a ▶ Listen: stop at its end
        self._span_reached = False
        self.action = QAction(translate(CTX, "Findings…"), controller.needs.parent)
        self.action.setObjectName("chapterFindingsAction")
        self.action.setToolTip(
            translate(CTX, "What the automatic checks found in this chapter, to listen to and redo")
        )
        self.action.triggered.connect(lambda _checked=False: self.open_list())
        controller.listening.menu.addAction(self.action)
        self.editor.tooltip_sources.append(self.tooltip_at)
        self.editor.report_changed.connect(lambda _report: self.show())
        self.changes = ChapterRefresh(controller, self.refresh)
        controller.book_opened.connect(lambda _folder: self._forget(book=True))
        controller.book_closed.connect(lambda: self._forget(book=True))
        controller.listening.audio_changed.connect(self._on_audio)
        if self.player is not None:
            self.player.position_changed.connect(self._on_position)
        self._enable()

    # -- computing ----------------------------------------------------------------------------

    def refresh(self) -> asyncio.Task[None] | None:
        """Check the chapter in the editor again (in a worker; see the module doc)."""
        store, chapter_id = self.controller.store, self.controller.chapter_id
        if chapter_id != self.chapter_id:
            self._forget(book=False)
            self.chapter_id = chapter_id
        self._enable()
        if store is None or chapter_id is None:
            return None
        self.changes.computed_from_now()
        if self.task is not None and not self.task.done():
            self._again = True
            return self.task
        self.task = spawn(self._run(store, chapter_id), owner=self)
        return self.task

    async def _run(self, store: BookStore, chapter_id: str) -> None:
        try:
            await self._compute(store, chapter_id)
        except Exception:  # a take that cannot be read is skipped by the checks themselves
            log.exception("Checking chapter %s failed", chapter_id)
        if self._again:
            self._again = False
            self.task = spawn(self._run_current(), owner=self)

    async def _run_current(self) -> None:
        store, chapter_id = self.controller.store, self.controller.chapter_id
        if store is not None and chapter_id is not None and chapter_id == self.chapter_id:
            await self._run(store, chapter_id)

    async def _compute(self, store: BookStore, chapter_id: str) -> None:
        from soundclone_desktop.services.book.chapter_findings import (
            chapter_findings,
            heard_redos,
        )

        key = await asyncio.to_thread(_key, store, chapter_id)
        changed = key != self._key
        if changed:
            findings = await asyncio.to_thread(chapter_findings, store, chapter_id, self._cache)
            order = await asyncio.to_thread(_segment_order, store, chapter_id)
            redone = set(await asyncio.to_thread(heard_redos, store, chapter_id))
        audio = self._audio_from_player(chapter_id, key[1]) or self.audio
        if audio is None or audio.timing.text != key[1] or changed:
            audio = await self._stitched(store, chapter_id) or audio
        if audio is not None and audio.timing.text != key[1]:
            audio = None  # made for the text before an edit: its times are not this text's
        if store is not self.controller.store or chapter_id != self.controller.chapter_id:
            return  # another chapter or book meanwhile
        if changed:
            self._key, self._findings, self._order = key, findings, order
            self._redone = redone
        self.audio = audio
        self._place(key[1])

    async def _stitched(self, store: BookStore, chapter_id: str) -> _Audio | None:
        if not await asyncio.to_thread(chapter_audio.chapter_ready, store, chapter_id):
            return None
        try:
            audio = await chapter_audio.stitch(store, chapter_id)
        except Exception as exc:  # the stitcher's errors are sentences
            log.warning("Stitching chapter %s for its findings failed: %s", chapter_id, exc)
            return None
        if audio.timing is None:
            return None
        return _Audio(audio.audio_path, audio.timing, audio.captions_path)

    def _audio_from_player(self, chapter_id: str, text: str) -> _Audio | None:
        listening = self.controller.listening
        timing, path = listening.timing, listening.audio_path
        if listening.chapter_id != chapter_id or timing is None or path is None:
            return None
        return _Audio(path, timing) if timing.text == text else None

    def _on_audio(self) -> None:
        """The chapter's audio was (re)loaded: its takes may have changed (a redo, a choice)."""
        audio = self._audio_from_player(self.chapter_id or "", self.text)
        if audio is not None:
            self.audio = audio
            self._place(self.text)
        self.refresh()

    # -- placing ------------------------------------------------------------------------------

    def _place(self, text: str) -> None:
        spans = sentence_spans(text)
        timing = self.audio.timing if self.audio is not None else None
        boundaries = timing.boundaries_ms if timing is not None else ()
        segment_begins = len(boundaries) + 1 == len(self._order)
        shown = []
        for finding in self._findings:
            if not 1 <= finding.sentence <= len(spans):
                continue
            start, end = spans[finding.sentence - 1]
            end = start + len(text[start:end].rstrip())
            clip = timing.by_number(finding.sentence) if timing is not None else None
            begin_ms = end_ms = at_ms = None
            if clip is not None:
                begin_ms, end_ms = float(clip.begin_ms), float(clip.end_ms)
                place = self._order.get(finding.segment)
                if segment_begins and place is not None and finding.sentence not in self._redone:
                    at_ms = (boundaries[place - 1] if place else 0.0) + finding.seconds * 1000
                else:
                    at_ms = begin_ms + finding.seconds * 1000
            shown.append(ShownFinding(finding, start, end, begin_ms, end_ms, at_ms))
        self.text = text
        self.shown = shown
        self.show()
        self.changed.emit()

    # -- showing ------------------------------------------------------------------------------

    def visible(self) -> list[ShownFinding]:
        """The findings that belong to the text in the editor (none while it differs)."""
        return self.shown if self.text and self.editor.text() == self.text else []

    def show(self) -> None:
        shown = self.visible()
        spans = sorted({(s.start, s.end) for s in shown})
        set_layer(self.editor, Layer.FINDINGS, spans, self._look())
        self._show_on_waveform(shown)

    def _look(self) -> QTextCharFormat:
        look = QTextCharFormat()
        look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        colours = colours_for(self.editor.palette(), ground=QPalette.ColorRole.Base)
        look.setUnderlineColor(colours.warning_text)
        return look

    def _show_on_waveform(self, shown: list[ShownFinding]) -> None:
        player, audio = self.player, self.audio
        if player is None or audio is None or player.path() != audio.path:
            return
        waveform = player.waveform
        spans = [(int(s.at_ms), int(s.at_ms)) for s in shown if s.at_ms is not None]
        waveform.set_markers(*waveform.markers(), findings=spans)

    def tooltip_at(self, index: int) -> str:
        return "\n".join(s.text() for s in self.visible() if s.start <= index < s.end)

    def _forget(self, *, book: bool) -> None:
        self.shown, self.text, self.audio = [], "", None
        self._findings, self._order, self._key, self._redone = [], {}, None, set()
        if book:
            self._cache = {}
            self.chapter_id = None
        self.show()
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        self.action.setEnabled(self.controller.store is not None and self.chapter_id is not None)

    # -- the list's actions -------------------------------------------------------------------

    def open_list(self) -> FindingsDialog | None:
        from soundclone_desktop.ui.book.findings_panel import FindingsDialog

        if self.controller.store is None or self.chapter_id is None:
            return None
        if self.dialog is None:
            self.dialog = FindingsDialog(self, self.controller.needs.parent)
        self.dialog.show()
        self.dialog.raise_()
        self.refresh()
        return self.dialog

    def select(self, shown: ShownFinding) -> None:
        """Select the finding's sentence in the text and, with the chapter loaded, seek there."""
        self.editor.select_span(shown.start, shown.end)
        player, audio = self.player, self.audio
        loaded = player is not None and audio is not None and player.path() == audio.path
        if loaded and player is not None and shown.begin_ms is not None:
            player.seek(int(shown.begin_ms))

    def listen(self, shown: ShownFinding) -> asyncio.Task[bool]:
        """Play the finding's sentence of the chapter audio, and stop at its end."""
        self.listening_task = spawn(self._listen(shown), owner=self)
        return self.listening_task

    async def _listen(self, shown: ShownFinding) -> bool:
        player, audio, store = self.player, self.audio, self.controller.store
        if player is None or store is None or self.chapter_id is None:
            return False
        if audio is None or shown.begin_ms is None or shown.end_ms is None:
            self.controller.needs.messages.show_message(
                translate(CTX, "Render the whole chapter to listen to its sentences."),
                Level.INFO,
            )
            return False
        if player.path() != audio.path:
            loaded = signal_to_future(player.loaded)
            chapter = store.book.chapter(self.chapter_id)
            self.controller.needs.playback.play_file(
                audio.path, autoplay=False, title=chapter.title,
                subtitle_path=audio.captions, script=chapter.text,
            )  # fmt: skip
            self.controller.listening.chapter_audio(self.chapter_id, audio.path, audio.timing)
            try:
                await asyncio.wait_for(loaded, LOAD_TIMEOUT_S)
            except TimeoutError:
                return False
        self._span_playing, self._span_reached = (shown.begin_ms, shown.end_ms), False
        player.seek(int(shown.begin_ms))
        player.play()
        return True

    def _on_position(self, ms: int) -> None:
        """Pause at the end of a span ▶ Listen plays. Reports from before the seek landed
        are ignored until one falls inside the span; a jump elsewhere ends the watch."""
        span, player = self._span_playing, self.player
        if span is None or player is None:
            return
        begin, end = span
        inside = begin - SEEK_SLACK_MS <= ms < end
        if not self._span_reached:
            self._span_reached = inside
            return
        if end <= ms < end + SEEK_SLACK_MS * 3:
            player.pause()
        if not inside:
            self._span_playing = None

    def redo(self, shown: ShownFinding) -> object:
        """The redo flow for the finding's sentence (asks with the cost first)."""
        return self.controller.redo.redo([shown.number])
