"""``load_manuscript(path)``: refuse what cannot be a book early, then read by format.

Order, so that nothing is half-imported and a bad file costs little:

1. the file must exist and be a readable file (NOT_FOUND, UNREADABLE);
2. size, before reading a byte: a file of :data:`MAX_MANUSCRIPT_BYTES` (50 MB, decimal) or
   more is refused (TOO_LARGE): a 1,000,000-character book is about 3 MB as UTF-8 text and
   rarely over 10 MB as an EPUB with pictures. An empty file is EMPTY;
3. format by content first: a ZIP holding ``META-INF/container.xml`` or an EPUB
   ``mimetype`` is an EPUB and one holding ``word/document.xml`` a DOCX, whatever the
   extension; a ZIP whose members unpack to more than 10× the size limit is refused
   (TOO_LARGE: a ZIP bomb). A file named ``.epub``/``.docx`` that is not a ZIP is CORRUPT.
   Otherwise by extension: ``.txt``/``.text`` plain text, ``.md``/``.markdown`` Markdown.
   PDF, legacy Word (.doc), RTF, MOBI/AZW and anything else are UNKNOWN_FORMAT, with advice;
4. a manuscript with no text at all is EMPTY.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from soundclone_desktop.core.book.manuscript import Manuscript

from .docx import read_docx
from .epub import read_epub
from .errors import ManuscriptError, ManuscriptErrorCode
from .markdown import read_markdown
from .text import read_text

MAX_MANUSCRIPT_BYTES = 50_000_000
_MAX_UNPACKED_BYTES = 10 * MAX_MANUSCRIPT_BYTES
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | {".docx", ".epub"}
_ADVICE = {
    b"%PDF": "PDF files cannot be imported: convert it to EPUB or DOCX (Calibre, Word) first",
    b"\xd0\xcf\x11\xe0": "old Word (.doc) files cannot be imported: save it as .docx in Word",
    b"{\\rtf": "RTF files cannot be imported: save it as .docx or plain text",
}


def load_manuscript(path: Path | str, heading_pattern: re.Pattern[str] | None = None) -> Manuscript:
    """Read a manuscript file; raises :class:`ManuscriptError` (nothing half-imported).

    ``heading_pattern`` replaces the built-in plain-text heading patterns (see
    :func:`core.book.chapters.compile_heading_pattern`); Markdown and DOCX use it only when
    they have no headings of their own; EPUB chapters always come from the TOC/documents.
    """
    path = Path(path)
    size = _size(path)
    if size >= MAX_MANUSCRIPT_BYTES:
        raise ManuscriptError(
            ManuscriptErrorCode.TOO_LARGE,
            path,
            f"“{path.name}” is {size / 1_000_000:.0f} MB; the limit is "
            f"{MAX_MANUSCRIPT_BYTES // 1_000_000} MB. A book's text is far smaller: remove "
            "pictures or split the book, and import it again.",
        )
    if size == 0:
        raise _empty(path)
    head = _read(path, 80)  # MOBI says BOOKMOBI at byte 60
    manuscript = _dispatch(path, head, heading_pattern)
    if not manuscript.text.strip():
        raise _empty(path)
    return manuscript


def _dispatch(path: Path, head: bytes, pattern: re.Pattern[str] | None) -> Manuscript:
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return _read_zip(path, pattern)
    if suffix in {".epub", ".docx"}:
        raise ManuscriptError(
            ManuscriptErrorCode.CORRUPT,
            path,
            f"“{path.name}” is not a valid {suffix[1:].upper()} file (it is not a ZIP archive). "
            "It may be damaged or misnamed: export it again and import it again.",
        )
    if suffix in TEXT_SUFFIXES:
        return read_text(path, _read(path), pattern)
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(path, _read(path), pattern)
    advice = next((text for magic, text in _ADVICE.items() if head.startswith(magic)), None)
    if advice is None and b"BOOKMOBI" in head:
        advice = "Kindle (MOBI/AZW) files cannot be imported: convert it to EPUB first"
    raise ManuscriptError(
        ManuscriptErrorCode.UNKNOWN_FORMAT,
        path,
        f"“{path.name}”: "
        + (advice or "this kind of file cannot be imported")
        + ". Books can be imported from .epub, .docx, .md and .txt files.",
    )


def _read_zip(path: Path, pattern: re.Pattern[str] | None) -> Manuscript:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
            if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED_BYTES:
                raise ManuscriptError(
                    ManuscriptErrorCode.TOO_LARGE,
                    path,
                    f"“{path.name}” unpacks to more than "
                    f"{_MAX_UNPACKED_BYTES // 1_000_000} MB: it is damaged or not a book.",
                )
            if "meta-inf/container.xml" in names or _is_epub_mimetype(archive):
                return read_epub(path, archive)
            if "word/document.xml" in names:
                archive.close()
                return read_docx(path, pattern)
    except zipfile.BadZipFile as exc:
        raise ManuscriptError(
            ManuscriptErrorCode.CORRUPT,
            path,
            f"“{path.name}” is a damaged ZIP archive ({exc}). Download or export it again, "
            "and import it again.",
        ) from exc
    raise ManuscriptError(
        ManuscriptErrorCode.UNKNOWN_FORMAT,
        path,
        f"“{path.name}” is a ZIP archive but neither an EPUB nor a DOCX. Books can be imported "
        "from .epub, .docx, .md and .txt files.",
    )


def _is_epub_mimetype(archive: zipfile.ZipFile) -> bool:
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return False
    return info.file_size < 100 and archive.read(info).strip() == b"application/epub+zip"


def _size(path: Path) -> int:
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise ManuscriptError(
            ManuscriptErrorCode.NOT_FOUND,
            path,
            f"“{path.name}” could not be found. It may have been moved or deleted.",
        ) from exc
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not path.is_file():
        raise ManuscriptError(
            ManuscriptErrorCode.UNREADABLE, path, f"“{path.name}” is a folder, not a file."
        )
    return stat.st_size


def _read(path: Path, limit: int = -1) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(limit)
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> ManuscriptError:
    if isinstance(exc, PermissionError):
        sentence = f"You do not have permission to read “{path.name}”."
    else:
        sentence = f"“{path.name}” could not be read: {exc.strerror or exc}."
    return ManuscriptError(ManuscriptErrorCode.UNREADABLE, path, sentence)


def _empty(path: Path) -> ManuscriptError:
    return ManuscriptError(
        ManuscriptErrorCode.EMPTY,
        path,
        f"“{path.name}” holds no text. Check that it is the right file.",
    )
