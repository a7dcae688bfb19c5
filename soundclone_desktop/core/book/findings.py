"""Characters the service cannot speak, reported with their positions, never stripped.

Reported (Unicode general categories): control characters ``Cc`` other than line feed and
tab (a form feed from a PDF conversion, NUL, DEL, C1 controls); format characters ``Cf``
(zero-width space and joiners, byte-order mark, soft hyphen, direction marks); private-use
``Co`` (publisher glyph fonts map pictures of characters there); lone surrogates ``Cs``;
unassigned code points ``Cn``; and U+FFFD, the replacement character a broken decoding
leaves. A run of the same character is one :class:`Finding`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class FindingKind(StrEnum):
    CONTROL = "control"
    FORMAT = "format"  # zero-width and other invisible formatting marks
    PRIVATE_USE = "private-use"
    SURROGATE = "surrogate"
    UNASSIGNED = "unassigned"
    REPLACEMENT = "replacement"  # U+FFFD: the file had bytes that were not text


_KINDS = {
    "Cc": FindingKind.CONTROL,
    "Cf": FindingKind.FORMAT,
    "Co": FindingKind.PRIVATE_USE,
    "Cs": FindingKind.SURROGATE,
    "Cn": FindingKind.UNASSIGNED,
}
_SPEAKABLE_CONTROLS = frozenset("\n\t")


@dataclass(frozen=True)
class Finding:
    """``length`` copies of ``char`` starting at code-point ``offset``."""

    offset: int
    length: int
    char: str
    kind: FindingKind

    @property
    def codepoint(self) -> str:
        """``"U+200B"``: how the UI names an invisible character."""
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        """The Unicode name (``"ZERO WIDTH SPACE"``), or the code point if it has none."""
        return unicodedata.name(self.char, self.codepoint)


def find_unspeakable(text: str) -> tuple[Finding, ...]:
    """Every run of unspeakable characters in ``text``, in order."""
    # Classify each distinct character once, then scan with one regex: linear and fast on
    # a million characters (a book has a few thousand distinct characters).
    kinds = {char: kind for char in set(text) if (kind := _kind(char)) is not None}
    if not kinds:
        return ()
    pattern = re.compile("|".join(f"{re.escape(char)}+" for char in sorted(kinds)))
    return tuple(
        Finding(match.start(), match.end() - match.start(), match.group(0)[0], kinds[match[0][0]])
        for match in pattern.finditer(text)
    )


def _kind(char: str) -> FindingKind | None:
    if char == "\ufffd":
        return FindingKind.REPLACEMENT
    if char in _SPEAKABLE_CONTROLS:
        return None
    return _KINDS.get(unicodedata.category(char))
