"""DOCX manuscripts (python-docx, MIT): heading styles become chapters.

Body paragraphs and table cells are read in document order; empty paragraphs (layout) are
skipped and the others joined with blank lines. A paragraph's heading level comes from its
style: ``Title`` is level 0 (the book title), ``Heading N`` (or a localised ``标题 N``) is N,
else an outline level set on the paragraph or its style. Which level starts chapters: see
:mod:`core.book.structure`. Footnotes, endnotes, comments and pictures are not read: each is
counted in a note (their reference marks are not text, so nothing is left dangling).
``source_ref`` is ``"paragraph N"``, counting the document's non-empty paragraphs from 1.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.book.structure import Block, chapters_from_blocks

from .errors import ManuscriptError, ManuscriptErrorCode

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)


def read_docx(path: Path, pattern: re.Pattern[str] | None = None) -> Manuscript:
    try:
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as exc:
        raise ManuscriptError(
            ManuscriptErrorCode.CORRUPT,
            path,
            f"“{path.name}” is not a readable Word document ({exc}). Open it in Word and save "
            "it again as .docx, then import it again.",
        ) from exc
    title, chapters = chapters_from_blocks(blocks, "\n\n", pattern)
    properties = document.core_properties
    body = document.element.body
    notes = [
        f"{count} {what} were left out: only the main text is read aloud."
        for count, what in (
            (len(body.findall(".//" + qn("w:footnoteReference"))), "footnote(s)"),
            (len(body.findall(".//" + qn("w:endnoteReference"))), "endnote(s)"),
            (len(body.findall(".//" + qn("w:commentReference"))), "comment(s)"),
            (len(body.findall(".//" + qn("w:drawing"))), "picture(s)"),
        )
        if count
    ]
    return Manuscript(
        title=properties.title or title or path.stem,
        author=properties.author or "",
        language=properties.language or None,
        chapters=chapters,
        notes=tuple(notes),
    )


def _blocks(document: Document) -> Iterator[Block]:
    number = 0
    for paragraph in _paragraphs(document):
        text = paragraph.text.strip()
        if not text:
            continue
        number += 1
        yield Block(text, _level(paragraph), f"paragraph {number}")


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    seen: set[int] = set()
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            yield Paragraph(element, document)
        elif element.tag == qn("w:tbl"):
            for row in Table(element, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell appears once per spanned column
                        continue
                    seen.add(id(cell._tc))
                    yield from cell.paragraphs


def _level(paragraph: Paragraph) -> int | None:
    style = paragraph.style
    name = style.name if style is not None and style.name else ""
    if name.lower() == "title":
        return 0
    match = _HEADING_STYLE.fullmatch(name.strip())
    if match:
        return int(match.group(1))
    for element in (paragraph._p.pPr, getattr(style, "element", None)):
        level = _outline_level(element)
        if level is not None:
            return level
    return None


def _outline_level(element: Any) -> int | None:
    if element is None:
        return None
    found = element.find(".//" + qn("w:outlineLvl"))
    if found is None:
        return None
    value = found.get(qn("w:val"))
    # outline level 9 means "body text"
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None
