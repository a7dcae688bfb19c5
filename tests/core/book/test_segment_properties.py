"""Segmentation under random chapters: exact cover, limits, sentence ends, locality.

Small ``max_chars`` values make every path (packing, sentence cuts, clause, whitespace and
hard cuts) reachable with short texts; one test runs at the real 9,999 limit.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book.segment import (
    OversizedSplit,
    Segment,
    is_anchor,
    segment_chapter,
)
from soundclone_desktop.core.book.sentences import paragraph_spans, sentence_breaks
from soundclone_desktop.core.script import (
    MARKER_AT_END,
    MARKER_AT_START,
    MAX_REQUEST_CHARS,
    analyze,
)

WORDS = [
    "the", "river", "Mr.", "Dr.", "e.g.", "3.14", "J.", "R.", "etc.", "Hello", "World",
    "www.example.com", "a.b@c.com", "你好", "我们", "走了", "天气", "很好",
    "长" * 40, "y" * 40,
]  # fmt: skip
PUNCT = [" ", " ", " ", "", "，", ", ", "；", "、", ". ", "! ", "? ", "。", "！", "？", "……", "。”"]
MARKERS = [" <#0.5#> ", "<#1#>", " <#2.25#>"]
SEPARATORS = ["\n", "\n\n", "\r\n", "\n\u3000\u3000"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def paragraphs_strategy(markers: bool, max_tokens: int = 60) -> st.SearchStrategy[str]:
    tokens = WORDS + PUNCT + (MARKERS if markers else [])
    return (
        st.lists(st.sampled_from(tokens), min_size=1, max_size=max_tokens)
        .map("".join)
        .filter(lambda p: p.strip() != "")
    )


@st.composite
def chapters(draw: st.DrawFn, markers: bool = True) -> str:
    paragraphs = draw(st.lists(paragraphs_strategy(markers), min_size=1, max_size=12))
    separators = draw(
        st.lists(st.sampled_from(SEPARATORS), min_size=len(paragraphs), max_size=len(paragraphs))
    )
    lead = draw(st.sampled_from(["", " ", "\n"]))
    return lead + "".join(p + s for p, s in zip(paragraphs, separators, strict=True))


limits = st.integers(min_value=20, max_value=400)


def boundaries(segments: list[Segment]) -> list[int]:
    return [s.start for s in segments[1:]]


@SETTINGS
@given(chapters(), limits, st.integers(min_value=1, max_value=400))
def test_exact_cover_within_limit_markers_kept_whole(
    text: str, max_chars: int, target: int
) -> None:
    target = min(target, max_chars)
    segments = segment_chapter(text, target_chars=target, max_chars=max_chars)
    assert "".join(s.text for s in segments) == text
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for a, b in itertools.pairwise(segments):
        assert a.end == b.start
    for s in segments:
        assert analyze(s.text, max_chars=max_chars).request_chars <= max_chars
        assert s.text == text[s.start : s.end]
        report = analyze(s.request_text)
        edge = {p.code for p in report.problems} & {MARKER_AT_START, MARKER_AT_END}
        assert not edge, (s.request_text, edge)
        assert s.billable_chars == (report.billable_chars if s.request_text else 0)
    for left, right in itertools.pairwise(segments):
        if OversizedSplit.HARD in (left.oversized_sentence, right.oversized_sentence):
            continue  # a hard cut may have no choice
        # No cut leaves a marker at a segment's edge: the marker stays between its two texts.
        assert MARKER_AT_END not in {p.code for p in analyze(left.text).problems}
        assert MARKER_AT_START not in {p.code for p in analyze(right.text).problems}
    cuts = set(boundaries(segments))
    for pause in analyze(text).pauses:
        assert not any(pause.start < c < pause.end for c in cuts)


@SETTINGS
@given(chapters(), limits, st.integers(min_value=1, max_value=400))
def test_cuts_only_at_sentence_ends_unless_flagged(text: str, max_chars: int, target: int) -> None:
    target = min(target, max_chars)
    segments = segment_chapter(text, target_chars=target, max_chars=max_chars)
    ends = set(sentence_breaks(text))
    for left, right in itertools.pairwise(segments):
        if left.end not in ends:
            assert left.oversized_sentence is not None
            assert right.oversized_sentence is not None


@SETTINGS
@given(chapters(markers=False), limits, st.integers(min_value=1, max_value=400))
def test_only_sentences_over_the_limit_are_cut(text: str, max_chars: int, target: int) -> None:
    target = min(target, max_chars)
    segments = segment_chapter(text, target_chars=target, max_chars=max_chars)
    ends = [0, *sentence_breaks(text), len(text)]
    for s in segments:
        if s.oversized_sentence is None:
            continue
        first = max(e for e in ends if e <= s.start)
        last = min(e for e in ends if e >= s.end)
        assert last - first > max_chars, "a sentence within the limit was cut"


@SETTINGS
@given(chapters(), limits, st.integers(min_value=1, max_value=400))
def test_deterministic(text: str, max_chars: int, target: int) -> None:
    target = min(target, max_chars)
    first = segment_chapter(text, target_chars=target, max_chars=max_chars)
    again = segment_chapter("".join(list(text)), target_chars=target, max_chars=max_chars)
    assert first == again
    assert len({s.id for s in first}) == len(first)


def anchor_ends(text: str, target: int) -> list[int]:
    """The offsets after anchor paragraphs, by the public rule (no markers: blocks = lines)."""
    return [e for s, e in paragraph_spans(text) if is_anchor(text[s:e], target)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(paragraphs_strategy(False, 40), min_size=2, max_size=14, unique=True),
    paragraphs_strategy(False, 40),
    st.data(),
    limits,
    st.integers(min_value=1, max_value=400),
)
def test_editing_a_paragraph_changes_only_its_runs(
    paragraphs: list[str],
    replacement: str,
    data: st.DataObject,
    max_chars: int,
    target: int,
) -> None:
    """Segments before the anchor preceding the edited paragraph, and after the first anchor
    following it, keep their text and ID (only shifted); the others may change."""
    target = min(target, max_chars)
    paragraphs = [p.strip() for p in paragraphs]
    replacement = replacement.strip()
    assume(len(set(paragraphs)) == len(paragraphs) and replacement not in paragraphs)
    index = data.draw(st.integers(min_value=0, max_value=len(paragraphs) - 1))
    old_text = "".join(p + "\n" for p in paragraphs)
    edited = [*paragraphs[:index], replacement, *paragraphs[index + 1 :]]
    new_text = "".join(p + "\n" for p in edited)
    start = sum(len(p) + 1 for p in paragraphs[:index])
    old_end = start + len(paragraphs[index]) + 1
    delta = len(replacement) - len(paragraphs[index])

    anchors = anchor_ends(old_text, target)
    before = max((e for e in anchors if e <= start), default=0)
    after = min((e for e in anchors if e > old_end), default=len(old_text))

    old = segment_chapter(old_text, target_chars=target, max_chars=max_chars)
    new = segment_chapter(new_text, target_chars=target, max_chars=max_chars)
    new_by_span = {(s.start, s.end): s for s in new}
    for s in old:
        if s.end <= before:
            kept = new_by_span.get((s.start, s.end))
        elif s.start >= after:
            kept = new_by_span.get((s.start + delta, s.end + delta))
        else:
            continue
        assert kept is not None, f"segment {s.start}-{s.end} moved (edit at {start})"
        assert kept.text == s.text
        assert kept.id.split("-")[0] == s.id.split("-")[0]
        if len({x.id.split("-")[0] for x in old + new}) == len({x.id for x in old + new}):
            assert kept.id == s.id  # no duplicate texts: the occurrence index is stable too


def test_real_limit_on_a_long_mixed_chapter() -> None:
    from tests.benchmarks.book_text import book_text

    text = book_text(200_000, seed=7)
    segments = segment_chapter(text)
    assert "".join(s.text for s in segments) == text
    assert max(analyze(s.text).request_chars for s in segments) <= MAX_REQUEST_CHARS
    assert all(s.oversized_sentence is None for s in segments)
    assert segments[-1].paragraph_end


def test_flag_values_are_the_documented_reasons() -> None:
    assert {m.value for m in OversizedSplit} == {"clause", "whitespace", "hard"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<#>0123.45 ab\n", max_size=80))
def test_the_marker_pattern_finds_exactly_the_pauses_of_analyze(text: str) -> None:
    from soundclone_desktop.core.book.segment import _MARKER

    assert [m.span() for m in _MARKER.finditer(text)] == [
        (p.start, p.end) for p in analyze(text).pauses
    ]
