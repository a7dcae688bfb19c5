"""Review operations: pure, and never changing a character of the manuscript's text."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book import review
from soundclone_desktop.core.book.manuscript import ChapterDraft, ChapterKind, Manuscript


def book(*texts: str) -> Manuscript:
    return Manuscript(
        title="T",
        chapters=tuple(ChapterDraft(f"C{i}", t, f"line {i}") for i, t in enumerate(texts)),
    )


def test_rename_changes_the_label_not_the_text() -> None:
    renamed = review.rename(book("Chapter 1\n\nText.", "b"), 0, "  The Beginning ")
    assert renamed.chapters[0].title == "The Beginning"
    assert renamed.chapters[0].text == "Chapter 1\n\nText."


def test_merge_keeps_the_first_title_and_includes_if_either_was_included() -> None:
    manuscript = review.set_excluded(book("a", "b", "c"), 1, True)
    merged = review.merge_with_next(manuscript, 0)
    assert [(c.title, c.text, c.excluded) for c in merged.chapters] == [
        ("C0", "ab", False),
        ("C2", "c", False),
    ]
    both = review.merge_with_next(review.set_excluded(manuscript, 0, True), 0)
    assert both.chapters[0].excluded


def test_split_at_the_cursor() -> None:
    manuscript = book("Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.")
    split = review.split(manuscript, 0, len("Chapter 1\n\nOne.\n\n"))
    assert [(c.title, c.text, c.source_ref) for c in split.chapters] == [
        ("C0", "Chapter 1\n\nOne.\n\n", "line 0"),
        ("Chapter 2", "Chapter 2\n\nTwo.", ""),
    ]
    named = review.split(manuscript, 0, 3, "Mine")
    assert named.chapters[1].title == "Mine"


@pytest.mark.parametrize("offset", [0, 5, -1])
def test_split_outside_the_chapter_is_refused(offset: int) -> None:
    with pytest.raises(IndexError):
        review.split(book("abcde"), 0, offset)


def test_move_and_bad_indexes() -> None:
    moved = review.move(book("a", "b", "c"), 2, 0)
    assert [c.text for c in moved.chapters] == ["c", "a", "b"]
    with pytest.raises(IndexError):
        review.merge_with_next(book("a", "b"), 1)
    with pytest.raises(IndexError):
        review.rename(book("a"), 3, "x")


def test_exclude_keeps_the_chapter_and_include_restores_it() -> None:
    excluded = review.set_excluded(book("a", "b"), 0, True)
    assert [c.excluded for c in excluded.chapters] == [True, False]
    assert excluded.included == (excluded.chapters[1],)
    assert review.set_excluded(excluded, 0, False) == book("a", "b")


# -- properties -------------------------------------------------------------------------------

CHAPTERS = st.lists(
    st.builds(
        ChapterDraft,
        title=st.text(max_size=8),
        text=st.text(min_size=1, max_size=30),
        source_ref=st.just("x"),
        excluded=st.booleans(),
        kind=st.sampled_from(list(ChapterKind)),
    ),
    min_size=1,
    max_size=8,
)


@st.composite
def operations(draw: st.DrawFn) -> tuple[Manuscript, list[tuple[str, int, int]]]:
    manuscript = Manuscript("T", chapters=tuple(draw(CHAPTERS)))
    steps = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["rename", "merge", "split", "exclude", "include", "move"]),
                st.integers(0, 20),
                st.integers(0, 40),
            ),
            max_size=12,
        )
    )
    return manuscript, steps


def apply(manuscript: Manuscript, step: tuple[str, int, int]) -> Manuscript:
    name, a, b = step
    count = len(manuscript.chapters)
    index = a % count
    if name == "rename":
        return review.rename(manuscript, index, f"name {b}")
    if name == "merge" and count > 1:
        return review.merge_with_next(manuscript, index % (count - 1))
    if name == "split":
        length = len(manuscript.chapters[index].text)
        if length > 1:
            return review.split(manuscript, index, 1 + b % (length - 1))
    if name in {"exclude", "include"}:
        return review.set_excluded(manuscript, index, name == "exclude")
    if name == "move":
        return review.move(manuscript, index, b % count)
    return manuscript


@settings(max_examples=300, deadline=None)
@given(operations())
def test_every_operation_but_move_keeps_the_joined_text(
    case: tuple[Manuscript, list[tuple[str, int, int]]],
) -> None:
    manuscript, steps = case
    original = manuscript.text
    for step in steps:
        before = manuscript
        manuscript = apply(manuscript, step)
        if step[0] == "move":
            assert Counter(c.text for c in manuscript.chapters) == Counter(
                c.text for c in before.chapters
            )
            original = manuscript.text
        assert manuscript.text == original


@settings(max_examples=300, deadline=None)
@given(CHAPTERS, st.integers(0, 100), st.integers(0, 100))
def test_split_then_merge_restores_the_chapter(
    chapters: list[ChapterDraft], which: int, where: int
) -> None:
    manuscript = Manuscript("T", chapters=tuple(chapters))
    index = which % len(chapters)
    length = len(chapters[index].text)
    if length < 2:
        return
    split = review.split(manuscript, index, 1 + where % (length - 1))
    assert len(split.chapters) == len(chapters) + 1
    assert review.merge_with_next(split, index) == manuscript
