"""The submit gate's reasons, rule by rule (pure: no widgets)."""

from __future__ import annotations

from soundclone_desktop.core.params import FieldProblem
from soundclone_desktop.core.script import analyze
from soundclone_desktop.ui.submit.gate import GateInput, reasons

GOOD = "Hello there. <#0.5#> A fine script."


def gate(text: str = GOOD, **overrides: object) -> list[str]:
    values: dict[str, object] = {
        "connected": True,
        "sending": False,
        "report": analyze(text),
        "voice": "model_x",
        "param_problems": [],
    }
    values.update(overrides)
    return reasons(GateInput(**values))  # type: ignore[arg-type]


def test_a_good_script_may_go() -> None:
    assert gate() == []


def test_each_blocker_has_its_sentence() -> None:
    assert gate(connected=False)[0].startswith("Not connected")
    assert gate(sending=True)[0].startswith("Sending…")
    assert gate("") == ["Write a script first."]
    assert gate("a" * 10_000)[0].startswith("The script is longer than the limit of 9,999")
    assert gate(voice="") == ["Choose a voice first."]
    assert gate("Hello <#abc#> world") == ["Fix the problem marked in the script first."]
    assert gate("Hello <#abc#> world <#1.234#> again") == [
        "Fix the problems marked in the script first (2)."
    ]


def test_invalid_parameters_block_with_a_plain_reason() -> None:
    problems = [
        FieldProblem("speed", "Speed must be between 0.5 and 2 (got 3).", "0.5 to 2"),
        FieldProblem("language", "Language “auto” … model v1 …", "…"),
        FieldProblem("speed", "duplicate", "…"),
    ]
    assert gate(param_problems=problems) == [
        "The speed is out of range (0.5 to 2).",
        "Choose a language that the selected model supports (“Automatic” needs v2).",
    ]


def test_text_and_voice_problems_are_not_repeated_from_validation() -> None:
    problems = [FieldProblem("contentText", "x", "y"), FieldProblem("modelId", "x", "y")]
    assert gate("", voice="", param_problems=problems) == [
        "Write a script first.",
        "Choose a voice first.",
    ]


def test_every_reason_is_listed_together() -> None:
    assert len(gate("", connected=False, voice="")) == 3
