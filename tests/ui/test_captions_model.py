"""The captions pane's pure model: display lines with word places, and the position follower."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.subtitles.model import Cue, Subtitles, Word
from soundclone_desktop.ui.captions.model import NOTHING, Current, Follower, lay_out


def words(*items: tuple[str, float, float]) -> tuple[Word, ...]:
    return tuple(Word(text, start, end) for text, start, end in items)


def test_words_are_found_in_order_in_the_cue_text() -> None:
    cue = Cue(
        "The cat saw the other cat.",
        0,
        900,
        words(("The", 0, 100), ("cat", 100, 200), ("saw", 200, 300), ("the", 300, 400),
              ("other", 400, 500), ("cat", 500, 600)),
    )  # fmt: skip
    (line,) = lay_out(Subtitles((cue,), word_level=True))
    assert line.text == cue.text
    assert line.words == ((0, 3), (4, 7), (8, 11), (12, 15), (16, 21), (22, 25))
    assert line.word_index_at(23) == 5  # the second "cat", not the first
    assert line.word_index_at(3) is None  # the space


def test_cjk_characters_case_and_missing_words() -> None:
    cue = Cue(
        "欢迎收听《Tech Weekly》。",
        0,
        2000,
        words(("欢", 0, 100), ("迎", 100, 200), ("tech", 300, 400), ("Zzz", 400, 500),
              ("weekly", 500, 600)),
    )  # fmt: skip
    (line,) = lay_out(Subtitles((cue,), word_level=True))
    assert line.words == ((0, 1), (1, 2), (5, 9), None, (10, 16))


def test_line_breaks_inside_a_cue_stay_on_one_line() -> None:
    (line,) = lay_out(Subtitles((Cue("one\ntwo", 0, 10),)))
    assert line.text == "one two"
    assert line.words == ()


def test_a_cue_without_text_shows_its_words() -> None:
    cue = Cue("", 0, 300, words(("a", 0, 100), ("b", 100, 200)))
    (line,) = lay_out(Subtitles((cue,), word_level=True))
    assert line.text == "a b"
    assert line.words == ((0, 1), (2, 3))


SUBS = Subtitles(
    (
        Cue("One two.", 1000, 2000, words(("One", 1000, 1400), ("two", 1500, 1900))),
        Cue("Three.", 2600, 3000, words(("Three", 2600, 3000))),
    ),
    word_level=True,
)


def test_follower_is_sticky_between_cues_and_words() -> None:
    follower = Follower(SUBS)
    expected = {
        0: NOTHING,
        999: NOTHING,
        1000: Current(0, 0),
        1399: Current(0, 0),
        1450: Current(0, 0),  # between words: the last word stays current
        1500: Current(0, 1),
        2300: Current(0, 1),  # a pause between sentences: the sentence stays
        2600: Current(1, 0),
        99_000: Current(1, 0),
        500: NOTHING,  # seeking back
    }
    for ms, current in expected.items():
        follower.update(ms)
        assert follower.current == current, ms


def test_follower_reports_only_changes() -> None:
    follower = Follower(SUBS)
    changes = [ms for ms in range(0, 4000, 10) if follower.update(ms)]
    assert changes == [1000, 1500, 2600]


@st.composite
def subtitles(draw: st.DrawFn) -> Subtitles:
    starts = sorted(draw(st.lists(st.integers(0, 5000), min_size=1, max_size=8)))
    cues = []
    for start in starts:
        offsets = sorted(draw(st.lists(st.integers(0, 800), max_size=5)))
        cues.append(
            Cue(
                "x",
                start,
                start + 900,
                tuple(Word("w", start + o, start + o + 50) for o in offsets),
            )
        )
    return Subtitles(tuple(cues), word_level=True)


@given(subtitles(), st.lists(st.integers(-100, 7000), max_size=40))
def test_follower_matches_a_plain_search_for_any_positions(
    subs: Subtitles, positions: list[int]
) -> None:
    follower = Follower(subs)
    for ms in positions:
        follower.update(ms)
        cue = bisect_right([c.start_ms for c in subs.cues], ms) - 1
        if cue < 0:
            assert follower.current == NOTHING
            continue
        word = bisect_right([w.start_ms for w in subs.cues[cue].words], ms) - 1
        assert follower.current == Current(cue, word if word >= 0 else None), ms
