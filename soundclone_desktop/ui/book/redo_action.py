"""Review › "Redo Marked Sentences…" and "Redo This Sentence…": the sentences go as ONE task
(one voice fee) through :mod:`soundclone_desktop.services.book.redo`, after a question that
shows both costs, one task and one task per sentence, with Cancel as the default.

The plan decodes the segment takes (blocking), so it is made in a worker; the task goes
through the session's current runner, which records every job in the task library (History
lists it, a killed app resumes it: :func:`resume_redos` runs when a book opens). Afterwards
the chapter is stitched again with the new takes and loaded into the player, ready to play.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import BookError, BookStore
from soundclone_desktop.ui.book import chapter_audio
from soundclone_desktop.ui.common.async_utils import signal_to_future, spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text

if TYPE_CHECKING:
    from soundclone_desktop.services.book.redo import RedoPlan, RedoResult
    from soundclone_desktop.services.tasks import TaskRunner
    from soundclone_desktop.store.library import TaskLibrary
    from soundclone_desktop.ui.book.controller import BookController
    from soundclone_desktop.ui.book.takes_panel import TakesDialog

log = logging.getLogger(__name__)

CTX = "BookRedo"
STATUS_MS = 4000


def cost_summary(plan: RedoPlan, currency: str) -> str:
    """ "5 sentences: 1 task, 0.62 – instead of 5 tasks, 2.54" (one sentence: no comparison,
    both ways are the same task)."""
    n = len(plan.sentences)
    money = money_text(plan.cost, currency)
    if n == 1:
        return translate(CTX, "1 sentence: 1 task, %1").replace("%1", money)
    return (
        translate(CTX, "%1 sentences: 1 task, %2 – instead of %3 tasks, %4")
        .replace("%1", str(n))
        .replace("%2", money)
        .replace("%3", str(plan.separate_tasks))
        .replace("%4", money_text(plan.separate_cost, currency))
    )


async def reload_chapter(controller: BookController, store: BookStore, chapter_id: str) -> None:
    """Stitch the chapter with its chosen takes and put it in the player (not playing), so
    the user hears the change with ▶ or the Review keys."""
    try:
        audio = await chapter_audio.stitch(store, chapter_id)
    except Exception as exc:  # the stitcher's errors are sentences
        log.warning("Stitching chapter %s after a redo failed: %s", chapter_id, exc)
        controller.needs.messages.show_message(
            translate(CTX, "The chapter could not be stitched again: %1").replace("%1", str(exc)),
            Level.WARNING,
        )
        return
    if store is not controller.store:
        return
    controller.needs.playback.play_file(
        audio.audio_path,
        autoplay=False,
        title=store.book.chapter(chapter_id).title,
        subtitle_path=audio.captions_path,
        script=store.book.chapter(chapter_id).text,
    )
    if audio.timing is not None:
        controller.listening.chapter_audio(chapter_id, audio.audio_path, audio.timing)


class RedoActions(QObject):
    """The redo and takes entries of the Review menu; ``task`` is the last redo's."""

    def __init__(self, controller: BookController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.task: asyncio.Task[RedoResult | None] | None = None
        self.resuming: asyncio.Task[None] | None = None
        self.question: QMessageBox | None = None
        self.takes_dialog: TakesDialog | None = None
        self.redo_marked_action = self._action(
            "redoMarkedAction", translate(CTX, "Redo Marked Sentences…"),
            translate(CTX, "Send the chapter's marked sentences again as one task, as new takes"),
            lambda: self.redo(sorted(controller.listening.marked())),
        )  # fmt: skip
        self.redo_current_action = self._action(
            "redoSentenceAction", translate(CTX, "Redo This Sentence…"),
            translate(CTX, "Send the sentence at the cursor again, as a new take"),
            self.redo_current,
        )  # fmt: skip
        self.redo_flagged_action = self._action(
            "redoFlaggedAction", translate(CTX, "Redo Flagged Sentences…"),
            translate(CTX, "Check the chapter's takes and send every sentence with a finding "
                           "again as one task"),
            self.redo_flagged,
        )  # fmt: skip
        self.takes_action = self._action(
            "sentenceTakesAction", translate(CTX, "Takes of This Sentence…"),
            translate(CTX, "Compare the takes of the sentence at the cursor and choose one"),
            self.open_takes,
        )  # fmt: skip
        listening = controller.listening
        listening.add_to_menu(self.redo_marked_action)
        listening.menu.addAction(self.redo_current_action)
        listening.menu.addAction(self.redo_flagged_action)
        listening.menu.addAction(self.takes_action)
        listening.marks_changed.connect(self._enable)
        controller.book_opened.connect(lambda _folder: self._on_book_opened())
        controller.book_closed.connect(self._enable)
        controller.needs.editor.report_changed.connect(lambda _report: self._enable())
        self._enable()

    def _action(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.controller.needs.parent)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _enable(self) -> None:
        open_ = self.controller.store is not None and self.controller.chapter_id is not None
        self.redo_marked_action.setEnabled(open_ and bool(self.controller.listening.marked()))
        self.redo_current_action.setEnabled(open_)
        self.redo_flagged_action.setEnabled(open_)
        self.takes_action.setEnabled(open_)

    def _on_book_opened(self) -> None:
        self._enable()
        store, session = self.controller.store, self.controller.needs.session
        runner = session.runner if session is not None else None
        library = self.controller.needs.ctx.library
        if store is not None and runner is not None and library is not None:
            self.resuming = spawn(self._resume(store, runner, library), owner=self)

    async def _resume(self, store: BookStore, runner: TaskRunner, library: TaskLibrary) -> None:
        """Settle a redo a killed app left (its takes kept, or never sent again)."""
        from soundclone_desktop.services.book.redo import resume_redos

        results = await resume_redos(store, runner, library)
        kept = sum(len(r.takes) for r in results)
        if kept:
            self.controller.needs.messages.show_status(
                translate(CTX, "New takes kept from a redo left unfinished: %1").replace(
                    "%1", str(kept)
                ),
                STATUS_MS,
            )

    # -- redo ---------------------------------------------------------------------------------

    def current_number(self) -> int | None:
        clip = self.controller.listening.current_sentence()
        return None if clip is None else clip.index + 1

    def redo_current(self) -> asyncio.Task[RedoResult | None] | None:
        number = self.current_number()
        return None if number is None else self.redo([number])

    def redo_flagged(self) -> asyncio.Task[RedoResult | None] | None:
        """Check the chapter's chosen takes (off the GUI thread), then redo every sentence
        with a finding as one task, after the same question as a marked redo."""
        store, chapter_id = self.controller.store, self.controller.chapter_id
        if store is None or chapter_id is None:
            return None
        if self.task is not None and not self.task.done():
            self.controller.needs.messages.show_status(
                translate(CTX, "A redo is already being sent."), STATUS_MS
            )
            return None
        self.task = spawn(self._redo_flagged(store, chapter_id), owner=self)
        return self.task

    async def _redo_flagged(self, store: BookStore, chapter_id: str) -> RedoResult | None:
        # Loaded here: decoding and measuring takes is only needed on request.
        from soundclone_desktop.services.book.checks import check_chapter

        self.controller.needs.messages.show_status(
            translate(CTX, "Checking the chapter's takes…"), STATUS_MS
        )
        findings = await asyncio.to_thread(check_chapter, store, chapter_id)
        numbers = sorted({f.sentence for f in findings if f.sentence > 0})
        if not numbers:
            self.controller.needs.messages.show_message(
                translate(CTX, "Nothing in this chapter is flagged: no sentence to redo."),
                Level.INFO,
            )
            return None
        return await self._redo(store, chapter_id, numbers)

    def redo(self, numbers: Sequence[int]) -> asyncio.Task[RedoResult | None] | None:
        store, chapter_id = self.controller.store, self.controller.chapter_id
        if store is None or chapter_id is None or not numbers:
            return None
        if self.task is not None and not self.task.done():
            self.controller.needs.messages.show_status(
                translate(CTX, "A redo is already being sent."), STATUS_MS
            )
            return None
        self.task = spawn(self._redo(store, chapter_id, list(numbers)), owner=self)
        return self.task

    async def _redo(
        self, store: BookStore, chapter_id: str, numbers: list[int]
    ) -> RedoResult | None:
        # Imported here: the redo service (audio decoding, subtitles) is not needed to show
        # the window (start-up time).
        from soundclone_desktop.services.book.redo import SentenceError, plan_redo, run_redo

        needs = self.controller.needs
        session = needs.session
        runner = session.runner if session is not None else None
        if session is None or runner is None:
            needs.messages.show_message(
                translate(CTX, "Connect to a server to redo sentences."), Level.WARNING
            )
            return None
        await self.controller._flush()  # the sentences are numbered in the text as saved
        prices = needs.ctx.prices()
        text = store.book.chapter(chapter_id).text
        try:
            plan = await asyncio.to_thread(plan_redo, store, chapter_id, numbers, prices)
        except (SentenceError, BookError, KeyError) as exc:
            needs.messages.show_message(
                translate(CTX, "Nothing was sent: %1").replace("%1", str(exc)), Level.WARNING
            )
            return None
        if not await self._confirmed(plan, prices.currency):
            return None
        await self.controller._flush()  # an edit made while asking moves the sentences
        if (
            store is not self.controller.store
            or session.runner is not runner
            or store.book.chapter(chapter_id).text != text
        ):
            needs.messages.show_message(
                translate(CTX, "The book, its text or the connection changed: nothing was sent."),
                Level.WARNING,
            )
            return None
        count = len(plan.sentences)
        needs.messages.show_status(
            translate(CTX, "Redoing %1 sentence(s) as one task…").replace("%1", str(count)),
            STATUS_MS * 10,
        )
        result = await run_redo(store, runner, plan)
        self._report(result, count)
        if result.takes:
            await reload_chapter(self.controller, store, chapter_id)
            if self.takes_dialog is not None and self.takes_dialog.isVisible():
                self.takes_dialog.refresh()
        return result

    async def _confirmed(self, plan: RedoPlan, currency: str) -> bool:
        question = QMessageBox(self.controller.needs.parent)
        question.setObjectName("redoQuestion")
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(translate(CTX, "Redo Sentences"))
        question.setText(
            translate(CTX, "Send these sentences again as one task? Every take is kept.")
        )
        question.setInformativeText(cost_summary(plan, currency))
        send = question.addButton(
            translate(CTX, "Redo · %1").replace("%1", money_text(plan.cost, currency)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        send.setObjectName("redoSendButton")
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(cancel)  # a stray Enter pays for nothing
        self.question = question
        finished = signal_to_future(question.finished)
        question.open()
        try:
            await finished
            return question.clickedButton() is send
        finally:
            self.question = None
            question.deleteLater()

    def _report(self, result: RedoResult, count: int) -> None:
        messages = self.controller.needs.messages
        if result.state is not JobState.DOWNLOADED:
            messages.show_message(
                translate(CTX, "The redo did not finish (%1): no take was added.").replace(
                    "%1", result.reason or result.state.value
                ),
                Level.WARNING,
            )
            return
        flagged = sum(1 for t in result.takes if t.findings)
        if flagged:
            messages.show_message(
                translate(CTX, "%1 new take(s) kept; %2 flagged by the checks and not chosen.")
                .replace("%1", str(len(result.takes)))
                .replace("%2", str(flagged)),
                Level.WARNING,
            )
        else:
            messages.show_message(
                translate(
                    CTX, "%1 sentence(s) redone as one task; the new takes are chosen."
                ).replace("%1", str(count)),
                Level.INFO,
            )

    # -- takes --------------------------------------------------------------------------------

    def open_takes(self) -> TakesDialog | None:
        from soundclone_desktop.ui.book.takes_panel import TakesDialog

        store, chapter_id = self.controller.store, self.controller.chapter_id
        number = self.current_number()
        if store is None or chapter_id is None or number is None:
            return None
        if self.takes_dialog is not None:
            self.takes_dialog.close()
        dialog = TakesDialog(self.controller, store, chapter_id, number)
        self.takes_dialog = dialog
        dialog.show()
        return dialog
