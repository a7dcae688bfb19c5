"""Edit planning (no widgets) and problem sentences, checked against core's own rules."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from soundclone_desktop.core.script import PROBLEM_CODES, Problem, Severity, analyze
from soundclone_desktop.ui.editor.edits import plan_fix, plan_pause_insert
from soundclone_desktop.ui.editor.problem_text import fix_label, pause_sentence, problem_sentence

PIECES = ["a", "中文", " ", "\n", "😀", ",", "<#0.5#>", "<#1#>", "<#0.25#>", "<#99#>", "<#x#>"]
scripts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
seconds = st.sampled_from([0.01, 0.3, 0.5, 1.0, 2.0, 12.34, 99.99])


def apply(text: str, index: int, value: float) -> str:
    edit = plan_pause_insert(text, analyze(text).pauses, index, value)
    return text[: edit.start] + edit.replacement + text[edit.end :]


def adjacent_runs(text: str) -> int:
    return sum(1 for p in analyze(text).problems if p.code == "markers-adjacent")


@given(scripts, st.data(), seconds)
def test_insert_never_creates_adjacent_markers(
    text: str, data: st.DataObject, value: float
) -> None:
    index = data.draw(st.integers(0, len(text)))
    after = apply(text, index, value)
    assert adjacent_runs(after) <= adjacent_runs(text)


@given(scripts, st.data(), seconds)
def test_insert_adds_exactly_the_pause(text: str, data: st.DataObject, value: float) -> None:
    index = data.draw(st.integers(0, len(text)))
    before = analyze(text)
    after = analyze(apply(text, index, value))
    expected = Decimal(repr(before.total_pause_seconds)) + Decimal(repr(value))
    got = Decimal(repr(after.total_pause_seconds))
    if after.total_pause_seconds < 99.99 and all(p.seconds < 99.99 for p in after.pauses):
        assert got == expected  # no cap involved: nothing lost, nothing invented
    else:
        assert got <= expected
    # Spoken text is never touched (merging may only drop whitespace between markers).
    strip = lambda s: "".join(s.split())  # noqa: E731
    assert strip(_without_pauses(apply(text, index, value))) == strip(_without_pauses(text))


def _without_pauses(text: str) -> str:
    report = analyze(text)
    out, pos = [], 0
    for pause in report.pauses:
        out.append(text[pos : pause.start])
        pos = pause.end
    return "".join(out) + text[pos:]


def test_plan_fix_uses_suggestion() -> None:
    [problem] = analyze("a <#1,5#> b").problems
    edit = plan_fix(problem)
    assert edit is not None and (edit.start, edit.end, edit.replacement) == (2, 9, "<#1.5#>")
    no_fix = Problem("too-long", 0, 1, Severity.ERROR, "x")
    assert plan_fix(no_fix) is None


@pytest.fixture
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


SAMPLES = [
    "a <#1,5#> b",
    "a <#1s#> b",
    "a <#500ms#> b",
    "a <# 1 #> b",
    "a <#-1#> b",
    "a <#100#> b",
    "a <#1.234#> b",
    "a <#.5#> b",
    "a <#abc#> b",
    "a <##> b",
    "a <#0.5 b",
    "a <#0#> b",
    "<#1#> start",
    "end <#1#>",
    "a <#1#><#2#> b",
    "a <#60#> <#50#> b",
    "Hello <#0.5#>… <#0.3#> world",
    "Hi <#1#> … <#0.5#> … <#0.3#> yo",
    "x" * 10_050,
]


@pytest.mark.parametrize("text", SAMPLES)
def test_english_sentences_match_core_messages(text: str, english_locale: None) -> None:
    """Without a translation, the rebuilt sentence is exactly core's message."""
    problems = analyze(text).problems
    assert problems
    for problem in problems:
        assert problem_sentence(problem) == problem.message


def test_every_code_has_a_sentence() -> None:
    from soundclone_desktop.ui.editor import problem_text

    assert set(PROBLEM_CODES) <= set(problem_text._BUILDERS)


def test_unknown_code_or_bad_params_fall_back_to_message() -> None:
    unknown = Problem("new-rule", 0, 1, Severity.WARNING, "Core says so.")
    assert problem_sentence(unknown) == "Core says so."
    broken = Problem("marker-malformed", 0, 1, Severity.ERROR, "Fallback.", None, {"x": 1})
    assert problem_sentence(broken) == "Fallback."


def test_fix_labels_and_pause_sentence() -> None:
    [malformed] = analyze("a <#1,5#> b").problems
    assert fix_label(malformed) == "Fix: replace with <#1.5#>"
    [at_start] = analyze("<#1#> b").problems
    assert fix_label(at_start) == "Fix: remove “<#1#>”"
    assert pause_sentence(0.5) == "Pause of 0.5 s"
    assert pause_sentence(2.0) == "Pause of 2 s"
