"""Opening a chapter with no marked sentence does not split it into sentences: that took
~60 ms of the GUI thread for a 30,000-character chapter, twice per chapter shown (the
listening layer asks for the chapter's marks whenever its text settles)."""

from __future__ import annotations

import pytest

from soundclone_desktop.core.book import marks
from soundclone_desktop.core.book.marks import SentenceMark, marked_numbers


def test_no_mark_of_the_chapter_means_no_sentence_split(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    split = marks.sentence_spans

    def counted(text: str) -> list[tuple[int, int]]:
        calls.append(len(text))
        return split(text)

    monkeypatch.setattr(marks, "sentence_spans", counted)
    text = "One sentence. Another one here. A third.\n\nA new paragraph. " * 500
    other = SentenceMark("another-chapter", 2, "Another one here.")
    assert marked_numbers([other], "this-chapter", text) == frozenset()
    assert calls == []
    assert marked_numbers([SentenceMark("this-chapter", 2, "Another one here.")],
                          "this-chapter", text) == {2}  # fmt: skip
    assert len(calls) == 1
