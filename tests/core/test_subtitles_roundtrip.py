"""Every export format reads back as what was written (hypothesis).

What "the same" means, per format (see core/subtitles/export.py and lrc.py):

- the cues compared are the laid-out ones (``layout_cues``: split, lengthened, lines
  rejoined), because that is what a file holds;
- SRT and WebVTT times are whole milliseconds: back within 0.5 ms (asserted ≤ 1 ms);
- ASS and LRC times are centiseconds: back within 5 ms. LRC has no end times; ours writes a
  clearing time line where silence follows, so ends come back too (within 5 ms, or as the
  next cue's start when the two fall in the same 10 ms);
- texts come back equal;
- at least one cue: a file without cues is empty in SRT and LRC, and reading refuses an
  empty file (test_no_cues below). With generous layout options the laid-out cues are the original
  cues up to the spaces next to CJK characters that line breaks cannot record.

Text is drawn from letters, CJK, digits, punctuation and spaces, plus ``&`` and quotes.
Characters that the formats reserve without an escape (``<>`` tags in SRT, ``{}\\`` in ASS,
a leading ``[`` in LRC) have their own example tests in test_subtitles_parse/export.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.subtitles import (
    Cue,
    ExportOptions,
    SubtitleFormat,
    Subtitles,
    export_subtitles,
    layout_cues,
    parse_subtitles,
)
from soundclone_desktop.core.subtitles.export import layout_blocks
from soundclone_desktop.core.subtitles.linebreak import pieces
from soundclone_desktop.core.subtitles.text import comparable, normalize_text

TOLERANCE_MS = {
    SubtitleFormat.SRT: 0.5,
    SubtitleFormat.VTT: 0.5,
    SubtitleFormat.ASS: 5.0,
    SubtitleFormat.LRC: 5.0,
}
EPS = 1e-6

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789'&", min_size=1, max_size=12)
HAN = st.text(alphabet="你好世界今天天气很好我们的中文字幕测试", min_size=1, max_size=8)
PUNCT = st.sampled_from(["，", "。", "！", "？", "、", ",", ".", "!", "?", "“", "”", "(", ")", "…"])
TOKEN = st.one_of(WORD, HAN, PUNCT)


@st.composite
def texts(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(TOKEN, min_size=1, max_size=25))
    glue = draw(st.lists(st.sampled_from([" ", "", "  "]), min_size=len(tokens),
                         max_size=len(tokens)))  # fmt: skip
    return normalize_text("".join(t + g for t, g in zip(tokens, glue, strict=True))) or "x"


@st.composite
def subtitle_sets(draw: st.DrawFn) -> Subtitles:
    count = draw(st.integers(1, 8))
    cues: list[Cue] = []
    at = draw(st.floats(0, 5_000_000, allow_nan=False))
    for _ in range(count):
        at += draw(st.floats(0, 5000, allow_nan=False))  # gap, possibly none
        length = draw(st.floats(0, 20_000, allow_nan=False))
        cues.append(Cue(draw(texts()), at, at + length))
        at += length
    return Subtitles(tuple(cues))


OPTIONS = st.builds(
    ExportOptions,
    max_chars_per_line=st.integers(8, 60),
    max_lines=st.integers(1, 4),
    min_duration_ms=st.integers(0, 3000),
)


def assert_round_trip(subs: Subtitles, fmt: SubtitleFormat, options: ExportOptions) -> None:
    expected = layout_cues(subs, options)
    back = parse_subtitles(export_subtitles(subs, fmt, options).encode("utf-8")).cues
    tolerance = TOLERANCE_MS[fmt] + EPS
    assert [c.text for c in back] == [c.text for c in expected]
    for got, want in zip(back, expected, strict=True):
        assert abs(got.start_ms - want.start_ms) <= tolerance, (got, want)
        assert abs(got.end_ms - want.end_ms) <= tolerance, (got, want)


@settings(max_examples=100, deadline=None)
@given(subtitle_sets(), OPTIONS)
def test_srt_round_trips(subs: Subtitles, options: ExportOptions) -> None:
    assert_round_trip(subs, SubtitleFormat.SRT, options)


@settings(max_examples=100, deadline=None)
@given(subtitle_sets(), OPTIONS)
def test_vtt_round_trips(subs: Subtitles, options: ExportOptions) -> None:
    assert_round_trip(subs, SubtitleFormat.VTT, options)


@settings(max_examples=100, deadline=None)
@given(subtitle_sets(), OPTIONS)
def test_ass_round_trips_to_the_centisecond(subs: Subtitles, options: ExportOptions) -> None:
    assert_round_trip(subs, SubtitleFormat.ASS, options)


@settings(max_examples=100, deadline=None)
@given(subtitle_sets(), OPTIONS)
def test_lrc_round_trips_starts_and_ends_to_the_centisecond(
    subs: Subtitles, options: ExportOptions
) -> None:
    assert_round_trip(subs, SubtitleFormat.LRC, options)


@settings(max_examples=100, deadline=None)
@given(subtitle_sets())
def test_with_generous_options_the_file_holds_the_original_cues(subs: Subtitles) -> None:
    options = ExportOptions(max_chars_per_line=200, max_lines=10, min_duration_ms=0)
    short = Subtitles(tuple(c for c in subs.cues if len(c.text) <= 200))
    for fmt in SubtitleFormat:
        back = parse_subtitles(export_subtitles(short, fmt, options).encode("utf-8")).cues
        assert [comparable(c.text) for c in back] == [comparable(c.text) for c in short.cues]
        for got, want in zip(back, short.cues, strict=True):
            assert abs(got.start_ms - want.start_ms) <= TOLERANCE_MS[fmt] + EPS
            assert abs(got.end_ms - want.end_ms) <= TOLERANCE_MS[fmt] + EPS


@settings(max_examples=100, deadline=None)
@given(subtitle_sets(), OPTIONS)
def test_layout_keeps_order_limits_and_no_overlap(subs: Subtitles, options: ExportOptions) -> None:
    for block in layout_blocks(subs, options):
        assert 1 <= len(block.lines) <= options.max_lines
        for line in block.lines:  # only an unbreakable run may overflow, alone on its line
            assert len(line) <= options.max_chars_per_line or len(pieces(line)) == 1
    cues = layout_cues(subs, options)
    for earlier, later in itertools.pairwise(cues):
        assert earlier.end_ms <= later.start_ms + EPS
    for cue in cues:
        assert cue.start_ms <= cue.end_ms
    joined = "".join(comparable(c.text).replace(" ", "") for c in cues)
    assert joined == "".join(comparable(c.text).replace(" ", "") for c in subs.cues)


def test_no_cues() -> None:
    empty = Subtitles(())
    assert export_subtitles(empty, SubtitleFormat.SRT) == ""
    assert export_subtitles(empty, SubtitleFormat.LRC) == ""
    for fmt in (SubtitleFormat.VTT, SubtitleFormat.ASS):
        assert parse_subtitles(export_subtitles(empty, fmt).encode()).cues == ()
