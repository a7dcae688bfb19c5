"""The M4B writer: chapters, duration, cover and tags read back by PyAV and mutagen, which
share no code with the writer's bookkeeping; chapter audio made here from NumPy tones."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
from mutagen.mp4 import MP4

from soundclone_desktop.audio.decode import Cancelled, decode
from soundclone_desktop.audio.m4b import BookMeta, ChapterAudio, write_m4b
from soundclone_desktop.audio.model import Audio, AudioError
from tests.audio.signals import tone, write

# (title, seconds, tone Hz, file kind, rate, channels): formats and rates differ on purpose,
# so resampling and downmixing are on the way.
CHAPTERS = [
    ("Opening Credits", 2.5, 440.0, "m4a", 44_100, 1),
    ("Chapter 1 — Début", 6.25, 880.0, "mp3", 32_000, 1),
    ("第二章 归来", 4.0, 1320.0, "wav", 48_000, 2),
    ("Closing Credits", 3.1, 660.0, "flac", 44_100, 1),
]
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _chapters(folder: Path) -> list[ChapterAudio]:
    made = []
    for number, (title, seconds, freq, kind, rate, channels) in enumerate(CHAPTERS):
        mono = tone(seconds, 0.3, freq, rate, fade=0.01)
        audio = Audio(np.repeat(mono.samples, channels, axis=0), rate)
        made.append(ChapterAudio(title, write(audio, folder / f"ch{number}.{kind}")))
    return made


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float]]:
    folder = tmp_path_factory.mktemp("m4b")
    cover = folder / "cover.png"
    cover.write_bytes(PNG)
    meta = BookMeta(
        title="The Long Way", author="Ada Writer", narrator="Nia Reader", year=2026,
        description="A test book.", genre="Audiobook", cover=cover,
    )  # fmt: skip
    seen: list[float] = []
    result = write_m4b(_chapters(folder), folder / "book.m4b", meta=meta, progress=seen.append)
    assert result.path == folder / "book.m4b"
    return result.path, seen


def _expected_starts() -> list[float]:
    return list(np.cumsum([0.0] + [c[1] for c in CHAPTERS])[:-1])


def test_pyav_reads_every_chapter_with_its_title_and_start(book: tuple[Path, list[float]]) -> None:
    path, _ = book
    with av.open(str(path)) as container:
        chapters = container.chapters()
    assert [c["metadata"].get("title") for c in chapters] == [c[0] for c in CHAPTERS]
    for chapter, expected in zip(chapters, _expected_starts(), strict=True):
        assert chapter["time_base"] is not None
        assert float(chapter["start"] * chapter["time_base"]) == pytest.approx(expected, abs=0.05)


def test_duration_is_the_sum_of_the_chapters_and_each_tone_plays_in_its_chapter(
    book: tuple[Path, list[float]],
) -> None:
    path, _ = book
    audio = decode(path)
    assert audio.rate == 44_100 and audio.channels == 1
    assert audio.seconds == pytest.approx(sum(c[1] for c in CHAPTERS), abs=0.05)
    for (_, seconds, freq, *_rest), start in zip(CHAPTERS, _expected_starts(), strict=True):
        middle = round((start + seconds / 2) * audio.rate)
        window = audio.samples[0, middle - 4096 : middle + 4096]
        spectrum = np.abs(np.fft.rfft(window * np.hanning(window.size)))
        heard = np.argmax(spectrum) * audio.rate / window.size
        assert heard == pytest.approx(freq, abs=10)


def test_m4b_brand_cover_and_tags(book: tuple[Path, list[float]]) -> None:
    path, progress = book
    assert path.read_bytes()[4:12] == b"ftypM4B "
    tags = MP4(path).tags
    assert tags is not None
    assert tags["\xa9nam"] == ["The Long Way"] and tags["\xa9alb"] == ["The Long Way"]
    assert tags["\xa9ART"] == ["Ada Writer"] and tags["aART"] == ["Ada Writer"]
    assert tags["\xa9wrt"] == ["Nia Reader"] and tags["\xa9nrt"] == ["Nia Reader"]
    assert tags["\xa9day"] == ["2026"] and tags["\xa9gen"] == ["Audiobook"]
    assert tags["desc"] == ["A test book."]
    assert tags["stik"] == [2]
    assert bytes(tags["covr"][0]) == PNG
    chapters = MP4(path).chapters
    assert chapters is not None and [c.title for c in chapters] == [c[0] for c in CHAPTERS]
    assert progress and progress[-1] == pytest.approx(1.0)
    assert progress == sorted(progress)


def test_cancel_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    chapters = _chapters(tmp_path)
    out = tmp_path / "book.m4b"
    out.write_bytes(b"old")
    asked = iter([False, False, True])
    with pytest.raises(Cancelled):
        write_m4b(chapters, out, meta=BookMeta("T"), cancelled=lambda: next(asked, True))
    assert out.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".writing-")]


def test_a_cover_that_is_not_an_image_is_refused_before_any_work(tmp_path: Path) -> None:
    cover = tmp_path / "cover.txt"
    cover.write_text("not a picture")
    chapter = ChapterAudio("One", write(tone(1.0, 0.3, rate=44_100), tmp_path / "a.m4a"))
    with pytest.raises(AudioError, match="not a JPEG or PNG"):
        write_m4b([chapter], tmp_path / "b.m4b", meta=BookMeta("T", cover=cover))
    assert not (tmp_path / "b.m4b").exists()
