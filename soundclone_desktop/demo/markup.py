"""Pause markers ``<#x#>`` in ``contentText``: finding them, checking them, counting chars.

The demo server's own reading of reference §11: ``x`` is seconds from 0.01 to 99.99 with at
most two decimals; a marker may not lead or trail the text (only whitespace beside it) and two
markers may not follow each other with only whitespace between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Not core.script.PAUSE_MARKER, on purpose: the demo is the independent oracle of §11.
# A candidate is anything shaped like a marker; its value is checked separately so that
# "<#100#>" gets a range message rather than a vague "malformed" one.
_CANDIDATE = re.compile(r"<#([^<>#]*)#>")
_VALUE = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

MIN_PAUSE_CENTIS = 1
MAX_PAUSE_CENTIS = 9999
RULE = "use <#x#> with x in seconds from 0.01 to 99.99, at most two decimals"


@dataclass(frozen=True)
class Pause:
    """One well-formed marker: ``text[start:end]``, lasting ``centis`` hundredths of a second."""

    start: int
    end: int
    centis: int

    @property
    def seconds(self) -> float:
        return self.centis / 100


class MarkupError(ValueError):
    """A marker breaks a rule; the message names the marker, its position and the rule."""


def find_pauses(text: str) -> list[Pause]:
    """Every marker in ``text``, in order; raises ``MarkupError`` on the first broken rule."""
    pauses: list[Pause] = []
    covered_to = 0
    for match in _CANDIDATE.finditer(text):
        _check_stray(text, covered_to, match.start())
        raw = match.group(1)
        marker = match.group(0)
        if not _VALUE.fullmatch(raw):
            if _NUMBER.fullmatch(raw):
                raise MarkupError(
                    f"pause {marker} at character {match.start()} is out of range: {RULE}"
                )
            raise MarkupError(
                f"malformed pause marker {marker} at character {match.start()}: {RULE}"
            )
        centis = round(float(raw) * 100)
        if not MIN_PAUSE_CENTIS <= centis <= MAX_PAUSE_CENTIS:
            raise MarkupError(
                f"pause {marker} at character {match.start()} is out of range: {RULE}"
            )
        pause = Pause(match.start(), match.end(), centis)
        if not text[: pause.start].strip():
            raise MarkupError(f"pause {marker} is at the start of the text; put text before it")
        if not text[pause.end :].strip():
            raise MarkupError(f"pause {marker} is at the end of the text; put text after it")
        if pauses and not text[pauses[-1].end : pause.start].strip():
            raise MarkupError(
                f"pause {marker} at character {pause.start} follows another pause; "
                "merge consecutive pauses into one"
            )
        pauses.append(pause)
        covered_to = match.end()
    _check_stray(text, covered_to, len(text))
    return pauses


def _check_stray(text: str, start: int, end: int) -> None:
    """A lone ``<#`` or ``#>`` outside a marker is a marker typed wrong."""
    for token in ("<#", "#>"):
        index = text.find(token, start, end)
        if index >= 0:
            raise MarkupError(f"malformed pause marker near character {index}: {RULE}")


def billable_chars(text: str, pauses: list[Pause]) -> int:
    """Unicode code points with the markers left out (reference §4, §10)."""
    return len(text) - sum(p.end - p.start for p in pauses)


def strip_markers(text: str) -> str:
    return _CANDIDATE.sub("", text)
