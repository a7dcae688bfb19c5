"""Chapters from a structured document: blocks (paragraphs or lines) with heading levels.

Markdown headings and DOCX heading styles give each block a level (1 = ``#`` / Heading 1,
0 = a DOCX ``Title``, ``None`` = body text). Which level starts chapters:

- the *chapter level* is the smallest level (excluding 0) that occurs at least twice; if every
  level occurs once, the smallest level present. A heading at the chapter level or above
  (smaller number) starts a chapter; deeper headings (sections) stay inside their chapter.
- a first heading above the chapter level (a lone ``# Book Title`` over ``## Chapter``
  headings, or a ``Title``) is the book's title and starts a front-matter chapter (kept,
  not excluded: it is the title page).

With no heading at all, the text goes through plain-text detection
(:func:`.chapters.detect_chapters`), so a DOCX whose chapters are bold "Chapter 1" lines still
splits. As everywhere, a chapter's text starts with its heading and the chapters join back
into the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .chapters import detect_chapters, heading_kind, should_exclude
from .manuscript import ChapterDraft, ChapterKind, first_line_title


@dataclass(frozen=True)
class Block:
    text: str
    level: int | None = None  # heading level, None for body text
    source_ref: str = ""


def chapters_from_blocks(
    blocks: Sequence[Block], separator: str, pattern: re.Pattern[str] | None = None
) -> tuple[str | None, tuple[ChapterDraft, ...]]:
    """``(book title or None, chapters)`` from blocks joined with ``separator``.

    ``pattern`` (the user's heading regex) is used only when there are no headings.
    """
    levels = [block.level for block in blocks if block.level is not None]
    text = separator.join(block.text for block in blocks)
    if not levels:
        return None, detect_chapters(text, pattern)
    chapter_level = _chapter_level(levels)
    starts: list[tuple[int, Block]] = []
    offset = 0
    for block in blocks:
        if block.level is not None and block.level <= chapter_level and block.text.strip():
            starts.append((offset, block))
        offset += len(block.text) + len(separator)
    if not starts:
        return None, detect_chapters(text, pattern)
    book_title: str | None = None
    chapters: list[ChapterDraft] = []
    if text[: starts[0][0]].strip():
        front = text[: starts[0][0]]
        chapters.append(_chapter(first_line_title(front), front, blocks[0].source_ref, front=True))
    for index, (start, block) in enumerate(starts):
        begin = 0 if index == 0 and not chapters else start
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        title = " ".join(block.text.split())
        is_book_title = index == 0 and block.level is not None and block.level < chapter_level
        if is_book_title:
            book_title = title
        chapters.append(_chapter(title, text[begin:end], block.source_ref, front=is_book_title))
    return book_title, tuple(chapters)


def _chapter_level(levels: list[int]) -> int:
    counts = Counter(level for level in levels if level > 0)
    repeated = [level for level, count in counts.items() if count >= 2]
    if repeated:
        return min(repeated)
    return min(counts) if counts else 0


def _chapter(title: str, text: str, ref: str, *, front: bool) -> ChapterDraft:
    kind = ChapterKind.FRONT_MATTER if front else (heading_kind(title) or ChapterKind.BODY)
    return ChapterDraft(title, text, ref, should_exclude(title, text), kind)
