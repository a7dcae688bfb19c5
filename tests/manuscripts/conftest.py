"""Manuscript fixtures made in the tests: EPUBs written by hand (zipfile), DOCX with python-docx.

The hand-written EPUB is the full structure a reader meets (mimetype first and stored,
container, package document, spine, EPUB 3 nav or EPUB 2 NCX); the EbookLib-written ones in
test_epub.py check the reader against a real, independent EPUB writer.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass
class Doc:
    name: str  # file name inside OEBPS/
    body: str  # XHTML inside <body>
    linear: bool = True
    title: str = ""
    body_type: str = ""  # epub:type on <body>


@dataclass
class Toc:
    href: str  # relative to OEBPS/, may carry #fragment
    label: str
    children: list[Toc] = field(default_factory=list)


def xhtml(body: str, title: str = "", body_type: str = "") -> str:
    typed = f' epub:type="{body_type}"' if body_type else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{escape(title)}</title><style>p {{ margin: 0 }}</style></head>"
        f"<body{typed}>\n{body}\n</body></html>"
    )


def write_epub(
    path: Path,
    docs: list[Doc],
    toc: list[Toc] | None,
    *,
    version: int = 3,
    title: str = "A Book",
    author: str = "An Author",
    language: str = "en",
    extra: dict[str, bytes] | None = None,
) -> Path:
    """An EPUB ``version`` 2 (NCX) or 3 (nav document, not in the spine) at ``path``."""
    manifest = [
        f'<item id="d{i}" href="{d.name}" media-type="application/xhtml+xml"/>'
        for i, d in enumerate(docs)
    ]
    no = ' linear="no"'
    spine = [f'<itemref idref="d{i}"{"" if d.linear else no}/>' for i, d in enumerate(docs)]
    files: dict[str, bytes] = {}
    if toc is not None and version == 3:
        manifest.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        files["OEBPS/nav.xhtml"] = xhtml(
            f'<nav epub:type="toc"><h1>Contents</h1>{_nav_list(toc)}</nav>'
            '<nav epub:type="landmarks"><ol><li><a href="cover.xhtml">Cover</a></li></ol></nav>'
        ).encode()
    if toc is not None and version == 2:
        manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        files["OEBPS/toc.ncx"] = _ncx(toc, title).encode()
    spine_attr = ' toc="ncx"' if toc is not None and version == 2 else ""
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" '
        f'version="{version}.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="id">urn:uuid:0000</dc:identifier>'
        f"<dc:title>{escape(title)}</dc:title>"
        f"<dc:creator>{escape(author)}</dc:creator><dc:language>{language}</dc:language>"
        f"</metadata><manifest>{''.join(manifest)}</manifest>"
        f"<spine{spine_attr}>{''.join(spine)}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container, zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)
        for doc in docs:
            archive.writestr(
                f"OEBPS/{doc.name}", xhtml(doc.body, doc.title, doc.body_type), zipfile.ZIP_DEFLATED
            )
        for name, data in {**files, **(extra or {})}.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
    return path


def _nav_list(entries: list[Toc]) -> str:
    items = "".join(
        f'<li><a href="{e.href}">{escape(e.label)}</a>'
        + (_nav_list(e.children) if e.children else "")
        + "</li>"
        for e in entries
    )
    return f"<ol>{items}</ol>"


def _ncx(entries: list[Toc], title: str) -> str:
    counter = iter(range(1, 10_000))

    def points(items: list[Toc]) -> str:
        return "".join(
            f'<navPoint id="p{n}" playOrder="{n}"><navLabel><text>{escape(e.label)}</text>'
            f'</navLabel><content src="{e.href}"/>{points(e.children)}</navPoint>'
            for e in items
            for n in [next(counter)]
        )

    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        f"<head/><docTitle><text>{escape(title)}</text></docTitle>"
        f"<navMap>{points(entries)}</navMap></ncx>"
    )


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(t)}</p>\n" for t in texts)
