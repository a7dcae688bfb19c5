"""Plain text, Markdown and DOCX manuscripts: chapters from their structure."""

from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest

from soundclone_desktop.core.book.manuscript import ChapterKind
from soundclone_desktop.manuscripts import load_manuscript

ZH_NOVEL = (
    "长夜将明\n作者：某某\n\n目录\n序章 夜雨\n第一章 重逢\n第二章 离别\n\n"
    "序章 夜雨\n　　那一夜，雨下得很大。\n"
    "第一章 重逢\n　　十年后，他们又见面了。\n"
    "第二章 离别\n　　“再见。”她说。\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with its BOM, as Notepad saves "Unicode"
        lambda t: t.encode("gb18030"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "gb18030", "gb18030-crlf"],
)
def test_chinese_novel_in_every_encoding(tmp_path: Path, encode: object) -> None:
    path = tmp_path / "长夜将明.txt"
    path.write_bytes(encode(ZH_NOVEL))  # type: ignore[operator]
    manuscript = load_manuscript(path)
    assert manuscript.title == "长夜将明"
    assert [(c.title, c.excluded) for c in manuscript.chapters] == [
        ("长夜将明", False),
        ("目录", True),
        ("序章 夜雨", False),
        ("第一章 重逢", False),
        ("第二章 离别", False),
    ]
    assert manuscript.text == ZH_NOVEL


def test_user_heading_pattern_reaches_plain_text(tmp_path: Path) -> None:
    import re

    path = tmp_path / "b.txt"
    path.write_text("Intro\n* One\nText.\n* Two\nMore.\n", encoding="utf-8")
    manuscript = load_manuscript(path, re.compile(r"\* "))
    assert [c.title for c in manuscript.chapters] == ["Intro", "* One", "* Two"]


MARKDOWN = """---
title: "The Long Night"
author: A. Writer
lang: en
---
# The Long Night

Copyright © 2024. All rights reserved. ISBN 978-0-00-000000-0

## Chapter 1

It was *late*, and **very** dark. See [the map](http://example.com/map) and
`the code` in snake_case_names.

![a picture](pic.png)

> A quoted line.

- an item
1. a numbered item

| a | b |
|---|---|
| c | d |

Chapter 2
---------

Escaped \\*stars\\* stay.[^1]

[^1]: A footnote.

```
print("kept")
```

***

## Epilogue

The end.

[ref]: http://example.com
"""


def test_markdown_headings_and_speakable_text(tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    manuscript = load_manuscript(path)
    assert (manuscript.title, manuscript.author, manuscript.language) == (
        "The Long Night",
        "A. Writer",
        "en",
    )
    assert [(c.title, c.excluded, c.kind) for c in manuscript.chapters] == [
        ("The Long Night", True, ChapterKind.FRONT_MATTER),  # title page with copyright
        ("Chapter 1", False, ChapterKind.BODY),
        ("Chapter 2", False, ChapterKind.BODY),
        ("Epilogue", False, ChapterKind.BODY),
    ]
    one, two = manuscript.chapters[1].text, manuscript.chapters[2].text
    assert one.startswith("Chapter 1\n\nIt was late, and very dark. See the map and\n")
    assert "the code in snake_case_names." in one
    assert "A quoted line." in one and "an item" in one and "1. a numbered item" in one
    assert "a, b\nc, d" in one
    assert "pic.png" not in one and "http" not in manuscript.text and "#" not in manuscript.text
    assert two.startswith("Chapter 2\n\nEscaped *stars* stay.\n")
    assert 'print("kept")' in two and "```" not in two and "A footnote" not in two
    assert manuscript.chapters[3].source_ref.startswith("line ")
    assert any("image" in n for n in manuscript.notes)
    assert any("footnote" in n for n in manuscript.notes)


def test_markdown_without_headings_uses_plain_text_detection(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("第一章 甲\n正文。\n第二章 乙\n正文。\n", encoding="utf-8")
    assert [c.title for c in load_manuscript(path).chapters] == ["第一章 甲", "第二章 乙"]


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "长夜"
    document.core_properties.author = "某某"
    document.add_paragraph("长夜", style="Title")
    document.add_paragraph("版权所有 侵权必究 ISBN 978-7-0000-0000-0")
    document.add_heading("序章 夜雨", level=1)
    document.add_paragraph("那一夜，雨下得很大。")
    document.add_paragraph("")
    document.add_heading("小节", level=2)  # a section inside the chapter
    document.add_paragraph("他站在门口。")
    document.add_heading("第一章 重逢", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "表格里的字"
    table.rows[0].cells[1].text = "第二格"
    document.add_paragraph("十年后。")
    document.add_heading("后记", level=1)
    document.add_paragraph("谢谢。")
    document.save(str(path))
    return path


def test_docx_heading_styles_become_chapters(tmp_path: Path) -> None:
    manuscript = load_manuscript(make_docx(tmp_path / "book.docx"))
    assert (manuscript.title, manuscript.author) == ("长夜", "某某")
    assert [(c.title, c.excluded, c.kind) for c in manuscript.chapters] == [
        ("长夜", True, ChapterKind.FRONT_MATTER),
        ("序章 夜雨", False, ChapterKind.BODY),
        ("第一章 重逢", False, ChapterKind.BODY),
        ("后记", False, ChapterKind.BACK_MATTER),
    ]
    assert (
        manuscript.chapters[1].text
        == "序章 夜雨\n\n那一夜，雨下得很大。\n\n小节\n\n他站在门口。\n\n"
    )
    assert manuscript.chapters[2].text == "第一章 重逢\n\n表格里的字\n\n第二格\n\n十年后。\n\n"
    assert manuscript.chapters[1].source_ref == "paragraph 3"


def test_docx_footnotes_are_reported(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "notes.docx")
    document = docx.Document(str(path))
    run = document.paragraphs[3].add_run()
    reference = run._r.makeelement(docx.oxml.ns.qn("w:footnoteReference"), {})
    reference.set(docx.oxml.ns.qn("w:id"), "1")
    run._r.append(reference)
    document.save(str(path))
    manuscript = load_manuscript(path)
    assert manuscript.notes == ("1 footnote(s) were left out: only the main text is read aloud.",)


ENGLISH = (
    "THE LONG NIGHT\n\nby A. Writer\n\n"
    "Copyright © 2024 A. Writer. All rights reserved.\nISBN 978-0-00-000000-0\n\n"
    "Contents\n\nPrologue\nChapter 1\nChapter 2\n\n"
    "Prologue\n\nIt was late.\n\n"
    "Chapter 1\n\nShe read chapter 12 of the old book.\n\n"
    "Chapter 2\n\nMorning came.\n"
)


def test_english_text_with_copyright_page_and_contents(tmp_path: Path) -> None:
    path = tmp_path / "night.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    manuscript = load_manuscript(path)
    assert [(c.title, c.excluded) for c in manuscript.chapters] == [
        ("THE LONG NIGHT", True),  # title and copyright page
        ("Contents", True),
        ("Prologue", False),
        ("Chapter 1", False),
        ("Chapter 2", False),
    ]
    assert manuscript.text == ENGLISH


def test_user_heading_pattern_reaches_markdown_and_docx_without_headings(tmp_path: Path) -> None:
    import re

    pattern = re.compile(r"~ ")
    md = tmp_path / "b.md"
    md.write_text("Intro\n\n~ One\n\nText.\n\n~ Two\n\nMore.\n", encoding="utf-8")
    assert [c.title for c in load_manuscript(md, pattern).chapters] == ["Intro", "~ One", "~ Two"]
    document = docx.Document()
    for text in ("Intro", "~ One", "Text.", "~ Two", "More."):
        document.add_paragraph(text)
    path = tmp_path / "b.docx"
    document.save(str(path))
    assert [c.title for c in load_manuscript(path, pattern).chapters] == ["Intro", "~ One", "~ Two"]
