"""``soundclone book rules BOOK list|add FROM TO [--regex] [--chapter N]|remove N``.

Pronunciation rules (issue 15): the book keeps its text as written, and each rule says what
to send instead (``行长`` → ``航长``, ``LV`` → ``Level``). Adding or removing a rule makes
exactly the segments whose sent text changes stale; nothing is re-rendered by itself.
"""

from __future__ import annotations

import argparse

from soundclone_desktop.cli.context import EXIT_USAGE, Context, fail, finish, plural
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.book.pronunciation import Rule, RuleError
from soundclone_desktop.core.book.takes import RenderStatus

from .common import chapter_number, open_book, parse_chapters


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("rule_action", choices=("list", "add", "remove"), metavar="list|add|remove")
    p.add_argument("words", nargs="*", metavar="ARG",
                   help="add: FROM TO (what the text says, what to send); remove: N")  # fmt: skip
    p.add_argument("--regex", action="store_true", help="FROM is a regular expression")
    p.add_argument("--chapter", metavar="N", help="only in chapter N (default: the whole book)")


def cmd_rules(ctx: Context) -> int:
    args = ctx.args
    with open_book(args.book) as store:
        if args.rule_action == "add":
            if len(args.words) != 2:
                fail("add takes two words: FROM TO (what the text says, what to send).")
            chapter_id = None
            if args.chapter is not None:
                (number,) = parse_chapters(args.chapter, len(store.book.chapters), "--chapter")
                chapter_id = store.book.chapters[number - 1].id
            try:
                store.add_rule(args.words[0], args.words[1], regex=args.regex,
                               chapter_id=chapter_id)  # fmt: skip
            except RuleError as exc:
                fail(f"The rule cannot be used: {exc}", EXIT_USAGE)
        elif args.rule_action == "remove":
            if len(args.words) != 1 or not args.words[0].isdigit():
                fail("remove takes the rule's number, as `book rules BOOK list` shows it.")
            try:
                store.remove_rule(int(args.words[0]))
            except KeyError:
                fail(f"There is no rule {args.words[0]}: `book rules BOOK list` shows them.")
        book = store.book
    rows = [_rule_json(book, rule) for rule in book.rules]
    lines = [_rule_line(row) for row in rows] or ["No pronunciation rules yet."]
    stale = _stale_segments(book)
    if stale:
        lines.append(f"{plural(stale, 'segment')} to render again for the rules to be heard "
                     "(`book estimate` prices them).")  # fmt: skip
    return finish(ctx, lines, {"rules": rows, "stale_segments": stale})


def _rule_json(book: Book, rule: Rule) -> dict[str, object]:
    chapter = None if rule.chapter_id is None else chapter_number(book, rule.chapter_id)
    return {"id": rule.id, "from": rule.find, "to": rule.replace, "regex": rule.regex,
            "chapter": chapter, "enabled": rule.enabled}  # fmt: skip


def _rule_line(row: dict[str, object]) -> str:
    where = "whole book" if row["chapter"] is None else f"chapter {row['chapter']}"
    kind = "regex" if row["regex"] else "word"
    off = "" if row["enabled"] else " (off)"
    return f"{row['id']}. {row['from']} → {row['to']}  ({kind}, {where}){off}"


def _stale_segments(book: Book) -> int:
    return sum(
        1
        for chapter in book.chapters
        for row in book.rows(chapter.id)
        if row.status.kind is RenderStatus.STALE
    )
