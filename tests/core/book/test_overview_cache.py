"""The overview cache gives exactly what a full ``book_overview`` gives, after any change,
while computing only the chapters that changed (a render adopting one take recomputed the
whole book before, in a worker holding the GIL)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, blank_params
from soundclone_desktop.core.book.overview import book_overview, estimate_chapters
from soundclone_desktop.core.book.overview_cache import OverviewCache
from soundclone_desktop.core.book.pronunciation import Rule
from soundclone_desktop.core.book.takes import Take, TaskMark, TaskPhase
from soundclone_desktop.core.pricing import PriceTable

PRICES = PriceTable(production_per_10k=Decimal("3"), voice_fee=Decimal("0.25"))


def _book(chapters: int = 6) -> Book:
    params = dataclasses.replace(blank_params(), model_id="voice-fake")
    text = "\n\n".join(f"Paragraph {n} says a sentence of its own here." for n in range(5))
    return Book(
        title="Cached",
        settings=BookSettings(params=params, target_chars=40),
        chapters=tuple(
            Chapter(f"ch{c}", f"Chapter {c}", text + f" End {c}.") for c in range(chapters)
        ),
    )


def _take(book: Book, chapter_id: str, index: int, take_id: str) -> tuple[str, Take]:
    row = book.rows(chapter_id)[index]
    take = Take(take_id, None, f"audio/{take_id}.mp3", None, 2.5, 1.0, row.fingerprint,
                row.billed.request_text)  # fmt: skip
    return row.segment.id, take


def _same(cache: OverviewCache, book: Book, selected: list[str] | None = None) -> None:
    expected = book_overview(book, PRICES)
    got = cache.overview(book, PRICES)
    assert got == expected
    if selected:
        assert cache.estimate(book, PRICES, selected, got.rendered) == estimate_chapters(
            book, PRICES, selected, expected.rendered
        )


def test_the_cache_equals_a_full_overview_through_every_kind_of_change() -> None:
    cache = OverviewCache()
    book = _book()
    _same(cache, book)
    segment_id, take = _take(book, "ch2", 1, "t1")
    book = book.with_take("ch2", segment_id, take)
    _same(cache, book, ["ch2", "ch3"])
    seg0 = book.rows("ch4")[0].segment.id
    book = book.with_task("ch4", seg0, TaskMark("job-1", TaskPhase.RENDERING))
    _same(cache, book)
    book = book.with_chapter_text("ch1", "A new text. Quite different from before.")
    _same(cache, book)
    book = book.with_chapter("ch3", title="Renamed", excluded=True)
    _same(cache, book, ["ch1", "ch3", "ch5"])
    book = book.with_order([c.id for c in reversed(book.chapters)])
    _same(cache, book)
    book = book.with_settings(dataclasses.replace(book.settings, target_chars=400))
    _same(cache, book)
    book = book.with_rules([Rule(1, "Paragraph", "Para", regex=False)])
    _same(cache, book)
    book = book.with_chapter_removed("ch0")
    _same(cache, book)


def test_a_take_adopted_recomputes_only_its_chapter() -> None:
    cache = OverviewCache()
    book = _book(chapters=10)
    cache.overview(book, PRICES)
    assert cache.computed == 10
    segment_id, take = _take(book, "ch7", 0, "t1")
    book = book.with_take("ch7", segment_id, take)
    cache.overview(book, PRICES)
    assert cache.computed == 11
    cache.overview(book, PRICES)  # nothing changed
    assert cache.computed == 11
    book = book.with_chapter("ch2", title="Another title")
    cache.overview(book, PRICES)
    assert cache.computed == 12
