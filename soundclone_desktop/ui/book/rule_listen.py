""" "Listen with this rule": try a pronunciation rule on one sentence before it changes the
whole book. The sentence (the one at the cursor when the rule changes it, else the first it
changes) is sent as one small task with the rule applied, after its cost is shown; the
result plays at once. It is an ordinary task of the task library (History lists it, it is
billed and resumable like any other), and no take of the book is made from it: the book
changes only when the user adds or saves the rule.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from soundclone_desktop.core.book.pronunciation import Rule, apply_rules
from soundclone_desktop.core.book.rule_effect import sentence_for_rule
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.pricing import estimate_production
from soundclone_desktop.core.script import Utf16Map, analyze
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text

if TYPE_CHECKING:
    from soundclone_desktop.core.params import ProductionParams
    from soundclone_desktop.ui.book.controller import BookController

log = logging.getLogger(__name__)

CTX = "PronunciationRules"


@dataclasses.dataclass(frozen=True)
class RuleTrial:
    """One sentence of chapter ``chapter_id`` as written, and as it would be sent."""

    chapter_id: str
    written: str
    params: ProductionParams


def trial_for(controller: BookController, rule: Rule, rules_after: list[Rule]) -> RuleTrial | None:
    """The sentence to try ``rule`` on: the chapter in the editor first (at its cursor),
    then the other chapters in order."""
    store = controller.store
    if store is None:
        return None
    book = store.book
    editor = controller.needs.editor
    current = controller.chapter_id
    order = [c for c in book.chapters if c.id == current]
    order += [c for c in book.chapters if c.id != current and not c.excluded]
    for chapter in order:
        text, near = chapter.text, 0
        if chapter.id == current:
            text = editor.text()  # as the user sees it, saved or not
            near = Utf16Map(text).from_utf16(editor.textCursor().position())
        span = sentence_for_rule(text, rule, chapter.id, near)
        if span is None:
            continue
        written = text[span[0] : span[1]]
        sent = apply_rules(written, rules_after, chapter.id).sent
        params = dataclasses.replace(book.effective_params(chapter.id), text=sent)
        return RuleTrial(chapter.id, written, params)
    return None


def listen_with_rule(
    controller: BookController, rule: Rule, rules_after: list[Rule]
) -> QMessageBox | None:
    """Show the sentence and its cost; on "Send", send it and play the result."""
    needs = controller.needs
    trial = trial_for(controller, rule, rules_after)
    if trial is None:
        needs.messages.show_message(
            translate(CTX, "The rule “%1” changes nothing in this book.").replace("%1", rule.find),
            Level.INFO,
        )
        return None
    session = needs.session
    if session is None or session.runner is None:
        needs.messages.show_message(
            translate(CTX, "Connect to a server to listen to a rule."), Level.WARNING
        )
        return None
    prices = needs.ctx.prices()
    estimate = estimate_production(analyze(trial.params.text).billable_chars, prices)
    cost = money_text(estimate.total, estimate.currency)
    question = QMessageBox(needs.parent)
    question.setObjectName("ruleTrialQuestion")
    question.setIcon(QMessageBox.Icon.Question)
    question.setWindowTitle(translate(CTX, "Listen with This Rule"))
    question.setText(translate(CTX, "Send this sentence as one task with the rule, and play it?"))
    question.setInformativeText(
        translate(
            CTX,
            "Sent: “%1”\nCost: %2 (%3 characters and one voice fee). No take is added to the book.",
        )
        .replace("%1", trial.params.text)
        .replace("%2", cost)
        .replace("%3", str(estimate.chars))
    )
    send = question.addButton(
        translate(CTX, "Send · %1").replace("%1", cost), QMessageBox.ButtonRole.AcceptRole
    )
    send.setObjectName("sendTrialButton")
    cancel = question.addButton(QMessageBox.StandardButton.Cancel)
    question.setDefaultButton(cancel)

    def answered(_result: int) -> None:
        if question.clickedButton() is send:
            controller.rules.trial = spawn(_send(controller, trial), owner=controller)
        question.deleteLater()

    question.finished.connect(answered)
    question.open()
    return question


async def _send(controller: BookController, trial: RuleTrial) -> Job | None:
    needs = controller.needs
    session = needs.session
    runner = session.runner if session is not None else None
    if runner is None:
        return None
    needs.messages.show_status(translate(CTX, "Sending the sentence with the rule…"), 4000)
    job = await runner.submit(trial.params)
    if not job.state.is_terminal:
        job = await runner.wait(job)
    if job.state is not JobState.DOWNLOADED or job.audio_path is None:
        needs.messages.show_message(
            translate(CTX, "The sentence with the rule could not be made: %1").replace(
                "%1", job.error or job.state.value
            ),
            Level.WARNING,
        )
        return job
    needs.playback.play_file(
        job.audio_path,
        autoplay=True,
        title=translate(CTX, "With the rule: %1").replace("%1", trial.written),
    )
    return job
