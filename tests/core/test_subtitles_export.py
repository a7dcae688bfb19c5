"""Writing subtitles: timestamp formats, line breaking, splitting long cues, minimum duration."""

from __future__ import annotations

import pytest

from soundclone_desktop.core.subtitles import (
    Cue,
    ExportOptions,
    SubtitleFormat,
    Subtitles,
    Word,
    encode,
    export_subtitles,
    layout_cues,
    parse_subtitles,
    preview_subtitles,
)
from soundclone_desktop.core.subtitles.layout import Block, layout, stretch
from soundclone_desktop.core.subtitles.linebreak import balanced_wrap, pieces, render, wrap
from soundclone_desktop.core.subtitles.text import CLOSING, OPENING

WIDE = ExportOptions(max_chars_per_line=200, max_lines=10, min_duration_ms=0)


def lines_of(text: str, width: int) -> list[str]:
    return [render(line) for line in balanced_wrap(pieces(text), width)]


def one(text: str, start: float, end: float) -> Subtitles:
    return Subtitles((Cue(text, start, end),))


# -- timestamp formats --------------------------------------------------------------------------


def test_srt_format() -> None:
    subs = Subtitles((Cue("Hello", 1500, 3000.4), Cue("你好", 3_723_004.5, 3_724_000)))
    assert export_subtitles(subs, SubtitleFormat.SRT, WIDE) == (
        "1\n00:00:01,500 --> 00:00:03,000\nHello\n\n2\n01:02:03,005 --> 01:02:04,000\n你好\n"
    )


def test_vtt_format_has_the_header_and_escapes_markup() -> None:
    subs = one("Fish & chips <3", 1500, 3000)
    assert export_subtitles(subs, SubtitleFormat.VTT, WIDE) == (
        "WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nFish &amp; chips &lt;3\n"
    )


def test_lrc_format_writes_starts_and_clears_at_gaps() -> None:
    subs = Subtitles((Cue("one", 1500, 3000), Cue("two", 3000, 4000), Cue("three", 65_004, 66_000)))
    assert export_subtitles(subs, SubtitleFormat.LRC, WIDE) == (
        "[00:01.50]one\n[00:03.00]two\n[00:04.00]\n[01:05.00]three\n[01:06.00]\n"
    )


def test_lrc_puts_a_cues_lines_on_one_line() -> None:
    subs = one("a fairly long sentence that needs two lines", 0, 3000)
    options = ExportOptions(max_chars_per_line=20, max_lines=3)
    text = export_subtitles(subs, SubtitleFormat.LRC, options)
    assert text == "[00:00.00]a fairly long sentence that needs two lines\n[00:03.00]\n"


def test_ass_format() -> None:
    subs = one("Hi {there} \\ you, and more words to wrap", 1504, 62_000)
    options = ExportOptions(max_chars_per_line=22, max_lines=3)
    text = export_subtitles(subs, SubtitleFormat.ASS, options)
    assert text.startswith("[Script Info]\nScriptType: v4.00+\n")
    assert "[V4+ Styles]\n" in text and "\n[Events]\nFormat: Layer, Start, End," in text
    assert text.endswith(
        "Dialogue: 0,0:00:01.50,0:01:02.00,Default,,0,0,0,,Hi ｛there｝ ＼ you, and\\N"
        "more words to wrap\n"
    )


def test_output_is_utf8_and_optionally_windows_friendly() -> None:
    text = export_subtitles(one("中文", 0, 1000), SubtitleFormat.SRT)
    assert encode(text) == text.encode("utf-8")
    data = encode(text, bom=True, crlf=True)
    assert data.startswith(b"\xef\xbb\xbf1\r\n00:00:00,000") and b"\n" not in data.replace(
        b"\r\n", b""
    )
    assert parse_subtitles(data).cues == (Cue("中文", 0.0, 1000.0),)


def test_preview_shows_the_first_cues_as_written() -> None:
    subs = Subtitles(tuple(Cue(f"cue {k}", 1000 * k, 1000 * k + 900) for k in range(10)))
    text = preview_subtitles(subs, SubtitleFormat.SRT, max_cues=2)
    assert text == export_subtitles(Subtitles(subs.cues[:2]), SubtitleFormat.SRT)
    assert "cue 2" not in text


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_chars_per_line", 7), ("max_chars_per_line", 201), ("max_lines", 0),
     ("min_duration_ms", -1), ("min_duration_ms", 10_001), ("max_lines", True)],
)  # fmt: skip
def test_options_out_of_range_name_the_field_and_range(field: str, value: int) -> None:
    with pytest.raises(ValueError, match=rf"{field} must be a whole number from \d+ to \d+"):
        ExportOptions(**{field: value})


# -- line breaking ----------------------------------------------------------------------------


def test_english_breaks_at_spaces_and_never_inside_a_word() -> None:
    text = "Understandably, the extraordinarily long words stay whole"
    for width in range(8, 40):
        lines = lines_of(text, width)
        assert " ".join(lines) == text
        for line in lines:
            assert len(line) <= width or " " not in line  # only a lone long word overflows


def test_chinese_breaks_between_characters_but_never_before_closing_punctuation() -> None:
    text = "今天天气很好，我们去公园散步吧！你觉得怎么样？“好啊”，他说。"
    for width in range(2, 20):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CLOSING, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in OPENING, (width, lines)


def test_mixed_text_keeps_english_words_whole() -> None:
    text = "我们用Python和JavaScript开发应用，version 3.12 很好用。"
    for width in range(8, 30):
        lines = lines_of(text, width)
        joined = "".join(lines)
        assert joined.replace(" ", "") == text.replace(" ", "")
        for word in ("Python", "JavaScript", "version", "3.12"):
            assert any(word in line for line in lines), (word, lines)


def test_lines_of_a_cue_are_balanced() -> None:
    assert lines_of("one two three four five six seven", 30) == [
        "one two three four",
        "five six seven",
    ]
    assert lines_of("一二三四五六七八九十", 8) == ["一二三四五", "六七八九十"]


def test_wrap_is_greedy_and_balanced_wrap_never_needs_more_lines() -> None:
    items = pieces("aa bb cc dd ee ff gg")
    assert [render(line) for line in wrap(items, 8)] == ["aa bb cc", "dd ee ff", "gg"]
    assert len(balanced_wrap(items, 8)) == 3


# -- splitting long cues ------------------------------------------------------------------------


def test_a_long_cue_is_split_at_clause_ends_and_timed_by_its_words() -> None:
    text = "First clause here, second clause there, third one."
    words = tuple(
        Word(w, 100.0 * k, 100.0 * k + 90) for k, w in enumerate(text.replace(",", "").replace(
            ".", "").split())
    )  # fmt: skip
    subs = Subtitles((Cue(text, 0, 1000, words),), word_level=True)
    cues = layout_cues(subs, ExportOptions(max_chars_per_line=20, max_lines=1, min_duration_ms=0))
    assert [c.text for c in cues] == ["First clause here,", "second clause there,", "third one."]
    assert [(c.start_ms, c.end_ms) for c in cues] == [(0, 300), (300, 600), (600, 1000)]
    assert [w.text for w in cues[1].words] == ["second", "clause", "there"]


def test_a_long_cue_without_words_is_timed_in_proportion_to_its_characters() -> None:
    text = "aaaa bbbb, cccccccc dddddddd."  # 9 + 17 visible characters
    cues = layout_cues(
        one(text, 1000, 3600), ExportOptions(max_chars_per_line=10, max_lines=1, min_duration_ms=0)
    )
    assert [c.text for c in cues] == ["aaaa bbbb,", "cccccccc", "dddddddd."]
    assert cues[0].start_ms == 1000 and cues[-1].end_ms == 3600
    assert cues[1].start_ms == pytest.approx(1000 + 2600 * 9 / 26)
    assert cues[2].start_ms == pytest.approx(1000 + 2600 * 17 / 26)


def test_every_screen_respects_max_lines_and_the_text_is_kept() -> None:
    text = (
        "在森林的深处，阳光透过树梢洒落，鸟儿的歌声交织成一曲美妙的乐章，诉说着大自然无尽的美丽。"
        * 2
    )
    options = ExportOptions(max_chars_per_line=12, max_lines=2, min_duration_ms=0)
    blocks = layout([Cue(text, 0, 20_000)], max_chars=12, max_lines=2, min_duration_ms=0)
    assert all(len(b.lines) <= 2 and all(len(line) <= 12 for line in b.lines) for b in blocks)
    assert "".join(b.text for b in blocks) == text
    assert [c.text for c in layout_cues(one(text, 0, 20_000), options)] == [b.text for b in blocks]
    starts = [b.start_ms for b in blocks]
    assert starts == sorted(starts) and blocks[-1].end_ms == 20_000


def test_cues_within_limits_are_not_split() -> None:
    cues = layout_cues(one("Short and sweet.", 0, 800), ExportOptions(max_lines=1))
    assert cues == (Cue("Short and sweet.", 0, 800),)


# -- minimum duration ---------------------------------------------------------------------------


def block(start: float, end: float) -> Block:
    return Block(start, end, ("x",))


def test_short_cues_grow_into_the_silence_after_then_before() -> None:
    out = stretch([block(1000, 1200), block(5000, 5100), block(5300, 5400)], 700)
    assert [(b.start_ms, b.end_ms) for b in out] == [
        (1000, 1700),  # room after it
        (4600, 5300),  # only 200 ms after: grows back into the silence before it
        (5300, 6000),
    ]


def test_stretching_never_overlaps_neighbours_and_never_shrinks() -> None:
    out = stretch([block(0, 100), block(100, 200), block(200, 300), block(300, 1500)], 700)
    assert [(b.start_ms, b.end_ms) for b in out] == [(0, 100), (100, 200), (200, 300), (300, 1500)]
    first = stretch([block(200, 300)], 700)[0]
    assert (first.start_ms, first.end_ms) == (200, 900)


def test_min_duration_applies_on_export() -> None:
    subs = Subtitles((Cue("a", 0, 100), Cue("b", 2000, 2100)))
    text = export_subtitles(subs, SubtitleFormat.SRT, ExportOptions(min_duration_ms=1000))
    assert "00:00:00,000 --> 00:00:01,000" in text and "00:00:02,000 --> 00:00:03,000" in text
