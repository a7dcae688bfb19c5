"""Script analysis: billable characters, pause markers and the problems the API would reject.

Pause markers
    A well-formed marker is ``<#x#>`` with ``x`` matching ``\\d{1,2}(\\.\\d{1,2})?`` in ASCII
    digits (the API reference's syntax). Every well-formed marker is a :class:`Pause` and is
    excluded from :attr:`ScriptReport.billable_chars`, so ``billable_chars == request_chars -
    sum of pause lengths`` always holds. A well-formed marker whose value is below 0.01
    (``<#0#>``) is still a pause for counting, and also gets a ``marker-range`` error.

Malformed-marker detection rule
    Every ``<#`` that does not start a well-formed marker starts a malformed one, scanning left
    to right without overlap. Its extent is:

    1. up to and including the nearest ``#>`` if that comes within 24 characters and no ``<``,
       ``>`` or line break comes first (``<#abc#>``, ``<# 1 #>``, ``<#1.234#>``, ``<#100#>``);
    2. otherwise the marker is unclosed: ``<#`` plus the number that follows it (up to 24
       digits, dots or commas, after at most 8 spaces or tabs) plus one stray ``#`` or ``>``
       (``<#0.5``, ``<#0.5#``, ``<#0.5>``).

    A malformed span never contains ``<``, so it can never swallow a well-formed marker. The
    24-character window keeps the scan linear and stops a stray ``<#`` from reaching across
    prose.

Offsets
    All offsets are Python string indices (code points), half-open ``[start, end)``. Qt's
    ``QString``/``QTextCursor`` count UTF-16 code units instead: a character above U+FFFF
    (most emoji, rare CJK extension ideographs) is one code point but two UTF-16 units, so
    after such a character Qt positions are larger than ours. Convert with
    :func:`utf16_offset` (one index), :func:`utf16_offsets` (many, one pass) or
    :class:`Utf16Map` (build once per text, then O(log k) per lookup, both directions). For
    text without astral characters the two coincide.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from math import isfinite
from types import MappingProxyType
from typing import Final

from .lazy_pattern import LazyPattern

MAX_REQUEST_CHARS: Final = 9999
MIN_PAUSE: Final = 0.01
MAX_PAUSE: Final = 99.99

_MIN_DEC: Final = Decimal("0.01")
_MAX_DEC: Final = Decimal("99.99")
_CLOSE_WINDOW: Final = 24

# The API's pause value: 1 or 2 ASCII digits, then optionally a dot and 1 or 2 more.
_PAUSE_VALUE: Final = r"[0-9]{1,2}(?:\.[0-9]{1,2})?"
#: A well-formed pause marker ``<#x#>``, its seconds in group ``num``: the one pattern the
#: client uses for markers (the demo server keeps its own reading, on purpose).
PAUSE_MARKER: Final = LazyPattern(r"<\#(?P<num>" + _PAUSE_VALUE + r")\#>")
#: Anything closed and marker-shaped, malformed ones included (``<#abc#>``): the extent rule 1
#: of the module doc. Text cuts keep out of these too.
MARKER_SHAPED: Final = LazyPattern(r"<\#[^<>\n\r]{0," + str(_CLOSE_WINDOW) + r"}?\#>")
# One pass over every "<#": well-formed, closed-but-malformed, or unclosed (see module doc).
# Every pattern here is compiled on first use (start-up time, issue #17).
_TOKEN = LazyPattern(
    r"<\#(?:"
    r"(?P<num>" + _PAUSE_VALUE + r")\#>"
    r"|(?P<body>[^<>\n\r]{0," + str(_CLOSE_WINDOW) + r"}?)\#>"
    r"|(?P<open>(?:[ \t]{0,8}[0-9.,]{1,24})?[\#>]?)"
    r")"
)
_NONSPACE = LazyPattern(r"\S")
_SPOKEN = LazyPattern(r"[^\W_]")  # a letter or digit in any script: something to pronounce
_ASTRAL = LazyPattern("[\U00010000-\U0010ffff]")
_NUMBER = LazyPattern(r"(?P<int>[0-9]*)(?:\.(?P<frac>[0-9]*))?")  # ASCII digits, like the API


class Severity(StrEnum):
    """ERROR blocks submission; WARNING is advice."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Pause:
    """A well-formed ``<#x#>`` marker at ``text[start:end]`` lasting ``seconds``."""

    start: int
    end: int
    seconds: float
    text: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with ``text[start:end]``.

    ``suggestion`` is replacement text for exactly that span (``""`` means "delete it"), or
    ``None`` when there is no mechanical fix. ``params`` holds the values used in
    ``message`` so the UI can build a translated sentence from ``code`` + ``params``.
    """

    code: str
    start: int
    end: int
    severity: Severity
    message: str
    suggestion: str | None = None
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


@dataclass(frozen=True, slots=True)
class ScriptReport:
    """Result of :func:`analyze`. ``blocking`` and ``total_pause_seconds`` are derived."""

    billable_chars: int
    request_chars: int
    pauses: tuple[Pause, ...]
    problems: tuple[Problem, ...]
    blocking: bool = field(init=False)
    total_pause_seconds: float = field(init=False)

    def __post_init__(self) -> None:
        blocking = any(p.severity is Severity.ERROR for p in self.problems)
        total = sum((Decimal(repr(p.seconds)) for p in self.pauses), Decimal(0))
        object.__setattr__(self, "blocking", blocking)
        object.__setattr__(self, "total_pause_seconds", float(total))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that block submission."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that do not block submission."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


# --- Problem codes (stable; the UI keys translations on them) -------------------------------

EMPTY: Final = "empty"
TOO_LONG: Final = "too-long"
MARKER_MALFORMED: Final = "marker-malformed"
MARKER_RANGE: Final = "marker-range"
MARKER_AT_START: Final = "marker-at-start"
MARKER_AT_END: Final = "marker-at-end"
MARKERS_ADJACENT: Final = "markers-adjacent"
MARKER_NEAR_PUNCTUATION: Final = "marker-near-punctuation"

PROBLEM_CODES: Final[tuple[str, ...]] = (
    EMPTY,
    TOO_LONG,
    MARKER_MALFORMED,
    MARKER_RANGE,
    MARKER_AT_START,
    MARKER_AT_END,
    MARKERS_ADJACENT,
    MARKER_NEAR_PUNCTUATION,
)

# `params["reason"]` of a marker-malformed problem.
MALFORMED_REASONS: Final[tuple[str, ...]] = (
    "unclosed",  # no closing #> nearby
    "empty",  # <##>
    "spaces",  # <# 1 #>
    "comma",  # <#0,5#>
    "unit",  # <#1s#>, <#500ms#>
    "negative",  # <#-1#>
    "too-large",  # <#100#>: 100 seconds or more
    "decimals",  # <#1.234#>: more than two decimal places
    "format",  # <#1.#>, <#.5#>, <#007#>: a number, but not written as the API wants it
    "not-a-number",  # <#abc#>
)


# --- Small helpers the editor uses ----------------------------------------------------------


def _to_decimal(value: float | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return value
    if not isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Decimal(repr(value))  # repr: the shortest text that round-trips, 0.1 -> "0.1"


def _round2(value: Decimal) -> Decimal:
    try:
        return value.quantize(_MIN_DEC, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than the decimal context holds
        raise ValueError(f"number out of range: {value}") from exc


def _clamp(value: Decimal) -> Decimal:
    # Clamp before rounding: a huge value would not fit the decimal context's precision.
    return _round2(min(max(value, _MIN_DEC), _MAX_DEC))


def format_seconds(x: float | Decimal) -> str:
    """Seconds as marker text: at most two decimals, no trailing zeros (``0.5``, ``1``, ``1.25``).

    Rounds half up (``0.125`` -> ``0.13``). Raises ``ValueError`` for NaN or infinity.
    """
    text = f"{_round2(_to_decimal(x)):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("", "-0") else text


def marker(x: float | Decimal) -> str:
    """The marker ``<#x#>`` for a pause of ``x`` seconds (rounded to 0.01).

    Raises ``ValueError`` when the rounded value is outside 0.01–99.99, so it never produces
    markup the API rejects.
    """
    value = _round2(_to_decimal(x))
    if not _MIN_DEC <= value <= _MAX_DEC:
        raise ValueError(f"a pause must last {MIN_PAUSE} to {MAX_PAUSE} seconds, got {x!r}")
    return f"<#{format_seconds(value)}#>"


def merge_value(a: float, b: float) -> float:
    """The length of one pause replacing two consecutive ones: the sum, capped at 99.99."""
    return float(min(_to_decimal(a) + _to_decimal(b), _MAX_DEC))


# --- UTF-16 offsets (Qt) --------------------------------------------------------------------


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units (what Qt's ``QString.length()`` reports)."""
    if s.isascii():
        return len(s)
    # surrogatepass: a lone surrogate (possible in text from Qt) is one unit, not an error.
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 offset of code-point ``index`` in ``text`` (clamped to ``[0, len(text)]``).

    O(index); for many indices into one text use :func:`utf16_offsets` or :class:`Utf16Map`.
    """
    index = min(max(index, 0), len(text))
    return utf16_len(text[:index])


def utf16_offsets(text: str, indices: Iterable[int]) -> list[int]:
    """UTF-16 offsets of many code-point indices into ``text``, in one pass over ``text``."""
    return Utf16Map(text).to_utf16_many(indices)


class Utf16Map:
    """Converts offsets between code points (Python) and UTF-16 units (Qt) for one text.

    Building it scans the text once (in C, via a regex) for astral characters; each lookup is
    then a binary search over those characters only, so it is cheap to build on every
    keystroke and to query for every problem span.
    """

    __slots__ = ("_astral", "_length", "_utf16_starts")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._astral: list[int] = (
            [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        )
        # UTF-16 offset where the k-th astral character starts.
        self._utf16_starts = [p + k for k, p in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        """Length of the whole text in UTF-16 units."""
        return self._length + len(self._astral)

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of code-point ``index`` (clamped to the text)."""
        index = min(max(index, 0), self._length)
        return index + bisect_left(self._astral, index)

    def to_utf16_many(self, indices: Iterable[int]) -> list[int]:
        """:meth:`to_utf16` for each index, in the given order."""
        return [self.to_utf16(i) for i in indices]

    def from_utf16(self, offset: int) -> int:
        """Code-point index of UTF-16 ``offset`` (clamped to the text).

        An offset between the two halves of a surrogate pair maps to the start of that
        character.
        """
        offset = min(max(offset, 0), self.utf16_length)
        whole = bisect_right(self._utf16_starts, offset - 2)  # astral chars entirely before
        if whole < len(self._utf16_starts) and self._utf16_starts[whole] == offset - 1:
            return self._astral[whole]
        return offset - whole


# --- Analysis -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Diagnosis:
    reason: str
    value: Decimal | None  # the number the user probably meant, if one can be read


def _has_digit(s: str) -> bool:
    return any(ch in "0123456789" for ch in s)


def _diagnose(body: str) -> _Diagnosis:
    """Why the inside of a closed ``<#...#>`` is not a valid value, and what was meant."""
    if not body.strip():
        return _Diagnosis("empty", None)
    compact = "".join(body.split())
    reasons: list[str] = []
    if compact != body and compact:
        reasons.append("spaces")
    if "," in compact:
        compact = compact.replace(",", ".")
        reasons.append("comma")
    scale = Decimal(1)
    lowered = compact.lower()
    if lowered.endswith("ms"):
        compact, scale = compact[:-2], Decimal("0.001")
        reasons.append("unit")
    elif lowered.endswith("s"):
        compact = compact[:-1]
        reasons.append("unit")
    negative = compact.startswith("-")
    if negative:
        compact = compact[1:]
    number = _NUMBER.fullmatch(compact)
    if number is None or not _has_digit(compact):
        return _Diagnosis("not-a-number", None)
    try:
        value = Decimal(compact if compact[0] != "." else "0" + compact) * scale
    except InvalidOperation:  # pragma: no cover - _NUMBER already guarantees a decimal
        return _Diagnosis("not-a-number", None)
    if negative:
        return _Diagnosis("negative", None)
    if reasons:
        return _Diagnosis(reasons[0], value)
    frac = number["frac"]
    if value >= 100:
        return _Diagnosis("too-large", value)
    if frac is not None and len(frac) > 2:
        return _Diagnosis("decimals", value)
    return _Diagnosis("format", value)  # "1.", ".5", "007": readable but not API syntax


_REASON_LEAD: Final[dict[str, str]] = {
    "unclosed": "The pause marker {marker} is not closed with #>.",
    "empty": "The pause marker {marker} has no number of seconds in it.",
    "spaces": "The pause marker {marker} contains spaces.",
    "comma": "The pause marker {marker} uses a comma; use a dot for decimals.",
    "unit": "The pause marker {marker} has a unit; write the number of seconds only.",
    "negative": "The pause marker {marker} is negative.",
    "too-large": "The pause marker {marker} is longer than the 99.99-second maximum.",
    "decimals": "The pause marker {marker} has more than two decimal places.",
    "format": "The pause marker {marker} is not written as the service expects.",
    "not-a-number": "{marker} is not a valid pause marker: it needs a number of seconds.",
}
_SYNTAX_HINT: Final = "Write a pause as <#seconds#> from 0.01 to 99.99, for example <#0.5#>."


def _quote(s: str) -> str:
    return f"“{s}”"


def _malformed(start: int, end: int, raw: str, reason: str, value: Decimal | None) -> Problem:
    suggestion = None if value is None else marker(_clamp(value))
    lead = _REASON_LEAD[reason].format(marker=_quote(raw))
    tail = f"Did you mean {suggestion}?" if suggestion else _SYNTAX_HINT
    params: dict[str, object] = {"marker": raw, "reason": reason}
    if suggestion:
        params["suggestion"] = suggestion
    return Problem(
        MARKER_MALFORMED, start, end, Severity.ERROR, f"{lead} {tail}", suggestion, params
    )


def _unclosed(start: int, raw: str) -> Problem:
    digits = raw[2:].strip(" \t#>").replace(",", ".")
    value: Decimal | None = None
    if _NUMBER.fullmatch(digits) and _has_digit(digits):
        value = Decimal(digits if digits[0] != "." else "0" + digits)
    return _malformed(start, start + len(raw), raw, "unclosed", value)


def _range_problem(pause: Pause) -> Problem:
    suggestion = marker(MIN_PAUSE)
    message = (
        f"The pause marker {_quote(pause.text)} lasts {format_seconds(pause.seconds)} seconds; "
        f"a pause must last {MIN_PAUSE} to {MAX_PAUSE} seconds. Did you mean {suggestion}?"
    )
    params = {
        "marker": pause.text,
        "seconds": pause.seconds,
        "min": MIN_PAUSE,
        "max": MAX_PAUSE,
        "suggestion": suggestion,
    }
    return Problem(
        MARKER_RANGE, pause.start, pause.end, Severity.ERROR, message, suggestion, params
    )


def _scan(text: str) -> tuple[list[Pause], list[Problem]]:
    """All pause markers, and the problems found in the markers themselves."""
    pauses: list[Pause] = []
    problems: list[Problem] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        num = m["num"]
        if num is not None:
            pause = Pause(start, end, float(num), m[0])
            pauses.append(pause)
            if Decimal(num) < _MIN_DEC:
                problems.append(_range_problem(pause))
        elif m["body"] is not None:
            diagnosis = _diagnose(m["body"])
            problems.append(_malformed(start, end, m[0], diagnosis.reason, diagnosis.value))
        else:
            problems.append(_unclosed(start, m[0]))
    return pauses, problems


def _runs(text: str, pauses: list[Pause]) -> list[list[Pause]]:
    """Group pauses separated only by whitespace (or nothing) into runs."""
    runs: list[list[Pause]] = []
    for pause in pauses:
        if runs and _NONSPACE.search(text, runs[-1][-1].end, pause.start) is None:
            runs[-1].append(pause)
        else:
            runs.append([pause])
    return runs


def _merged(run: list[Pause]) -> Problem:
    total = sum((Decimal(repr(p.seconds)) for p in run), Decimal(0))
    suggestion = marker(_clamp(total))
    start, end = run[0].start, run[-1].end
    capped = " (capped at 99.99)" if total > _MAX_DEC else ""
    message = (
        f"{len(run)} pause markers follow each other; the service does not allow consecutive "
        f"pauses. Merge them into one: {suggestion}{capped}."
    )
    params = {
        "count": len(run),
        "seconds": float(_clamp(total)),
        "suggestion": suggestion,
        "capped": total > _MAX_DEC,
    }
    return Problem(MARKERS_ADJACENT, start, end, Severity.ERROR, message, suggestion, params)


def _placement(text: str, runs: list[list[Pause]]) -> list[Problem]:
    """Markers that lead or trail the text, or stand next to nothing pronounceable."""
    problems: list[Problem] = []
    for i, run in enumerate(runs):
        start, end = run[0].start, run[-1].end
        raw = text[start:end]
        before_from = runs[i - 1][-1].end if i else 0
        after_to = runs[i + 1][0].start if i + 1 < len(runs) else len(text)
        sides: list[str] = []
        if i == 0 and _NONSPACE.search(text, 0, start) is None:
            problems.append(_edge(MARKER_AT_START, start, end, raw, "start"))
        elif _SPOKEN.search(text, before_from, start) is None:
            sides.append("before")
        if i + 1 == len(runs) and _NONSPACE.search(text, end) is None:
            problems.append(_edge(MARKER_AT_END, start, end, raw, "end"))
        elif _SPOKEN.search(text, end, after_to) is None:
            sides.append("after")
        if sides:
            problems.append(
                _near_punctuation(start, end, raw, "both" if len(sides) == 2 else sides[0])
            )
    return problems


def _edge(code: str, start: int, end: int, raw: str, where: str) -> Problem:
    message = (
        f"The pause marker {_quote(raw)} is at the {where} of the text; a pause must sit "
        "between two pieces of text. Remove it."
    )
    return Problem(code, start, end, Severity.ERROR, message, "", {"marker": raw})


_SIDE_WORDS: Final[dict[str, str]] = {
    "before": "before it",
    "after": "after it",
    "both": "on either side of it",
}


def _near_punctuation(start: int, end: int, raw: str, side: str) -> Problem:
    message = (
        f"The pause marker {_quote(raw)} has only punctuation or symbols {_SIDE_WORDS[side]}; "
        "a pause works best between two spoken words."
    )
    params = {"marker": raw, "side": side}
    return Problem(MARKER_NEAR_PUNCTUATION, start, end, Severity.WARNING, message, None, params)


def _too_long(length: int, max_chars: int) -> Problem:
    excess = length - max_chars
    message = (
        f"The text is {length:,} characters long; the limit is {max_chars:,} "
        f"(pause markers included). Remove {excess:,} characters."
    )
    params = {"length": length, "limit": max_chars, "excess": excess}
    return Problem(TOO_LONG, max_chars, length, Severity.ERROR, message, None, params)


def analyze(text: str, *, max_chars: int = MAX_REQUEST_CHARS) -> ScriptReport:
    """Count, find pauses and check ``text`` against the API's rules (see the module doc).

    Problems are sorted by position. Runs in linear time: one regex pass for the markers,
    then bounded searches between neighbouring markers.
    """
    pauses, problems = _scan(text)
    request_chars = len(text)
    billable = request_chars - sum(p.end - p.start for p in pauses)
    if _NONSPACE.search(text) is None:
        message = "The text is empty. Type what the voice should say."
        problems.append(Problem(EMPTY, 0, request_chars, Severity.ERROR, message, None, {}))
    elif _NONSPACE.search(_strip_pauses(text, pauses)) is None:
        message = "The text has only pause markers in it. Type what the voice should say."
        problems.append(Problem(EMPTY, 0, request_chars, Severity.ERROR, message, None, {}))
    else:
        runs = _runs(text, pauses)
        problems.extend(_merged(run) for run in runs if len(run) > 1)
        problems.extend(_placement(text, runs))
    if request_chars > max_chars:
        problems.append(_too_long(request_chars, max_chars))
    problems.sort(key=lambda p: (p.start, p.end, p.code))
    return ScriptReport(billable, request_chars, tuple(pauses), tuple(problems))


def _strip_pauses(text: str, pauses: list[Pause]) -> str:
    if not pauses:
        return text
    pieces: list[str] = []
    pos = 0
    for p in pauses:
        pieces.append(text[pos : p.start])
        pos = p.end
    pieces.append(text[pos:])
    return "".join(pieces)


def excerpt(text: str, length: int = 60) -> str:
    """The first words of a script on one line, pause markers removed, for lists."""
    flat = " ".join(PAUSE_MARKER.sub(" ", text).split())
    if len(flat) <= length:
        return flat
    cut = flat[: max(1, length - 1)]
    space = cut.rfind(" ")
    if space >= length // 2:  # end on a whole word when there are words
        cut = cut[:space]
    return cut.rstrip(" ,.;:，。；：") + "…"
