"""The stitch plan (which gap after which take) and estimated captions: pure rules."""

from __future__ import annotations

import time

import pytest

from soundclone_desktop.core.book.chapter_captions import estimate_cues
from soundclone_desktop.core.book.model import Book, BookSettings, Chapter, Gaps
from soundclone_desktop.core.book.stitch_plan import plan_stitch
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.params import ProductionParams

GAPS = Gaps(between_segments=0.2, between_paragraphs=0.6, after_title=1.5, chapter_head=1.0,
            chapter_tail=2.0)  # fmt: skip


def rendered(title: str, text: str, target_chars: int = 4) -> Book:
    """A one-chapter book whose every segment has a current chosen take."""
    settings = BookSettings(
        params=ProductionParams(model_id="voice-1", text=""), target_chars=target_chars, gaps=GAPS
    )
    book = Book(title="B", settings=settings, chapters=(Chapter("c", title, text),))
    for n, row in enumerate(book.rows("c")):
        if row.segment.needs_task:
            take = Take(f"t{n}", None, f"audio/t{n}.mp3", None, 1.0, time.time(),
                        row.fingerprint, row.segment.request_text)  # fmt: skip
            book = book.with_take("c", row.segment.id, take)
    return book


def gaps(book: Book) -> list[float]:
    return [part.gap_after_s for part in plan_stitch(book, "c").parts]


def test_a_chinese_heading_alone_gets_the_title_gap_then_segment_and_paragraph_gaps() -> None:
    book = rendered("重逢", "第一章 重逢\n\n他回来了。她没有说话。\n\n天亮了。\n")
    assert gaps(book) == [1.5, 0.2, 0.6, 2.0]
    plan = plan_stitch(book, "c")
    assert (plan.head_s, plan.tail_s, plan.ready) == (1.0, 2.0, True)


@pytest.mark.parametrize("first_line", ["THE BEGINNING.", "The  Beginning：", "the beginning"])
def test_a_first_line_equal_to_the_title_is_a_heading(first_line: str) -> None:
    book = rendered("The Beginning", f"{first_line}\n\nIt was late. Nobody came.\n")
    assert gaps(book)[0] == 1.5


def test_a_first_paragraph_that_is_not_a_heading_gets_the_paragraph_gap() -> None:
    book = rendered("The Beginning", "It was late.\n\nNobody came.\n")
    assert gaps(book) == [0.6, 2.0]


def test_a_heading_packed_with_the_text_after_it_adds_no_gap_inside_the_take() -> None:
    book = rendered("Chapter One", "Chapter One\n\nIt was late. Nobody came.\n", target_chars=3000)
    assert gaps(book) == [2.0]  # one take: the narrator's own pause after the heading stays


def test_a_segment_without_a_current_take_is_missing() -> None:
    book = rendered("T", "Chapter One\n\nIt was late.\n")
    segment = book.segments("c")[1]
    book = book.with_chosen("c", segment.id, None)
    plan = plan_stitch(book, "c")
    assert plan.missing == (segment,)
    assert not plan.ready


def test_estimated_cues_share_the_time_by_speaking_length_and_name_their_sentences() -> None:
    text = "Hi there. 你好。 Wait <#1.5#> now.\n"
    cues = estimate_cues(text, 100, 1000.0, 5000.0)
    assert [c.cue.text for c in cues] == ["Hi there.", "你好。", "Wait now."]
    assert [text[c.span.start - 100 : c.span.end - 100] for c in cues if c.span] == [
        "Hi there.", "你好。", "Wait <#1.5#> now.",
    ]  # fmt: skip
    # 7 letters × 0.06 = 0.42 s; 2 CJK × 0.2 = 0.4 s; 7 letters + the 1.5 s pause = 1.92 s.
    total = 0.42 + 0.4 + 1.92
    assert cues[0].cue.start_ms == 1000.0
    assert cues[0].cue.end_ms == pytest.approx(1000 + 4000 * 0.42 / total)
    assert cues[1].cue.end_ms == pytest.approx(1000 + 4000 * 0.82 / total)
    assert cues[2].cue.end_ms == 5000.0
    assert all(c.estimated for c in cues)
