"""Mapping cues and words back to the script by text, and what is playing at a given time."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.subtitles import (
    Cue,
    CueAlignment,
    Span,
    Subtitles,
    Word,
    align_to_script,
    cue_at,
    parse_subtitles,
    word_at,
)
from soundclone_desktop.demo import markup, synth
from soundclone_desktop.demo.subtitles import build_subtitles


def spoken(script: str, alignment: tuple[CueAlignment, ...]) -> list[str | None]:
    return [None if a.cue is None else script[a.cue.start : a.cue.end] for a in alignment]


def demo_subtitles(script: str, *, word_level: bool) -> Subtitles:
    """What the demo server would send for ``script`` (its own timeline and JSON)."""
    timeline = synth.plan(script, markup.find_pauses(script), 16000, 1.0)
    raw = json.dumps(build_subtitles(timeline, word_level=word_level), ensure_ascii=False)
    return parse_subtitles(raw.encode())


def test_english_with_markers_inside_and_between_sentences() -> None:
    script = "Hello <#0.5#>world, this is Claude.<#1#> Second line here!"
    subs = demo_subtitles(script, word_level=True)
    alignment = align_to_script(subs, script)
    assert spoken(script, alignment) == [
        "Hello <#0.5#>world, this is Claude.",  # the marker inside the sentence is covered
        "Second line here!",
    ]
    words = [[script[w.start : w.end] for w in a.words if w] for a in alignment]
    assert words == [["Hello", "world", "this", "is", "Claude"], ["Second", "line", "here"]]


def test_chinese_without_spaces_maps_every_character() -> None:
    script = "今天天气很好。<#0.8#>我们去公园散步吧！"
    alignment = align_to_script(demo_subtitles(script, word_level=True), script)
    assert spoken(script, alignment) == ["今天天气很好。", "我们去公园散步吧！"]
    first = alignment[0]
    assert [script[w.start : w.end] for w in first.words if w] == list("今天天气很好")
    assert first.words[0] == Span(0, 1)


def test_mixed_chinese_and_english_with_numbers() -> None:
    script = "我们用Python写代码，<#0.3#>版本3.12很好用。Understandably so!"
    alignment = align_to_script(demo_subtitles(script, word_level=True), script)
    assert spoken(script, alignment) == [
        "我们用Python写代码，<#0.3#>版本3.12很好用。",
        "Understandably so!",
    ]
    words = [script[w.start : w.end] for w in alignment[0].words if w]
    assert words[:6] == ["我", "们", "用", "Python", "写", "代"]
    assert "Understandably" in [script[w.start : w.end] for w in alignment[1].words if w]


def test_server_text_differing_in_spacing_punctuation_case_and_width() -> None:
    script = "Ｈｅｌｌｏ，ｗｏｒｌｄ！ 第２章 begins   here."
    subs = Subtitles((
        Cue("hello world", 0, 900),
        Cue("第2章, BEGINS here", 900, 2000),
    ))  # fmt: skip
    assert spoken(script, align_to_script(subs, script)) == [
        "Ｈｅｌｌｏ，ｗｏｒｌｄ",
        "第２章 begins   here",
    ]


def test_trailing_and_leading_punctuation_of_the_cue_is_included() -> None:
    script = "他说：“你好。”然后走了。"
    subs = Subtitles((Cue("他说：“你好。”", 0, 1000), Cue("然后走了。", 1000, 2000)))
    assert spoken(script, align_to_script(subs, script)) == ["他说：“你好。”", "然后走了。"]


def test_a_cue_the_server_changed_slightly_is_matched_approximately() -> None:
    script = "The quick brown fox jumps over the lazy dog. It was not amused at all."
    subs = Subtitles((
        Cue("The quick brown fox jumped over the lazy dog.", 0, 2000),  # "jumped"
        Cue("It was not amused at all.", 2000, 3000),
    ))  # fmt: skip
    assert spoken(script, align_to_script(subs, script)) == [
        "The quick brown fox jumps over the lazy dog.",
        "It was not amused at all.",
    ]


def test_a_cue_that_is_not_in_the_script_has_no_span() -> None:
    script = "One sentence only."
    subs = Subtitles((Cue("One sentence only.", 0, 900), Cue("完全不同的内容", 900, 1800)))
    alignment = align_to_script(subs, script)
    assert alignment[0].cue == Span(0, len(script))
    assert alignment[1] == CueAlignment(None, ())


def test_a_short_changed_cue_does_not_jump_to_a_later_match() -> None:
    # The server wrote 好吗 where the script says 好吧; a later 好吗 must not capture it,
    # or every cue after it would be lost.
    filler = "这是一段很长的没有关系的文字，一共有二十多个字符呢。"
    script = "你好。好吧。" + filler + "好吗。结束了。"
    subs = Subtitles(tuple(
        Cue(text, 1000 * k, 1000 * k + 900)
        for k, text in enumerate(["你好。", "好吗。", filler, "好吗。", "结束了。"])
    ))  # fmt: skip
    alignment = align_to_script(subs, script)
    assert alignment[1].cue is not None and alignment[1].cue.start == 3  # approximate: 好
    assert spoken(script, alignment)[2:] == [filler, "好吗。", "结束了。"]


def test_words_not_found_are_none_and_the_rest_still_align() -> None:
    script = "Alpha beta gamma."
    words = (Word("Alpha", 0, 100), Word("zeta", 100, 200), Word("gamma", 200, 300))
    subs = Subtitles((Cue("Alpha beta gamma.", 0, 300, words),), word_level=True)
    (alignment,) = align_to_script(subs, script)
    assert alignment.words == (Span(0, 5), None, Span(11, 16))


@given(st.lists(st.sampled_from(["你好", "世界", "Hello", "world", "2024", "。", "，", " "]),
                min_size=1, max_size=30))  # fmt: skip
def test_cues_cut_from_the_script_map_back_to_their_own_text(parts: list[str]) -> None:
    script = "<#0.5#>".join("".join(parts[i : i + 3]) for i in range(0, len(parts), 3))
    pieces = script.split("<#0.5#>")
    subs = Subtitles(tuple(Cue(p, 1000 * k, 1000 * k + 900) for k, p in enumerate(pieces)))
    alignment = align_to_script(subs, script)
    cursor = 0
    for piece, found in zip(pieces, alignment, strict=True):
        start = script.index(piece, cursor)
        cursor = start + len(piece)
        if not any(ch.isalnum() for ch in piece):
            assert found.cue is None
            continue
        assert found.cue is not None
        # the span covers the piece's letters and digits and nothing outside the piece
        assert start <= found.cue.start and found.cue.end <= start + len(piece)
        inside = script[found.cue.start : found.cue.end]
        assert [c for c in inside if c.isalnum()] == [c for c in piece if c.isalnum()]


# -- what is playing at a time ------------------------------------------------------------------


def test_cue_at_bounds_and_gaps() -> None:
    subs = Subtitles((Cue("a", 0, 1000), Cue("b", 1500, 2000), Cue("c", 2000, 2600)))
    assert [cue_at(subs, t) for t in (-1, 0, 999.9, 1000, 1499, 1500, 2000, 2599, 2600)] == [
        None, 0, 0, None, None, 1, 2, 2, None,
    ]  # fmt: skip
    assert cue_at(Subtitles(()), 0) is None


def test_cue_at_with_overlapping_cues_prefers_the_latest_that_still_runs() -> None:
    subs = Subtitles((Cue("long", 0, 5000), Cue("short", 1000, 2000), Cue("x", 2500, 2600)))
    assert cue_at(subs, 1500) == 1
    assert cue_at(subs, 2200) == 0  # "short" ended, "long" still runs
    assert cue_at(subs, 2550) == 2
    assert cue_at(subs, 4000) == 0
    assert subs.end_ms == 5000


def test_word_at() -> None:
    cue = Cue("a b", 0, 1000, (Word("a", 0, 300), Word("b", 400, 1000)))
    assert [word_at(cue, t) for t in (0, 299, 300, 399, 400, 999, 1000)] == [
        0, 0, None, None, 1, 1, None,
    ]  # fmt: skip
    assert word_at(Cue("a", 0, 10), 5) is None


def test_a_long_script_whose_every_cue_was_changed_aligns_quickly() -> None:
    base = (Path(__file__).resolve().parents[1] / "data" / "audiobook-zh.txt").read_text("utf-8")
    script = (base.strip() + "\n") * 12  # about 9,000 characters
    sentences = [m.span() for m in re.finditer(r"[^。！？\n<>#]+[。！？]", script)]

    def changed(text: str) -> str:  # every fifth letter replaced, as a sloppy server might
        keys = iter(range(len(text)))
        return "".join("错" if ch.isalnum() and next(keys) % 5 == 2 else ch for ch in text)

    subs = Subtitles(tuple(Cue(changed(script[a:b]), 900.0 * k, 900.0 * k + 800)
                           for k, (a, b) in enumerate(sentences)))  # fmt: skip
    started = time.perf_counter()
    alignment = align_to_script(subs, script)
    assert time.perf_counter() - started < 5.0  # one matcher over the whole text took ~50 s
    for (a, b), found in zip(sentences, alignment, strict=True):
        assert found.cue is not None
        overlap = min(b, found.cue.end) - max(a, found.cue.start)
        assert overlap >= 0.9 * (b - a), (script[a:b], script[found.cue.start : found.cue.end])
