"""From "Generate speech" to a job: the gate, the charge line, and exactly one create request.

Double submission is stopped in two ways. While the create is in flight, the button is
disabled (saying "Sending…") in the very event that pressed it, and ``submit`` refuses (a
second Ctrl+Return, or a click that arrived before the repaint, builds and sends nothing).
Once the server has answered, the editor still holds the same script, so a press that
arrives then (the second half of a double-click: a loopback create is answered in
milliseconds) would be a valid new task: a script that repeats a running or recent task of
this connection (``services.duplicates``) is therefore sent only after the user answers a
question whose default is not to send.

While a book is open the editor holds a chapter, which is rendered as segments through the
book's render queue: "Generate speech" then renders that chapter there (``book``), with the
queue's cost confirmation, instead of sending it as one unrecorded script.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.pricing import PriceTable, estimate_production
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.duplicates import earlier_same_task
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.editor.panel import ScriptEditorPanel
from soundclone_desktop.ui.parameters.panel import ParametersPanel
from soundclone_desktop.ui.session import Session
from soundclone_desktop.ui.submit.bar import SubmitBar
from soundclone_desktop.ui.submit.counter import CounterWidget
from soundclone_desktop.ui.submit.duplicate_question import DuplicateQuestion
from soundclone_desktop.ui.submit.gate import GateInput, reasons
from soundclone_desktop.ui.submit.progress import ButtonProgress
from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge

log = logging.getLogger(__name__)

CTX = "MainWindow"


class BookRoute(Protocol):
    """The open book, which renders the chapter in the editor (the book controller)."""

    @property
    def is_open(self) -> bool: ...

    def render_current_chapter(self) -> None: ...

    def render_unavailable_reason(self) -> str | None: ...


class SubmitController(QObject):
    """Owns the submit flow; ``submitted(job)`` once the create has an outcome."""

    submitted = Signal(object)
    failed_to_send = Signal(str)  # a sentence: the job failed before the server took it

    def __init__(
        self,
        session: Session,
        editor: ScriptEditorPanel,
        params: ParametersPanel,
        counter: CounterWidget,
        bar: SubmitBar,
        bridge: RunnerBridge,
        prices: Callable[[], PriceTable],
        report_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._editor = editor
        self._params = params
        self._counter = counter
        self._bar = bar
        self._bridge = bridge
        self._prices = prices
        self.report_error = report_error  # where an unexpected error of a send goes
        self._sending = False
        self._question: DuplicateQuestion | None = None  # open while asking to pay again
        self._costs: dict[str, str] = {}
        self.book: BookRoute | None = None  # set by the window once the book view exists
        editor.report_changed.connect(self.refresh)
        params.changed.connect(self.refresh)
        session.connection_changed.connect(self.refresh)
        bar.button.clicked.connect(self.submit)
        self.progress = ButtonProgress(bridge, bar.set_progress, parent=self)

    @property
    def sending(self) -> bool:
        return self._sending

    def params(self) -> ProductionParams:
        values = self._params.values()
        return ProductionParams(text=self._editor.text(), **values)

    def book_open(self) -> bool:
        return self.book is not None and self.book.is_open

    def blocked_reasons(self) -> list[str]:
        if self.book is not None and self.book.is_open:
            reason = self.book.render_unavailable_reason()
            return [reason] if reason else []
        params = self.params()
        report = self._editor.report()  # of params.text: the text is analysed once
        return reasons(
            GateInput(
                connected=self._session.connected,
                sending=self._sending,
                report=report,
                voice=params.model_id,
                param_problems=params.validate(report=report),
            )
        )

    def refresh(self, *_args: object) -> None:
        # The counter (whose breakdown the charge line shows) and the gate must describe the
        # same, current text: run an update still waiting for a pause in typing first.
        self._editor.flush()
        prices = self._prices()
        self._counter.set_prices(prices)
        if self.book_open():
            self._bar.set_charge_text(
                translate(
                    CTX,
                    "A book is open: this renders the chapter in the editor as segments. "
                    "The cost is shown before anything is sent.",
                )
            )
            self._bar.set_blocked(self.blocked_reasons())
            self._bar.set_sending(self._sending)
            return
        estimate = estimate_production(self._editor.report().billable_chars, prices)
        self._bar.set_charge(
            estimate, demo=self._session.demo, detail=self._counter.cost_label.text()
        )
        self._bar.set_blocked(self.blocked_reasons())
        self._bar.set_sending(self._sending)

    def cost_text(self) -> str:
        """The estimate for the current script, as the task list shows it ("" if unknown)."""
        estimate = estimate_production(self._editor.report().billable_chars, self._prices())
        if estimate.total is None:
            return ""
        return money_text(estimate.total, estimate.currency)

    def cost_for(self, local_id: str) -> str | None:
        """The estimate shown when the job was submitted."""
        return self._costs.get(local_id)

    def submit(self) -> asyncio.Task[Job] | None:
        """Send the script once. Returns the sending task, or None when refused or when
        the script repeats a running or recent task (the user is asked first).

        Synchronous up to the point of sending: the button is disabled in the same event
        as the click (or Ctrl+Return) that triggered it, so a second one cannot slip in
        before the coroutine starts.
        """
        return self._submit(ask_if_repeated=True)

    def submit_confirmed(self) -> asyncio.Task[Job] | None:
        """Send without the repeat question: the user has just agreed to pay again
        (the history's "Send again")."""
        return self._submit(ask_if_repeated=False)

    def _submit(self, *, ask_if_repeated: bool) -> asyncio.Task[Job] | None:
        if self._question is not None:
            return None  # the press that doubles the one being asked about
        if self.book is not None and self.book.is_open:
            # Only the button's own press renders the chapter; a script sent "again" from
            # the history would be the chapter's text sent as one unrecorded task.
            if ask_if_repeated and not self.blocked_reasons():
                self.book.render_current_chapter()
            return None
        runner = self._session.runner
        # Typing may not have settled yet: the problems, counter and charge line shown must
        # be those of the text about to be sent.
        self._editor.flush()
        blocked = self.blocked_reasons()
        if blocked or runner is None:
            self._bar.set_blocked(blocked)
            return None
        params = self.params()
        cost = self.cost_text()
        if ask_if_repeated:
            earlier = earlier_same_task(params, runner.jobs, now=time.time())
            if earlier is not None:
                self._ask_again(earlier, cost)
                return None
        self._sending = True
        self.refresh()
        return spawn(self._send(runner, params, cost), owner=self)

    def _ask_again(self, earlier: Job, cost: str) -> None:
        box = DuplicateQuestion(self._bar.window(), earlier, cost)
        self._question = box

        def answered(_result: int) -> None:
            self._question = None
            again = box.send_again
            box.deleteLater()
            if again:
                # Built again from the editor: the question was window-modal, so it is the
                # script that was asked about, and the gate is checked once more.
                self._submit(ask_if_repeated=False)

        box.finished.connect(answered)
        box.open()

    async def _send(self, runner: TaskRunner, params: ProductionParams, cost: str) -> Job:
        def on_update(job: Job) -> None:
            # Remember the price shown at submission before the first row appears.
            self._costs.setdefault(job.local_id, cost)
            self._bridge.on_update(job)

        try:
            job = await runner.submit(params, on_update=on_update)
        finally:
            self._sending = False
            self.refresh()
        if job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN) and job.task_id is None:
            self.failed_to_send.emit(job.error or translate(CTX, "The task was not created."))
        self.submitted.emit(job)
        return job
