"""Reading subtitle files: MiniMax JSON (both levels, wrapped), SRT, WebVTT, LRC, ASS, junk."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.subtitles import (
    Cue,
    SubtitleFormatError,
    Subtitles,
    Word,
    parse_subtitles,
)


def as_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def sentence(text: str, begin: float, end: float, words: object = None) -> dict[str, object]:
    return {
        "text": text, "pronounce_text": text, "time_begin": begin, "time_end": end,
        "text_begin": 0, "text_end": len(text), "pronounce_text_begin": 0,
        "pronounce_text_end": len(text), "timestamped_words": words,
    }  # fmt: skip


def piece(word: str, begin: int, end: int, t0: float, t1: float) -> dict[str, object]:
    return {"word": word, "word_begin": begin, "word_end": end, "time_begin": t0, "time_end": t1}


# -- MiniMax JSON ------------------------------------------------------------------------------


def test_sentence_level_json_from_the_reference() -> None:
    data = as_json([
        sentence("Welcome to voice cloning.", 0, 1830.5),
        sentence("第二句话。", 2100, 3600),
    ])  # fmt: skip
    subs = parse_subtitles(data)
    assert subs == Subtitles(
        (Cue("Welcome to voice cloning.", 0.0, 1830.5), Cue("第二句话。", 2100.0, 3600.0)),
        word_level=False,
    )


def test_word_level_json_joins_sub_word_pieces_and_keeps_float_times() -> None:
    text = "Claude said 你好 in 2024."
    pieces = [
        piece("C", 0, 1, 0.0, 60.25),
        piece("la", 1, 3, 60.25, 180.5),
        piece("ude", 3, 6, 180.5, 360.75),
        piece("said", 7, 11, 400.0, 640.0),
        piece("你", 12, 13, 680.0, 880.0),
        piece("好", 13, 14, 880.0, 1080.0),
        piece("in", 15, 17, 1120.0, 1240.0),
        piece("2", 18, 19, 1280.0, 1430.0),
        piece("0", 19, 20, 1430.0, 1580.0),
        piece("2", 20, 21, 1580.0, 1730.0),
        piece("4", 21, 22, 1730.0, 1880.0),
    ]
    subs = parse_subtitles(as_json([sentence(text, 0, 2180.125, pieces)]))
    assert subs.word_level
    (cue,) = subs.cues
    assert cue.end_ms == 2180.125
    assert cue.words == (
        Word("Claude", 0.0, 360.75),
        Word("said", 400.0, 640.0),
        Word("你", 680.0, 880.0),  # CJK characters stay one word each
        Word("好", 880.0, 1080.0),
        Word("in", 1120.0, 1240.0),
        Word("2024", 1280.0, 1880.0),  # a number timed per syllable is one word
    )


def test_pieces_not_found_in_the_text_are_joined_by_their_offsets() -> None:
    # The server's pronounce form differs from the text (no match): offsets decide.
    pieces = [
        piece("hel", 10, 13, 0, 100), piece("lo", 13, 15, 100, 200),
        piece("wor", 16, 19, 240, 300), piece("ld", 19, 21, 300, 400),
    ]  # fmt: skip
    subs = parse_subtitles(as_json([sentence("HÉLLO, WØRLD", 0, 400, pieces)]))
    assert [w.text for w in subs.cues[0].words] == ["hello", "world"]


def test_touching_pieces_across_punctuation_or_cjk_stay_apart() -> None:
    pieces = [
        piece("well", 0, 4, 0, 100), piece("known", 5, 10, 150, 300),
        piece("中", 10, 11, 300, 500), piece("文", 11, 12, 500, 700),
    ]  # fmt: skip
    subs = parse_subtitles(as_json([sentence("well-known中文", 0, 700, pieces)]))
    assert [w.text for w in subs.cues[0].words] == ["well", "known", "中", "文"]


def test_numeric_strings_and_integer_times_are_accepted() -> None:
    subs = parse_subtitles(as_json([{"text": "a", "time_begin": "12.5", "time_end": 40}]))
    assert subs.cues == (Cue("a", 12.5, 40.0),)


def test_pronounce_text_is_used_when_text_is_missing_and_markers_are_removed() -> None:
    subs = parse_subtitles(as_json([
        {"pronounce_text": "Hello <#0.5#> world", "time_begin": 0, "time_end": 900},
        {"text": "  ", "time_begin": 900, "time_end": 1000},  # nothing to show: skipped
    ]))  # fmt: skip
    assert subs.cues == (Cue("Hello world", 0.0, 900.0),)


def test_sentences_are_sorted_by_start() -> None:
    subs = parse_subtitles(as_json([sentence("b", 500, 900), sentence("a", 0, 400)]))
    assert [c.text for c in subs.cues] == ["a", "b"]


@pytest.mark.parametrize(
    "wrapped",
    [
        {"subtitles": [sentence("x", 0, 10)]},
        {"data": {"subtitles": [sentence("x", 0, 10)]}},
        {"code": 20000, "data": [sentence("x", 0, 10)]},
        {"whatever": [sentence("x", 0, 10)], "version": 2},
        sentence("x", 0, 10),
    ],
    ids=["subtitles", "data.subtitles", "envelope", "single-list", "single-sentence"],
)
def test_an_object_wrapping_the_array_is_accepted(wrapped: object) -> None:
    assert parse_subtitles(as_json(wrapped)).cues == (Cue("x", 0.0, 10.0),)


def test_an_empty_array_is_subtitles_without_cues() -> None:
    assert parse_subtitles(b"[]") == Subtitles((), word_level=False)


# -- SRT, WebVTT, LRC, ASS ---------------------------------------------------------------------


SRT = """1
00:00:01,500 --> 00:00:03,000
<i>Hello</i> there,
general Kenobi.

2
00:00:03,200 --> 00:00:04,000
{\\an8}你好，
世界！

"""


def test_srt_with_markup_and_line_breaks() -> None:
    subs = parse_subtitles(SRT.encode())
    assert subs == Subtitles(
        (Cue("Hello there, general Kenobi.", 1500.0, 3000.0), Cue("你好，世界！", 3200.0, 4000.0))
    )


def test_srt_with_bom_crlf_no_index_and_a_blank_line_inside_a_cue() -> None:
    text = "00:00:00,000 --> 00:00:01,000\r\nfirst part\r\n\r\nsecond part\r\n\r\n"
    subs = parse_subtitles(codecs.BOM_UTF8 + text.encode())
    assert subs.cues == (Cue("first part second part", 0.0, 1000.0),)


def test_srt_in_gb18030_and_utf16() -> None:
    text = "1\n00:00:00,000 --> 00:00:01,000\n中文字幕\n"
    assert parse_subtitles(text.encode("gb18030")).cues[0].text == "中文字幕"
    assert parse_subtitles(text.encode("utf-16")).cues[0].text == "中文字幕"


def test_webvtt_with_header_notes_ids_entities_and_karaoke_stamps() -> None:
    text = (
        "WEBVTT - made by hand\nKind: captions\n\nNOTE a comment\nspanning lines\n\n"
        "intro\n00:01.000 --> 00:02.500 align:start\nFish &amp; <c.yellow>chips</c>\n\n"
        "01:00:00.000 --> 01:00:01.000\n<00:00:00.000>one <00:00:00.500>two\n"
    )
    subs = parse_subtitles(text.encode())
    assert subs.cues == (
        Cue("Fish & chips", 1000.0, 2500.0),
        Cue("one two", 3_600_000.0, 3_601_000.0),
    )


def test_lrc_with_metadata_repeated_tags_offset_and_brackets_in_the_lyric() -> None:
    text = (
        "[ti:Demo]\n[offset:+100]\n[00:01.00][00:09.00]Chorus\n[00:03.50]verse <00:04.00>two\n"
        "[00:05.00]\n[00:07.00][laughs] ok\n"
    )
    subs = parse_subtitles(text.encode())
    assert subs.cues == (
        Cue("Chorus", 900.0, 3400.0),
        Cue("verse two", 3400.0, 4900.0),
        Cue("[laughs] ok", 6900.0, 8900.0),
        Cue("Chorus", 8900.0, 11900.0),  # no end line: LAST_CUE_MS
    )


def test_ass_dialogue_lines() -> None:
    text = (
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,not shown\n"
        "Dialogue: 0,0:00:01.50,0:00:02.25,Default,,0,0,0,,{\\b1}Hi,\\Nthere\\hfriend\n"
    )
    assert parse_subtitles(text.encode()).cues == (Cue("Hi, there friend", 1500.0, 2250.0),)


# -- empty and malformed files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b'[{"text": "a", "time_begin": 0', "not valid JSON"),
        (b'{"code": 20000}', "no list of sentences"),
        (b"42", "no format we know"),
        (b"[1, 2]", "Sentence 1 of the subtitle JSON is a number"),
        (b'[{"text": "a", "time_end": 5}]', "has no “time_begin”"),
        (b'[{"text": "a", "time_begin": -1, "time_end": 5}]', "milliseconds from 0"),
        (b'[{"text": "a", "time_begin": "soon", "time_end": 5}]', "milliseconds"),
        (b'[{"text": "a", "time_begin": NaN, "time_end": 5}]', "milliseconds"),
        (b'[{"text": "a", "time_begin": 1' + b"0" * 400 + b', "time_end": 5}]', "milliseconds"),
        (b'[{"text": "a", "time_begin": 9, "time_end": 5}]', "ends (5 ms) before"),
        (b'[{"text": 7, "time_begin": 0, "time_end": 5}]', "not a string"),
        (b'[{"text": "a", "time_begin": 0, "time_end": 5, "timestamped_words": 3}]', "not a list"),
        (
            b'[{"text": "a", "time_begin": 0, "time_end": 5, "timestamped_words": '
            b'[{"word": "a", "time_begin": 0}]}]',
            "Sentence 1, word 1 has no",
        ),
        (b"1\n00:00:01,000 --> later\nhi\n", "Line 2 of the SRT file is not a valid time range"),
        (b"1\n00:00:02,000 --> 00:00:01,000\nhi\n", "ends before it starts"),
        (b"1\n00:00:61,000 --> 00:00:62,000\nhi\n", "not a valid time range"),
        (b"Just some prose.\nNo times here.\n", "starts with “Just some prose.”"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\x00\xd8", "not valid UTF-16"),
        (b"WEBVTT\n\n00:01.000 --> 00:00.500\nx\n", "WebVTT file ends before it starts"),
        (b"[00:xx.00]lyric\n", "not valid JSON"),
        (b"[ar:someone]\nno tags\n", "no time tags"),
        (b"[Script Info]\n[Events]\nFormat: Start, Text, End\n", "must list Start, End"),
        (b"[Script Info]\n[Events]\nDialogue: 0,0:00:01.00\n", "has 2 fields"),
        (b"[" * 100_000, "nested too deeply"),
        (b"[1" + b"0" * 5000 + b"]", "cannot be read"),
    ],
)
def test_bad_files_raise_a_clear_subtitle_format_error(data: bytes, message: str) -> None:
    with pytest.raises(SubtitleFormatError) as caught:
        parse_subtitles(data)
    assert message in str(caught.value)


@given(st.binary(max_size=300))
def test_any_bytes_give_subtitles_or_a_subtitle_format_error(data: bytes) -> None:
    try:
        result = parse_subtitles(data)
    except SubtitleFormatError as exc:
        assert str(exc)
    else:
        assert isinstance(result, Subtitles)


@given(
    st.text(
        alphabet=st.sampled_from('[]{}":,0123456789.-> \nWEBVT\\abc中。tim_begndexsubtl'),
        max_size=200,
    )
)
def test_any_near_miss_text_gives_subtitles_or_a_subtitle_format_error(text: str) -> None:
    try:
        parse_subtitles(text.encode())
    except SubtitleFormatError as exc:
        assert str(exc)
