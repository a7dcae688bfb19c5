"""多音字: the readings of a Chinese character and the characters that sound like one of them,
to build a substitution rule (``行长`` read *háng zhǎng* → send ``航长``). Pure.

Readings come from pypinyin (its per-character dictionary, tone marks). pypinyin ships no
list of common characters, so "common" is measured from its own phrase dictionary: the number
of phrases a character appears in. A substitute should be a character every reader of the
engine knows well; rare characters risk being read otherwise, so only characters that occur
in at least :data:`MIN_PHRASES` phrases are offered, most frequent first. The index is built
once, on first use (pypinyin's dictionaries take about half a second to load).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

__all__ = ["MIN_PHRASES", "homophones", "readings"]

MIN_PHRASES: Final = 3  # about 3,600 characters qualify: the size of the 3,500 common-use list
_LIMIT: Final = 12


def readings(char: str) -> list[str]:
    """Every reading of ``char`` (pinyin with tone marks), the most common first; empty for
    anything that is not one Chinese character pypinyin knows."""
    if len(char) != 1:
        return []
    from pypinyin.pinyin_dict import pinyin_dict

    value = pinyin_dict.get(ord(char))
    return value.split(",") if value else []


def homophones(reading: str, exclude: str = "", limit: int = _LIMIT) -> list[str]:
    """Common characters whose reading (tone included) is exactly ``reading``, the most
    common first; those whose first (usual) reading it is come before the others, so the
    substitute is read as meant. ``exclude``: characters to leave out (the one replaced)."""
    found = [c for c in _by_reading().get(reading.strip().lower(), ()) if c not in exclude]
    return found[:limit]


@lru_cache(maxsize=1)
def _phrase_counts() -> dict[str, int]:
    from pypinyin.phrases_dict import phrases_dict

    counts: dict[str, int] = {}
    for phrase in phrases_dict:
        for char in set(phrase):
            counts[char] = counts.get(char, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[str, ...]]:
    """Common characters by reading: usual reading first, then by frequency, then code
    point (deterministic)."""
    from pypinyin.pinyin_dict import pinyin_dict

    counts = _phrase_counts()
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for code, value in pinyin_dict.items():
        char = chr(code)
        count = counts.get(char, 0)
        if count < MIN_PHRASES:
            continue
        for index, reading in enumerate(value.split(",")):
            ranked.setdefault(reading, []).append((index > 0, -count, char))
    return {reading: tuple(c for *_, c in sorted(chars)) for reading, chars in ranked.items()}
