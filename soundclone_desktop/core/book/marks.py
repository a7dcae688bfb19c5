"""Sentences a listener marked for attention while reviewing a chapter. Pure.

A mark keeps the sentence's number and its text: an edit elsewhere in the chapter moves the
numbers, so a mark finds its sentence again by text (the nearest sentence with that text,
the same number first) and is dropped only when the sentence itself was rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .sentences import sentence_spans

__all__ = ["SentenceMark", "mark_of", "marked_numbers"]


@dataclass(frozen=True, slots=True)
class SentenceMark:
    """Sentence ``sentence`` (from 1) of chapter ``chapter_id`` reading ``text`` is marked."""

    chapter_id: str
    sentence: int
    text: str


def _sentences(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def mark_of(chapter_id: str, text: str, number: int) -> SentenceMark:
    """The mark of sentence ``number`` of a chapter whose text is ``text``."""
    return SentenceMark(chapter_id, number, _sentences(text)[number - 1])


def marked_numbers(marks: Iterable[SentenceMark], chapter_id: str, text: str) -> frozenset[int]:
    """The numbers of the chapter's marked sentences in its text as it is now."""
    mine = [mark for mark in marks if mark.chapter_id == chapter_id]
    if not mine:
        return frozenset()  # no sentence split (tens of ms for a long chapter) for nothing
    sentences = _sentences(text)
    found: set[int] = set()
    for mark in mine:
        same = [n for n, s in enumerate(sentences, 1) if s == mark.text and n not in found]
        if same:
            found.add(min(same, key=lambda n: abs(n - mark.sentence)))
    return frozenset(found)
