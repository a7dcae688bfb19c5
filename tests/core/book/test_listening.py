"""Listening by sentence, the pure part: sentence times from captions or, without them, from
the segments' places in the audio; stepping; marks that survive edits elsewhere."""

from __future__ import annotations

from soundclone_desktop.core.book.listening import PlacedSegment, chapter_timing
from soundclone_desktop.core.book.marks import mark_of, marked_numbers
from soundclone_desktop.core.subtitles import Cue

TEXT = "The boat left early. The river was calm.\n\nA heron watched. Then it flew away."


def test_captions_time_each_sentence() -> None:
    cues = [
        Cue("The boat left early.", 0, 1000),
        Cue("The river was calm.", 1200, 2000),
        Cue("A heron watched.", 2600, 3400),
        Cue("Then it flew away.", 3500, 4500),
    ]
    timing = chapter_timing(TEXT, cues, 5000, [])
    assert [(c.index + 1, c.begin_ms, c.end_ms) for c in timing.clips] == [
        (1, 0, 1000), (2, 1200, 2000), (3, 2600, 3400), (4, 3500, 4500),
    ]  # fmt: skip
    assert timing.at_time(1500).index == 1
    assert timing.at_time(2300).index == 1  # in the pause: the sentence before it
    assert timing.at_index(TEXT.index("heron")).index == 2
    assert timing.step(timing.clips[3], 1) == timing.clips[3]  # held at the last
    assert timing.step(timing.clips[1], -1) == timing.clips[0]


def test_without_captions_the_segments_and_the_rate_model_time_the_sentences() -> None:
    cut = TEXT.index("A heron")
    segments = [PlacedSegment(0, cut, 0, 3000), PlacedSegment(cut, len(TEXT), 3600, 6000)]
    timing = chapter_timing(TEXT, (), 6300, segments)
    assert timing.boundaries_ms == (3600,)
    clips = timing.clips
    assert len(clips) == 4
    # Each segment's sentences share its own stretch of audio, never the gap between them.
    assert clips[0].begin_ms == 0 and abs(clips[1].end_ms - 3000) < 1
    assert abs(clips[2].begin_ms - 3600) < 1 and abs(clips[3].end_ms - 6000) < 1
    # "The boat left early." is a little longer than "The river was calm."
    assert clips[0].end_ms - clips[0].begin_ms > clips[1].end_ms - clips[1].begin_ms


def test_a_mark_finds_its_sentence_after_an_edit_before_it() -> None:
    mark = mark_of("c1", TEXT, 3)
    assert mark.text == "A heron watched."
    edited = "Dawn. " + TEXT
    assert marked_numbers([mark], "c1", edited) == {4}
    assert marked_numbers([mark], "c2", edited) == set()  # another chapter's
    rewritten = TEXT.replace("A heron watched.", "A crane watched.")
    assert marked_numbers([mark], "c1", rewritten) == set()
