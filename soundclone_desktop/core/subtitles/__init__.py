"""Subtitles: read what the server returns, map cues to the script, write editor formats.

Pure (no I/O, no Qt). ``parse_subtitles(bytes)`` sniffs MiniMax JSON, SRT, WebVTT, LRC and
ASS; ``align_to_script`` finds the script span each cue and word speaks; ``cue_at`` /
``word_at`` answer "what is playing now"; ``export_subtitles`` writes SRT, WebVTT, LRC or ASS
with line width, lines per cue and minimum duration.
"""

from .align import CueAlignment, Span, align_to_script
from .export import (
    MAX_CHARS_RANGE,
    MAX_LINES_RANGE,
    MIN_DURATION_RANGE,
    ExportOptions,
    SubtitleFormat,
    encode,
    export_subtitles,
    layout_cues,
    preview_subtitles,
)
from .model import Cue, SubtitleFormatError, Subtitles, Word, cue_at, word_at
from .parse import parse_subtitles

__all__ = [
    "MAX_CHARS_RANGE",
    "MAX_LINES_RANGE",
    "MIN_DURATION_RANGE",
    "Cue",
    "CueAlignment",
    "ExportOptions",
    "Span",
    "SubtitleFormat",
    "SubtitleFormatError",
    "Subtitles",
    "Word",
    "align_to_script",
    "cue_at",
    "encode",
    "export_subtitles",
    "layout_cues",
    "parse_subtitles",
    "preview_subtitles",
    "word_at",
]
