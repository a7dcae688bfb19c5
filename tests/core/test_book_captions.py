"""A book's captions: each chapter's cues on the book's clock."""

from __future__ import annotations

from soundclone_desktop.core.subtitles import Cue, Word
from soundclone_desktop.core.subtitles.book import book_captions


def test_each_chapter_moves_by_its_offset_words_included() -> None:
    one = [Cue("A.", 100, 900, (Word("A", 100, 800),)), Cue("B.", 1000, 1500)]
    two = [Cue("C.", 0, 700)]
    moved = book_captions([(one, 0.0), (two, 12.25)])
    assert [(c.text, c.start_ms, c.end_ms) for c in moved] == [
        ("A.", 100, 900), ("B.", 1000, 1500), ("C.", 12_250, 12_950)
    ]  # fmt: skip
    assert moved[0].words == (Word("A", 100, 800),)
    assert book_captions([(two, 60.0), (one, 0.0)])[0].text == "A."  # in start order
