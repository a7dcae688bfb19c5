"""Bad input: one typed error that names the file and says what to do; nothing imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from soundclone_desktop.manuscripts import (
    MAX_MANUSCRIPT_BYTES,
    ManuscriptError,
    ManuscriptErrorCode,
    load_manuscript,
)
from soundclone_desktop.manuscripts import load as load_module
from tests.manuscripts.conftest import Doc, Toc, paragraphs, write_epub

Code = ManuscriptErrorCode


def refused(path: Path, code: ManuscriptErrorCode) -> ManuscriptError:
    with pytest.raises(ManuscriptError) as caught:
        load_manuscript(path)
    error = caught.value
    assert error.code is code, str(error)
    assert path.name in str(error)
    assert error.path == path
    return error


def small_epub(path: Path, extra: dict[str, bytes] | None = None) -> Path:
    docs = [Doc("c1.xhtml", "<h1>Chapter 1</h1>" + paragraphs("Text."))]
    return write_epub(path, docs, [Toc("c1.xhtml", "Chapter 1")], extra=extra)


ENCRYPTION = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>"""


def test_encrypted_content_is_drm(tmp_path: Path) -> None:
    xml = ENCRYPTION.format(
        algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/c1.xhtml"
    )
    path = small_epub(tmp_path / "locked.epub", {"META-INF/encryption.xml": xml.encode()})
    assert "DRM" in str(refused(path, Code.DRM))


def test_adobe_rights_file_is_drm(tmp_path: Path) -> None:
    path = small_epub(tmp_path / "adept.epub", {"META-INF/rights.xml": b"<rights/>"})
    refused(path, Code.DRM)


def test_obfuscated_fonts_are_not_drm(tmp_path: Path) -> None:
    xml = ENCRYPTION.format(
        algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/Serif.otf"
    )
    path = small_epub(tmp_path / "fonts.epub", {"META-INF/encryption.xml": xml.encode()})
    assert [c.title for c in load_manuscript(path).chapters] == ["Chapter 1"]


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    good = small_epub(tmp_path / "good.epub").read_bytes()
    path = tmp_path / "cut.epub"
    path.write_bytes(good[: len(good) // 2])
    refused(path, Code.CORRUPT)


def test_damaged_member_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "crc.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", "x" * 1000, zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    start = data.index(b"META-INF/container.xml") + len("META-INF/container.xml")
    data[start + 5 : start + 9] = b"\xff\xff\xff\xff"  # inside the compressed stream
    path.write_bytes(bytes(data))
    refused(path, Code.CORRUPT)


def test_epub_without_container_or_spine_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bare.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    assert "container" in str(refused(path, Code.CORRUPT))
    named = tmp_path / "text.epub"
    named.write_text("not a zip", encoding="utf-8")
    refused(named, Code.CORRUPT)


def test_image_only_epub_is_no_text(tmp_path: Path) -> None:
    docs = [Doc(f"p{i}.xhtml", f'<img src="page{i}.jpg"/>') for i in range(3)]
    path = write_epub(tmp_path / "scanned.epub", docs, [Toc("p0.xhtml", "Start")])
    assert "pictures" in str(refused(path, Code.NO_TEXT))


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.txt", b"  \n\n\t\n"), ("blank.md", b"---\n---\n")],
)
def test_empty_text_is_empty(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, Code.EMPTY)


def test_empty_docx_and_epub_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    refused(path, Code.EMPTY)
    epub = write_epub(tmp_path / "empty.epub", [Doc("a.xhtml", "<p> </p>")], None)
    refused(epub, Code.EMPTY)


def test_file_of_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_MANUSCRIPT_BYTES)  # sparse: costs no disk
    opened: list[Path] = []
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self))
    assert "50 MB" in str(refused(path, Code.TOO_LARGE))
    assert opened == []


def test_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    with path.open("wb") as file:
        file.truncate(MAX_MANUSCRIPT_BYTES - 1)
    refused(path, Code.NOT_TEXT)  # read and decoded (NUL bytes are not text), not refused by size


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "_MAX_UNPACKED_BYTES", 10_000)
    path = small_epub(tmp_path / "bomb.epub", {"OEBPS/big.bin": b"\0" * 20_000})
    refused(path, Code.TOO_LARGE)


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("book.pdf", b"%PDF-1.7\n...", "PDF"),
        ("book.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".docx"),
        ("book.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
        ("book.mobi", b"\0" * 60 + b"BOOKMOBI", "EPUB"),
        ("book.html", b"<html><body>hi</body></html>", ".epub"),
    ],
)
def test_unknown_formats_get_advice(tmp_path: Path, name: str, content: bytes, hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert hint in str(refused(path, Code.UNKNOWN_FORMAT))


def test_zip_that_is_no_book(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")
    refused(path, Code.UNKNOWN_FORMAT)


def test_missing_file_folder_and_binary_text(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.txt", Code.NOT_FOUND)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    refused(folder, Code.UNREADABLE)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    refused(binary, Code.NOT_TEXT)


def test_content_decides_over_the_extension(tmp_path: Path) -> None:
    path = small_epub(tmp_path / "misnamed.docx")
    assert [c.title for c in load_manuscript(path).chapters] == ["Chapter 1"]
