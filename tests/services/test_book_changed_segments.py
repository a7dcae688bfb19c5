"""Which segments changed since they were rendered (the text layer of stale segments)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
from soundclone_desktop.core.book.pronunciation import Rule
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.services.book.changed_segments import changed_segments

TEXT = (
    "The river was low that summer. The boats stayed on the sand.\n\n"
    "Children walked across to the island. Their mothers watched from the bank.\n\n"
    "By morning the island was gone. Only the old willow showed above the water."
)
PRICES = PriceTable(production_per_10k=Decimal("10"), voice_fee=Decimal("0.5"))


def rendered_book(text: str = TEXT) -> tuple[Book, str]:
    params = dataclasses.replace(blank_params(), model_id="demo-voice")
    chapter = new_chapter("One", text)
    book = Book(title="River", settings=BookSettings(params=params, target_chars=70),
                chapters=(chapter,))  # fmt: skip
    for i, row in enumerate(book.rows(chapter.id)):
        take = Take(f"t{i}", None, f"audio/t{i}.wav", None, 1.0, 0.0, row.fingerprint,
                    row.billed.request_text)  # fmt: skip
        book = book.with_take(chapter.id, row.segment.id, take)
    return book, chapter.id


def spans(book: Book, chapter_id: str, text: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in changed_segments(book, chapter_id, text, PRICES)]


def segment_with(book: Book, chapter_id: str, text: str, word: str) -> tuple[int, int]:
    segments = book.with_chapter_text(chapter_id, text).segments(chapter_id)
    found = [s for s in segments if word in s.text]
    assert len(found) == 1
    return found[0].start, found[0].end


def test_nothing_changed_nothing_marked() -> None:
    book, chapter_id = rendered_book()
    assert len(book.segments(chapter_id)) == 3
    assert spans(book, chapter_id, TEXT) == []


def test_a_rule_marks_the_segments_whose_request_it_changes_with_their_cost() -> None:
    book, chapter_id = rendered_book()
    book = book.with_rules([Rule(id=1, find="willow", replace="willoh")])
    changed = changed_segments(book, chapter_id, TEXT, PRICES)
    assert [(c.start, c.end) for c in changed] == [segment_with(book, chapter_id, TEXT, "willow")]
    assert changed[0].cost is not None and changed[0].cost > Decimal("0.5")  # fee + characters


def test_an_edit_marks_the_segment_edited_and_nothing_else() -> None:
    book, chapter_id = rendered_book()
    edited = TEXT.replace("The boats stayed", "The boats lay")
    assert spans(book, chapter_id, edited) == [segment_with(book, chapter_id, edited, "boats")]


def test_a_new_paragraph_or_an_unrendered_chapter_is_only_not_rendered() -> None:
    book, chapter_id = rendered_book()
    added = TEXT + "\n\nA new paragraph that was never rendered at all, about herons."
    assert spans(book, chapter_id, added) == []
    # Beside an edit (whose old take waits as an orphan): still only the edit.
    both = added.replace("The boats stayed", "The boats lay")
    assert spans(book, chapter_id, both) == [segment_with(book, chapter_id, both, "boats")]
    fresh = Book(title="New", settings=book.settings, chapters=(new_chapter("One", TEXT),))
    assert spans(fresh, fresh.chapters[0].id, TEXT) == []
