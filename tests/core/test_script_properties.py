"""core.script under random input, checked against independent re-computations."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.script import (
    MAX_PAUSE,
    MIN_PAUSE,
    PROBLEM_CODES,
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

DIGITS = "0123456789"


def reference_markers(text: str) -> list[tuple[int, int]]:
    """Well-formed ``<#x#>`` spans by a hand-written scanner (no regex), left to right.

    Deliberately a different algorithm from core's single regex: it reads digits one by one
    following the grammar ``<# d{1,2} (. d{1,2})? #>``.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n - 1:
        if text[i] != "<" or text[i + 1] != "#":
            i += 1
            continue
        k = i + 2
        while k < n and k - (i + 2) < 2 and text[k] in DIGITS:
            k += 1
        if k == i + 2:
            i += 1
            continue
        if k < n and text[k] == ".":
            f = k + 1
            while f < n and f - (k + 1) < 2 and text[f] in DIGITS:
                f += 1
            if f > k + 1:
                k = f
        if text[k : k + 2] == "#>":
            spans.append((i, k + 2))
            i = k + 2
        else:
            i += 1
    return spans


def surrogate_count(s: str) -> int:
    return sum(1 for ch in s if ord(ch) > 0xFFFF)


well_formed = st.builds(
    lambda whole, frac: f"<#{whole}{'.' + frac if frac else ''}#>",
    st.text(DIGITS, min_size=1, max_size=2),
    st.one_of(st.none(), st.text(DIGITS, min_size=1, max_size=2)),
)
malformed = st.one_of(
    st.sampled_from(
        [
            "<#abc#>",
            "<#1.234#>",
            "<# 1 #>",
            "<#1.#>",
            "<#.5#>",
            "<#100#>",
            "<#0.5",
            "<#0#>",
            "<#0.00#>",
            "<##>",
            "<#-1#>",
            "<#0,5#>",
            "<#1s#>",
            "<#",
            "<#<#",
            "<#" + "9" * 40,
        ]
    ),
    st.builds(lambda body: f"<#{body}#>", st.text(max_size=30)),
    st.builds(lambda body: f"<#{body}", st.text(DIGITS + ". ,#>", max_size=30)),
)
fragments = st.sampled_from(
    [
        "<",
        "#",
        ">",
        "<#",
        "#>",
        " ",
        "\n",
        "\t",
        "😀",
        "👩‍💻",
        "中文",
        "。",
        "！",
        "，",
        "．",
        "a",
        "Hi",
        "7",
    ]
)
prose = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]),  # no lone surrogates
    max_size=12,
)
scripts = st.lists(st.one_of(well_formed, malformed, fragments, prose), max_size=40).map("".join)


@settings(max_examples=400)
@given(scripts)
@example("<#1#><#2#>")
@example("a<#1.5#>b<#12.34#>c<#123.4#>")
@example("<#<#1#>#>")
def test_analyze_invariants(text: str) -> None:
    report = analyze(text)
    # Counting: request = every code point; billable = minus an independent marker scan.
    assert report.request_chars == len(text)
    expected = reference_markers(text)
    assert [(p.start, p.end) for p in report.pauses] == expected
    assert report.billable_chars == len(text) - sum(end - start for start, end in expected)
    # Pauses point at their marker text and carry its value.
    for pause in report.pauses:
        assert text[pause.start : pause.end] == pause.text
        assert pause.seconds == float(pause.text[2:-2])
    # Problems are in bounds, sorted, known, and consistent with `blocking`.
    for problem in report.problems:
        assert 0 <= problem.start <= problem.end <= len(text)
        assert problem.code in PROBLEM_CODES
        assert problem.message
        if problem.code != "empty":
            assert problem.start < problem.end
    assert [p.start for p in report.problems] == sorted(p.start for p in report.problems)
    assert report.blocking == any(p.severity is Severity.ERROR for p in report.problems)
    # UTF-16 agrees with Python's own encoder.
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2


@settings(max_examples=300)
@given(scripts)
def test_every_marker_opening_is_accounted_for(text: str) -> None:
    """Each "<#" starts a pause or a malformed-marker problem, or sits inside one."""
    report = analyze(text)
    covered = [(p.start, p.end) for p in report.pauses]
    covered += [(p.start, p.end) for p in report.problems if p.code == "marker-malformed"]
    starts = {start for start, _ in covered}
    i = text.find("<#")
    while i != -1:
        assert i in starts or any(s < i < e for s, e in covered), (text, i)
        i = text.find("<#", i + 1)
    for problem in report.problems:
        if problem.code == "marker-malformed":
            assert text.startswith("<#", problem.start)
            assert "<" not in text[problem.start + 1 : problem.end]


@settings(max_examples=150)
@given(scripts)
def test_suggestions_are_well_formed_pauses(text: str) -> None:
    for problem in analyze(text).problems:
        if problem.suggestion:
            fixed = analyze(f"a {problem.suggestion} b")
            assert fixed.problems == ()
            assert MIN_PAUSE <= fixed.pauses[0].seconds <= MAX_PAUSE


@settings(max_examples=150)
@given(scripts)
def test_applying_a_merge_suggestion_removes_that_run(text: str) -> None:
    report = analyze(text)
    for problem in report.problems:
        if problem.code == "markers-adjacent":
            fixed = text[: problem.start] + (problem.suggestion or "") + text[problem.end :]
            again = analyze(fixed)
            assert not any(
                p.code == "markers-adjacent" and p.start == problem.start for p in again.problems
            )


@given(st.text(), st.data())
def test_utf16_conversions(text: str, data: st.DataObject) -> None:
    indices = data.draw(st.lists(st.integers(0, len(text)), max_size=20))
    expected = [len(text[:i].encode("utf-16-le", "surrogatepass")) // 2 for i in indices]
    assert [utf16_offset(text, i) for i in indices] == expected
    assert utf16_offsets(text, indices) == expected
    umap = Utf16Map(text)
    assert umap.to_utf16_many(indices) == expected
    assert umap.utf16_length == len(text) + surrogate_count(text)
    for i in indices:
        assert umap.from_utf16(umap.to_utf16(i)) == i


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_utf16_len_matches_encoder(text: str) -> None:
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2


@given(st.decimals(min_value="0.01", max_value="99.99", places=2))
def test_marker_round_trips(value: object) -> None:
    raw = marker(float(str(value)))
    report = analyze(f"x {raw} y")
    assert report.problems == ()
    assert report.pauses[0].seconds == float(str(value))
    assert format_seconds(report.pauses[0].seconds) == raw[2:-2]


@given(
    st.floats(min_value=0.01, max_value=99.99),
    st.floats(min_value=0.01, max_value=99.99),
)
def test_merge_value_is_capped_sum(a: float, b: float) -> None:
    merged = merge_value(a, b)
    assert merged <= MAX_PAUSE
    assert merged == MAX_PAUSE or abs(merged - (a + b)) < 1e-9
