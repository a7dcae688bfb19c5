"""The imported manuscript before it becomes a book: chapters the user reviews.

Text rule (lossless): a chapter's ``text`` is the exact slice of the manuscript's text it came
from, *including its heading line(s)*, so joining every chapter's text, excluded ones too, in
order gives back the whole imported text. The heading is therefore spoken as the chapter's
first paragraph (audiobooks read chapter titles); ``title`` is only the label shown in lists
and file names, and renaming a chapter never changes its text.

Excluding a chapter never deletes it: excluded chapters stay in the list (pre-marked front
matter such as a copyright page or a table of contents) and can be included again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

_TITLE_MAX = 40


def first_line_title(text: str) -> str:
    """A title for untitled text: its first non-blank line, cut to 40 characters."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped) <= _TITLE_MAX else stripped[: _TITLE_MAX - 1] + "…"
    return ""


class ChapterKind(StrEnum):
    FRONT_MATTER = "front-matter"  # title page, copyright, contents, preface, foreword
    BODY = "body"  # prologue, chapters, parts, epilogue
    BACK_MATTER = "back-matter"  # afterword, acknowledgements, about the author


@dataclass(frozen=True)
class ChapterDraft:
    """One detected chapter, as the user reviews it before the book is created.

    ``source_ref`` says where it came from, for the user and for support: ``"line 12"``
    (plain text, 1-based), ``"paragraph 34"`` (DOCX, 1-based), ``"OEBPS/ch1.xhtml#sec2"``
    (EPUB: the document inside the zip and the TOC anchor) or ``""`` for a chapter made by
    the user (a split).
    """

    title: str
    text: str
    source_ref: str = ""
    excluded: bool = False
    kind: ChapterKind = ChapterKind.BODY


@dataclass(frozen=True)
class Manuscript:
    """A manuscript read from a file: metadata, chapters, and notes about what was left out.

    ``notes`` are sentences for the user about content the reader did not import (DOCX or
    EPUB footnotes, images, empty documents); nothing is left out without a note.
    ``language`` is the file's declared language tag (``"zh-CN"``, ``"en"``) or ``None``.
    """

    title: str
    author: str = ""
    language: str | None = None
    chapters: tuple[ChapterDraft, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """Every chapter's text joined in order, excluded chapters included."""
        return "".join(chapter.text for chapter in self.chapters)

    @property
    def included(self) -> tuple[ChapterDraft, ...]:
        return tuple(chapter for chapter in self.chapters if not chapter.excluded)
