"""core.script: explicit examples for counting, pauses, every problem kind and the helpers."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from soundclone_desktop.core.script import (
    MAX_PAUSE,
    MAX_REQUEST_CHARS,
    MIN_PAUSE,
    PROBLEM_CODES,
    Pause,
    Problem,
    ScriptReport,
    Severity,
    Utf16Map,
    analyze,
    format_seconds,
    marker,
    merge_value,
    utf16_len,
    utf16_offset,
    utf16_offsets,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def codes(text: str) -> list[str]:
    return [p.code for p in analyze(text).problems]


def only(text: str, code: str) -> Problem:
    found = [p for p in analyze(text).problems if p.code == code]
    assert len(found) == 1, analyze(text).problems
    return found[0]


# --- counting ---------------------------------------------------------------------------


def test_plain_text_counts_code_points() -> None:
    report = analyze("Hello, world!")
    assert report == ScriptReport(13, 13, (), ())
    assert not report.blocking
    assert report.total_pause_seconds == 0


def test_markers_are_not_billed_but_count_against_the_limit() -> None:
    text = "Hello <#0.5#> world"
    report = analyze(text)
    assert report.request_chars == len(text) == 19
    assert report.billable_chars == 19 - len("<#0.5#>")
    assert report.pauses == (Pause(6, 13, 0.5, "<#0.5#>"),)
    assert report.problems == ()


def test_code_points_not_utf16_units_or_bytes() -> None:
    text = "你好😀 e\u0301"  # CJK, an emoji (2 UTF-16 units), e + combining accent
    report = analyze(text)
    assert report.billable_chars == report.request_chars == 6


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        ("<#0.01#>", 0.01),
        ("<#1#>", 1.0),
        ("<#05#>", 5.0),
        ("<#1.5#>", 1.5),
        ("<#12.25#>", 12.25),
        ("<#99.99#>", 99.99),
        ("<#0.80#>", 0.8),
    ],
)
def test_well_formed_markers(raw: str, seconds: float) -> None:
    report = analyze(f"One {raw} two")
    assert report.pauses == (Pause(4, 4 + len(raw), seconds, raw),)
    assert report.problems == ()
    assert report.billable_chars == len("One  two")


def test_total_pause_seconds_is_exact() -> None:
    report = analyze("a <#0.1#> b <#0.2#> c")
    assert report.total_pause_seconds == 0.3
    assert [p.seconds for p in report.pauses] == [0.1, 0.2]


@pytest.mark.parametrize("name", ["ad-en.txt", "audiobook-zh.txt", "mixed-zh-en.txt"])
def test_sample_scripts_are_clean(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    report = analyze(text)
    assert not report.blocking, report.problems
    assert report.pauses
    assert report.billable_chars == len(text) - sum(len(p.text) for p in report.pauses)


def test_sample_pause_values() -> None:
    text = (DATA / "audiobook-zh.txt").read_text(encoding="utf-8")
    assert [p.seconds for p in analyze(text).pauses] == [0.8, 1.2, 0.5]


# --- malformed markers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason", "suggestion"),
    [
        ("<#abc#>", "not-a-number", None),
        ("<#1.234#>", "decimals", "<#1.23#>"),
        ("<#1.235#>", "decimals", "<#1.24#>"),
        ("<#0.001#>", "decimals", "<#0.01#>"),
        ("<# 1 #>", "spaces", "<#1#>"),
        ("<#1.#>", "format", "<#1#>"),
        ("<#.5#>", "format", "<#0.5#>"),
        ("<#007#>", "format", "<#7#>"),
        ("<#100#>", "too-large", "<#99.99#>"),
        ("<#1234.5#>", "too-large", "<#99.99#>"),
        ("<#0,5#>", "comma", "<#0.5#>"),
        ("<#1s#>", "unit", "<#1#>"),
        ("<#500ms#>", "unit", "<#0.5#>"),
        ("<#-1#>", "negative", None),
        ("<##>", "empty", None),
        ("<#  #>", "empty", None),
        ("<#1#2#>", "not-a-number", None),
        ("<#١#>", "not-a-number", None),  # Arabic-Indic digit: the API's \d is ASCII
        ("<#1e2#>", "not-a-number", None),
    ],
)
def test_closed_malformed_markers(raw: str, reason: str, suggestion: str | None) -> None:
    text = f"Start {raw} end"
    problem = only(text, "marker-malformed")
    assert (problem.start, problem.end) == (6, 6 + len(raw))
    assert text[problem.start : problem.end] == raw
    assert problem.severity is Severity.ERROR
    assert problem.suggestion == suggestion
    assert problem.params["reason"] == reason
    assert problem.params["marker"] == raw
    assert raw in problem.message
    if suggestion:
        assert problem.params["suggestion"] == suggestion
        assert suggestion in problem.message
    assert analyze(text).pauses == ()
    assert analyze(text).billable_chars == len(text)  # malformed markers are billed text


@pytest.mark.parametrize(
    ("text", "raw", "suggestion"),
    [
        ("Wait <#0.5 then go", "<#0.5", "<#0.5#>"),
        ("Wait <#0.5# then go", "<#0.5#", "<#0.5#>"),
        ("Wait <#0.5> then go", "<#0.5>", "<#0.5#>"),
        ("Wait <# 2 then go", "<# 2", "<#2#>"),
        ("Wait <#", "<#", None),
        ("Wait <# then go", "<#", None),
        ("Wait <#0.5\n#> then go", "<#0.5", "<#0.5#>"),  # a line break ends a marker
        ("Wait <#1.2.3 then", "<#1.2.3", None),
    ],
)
def test_unclosed_markers(text: str, raw: str, suggestion: str | None) -> None:
    problem = only(text, "marker-malformed")
    assert text[problem.start : problem.end] == raw
    assert problem.params["reason"] == "unclosed"
    assert problem.suggestion == suggestion


def test_closing_too_far_away_is_unclosed() -> None:
    text = "a <#this comment runs far too long for a marker#> b"
    problem = only(text, "marker-malformed")
    assert (problem.start, problem.end) == (2, 4)
    assert problem.params["reason"] == "unclosed"


def test_malformed_never_swallows_a_following_marker() -> None:
    report = analyze("Go <#<#1#> now")
    assert [p.text for p in report.pauses] == ["<#1#>"]
    problem = only("Go <#<#1#> now", "marker-malformed")
    assert (problem.start, problem.end) == (3, 5)


def test_stray_marker_pieces_are_not_problems() -> None:
    assert codes("1 < 2 # 3 > 0 and #> or <") == []
    assert codes("Email a#b or <b>bold</b>") == []


def test_huge_unclosed_number_does_not_crash() -> None:
    problem = only("a <#" + "9" * 500 + " b", "marker-malformed")
    assert problem.suggestion == "<#99.99#>"
    assert problem.end - problem.start == 2 + 24


# --- range ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["<#0#>", "<#00#>", "<#0.0#>", "<#0.00#>"])
def test_zero_pause_is_out_of_range(raw: str) -> None:
    text = f"One{raw}two"
    report = analyze(text)
    problem = only(text, "marker-range")
    assert (problem.start, problem.end) == (3, 3 + len(raw))
    assert problem.severity is Severity.ERROR
    assert problem.suggestion == "<#0.01#>"
    assert problem.params == {
        "marker": raw,
        "seconds": 0.0,
        "min": 0.01,
        "max": 99.99,
        "suggestion": "<#0.01#>",
    }
    # Still a marker for counting: the API excludes it from billing like any other.
    assert report.pauses == (Pause(3, 3 + len(raw), 0.0, raw),)
    assert report.billable_chars == len("Onetwo")


def test_smallest_pause_is_in_range() -> None:
    assert codes("One<#0.01#>two") == []


# --- placement --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["<#1#>Hello", "  \n<#1#> Hello", "\u3000<#1#>你好"])
def test_marker_at_start(text: str) -> None:
    problem = only(text, "marker-at-start")
    assert text[problem.start : problem.end] == "<#1#>"
    assert problem.severity is Severity.ERROR
    assert problem.suggestion == ""  # remove it
    assert problem.params == {"marker": "<#1#>"}


@pytest.mark.parametrize("text", ["Hello<#1#>", "Hello <#1#>  \n", "你好<#1#>\u3000"])
def test_marker_at_end(text: str) -> None:
    problem = only(text, "marker-at-end")
    assert text[problem.start : problem.end] == "<#1#>"
    assert problem.severity is Severity.ERROR
    assert problem.suggestion == ""


def test_marker_at_start_and_end_of_the_same_text() -> None:
    assert codes("<#1#> Hi <#2#>") == ["marker-at-start", "marker-at-end"]


def test_text_of_only_markers_is_empty() -> None:
    for text in ("<#1#>", " <#1#> <#2#> ", "<#1#>\n<#0#>"):
        assert "empty" in codes(text)
        assert "marker-at-start" not in codes(text)  # implied; one clear message instead


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Hello.<#1#>!", "after"),
        ("Hello <#1#> …", "after"),
        ("! <#1#> Hello", "before"),
        ("Hi <#1#> — <#2#> there", None),  # checked below: both markers are flagged
        ("「<#1#>」", "both"),
        ("😀<#1#>😀", "both"),
    ],
)
def test_marker_next_to_only_punctuation_is_a_warning(text: str, side: str | None) -> None:
    report = analyze(text)
    warnings = [p for p in report.problems if p.code == "marker-near-punctuation"]
    assert warnings
    assert all(p.severity is Severity.WARNING for p in warnings)
    assert not report.blocking
    if side is not None:
        assert [p.params["side"] for p in warnings] == [side]
    else:
        assert [p.params["side"] for p in warnings] == ["after", "before"]


def test_marker_between_words_with_punctuation_is_fine() -> None:
    assert codes("Hello, world.<#0.5#> Next sentence!") == []
    assert codes("第一句。<#0.5#>第二句。") == []
    assert codes("Chapter 1 <#2#> 2") == []  # digits are spoken


# --- consecutive markers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "run", "suggestion"),
    [
        ("a<#0.3#><#0.5#>b", "<#0.3#><#0.5#>", "<#0.8#>"),
        ("a <#0.3#> <#0.5#> b", "<#0.3#> <#0.5#>", "<#0.8#>"),
        ("a <#1#>\n\n<#2#>\t<#3.25#> b", "<#1#>\n\n<#2#>\t<#3.25#>", "<#6.25#>"),
        ("a <#60#><#50#> b", "<#60#><#50#>", "<#99.99#>"),
        ("a <#0#><#0#> b", "<#0#><#0#>", "<#0.01#>"),
        ("a <#0.1#><#0.2#> b", "<#0.1#><#0.2#>", "<#0.3#>"),
    ],
)
def test_consecutive_markers(text: str, run: str, suggestion: str) -> None:
    problem = only(text, "markers-adjacent")
    assert text[problem.start : problem.end] == run
    assert problem.severity is Severity.ERROR
    assert problem.suggestion == suggestion
    assert problem.params["suggestion"] == suggestion
    assert problem.params["count"] == run.count("<#")
    assert suggestion in problem.message


def test_capped_merge_says_so() -> None:
    problem = only("a <#60#><#50#> b", "markers-adjacent")
    assert problem.params["capped"] is True
    assert problem.params["seconds"] == 99.99
    assert "capped" in problem.message
    assert only("a <#1#><#2#> b", "markers-adjacent").params["capped"] is False


def test_markers_separated_by_text_are_not_consecutive() -> None:
    assert codes("a <#1#> b <#2#> c") == []
    assert codes("a <#1#>.<#2#> c") == ["marker-near-punctuation"] * 2


def test_malformed_marker_between_pauses_breaks_the_run() -> None:
    assert "markers-adjacent" not in codes("a <#1#><#x#><#2#> b")


# --- length and emptiness ---------------------------------------------------------------


def test_limit_is_inclusive() -> None:
    assert codes("a" * MAX_REQUEST_CHARS) == []


def test_too_long_spans_the_excess() -> None:
    text = "a" * (MAX_REQUEST_CHARS + 5)
    problem = only(text, "too-long")
    assert (problem.start, problem.end) == (MAX_REQUEST_CHARS, MAX_REQUEST_CHARS + 5)
    assert problem.severity is Severity.ERROR
    assert problem.params == {"length": 10004, "limit": 9999, "excess": 5}
    assert "9,999" in problem.message


def test_markers_count_against_the_limit() -> None:
    text = "a" * (MAX_REQUEST_CHARS - 5) + " <#1#>b"
    report = analyze(text)
    assert report.request_chars == MAX_REQUEST_CHARS + 2
    assert report.billable_chars < MAX_REQUEST_CHARS
    assert [p.code for p in report.problems] == ["too-long"]


def test_custom_limit() -> None:
    assert codes("x" * 269) == []
    assert codes("x" * 270) == []
    assert [p.code for p in analyze("x" * 270, max_chars=269).problems] == ["too-long"]


@pytest.mark.parametrize("text", ["", " ", "\n\t ", "\u3000"])
def test_empty_text(text: str) -> None:
    report = analyze(text)
    assert [p.code for p in report.problems] == ["empty"]
    problem = report.problems[0]
    assert (problem.start, problem.end) == (0, len(text))
    assert report.blocking


# --- report shape -----------------------------------------------------------------------


def test_problems_are_sorted_by_position() -> None:
    report = analyze("<#1#> a <#x#> b <#0#> c <#2#><#3#> d <#4#>")
    starts = [p.start for p in report.problems]
    assert starts == sorted(starts)
    assert set(PROBLEM_CODES) >= {p.code for p in report.problems}


def test_blocking_only_for_errors() -> None:
    assert analyze("Hi.<#1#>!").blocking is False
    assert analyze("Hi <#x#> there").blocking is True
    report = analyze("Hi.<#1#>! <#-#>")
    assert [p.code for p in report.warnings] == ["marker-near-punctuation"]
    assert [p.code for p in report.errors] == ["marker-malformed"]


def test_report_types_are_immutable_and_hashable() -> None:
    report = analyze("a <#1#><#2#> b <#x#>")
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.billable_chars = 1  # type: ignore[misc]
    problem = report.problems[0]
    with pytest.raises(TypeError):
        problem.params["marker"] = "x"  # type: ignore[index]
    assert hash(problem) == hash(dataclasses.replace(problem))
    assert hash(report.pauses[0])


def test_problem_params_copied_from_caller() -> None:
    params: dict[str, object] = {"a": 1}
    problem = Problem("x", 0, 1, Severity.WARNING, "m", None, params)
    params["a"] = 2
    assert problem.params == {"a": 1}


def test_every_code_has_an_example() -> None:
    text = "<#1#> a <#x#> b <#0#> c <#2#><#3#> d.<#4#>! <#5#>"
    found = {p.code for p in analyze(text).problems}
    found |= {p.code for p in analyze("").problems}
    found |= {p.code for p in analyze("a" * 10_000).problems}
    assert found == set(PROBLEM_CODES)


def test_messages_are_sentences() -> None:
    text = "<#1#> a <#x#> b <#0#> c <#2#><#3#> d.<#4#>! <#1.#> f <#5#>"
    for problem in analyze(text).problems + analyze("").problems:
        assert problem.message[0].isupper() or problem.message[0] in "“0123456789"
        assert problem.message.endswith((".", "?"))


# --- helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.5, "0.5"),
        (1, "1"),
        (1.0, "1"),
        (1.25, "1.25"),
        (0.8, "0.8"),
        (0.125, "0.13"),  # half up, on the decimal value (not the binary float)
        (2.675, "2.68"),
        (10, "10"),
        (99.99, "99.99"),
        (0.001, "0"),
    ],
)
def test_format_seconds(value: float, text: str) -> None:
    assert format_seconds(value) == text


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_format_seconds_rejects_non_finite(bad: float) -> None:
    with pytest.raises(ValueError):
        format_seconds(bad)


def test_marker() -> None:
    assert marker(0.5) == "<#0.5#>"
    assert marker(2) == "<#2#>"
    assert marker(MIN_PAUSE) == "<#0.01#>"
    assert marker(MAX_PAUSE) == "<#99.99#>"
    assert marker(0.333) == "<#0.33#>"
    for bad in (0, 0.004, 99.995, 100, -1, math.nan):
        with pytest.raises(ValueError):
            marker(bad)


def test_marker_output_is_well_formed() -> None:
    for value in (0.01, 0.1, 0.5, 1, 9.99, 10, 42.42, 99.99):
        report = analyze(f"a {marker(value)} b")
        assert report.problems == ()
        assert report.pauses[0].seconds == float(format_seconds(value))


def test_merge_value() -> None:
    assert merge_value(0.3, 0.5) == 0.8
    assert merge_value(0.1, 0.2) == 0.3  # no float noise
    assert merge_value(60, 50) == MAX_PAUSE
    assert merge_value(99.99, 0.01) == MAX_PAUSE
    assert merge_value(49.99, 50) == 99.99


# --- UTF-16 -----------------------------------------------------------------------------


def test_utf16_len() -> None:
    assert utf16_len("") == 0
    assert utf16_len("abc") == 3
    assert utf16_len("你好") == 2
    assert utf16_len("😀") == 2
    assert utf16_len("a😀b𠀀") == 6  # U+20000 (CJK extension B) is astral too


def test_utf16_offset() -> None:
    text = "a😀b😀c"
    assert [utf16_offset(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert utf16_offset(text, -5) == 0
    assert utf16_offset(text, 99) == 7


def test_utf16_offsets_in_one_pass() -> None:
    text = "😀x😀"
    assert utf16_offsets(text, [3, 0, 2, 1]) == [5, 0, 3, 2]


def test_utf16_map_round_trip_and_mid_pair() -> None:
    text = "ab😀c😀😀d"
    umap = Utf16Map(text)
    assert umap.utf16_length == utf16_len(text)
    for i in range(len(text) + 1):
        assert umap.from_utf16(umap.to_utf16(i)) == i
    # Offset 3 falls between the halves of the first emoji (UTF-16 units 2 and 3).
    assert umap.from_utf16(3) == 2
    assert umap.from_utf16(-1) == 0
    assert umap.from_utf16(1000) == len(text)


def test_utf16_map_ascii_fast_path() -> None:
    umap = Utf16Map("plain text")
    assert umap.to_utf16_many([0, 5, 10]) == [0, 5, 10]
    assert umap.from_utf16(7) == 7


def test_excerpt_removes_markers_and_ends_on_a_word() -> None:
    from soundclone_desktop.core.script import excerpt

    assert excerpt("Hello <#0.5#> world") == "Hello world"
    assert excerpt("one two three four five six", 16) == "one two three…"
    assert excerpt("第一章<#1#>雨夜", 60) == "第一章 雨夜"
