"""Playing a rendered chapter and driving the render queue from the book view: ▶, "Render
book/selected", pause, the progress snapshots, and the question on closing mid-render."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from soundclone_desktop.core.book.overview import BookOverview
from soundclone_desktop.core.book.progress import QueueState, RenderSnapshot
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.book import chapter_audio, texts
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.message_bar import Level

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.chapter_model import ChapterModel
    from soundclone_desktop.ui.book.listen import SentenceListening
    from soundclone_desktop.ui.book.navigator import NavigatorWidget
    from soundclone_desktop.ui.book.needs import BookNeeds

log = logging.getLogger(__name__)

CTX = "BookView"
STATUS_MS = 4000


class BookPlaying:
    """▶ of a chapter and the render controls of the navigator."""

    if TYPE_CHECKING:  # provided by BookController
        needs: BookNeeds
        store: BookStore | None
        overview: BookOverview | None
        chapter_id: str | None
        dialog: QDialog | None
        snapshot: RenderSnapshot | None
        playing: asyncio.Task[None] | None
        model: ChapterModel
        listening: SentenceListening
        navigator: NavigatorWidget
        _close_agreed: bool
        _figures_timer: QTimer

        async def _flush(self) -> None: ...

    def play_chapter(self, chapter_id: str) -> asyncio.Task[None] | None:
        """The chapter as one piece with its captions once all its segments are rendered
        (stitched, or the file stitched before); the chapter's text goes into the editor so
        the captions follow it there and a double-click on a sentence seeks to it. A chapter
        only partly rendered, or a build without the stitcher: its first segment's take."""
        store = self.store
        overview = self.overview
        if store is None or overview is None:
            return None
        line = overview.chapter(chapter_id)
        if line.first_audio is None:
            return None
        self.navigator.select_chapter(chapter_id)
        if chapter_audio.chapter_ready(store, chapter_id):
            self.playing = spawn(self._play_stitched(store, chapter_id, line.title), owner=self)
            return self.playing
        self.needs.playback.play_file(
            store.resolve(line.first_audio), autoplay=True, title=line.title
        )
        return None

    async def _play_stitched(self, store: BookStore, chapter_id: str, title: str) -> None:
        self.needs.messages.show_status(
            translate(CTX, "Preparing “%1”…").replace("%1", title), STATUS_MS
        )
        try:
            audio = await chapter_audio.stitch(store, chapter_id)
        except Exception as exc:  # the stitcher's errors are sentences
            log.warning("Stitching chapter %s failed: %s", chapter_id, exc)
            self.needs.messages.show_message(
                translate(CTX, "The chapter “%1” could not be stitched: %2")
                .replace("%1", title)
                .replace("%2", str(exc)),
                Level.WARNING,
            )
            return
        if store is not self.store:
            return
        self.needs.playback.play_file(
            audio.audio_path,
            autoplay=True,
            title=title,
            subtitle_path=audio.captions_path,
            script=store.book.chapter(chapter_id).text,
        )
        if audio.timing is not None:
            self.listening.chapter_audio(chapter_id, audio.audio_path, audio.timing)

    def render_current_chapter(self) -> None:
        """ "Generate speech" while a book is open: the chapter in the editor, through the
        render queue (recorded, resumable, its estimate confirmed first)."""
        chapter_id = self.chapter_id or self.navigator.current_id()
        if chapter_id is not None:
            self._render([chapter_id])

    def render_unavailable_reason(self) -> str | None:
        return self.needs.render.unavailable_reason()

    def may_close(self) -> bool:
        """True to close now; else a question is open and closes the window if the user
        agrees (a render running: its tasks go on, and it continues next time)."""
        running = getattr(self.needs.render, "running", lambda: None)()
        if running is None or self._close_agreed:
            return True
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return False
        from soundclone_desktop.ui.book.render_closing import RenderCloseQuestion

        question = RenderCloseQuestion(self.needs.parent, *running)

        def answered(_result: int) -> None:
            self.dialog = None
            if question.close_chosen:
                self._close_agreed = True
                self.needs.parent.close()  # the other questions (unsaved script) come next
            question.deleteLater()

        question.finished.connect(answered)
        self.dialog = question
        question.open()
        return False

    def _render(self, chapter_ids: Sequence[str] | None) -> None:
        store = self.store
        if store is None or self.needs.render.unavailable_reason() is not None:
            return
        spawn(self._render_after_save(store, chapter_ids), owner=self)

    async def _render_after_save(self, store: BookStore, chapter_ids: Sequence[str] | None) -> None:
        await self._flush()  # the queue renders the text as saved
        self.needs.render.render(store, chapter_ids)

    def _on_pause_toggled(self, paused: bool) -> None:
        render = self.needs.render
        if render.unavailable_reason() is not None:
            return
        render.pause() if paused else render.resume()
        self._show_render_state(paused)  # the snapshot saying so comes a moment later

    def _on_snapshot(self, snapshot: RenderSnapshot) -> None:
        self.snapshot = snapshot
        self.model.set_progress(snapshot.chapters, snapshot.currency)
        label = self.navigator.progress_label
        label.setVisible(snapshot.state is not QueueState.IDLE)
        label.setText(texts.progress_text(snapshot))
        self._show_render_state()
        if not self._figures_timer.isActive():  # restarted per snapshot, it would starve
            self._figures_timer.start()

    def _show_render_state(self, paused: bool | None = None) -> None:
        if paused is None:
            paused = self.snapshot is not None and self.snapshot.state is QueueState.PAUSED
        nav = self.navigator
        nav.pause_button.blockSignals(True)
        try:
            nav.set_render_state(self.needs.render.unavailable_reason(), paused=paused)
        finally:
            nav.pause_button.blockSignals(False)
