"""EPUB 2 and 3 manuscripts, read with the standard library (zipfile, ElementTree, html.parser).

Why not EbookLib: it is licensed under the AGPL, which a proprietary application cannot link;
the parts of EPUB a reader needs (container, package document, spine, TOC) are small.

Reading order is the spine. Chapters come from the table of contents: the EPUB 3 navigation
document (``nav epub:type="toc"``), else the EPUB 2 NCX; entries of the top two levels
are used (deeper ones are sections inside a chapter). Each entry is placed in the text at
its document and anchor (``ch3.xhtml#sec2``; an unknown anchor means the document's start,
and never renames a chapter already starting there), so:

- one spine document holding several chapters is split at the anchors;
- one chapter spanning several documents (a converter's file splits) stays one chapter:
  a document no TOC entry points into continues the chapter before it, unless it is typed
  front/back matter (``epub:type``) or looks like a copyright or contents page: then it is a
  chapter of its own, so excluding it excludes nothing else;
- documents before the first TOC entry (cover, title page, copyright) are one front-matter
  chapter each;
- two entries at the same place (a part and its first chapter) give one chapter, named by
  the later, more specific entry.

Without a usable TOC every document is a chapter, titled by its first ``h1``/``h2``, else its
``<title>``, else its file name. ``linear="no"`` documents (notes, pop-ups) are chapters
pre-marked excluded, as are the navigation document, documents typed ``toc``, ``landmarks``,
``copyright-page`` and the front-matter guesses of :mod:`core.book.chapters`. Documents with no
text (a cover picture) are left out, with a note. Documents are joined with a blank line.

Refused with a :class:`ManuscriptError`: a broken ZIP or package (CORRUPT); DRM (DRM): a
``META-INF/rights.xml`` (Adobe ADEPT) or ``META-INF/sinf.xml`` (Apple FairPlay), or an
``encryption.xml`` entry for anything but a font (font obfuscation is not DRM); no text in
any document (NO_TEXT when there are pictures: a scanned book; EMPTY otherwise).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from soundclone_desktop.core.book.chapters import heading_kind, should_exclude
from soundclone_desktop.core.book.manuscript import ChapterDraft, ChapterKind, Manuscript

from .errors import ManuscriptError, ManuscriptErrorCode
from .xhtml import XhtmlText, xhtml_to_text

# A document inside the archive above this is refused (a ZIP bomb, not a book's chapter).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
_TOC_DEPTH = 2
_FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2", ".eot")
_CONTENT_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}
_EXCLUDED_TYPES = {"toc", "landmarks", "copyright-page", "loi", "lot"}
_FRONT_TYPES = {"frontmatter", "cover", "titlepage", "preface", "foreword", "prologue",
                "introduction", "dedication", "epigraph", "copyright-page", "toc"}  # fmt: skip
_BACK_TYPES = {"backmatter", "afterword", "appendix", "acknowledgments", "colophon",
               "index", "glossary", "bibliography"}  # fmt: skip


@dataclass(frozen=True)
class _Item:
    path: str  # inside the archive
    media_type: str
    properties: frozenset[str]


@dataclass(frozen=True)
class _TocEntry:
    path: str
    fragment: str
    label: str
    depth: int


@dataclass
class _Document:
    path: str
    linear: bool
    content: XhtmlText
    is_nav: bool


def read_epub(path: Path, archive: zipfile.ZipFile) -> Manuscript:
    try:
        return _Reader(path, archive).read()
    except (zipfile.BadZipFile, zlib.error, EOFError, ElementTree.ParseError) as exc:
        raise _corrupt(path, f"a part of it cannot be read ({exc})") from exc


def _corrupt(path: Path, reason: str) -> ManuscriptError:
    return ManuscriptError(
        ManuscriptErrorCode.CORRUPT,
        path,
        f"“{path.name}” is not a readable EPUB: {reason}. Export or download the book again, "
        "or convert it with an e-book tool (Calibre), and import it again.",
    )


class _Reader:
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.names = {name.lower(): name for name in archive.namelist()}

    def read(self) -> Manuscript:
        self._refuse_drm()
        opf_path = self._rootfile()
        package = ElementTree.fromstring(self._member(opf_path))
        base = posixpath.dirname(opf_path)
        items = self._manifest(package, base)
        documents, notes = self._documents(package, items)
        if not any(document.content.text for document in documents):
            self._refuse_empty(documents)
        entries = self._toc(package, items)
        chapters = _chapters(documents, entries)
        skipped = [d.path for d in documents if not d.content.text]
        if skipped:
            notes.append(
                f"{len(skipped)} document(s) without text were left out "
                f"({', '.join(posixpath.basename(p) for p in skipped[:5])}"
                f"{', …' if len(skipped) > 5 else ''})."
            )
        notes += _content_notes(documents)
        metadata = package.find("{*}metadata")
        return Manuscript(
            title=_meta(metadata, "title") or self.path.stem,
            author=", ".join(_meta_all(metadata, "creator")),
            language=_meta(metadata, "language") or None,
            chapters=chapters,
            notes=tuple(notes),
        )

    # -- archive ------------------------------------------------------------------------------

    def _member(self, name: str) -> bytes:
        actual = self.names.get(name.lower())
        if actual is None:
            raise _corrupt(self.path, f"it names “{name}”, which is not in the archive")
        info = self.archive.getinfo(actual)
        if info.file_size > MAX_MEMBER_BYTES:
            raise ManuscriptError(
                ManuscriptErrorCode.TOO_LARGE,
                self.path,
                f"“{self.path.name}” holds a document of {info.file_size // 1_000_000} MB "
                f"({name}); a book's chapter is far smaller. The file is damaged or not a book.",
            )
        return self.archive.read(actual)

    def _refuse_drm(self) -> None:
        protected = "meta-inf/rights.xml" in self.names or "meta-inf/sinf.xml" in self.names
        if not protected and "meta-inf/encryption.xml" in self.names:
            root = ElementTree.fromstring(self._member("META-INF/encryption.xml"))
            uris = [ref.get("URI", "") for ref in root.iterfind(".//{*}CipherReference")]
            protected = any(not unquote(uri).lower().endswith(_FONT_SUFFIXES) for uri in uris)
        if protected:
            raise ManuscriptError(
                ManuscriptErrorCode.DRM,
                self.path,
                f"“{self.path.name}” is protected by DRM (its content is encrypted), so its text "
                "cannot be read. Import a DRM-free copy of the book (many shops offer one).",
            )

    def _rootfile(self) -> str:
        if "meta-inf/container.xml" not in self.names:
            raise _corrupt(self.path, "it has no META-INF/container.xml")
        container = ElementTree.fromstring(self._member("META-INF/container.xml"))
        rootfile = container.find(".//{*}rootfile")
        full_path = rootfile.get("full-path") if rootfile is not None else None
        if not full_path:
            raise _corrupt(self.path, "its container names no package document")
        return unquote(full_path)

    # -- package ------------------------------------------------------------------------------

    def _manifest(self, package: ElementTree.Element, base: str) -> dict[str, _Item]:
        items: dict[str, _Item] = {}
        for item in package.iterfind("{*}manifest/{*}item"):
            identifier, href = item.get("id"), item.get("href")
            if identifier and href:
                items[identifier] = _Item(
                    path=_resolve(base, href),
                    media_type=(item.get("media-type") or "").lower(),
                    properties=frozenset((item.get("properties") or "").split()),
                )
        return items

    def _documents(
        self, package: ElementTree.Element, items: dict[str, _Item]
    ) -> tuple[list[_Document], list[str]]:
        documents: list[_Document] = []
        notes: list[str] = []
        for itemref in package.iterfind("{*}spine/{*}itemref"):
            item = items.get(itemref.get("idref") or "")
            if item is None:
                notes.append(f"The spine names “{itemref.get('idref')}”, which is not in the book.")
                continue
            if item.media_type not in _CONTENT_TYPES:
                notes.append(f"“{posixpath.basename(item.path)}” is not a text document.")
                continue
            markup = _decode(self._member(item.path))
            documents.append(
                _Document(
                    path=item.path,
                    linear=(itemref.get("linear") or "yes").lower() != "no",
                    content=xhtml_to_text(markup),
                    is_nav="nav" in item.properties,
                )
            )
        if not documents:
            raise _corrupt(self.path, "its reading order (spine) lists no text document")
        return documents, notes

    def _refuse_empty(self, documents: list[_Document]) -> None:
        images = sum(document.content.images for document in documents)
        if images:
            raise ManuscriptError(
                ManuscriptErrorCode.NO_TEXT,
                self.path,
                f"“{self.path.name}” holds only pictures ({images}), no text: it may be a "
                "scanned or fixed-layout book. Import a text edition, or run it through "
                "text recognition (OCR) first.",
            )
        raise ManuscriptError(
            ManuscriptErrorCode.EMPTY,
            self.path,
            f"“{self.path.name}” holds no text. Check that it is the right file.",
        )

    def _toc(self, package: ElementTree.Element, items: dict[str, _Item]) -> list[_TocEntry]:
        nav = next((item for item in items.values() if "nav" in item.properties), None)
        if nav is not None and nav.path.lower() in self.names:
            entries = _nav_entries(_decode(self._member(nav.path)), nav.path)
            if entries:
                return entries
        spine = package.find("{*}spine")
        ncx = items.get(spine.get("toc") or "") if spine is not None else None
        if ncx is None:
            ncx = next(
                (i for i in items.values() if i.media_type == "application/x-dtbncx+xml"), None
            )
        if ncx is not None and ncx.path.lower() in self.names:
            return _ncx_entries(ElementTree.fromstring(self._member(ncx.path)), ncx.path)
        return []


# -- table of contents ---------------------------------------------------------------------------


def _nav_entries(markup: str, nav_path: str) -> list[_TocEntry]:
    parser = _NavParser()
    parser.feed(markup)
    parser.close()
    return [
        _TocEntry(*_split_href(nav_path, href), " ".join(label.split()), depth)
        for href, label, depth in parser.entries
    ]


class _NavParser(HTMLParser):
    """Links of the ``nav`` typed ``toc`` (or the first ``nav``), with their list depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[tuple[str, str, int]] = []
        self._navs: list[bool] = []  # per open nav: is it the toc?
        self._done = False
        self._depth = 0
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav":
            types = (attributes.get("epub:type") or "").split()
            self._navs.append("toc" in types or (not types and not self.entries))
        elif not self._in_toc():
            return
        elif tag == "ol":
            self._depth += 1
        elif tag == "a" and attributes.get("href"):
            self._link = (attributes["href"] or "", [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._navs:
            if self._navs.pop() and self.entries:
                self._done = True
        elif not self._in_toc():
            return
        elif tag == "ol":
            self._depth -= 1
        elif tag == "a" and self._link is not None:
            href, label = self._link
            self.entries.append((href, "".join(label), max(self._depth, 1)))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1].append(data)

    def _in_toc(self) -> bool:
        return not self._done and bool(self._navs) and self._navs[-1]


def _ncx_entries(root: ElementTree.Element, ncx_path: str) -> list[_TocEntry]:
    entries: list[_TocEntry] = []

    def walk(parent: ElementTree.Element, depth: int) -> None:
        for point in parent.iterfind("{*}navPoint"):
            content = point.find("{*}content")
            label = point.findtext("{*}navLabel/{*}text") or ""
            src = content.get("src") if content is not None else None
            if src:
                entries.append(
                    _TocEntry(*_split_href(ncx_path, src), " ".join(label.split()), depth)
                )
            walk(point, depth + 1)

    nav_map = root.find("{*}navMap")
    if nav_map is not None:
        walk(nav_map, 1)
    return entries


# -- chapters -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Start:
    offset: int  # in the joined text
    title: str
    source_ref: str
    document: _Document
    front: bool = False  # a document before the first TOC entry, or the navigation document


def _chapters(documents: list[_Document], entries: list[_TocEntry]) -> tuple[ChapterDraft, ...]:
    with_text = [document for document in documents if document.content.text]
    texts: list[str] = []
    doc_start: dict[str, int] = {}
    offset = 0
    for document in with_text:
        if texts:
            texts.append("\n\n")
            offset += 2
        doc_start[document.path] = offset
        texts.append(document.content.text)
        offset += len(document.content.text)
    text = "".join(texts)
    starts = _starts(with_text, entries, doc_start)
    chapters: list[ChapterDraft] = []
    for index, start in enumerate(starts):
        begin = 0 if index == 0 else start.offset
        end = starts[index + 1].offset if index + 1 < len(starts) else len(text)
        chapters.append(_chapter(start, text[begin:end], in_first_half=begin < len(text) / 2))
    return tuple(chapters)


def _starts(
    documents: list[_Document], entries: list[_TocEntry], doc_start: dict[str, int]
) -> list[_Start]:
    by_path = {document.path.lower(): document for document in documents}
    starts: dict[int, _Start] = {}
    for entry in entries:
        document = by_path.get(entry.path.lower())
        if entry.depth > _TOC_DEPTH or document is None:
            continue
        anchors = document.content.anchors
        resolved = not entry.fragment or entry.fragment in anchors
        offset = doc_start[document.path] + anchors.get(entry.fragment, 0)
        if not resolved and offset in starts:
            continue  # an unknown anchor falls back to the document's start, never renames it
        ref = f"{document.path}#{entry.fragment}" if entry.fragment else document.path
        title = entry.label or _document_title(document)
        starts[offset] = _Start(offset, title, ref, document)  # a later entry names the place
    first_toc = min(starts) if starts else None
    previous_linear = True
    for document in documents:
        offset = doc_start[document.path]
        before_toc = first_toc is None or offset < first_toc
        if offset not in starts and (
            before_toc
            or not document.linear
            or not previous_linear
            or document.is_nav
            or _stands_apart(document)
        ):
            front = before_toc or document.is_nav
            starts[offset] = _Start(
                offset, _document_title(document), document.path, document, front
            )
        previous_linear = document.linear and not document.is_nav
    return [starts[offset] for offset in sorted(starts)]


def _stands_apart(document: _Document) -> bool:
    """A copyright page or other typed front/back matter is its own chapter, even between
    TOC entries, so that excluding it excludes nothing else."""
    content = document.content
    typed = content.epub_types & (_EXCLUDED_TYPES | _FRONT_TYPES | _BACK_TYPES)
    return bool(typed) or should_exclude(_document_title(document), content.text)


def _chapter(start: _Start, text: str, *, in_first_half: bool) -> ChapterDraft:
    document = start.document
    types = document.content.epub_types
    guessed = should_exclude(start.title, text)
    if start.front or types & _FRONT_TYPES:
        kind = ChapterKind.FRONT_MATTER
    elif types & _BACK_TYPES:
        kind = ChapterKind.BACK_MATTER
    elif guessed:  # a copyright or contents page: front of the book, or back (Chinese e-books)
        kind = ChapterKind.FRONT_MATTER if in_first_half else ChapterKind.BACK_MATTER
    else:
        kind = heading_kind(start.title) or ChapterKind.BODY
    excluded = not document.linear or document.is_nav or bool(types & _EXCLUDED_TYPES) or guessed
    return ChapterDraft(start.title, text, start.source_ref, excluded, kind)


def _document_title(document: _Document) -> str:
    content = document.content
    return content.first_heading or content.title or posixpath.basename(document.path)


def _content_notes(documents: list[_Document]) -> list[str]:
    images = sum(d.content.images for d in documents)
    noterefs = sum(d.content.noterefs for d in documents)
    notes = sum(d.content.notes for d in documents)
    found = []
    if notes:
        found.append(f"{notes} footnote(s) were left out: only the main text is read aloud.")
    if noterefs:
        found.append(f"{noterefs} footnote mark(s) were left out of the text.")
    if images:
        found.append(f"{images} picture(s) were left out: only text is read aloud.")
    return found


# -- small helpers --------------------------------------------------------------------------------

_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def _decode(data: bytes) -> str:
    """A content document's text: its BOM or XML declaration, else UTF-8 (the EPUB rule)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    match = _XML_ENCODING.match(data[:200])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _resolve(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))


def _split_href(own_path: str, href: str) -> tuple[str, str]:
    """``(document path, fragment)`` of a link in the document at ``own_path``."""
    path, _, fragment = href.partition("#")
    resolved = _resolve(posixpath.dirname(own_path), path) if path else own_path
    return resolved, unquote(fragment)


def _meta(metadata: ElementTree.Element | None, name: str) -> str:
    values = _meta_all(metadata, name)
    return values[0] if values else ""


def _meta_all(metadata: ElementTree.Element | None, name: str) -> list[str]:
    if metadata is None:
        return []
    return [
        " ".join(element.text.split())
        for element in metadata.iterfind(f"{{*}}{name}")
        if element.text and element.text.strip()
    ]
