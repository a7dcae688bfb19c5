"""``soundclone book check BOOK``: the automatic checks of every chosen take (issue 15).

Words missing or added (the returned subtitles against the text sent), silences no pause
explains, speaking rate far from the book's median, clipping, and a duration far from what
the text predicts when there are no subtitles. Each finding names its chapter, its sentence
(numbered from 1 within the chapter, as ``book show --chapter N`` lists them) and where in
the take it is heard.
"""

from __future__ import annotations

import argparse

from soundclone_desktop.cli.context import Context, finish, plural

from .common import open_book, selection_of


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument(
        "--chapters",
        metavar="LIST",
        help="chapters to check, e.g. 1,3-5 (default: every chapter not excluded)",
    )


def cmd_check(ctx: Context) -> int:
    # Loaded here: decoding and measuring audio is only needed by this command.
    from soundclone_desktop.core.book.checks import Finding
    from soundclone_desktop.services.book.checks import (
        TakeMeasurement,
        book_medians,
        check_chapter,
    )

    findings: list[Finding] = []
    with open_book(ctx.args.book) as store:
        book = store.book
        chapter_ids = selection_of(book, ctx.args.chapters).chapter_ids(book)
        cache: dict[str, TakeMeasurement] = {}  # each take decoded once
        medians = book_medians(store, cache)
        for chapter_id in chapter_ids:
            findings += check_chapter(store, chapter_id, medians=medians, cache=cache)
    lines = [
        f"{f.chapter}.{f.sentence}  {f.kind.value:<13} {f.seconds:7.2f} s  {f.detail}"
        for f in findings
    ]
    checked = plural(len(chapter_ids), "chapter")
    lines.append(
        f"{plural(len(findings), 'finding')} in {checked}."
        if findings
        else f"Nothing to flag in {checked}."
    )
    return finish(ctx, lines, {"findings": [f.to_json() for f in findings]})
