"""Masters are made largest first (both workers busy until near the end), and come back in
the order asked."""

from __future__ import annotations

from pathlib import Path

from soundclone_desktop.core.delivery.profiles import profile
from soundclone_desktop.services.delivery.master import MasterOutcome, master_files
from tests.audio.delivery_fixtures import chapter, write_mp3


def test_the_largest_file_is_mastered_first_and_results_keep_the_book_order(
    tmp_path: Path,
) -> None:
    sources = [
        write_mp3(chapter(seconds), tmp_path / f"{number:02d}.mp3", kbps=128, rate=32_000)
        for number, seconds in ((1, 3.0), (2, 9.0), (3, 6.0))
    ]
    finished: list[str] = []

    def done(outcome: MasterOutcome) -> None:
        finished.append(outcome.source.name)

    outcomes = master_files(sources, tmp_path / "acx", profile("acx"), workers=1, progress=done)
    assert finished == ["02.mp3", "03.mp3", "01.mp3"]
    assert [o.source for o in outcomes] == sources
