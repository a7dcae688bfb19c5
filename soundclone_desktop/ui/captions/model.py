"""What the captions pane shows and which cue/word is current, without Qt.

Two pure pieces, both built once per loaded result:

- :func:`lay_out` turns each cue into one display line and finds each word's place in it
  (code points), so the view can highlight a word or tell which word was clicked.
- :class:`Follower` answers "which cue and word are current at ``ms``?" and, crucially for
  the per-tick cost, remembers the time interval over which that answer cannot change: a
  position inside it costs two comparisons, and only a new answer reaches the widgets.

The current cue and word are *sticky*: between two sentences (a pause) the last sentence
stays current until the next one starts, as in lyrics displays. Highlighting nothing for a
few hundred milliseconds and then the next line would make the pane flicker.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the subtitle package loads with the first subtitles (start-up time)
    from soundclone_desktop.core.subtitles.model import Cue, Subtitles

# Characters that would split one cue across several text blocks in Qt.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\u2028\u2029\x0b\x0c\x85", " "))


@dataclass(frozen=True, slots=True)
class CueLine:
    """One cue as displayed: ``text`` on one block; ``words[i]`` is ``(start, end)`` of word
    ``i`` in ``text`` (code points), or ``None`` when the word could not be found in it."""

    text: str
    words: tuple[tuple[int, int] | None, ...]

    def word_index_at(self, index: int) -> int | None:
        """The word covering code point ``index`` of :attr:`text`, if any."""
        for number, span in enumerate(self.words):
            if span is not None and span[0] <= index < span[1]:
                return number
        return None


def lay_out(subtitles: Subtitles) -> tuple[CueLine, ...]:
    return tuple(_line(cue) for cue in subtitles.cues)


def _line(cue: Cue) -> CueLine:
    text = cue.text.translate(_LINE_BREAKS)
    if not text.strip() and cue.words:
        text = " ".join(w.text for w in cue.words).translate(_LINE_BREAKS)
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    folded = _fold(text)
    for word in cue.words:
        needle = _fold(word.text.strip().translate(_LINE_BREAKS))
        found = folded.find(needle, cursor) if needle else -1
        if found < 0:
            spans.append(None)  # an unmatched word must not drag the cursor past others
            continue
        spans.append((found, found + len(needle)))
        cursor = found + len(needle)
    return CueLine(text, tuple(spans))


def _fold(text: str) -> str:
    """Lower case, one character for one, so offsets into the result hold for ``text``."""
    if text.isascii():
        return text.lower()
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


@dataclass(frozen=True, slots=True)
class Current:
    """The current cue and word (``None``: before the first cue / before the cue's first
    word, or a sentence-level cue)."""

    cue: int | None
    word: int | None


NOTHING = Current(None, None)


class Follower:
    """Maps playback positions to the current cue and word, remembering where that holds."""

    def __init__(self, subtitles: Subtitles) -> None:
        self._cues = subtitles.cues
        self._starts = [cue.start_ms for cue in self._cues]
        self._word_starts = [[w.start_ms for w in cue.words] for cue in self._cues]
        self.current = NOTHING
        self._low = 1.0  # the interval [low, high) over which ``current`` holds (none yet)
        self._high = 0.0

    def update(self, ms: float) -> bool:
        """Move to ``ms``; True when the current cue or word changed."""
        if self._low <= ms < self._high:
            return False
        found, self._low, self._high = self._locate(ms)
        if found == self.current:
            return False
        self.current = found
        return True

    def _locate(self, ms: float) -> tuple[Current, float, float]:
        inf = float("inf")
        cue = bisect_right(self._starts, ms) - 1
        if cue < 0:
            return NOTHING, -inf, self._starts[0] if self._starts else inf
        low = self._starts[cue]
        high = self._starts[cue + 1] if cue + 1 < len(self._starts) else inf
        starts = self._word_starts[cue]
        word = bisect_right(starts, ms) - 1
        if word < 0:
            return Current(cue, None), low, min(high, starts[0]) if starts else high
        low = max(low, starts[word])
        if word + 1 < len(starts):
            high = min(high, starts[word + 1])
        return Current(cue, word), low, high
