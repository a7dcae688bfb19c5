"""Languages the API accepts per model version (API reference §9), and CJK detection.

Values are the exact English names the API expects; ``"Chinese,Yue"`` (Cantonese) is one
value that contains a comma. ``auto`` lets the engine detect the language; the client only
offers it with v2 (see the decision on ``auto`` with v1 in docs/internals.md).
"""

from __future__ import annotations

from typing import Final

from .lazy_pattern import LazyPattern

AUTO: Final = "auto"

V1_LANGUAGES: Final[tuple[str, ...]] = (
    "Chinese",
    "Chinese,Yue",
    "English",
    "Arabic",
    "Russian",
    "Spanish",
    "French",
    "Portuguese",
    "German",
    "Turkish",
    "Dutch",
    "Ukrainian",
    "Vietnamese",
    "Indonesian",
    "Japanese",
    "Italian",
    "Korean",
    "Thai",
    "Polish",
    "Romanian",
    "Greek",
    "Czech",
    "Finnish",
    "Hindi",
)
"""Supported by both v1 and v2 (24)."""

V2_ONLY_LANGUAGES: Final[tuple[str, ...]] = (
    "Bulgarian",
    "Danish",
    "Hebrew",
    "Malay",
    "Persian",
    "Slovak",
    "Swedish",
    "Croatian",
    "Filipino",
    "Hungarian",
    "Norwegian",
    "Slovenian",
    "Catalan",
    "Nynorsk",
    "Tamil",
    "Afrikaans",
)
"""Need ``soundVersion: "v2"`` (16 more, 40 in total)."""

ALL_LANGUAGES: Final[tuple[str, ...]] = V1_LANGUAGES + V2_ONLY_LANGUAGES

_BY_VERSION: Final[dict[str, tuple[str, ...]]] = {
    "v1": V1_LANGUAGES,
    "v2": (AUTO, *ALL_LANGUAGES),
}

# CJK scripts and punctuation, used to reject Chinese in `fileUrl` (the API forbids it) and to
# guess the language. Broad on purpose: a URL containing any of these is not what the API wants.
CJK_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」…)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x3190, 0x31FF),  # Kanbun, Bopomofo ext., CJK strokes, Katakana ext.
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended-A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended-B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (，！（）：…)
    (0x20000, 0x3FFFF),  # supplementary ideographic planes (ext. B and later)
)

# Compiled on first use (start-up time, issue #17).
_CJK = LazyPattern("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CJK_RANGES) + "]")
_HAN = LazyPattern("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# A run of letters outside the Han ranges: one "word" of another script.
_OTHER_WORD = LazyPattern(r"[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def languages_for(version: str) -> tuple[str, ...]:
    """Language values to offer for a model version; v2 starts with ``auto``.

    An unknown version gets an empty tuple.
    """
    return _BY_VERSION.get(version, ())


def is_supported(language: str, version: str) -> bool:
    """True when the API accepts ``language`` with ``version`` (``auto`` only with v2)."""
    return language in languages_for(version)


def contains_cjk(text: str) -> bool:
    """True when ``text`` has any CJK ideograph, kana, Hangul or CJK/fullwidth punctuation."""
    return _CJK.search(text) is not None


def first_cjk(text: str) -> int | None:
    """Index of the first CJK character in ``text``, or ``None``."""
    found = _CJK.search(text)
    return None if found is None else found.start()


def guess_language(text: str) -> str:
    """``"Chinese"`` when Chinese dominates ``text``, else ``"English"``.

    Used when the user switches from ``auto`` to v1, which needs an explicit language. One Han
    character is roughly one spoken syllable while a Latin word is one or more, so Han
    characters are weighed against *words* of other scripts: the mixed Chinese/English sample
    scripts come out Chinese, an English text quoting a Chinese name comes out English.
    """
    han = len(_HAN.findall(text))
    if not han:
        return "English"
    words = len(_OTHER_WORD.findall(text))
    return "Chinese" if han > words else "English"
