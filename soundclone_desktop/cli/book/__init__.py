"""``soundclone book …``: a manuscript of any length imported, priced, rendered, exported.

::

    soundclone book import MANUSCRIPT -o BOOK        chapters found; front matter excluded
    soundclone book show BOOK [--chapter N]          chapters, status, durations, cost so far
    soundclone book estimate BOOK [--chapters 1,3-5] characters, tasks, voice fees, money
    soundclone book render BOOK [--voice ID] …       tasks through the task library; resumable
    soundclone book export BOOK --out DIR            one file per chapter (+ captions)
    soundclone book export BOOK --m4b OUT.m4b        one audiobook with chapters (--epub OUT.epub)
    soundclone book master BOOK --profile acx        mastered, tagged files + the check report
    soundclone book check BOOK [--chapters 1,3-5]    findings: chapter.sentence, kind, seconds
    soundclone book rules BOOK list|add FROM TO|remove N   pronunciation rules
    soundclone book redo BOOK --sentence 3.12 …      sentences redone as takes, one task
    soundclone book takes BOOK 3.12                  a sentence's takes
    soundclone book choose BOOK 3.12 TAKE            choose one (1: the original)
    soundclone book check-delivery DIR --profile acx any folder measured against a retailer

One module per concern: :mod:`.importing`, :mod:`.show` (show and estimate), :mod:`.render`
with :mod:`.progress_bar`, :mod:`.redo` (redo, takes, choose), :mod:`.export`,
:mod:`.stitching` and :mod:`.common`. Exit codes are the other commands' (``cli/main.py``);
``render`` documents what each means for it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from soundclone_desktop.cli.context import Context


def register(command: Callable[..., Any]) -> None:
    """Add ``book`` and its actions through the CLI's subcommand helper."""
    from soundclone_desktop.cli import delivery
    from soundclone_desktop.cli.main import add_global_options

    from . import check, export, importing, redo, render, rules, show
    from .deliver import MASTER_HELP, add_master_options, cmd_master

    book = command("book", _no_action, "Import, price, render and export whole books.")
    actions = book.add_subparsers(dest="book_action", required=True, metavar="ACTION")

    def action(name: str, handler: Callable[[Context], int], help_text: str,
               add_options: Callable[[argparse.ArgumentParser], None]) -> None:  # fmt: skip
        p = actions.add_parser(name, help=help_text, description=help_text)
        add_options(p)
        add_global_options(p, suppress=True)
        p.set_defaults(handler=handler)

    action("import", importing.cmd_import,
           "Import a manuscript (.txt, .md, .docx, .epub) as a book; prints the chapters "
           "found.", importing.add_options)  # fmt: skip
    action("show", show.cmd_show,
           "A book's chapters: status, segments, durations and cost so far.",
           show.add_show_options)  # fmt: skip
    action("estimate", show.cmd_estimate,
           "What a book or some chapters cost: characters, tasks, voice fees, money.",
           show.add_estimate_options)  # fmt: skip
    action("render", render.cmd_render,
           "Render a book's segments (resumable; Ctrl+C pauses), then stitch each chapter.",
           render.add_options)  # fmt: skip
    action("export", export.cmd_export,
           "Save one audio file per chapter, with captions, into a folder.",
           export.add_options)  # fmt: skip
    action("check", check.cmd_check,
           "Check every chosen take: missing or added words, long silences, speaking rate, "
           "clipping, duration.", check.add_options)  # fmt: skip
    action("rules", rules.cmd_rules,
           "List, add or remove pronunciation rules (what to send instead of a word).",
           rules.add_options)  # fmt: skip
    action("master", cmd_master, MASTER_HELP, add_master_options)
    action("redo", redo.cmd_redo,
           "Redo sentences of a chapter as new takes, sent as one task (both costs shown).",
           redo.add_redo_options)  # fmt: skip
    action("takes", redo.cmd_takes, "List a sentence's takes (number, date, length, chosen, "
           "findings).", redo.add_takes_options)  # fmt: skip
    action("choose", redo.cmd_choose,
           "Choose a sentence's take (1: the original); the chapter is stitched again.",
           redo.add_choose_options)  # fmt: skip
    action("check-delivery", delivery.cmd_check_delivery, delivery.CHECK_HELP,
           delivery.add_check_options)  # fmt: skip


def _no_action(_ctx: Context) -> int:  # argparse requires an action; never reached
    raise AssertionError("book without an action")
