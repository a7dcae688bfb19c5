"""An EPUB content document (XHTML) as speakable text with paragraphs, using html.parser.

The standard library's tolerant parser reads what real EPUBs contain (HTML entities such as
``&nbsp;`` that strict XML refuses, unclosed tags, a stray ``<br>``) without failing.

- Every block element (``p``, ``div``, ``h1``–``h6``, ``li``, ``blockquote``, ``section``,
  ``td``…) ends a paragraph; paragraphs are joined with a blank line. ``<br>`` is a line break
  inside a paragraph (poetry keeps its lines).
- Whitespace is collapsed as a browser does, except that a line break in the source between
  two CJK characters disappears (a browser would show a space; Chinese has none).
- Not text, skipped: ``script``, ``style`` (a ``head``'s ``title`` is kept for naming),
  ``svg`` and ``math``, ruby annotations (``rt``/``rp``: the reading of 漢字 would be spoken
  twice). Counted and skipped, so the importer can say so: images, footnote references
  (``epub:type="noteref"``, or a link inside ``<sup>``) and footnote bodies (elements typed
  ``footnote``, ``endnote``, ``rearnote``, ``footnotes``, ``endnotes``, ``rearnotes``).
- Each element ``id`` is recorded at the start of the paragraph it is in (TOC anchors point at
  headings and sections, which start paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "pre",
        "hr",
        "address",
        "center",
        "main",
        "hgroup",
        "details",
        "summary",
        "body",
        "html",
    ]
)
_SKIPPED = frozenset({"script", "style", "svg", "math", "rt", "rp", "template"})
_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "footnotes", "endnotes", "rearnotes"})
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[^\S\u2028]+")
_LINE_BREAK = "\u2028"  # stands for <br> until whitespace is collapsed


@dataclass
class XhtmlText:
    text: str
    anchors: dict[str, int]  # element id -> offset in text
    title: str  # the <title>, or ""
    first_heading: str  # the first h1 or h2, or ""
    epub_types: set[str] = field(default_factory=set)  # epub:type values on body/sections
    images: int = 0
    noterefs: int = 0
    notes: int = 0


def xhtml_to_text(markup: str) -> XhtmlText:
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    parser.end_paragraph()
    text_parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for paragraph in parser.paragraphs:
        if text_parts:
            offset += 2
        starts.append(offset)
        text_parts.append(paragraph)
        offset += len(paragraph)
    anchors = {
        anchor: (starts[index] if index < len(starts) else offset)
        for anchor, index in parser.anchors.items()
    }
    return XhtmlText(
        text="\n\n".join(text_parts),
        anchors=anchors,
        title=" ".join(parser.title.split()),
        first_heading=" ".join(parser.first_heading.split()),
        epub_types=parser.epub_types,
        images=parser.images,
        noterefs=parser.noterefs,
        notes=parser.notes,
    )


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.anchors: dict[str, int] = {}  # id -> paragraph index
        self.title = ""
        self.first_heading = ""
        self.epub_types: set[str] = set()
        self.images = self.noterefs = self.notes = 0
        self._buffer: list[str] = []
        self._skip: list[str] = []  # the skipped element's tag, once per open nesting
        self._in_title = False
        self._heading: list[str] | None = None
        self._heading_tag = ""
        self._sup = 0
        self._pre = 0

    # -- structure -------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[0]:
                self._skip.append(tag)
            return
        attributes = dict(attrs)
        types = set((attributes.get("epub:type") or "").split())
        if tag in _SKIPPED or types & _NOTE_TYPES or self._is_noteref(tag, attributes, types):
            self._start_skip(tag, types)
            return
        if tag in {"img", "image"}:
            self.images += 1
        if tag in {"body", "section", "article", "div"} and types:
            self.epub_types |= types
        if tag in _BLOCKS:
            self.end_paragraph()
        if tag == "br":
            self._buffer.append(_LINE_BREAK)
        elif tag == "sup":
            self._sup += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "title":
            self._in_title = True
        elif tag in {"h1", "h2"} and not self.first_heading and self._heading is None:
            self._heading, self._heading_tag = [], tag
        element_id = attributes.get("id")
        if element_id and element_id not in self.anchors:
            self.anchors[element_id] = len(self.paragraphs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in {"br", "img", "image", "hr"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[0]:
                self._skip.pop()
            return
        if tag == "sup":
            self._sup = max(0, self._sup - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == self._heading_tag and self._heading is not None:
            self.first_heading = "".join(self._heading).strip()
            self._heading = None
        if tag in _BLOCKS:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
            return
        if self._pre:
            data = data.replace("\n", _LINE_BREAK)
        self._buffer.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def end_paragraph(self) -> None:
        if not self._buffer:
            return
        raw = _CJK_BREAK.sub("", "".join(self._buffer))
        self._buffer.clear()
        lines = [line.strip() for line in _SPACES.sub(" ", raw).split(_LINE_BREAK)]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(paragraph)

    # -- notes ------------------------------------------------------------------------------

    def _is_noteref(self, tag: str, attributes: dict[str, str | None], types: set[str]) -> bool:
        if tag != "a":
            return False
        return "noteref" in types or (self._sup > 0 and "#" in (attributes.get("href") or ""))

    def _start_skip(self, tag: str, types: set[str]) -> None:
        if tag == "a":
            self.noterefs += 1
        elif types & _NOTE_TYPES:
            self.notes += 1
        elif tag == "svg":
            self.images += 1
        self._skip = [tag]
