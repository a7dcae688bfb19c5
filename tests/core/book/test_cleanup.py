"""Clean-up proposes changes the user can see and undo one by one; nothing silently dropped."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book.cleanup import (
    Change,
    CleanupRule,
    apply_changes,
    find_changes,
    revert_changes,
)

PDF_TEXT = (
    "THE LONG NIGHT 1\n\n"
    "It was a dark and stormy night; the rain fell in torrents, except at\n"
    "occasional intervals, when it was checked by a violent gust of wind, the exam-\n"
    "ple streets of the city were swept, rattling along the housetops, the well-\n"
    "known lamps struggling against the darkness of the night.[1]\n\n"
    "12\n\n"
    "THE LONG NIGHT 2\n\n"
    "The Anglo-\nSaxon room was 20 m² wide¹ and it rained.\n\n"
    "13\n\n"
    "THE LONG NIGHT 3\n\n"
    "“Yes, sir.”\n\n“Yes, sir.”\n\n“Yes, sir.”\n\n"
    "14\n"
)


def by_rule(text: str) -> dict[CleanupRule, list[tuple[str, str]]]:
    found: dict[CleanupRule, list[tuple[str, str]]] = {}
    for change in find_changes(text):
        found.setdefault(change.rule, []).append((change.before, change.after))
    return found


def test_pdf_converted_text() -> None:
    found = by_rule(PDF_TEXT)
    assert found[CleanupRule.PAGE_NUMBER] == [("12\n", ""), ("13\n", ""), ("14\n", "")]
    assert found[CleanupRule.RUNNING_HEADER] == [
        ("THE LONG NIGHT 1\n", ""),
        ("THE LONG NIGHT 2\n", ""),
        ("THE LONG NIGHT 3\n", ""),
    ]  # the repeated line of dialogue stays
    assert found[CleanupRule.HYPHENATION] == [("-\n", ""), ("\n", ""), ("\n", "")]
    assert found[CleanupRule.FOOTNOTE_MARKER] == [("[1]", ""), ("¹", "")]  # m² stays
    assert found[CleanupRule.LINE_WRAP] == [("\n", " ")]
    cleaned = apply_changes(PDF_TEXT, find_changes(PDF_TEXT))
    assert "except at occasional intervals" in cleaned
    assert "the example streets" in cleaned
    assert "the well-known lamps" in cleaned
    assert "Anglo-Saxon room was 20 m² wide and" in cleaned
    assert "THE LONG NIGHT" not in cleaned and "\n12\n" not in cleaned
    assert cleaned.count("“Yes, sir.”") == 3


def test_numbered_sections_far_apart_are_not_page_numbers() -> None:
    section = "A paragraph of a story that goes on. " * 150 + "\n\n"
    text = "".join(f"{n}\n\n{section}" for n in range(1, 5))
    assert not [c for c in find_changes(text) if c.rule is CleanupRule.PAGE_NUMBER]


def test_chinese_one_paragraph_per_line_is_not_joined() -> None:
    text = "".join(
        f"　　第{n}段，他说了很长很长很长很长很长很长很长很长的一段话。\n" for n in range(20)
    )
    text += "没有缩进的一段也是完整的一段很长很长很长很长很长很长很长很长的话。\n" * 5
    assert find_changes(text) == ()


def test_chinese_hard_wrap_joins_without_a_space() -> None:
    lines = [f"这是第{n}行被硬换行切开的中文文字它在每行的固定宽度处断开没有" for n in "一二三四"]
    text = f"{lines[0]}\n{lines[1]}\n{lines[2]}。\n\n{lines[3]}\n结束。\n"
    cleaned = apply_changes(text, find_changes(text))
    assert cleaned == f"{''.join(lines[:3])}。\n\n{lines[3]}结束。\n"


def test_headings_and_list_items_are_not_joined() -> None:
    long = "This line is long enough to look like a wrapped line of a paragraph"
    text = f"{long}\n- an item\n{long}\nChapter 2\n{long}\n{long}.\n"
    changes = find_changes(text, [CleanupRule.LINE_WRAP])
    assert apply_changes(text, changes) == f"{long}\n- an item\n{long}\nChapter 2\n{long} {long}.\n"


def test_any_subset_of_changes_applies_and_reverts() -> None:
    changes = find_changes(PDF_TEXT)
    rng = random.Random(7)
    for _ in range(50):
        subset = [c for c in changes if rng.random() < 0.5]
        cleaned = apply_changes(PDF_TEXT, subset)
        assert revert_changes(cleaned, subset) == PDF_TEXT


def test_a_change_that_does_not_match_is_refused() -> None:
    with pytest.raises(ValueError):
        apply_changes("abc", [Change(0, "x", "", CleanupRule.FOOTNOTE_MARKER)])
    with pytest.raises(ValueError):
        revert_changes("abc", [Change(0, "x", "y", CleanupRule.FOOTNOTE_MARKER)])


WORDS = st.sampled_from(
    [
        "word", "exam-", "ple", "well-", "known", "[1]", "¹", "²", "m²", "12", "- 3 -", "Page 4",
        "第5页", "HEADER 1", "HEADER 2", "Chapter 1", "　　段落", "。", ".", "”", "中文", "a" * 40,
        "-", "\f",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "", "  \n", "\t"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.one_of(WORDS, st.text(max_size=8)), SEPARATORS), max_size=80))
def test_applying_then_reverting_gives_the_original(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + separator for word, separator in parts)
    changes = find_changes(text)
    for a, b in itertools.pairwise(changes):
        assert a.end <= b.offset  # sorted, never overlapping
    for change in changes:
        assert text[change.offset : change.end] == change.before
        assert change.before  # every change removes or replaces something visible
    cleaned = apply_changes(text, changes)
    assert revert_changes(cleaned, changes) == text
    half = changes[::2]
    assert revert_changes(apply_changes(text, half), half) == text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab-\n \u3000中文²³¹[]^1２［］〔〕_9Xm", max_size=40))
def test_fast_scans_find_what_the_rule_patterns_find(text: str) -> None:
    """The hyphenation and footnote scans avoid regexes that hold the GIL for a quarter of a
    second per million CJK characters; they must still find exactly the patterns' matches."""
    from soundclone_desktop.core.book import cleanup

    hyphens = [(m.group(1), m.end(1), m.group(2)) for m in cleanup._HYPHEN_BREAK.finditer(text)]
    assert list(cleanup._hyphen_breaks(text)) == hyphens
    notes = [(m.start(), m.group(0)) for m in cleanup._FOOTNOTE.finditer(text)]
    assert list(cleanup._footnote_matches(text)) == notes
