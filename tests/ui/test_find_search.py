"""The find bar's matching rules (ui/edit/search.py), without widgets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.ui.edit.search import (
    Found,
    Query,
    SearchError,
    check_template,
    compile_query,
    find_all,
    replace_plan,
)

TEXT = "Anna met ANNA. Annabel said: anna? (a+b) costs 3.50 <#0.5#>"


def spans(query: Query, text: str = TEXT) -> list[str]:
    return [text[f.start : f.end] for f in find_all(text, compile_query(query))]


def test_plain_text_ignores_case_unless_asked() -> None:
    assert spans(Query("anna")) == ["Anna", "ANNA", "Anna", "anna"]
    assert spans(Query("anna", case_sensitive=True)) == ["anna"]


def test_whole_words_leave_longer_words_alone_even_around_punctuation() -> None:
    assert spans(Query("anna", whole_words=True)) == ["Anna", "ANNA", "anna"]
    assert spans(Query("(a+b)", whole_words=True)) == ["(a+b)"]  # no \b before "("


def test_plain_text_is_literal_and_a_regex_is_a_regex() -> None:
    assert spans(Query("(a+b)")) == ["(a+b)"]
    assert spans(Query("3.50")) == ["3.50"]
    assert spans(Query(r"<#[\d.]+#>", regex=True)) == ["<#0.5#>"]
    assert spans(Query(r"^anna", regex=True)) == ["Anna"]  # ^ at line starts only


def test_a_bad_regex_says_why() -> None:
    with pytest.raises(SearchError, match="missing"):
        compile_query(Query("(unclosed", regex=True))
    assert compile_query(Query("")) is None
    assert find_all(TEXT, None) == []


def test_empty_matches_are_skipped() -> None:
    assert spans(Query("x*", regex=True)) == []
    assert spans(Query("n*", regex=True)) == ["nn", "NN", "nn", "nn"]


def test_replacing_expands_groups_for_a_regex_only() -> None:
    pattern = compile_query(Query(r"(\w+)@(\w+)", regex=True))
    assert pattern is not None
    plan = replace_plan("a@b c@d", pattern, r"\2@\1", regex=True)
    assert plan == [(Found(0, 3), "b@a"), (Found(4, 7), "d@c")]
    literal = compile_query(Query("a@b"))
    assert literal is not None
    assert replace_plan("a@b", literal, r"\2", regex=False) == [(Found(0, 3), r"\2")]


def test_a_replacement_naming_a_missing_group_is_refused_before_anything_changes() -> None:
    pattern = compile_query(Query(r"(\w+)", regex=True))
    assert pattern is not None
    with pytest.raises(SearchError):
        check_template(pattern, r"\3")
    check_template(pattern, r"<\1>")  # fine


@given(st.text(alphabet="aAb ßé😀\n.", max_size=40), st.text(alphabet="aAb😀.", max_size=3))
def test_plain_search_finds_what_python_finds(text: str, needle: str) -> None:
    found = find_all(text, compile_query(Query(needle, case_sensitive=True)))
    expected = [m.span() for m in re.finditer(re.escape(needle), text)] if needle else []
    assert [(f.start, f.end) for f in found] == [s for s in expected if s[1] > s[0]]
