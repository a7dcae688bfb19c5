"""EPUB 2 and 3: spine order, TOC titles and anchors, front matter, notes, XHTML to text."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.core.book.manuscript import ChapterKind
from soundclone_desktop.manuscripts import load_manuscript
from soundclone_desktop.manuscripts.xhtml import xhtml_to_text
from tests.manuscripts.conftest import Doc, Toc, paragraphs, write_epub

BOOK_DOCS = [
    Doc("cover.xhtml", '<img src="cover.jpg" alt="Cover"/>', body_type="cover"),
    Doc("title.xhtml", "<h1>The Long Night</h1><p>by A. Writer</p>", body_type="titlepage"),
    Doc(
        "copyright.xhtml",
        paragraphs("Copyright © 2024 A. Writer.", "All rights reserved.", "ISBN 978-0-00-000000-0"),
    ),
    # one document, two chapters: the TOC points at anchors
    Doc(
        "part1.xhtml",
        '<h1 id="p1">Part One</h1>'
        '<section id="c1"><h2>Chapter 1</h2>'
        + paragraphs("It was late.", "The rain fell.")
        + '</section><section id="c2"><h2>Chapter 2</h2>'
        + paragraphs("Morning came.")
        + "</section>",
    ),
    # one chapter over two documents (a converter's split): only the first is in the TOC
    Doc("ch3a.xhtml", "<h2>Chapter 3</h2>" + paragraphs("First half.")),
    Doc("ch3b.xhtml", paragraphs("Second half.")),
    Doc("notes.xhtml", paragraphs("Note one."), linear=False),
]
BOOK_TOC = [
    Toc("title.xhtml", "Title Page"),
    Toc(
        "part1.xhtml#p1",
        "Part One",
        [Toc("part1.xhtml#c1", "Chapter 1: Late"), Toc("part1.xhtml#c2", "Chapter 2: Morning")],
    ),
    Toc("ch3a.xhtml", "Chapter 3: Halves", [Toc("ch3a.xhtml#deep", "deep", [Toc("x", "y")])]),
]


@pytest.mark.parametrize("version", [2, 3])
def test_handmade_epub_chapters_follow_the_toc(tmp_path: Path, version: int) -> None:
    path = write_epub(tmp_path / f"book{version}.epub", BOOK_DOCS, BOOK_TOC, version=version)
    manuscript = load_manuscript(path)
    assert (manuscript.title, manuscript.author, manuscript.language) == (
        "A Book",
        "An Author",
        "en",
    )
    titles = [c.title for c in manuscript.chapters]
    assert titles == [
        "Title Page",
        "copyright.xhtml",
        "Part One",
        "Chapter 1: Late",
        "Chapter 2: Morning",
        "Chapter 3: Halves",
        "notes.xhtml",
    ]
    chapters = manuscript.chapters
    assert chapters[1].excluded and chapters[1].kind is ChapterKind.FRONT_MATTER  # copyright
    assert chapters[6].excluded  # linear="no"
    assert not any(c.excluded for c in chapters[2:6])
    assert chapters[0].kind is ChapterKind.FRONT_MATTER
    assert chapters[3].text == "Chapter 1\n\nIt was late.\n\nThe rain fell.\n\n"
    assert chapters[3].source_ref == "OEBPS/part1.xhtml#c1"
    assert chapters[5].text == "Chapter 3\n\nFirst half.\n\nSecond half.\n\n"
    assert manuscript.text.startswith("The Long Night\n\nby A. Writer\n\nCopyright ©")
    assert any("cover.xhtml" in note for note in manuscript.notes)  # the cover: no text
    assert any("picture" in note for note in manuscript.notes)


def test_epub_without_toc_takes_titles_from_headings(tmp_path: Path) -> None:
    docs = [
        Doc("a.xhtml", "<h1>Prologue</h1>" + paragraphs("Before.")),
        Doc("b.xhtml", "<h2>Chapter 1</h2>" + paragraphs("During.")),
        Doc("c.xhtml", paragraphs("After."), title="Closing"),
        Doc("d.xhtml", paragraphs("Nameless.")),
    ]
    manuscript = load_manuscript(write_epub(tmp_path / "n.epub", docs, None))
    assert [c.title for c in manuscript.chapters] == [
        "Prologue",
        "Chapter 1",
        "Closing",
        "d.xhtml",
    ]


def test_chinese_epub3_with_contents_page(tmp_path: Path) -> None:
    docs = [
        Doc("toc.xhtml", "<h1>目录</h1>" + paragraphs("第一章 开端", "第二章 结局")),
        Doc("c1.xhtml", "<h1>第一章 开端</h1><p>很久\n以前，<ruby>漢<rt>かん</rt></ruby>字。</p>"),
        Doc("c2.xhtml", "<h1>第二章 结局</h1><p>完。</p>"),
    ]
    toc = [Toc("c1.xhtml", "第一章 开端"), Toc("c2.xhtml", "第二章 结局")]
    manuscript = load_manuscript(write_epub(tmp_path / "zh.epub", docs, toc, language="zh-CN"))
    assert [(c.title, c.excluded) for c in manuscript.chapters] == [
        ("目录", True),
        ("第一章 开端", False),
        ("第二章 结局", False),
    ]
    assert manuscript.chapters[1].text == "第一章 开端\n\n很久以前，漢字。\n\n"
    assert manuscript.language == "zh-CN"


def test_xhtml_to_text_paragraphs_entities_and_notes() -> None:
    content = xhtml_to_text(
        "<html><head><title>T</title><style>p{}</style><script>x()</script></head><body>"
        '<h2 id="h">A&nbsp;Title</h2><p>One   two\n three&amp;four<sup><a href="#n1">1</a></sup>'
        '<a epub:type="noteref" href="n.xhtml#n2">2</a>.</p>'
        "<p>Line one<br/>line two</p><div><p>Nested</p> tail</div>"
        '<aside epub:type="footnote" id="n1"><p>The note.</p></aside>'
        "<p>漢<ruby>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby></p><pre>a\n  b</pre>"
        '<svg><text>no</text></svg><img src="x.png"/></body></html>'
    )
    assert content.text == (
        "A Title\n\nOne two three&four.\n\nLine one\nline two\n\nNested\n\ntail\n\n漢字\n\na\nb"
    )
    assert content.title == "T" and content.first_heading == "A Title"
    assert content.anchors["h"] == 0
    assert (content.noterefs, content.notes, content.images) == (2, 1, 2)


def test_anchor_offsets_point_at_their_paragraph() -> None:
    content = xhtml_to_text('<p>First.</p><h2 id="x">Second</h2><p><span id="y">Third</span></p>')
    assert content.text[content.anchors["x"] :].startswith("Second")
    assert content.text[content.anchors["y"] :].startswith("Third")


# -- EPUBs written by EbookLib (an independent writer; used in tests only: it is AGPL) ----------

ebooklib_epub = pytest.importorskip("ebooklib.epub")


def ebooklib_book(tmp_path: Path, *, epub3: bool) -> Path:
    book = ebooklib_epub.EpubBook()
    book.set_identifier("urn:test:1")
    book.set_title("射雕")
    book.set_language("zh")
    book.add_author("金某")
    chapters = []
    texts = [
        ("序章 风雪", "<h1>序章 风雪</h1><p>风雪之夜。</p>"),
        ("第一章 少年", "<h1>第一章 少年</h1><p>少年出门。</p><p>他走了很远。</p>"),
        ("第二章 江湖", "<h1>第二章 江湖</h1><p>江湖险恶。</p>"),
    ]
    for index, (title, body) in enumerate(texts):
        chapter = ebooklib_epub.EpubHtml(title=title, file_name=f"c{index}.xhtml", lang="zh")
        chapter.content = f"<html><body>{body}</body></html>"
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.add_item(ebooklib_epub.EpubNcx())
    if epub3:
        book.add_item(ebooklib_epub.EpubNav())
        book.spine = ["nav", *chapters]
    else:
        book.spine = chapters  # no nav document: the reader must use the NCX
    path = tmp_path / f"ebooklib{3 if epub3 else 2}.epub"
    ebooklib_epub.write_epub(str(path), book)
    return path


@pytest.mark.parametrize("epub3", [True, False])
def test_epub_written_by_ebooklib(tmp_path: Path, epub3: bool) -> None:
    manuscript = load_manuscript(ebooklib_book(tmp_path, epub3=epub3))
    body = [c for c in manuscript.chapters if not c.excluded]
    assert [c.title for c in body] == ["序章 风雪", "第一章 少年", "第二章 江湖"]
    assert body[1].text.startswith("第一章 少年\n\n少年出门。\n\n他走了很远。")
    assert (manuscript.title, manuscript.author, manuscript.language) == ("射雕", "金某", "zh")
    if epub3:  # the navigation document is in the spine: kept, excluded, front matter
        assert manuscript.chapters[0].excluded
        assert manuscript.chapters[0].kind is ChapterKind.FRONT_MATTER
