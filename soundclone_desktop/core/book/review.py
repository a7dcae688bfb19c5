"""The user's review of detected chapters: pure operations the UI and the CLI call.

Each takes a :class:`Manuscript` and returns a new one; none changes a character of text.
``rename``, ``merge_with_next``, ``split`` and ``set_excluded`` keep the joined text of all
chapters (excluded ones included) exactly equal; ``move`` reorders whole chapters, so the
joined text is a permutation of the chapters' texts. An index out of range, or a split
offset outside the chapter, raises :class:`IndexError`: the caller offers only valid ones.
"""

from __future__ import annotations

from dataclasses import replace

from .manuscript import ChapterDraft, Manuscript, first_line_title


def rename(manuscript: Manuscript, index: int, title: str) -> Manuscript:
    """The chapter's label changes; its text does not (the heading stays as spoken text)."""
    chapters = list(manuscript.chapters)
    chapters[_check(manuscript, index)] = replace(chapters[index], title=title.strip())
    return replace(manuscript, chapters=tuple(chapters))


def merge_with_next(manuscript: Manuscript, index: int) -> Manuscript:
    """The chapter absorbs the next one: title, kind and source of the first are kept.

    The merged chapter is excluded only if both were (merging must not hide included text).
    """
    _check(manuscript, index)
    _check(manuscript, index + 1)
    first, second = manuscript.chapters[index], manuscript.chapters[index + 1]
    merged = replace(
        first, text=first.text + second.text, excluded=first.excluded and second.excluded
    )
    chapters = (*manuscript.chapters[:index], merged, *manuscript.chapters[index + 2 :])
    return replace(manuscript, chapters=chapters)


def split(manuscript: Manuscript, index: int, offset: int, title: str = "") -> Manuscript:
    """Split the chapter at ``offset`` (a code-point index into its text, 0 < offset < len).

    The new second chapter gets ``title``, or else the first line of its text; it inherits
    the first's kind and excluded flag, and has no ``source_ref`` (the user made it).
    """
    chapter = manuscript.chapters[_check(manuscript, index)]
    if not 0 < offset < len(chapter.text):
        raise IndexError(f"split offset {offset} is outside 1..{len(chapter.text) - 1}")
    head = replace(chapter, text=chapter.text[:offset])
    tail_text = chapter.text[offset:]
    tail = ChapterDraft(
        title=title.strip() or first_line_title(tail_text),
        text=tail_text,
        source_ref="",
        excluded=chapter.excluded,
        kind=chapter.kind,
    )
    chapters = (*manuscript.chapters[:index], head, tail, *manuscript.chapters[index + 1 :])
    return replace(manuscript, chapters=chapters)


def set_excluded(manuscript: Manuscript, index: int, excluded: bool) -> Manuscript:
    """Exclude a chapter from the book (it stays in the list), or include it again."""
    chapters = list(manuscript.chapters)
    chapters[_check(manuscript, index)] = replace(chapters[index], excluded=excluded)
    return replace(manuscript, chapters=tuple(chapters))


def move(manuscript: Manuscript, index: int, new_index: int) -> Manuscript:
    """Move a chapter so that it ends up at ``new_index`` (the others keep their order)."""
    _check(manuscript, index)
    _check(manuscript, new_index)
    chapters = list(manuscript.chapters)
    chapters.insert(new_index, chapters.pop(index))
    return replace(manuscript, chapters=tuple(chapters))


def _check(manuscript: Manuscript, index: int) -> int:
    if not 0 <= index < len(manuscript.chapters):
        raise IndexError(f"chapter {index} is outside 0..{len(manuscript.chapters) - 1}")
    return index
