"""Caption files for a delivered book, read back with the app's subtitle parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.core.subtitles import Cue, SubtitleFormat, parse_subtitles
from soundclone_desktop.services.delivery.captions import CaptionedChapter, write_book_captions

CHAPTERS = [
    CaptionedChapter("01 Opening", [Cue("Hello and welcome.", 1000, 2500)], 0.0),
    CaptionedChapter(
        "02 The Road", [Cue("It rained.", 500, 1500), Cue("Then it stopped.", 1800, 3000)], 4.5
    ),
]  # fmt: skip


@pytest.mark.parametrize("fmt", list(SubtitleFormat))
def test_per_chapter_files_keep_their_times_and_the_book_file_adds_the_offsets(
    tmp_path: Path, fmt: SubtitleFormat
) -> None:
    paths = write_book_captions(tmp_path, "Book", CHAPTERS, fmt)
    names = [p.name for p in paths]
    assert names == [f"01 Opening.{fmt}", f"02 The Road.{fmt}", f"Book.{fmt}"]
    second = parse_subtitles(paths[1].read_bytes()).cues
    assert [c.start_ms for c in second] == pytest.approx([500, 1800], abs=5)
    book = parse_subtitles(paths[2].read_bytes()).cues
    assert [c.text for c in book] == ["Hello and welcome.", "It rained.", "Then it stopped."]
    assert [c.start_ms for c in book] == pytest.approx([1000, 5000, 6300], abs=5)
    assert not list(tmp_path.glob(".writing-*"))
