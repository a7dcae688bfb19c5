"""Plain-text chapter detection: the documented patterns, front matter, no text lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book.chapters import (
    compile_heading_pattern,
    detect_chapters,
    find_headings,
    heading_kind,
    should_exclude,
)
from soundclone_desktop.core.book.manuscript import ChapterKind

ZH_NOVEL = (
    "长夜将明\n作者：某某\n\n"
    "目录\n序章 夜雨\n第一章 重逢\n第二章 离别\n第十二章 归来\n尾声\n\n"
    "序章 夜雨\n　　那一夜，雨下得很大。\n　　他站在门口。\n"
    "第一章 重逢\n　　十年后，他们又见面了。\n　　第一章写到这里，读者都哭了。\n"
    "第二章 离别\n　　“再见。”她说。\n"
    "第十二章 归来\n　　他回来了。\n"
    "尾声\n　　天亮了。\n"
)


def titles(text: str) -> list[str]:
    return [chapter.title for chapter in detect_chapters(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 12",
        "CHAPTER XII",
        "Chapter Twelve",
        "Chapter Twenty-One: The Return",
        "Chapter 3. A Storm",
        "Part One",
        "PART II",
        "Book 3",
        "Prologue",
        "Epilogue",
        "Introduction",
        "Afterword",
        "Foreword",
        "Preface",
        "Contents",
        "Table of Contents",
        "Acknowledgements",
        "Prologue: Before",
    ],
)
def test_latin_heading_standing_alone_is_detected(line: str) -> None:
    text = f"Some opening words.\n\n{line}\n\nThe chapter begins here.\n"
    headings = find_headings(text)
    assert [h.title for h in headings] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "第十二章",
        "第12章",
        "第１２章 风起",
        "第12回",
        "第一卷",
        "第一百零三章 终局",
        "第三回 贾雨村夤缘复旧职　林黛玉抛父进京都",
        "第五章 谁是凶手？",
        "第一章开端",
        "序章",
        "序",
        "序：归来",
        "楔子",
        "尾声",
        "后记",
        "目录",
        "目 录",
    ],
)
def test_chinese_heading_line_is_detected_without_blank_lines(line: str) -> None:
    text = f"　　前面的一段话。\n{line}\n　　正文从这里开始。\n"
    assert [h.title for h in find_headings(text)] == [line]


@pytest.mark.parametrize(
    "text",
    [
        # mentions mid-paragraph, or wrapped so a line starts with the word
        "She had read Chapter 12 twice.\n",
        "It was in the book, at the end of\nChapter 12 of which she wept.\n\n",
        "\n\nChapter 12 was the best part of the book.\n\n",
        "\n\nIntroduction to the plan took an hour.\n\n",
        "\n\nchapter 12\n\n",  # lower case
        "Text\nChapter 12\nmore text on the next line\n",  # not standing alone
        # Chinese: a sentence that starts like a heading, or a long line
        "　　第一章写得很好，读者都哭了。\n",
        "序幕拉开了\n",
        "第十二章" + "很长的标题" * 10 + "\n",
    ],
)
def test_sentences_are_not_headings(text: str) -> None:
    assert find_headings(text) == []


def test_chinese_novel_chapters_and_contents_excluded_by_default() -> None:
    chapters = detect_chapters(ZH_NOVEL)
    assert [c.title for c in chapters] == [
        "长夜将明",
        "目录",
        "序章 夜雨",
        "第一章 重逢",
        "第二章 离别",
        "第十二章 归来",
        "尾声",
    ]
    assert [c.excluded for c in chapters] == [False, True, False, False, False, False, False]
    assert chapters[0].kind is ChapterKind.FRONT_MATTER
    assert chapters[1].kind is ChapterKind.FRONT_MATTER
    assert chapters[1].text.startswith("目录\n序章 夜雨\n第一章 重逢")
    assert "第一章写到这里" in chapters[3].text  # a sentence starting 第一章 stays in its chapter
    assert chapters[3].source_ref == "line 14"
    assert "".join(c.text for c in chapters) == ZH_NOVEL


def test_contents_list_without_a_contents_heading_is_one_excluded_chapter() -> None:
    text = (
        "第一章 甲\n第二章 乙\n第三章 丙\n\n"
        "第一章 甲\n正文一。\n第二章 乙\n正文二。\n第三章 丙\n正文三。\n"
    )
    chapters = detect_chapters(text)
    assert [(c.title, c.excluded) for c in chapters] == [
        ("目录", True),
        ("第一章 甲", False),
        ("第二章 乙", False),
        ("第三章 丙", False),
    ]


ENGLISH = (
    "THE LONG NIGHT\n\nby A. Writer\n\n"
    "Copyright © 2024 A. Writer. All rights reserved.\nISBN 978-0-00-000000-0\n"
    "Published by Example Press.\n\n"
    "Prologue\n\nIt was late.\n\n"
    "CHAPTER I.\nDown the Stairs\n\nShe went down. In Chapter 12 of her diary\nshe wrote it.\n\n"
    "Chapter Two\n\nMorning came.\n\n"
    "Epilogue\n\nThe end.\n\n"
    "Afterword\n\nThanks.\n"
)


def test_english_text_with_copyright_page() -> None:
    chapters = detect_chapters(ENGLISH)
    assert [c.title for c in chapters] == [
        "THE LONG NIGHT",
        "Prologue",
        "CHAPTER I. Down the Stairs",
        "Chapter Two",
        "Epilogue",
        "Afterword",
    ]
    assert chapters[0].excluded and chapters[0].kind is ChapterKind.FRONT_MATTER
    assert not any(c.excluded for c in chapters[1:])
    assert [c.kind for c in chapters[1:]] == [
        ChapterKind.BODY,
        ChapterKind.BODY,
        ChapterKind.BODY,
        ChapterKind.BODY,
        ChapterKind.BACK_MATTER,
    ]
    assert chapters[2].text.startswith("CHAPTER I.\nDown the Stairs\n\nShe went down.")
    assert "".join(c.text for c in chapters) == ENGLISH


def test_no_heading_gives_one_chapter_and_leading_blank_lines_join_the_first() -> None:
    assert [(c.title, c.text) for c in detect_chapters("Just a story.\nIt ends.")] == [
        ("Just a story.", "Just a story.\nIt ends.")
    ]
    chapters = detect_chapters("\n\n第一章\n正文。")
    assert [(c.title, c.text) for c in chapters] == [("第一章", "\n\n第一章\n正文。")]
    assert detect_chapters("") == ()


def test_user_pattern_replaces_the_built_in_ones() -> None:
    text = "Intro.\n=== One ===\nText one.\n=== Two ===\nText two.\nChapter 3\n\n"
    pattern = compile_heading_pattern(r"=== .+ ===")
    chapters = detect_chapters(text, pattern)
    assert [c.title for c in chapters] == ["Intro.", "=== One ===", "=== Two ==="]
    assert "".join(c.text for c in chapters) == text


@pytest.mark.parametrize("source", ["", "   ", "(unclosed", "[a-"])
def test_invalid_user_pattern_is_a_sentence(source: str) -> None:
    with pytest.raises(ValueError, match="heading pattern"):
        compile_heading_pattern(source)


def test_copyright_guess_needs_two_marks_in_a_short_text() -> None:
    assert should_exclude("Front", "Copyright 2020. All rights reserved.")
    assert should_exclude("版权信息", "版权所有 侵权必究\nISBN 978-7-1234")
    assert not should_exclude("Chapter 3", "He said the copyright had lapsed.")
    long_chapter = "ISBN © " + "word " * 1000
    assert not should_exclude("Chapter 4", long_chapter)


def test_heading_kind() -> None:
    assert heading_kind("序") is ChapterKind.FRONT_MATTER
    assert heading_kind("后记") is ChapterKind.BACK_MATTER
    assert heading_kind("Chapter 7") is ChapterKind.BODY
    assert heading_kind("A sentence.") is None


# -- properties -------------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "", "", "Chapter 1", "CHAPTER XII", "Prologue", "第十二章 风", "第12回", "序章", "目录",
        "尾声", "Contents", "It was a night.", "　　他说：“好。”", "ISBN 978", "Copyright ©",
        "chapter 3 of it", "12", " ", "第一章写得好。",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=40), st.booleans())
def test_detection_never_loses_text(lines: list[str], trailing_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if trailing_newline else "")
    chapters = detect_chapters(text)
    assert "".join(c.text for c in chapters) == text
    assert all(c.text for c in chapters)
    # a title is the chapter's heading line (or first line, cut), except a contents list's
    for chapter in chapters:
        if chapter.excluded and chapter.title in {"目录", "Contents"}:
            continue
        squeezed = "".join(chapter.title.removesuffix("…").split())  # a subtitle joins with " "
        assert squeezed in "".join(chapter.text.split())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=20)), max_size=30))
def test_user_pattern_never_loses_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    chapters = detect_chapters(text, re.compile(r"[A-Z第]"))
    assert "".join(c.text for c in chapters) == text
