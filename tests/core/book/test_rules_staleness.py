"""A pronunciation rule marks exactly the segments whose sent text it changes as stale."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from itertools import count

from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.overview import estimate_chapters
from soundclone_desktop.core.book.pronunciation import Rule
from soundclone_desktop.core.book.takes import RenderStatus, Take
from soundclone_desktop.core.pricing import PriceTable

PARAGRAPHS = [
    "银行行长今天来了。",
    "天气很好，我们去公园散步。",
    "行长说利率不变。",
    "他走得很慢。",
]


def rendered_book() -> Book:
    params = dataclasses.replace(blank_params(), model_id="voice-1")
    settings = BookSettings(params=params, target_chars=5)  # one segment per paragraph
    chapters = tuple(
        Chapter(f"c{n}", f"第{n}章", "\n\n".join(f"第{n}段{p}" for p in PARAGRAPHS))
        for n in (1, 2, 3)
    )
    book = Book("书", settings=settings, chapters=chapters)
    ids = count()
    for chapter in book.chapters:
        for row in book.rows(chapter.id):
            take = Take(
                f"t{next(ids)}", None, "a.wav", None, 1.0, 0.0, row.fingerprint,
                row.params.text,
            )  # fmt: skip
            book = book.with_take(chapter.id, row.segment.id, take)
    return book


def stale(book: Book) -> set[tuple[str, str]]:
    return {
        (chapter.id, row.segment.text.strip())
        for chapter in book.chapters
        for row in book.rows(chapter.id)
        if row.status.kind is RenderStatus.STALE
    }


def test_a_rule_makes_exactly_the_segments_containing_its_word_stale() -> None:
    book = rendered_book()
    assert len(book.rows("c1")) == 4 and not stale(book)
    ruled = book.with_rules([Rule(1, "行长", "航长")])
    expected = {
        (c.id, row.segment.text.strip())
        for c in book.chapters
        for row in book.rows(c.id)
        if "行长" in row.segment.text
    }
    assert len(expected) == 6  # two paragraphs of each of three chapters
    assert stale(ruled) == expected
    for chapter in ruled.chapters:  # the text as written keeps 行长; the request has 航长
        assert chapter.text.count("行长") == 2
        sent = [row.params.text for row in ruled.rows(chapter.id)]
        assert not any("行长" in text for text in sent) and sum("航长" in t for t in sent) == 2


def test_a_chapter_rule_a_disabled_rule_and_a_rule_that_changes_nothing() -> None:
    book = rendered_book()
    assert {c for c, _ in stale(book.with_rules([Rule(1, "行长", "航长", chapter_id="c2")]))} == {
        "c2"
    }
    assert not stale(book.with_rules([Rule(1, "行长", "航长", enabled=False)]))
    assert not stale(book.with_rules([Rule(1, "不存在", "x")]))
    # Removing the rule again: the takes are current again (nothing was thrown away).
    assert not stale(book.with_rules([Rule(1, "行长", "航长")]).with_rules([]))


def test_billable_characters_are_those_sent() -> None:
    book = rendered_book().with_rules([Rule(1, "行长", "行政长官")])
    row = next(r for r in book.rows("c1") if "行长" in r.segment.text)
    assert row.billed.billable_chars == row.segment.billable_chars + 2
    assert row.billed.id == row.segment.id  # the segment keeps its identity (and takes)


def test_the_book_estimate_counts_the_characters_sent() -> None:
    prices = PriceTable(production_per_10k=Decimal(20), voice_fee=Decimal("0.5"))
    book = rendered_book()
    before = estimate_chapters(book, prices, None, frozenset()).total.billable_chars
    after = estimate_chapters(
        book.with_rules([Rule(1, "行长", "行政长官")]), prices, None, frozenset()
    ).total.billable_chars
    assert after == before + 2 * 6  # six occurrences, two characters longer each
