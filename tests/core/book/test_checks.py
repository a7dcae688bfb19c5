"""The pure comparisons behind the automatic checks, one by one."""

from __future__ import annotations

import pytest

from soundclone_desktop.core.book.checks import (
    CheckKind,
    Finding,
    Placement,
    Span,
    align_words,
    median_rates,
    rate_finding,
    rate_ratio,
    script_counts,
    silence_findings,
    speech_seconds,
    tokens,
    unexplained_silences,
    word_findings,
)
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.subtitles import Cue

EN = "The cat sat down. Then it slept all day. Nobody woke it."
ZH = "那天晚上，雨一直没有停。林晓把灯关掉。她坐在书桌前。"


def _placement(text: str, chapter: int = 3) -> Placement:
    starts = tuple(s for s, _ in sentence_spans(text))
    return Placement(chapter, starts, 0, len(text), 0, len(text), "seg")


def _cues(*sentences: str, seconds: float = 2.0) -> list[Cue]:
    return [
        Cue(text, i * seconds * 1000, (i + 1) * seconds * 1000 - 300)
        for i, text in enumerate(sentences)
    ]


def test_tokens_are_words_in_english_and_characters_in_chinese() -> None:
    assert [t.text for t in tokens("Don't stop, 2 Cats!")] == [
        "dont",
        "stop",
        "2",
        "cats",
    ]  # ’ and ' fold alike
    assert [t.text for t in tokens("雨一直。没有")] == ["雨", "一", "直", "没", "有"]


def test_tokens_skip_pause_markers_and_cjk_punctuation() -> None:
    text = "停。<#0.8#>林晓"
    found = tokens(text)
    assert [t.text for t in found] == ["停", "林", "晓"]
    assert [text[t.start : t.end] for t in found] == ["停", "林", "晓"]


def test_script_counts() -> None:
    assert script_counts("雨停了。Hello, world 42!") == {"cjk": 3, "latin": 12}


def test_a_dropped_english_sentence_is_missing_words_at_its_sentence() -> None:
    cues = _cues("The cat sat down.", "Nobody woke it.")
    [finding] = word_findings(EN, cues, _placement(EN))
    assert finding.kind is CheckKind.MISSING_WORDS
    assert (finding.chapter, finding.sentence) == (3, 2)
    assert finding.seconds == pytest.approx(1.7)  # where the first cue ends
    assert "Then it slept all day" in finding.detail


def test_a_dropped_chinese_sentence_is_reported_once_without_its_full_stop() -> None:
    cues = _cues("那天晚上，雨一直没有停。", "她坐在书桌前。")
    [finding] = word_findings(ZH, cues, _placement(ZH))
    assert finding.kind is CheckKind.MISSING_WORDS and finding.sentence == 2
    assert finding.detail == "not heard: 林晓把灯关掉"


def test_one_missing_character_is_found() -> None:
    cues = _cues("那天晚上，雨一直没停。", "林晓把灯关掉。", "她坐在书桌前。")
    [finding] = word_findings(ZH, cues, _placement(ZH))
    assert finding.sentence == 1 and "有" in finding.detail


def test_added_words_are_extra_words() -> None:
    cues = _cues("The cat sat down.", "Then it slept all day long.", "Nobody woke it.")
    [finding] = word_findings(EN, cues, _placement(EN))
    assert finding.kind is CheckKind.EXTRA_WORDS and finding.sentence == 3
    assert "long" in finding.detail


def test_a_changed_word_is_missing_with_what_was_heard() -> None:
    cues = _cues("The dog sat down.", "Then it slept all day.", "Nobody woke it.")
    [finding] = word_findings(EN, cues, _placement(EN))
    assert finding.kind is CheckKind.MISSING_WORDS and finding.sentence == 1
    assert "heard instead: dog" in finding.detail


def test_subtitles_that_differ_only_in_case_width_and_punctuation_agree() -> None:
    cues = _cues("the CAT sat down", "Then it slept all day!", "Nobody woke it…")
    assert word_findings(EN, cues, _placement(EN)) == []


def test_a_placement_maps_offsets_of_a_changed_request_text_proportionally() -> None:
    placement = Placement(1, (0, 100, 200), 100, 300, None, 50)
    assert placement.sentence_at(0) == 2
    assert placement.sentence_at(49) == 3


# -- silences --------------------------------------------------------------------------------


def test_a_long_silence_nobody_asked_for_is_found() -> None:
    text = "The cat sat down. Then it slept all day."
    silences = [Span(1.0, 1.3), Span(2.0, 4.5)]
    [finding] = silence_findings(text, silences, 8.0, _placement(text))
    assert finding.kind is CheckKind.LONG_SILENCE and finding.seconds == 2.0
    assert "2.5 s" in finding.detail


def test_a_marker_explains_the_silence_where_it_falls() -> None:
    text = "The cat sat down.<#2#> Then it slept all day."
    cues = [Cue("The cat sat down.", 0, 1500), Cue("Then it slept all day.", 4000, 6000)]
    words = align_words(text, cues)
    explained = unexplained_silences(text, [Span(1.5, 4.0)], 6.0, words=words)
    assert explained == []
    # A silence of the same length elsewhere is not the marker's.
    far = unexplained_silences(text, [Span(1.5, 4.0), Span(4.5, 7.0)], 9.0, words=words)
    assert far == [Span(4.5, 7.0)]


def test_a_marker_does_not_explain_a_much_longer_silence() -> None:
    text = "The cat sat down.<#0.5#> Then it slept all day."
    assert unexplained_silences(text, [Span(1.5, 4.5)], 8.0) == [Span(1.5, 4.5)]


def test_slow_speech_has_longer_natural_pauses() -> None:
    text = "The cat sat down. Then it slept all day."
    silence = [Span(2.0, 3.6)]
    assert unexplained_silences(text, silence, 8.0, speed=1.0) == silence
    assert unexplained_silences(text, silence, 8.0, speed=0.5) == []


def test_silence_at_the_edges_is_not_judged() -> None:
    text = "The cat sat down."
    assert unexplained_silences(text, [Span(0.0, 3.0), Span(5.0, 8.0)], 8.0) == []


def test_speech_time_leaves_out_markers_edges_and_stray_silences() -> None:
    text = "The cat sat down.<#1#> Then it slept all day."
    silences = [Span(0.0, 0.2), Span(2.0, 3.2), Span(5.0, 8.0), Span(9.5, 10.0)]
    # 10 s - 1 s asked - 0.7 s of edges - 3 s nobody asked for.
    assert speech_seconds(text, silences, 10.0) == pytest.approx(5.3)


# -- rate ------------------------------------------------------------------------------------


def test_medians_need_several_takes_of_one_script() -> None:
    takes = [({"cjk": 50, "latin": 0}, 10.0)] * 4
    assert median_rates(takes) == {}
    takes += [({"cjk": 60, "latin": 0}, 10.0), ({"cjk": 10, "latin": 50}, 5.0)]
    assert median_rates(takes) == {"cjk": 5.0}


def test_rate_ratio_predicts_mixed_scripts_from_each_median() -> None:
    medians = {"cjk": 5.0, "latin": 15.0}
    assert rate_ratio({"cjk": 50, "latin": 30}, 12.0, medians) == pytest.approx(1.0)
    assert rate_ratio({"cjk": 50, "latin": 30}, 6.0, medians) == pytest.approx(2.0)
    assert rate_ratio({"cjk": 0, "latin": 30}, 2.0, {"cjk": 5.0}) is None


@pytest.mark.parametrize(("seconds", "flagged"), [(10.0, False), (7.0, True), (15.0, True)])
def test_rate_far_from_the_median_is_a_finding(seconds: float, flagged: bool) -> None:
    placement = _placement(ZH, chapter=2)
    finding = rate_finding(CheckKind.RATE, {"cjk": 50}, seconds, {"cjk": 5.0}, placement)
    assert (finding is not None) is flagged
    if finding is not None:
        assert finding.chapter == 2 and finding.sentence == 1


def test_duration_finding_says_how_long_against_the_prediction() -> None:
    finding = rate_finding(CheckKind.DURATION, {"cjk": 50}, 5.0, {"cjk": 5.0}, _placement(ZH))
    assert finding is not None and finding.kind is CheckKind.DURATION
    assert "0.50×" in finding.detail


def test_finding_json_has_the_cli_keys() -> None:
    finding = Finding(CheckKind.CLIPPING, 3, 12, 1.23456, "20 ms at full scale", "s-1")
    assert finding.to_json() == {
        "kind": "clipping",
        "chapter": 3,
        "sentence": 12,
        "seconds": 1.235,
        "detail": "20 ms at full scale",
        "segment": "s-1",
    }
