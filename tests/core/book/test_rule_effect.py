"""What a rules change does before it is made: places, stale segments, the sentence a rule
is tried on."""

from __future__ import annotations

import dataclasses

from soundclone_desktop.core.book.model import Book, BookSettings, new_chapter
from soundclone_desktop.core.book.pronunciation import Rule
from soundclone_desktop.core.book.rule_effect import rule_effect, sentence_for_rule
from soundclone_desktop.core.book.takes import Take

TEXT = "银行行长今天来了。\n\n他说行长的会议改到明天。\n\n大家都同意了。"


def rendered_book() -> Book:
    book = Book(
        title="b", settings=BookSettings(target_chars=10), chapters=(new_chapter("一", TEXT),)
    )
    chapter = book.chapters[0]
    for n, row in enumerate(book.rows(chapter.id)):
        take = Take(id=f"t{n}", task_local_id=None, audio_path=f"a{n}.wav", subtitle_path=None,
                    duration=1.0, created_at=1.0, fingerprint=row.fingerprint,
                    request_text=row.segment.request_text)  # fmt: skip
        book = book.with_take(chapter.id, row.segment.id, take)
    return book


def test_a_rule_counts_its_places_and_the_segments_it_would_make_stale() -> None:
    book = rendered_book()
    rule = Rule(0, "行长", "航长")
    effect = rule_effect(book, rule, [rule])
    assert (effect.places, effect.stale_now, effect.stale_after) == (2, 0, 2)
    off = dataclasses.replace(rule, enabled=False)
    assert rule_effect(book, off, [off]).stale_after == 0  # an off rule changes nothing sent
    assert rule_effect(book, off, [off]).places == 2  # … but it is shown where it would


def test_the_sentence_a_rule_is_tried_on() -> None:
    rule = Rule(0, "行长", "航长")
    second = TEXT.index("他说")
    assert sentence_for_rule(TEXT, rule, None, near=TEXT.index("会议")) == (
        second, TEXT.index("明天。") + 3
    )  # fmt: skip
    assert sentence_for_rule(TEXT, rule, None, near=TEXT.index("大家")) == (0, 9)
    assert sentence_for_rule(TEXT, Rule(0, "不在", "x"), None) is None
