"""Character rules shared by parsing, alignment and line breaking.

CJK text has no spaces between words, so two rules meet here:

- a line may break between two characters when either is "CJK-class" (ideographs, kana,
  Hangul, CJK and fullwidth punctuation) with no space lost, or at a space (which the break
  swallows);
- joining the lines of a cue back into one text (SRT, VTT and ASS keep lines, not spaces)
  puts a space between two lines unless either side of the join is CJK-class.

So text written and read back is the same up to spaces next to CJK characters, which line
breaks cannot record: :func:`comparable` states exactly that equivalence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..script import PAUSE_MARKER

_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」…)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms (vertical punctuation)
    (0xFF00, 0xFFEF),  # fullwidth forms (，！？（）) and halfwidth kana
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)

# No line may start with one of these (they close what came before) ...
CLOSING = frozenset("，。！？、；：）」』】》〉〕〗〙〛”’…‥—～·・ー々〆ゝゞヽヾ,.!?;:)]}%»›")
# ... and none may end with one of these (they open what follows).
OPENING = frozenset("（「『【《〈〔〖〘〚“‘([{«‹")

_SPACE_RUN = re.compile(r"\s+")


def is_cjk(ch: str) -> bool:
    """True for a CJK-class character: one that sits in text without spaces around it."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def normalize_text(text: str) -> str:
    """One line: pause markers removed, whitespace runs made one space, ends trimmed."""
    return _SPACE_RUN.sub(" ", PAUSE_MARKER.sub("", text)).strip()


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one cue as one text: a space between lines unless a side is CJK-class."""
    out = ""
    for raw in lines:
        line = normalize_text(raw)
        if not line:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(line[0])):
            out += " "
        out += line
    return out


def comparable(text: str) -> str:
    """``text`` with the spaces next to CJK-class characters removed (see the module doc)."""
    text = normalize_text(text)
    kept = [
        ch
        for i, ch in enumerate(text)
        if not (
            ch == " "
            and ((i > 0 and is_cjk(text[i - 1])) or (i + 1 < len(text) and is_cjk(text[i + 1])))
        )
    ]
    return "".join(kept)


def is_key(ch: str) -> bool:
    """A character that alignment compares: a letter or digit of any script."""
    return ch.isalnum()


def keys(text: str) -> tuple[str, list[int]]:
    """The comparable letters and digits of ``text`` and, for each, its index in ``text``.

    NFKC folds fullwidth and compatibility forms (``１`` → ``1``) and casefold ignores case,
    so the server's rendering of a sentence matches the script as typed. Punctuation and
    whitespace are skipped: servers differ on those.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch.isalnum():
                out.append(ch.lower())
                index.append(i)
            continue
        for folded in unicodedata.normalize("NFKC", ch).casefold():
            if is_key(folded):
                out.append(folded)
                index.append(i)
    return "".join(out), index


def is_word_char(ch: str) -> bool:
    """A character inside a space-separated word (a Latin letter, a digit, an apostrophe)."""
    return (ch.isalnum() or ch in "'’") and not is_cjk(ch)
