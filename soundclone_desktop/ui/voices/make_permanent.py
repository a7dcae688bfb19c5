""" "Make it permanent": one short production task that keeps a temporary voice for good.

A cloned voice expires three days after its preview unless it is used once (API reference
§1). The app offers to use it with a few words: the user sees the cost first (the same
estimate as for any script), confirms in a non-modal dialog, and the task goes through the
session's runner into the task list like any other. The job listener then records the voice
as permanent.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.languages import AUTO, guess_language, is_supported
from soundclone_desktop.core.params import VERSIONS, ProductionParams
from soundclone_desktop.core.pricing import Estimate, estimate_production
from soundclone_desktop.core.script import analyze
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.voices.status_text import remaining_text
from soundclone_desktop.ui.voices.voice_store import VoiceStore

if TYPE_CHECKING:
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.studio import JobUpdates, Messages

CTX = "MakePermanent"
CHINESE_LINE = "你好，很高兴认识你。"
OTHER_LINE = "Hello, nice to meet you."


def keep_alive_params(voice: Voice) -> ProductionParams:
    """The short production task that makes ``voice`` permanent, valid by the local rules.

    It speaks in the voice's own version and language when those are known and valid; the
    line is Chinese for a Chinese voice, else English.
    """
    language = voice.language or AUTO
    text = CHINESE_LINE if language.startswith("Chinese") else OTHER_LINE
    version = voice.version if voice.version in VERSIONS else "v2"
    if language == AUTO and version == "v1":
        language = guess_language(text)  # v1 does not take "auto"
    if language != AUTO and not is_supported(language, version):
        language = AUTO if version == "v2" else guess_language(text)
    params = ProductionParams(
        model_id=voice.model_id, text=text, version=version, language=language
    )
    if params.validate():
        params = ProductionParams(model_id=voice.model_id, text=OTHER_LINE, version="v2")
    return params


class MakePermanentDialog(QDialog):
    """States what will be sent and what it costs; Submit or Cancel (non-modal)."""

    def __init__(
        self, voice: Voice, params: ProductionParams, estimate: Estimate, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("makePermanentDialog")
        self.setWindowTitle(translate(CTX, "Make the voice permanent"))
        self.setModal(False)
        self.model_id = voice.model_id
        if estimate.total is None:
            cost = translate(
                CTX,
                "The cost is unknown: enter your prices in Settings › Prices. It is one voice "
                "fee plus {count} characters.",
            ).format(count=estimate.chars)
        else:
            cost = translate(CTX, "Estimated cost: {cost} (voice fee included).").format(
                cost=money_text(estimate.total, estimate.currency)
            )
        self.text_label = QLabel(
            translate(
                CTX,
                "To keep “{name}” for good, the app synthesises one short line with it: "
                "“{line}”. The first successful synthesis makes a voice permanent.",
            ).format(name=voice.name, line=params.text)
        )
        self.text_label.setWordWrap(True)
        self.cost_label = QLabel(cost)
        self.cost_label.setObjectName("makePermanentCost")
        self.cost_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(
            translate(CTX, "Submit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("makePermanentSubmit")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("makePermanentCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.cost_label)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class MakePermanent(QObject):
    """Offers, confirms and submits the keep-alive task for temporary voices."""

    def __init__(
        self,
        store: VoiceStore,
        *,
        parent: QWidget,
        ctx: AppContext,
        session: Session,
        messages: Messages,
        job_updates: JobUpdates,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._parent = parent  # of the dialog, and the owner of the task
        self._ctx = ctx
        self._session = session
        self._messages = messages
        self._job_updates = job_updates
        self.dialog: MakePermanentDialog | None = None

    def offer(self, voice: Voice) -> None:
        """Flag a voice close to expiry in the message bar, with the one-click action."""
        expires = voice.expires_at()
        left = remaining_text((expires or self.store.now()) - self.store.now())

        def make_permanent() -> None:
            self.confirm(voice.model_id)

        self._messages.show_message(
            translate(
                CTX,
                "The voice “{name}” expires in {left} unless it is used once. Use it now to "
                "keep it.",
            ).format(name=voice.name, left=left),
            Level.WARNING,
            action_text=translate(CTX, "Make it permanent"),
            action=make_permanent,
        )

    def offer_soonest(self, *, demo: bool) -> Voice | None:
        """At start-up: flag the voice (of this kind of server) that expires soonest."""
        voices = [v for v in self.store.expiring_soon() if v.demo == demo]
        if voices:
            self.offer(voices[0])
            return voices[0]
        return None

    def confirm(self, model_id: str) -> MakePermanentDialog | None:
        """Show what will be sent and its cost; Submit sends it."""
        voice = self.store.get(model_id)
        if voice is None:
            return None
        if self.dialog is not None:
            self.dialog.close()  # one offer at a time: the newest
        params = keep_alive_params(voice)
        estimate = estimate_production(analyze(params.text).billable_chars, self._ctx.prices())
        dialog = MakePermanentDialog(voice, params, estimate, self._parent)
        dialog.accepted.connect(lambda: self.submit(params, voice.name))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.show()  # non-modal: the user can still look at the window while deciding
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_dialog(self, dialog: MakePermanentDialog) -> None:
        if self.dialog is dialog:  # not a newer one opened meanwhile
            self.dialog = None

    def submit(self, params: ProductionParams, name: str) -> asyncio.Task[Job] | None:
        runner = self._session.runner
        if runner is None:
            self._messages.show_message(
                translate(CTX, "Connect to the server first (Settings › Account)."), Level.ERROR
            )
            return None
        job_updates = self._job_updates

        def on_update(job: Job) -> None:
            job_updates.on_update(job)  # the task list and the window's own messages first
            if job.state is JobState.DOWNLOADED:
                self._messages.show_message(
                    translate(CTX, "“{name}” is now permanent.").format(name=name), Level.INFO
                )

        return spawn(runner.submit(params, on_update=on_update), owner=self._parent)
