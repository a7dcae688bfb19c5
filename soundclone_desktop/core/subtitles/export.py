"""Writing subtitles for video editors and players: SRT, WebVTT, LRC and ASS.

Every format is laid out the same way first (:mod:`.layout`: line width, lines per cue,
minimum duration), then written in its own syntax as a ``str``; the caller encodes it as
UTF-8 (:func:`encode`). LRC shows one line at a time, so a cue's lines are written joined
on one line there.

What reading our own output gives back (the round-trip the tests check): the laid-out cues
(:func:`layout_cues`), with times within 0.5 ms for SRT and VTT and within 5 ms for ASS and
LRC (10 ms resolution), and texts equal, except ASS, where ``{``, ``}`` and ``\\`` come back
in fullwidth form. Word times are not written (the formats' word extensions are not read by
common video editors).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .ass import write_ass
from .layout import Block, layout
from .lrc import write_lrc
from .model import Cue, Subtitles
from .srt import write_srt, write_vtt

MAX_CHARS_RANGE = (8, 200)
MAX_LINES_RANGE = (1, 10)
MIN_DURATION_RANGE = (0, 10_000)


class SubtitleFormat(StrEnum):
    SRT = "srt"
    VTT = "vtt"
    LRC = "lrc"
    ASS = "ass"

    @property
    def extension(self) -> str:
        return f".{self.value}"


@dataclass(frozen=True)
class ExportOptions:
    """Layout rules. Characters are code points: a CJK character counts as one.

    Out-of-range values raise ``ValueError`` naming the field and the allowed range.
    """

    max_chars_per_line: int = 42
    max_lines: int = 2
    min_duration_ms: int = 700

    def __post_init__(self) -> None:
        for name, (low, high) in (
            ("max_chars_per_line", MAX_CHARS_RANGE),
            ("max_lines", MAX_LINES_RANGE),
            ("min_duration_ms", MIN_DURATION_RANGE),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(
                    f"{name} must be a whole number from {low} to {high} (got {value!r})"
                )


_WRITERS: dict[SubtitleFormat, Callable[[Sequence[Block]], str]] = {
    SubtitleFormat.SRT: write_srt,
    SubtitleFormat.VTT: write_vtt,
    SubtitleFormat.LRC: write_lrc,
    SubtitleFormat.ASS: write_ass,
}


def layout_blocks(subtitles: Subtitles, options: ExportOptions = ExportOptions()) -> list[Block]:
    return layout(
        subtitles.cues,
        max_chars=options.max_chars_per_line,
        max_lines=options.max_lines,
        min_duration_ms=options.min_duration_ms,
    )


def layout_cues(subtitles: Subtitles, options: ExportOptions = ExportOptions()) -> tuple[Cue, ...]:
    """The cues as they will be written: split, lengthened, texts rejoined from their lines."""
    return tuple(block.as_cue() for block in layout_blocks(subtitles, options))


def export_subtitles(
    subtitles: Subtitles, fmt: SubtitleFormat, options: ExportOptions = ExportOptions()
) -> str:
    """The file's text in ``fmt`` (write it with :func:`encode`)."""
    return _WRITERS[SubtitleFormat(fmt)](layout_blocks(subtitles, options))


def preview_subtitles(
    subtitles: Subtitles,
    fmt: SubtitleFormat,
    options: ExportOptions = ExportOptions(),
    *,
    max_cues: int = 6,
) -> str:
    """The start of the file as it would be written: its first ``max_cues`` cues."""
    return _WRITERS[SubtitleFormat(fmt)](layout_blocks(subtitles, options)[:max_cues])


def encode(text: str, *, bom: bool = False, crlf: bool = False) -> bytes:
    """UTF-8 bytes of a written file; optionally with a byte-order mark and CRLF line ends,
    which some Windows tools want before they read an SRT as UTF-8."""
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return ("\ufeff" + text if bom else text).encode("utf-8")
