"""Sentence, paragraph and clause boundaries on hand-checked examples."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.book.sentences import (
    clause_breaks,
    paragraph_spans,
    sentence_spans,
    whitespace_breaks,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_chinese_terminators_and_closing_quotes() -> None:
    text = "他说：“你好。”然后走了！真的吗？！……我不知道……好吧。「走吧。」最后"
    assert sentences(text) == [
        "他说：“你好。”",
        "然后走了！",
        "真的吗？！……",
        "我不知道……",
        "好吧。",
        "「走吧。」",
        "最后",
    ]


def test_english_abbreviations_initials_and_decimals() -> None:
    text = (
        "Mr. Smith met Dr. Watson on Baker St. near No. 5 at 5 p.m. Then they left. "
        "It cost 3.14 dollars, e.g. a coffee, i.e. cheap. J. R. R. Tolkien agreed vs. "
        "nobody. Apples, pears, etc. and more. Apples, pears, etc. The end."
    )
    assert sentences(text) == [
        "Mr. Smith met Dr. Watson on Baker St. near No. 5 at 5 p.m. ",
        "Then they left. ",
        "It cost 3.14 dollars, e.g. a coffee, i.e. cheap. ",
        "J. R. R. Tolkien agreed vs. nobody. ",
        "Apples, pears, etc. and more. ",
        "Apples, pears, etc. ",
        "The end.",
    ]


def test_ellipses_questions_and_lower_case_continuations() -> None:
    text = 'Wait... what? "Go!" she said. "Why?" He left... Really?! Yes. Approx. five.'
    assert sentences(text) == [
        "Wait... what? ",
        '"Go!" she said. ',
        '"Why?" ',
        "He left... ",
        "Really?! ",
        "Yes. ",
        "Approx. five.",
    ]


def test_links_addresses_and_markers_are_not_split() -> None:
    text = "See https://example.com/a.b?c=1 now. Mail a.b@c.com today. Wait<#1.5#>here. Ok."
    assert sentences(text) == [
        "See https://example.com/a.b?c=1 now. ",
        "Mail a.b@c.com today. ",
        "Wait<#1.5#>here. ",
        "Ok.",
    ]


def test_mixed_chinese_and_english() -> None:
    text = "我们用了 iPhone 15. 然后呢？It works.好的。Version 2.0 is out!对吧"
    assert sentences(text) == [
        "我们用了 iPhone 15. ",
        "然后呢？",
        "It works.",
        "好的。",
        "Version 2.0 is out!",
        "对吧",
    ]


def test_paragraphs_own_their_trailing_whitespace() -> None:
    text = "  First line\n\n\u3000\u3000第二段。第二句\r\nThird"
    assert [text[a:b] for a, b in paragraph_spans(text)] == [
        "  First line\n\n\u3000\u3000",
        "第二段。第二句\r\n",
        "Third",
    ]
    # A line break always ends a sentence, even without punctuation (a heading).
    assert sentences(text) == ["  First line\n\n\u3000\u3000", "第二段。", "第二句\r\n", "Third"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", [(0, 3)]),
        ("\n\nA.", [(0, 4)]),
        ("A.\n\n", [(0, 4)]),
    ],
)
def test_edges(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraph_spans(text) == expected
    assert sentence_spans(text) == expected


def test_clause_breaks_skip_numbers_links_and_markers() -> None:
    text = "一，二；三：四、五, six,seven 1,000 10:30 <#1，#> http://a.com, x"
    cuts = clause_breaks(text)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert pieces == [
        "一，",
        "二；",
        "三：",
        "四、",
        "五, ",
        "six,seven 1,000 10:30 <#1，#> http://a.com, ",
        "x",
    ]


def test_whitespace_breaks_skip_malformed_markers() -> None:
    text = "a b <# 1 #> c"
    assert whitespace_breaks(text) == [2, 4, 12]


ALPHABET = "ab A。！？….!?，,;: \n\r\u3000”\"'<#1>@/"


@given(st.text(alphabet=ALPHABET, max_size=200))
def test_spans_cover_the_text_exactly(text: str) -> None:
    for spans in (paragraph_spans(text), sentence_spans(text)):
        assert "".join(text[a:b] for a, b in spans) == text
        assert all(a < b for a, b in spans)
        assert all(x[1] == y[0] for x, y in itertools.pairwise(spans))
    # Sentences never cross a paragraph end.
    sentence_ends = {b for _, b in sentence_spans(text)}
    assert {b for _, b in paragraph_spans(text)} <= sentence_ends


@given(st.text(alphabet=ALPHABET, max_size=100), st.text(alphabet=ALPHABET, max_size=100))
def test_a_paragraph_before_moves_nothing(before: str, text: str) -> None:
    """Sentence ends are local: text after a paragraph break splits as it does alone."""
    text = text.lstrip()
    prefix = before.replace("\r", "").replace("\n", "") + "x\n"
    shifted = [(a + len(prefix), b + len(prefix)) for a, b in sentence_spans(text)]
    assert sentence_spans(prefix + text)[-len(shifted) or len(prefix) + 1 :] == shifted
