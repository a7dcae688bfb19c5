"""Chapter detection in plain text, and the front-matter guesses every importer shares.

A heading is one line that matches one of the patterns below *as a whole* (after stripping
the whitespace around it). Which lines may be headings depends on the script:

Chinese headings (line-based: Chinese novels often put one paragraph per line, with no blank
lines, so no isolation is required) — the line is at most 40 characters and does not end with
``。，；、`` (a sentence that happens to start with 第三章 does):

- numbered: ``第`` + a number (Arabic, full-width or Chinese numerals: ``12``, ``１２``,
  ``十二``, ``一百零三``, ``壹拾``) + one of ``章 回 卷 节 部 篇 集 幕``, then optionally a
  title, with or without a separator: ``第十二章``, ``第12章 重逢``, ``第12回``, ``第一卷``;
- named: ``序章 序言 序 自序 前言 楔子 引子 尾声 终章 后记 番外 附录 致谢 目录``, alone or
  followed by a separator (space, ``：``, ``·``, ``、``, dash) and a title (``序：归来``);
  a separator is required so that ``序幕拉开了`` is not ``序``.

Latin headings — the line is at most 80 characters, starts with a capital letter, and stands
alone: a blank line (or the start of the text) before it and a blank line (or the end) after
it, or one short subtitle line and then a blank line (``CHAPTER I.`` / ``Down the
Rabbit-Hole``, as Project Gutenberg books do). A sentence mentioning "chapter 12" inside a
paragraph is never a heading. Patterns:

- numbered: ``Chapter``, ``Part`` or ``Book`` (Title case or capitals) + a number: digits,
  Roman numerals (``XII``) or English words up to ninety-nine (``Twelve``, ``Twenty-One``),
  then optionally ``.``, ``:``, a dash and a title;
  (a title after a bare space must not start in lower case: ``Chapter 12 was…`` is prose);
- named: ``Prologue Epilogue Introduction Afterword Foreword Preface Interlude Appendix
  Acknowledgements Contents`` (``Table of Contents``, ``About the Author``), optionally with
  a title after ``:``, ``.`` or a dash (not after a bare space: ``Introduction to…``).

A user-editable regular expression (:func:`compile_heading_pattern`) replaces all of the
above: every line, stripped, for which ``pattern.match(line)`` succeeds is a heading; no
isolation or length rule applies.

Chapters are slices of the text from the start of one heading line to the start of the next
(see :mod:`.manuscript`: the heading is kept in the text), so joining them gives back the input
exactly. Text before the first heading becomes a front-matter chapter; if it is only
whitespace it stays at the start of the first chapter.

Front matter pre-marked *excluded* (never deleted):

- a table of contents: a ``Contents``/``目录`` heading, or a run of three or more headings with
  nothing but whitespace between them (the contents list of a novel whose entries look like
  headings), merged into one chapter; or a chapter most of whose lines are heading-like;
- a copyright page: a chapter under 4,000 characters with at least two copyright marks
  (``ISBN``, ``©``, ``Copyright``, ``All rights reserved``, ``版权所有``, ``出版社``, ``书号``…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .manuscript import ChapterDraft, ChapterKind, first_line_title

_ZH_NUMBER = r"[0-9０-９零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+"
_ZH_SEPARATOR = r"[\s　:：·・、.．\-—–]"
_ZH_NUMBERED = re.compile(rf"第\s*{_ZH_NUMBER}\s*[章回卷节部篇集幕](?:{_ZH_SEPARATOR}*.*)?")
_ZH_NAMED = re.compile(
    rf"(?P<word>序章|序言|自序|序|前言|楔子|引子|尾声|终章|后记|番外|附录|致谢|目\s*录)"
    rf"(?:{_ZH_SEPARATOR}+.*)?"
)
_ZH_MAX_LEN = 40
_ZH_SENTENCE_END = "。，；、,;"

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_NUMBER = rf"(?:\d+|[IVXLCDM]+|(?i:(?:{_TENS})(?:[\s-](?:{_UNITS}))?|{_TEENS}|{_UNITS}))"
_EN_PUNCT_SEPARATOR = r"\s*[.:\-–—]\s*"
_EN_NUMBERED = re.compile(
    rf"(?:Chapter|CHAPTER|Part|PART|Book|BOOK)\s+{_EN_NUMBER}\b"
    rf"(?:(?P<sep>{_EN_PUNCT_SEPARATOR}|\s+)(?P<rest>.*))?"
)
# A named heading takes a title only after punctuation: "Introduction to the plan" is prose.
_EN_NAMED = re.compile(
    r"(?i:(?P<word>prologue|epilogue|introduction|afterword|foreword|preface|interlude"
    r"|appendix|acknowledge?ments|about the author|table of contents|contents))\b"
    rf"(?:{_EN_PUNCT_SEPARATOR}.*)?"
)
_EN_MAX_LEN = 80
_SUBTITLE_MAX_LEN = 60

_FRONT_WORDS = {
    "序", "序言", "自序", "前言", "目录",
    "introduction", "foreword", "preface", "contents", "table of contents",
}  # fmt: skip
_BACK_WORDS = {
    "后记", "附录", "致谢", "番外",
    "afterword", "appendix", "acknowledgements", "acknowledgments", "about the author",
}  # fmt: skip
_CONTENTS_WORDS = {"目录", "contents", "table of contents"}

_COPYRIGHT_MARKS = re.compile(
    r"ISBN|©|\(c\)\s*\d{4}|(?i:copyright|all rights reserved|published by|first published)"
    r"|版权所有|侵权必究|出版社|书号|印次|定价|图书在版编目"
)
_COPYRIGHT_MAX_CHARS = 4000
_CONTENTS_RUN = 3  # this many headings in a row with nothing between them: a contents list


@dataclass(frozen=True)
class Heading:
    """A heading found in the text: its line starts at ``start``; the heading block (the
    line and an optional subtitle line) ends at ``end`` (before the line break)."""

    start: int
    end: int
    title: str
    kind: ChapterKind
    is_contents: bool = False


def compile_heading_pattern(source: str) -> re.Pattern[str]:
    """The user's heading regex, compiled; :class:`ValueError` with a sentence if invalid."""
    if not source.strip():
        raise ValueError("The heading pattern is empty. Enter a regular expression.")
    try:
        return re.compile(source)
    except re.error as exc:
        raise ValueError(
            f"The heading pattern is not a valid regular expression: {exc.msg} "
            f"at position {exc.pos}."
        ) from None


def detect_chapters(
    text: str, pattern: re.Pattern[str] | None = None, *, line_offset: int = 0
) -> tuple[ChapterDraft, ...]:
    """Split plain text into chapters (see the module doc); never loses a character.

    ``line_offset`` is added to the 1-based line numbers in ``source_ref``.
    """
    headings = find_headings(text, pattern)
    if not headings:
        return (
            (_draft(first_line_title(text), text, f"line {1 + line_offset}", None),) if text else ()
        )
    chapters: list[ChapterDraft] = []
    if text[: headings[0].start].strip():
        front = text[: headings[0].start]
        chapters.append(
            _draft(
                first_line_title(front),
                front,
                f"line {1 + line_offset}",
                ChapterKind.FRONT_MATTER,
            )
        )
    groups = _group_contents_runs(text, headings)
    for index, group in enumerate(groups):
        first = group[0]
        start = 0 if index == 0 and not chapters else first.start
        end = groups[index + 1][0].start if index + 1 < len(groups) else len(text)
        ref = f"line {text.count(chr(10), 0, first.start) + 1 + line_offset}"
        if len(group) > 1 or first.is_contents:
            title = first.title if first.is_contents else _contents_title(text)
            chapters.append(
                ChapterDraft(title, text[start:end], ref, True, ChapterKind.FRONT_MATTER)
            )
        else:
            chapters.append(_draft(first.title, text[start:end], ref, first.kind))
    return tuple(chapters)


def find_headings(text: str, pattern: re.Pattern[str] | None = None) -> list[Heading]:
    """Every heading line in ``text``, in order (see the module doc for the rules)."""
    lines = _lines(text)
    headings: list[Heading] = []
    skip_until = -1
    for number, (start, end) in enumerate(lines):
        if number <= skip_until:
            continue
        line = text[start:end].strip()
        if not line:
            continue
        if pattern is not None:
            if pattern.match(line):
                kind, contents = _classify(line)
                headings.append(Heading(start, end, line, kind, contents))
            continue
        if _is_zh_heading(line):
            kind, contents = _classify(line)
            headings.append(Heading(start, end, line, kind, contents))
            continue
        if not _is_en_heading(line) or not _blank_before(text, lines, number):
            continue
        kind, contents = _classify(line)
        if _blank_after(text, lines, number):
            headings.append(Heading(start, end, line, kind, contents))
        elif _is_subtitle(text, lines, number + 1) and _blank_after(text, lines, number + 1):
            sub_start, sub_end = lines[number + 1]
            title = f"{line} {text[sub_start:sub_end].strip()}"
            headings.append(Heading(start, sub_end, title, kind, contents))
            skip_until = number + 1
    return headings


def heading_kind(line: str) -> ChapterKind | None:
    """The kind of a heading line under the built-in patterns, or ``None`` if it is none."""
    stripped = line.strip()
    if _is_zh_heading(stripped) or _is_en_heading(stripped):
        return _classify(stripped)[0]
    return None


def should_exclude(title: str, text: str) -> bool:
    """The front-matter guess: a contents list or a copyright page (see the module doc)."""
    if _named_word(title.strip()) in _CONTENTS_WORDS:
        return True
    if len(text) < _COPYRIGHT_MAX_CHARS:
        marks = {m.group(0).lower() for m in _COPYRIGHT_MARKS.finditer(text)}
        if len(marks) >= 2:
            return True
    return looks_like_contents(text)


def looks_like_contents(text: str) -> bool:
    """True when three or more lines, and most non-blank lines after the first, are headings."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < _CONTENTS_RUN + 1:
        return False
    body = lines[1:]  # the first line is the chapter's own heading
    hits = sum(1 for line in body if _is_zh_heading(line) or _is_en_heading(line))
    return hits >= _CONTENTS_RUN and hits * 5 >= len(body) * 3


# -- helpers ------------------------------------------------------------------------------------


def _draft(title: str, text: str, ref: str, kind: ChapterKind | None) -> ChapterDraft:
    return ChapterDraft(
        title=title,
        text=text,
        source_ref=ref,
        excluded=should_exclude(title, text),
        kind=kind or ChapterKind.BODY,
    )


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end < 0:
            spans.append((start, length))
            break
        spans.append((start, end))
        start = end + 1
    return spans


def _blank_before(text: str, lines: list[tuple[int, int]], number: int) -> bool:
    return number == 0 or not text[lines[number - 1][0] : lines[number - 1][1]].strip()


def _blank_after(text: str, lines: list[tuple[int, int]], number: int) -> bool:
    return number + 1 >= len(lines) or not text[lines[number + 1][0] : lines[number + 1][1]].strip()


def _is_subtitle(text: str, lines: list[tuple[int, int]], number: int) -> bool:
    if number >= len(lines):
        return False
    line = text[lines[number][0] : lines[number][1]].strip()
    return 0 < len(line) <= _SUBTITLE_MAX_LEN and line[-1] not in '.,;!?"”'


def _is_zh_heading(line: str) -> bool:
    if len(line) > _ZH_MAX_LEN or line[-1] in _ZH_SENTENCE_END:
        return False
    return bool(_ZH_NUMBERED.fullmatch(line) or _ZH_NAMED.fullmatch(line))


def _is_en_heading(line: str) -> bool:
    if len(line) > _EN_MAX_LEN or not line[0].isupper():
        return False
    if _EN_NAMED.fullmatch(line):
        return True
    match = _EN_NUMBERED.fullmatch(line)
    if match is None:
        return False
    # "Chapter 12 was the best": a title after a bare space must not start in lower case
    rest = match.group("rest") or ""
    return not (rest[:1].islower() and not match.group("sep").strip())


def _named_word(line: str) -> str | None:
    for named in (_ZH_NAMED, _EN_NAMED):
        match = named.fullmatch(line)
        if match:
            return re.sub(r"\s+", " ", match.group("word")).lower().replace("目 录", "目录")
    return None


def _classify(line: str) -> tuple[ChapterKind, bool]:
    word = _named_word(line)
    if word is None:
        return ChapterKind.BODY, False
    if word in _FRONT_WORDS:
        return ChapterKind.FRONT_MATTER, word in _CONTENTS_WORDS
    if word in _BACK_WORDS:
        return ChapterKind.BACK_MATTER, False
    return ChapterKind.BODY, False


def _group_contents_runs(text: str, headings: list[Heading]) -> list[list[Heading]]:
    """Headings grouped into chapters: a run of empty-bodied headings is one contents list."""
    groups: list[list[Heading]] = []
    run: list[Heading] = []

    def flush() -> None:
        if len(run) >= _CONTENTS_RUN or (run and run[0].is_contents):
            groups.append(list(run))
        else:
            groups.extend([h] for h in run)
        run.clear()

    for index, heading in enumerate(headings):
        body_end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        empty = not text[heading.end : body_end].strip()
        if empty and index + 1 < len(headings):
            run.append(heading)
            continue
        flush()
        groups.append([heading])
    flush()
    return groups


def _contents_title(text: str) -> str:
    return "目录" if re.search(r"[\u4e00-\u9fff]", text[:2000]) else "Contents"
