"""The MiniMax subtitle JSON (API reference §12): sentences, optionally with word times.

Accepted shapes: an array of sentences, or an object wrapping one (under ``subtitles``,
``data``, ``sentences``… possibly one level deeper, as some gateways do). A sentence has
``text`` (or ``pronounce_text``), ``time_begin`` and ``time_end`` in milliseconds (integers,
floats or numeric strings). At word level ``timestamped_words`` lists pieces ``{word,
word_begin, word_end, time_begin, time_end}``; the engine splits long words into sub-word
pieces (``C``/``la``/``ude``), which are joined back into words here: two pieces join when
they touch in the sentence text (found in order) with letters or digits on both sides of the
seam, or, for a piece not found in the text, when their character offsets touch.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Cue, SubtitleFormatError, Subtitles, Word
from .text import is_word_char, normalize_text

_WRAPPER_KEYS = (
    "subtitles",
    "subtitle",
    "sentences",
    "segments",
    "data",
    "result",
    "list",
    "items",
)
_MAX_DEPTH = 3


def parse_minimax(value: object) -> Subtitles:
    """Subtitles from decoded MiniMax JSON; :class:`SubtitleFormatError` names what is wrong."""
    sentences = _sentences(value, 0)
    cues: list[Cue] = []
    word_level = False
    for number, item in enumerate(sentences, start=1):
        if not isinstance(item, Mapping):
            raise SubtitleFormatError(
                f"Sentence {number} of the subtitle JSON is {_kind(item)}, not an object."
            )
        pieces = item.get("timestamped_words")
        if pieces is not None and not isinstance(pieces, list):
            raise SubtitleFormatError(
                f"Sentence {number}: “timestamped_words” is {_kind(pieces)}, not a list."
            )
        word_level = word_level or pieces is not None
        cue = _cue(number, item, pieces or [])
        if cue is not None:
            cues.append(cue)
    cues.sort(key=lambda c: c.start_ms)
    return Subtitles(tuple(cues), word_level)


def _sentences(value: object, depth: int) -> Sequence[object]:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping) and depth < _MAX_DEPTH:
        if "time_begin" in value:  # a single sentence on its own
            return [value]
        for key in _WRAPPER_KEYS:
            inner = value.get(key)
            if isinstance(inner, list | Mapping):
                return _sentences(inner, depth + 1)
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    raise SubtitleFormatError(
        "The subtitle JSON has no list of sentences: expected an array, or an object with a "
        "“subtitles” array."
    )


def _cue(number: int, item: Mapping[str, object], pieces: list[object]) -> Cue | None:
    begin = _time(item, "time_begin", f"Sentence {number}")
    end = _time(item, "time_end", f"Sentence {number}")
    if end < begin:
        raise SubtitleFormatError(
            f"Sentence {number} ends ({end:g} ms) before it begins ({begin:g} ms)."
        )
    raw = item.get("text")
    if raw is None:
        raw = item.get("pronounce_text")
    if raw is not None and not isinstance(raw, str):
        raise SubtitleFormatError(f"Sentence {number}: “text” is {_kind(raw)}, not a string.")
    parsed = [_piece(number, k, p) for k, p in enumerate(pieces, start=1)]
    source = raw if raw is not None else "".join(p.text for p in parsed)
    words = _regroup(source, [p for p in parsed if p.text])
    text = normalize_text(source)
    if not text:
        return None  # nothing to show: a sentence of only silence or markers
    return Cue(text, begin, end, words)


@dataclass(frozen=True)
class _Piece:
    text: str
    start_ms: float
    end_ms: float
    begin: int | None  # character offsets from the server (unreliable around markers)
    end: int | None


def _piece(number: int, k: int, value: object) -> _Piece:
    where = f"Sentence {number}, word {k}"
    if not isinstance(value, Mapping):
        raise SubtitleFormatError(f"{where} is {_kind(value)}, not an object.")
    text = value.get("word", value.get("text", ""))
    if not isinstance(text, str):
        raise SubtitleFormatError(f"{where}: “word” is {_kind(text)}, not a string.")
    start, end = _time(value, "time_begin", where), _time(value, "time_end", where)
    if end < start:
        raise SubtitleFormatError(f"{where} ends ({end:g} ms) before it begins ({start:g} ms).")
    return _Piece(
        text.strip(), start, end, _offset(value, "word_begin"), _offset(value, "word_end")
    )


def _regroup(sentence: str, pieces: list[_Piece]) -> tuple[Word, ...]:
    groups: list[list[_Piece]] = []
    cursor = 0
    located_end: int | None = None  # where the previous piece ended in ``sentence``
    for piece in pieces:
        pos = sentence.find(piece.text, cursor)
        joined = False
        if groups:
            prev = groups[-1][-1]
            seam = is_word_char(prev.text[-1]) and is_word_char(piece.text[0])
            if pos >= 0 and located_end is not None:
                joined = seam and pos == located_end
            elif prev.end is not None and piece.begin is not None:
                joined = seam and prev.end == piece.begin
        if joined:
            groups[-1].append(piece)
        else:
            groups.append([piece])
        if pos >= 0:
            cursor = located_end = pos + len(piece.text)
        else:
            located_end = None
    words = [
        Word("".join(p.text for p in group), group[0].start_ms, group[-1].end_ms)
        for group in groups
    ]
    words.sort(key=lambda w: w.start_ms)
    return tuple(words)


def _time(item: Mapping[str, object], key: str, where: str) -> float:
    value = item.get(key)
    if value is None:
        raise SubtitleFormatError(f"{where} has no “{key}”.")
    number: float | None = None
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            number = float(value.strip() if isinstance(value, str) else value)
        except (ValueError, OverflowError):  # "soon", or an integer beyond any float
            number = None
    if number is None or not math.isfinite(number) or number < 0:
        raise SubtitleFormatError(
            f"{where}: “{key}” must be a number of milliseconds from 0 (got {_show(value)})."
        )
    return number


def _offset(item: Mapping[str, object], key: str) -> int | None:
    value = item.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def _show(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
