"""``soundclone book import MANUSCRIPT -o BOOK``: a manuscript becomes a book.

The chapters are detected (``docs/book-import.md``); front matter the detection recognises
(a table of contents, a copyright page, an EPUB's non-linear documents) is kept in the book
but *excluded* from rendering and export, and the output says which. ``book show`` lists
every chapter; a chapter can be rendered anyway by naming it (``--chapters``).
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from soundclone_desktop.cli.context import EXIT_USAGE, Context, fail, finish, plural
from soundclone_desktop.cli.param_options import SUBTITLE_CHOICES
from soundclone_desktop.core.book.chapters import compile_heading_pattern
from soundclone_desktop.core.book.manuscript import ChapterKind, Manuscript
from soundclone_desktop.core.book.model import (
    Book,
    BookSettings,
    blank_params,
    chapter_segments,
    new_chapter,
)
from soundclone_desktop.core.book.segment import DEFAULT_TARGET_CHARS, MIN_TARGET_CHARS
from soundclone_desktop.core.parameters import SubtitleType
from soundclone_desktop.core.script import MAX_REQUEST_CHARS
from soundclone_desktop.store.book import BookError, BookStore, with_suffix
from soundclone_desktop.store.book.store import BookProblem

_KIND_NAMES = {ChapterKind.FRONT_MATTER: "front matter", ChapterKind.BACK_MATTER: "back matter"}


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("manuscript", help="a .txt, .md, .docx or .epub file")
    p.add_argument("-o", "--output", required=True, metavar="BOOK",
                   help="the book folder to create (.scbook is added when missing)")  # fmt: skip
    p.add_argument("--heading", metavar="REGEX",
                   help="a regular expression matching whole heading lines, instead of "
                   "the built-in patterns (plain text; Markdown and DOCX without "
                   "headings)")  # fmt: skip
    p.add_argument("--target-chars", type=int, default=DEFAULT_TARGET_CHARS, metavar="N",
                   help="target segment size in characters: larger segments pay fewer voice "
                   f"fees, smaller ones make a re-render cheaper (default {DEFAULT_TARGET_CHARS}, "
                   f"at most {MAX_REQUEST_CHARS})")  # fmt: skip
    p.add_argument("--subtitles", choices=SUBTITLE_CHOICES,
                   help="the book's captions: timed per sentence or per word, or off "
                   "(default: the app's setting)")  # fmt: skip


def cmd_import(ctx: Context) -> int:
    args = ctx.args
    if not MIN_TARGET_CHARS <= args.target_chars <= MAX_REQUEST_CHARS:
        fail(f"--target-chars must be from {MIN_TARGET_CHARS} to {MAX_REQUEST_CHARS} "
             f"(got {args.target_chars}).")  # fmt: skip
    pattern = None
    if args.heading is not None:
        try:
            pattern = compile_heading_pattern(args.heading)
        except ValueError as exc:
            fail(f"--heading: {exc}")
    target = with_suffix(Path(args.output))
    if target.exists():
        fail(f"{target} exists already; choose another name or remove it first.")
    # The readers (EPUB, DOCX, clean-up) load only for an import.
    from soundclone_desktop.manuscripts import ManuscriptError, load_manuscript

    try:
        manuscript = load_manuscript(args.manuscript, pattern)
    except ManuscriptError as exc:
        fail(str(exc), EXIT_USAGE)
    book = _book_of(ctx, manuscript, args.target_chars)
    try:
        BookStore.create(target, book).close()
    except BookError as exc:
        if exc.problem is BookProblem.EXISTS:
            fail(f"{target} exists already; choose another name or remove it first.")
        fail(f"Could not create the book {target}: {exc}.")
    except OSError as exc:
        fail(f"Could not create the book {target}: {exc.strerror or exc}.")
    return _report(ctx, target, manuscript, book)


def _book_of(ctx: Context, manuscript: Manuscript, target_chars: int) -> Book:
    # The user's default parameters (as for a new script); no voice until `render --voice`.
    defaults = dataclasses.asdict(ctx.settings.defaults)
    params = dataclasses.replace(blank_params(), **_request_fields(defaults))
    if ctx.args.subtitles is not None:
        level = SubtitleType.WORD if ctx.args.subtitles == "word" else SubtitleType.SENTENCE
        params = dataclasses.replace(
            params, subtitles=ctx.args.subtitles != "off", subtitle_type=level
        )
    chapters = tuple(
        new_chapter(draft.title, draft.text, excluded=draft.excluded)
        for draft in manuscript.chapters
    )
    return Book(
        title=manuscript.title or Path(ctx.args.manuscript).stem,
        author=manuscript.author,
        language=manuscript.language or "",
        settings=BookSettings(params=params, target_chars=target_chars),
        chapters=chapters,
    )


def _request_fields(defaults: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(blank_params())} - {"model_id", "text"}
    return {k: v for k, v in defaults.items() if k in names}


def _report(ctx: Context, target: Path, manuscript: Manuscript, book: Book) -> int:
    rows: list[dict[str, object]] = []
    lines = [f"Imported {ctx.args.manuscript} into {target}: "
             f"{plural(len(book.chapters), 'chapter')} found."]  # fmt: skip
    for number, (draft, chapter) in enumerate(
        zip(manuscript.chapters, book.chapters, strict=True), 1
    ):
        segments = [s for s in chapter_segments(chapter.text, book.settings.target_chars)
                    if s.needs_task]  # fmt: skip
        chars = sum(s.billable_chars for s in segments)
        kind = _KIND_NAMES.get(draft.kind)
        note = f"  [excluded: {kind or 'left out'}]" if draft.excluded else ""
        lines.append(f"  {number:>3}. {draft.title or '(untitled)'}  {chars:,} characters, "
                     f"{plural(len(segments), 'segment')}{note}")  # fmt: skip
        rows.append({
            "number": number, "title": draft.title, "billable_chars": chars,
            "segments": len(segments), "excluded": draft.excluded, "kind": draft.kind.value,
            "source": draft.source_ref,
        })  # fmt: skip
    excluded = [row for row in rows if row["excluded"]]
    if excluded:
        names = ", ".join(f"{row['number']}. {row['title']}" for row in excluded)
        lines.append(f"Excluded as front matter (not rendered, not exported): {names}. "
                     "Render one anyway with `book render BOOK --chapters N`.")  # fmt: skip
    lines += [f"Note: {note}" for note in manuscript.notes]
    included = [row for row in rows if not row["excluded"]]
    total = sum(int(str(row["billable_chars"])) for row in included)
    lines.append(f"{plural(len(included), 'chapter')} to render, {total:,} billable characters. "
                 f"Next: soundclone book estimate {target}")  # fmt: skip
    data: dict[str, object] = {
        "book": str(target), "title": book.title, "chapters": rows,
        "excluded": [row["number"] for row in excluded], "notes": list(manuscript.notes),
        "target_chars": book.settings.target_chars,
    }  # fmt: skip
    return finish(ctx, lines, data)
