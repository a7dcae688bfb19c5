"""Whether "Generate speech" may be pressed, and if not, why, in a sentence per reason.

Pure function of the things that block a submission, so every rule is testable without
widgets. The first reason is the one shown beside the button; all are in its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from soundclone_desktop.core.params import FieldProblem
from soundclone_desktop.core.script import EMPTY, MAX_REQUEST_CHARS, TOO_LONG, ScriptReport
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.parameters.ranges import bounds

CTX = "SubmitGate"


@dataclass(frozen=True)
class GateInput:
    connected: bool
    sending: bool
    report: ScriptReport
    voice: str
    param_problems: Sequence[FieldProblem]


def _field_sentence(problem: FieldProblem) -> str:
    sentences = {
        "speed": translate(CTX, "The speed is out of range ({low} to {high}).").format(
            **bounds("speed")
        ),
        "vol": translate(CTX, "The volume is out of range (more than {low}, up to {high}).").format(
            **bounds("vol")
        ),
        "pitch": translate(CTX, "The pitch must be a whole number from {low} to {high}.").format(
            **bounds("pitch")
        ),
        "emotion": translate(CTX, "Choose an emotion from the list."),
        "soundVersion": translate(CTX, "Choose model v1 or v2."),
        "language": translate(
            CTX, "Choose a language that the selected model supports (“Automatic” needs v2)."
        ),
        "modelId": translate(CTX, "Choose a voice first."),
    }
    return sentences.get(problem.field, translate(CTX, "Check the parameters."))


def reasons(state: GateInput) -> list[str]:
    """Every reason the submission is blocked, most useful first; empty when it may go."""
    found: list[str] = []
    if state.sending:
        found.append(translate(CTX, "Sending… wait for the server to confirm the task."))
    if not state.connected:
        found.append(
            translate(CTX, "Not connected: enter your API key in Settings, or try the demo.")
        )
    codes = {problem.code for problem in state.report.errors}
    if EMPTY in codes or not state.report.request_chars:
        found.append(translate(CTX, "Write a script first."))
    elif TOO_LONG in codes or state.report.request_chars > MAX_REQUEST_CHARS:
        found.append(
            translate(
                CTX,
                "The script is longer than the limit of {0} characters. Shorten it or split it.",
            ).replace("{0}", f"{MAX_REQUEST_CHARS:,}")
        )
    others = sum(1 for p in state.report.errors if p.code not in (EMPTY, TOO_LONG))
    if others:
        found.append(
            translate(CTX, "Fix the problems marked in the script first (%n).", None, others)
            if others > 1
            else translate(CTX, "Fix the problem marked in the script first.")
        )
    if not state.voice:
        found.append(translate(CTX, "Choose a voice first."))
    seen: set[str] = set()
    for problem in state.param_problems:
        # Text problems are reported from the script report above; the voice just above too.
        if problem.field in ("contentText", "text", "modelId") or problem.field in seen:
            continue
        seen.add(problem.field)
        found.append(_field_sentence(problem))
    return found
