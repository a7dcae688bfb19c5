"""``soundclone book master`` and ``book export --m4b/--epub`` end to end: a book rendered by
the demo server, the CLI as a subprocess, every result read back by independent means
(PyAV and NumPy for audio, our own MP3 frame walk, mutagen for tags, ElementTree and
epubcheck for the EPUB)."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp4 import MP4

from soundclone_desktop.core.delivery.profiles import profile
from soundclone_desktop.core.subtitles import parse_subtitles
from soundclone_desktop.services.delivery.book import (
    DeliveryCancelledError,
    DeliveryStep,
    master_book,
)
from soundclone_desktop.store.book import BookStore
from tests.audio.delivery_fixtures import db, decoded, frame_bitrates, quiet_run
from tests.audio.test_m4b import PNG
from tests.cli import processes
from tests.services.test_read_along_epub import NS, _epubcheck, _overlays

TITLES = ["Opening credits", "Chapter One", "Chapter Two", "Closing credits"]
MANUSCRIPT = """\
# Opening credits

This is The Long Way, written by Ada Writer, narrated by Nia Reader.

# Chapter One

The road went on and on. <#1.5#> It was a long day.

Then night came, and the stars were out.

# Chapter Two

In the morning, they walked to the river. The water was cold.

# Closing credits

The end of The Long Way, written by Ada Writer.
"""
AUTHOR, NARRATOR = "Ada Writer", "Nia Reader"
MIN_SHOWN_S = 0.7  # caption files show a cue at least this long (ExportOptions)


@dataclass(frozen=True)
class Rendered:
    folder: Path
    book: Path
    cover: Path
    env: dict[str, str]

    def run(self, *argv: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return processes.run([str(a) for a in argv], cwd=self.folder, env=self.env,
                             timeout=timeout)  # fmt: skip


def result_json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.stdout.strip(), done.stderr
    data = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """One book (credits as chapters of their own) rendered by the embedded demo server."""
    folder = tmp_path_factory.mktemp("delivery")
    env = {"SOUNDCLONE_DATA_DIR": str(folder / "data"),
           "SOUNDCLONE_CONFIG_DIR": str(folder / "config")}  # fmt: skip
    (folder / "The Long Way.md").write_text(MANUSCRIPT, encoding="utf-8")
    (folder / "cover.png").write_bytes(PNG)
    made = Rendered(folder, folder / "The Long Way.scbook", folder / "cover.png", env)
    done = made.run("book", "import", "The Long Way.md", "-o", "The Long Way",
                    "--subtitles", "sentence")  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = made.run("book", "render", made.book, "--demo")
    assert done.returncode == 0, done.stderr
    return made


@pytest.fixture(scope="module")
def acx(rendered: Rendered) -> dict[str, Any]:
    done = rendered.run("--json", "book", "master", rendered.book, "--profile", "acx",
                        "--out", rendered.folder / "acx", "--cover", rendered.cover,
                        "--author", AUTHOR, "--narrator", NARRATOR)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Mastering" in done.stderr  # the progress bar, on stderr
    return result_json(done)


def test_every_acx_master_passes_an_independent_measurement(acx: dict[str, Any]) -> None:
    files = [Path(c["file"]) for c in acx["chapters"]]
    assert [f.name for f in files] == [f"{n:02d}-{t}.mp3" for n, t in enumerate(TITLES, 1)]
    for path in files:
        samples, rate = decoded(path)
        assert rate == 44_100, path.name
        rms = db(float(np.sqrt(np.mean(samples**2))))
        assert -23.0 <= rms <= -18.0, (path.name, rms)
        assert db(float(np.abs(samples).max())) <= -3.0, path.name
        # Noise floor: the quietest tenth of 100 ms windows, and never dead air.
        whole = samples[: samples.size // 4410 * 4410].reshape(-1, 4410)
        levels = np.sqrt(np.mean(whole**2, axis=1))
        assert db(float(np.percentile(levels, 10))) <= -60.0, path.name
        assert levels.min() > 0, path.name
        head = quiet_run(samples, rate, from_end=False)
        tail = quiet_run(samples, rate, from_end=True)
        assert 0.5 <= head <= 1.0, (path.name, head)
        assert 1.0 <= tail <= 5.0, (path.name, tail)
        rates, tag = frame_bitrates(path)
        assert len(rates) > 50 and set(rates) == {192}, path.name
        assert tag != b"Xing", path.name  # LAME marks VBR files "Xing", CBR ones "Info"
    assert acx["pass"] is True and acx["notes"] == []  # the credits are files of their own
    assert Path(acx["report_json"]).is_file() and Path(acx["report_html"]).is_file()


def test_acx_masters_carry_title_album_artist_track_and_cover(acx: dict[str, Any]) -> None:
    for number, chapter in enumerate(acx["chapters"], 1):
        tags = ID3(chapter["file"])
        assert str(tags["TIT2"]) == TITLES[number - 1]
        assert str(tags["TALB"]) == "The Long Way"
        assert str(tags["TPE1"]) == AUTHOR
        assert str(tags["TRCK"]) == f"{number}/{len(TITLES)}"
        assert tags.getall("APIC")[0].data == PNG


def _cues(path: Path) -> list[tuple[str, float, float]]:
    return [(c.text, c.start_ms / 1000, c.end_ms / 1000)
            for c in parse_subtitles(path.read_bytes()).cues]  # fmt: skip


def test_captions_are_on_each_masters_clock_and_the_books_on_the_files_in_a_row(
    acx: dict[str, Any],
) -> None:
    whole: list[tuple[str, float, float]] = []
    for chapter in acx["chapters"]:
        cues = _cues(Path(chapter["captions"]))
        samples, rate = decoded(Path(chapter["file"]))
        # Mastering trims the stitched head and adds its own room tone: the first caption
        # starts where the master's speech does, not where the stitched file's did.
        speech = quiet_run(samples, rate, from_end=False)
        assert cues[0][1] == pytest.approx(speech, abs=0.15), chapter["file"]
        assert cues[-1][2] <= len(samples) / rate
        whole += [(text, a + chapter["start_s"], b + chapter["start_s"]) for text, a, b in cues]
    book = _cues(Path(acx["book_captions"]))
    assert [c[0] for c in book] == [c[0] for c in whole]
    assert np.allclose([c[1:] for c in book], [c[1:] for c in whole], atol=0.002)


def test_mastering_again_redoes_nothing(rendered: Rendered, acx: dict[str, Any]) -> None:
    before = {c["file"]: Path(c["file"]).stat().st_mtime_ns for c in acx["chapters"]}
    done = rendered.run("--json", "book", "master", rendered.book, "--profile", "acx",
                        "--out", rendered.folder / "acx", "--cover", rendered.cover,
                        "--author", AUTHOR, "--narrator", NARRATOR)  # fmt: skip
    assert done.returncode == 0, done.stderr
    again = result_json(done)
    assert [c["redone"] for c in again["chapters"]] == [False] * len(TITLES)
    assert {f: Path(f).stat().st_mtime_ns for f in before} == before


def _apple_master_seconds(book: Path) -> list[float]:
    lengths = []
    for path in sorted((book / "delivery" / "apple").glob("*.m4a")):
        samples, rate = decoded(path)
        lengths.append(samples.size / rate)
    return lengths


def test_m4b_chapters_titles_starts_cover_and_tags(rendered: Rendered) -> None:
    out = rendered.folder / "The Long Way.m4b"
    done = rendered.run("book", "export", rendered.book, "--m4b", out, "--cover",
                        rendered.cover, "--author", AUTHOR, "--narrator", NARRATOR)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lengths = _apple_master_seconds(rendered.book)
    assert len(lengths) == len(TITLES)
    starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
    with av.open(str(out)) as container:
        chapters = container.chapters()
    assert [c["metadata"].get("title") for c in chapters] == TITLES
    for chapter, expected in zip(chapters, starts, strict=True):
        assert float(chapter["start"] * chapter["time_base"]) == pytest.approx(expected, abs=0.05)
    samples, rate = decoded(out)
    assert samples.size / rate == pytest.approx(sum(lengths), abs=0.05)
    tags = MP4(out).tags
    assert tags is not None
    assert tags["\xa9nam"] == ["The Long Way"] and tags["\xa9ART"] == [AUTHOR]
    assert tags["\xa9wrt"] == [NARRATOR]
    assert bytes(tags["covr"][0]) == PNG


def _package_check(epub: Path, titles: Sequence[str]) -> None:
    """Package document, nav with the chapter titles, one SMIL overlay per chapter."""
    with zipfile.ZipFile(epub) as archive:
        assert archive.namelist()[0] == "mimetype"
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        rootfile = container.find(".//{*}rootfile")
        assert rootfile is not None and rootfile.attrib["full-path"] == "EPUB/package.opf"
        package = ET.fromstring(archive.read("EPUB/package.opf"))
        items = {i.attrib["id"]: i.attrib for i in package.iterfind("opf:manifest/opf:item", NS)}
        nav = [i for i in items.values() if "nav" in i.get("properties", "").split()]
        assert len(nav) == 1
        toc = ET.fromstring(archive.read(f"EPUB/{nav[0]['href']}"))
        assert [a.text for a in toc.iterfind(".//x:nav/x:ol/x:li/x:a", NS)] == list(titles)
        spine = [r.attrib["idref"] for r in package.iterfind("opf:spine/opf:itemref", NS)]
        overlays = [items[idref]["media-overlay"] for idref in spine]
        assert len(set(overlays)) == len(titles)
        assert all(items[o]["media-type"] == "application/smil+xml" for o in overlays)


def test_read_along_epub_structure_and_sentence_clips_match_the_captions(
    rendered: Rendered,
) -> None:
    out = rendered.folder / "The Long Way.epub"
    done = rendered.run("book", "export", rendered.book, "--epub", out)
    assert done.returncode == 0, done.stderr
    _package_check(out, TITLES)
    chapters = _overlays(out)  # every <par>: an existing text id, and its clip
    for pars in chapters:
        assert pars and all(0 <= begin < end <= length + 1e-3 for *_, begin, end, length in pars)
    # The captions of the same (Apple) masters, as `book master` delivers them.
    done = rendered.run("--json", "book", "master", rendered.book, "--profile", "apple",
                        "--out", rendered.folder / "apple")  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    delivered = result_json(done)["chapters"]
    for pars, chapter in zip(chapters, delivered, strict=True):
        cues = _cues(Path(chapter["captions"]))
        assert len(pars) == len(cues)
        for (_, shown, begin, end, _), (text, start, stop) in zip(pars, cues, strict=True):
            assert " ".join(shown.split()) == " ".join(text.split())
            assert begin == pytest.approx(start, abs=0.01)
            if stop - start == pytest.approx(MIN_SHOWN_S, abs=0.001):  # lengthened to be read
                assert begin < end <= stop
            else:
                assert end == pytest.approx(stop, abs=0.01)


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed")
def test_epubcheck_finds_no_error_or_warning(rendered: Rendered) -> None:
    out = rendered.folder / "checked.epub"
    done = rendered.run("book", "export", rendered.book, "--epub", out, "--cover", rendered.cover)
    assert done.returncode == 0, done.stderr
    command = _epubcheck()
    assert command is not None
    run = subprocess.run([*command, str(out)], capture_output=True, text=True, timeout=240,
                         check=False)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARNING" not in run.stdout + run.stderr, run.stdout + run.stderr


def test_an_unrendered_book_is_refused_naming_the_chapters(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text(MANUSCRIPT, encoding="utf-8")
    assert processes.run(["book", "import", "b.md", "-o", "b"], cwd=tmp_path).returncode == 0
    done = processes.run(["book", "master", "b.scbook", "--profile", "acx"], cwd=tmp_path)
    assert done.returncode == 2
    assert "4 chapters (1, 2, 3, 4) not rendered in full" in done.stderr
    assert not (tmp_path / "b-acx").exists()


# -- the service itself, on the same book (what the export dialog calls) ----------------------


def test_progress_goes_step_by_step_to_the_end(rendered: Rendered, tmp_path: Path) -> None:
    seen: list[tuple[DeliveryStep, float]] = []
    with BookStore.open(rendered.book) as store:
        master_book(store, tmp_path / "podcast", profile("podcast"),
                    progress=lambda step, done: seen.append((step, done)))  # fmt: skip
    steps = [step for step, _ in seen]
    order = [DeliveryStep.STITCH, DeliveryStep.MASTER, DeliveryStep.CHECK, DeliveryStep.CAPTIONS]
    assert sorted(set(steps), key=steps.index) == order
    assert steps == sorted(steps, key=order.index)  # no step comes back
    for step in order:
        fractions = [done for s, done in seen if s is step]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0, step


def test_a_cancel_keeps_finished_masters_and_leaves_no_half_file(
    rendered: Rendered, tmp_path: Path
) -> None:
    out = tmp_path / "cancelled"
    mastered: list[float] = []

    def progress(step: DeliveryStep, done: float) -> None:
        if step is DeliveryStep.MASTER and done > 0:
            mastered.append(done)

    with BookStore.open(rendered.book) as store, pytest.raises(DeliveryCancelledError):
        master_book(store, out, profile("acx"), progress=progress,
                    cancelled=lambda: bool(mastered))  # fmt: skip
    left = sorted(p.name for p in out.iterdir())
    assert [n for n in left if n.startswith(".")] == [".soundclone-masters.json"]
    kept = [n for n in left if n.endswith(".mp3")]
    assert 1 <= len(kept) < len(TITLES)
    recorded = json.loads((out / ".soundclone-masters.json").read_text(encoding="utf-8"))
    assert sorted(recorded["masters"]) == kept  # every file there is a finished master
    assert not any(n.endswith((".srt", ".json", ".html")) for n in left if not n.startswith("."))


def test_ctrl_c_stops_mastering_and_leaves_no_half_file(rendered: Rendered, tmp_path: Path) -> None:
    out = tmp_path / "stopped"
    argv = ["book", "master", str(rendered.book), "--profile", "acx", "--out", str(out)]
    with processes.running(argv, cwd=rendered.folder) as process:
        assert process.stderr is not None
        for line in process.stderr:  # the bar: one plain line per step when not a terminal
            if "Mastering" in line:
                break
        code, _, err = processes.stop(process)
    assert code == 130, err
    assert "Stopped: the files finished before are kept." in err
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert [n for n in left if n.startswith(".") and n != ".soundclone-masters.json"] == []
    kept = [n for n in left if n.endswith(".mp3")]
    assert len(kept) < len(TITLES)
    assert [n for n in left if not n.startswith(".") and not n.endswith(".mp3")] == []


def test_a_renamed_chapter_leaves_no_stale_file_and_the_users_files_stay(
    rendered: Rendered, tmp_path: Path
) -> None:
    book = tmp_path / "copy.scbook"
    shutil.copytree(rendered.book, book)
    out = tmp_path / "podcast"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with BookStore.open(book) as store:
        first = master_book(store, out, profile("podcast"))
        assert "02-Chapter One.mp3" in [f.path.name for f in first.files]
        store.update_chapter(store.book.chapters[1].id, title="The Road")
        again = master_book(store, out, profile("podcast"))
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert "02-The Road.mp3" in names and "02-The Road.srt" in names
    assert not [n for n in names if n.startswith("02-Chapter One")]
    assert "notes.txt" in names
    assert [f.redone for f in again.files] == [False, True, False, False]
