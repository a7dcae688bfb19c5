"""Sentence times from captions, for read-along overlays."""

from __future__ import annotations

import pytest

from soundclone_desktop.core.book.sentence_clips import sentence_clips
from soundclone_desktop.core.subtitles import Cue

TEXT = "One two three. Four five six. Seven eight nine."


def _times(text: str, cues: list[Cue], duration: float) -> list[tuple[float, float, bool]]:
    return [(c.begin_ms, c.end_ms, c.timed) for c in sentence_clips(text, cues, duration)]


def test_sentence_level_cues_give_each_sentence_its_cue() -> None:
    cues = [Cue("One two three.", 100, 900), Cue("Four five six.", 1000, 1800),
            Cue("Seven eight nine.", 2000, 2900)]  # fmt: skip
    assert _times(TEXT, cues, 3000) == [(100, 900, True), (1000, 1800, True), (2000, 2900, True)]


def test_a_cue_over_two_sentences_is_shared_by_their_characters() -> None:
    cues = [Cue("One two three. Four five six.", 0, 2000), Cue("Seven eight nine.", 2000, 3000)]
    (a_begin, a_end, _), (b_begin, b_end, _), last = _times(TEXT, cues, 3000)
    assert a_begin == 0 and b_end == 2000 and a_end == b_begin
    assert a_end == pytest.approx(2000 * 14 / 28, abs=80)  # "One two three." of the cue's span
    assert last == (2000, 3000, True)


def test_two_cues_in_one_sentence_make_one_clip() -> None:
    cues = [Cue("One two", 0, 400), Cue("three.", 500, 900), Cue("Four five six.", 1000, 1500)]
    assert _times(TEXT, cues, 2000)[0] == (0, 900, True)


def test_untimed_sentences_share_the_gap_and_the_end_of_the_audio() -> None:
    cues = [Cue("Four five six.", 1000, 1800)]
    first, middle, last = _times(TEXT, cues, 3000)
    assert first == (0, 1000, False)
    assert middle == (1000, 1800, True)
    assert last == (1800, 3000, False)


def test_clips_stay_inside_the_audio_and_pause_only_sentences_get_none() -> None:
    text = "Hello there. <#1.5#>\nGoodbye now."
    cues = [Cue("Hello there.", 0, 800), Cue("Goodbye now.", 2500, 4000)]
    assert _times(text, cues, 3000) == [(0, 800, True), (2500, 3000, True)]
