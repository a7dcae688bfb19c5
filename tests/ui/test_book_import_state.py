"""The review's states: chapters reshaped in any order of operations never lose or mix up a
character, and accepted clean-up always reverts to the original (no Qt here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book.chapters import detect_chapters
from soundclone_desktop.core.book.cleanup import revert_changes
from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.ui.book_import.review_state import Review, ReviewState

TEXT = (
    "Chapter 1\n\nIt was a dark and stormy night; the rain fell in torrents, except at\n"
    "occasional intervals, when it was checked by a violent gust of wind, the exam-\n"
    "ple streets of the city were swept, rattling along the housetops.[1]\n\n"
    "Chapter 2\n\nThe Anglo-\nSaxon room was wide¹ and it rained, and the wind went\n"
    "on and on across the fields, where nobody walked that night at all.[2]\n\n"
    "Chapter 3\n\nMorning came.[3] The well-\nknown road was dry again.\n"
)

operations = st.lists(
    st.tuples(
        st.sampled_from(["split", "merge", "move", "exclude", "accept", "reject", "rename"]),
        st.integers(0, 10),
        st.integers(0, 400),
    ),
    max_size=12,
)


def _apply(review: Review, state: ReviewState, op: str, a: int, b: int) -> ReviewState:
    count = len(state.manuscript.chapters)
    index = a % count
    if op == "split":
        return (
            state
            if review.split_offset(state, index, b) is None
            else (review.split(state, index, b))
        )
    if op == "merge":
        return review.merge_with_next(state, index) if index + 1 < count else state
    if op == "move":
        return review.move(state, index, b % count)
    if op == "exclude":
        return review.set_excluded(state, index, not state.manuscript.chapters[index].excluded)
    if op == "rename":
        return review.rename(state, index, f"Part {b}")
    numbers = [b % len(review.changes)] if review.changes else []
    return review.set_accepted(state, numbers, op == "accept")


@settings(max_examples=300, deadline=None)
@given(operations)
def test_any_review_keeps_every_character_and_reverts_its_clean_up(
    steps: list[tuple[str, int, int]],
) -> None:
    review = Review(Manuscript(title="t", chapters=detect_chapters(TEXT)))
    assert len(review.changes) >= 5  # hyphenation, wraps, footnotes: something to accept
    state = review.initial
    for op, a, b in steps:
        state = _apply(review, state, op, a, b)
        # Each chapter's raw text is exactly the base text its pieces name.
        for chapter, spans in zip(state.manuscript.chapters, state.pieces, strict=True):
            assert chapter.text == "".join(review.base[start:end] for start, end in spans)
        # No change is lost or shared: splits never cut one.
        owned = [n for numbers in state.chapter_changes for n in numbers]
        assert sorted(owned) == list(range(len(review.changes)))
    result = review.result(state)
    for index, (chapter, changes) in enumerate(
        zip(result.manuscript.chapters, result.changes, strict=True)
    ):
        assert chapter.text == review.cleaned_text(state, index)
        assert len(chapter.text) == review.cleaned_length(state, index)
        assert revert_changes(chapter.text, changes) == state.manuscript.chapters[index].text
        assert {c.offset for c in changes} <= set(range(len(state.manuscript.chapters[index].text)))
    assert sorted(review.base) == sorted(state.manuscript.text)


def test_a_split_inside_a_change_moves_to_its_end() -> None:
    review = Review(Manuscript(title="t", chapters=detect_chapters(TEXT)))
    state = review.initial
    chapter = state.manuscript.chapters[0].text
    marker = chapter.index("[1]")
    # Not accepted: the marker is in the preview; a cursor inside it splits after it.
    unaccepted = review.set_accepted(state, state.chapter_changes[0], False)
    assert review.split_offset(unaccepted, 0, marker + 1) == marker + 3
    # Accepted: "exam-\nple" reads "example"; a cursor at the join cuts before the change,
    # which goes whole to the new chapter and still applies there.
    cleaned = review.cleaned_text(state, 0)
    join = cleaned.index("example") + 4
    after = review.split(state, 0, join)
    assert after.manuscript.chapters[0].text.endswith("exam")
    assert review.cleaned_text(after, 1).startswith("ple streets")
    assert sorted(n for ns in after.chapter_changes for n in ns) == list(range(len(review.changes)))
