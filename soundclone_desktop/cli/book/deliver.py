"""``soundclone book master`` and ``book export --m4b/--epub``: a finished book delivered.

``book master BOOK --profile acx [--out DIR] [--json]`` stitches what is not stitched,
masters one file per chapter for the profile into DIR (default: ``<book>-<profile>`` beside
the book), tags them, writes captions and the check report next to them, and prints each
file's verdict; exit 0 when every file passes the profile's rules, 1 when one fails.
Repeating it redoes only what changed.

``book export BOOK --m4b OUT.m4b`` writes one M4B with a chapter marker per chapter;
``--epub OUT.epub`` a read-along EPUB 3. Both use the book's Apple masters.

Ctrl+C stops at the next block of audio: the files already finished are kept, none is
left half written (exit 130). Progress goes to stderr (:mod:`.delivery_bar`).
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

from soundclone_desktop.cli.context import (
    EXIT_BLOCKING,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Context,
    fail,
    finish,
    plural,
)
from soundclone_desktop.core.delivery.profiles import PROFILES, profile
from soundclone_desktop.core.subtitles import SubtitleFormat
from soundclone_desktop.services.delivery.book import (
    BookInfo,
    BookMasters,
    ChaptersNotReadyError,
    DeliveryCancelledError,
    DeliveryError,
    book_info,
    export_m4b,
    export_read_along,
    master_book,
)
from soundclone_desktop.services.delivery.report import report_json
from soundclone_desktop.store.book import BookStore

from .common import open_book, selection_of
from .delivery_bar import DeliveryBar

MASTER_HELP = (
    "Master a rendered book for a retailer (ACX, Findaway, Apple, Google, podcast, YouTube): "
    "one tagged file per chapter, captions, and a check report."
)
CAPTION_CHOICES = (*(f.value for f in SubtitleFormat), "none")


def add_master_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("--profile", choices=sorted(PROFILES), required=True,
                   help="the retailer's rules")  # fmt: skip
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the files (default: <book>-<profile> beside it)")  # fmt: skip
    p.add_argument("--channels", type=int, choices=(1, 2), default=1,
                   help="1 (mono, default) or 2 (stereo)")  # fmt: skip
    p.add_argument("--captions", choices=CAPTION_CHOICES, default="srt",
                   help="captions per file and for the book (default srt)")  # fmt: skip
    p.add_argument("--chapters", metavar="LIST",
                   help="chapters to deliver, e.g. 1,3-5 (default: every chapter not "
                   "excluded)")  # fmt: skip
    add_info_options(p)


def add_info_options(p: argparse.ArgumentParser) -> None:
    """What the files say about the book; the book's own metadata where not given."""
    p.add_argument("--cover", type=Path, metavar="IMG", help="cover image (JPEG or PNG)")
    p.add_argument("--author", help="the author (default: the book's)")
    p.add_argument("--narrator", help="the narrator (default: the book's)")


def cmd_master(ctx: Context) -> int:
    args = ctx.args
    chosen = profile(args.profile)
    book_path = Path(args.book)
    out: Path = args.out or book_path.resolve().parent / f"{book_path.stem}-{chosen.key}"
    captions = None if args.captions == "none" else SubtitleFormat(args.captions)
    with open_book(args.book) as store:
        info = _info(ctx, store)
        ids = selection_of(store.book, args.chapters).chapter_ids(store.book)

        def run(progress: DeliveryBar, cancelled: Callable[[], bool]) -> BookMasters:
            return master_book(store, out, chosen, info=info, channels=args.channels,
                               captions=captions, chapter_ids=ids, progress=progress,
                               cancelled=cancelled)  # fmt: skip

        masters = _delivering(ctx, run)
    code = 0 if masters.passed else EXIT_BLOCKING
    lines = []
    for file, checked in zip(masters.files, masters.report.files, strict=True):
        state = "PASS" if checked.passed else "FAIL"
        again = "" if file.redone else " (up to date)"
        lines.append(f"{state}  {file.path.name}{again}")
        lines += [f"      {result.message}" for result in checked.failures]
    lines += [f"FAIL  {result.message}" for result in masters.report.book if not result.passed]
    lines += [f"Note: {note}" for note in masters.notes]
    lines.append(f"{plural(len(masters.files), 'file')} in {out}; report: "
                 f"{masters.report_html.name}.")  # fmt: skip
    data = {
        **report_json(masters.report), "out": str(out),
        "report_json": str(masters.report_json), "report_html": str(masters.report_html),
        "book_captions": str(masters.book_captions) if masters.book_captions else None,
        "notes": list(masters.notes),
        "chapters": [{
            "number": f.number, "title": f.title, "kind": f.kind.value, "file": str(f.path),
            "start_s": round(f.start_s, 3), "duration_s": round(f.duration_s, 3),
            "redone": f.redone, "captions": str(f.captions) if f.captions else None,
        } for f in masters.files],
    }  # fmt: skip
    return finish(ctx, lines, data, code)


def export_book_files(ctx: Context) -> list[dict[str, object]]:
    """``book export --m4b/--epub``: the rows of what was written."""
    args = ctx.args
    rows: list[dict[str, object]] = []
    with open_book(args.book) as store:
        info = _info(ctx, store)
        ids = selection_of(store.book, args.chapters).chapter_ids(store.book)
        if args.m4b is not None:
            m4b = _delivering(ctx, lambda progress, cancelled: export_m4b(
                store, args.m4b, info=info, chapter_ids=ids, progress=progress,
                cancelled=cancelled))  # fmt: skip
            starts = zip(m4b.chapters, m4b.chapter_starts_s, strict=True)
            rows.append({"m4b": str(m4b.path), "duration_s": round(m4b.duration_s, 3),
                         "chapters": [{"title": f.title, "start_s": round(start, 3)}
                                      for f, start in starts]})  # fmt: skip
        if args.epub is not None:
            epub = _delivering(ctx, lambda progress, cancelled: export_read_along(
                store, args.epub, info=info, chapter_ids=ids, progress=progress,
                cancelled=cancelled))  # fmt: skip
            rows.append({"epub": str(epub)})
    return rows


def _info(ctx: Context, store: BookStore) -> BookInfo:
    args = ctx.args
    if args.cover is not None and not args.cover.is_file():
        fail(f"The cover {args.cover} does not exist.", EXIT_USAGE)
    info = book_info(store.book)
    meta = replace(
        info.meta,
        author=args.author or info.meta.author,
        narrator=args.narrator or info.meta.narrator,
        cover=args.cover,
    )
    return replace(info, meta=meta)


def _delivering(ctx: Context, run: Callable[[DeliveryBar, Callable[[], bool]], Any]) -> Any:
    """``run(progress, cancelled)`` with the bar on stderr and Ctrl+C as a cancel."""
    display = DeliveryBar()
    try:
        with _ctrl_c_cancels() as stop:
            return run(display, stop.is_set)
    except ChaptersNotReadyError as exc:
        display.close()
        fail(f"{exc} Run `soundclone book render {ctx.args.book}` first, or name others "
             "with --chapters.", EXIT_USAGE)  # fmt: skip
    except DeliveryCancelledError as exc:
        display.close()
        fail(str(exc), EXIT_INTERRUPTED)
    except DeliveryError as exc:
        display.close()
        fail(str(exc), EXIT_FAILED)
    finally:
        display.close()


@contextmanager
def _ctrl_c_cancels() -> Iterator[threading.Event]:
    stop = threading.Event()

    def interrupted(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    try:
        previous = signal.signal(signal.SIGINT, interrupted)
    except ValueError:  # not the main thread: Ctrl+C stays KeyboardInterrupt
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
