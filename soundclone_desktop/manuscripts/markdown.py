"""Markdown manuscripts: headings become chapters, markup becomes speakable text.

Kept as text: heading text, link text (not the URL), emphasis content, inline code, the
content of code blocks (without the fences: it is text the author wrote; the user can edit
or exclude it), list items (bullets dropped, numbers kept), table cells (joined by ", "),
block quotes (without ``>``). Left out, each counted in a note: images (``![alt](src)``) and
footnote definitions (``[^1]: …``, with their ``[^1]`` references). Not text at all, removed
silently: fences, horizontal rules (a blank line stays), link reference definitions, table
separator rows, HTML tags and one-line comments, and a YAML front matter block, whose
``title:`` and ``author:`` become the manuscript's.

Headings: ATX (``#``…``######``) and setext (a line underlined by ``===`` or ``---`` after a
blank line); see :mod:`core.book.structure` for which level starts chapters. The text keeps
the file's line structure, so ``source_ref`` line numbers match the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.book.structure import Block, chapters_from_blocks

from .text import decode_or_raise

_ATX = re.compile(r" {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*")
_SETEXT = re.compile(r" {0,3}(=+|-+)\s*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r" {0,3}([-*_])(?:\s*\1){2,}\s*")
_REFERENCE_DEF = re.compile(r" {0,3}\[[^\]^]+\]:\s*\S+")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^[^\]]+\]:")
_TABLE_SEPARATOR = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_SENTINEL = 0xF0000  # escaped characters hide in a private-use plane while markup is removed
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: counted before this runs
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def read_markdown(path: Path, data: bytes, pattern: re.Pattern[str] | None = None) -> Manuscript:
    text = decode_or_raise(path, data)
    lines = text.split("\n")
    meta, first = _front_matter(lines)
    blocks: list[Block] = []
    images = footnotes = 0
    fence: str | None = None
    for number in range(first, len(lines)):
        line = lines[number]
        ref = f"line {number + 1}"
        fence_match = _FENCE.match(line)
        if fence is not None:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
            else:
                blocks.append(Block(line, None, ref))
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        setext = _SETEXT.fullmatch(line)
        if setext and blocks and _is_setext_title(lines, number, first, blocks):
            level = 1 if setext.group(1)[0] == "=" else 2
            previous = blocks.pop()
            blocks.append(Block(previous.text, level, previous.source_ref))
            continue
        if _RULE.fullmatch(line):
            blocks.append(Block("", None, ref))
            continue
        if _FOOTNOTE_DEF.match(line):
            footnotes += 1
            continue
        if _REFERENCE_DEF.fullmatch(line) or (_TABLE_SEPARATOR.fullmatch(line) and "-" in line):
            continue
        images += len(_IMAGE.findall(line))
        atx = _ATX.fullmatch(line)
        if atx:
            blocks.append(Block(_inline(atx.group(2) or ""), len(atx.group(1)), ref))
            continue
        blocks.append(Block(_inline(_line_prefixes(line)), None, ref))
    title, chapters = chapters_from_blocks(blocks, "\n", pattern)
    notes = []
    if images:
        notes.append(f"{images} image(s) were left out: only text is read aloud.")
    if footnotes:
        notes.append(f"{footnotes} footnote(s) were left out, with their markers.")
    return Manuscript(
        title=meta.get("title") or title or path.stem,
        author=meta.get("author", ""),
        language=meta.get("lang") or meta.get("language"),
        chapters=chapters,
        notes=tuple(notes),
    )


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for number in range(1, min(len(lines), 200)):
        if lines[number].strip() in {"---", "..."}:
            meta: dict[str, str] = {}
            for line in lines[1:number]:
                key, sep, value = line.partition(":")
                if sep and key.strip().isidentifier():
                    meta[key.strip().lower()] = value.strip().strip("\"'")
            return meta, number + 1
    return {}, 0


def _is_setext_title(lines: list[str], number: int, first: int, blocks: list[Block]) -> bool:
    previous = lines[number - 1] if number - 1 >= first else ""
    before = lines[number - 2] if number - 2 >= first else ""
    return (
        bool(previous.strip())
        and not before.strip()
        and blocks[-1].level is None
        and not _BULLET.match(previous)
    )


def _line_prefixes(line: str) -> str:
    line = _QUOTE.sub("", line, count=1) if line.lstrip().startswith(">") else line
    line = _BULLET.sub(r"\1", line, count=1)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        return ", ".join(cell for cell in cells if cell)
    return line


def _inline(text: str) -> str:
    text = _ESCAPED.sub(lambda m: chr(_SENTINEL + ord(m.group(1))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return re.sub(r"[\U000F0000-\U000F007F]", lambda m: chr(ord(m.group(0)) - _SENTINEL), text)
