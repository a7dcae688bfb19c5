"""多音字: the readings of a Chinese character and the characters that sound like one of them,
to build a substitution rule (``行长`` read *háng zhǎng* → send ``航长``). Pure.

Readings come from pypinyin (its per-character dictionary, tone marks). pypinyin ships no
list of common characters, so "common" is measured from its own phrase dictionary: the number
of phrases a character appears in. A substitute should be a character every reader of the
engine knows well; rare characters risk being read otherwise, so only characters that occur
in at least :data:`MIN_PHRASES` phrases are offered, most frequent first. The index is built
once, on first use (pypinyin's dictionaries take about half a second to load).

pypinyin's own modules load its dictionaries with one ``json.loads`` of a 2.5 MB file each,
a single call that holds the GIL for 250-330 ms: loaded in a worker when a book opens, that
stalled the GUI thread as long (issue 14). So the two files are read here instead, an entry
at a time (``finditer``), which lets the GUI thread run between entries; pypinyin itself is
never imported.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Final

__all__ = ["MIN_PHRASES", "homophones", "readings"]

MIN_PHRASES: Final = 3  # about 3,600 characters qualify: the size of the 3,500 common-use list
_LIMIT: Final = 12
# pypinyin's dictionaries hold ~41,000 characters and ~47,000 phrases: fewer entries read
# means its data is laid out otherwise than this module expects, and pypinyin loads it.
_FEWEST_ENTRIES: Final = 10_000
# pypinyin's data, one entry a line: ``"12295": "líng,yuán,xīng",`` (code point: readings)
# and ``"一丁点儿": [`` (a phrase, its readings on the lines after it).
_READINGS_ENTRY: Final = re.compile(r'^"(\d+)": "([^"\n]*)",?$', re.MULTILINE)
_PHRASE_ENTRY: Final = re.compile(r'^"([^"\n]+)": \[$', re.MULTILINE)


def readings(char: str) -> list[str]:
    """Every reading of ``char`` (pinyin with tone marks), the most common first; empty for
    anything that is not one Chinese character pypinyin knows."""
    if len(char) != 1:
        return []
    value = _pinyin_dict().get(ord(char))
    return value.split(",") if value else []


def homophones(reading: str, exclude: str = "", limit: int = _LIMIT) -> list[str]:
    """Common characters whose reading (tone included) is exactly ``reading``, the most
    common first; those whose first (usual) reading it is come before the others, so the
    substitute is read as meant. ``exclude``: characters to leave out (the one replaced)."""
    found = [c for c in _by_reading().get(reading.strip().lower(), ()) if c not in exclude]
    return found[:limit]


def _entries(name: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The entries of pypinyin's data file ``name``, one match at a time (see the module
    doc); located without importing pypinyin. Nothing when the file is not there."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin")
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except OSError:
        return iter(())
    return pattern.finditer(text)


def _unescape(key: str) -> str:
    return json.loads(f'"{key}"') if "\\" in key else key


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's ``pinyin_dict``: readings (comma-separated) by code point."""
    found = {int(m[1]): _unescape(m[2]) for m in _entries("pinyin_dict.json", _READINGS_ENTRY)}
    if len(found) < _FEWEST_ENTRIES:  # another layout of the data (or none): ask pypinyin
        from pypinyin.pinyin_dict import pinyin_dict

        return dict(pinyin_dict)
    return found


@lru_cache(maxsize=1)
def _phrase_counts() -> dict[str, int]:
    phrases: Collection[str] = [
        _unescape(m[1]) for m in _entries("phrases_dict.json", _PHRASE_ENTRY)
    ]
    if len(phrases) < _FEWEST_ENTRIES:  # another layout of the data (or none): ask pypinyin
        from pypinyin.phrases_dict import phrases_dict

        phrases = phrases_dict
    counts: dict[str, int] = {}
    for phrase in phrases:
        for char in set(phrase):
            counts[char] = counts.get(char, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[str, ...]]:
    """Common characters by reading: usual reading first, then by frequency, then code
    point (deterministic)."""
    counts = _phrase_counts()
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for code, value in _pinyin_dict().items():
        char = chr(code)
        count = counts.get(char, 0)
        if count < MIN_PHRASES:
            continue
        for index, reading in enumerate(value.split(",")):
            ranked.setdefault(reading, []).append((index > 0, -count, char))
    return {reading: tuple(c for *_, c in sorted(chars)) for reading, chars in ranked.items()}
