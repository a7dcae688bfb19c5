"""The book model: effective settings, derived status, takes kept across re-segmentation."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from soundclone_desktop.core.book.model import (
    Book,
    BookSettings,
    ChapterOverrides,
    Gaps,
    blank_params,
    effective_params,
    new_chapter,
)
from soundclone_desktop.core.book.takes import (
    RenderStatus,
    SegmentState,
    Take,
    TaskMark,
    TaskPhase,
    fingerprint,
    segment_status,
)
from soundclone_desktop.core.params import ProductionParams, SubtitleType

PARAS = [f"Paragraph number {i} says something worth hearing." for i in range(6)]
TEXT = "\n".join(PARAS) + "\n"


def settings(**changes: object) -> BookSettings:
    params = dataclasses.replace(blank_params(), model_id="voice-book", emotion="happy")
    return BookSettings(params, target_chars=10, **changes)  # type: ignore[arg-type]


def book_of(text: str = TEXT) -> Book:
    return Book("A book", chapters=(new_chapter("One", text),), settings=settings())


_counter = iter(range(10**6))


def take_for(book: Book, chapter_id: str, index: int, **changes: object) -> tuple[str, Take]:
    row = book.rows(chapter_id)[index]
    take = Take(
        id=f"take-{next(_counter)}",
        task_local_id="local-1",
        audio_path="audio/x.mp3",
        subtitle_path=None,
        duration=2.5,
        created_at=1000.0 + next(_counter),
        fingerprint=row.fingerprint,
        request_text=row.segment.request_text,
    )
    return row.segment.id, dataclasses.replace(take, **changes)  # type: ignore[arg-type]


# -- effective settings -----------------------------------------------------------------------


def test_no_overrides_gives_the_book_settings() -> None:
    s = settings()
    assert effective_params(s, ChapterOverrides()) == s.params


def test_a_chapter_overrides_voice_and_emotion_and_keeps_the_rest() -> None:
    s = settings()
    s = dataclasses.replace(s, params=dataclasses.replace(s.params, speed=1.2, pitch=2))
    overrides = ChapterOverrides.of("voice-foreword", emotion="sad")
    result = effective_params(s, overrides)
    assert result.model_id == "voice-foreword"
    assert result.emotion == "sad"
    assert (result.speed, result.pitch, result.version) == (1.2, 2, s.params.version)
    assert result.text == ""


def test_an_override_back_to_a_default_value_wins_over_the_book() -> None:
    s = settings()  # the book is happy
    assert effective_params(s, ChapterOverrides.of(emotion="neutral")).emotion == "neutral"


def test_overrides_reject_unknown_and_text_fields() -> None:
    with pytest.raises(ValueError):
        ChapterOverrides.of(text="x")
    with pytest.raises(ValueError):
        ChapterOverrides.of(colour="blue")


def test_overrides_are_equal_whatever_the_order_given() -> None:
    a = ChapterOverrides(None, (("speed", 1.1), ("emotion", "sad")))
    b = ChapterOverrides.of(emotion="sad", speed=1.1)
    assert a == b and ChapterOverrides.of("  ").voice_id is None


def test_settings_validate_their_values() -> None:
    with pytest.raises(ValueError):
        BookSettings(ProductionParams(model_id="", text="spoken"))
    with pytest.raises(ValueError):
        BookSettings(target_chars=0)
    with pytest.raises(ValueError):
        BookSettings(budget=Decimal(-1))
    with pytest.raises(ValueError):
        Gaps(between_paragraphs=-0.1)
    assert Gaps() == Gaps(0.3, 0.6, 1.5, 1.0, 2.0)


def test_the_voice_is_the_params_model_id() -> None:
    s = BookSettings()
    assert s.voice_id is None
    assert s.with_voice("v-1").voice_id == "v-1" == s.with_voice("v-1").params.model_id


# -- fingerprint and status ---------------------------------------------------------------------


def test_fingerprint_depends_on_text_voice_and_every_parameter() -> None:
    base = ProductionParams(model_id="v", text="Hello.")
    prints = {fingerprint(base)}
    for change in (
        {"text": "Hello!"},
        {"model_id": "w"},
        {"emotion": "sad"},
        {"speed": 1.5},
        {"vol": 2.0},
        {"pitch": 3},
        {"version": "v1"},
        {"language": "English"},
        {"subtitles": True},
        {"subtitle_type": SubtitleType.WORD},
    ):
        prints.add(fingerprint(dataclasses.replace(base, **change)))  # type: ignore[arg-type]
    assert len(prints) == 11


def test_fingerprint_compares_numbers_and_normal_forms_by_value() -> None:
    a = ProductionParams(model_id="v", text="Cafe\u0301", speed=1, pitch=0)
    b = ProductionParams(model_id=" v ", text="Café", speed=1.0, pitch=0)
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    ("task", "chosen_print", "expected"),
    [
        (None, None, RenderStatus.NOT_RENDERED),
        (TaskPhase.QUEUED, None, RenderStatus.QUEUED),
        (TaskPhase.RENDERING, "now", RenderStatus.RENDERING),
        (None, "now", RenderStatus.RENDERED),
        (None, "old", RenderStatus.STALE),
        (TaskPhase.FAILED, None, RenderStatus.FAILED),
        (TaskPhase.FAILED, "old", RenderStatus.FAILED),
        (TaskPhase.FAILED, "now", RenderStatus.RENDERED),
    ],
)
def test_segment_status(
    task: TaskPhase | None, chosen_print: str | None, expected: RenderStatus
) -> None:
    takes = ()
    if chosen_print is not None:
        takes = (Take("t", None, "a.mp3", None, 1.0, 1.0, chosen_print, "x", chosen=True),)
    mark = None if task is None else TaskMark("l", task, "refused" if task else None)
    status = segment_status(SegmentState(takes, mark), "now")
    assert status.kind is expected
    assert (status.reason == "refused") == (expected is RenderStatus.FAILED)


def test_a_take_goes_stale_when_the_book_or_chapter_params_change() -> None:
    book = book_of()
    chapter = book.chapters[0].id
    segment_id, take = take_for(book, chapter, 0)
    book = book.with_take(chapter, segment_id, take)
    assert book.rows(chapter)[0].status.kind is RenderStatus.RENDERED
    assert book.rows(chapter)[1].status.kind is RenderStatus.NOT_RENDERED
    sad = book.with_chapter(chapter, overrides=ChapterOverrides.of(emotion="sad"))
    assert sad.rows(chapter)[0].status.kind is RenderStatus.STALE
    louder = book.with_settings(
        dataclasses.replace(book.settings, params=dataclasses.replace(book.settings.params, vol=2))
    )
    assert louder.rows(chapter)[0].status.kind is RenderStatus.STALE
    other_voice = book.with_settings(book.settings.with_voice("someone-else"))
    assert other_voice.rows(chapter)[0].status.kind is RenderStatus.STALE
    # Gaps and budget are stitching and spending rules, not the request: nothing goes stale.
    gaps = book.with_settings(dataclasses.replace(book.settings, gaps=Gaps(chapter_tail=4)))
    assert gaps.rows(chapter)[0].status.kind is RenderStatus.RENDERED


def test_adding_a_take_clears_the_task_mark_and_chooses_it() -> None:
    book = book_of()
    chapter = book.chapters[0].id
    segment_id, first = take_for(book, chapter, 0)
    book = book.with_task(chapter, segment_id, TaskMark("l1", TaskPhase.RENDERING))
    assert book.rows(chapter)[0].status.kind is RenderStatus.RENDERING
    book = book.with_take(chapter, segment_id, first)
    _, second = take_for(book, chapter, 0)
    book = book.with_take(chapter, segment_id, second)
    state = book.state(chapter, segment_id)
    assert state.task is None
    assert [t.chosen for t in state.takes] == [False, True]
    _, third = take_for(book, chapter, 0)
    book = book.with_take(chapter, segment_id, third, choose=False)
    assert book.state(chapter, segment_id).chosen == dataclasses.replace(second, chosen=True)
    book = book.with_chosen(chapter, segment_id, first.id)
    assert book.state(chapter, segment_id).chosen is not None
    assert book.state(chapter, segment_id).chosen.id == first.id  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        book.with_take(chapter, segment_id, first)  # the same take twice


def test_a_task_mark_for_a_segment_that_does_not_exist_is_refused() -> None:
    book = book_of()
    with pytest.raises(KeyError):
        book.with_task(book.chapters[0].id, "nope-0", TaskMark("l", TaskPhase.QUEUED))


# -- re-segmentation ---------------------------------------------------------------------------


def rendered_everywhere(book: Book) -> Book:
    chapter = book.chapters[0].id
    for index in range(len(book.segments(chapter))):
        segment_id, take = take_for(book, chapter, index)
        book = book.with_take(chapter, segment_id, take)
    return book


def test_an_edit_keeps_the_takes_of_unchanged_segments_and_orphans_the_rest() -> None:
    book = rendered_everywhere(book_of())
    chapter = book.chapters[0].id
    before = {row.segment.id: row.state for row in book.rows(chapter)}
    edited = TEXT.replace(PARAS[2], "Something else entirely is said here now.")
    after = book.with_chapter_text(chapter, edited)
    new_ids = {row.segment.id for row in after.rows(chapter)}
    kept = before.keys() & new_ids
    gone = before.keys() - new_ids
    assert kept and gone  # the edit changed some segments, not all
    for segment_id in kept:
        assert after.state(chapter, segment_id) == before[segment_id]
    orphaned = {(o.segment_id, o.take) for o in after.orphans}
    assert orphaned == {(s, t) for s in gone for t in before[s].takes}
    all_takes = sorted(t.id for _, t in book.takes())
    assert sorted(t.id for _, t in after.takes()) == all_takes  # nothing lost
    statuses = {row.status.kind for row in after.rows(chapter) if row.segment.id not in kept}
    assert statuses == {RenderStatus.NOT_RENDERED}


def test_undoing_an_edit_brings_the_orphans_back() -> None:
    book = rendered_everywhere(book_of())
    chapter = book.chapters[0].id
    edited = book.with_chapter_text(chapter, TEXT.replace("number 3", "number three"))
    assert edited.orphans
    undone = edited.with_chapter_text(chapter, TEXT)
    assert undone == book


def test_removing_a_chapter_orphans_its_takes_and_drops_its_marks() -> None:
    book = rendered_everywhere(book_of())
    chapter = book.chapters[0].id
    count = len(list(book.takes()))
    other = new_chapter("Two", "More text.\n")
    book = book.with_chapter_added(other)
    segment_id = book.segments(other.id)[0].id
    book = book.with_task(other.id, segment_id, TaskMark("l", TaskPhase.QUEUED))
    removed = book.with_chapter_removed(chapter).with_chapter_removed(other.id)
    assert not removed.states
    assert len(removed.orphans) == count
    # A take that arrives for a segment that is gone is kept as an orphan.
    late = dataclasses.replace(take_for(book, other.id, 0)[1], id="late")
    with_late = removed.with_take(other.id, segment_id, late)
    assert any(o.take.id == "late" and o.take.chosen for o in with_late.orphans)


def test_a_new_target_size_resegments_every_chapter_and_keeps_every_take() -> None:
    book = rendered_everywhere(book_of())
    chapter = book.chapters[0].id
    bigger = book.with_settings(dataclasses.replace(book.settings, target_chars=500))
    assert len(bigger.segments(chapter)) < len(book.segments(chapter))
    assert sorted(t.id for _, t in bigger.takes()) == sorted(t.id for _, t in book.takes())
    assert bigger.with_settings(book.settings) == book


def test_reorder_needs_every_chapter_once() -> None:
    one, two = new_chapter("1", "a.\n"), new_chapter("2", "b.\n")
    book = Book("b", chapters=(one, two))
    assert [c.id for c in book.with_order([two.id, one.id]).chapters] == [two.id, one.id]
    with pytest.raises(ValueError):
        book.with_order([one.id])
    with pytest.raises(ValueError):
        Book("b", chapters=(one, one))
