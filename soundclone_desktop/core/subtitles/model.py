"""Subtitles as the app holds them: cues with millisecond times, optionally word times.

Times are float milliseconds from the start of the audio (the server's JSON may carry
fractions of a millisecond; the file formats round when they are written). ``Cue.text`` is
one logical line: whitespace runs are collapsed to one space and line breaks are a matter of
layout (see :mod:`.layout`), so a cue read back from SRT equals the cue that was written.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class SubtitleFormatError(ValueError):
    """A subtitle file we cannot read; the message says what was wrong, in one sentence."""


@dataclass(frozen=True)
class Word:
    """One spoken word (a CJK character, a number, an English word) and when it is heard."""

    text: str
    start_ms: float
    end_ms: float


@dataclass(frozen=True)
class Cue:
    """One subtitle: its text, its time span and, at word level, its words in order."""

    text: str
    start_ms: float
    end_ms: float
    words: tuple[Word, ...] = ()

    @property
    def duration_ms(self) -> float:
        return self.end_ms - self.start_ms


@dataclass(frozen=True)
class Subtitles:
    """Cues in start order. ``word_level`` is True when the source had word times."""

    cues: tuple[Cue, ...]
    word_level: bool = False
    # For the bisect in cue_index_at (the player asks on every position tick): start times,
    # and the latest end among each cue and those before it (cues from elsewhere may overlap).
    _starts: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _reach: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        reach: list[float] = []
        for cue in self.cues:
            reach.append(max(cue.end_ms, reach[-1]) if reach else cue.end_ms)
        object.__setattr__(self, "_starts", tuple(c.start_ms for c in self.cues))
        object.__setattr__(self, "_reach", tuple(reach))

    @property
    def end_ms(self) -> float:
        """When the last cue ends (0 without cues)."""
        return self._reach[-1] if self._reach else 0.0

    def cue_index_at(self, ms: float) -> int | None:
        """Index of the cue shown at ``ms`` (start inclusive, end exclusive).

        Where cues overlap, the latest-starting one that still runs wins.
        """
        index = bisect_right(self._starts, ms) - 1
        while index >= 0 and self._reach[index] > ms:
            if ms < self.cues[index].end_ms:
                return index
            index -= 1
        return None


def cue_at(subtitles: Subtitles, ms: float) -> int | None:
    """Index of the cue playing at ``ms``, or ``None`` between cues."""
    return subtitles.cue_index_at(ms)


def word_at(cue: Cue, ms: float) -> int | None:
    """Index of the word of ``cue`` heard at ``ms``, or ``None`` (between words, or none)."""
    words = cue.words
    index = bisect_right([w.start_ms for w in words], ms) - 1
    if index >= 0 and ms < words[index].end_ms:
        return index
    return None
