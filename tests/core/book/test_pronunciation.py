"""Pronunciation rules (issue 15): what is sent instead of a word, and the map from the sent
text back to the text as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.book.pronunciation import (
    Rule,
    RuleError,
    align_to_written,
    apply_rules,
)
from soundclone_desktop.core.script import MARKER_SHAPED
from soundclone_desktop.core.subtitles import Cue, Subtitles


def test_a_literal_rule_replaces_whole_latin_words_and_cjk_anywhere() -> None:
    rules = [Rule(1, "LV", "Level"), Rule(2, "行长", "航长")]
    text = "LV LVL xLV 用LV的 银行行长说，LV."
    applied = apply_rules(text, rules)
    assert applied.sent == "Level LVL xLV 用Level的 银行航长说，Level."
    starts = [0, text.index("用LV") + 1, text.index("行长"), text.rindex("LV")]
    assert [s for s, _, _ in applied.spans] == starts
    assert [text[s:e] for s, e, _ in applied.spans] == ["LV", "LV", "行长", "LV"]


def test_rules_are_never_applied_inside_pause_markers() -> None:
    rules = [Rule(1, "0.5", "half"), Rule(2, r"\d", "N", regex=True), Rule(3, "#", "sharp")]
    applied = apply_rules("a 0.5 <#0.5#> b 7 <#x#>", rules)
    assert applied.sent == "a half <#0.5#> b N <#x#>"


def test_an_earlier_rule_wins_an_overlap_then_the_leftmost_match() -> None:
    text = "行长长"
    assert apply_rules(text, [Rule(1, "长", "X"), Rule(2, "行长", "Y")]).sent == "行XX"
    assert apply_rules(text, [Rule(2, "行长", "Y"), Rule(1, "长", "X")]).sent == "YX"
    assert apply_rules("aaa", [Rule(1, "aa", "b", regex=True)]).sent == "ba"


def test_scope_and_switch() -> None:
    rules = [Rule(1, "LV", "Level", chapter_id="c2"), Rule(2, "HP", "health", enabled=False)]
    assert apply_rules("LV HP", rules, "c1").sent == "LV HP"
    assert apply_rules("LV HP", rules, "c2").sent == "Level HP"


def test_a_regex_rule_may_use_its_groups() -> None:
    rule = Rule(1, r"(\d+)kg\b", r"\1 kilograms", regex=True)
    assert apply_rules("5kg and 12kg", [rule]).sent == "5 kilograms and 12 kilograms"


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"find": "(", "regex": True}, "find", "not a valid regular expression"),
        ({"find": "a*", "regex": True}, "find", "matches empty text"),
        ({"find": "(a)", "replace": r"\2", "regex": True}, "replace", "not a valid replacement"),
        ({"find": ""}, "find", "must not be empty"),
        ({"find": " LV"}, "find", "space"),
        ({"find": "x", "replace": "a <#0.5#> b"}, "replace", "pause marker"),
    ],
)
def test_a_bad_rule_is_refused_with_a_message_naming_the_field(
    kwargs: dict[str, object], field: str, words: str
) -> None:
    values: dict[str, object] = {"id": 1, "find": "x", "replace": "y", **kwargs}
    with pytest.raises(RuleError) as caught:
        Rule(**values)  # type: ignore[arg-type]
    assert caught.value.field == field and str(caught.value).startswith(f"{field}: ")
    assert words in str(caught.value)


def test_captions_of_the_sent_text_land_on_the_text_as_written() -> None:
    written = "LV is up. 银行行长说话。"
    applied = apply_rules(written, [Rule(1, "行长", "航长"), Rule(2, "LV", "Level")])
    assert applied.sent == "Level is up. 银行航长说话。"
    captions = Subtitles((Cue("Level is up.", 0, 900), Cue("银行航长说话。", 900, 1800)))
    first, second = align_to_written(captions, applied)
    assert first.cue is not None and second.cue is not None
    assert written[first.cue.start : first.cue.end] == "LV is up."
    assert written[second.cue.start : second.cue.end] == "银行行长说话。"


# -- properties -----------------------------------------------------------------------------

PIECES = ["行长", "行", "长", "LV", "LVL", "a", "x1", " ", "。", "<#0.5#>", "<#2#>", "<#", "#>"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
finds = st.sampled_from(["行长", "长", "LV", "a", "LVL", "x1", "0.5", "#"])
literal_rules = st.builds(
    lambda find, replace, i: Rule(i, find, replace),
    finds,
    st.sampled_from(["航长", "Level", "", "Z", "很长的替换"]),
    st.integers(1, 10_000),
)
regex_rules = st.builds(
    lambda find, replace, i: Rule(i, find, replace, regex=True),
    st.sampled_from([r"L+V?", r"\d", r"[行长]+", r"a|x1"]),
    st.sampled_from(["R", "", "航"]),
    st.integers(1, 10_000),
)
rule_lists = st.lists(st.one_of(literal_rules, regex_rules), max_size=5, unique_by=lambda r: r.id)


@given(texts, rule_lists)
def test_text_outside_the_matches_is_sent_unchanged(text: str, rules: list[Rule]) -> None:
    applied = apply_rules(text, rules)
    written_cursor = sent_cursor = 0
    for r in applied.replacements:
        assert r.start >= written_cursor and r.end > r.start
        assert text[written_cursor : r.start] == applied.sent[sent_cursor : r.sent_start]
        assert applied.sent[r.sent_start : r.sent_end] == r.text
        written_cursor, sent_cursor = r.end, r.sent_end
    assert text[written_cursor:] == applied.sent[sent_cursor:]


@given(texts, rule_lists)
def test_pause_markers_are_never_touched(text: str, rules: list[Rule]) -> None:
    applied = apply_rules(text, rules)
    markers = [(m.start(), m.end()) for m in MARKER_SHAPED.finditer(text)]
    for r in applied.replacements:
        assert not any(r.start < end and start < r.end for start, end in markers)
    assert [m.group() for m in MARKER_SHAPED.finditer(applied.sent)] == [
        text[a:b] for a, b in markers
    ]
    for start, end in markers:
        at = applied.to_sent(start)
        assert applied.sent[at : at + end - start] == text[start:end]


@given(texts, rule_lists)
def test_the_offset_map_round_trips(text: str, rules: list[Rule]) -> None:
    applied = apply_rules(text, rules)
    inside = {p for r in applied.replacements for p in range(r.start + 1, r.end)}
    # Where words were replaced by nothing, the sent position before and after them is one.
    deleted_starts = {r.start for r in applied.replacements if not r.text}
    deleted_ends = {r.end for r in applied.replacements if not r.text}
    for position in range(len(text) + 1):
        if position in inside:
            continue
        sent = applied.to_sent(position)
        first, last = applied.to_written(sent), applied.to_written(sent, end=True)
        assert first <= position <= last
        if position not in deleted_ends:
            assert first == position
        if position not in deleted_starts:
            assert last == position
    deleted = {p for r in applied.replacements if not r.text for p in range(r.start, r.end)}
    for r in applied.replacements:  # a caption of a replacement covers the word it replaced
        if r.text:
            inner = [(r.sent_start, r.sent_end)]
            if len(r.text) > 1:
                inner.append((r.sent_start + 1, r.sent_end))
            for span in inner:
                a, b = applied.span_to_written(*span)
                # ... and at most the words replaced by nothing right before or after it
                assert a <= r.start and b >= r.end
                assert all(p in deleted for p in [*range(a, r.start), *range(r.end, b)])
    for start in range(len(applied.sent) + 1):
        for end in range(start, len(applied.sent) + 1):
            a, b = applied.span_to_written(start, end)
            assert 0 <= a <= b <= len(text)


@given(texts, rule_lists)
def test_each_replacement_is_its_rule_on_the_text_as_written(text: str, rules: list[Rule]) -> None:
    applied = apply_rules(text, rules)
    by_id = {r.id: r for r in rules}
    for r in applied.replacements:
        rule = by_id[r.rule_id]
        if not rule.regex:
            assert text[r.start : r.end] == rule.find and r.text == rule.replace
    assert apply_rules(text, rules) == applied  # deterministic
