"""The read-along EPUB 3: read back with the standard library (and PyAV for the audio's
duration), EbookLib, and epubcheck when it is installed (Debian's ``epubcheck`` package)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path, PurePosixPath

import av
import pytest

from soundclone_desktop.core.subtitles import Cue
from soundclone_desktop.services.delivery.epub import (
    ACTIVE_CLASS,
    ReadAlongChapter,
    ReadAlongError,
    write_read_along_epub,
)
from tests.audio.signals import tone, write

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "smil": "http://www.w3.org/ns/SMIL",
    "x": "http://www.w3.org/1999/xhtml",
}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
# Per chapter: (title, audio kind, seconds, sentences with their cue times or None: no cue).
BOOK = [
    ("Chapter One", "m4a", 9.0, [
        ("It was a bright cold day in April.", (1000.0, 3200.0)),
        ("The clocks were striking thirteen.", (3500.0, 5600.0)),
        ("\nWinston slipped quickly through the doors.", (6200.0, 8400.0)),
    ]),
    ("Chapter Two & More", "mp3", 8.0, [
        ("She waited <#0.5#> by the window.", (800.0, 2500.0)),
        ("Nobody came.", None),  # no cue: interpolated between its neighbours
        ("Then the phone rang, twice.", (4000.0, 6100.0)),
    ]),
    ("第三章", "m4a", 6.0, [
        ("天亮了。", (500.0, 1700.0)),
        ("他走出门去，没有回头。", (2000.0, 5200.0)),
    ]),
]  # fmt: skip


def _chapters(folder: Path) -> list[ReadAlongChapter]:
    chapters = []
    for number, (title, kind, seconds, sentences) in enumerate(BOOK, start=1):
        audio = write(tone(seconds, 0.2, 500.0, 44_100), folder / f"in{number}.{kind}")
        text = " ".join(s for s, _ in sentences)
        cues = [
            Cue(re.sub(r"<#[\d.]+#>", "", s).strip(), *times)
            for s, times in sentences
            if times is not None
        ]
        chapters.append(ReadAlongChapter(title, text, audio, cues))
    return chapters


@pytest.fixture(scope="module")
def epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("epub")
    cover = folder / "cover.png"
    cover.write_bytes(PNG)
    out = folder / "book.epub"
    assert write_read_along_epub("A Read-Along", "Ada Writer", "en", _chapters(folder), out,
                                 cover=cover) == out  # fmt: skip
    return out


def _seconds(clock: str) -> float:
    hours, minutes, seconds = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_ocf_container_mimetype_first_and_stored(epub: Path) -> None:
    with zipfile.ZipFile(epub) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert not first.extra
    assert epub.read_bytes()[30:38] == b"mimetype"  # no extra field before the content


def test_package_nav_and_one_overlay_per_chapter(epub: Path) -> None:
    with zipfile.ZipFile(epub) as archive:
        names = set(archive.namelist())
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        rootfile = container.find(".//{*}rootfile")
        assert rootfile is not None
        opf_path = PurePosixPath(rootfile.attrib["full-path"])
        package = ET.fromstring(archive.read(str(opf_path)))
        base = opf_path.parent
        assert package.attrib["version"] == "3.0"
        items = {i.attrib["id"]: i.attrib for i in package.iterfind("opf:manifest/opf:item", NS)}
        for item in items.values():
            assert str(base / item["href"]) in names, item
        nav = [i for i in items.values() if "nav" in i.get("properties", "").split()]
        assert len(nav) == 1
        toc = ET.fromstring(archive.read(str(base / nav[0]["href"])))
        titles = [a.text for a in toc.iterfind(".//x:nav/x:ol/x:li/x:a", NS)]
        assert titles == [c[0] for c in BOOK]
        cover = [i for i in items.values() if i.get("properties") == "cover-image"]
        assert len(cover) == 1 and archive.read(str(base / cover[0]["href"])) == PNG
        spine = [r.attrib["idref"] for r in package.iterfind("opf:spine/opf:itemref", NS)]
        overlays = [items[idref]["media-overlay"] for idref in spine]
        assert len(set(overlays)) == len(BOOK)
        assert all(items[o]["media-type"] == "application/smil+xml" for o in overlays)
        metas = list(package.iterfind("opf:metadata/opf:meta", NS))
        durations = {
            m.attrib.get("refines"): _seconds(m.text or "")
            for m in metas
            if m.attrib.get("property") == "media:duration"
        }
        assert set(durations) == {None} | {f"#{o}" for o in overlays}
        assert durations[None] == pytest.approx(sum(v for k, v in durations.items() if k), abs=1e-3)
        active = [m.text for m in metas if m.attrib.get("property") == "media:active-class"]
        assert active == [ACTIVE_CLASS]
        assert ACTIVE_CLASS in archive.read(str(base / "style.css")).decode()
        assert package.findtext("dc:metadata/dc:title", namespaces=NS) is None  # namespaced below
        assert package.findtext("opf:metadata/dc:title", namespaces=NS) == "A Read-Along"


def _overlays(epub: Path) -> list[list[tuple[str, str, float, float, float]]]:
    """Per chapter (spine order): each par as (text id, its text, begin, end, audio length)."""
    chapters = []
    with zipfile.ZipFile(epub) as archive:
        package = ET.fromstring(archive.read("EPUB/package.opf"))
        items = {i.attrib["id"]: i.attrib for i in package.iterfind("opf:manifest/opf:item", NS)}
        for ref in package.iterfind("opf:spine/opf:itemref", NS):
            smil_href = items[items[ref.attrib["idref"]]["media-overlay"]]["href"]
            smil = ET.fromstring(archive.read(f"EPUB/{smil_href}"))
            pars = []
            for par in smil.iterfind(".//smil:par", NS):
                text = par.find("smil:text", NS)
                audio = par.find("smil:audio", NS)
                assert text is not None and audio is not None
                page, _, fragment = text.attrib["src"].partition("#")
                xhtml = ET.fromstring(archive.read(f"EPUB/{page}"))
                found = [e for e in xhtml.iter() if e.attrib.get("id") == fragment]
                assert len(found) == 1, text.attrib["src"]
                with av.open(io.BytesIO(archive.read(f"EPUB/{audio.attrib['src']}"))) as media:
                    stream = media.streams.audio[0]
                    assert stream.duration is not None and stream.time_base is not None
                    length = float(stream.duration * stream.time_base)
                begin = _seconds(audio.attrib["clipBegin"])
                end = _seconds(audio.attrib["clipEnd"])
                pars.append((fragment, "".join(found[0].itertext()), begin, end, length))
            chapters.append(pars)
    return chapters


def test_every_par_points_at_a_text_id_and_a_clip_inside_its_audio(epub: Path) -> None:
    chapters = _overlays(epub)
    assert len(chapters) == len(BOOK)
    for number, pars in enumerate(chapters, start=1):
        assert [p[0] for p in pars] == [f"c{number}s{k}" for k in range(1, len(pars) + 1)]
        for _, _, begin, end, length in pars:
            assert 0 <= begin < end <= length + 1e-3


def test_sentence_clips_are_the_captions_times(epub: Path) -> None:
    for pars, (_, _, _, sentences) in zip(_overlays(epub), BOOK, strict=True):
        assert len(pars) == len(sentences)
        for (_, shown, begin, end, _), (sentence, times) in zip(pars, sentences, strict=True):
            assert shown == " ".join(re.sub(r"<#[\d.]+#>", "", sentence).split())
            if times is not None:
                assert begin == pytest.approx(times[0] / 1000, abs=0.01)
                assert end == pytest.approx(times[1] / 1000, abs=0.01)
    # "Nobody came." had no cue: it fills the gap between its neighbours.
    untimed = _overlays(epub)[1][1]
    assert untimed[2] == pytest.approx(2.5, abs=0.01) and untimed[3] == pytest.approx(4.0, abs=0.01)


def test_ebooklib_reads_it_back(epub: Path) -> None:
    ebooklib = pytest.importorskip("ebooklib")
    from ebooklib import epub as reader

    book = reader.read_epub(str(epub), options={"ignore_ncx": True})
    assert book.get_metadata("DC", "title")[0][0] == "A Read-Along"
    assert len(list(book.get_items_of_type(ebooklib.ITEM_DOCUMENT))) == len(BOOK) + 1  # + nav


def _epubcheck() -> list[str] | None:
    """The command that runs epubcheck, if installed (Debian's is an executable JAR, which
    runs only where binfmt_misc knows JARs: start it through Java)."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = Path(found).resolve()
    if real.suffix == ".jar":
        java = shutil.which("java")
        return None if java is None else [java, "-jar", str(real)]
    return [found]


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed")
def test_epubcheck_finds_no_error_or_warning(epub: Path) -> None:
    command = _epubcheck()
    assert command is not None
    run = subprocess.run([*command, str(epub)], capture_output=True, text=True,
                         timeout=240, check=False)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARNING" not in run.stdout + run.stderr, run.stdout + run.stderr


def test_audio_a_reading_app_cannot_play_is_refused(tmp_path: Path) -> None:
    audio = write(tone(1.0, 0.2, rate=44_100), tmp_path / "a.wav")
    chapter = ReadAlongChapter("One", "Hello there.", audio, [Cue("Hello there.", 0, 900)])
    with pytest.raises(ReadAlongError, match="AAC"):
        write_read_along_epub("T", "A", "en", [chapter], tmp_path / "b.epub")
    assert not list(tmp_path.glob("*.epub")) and not list(tmp_path.glob(".writing-*"))
