"""``soundclone book export BOOK --out DIR``: one audio file per chapter, and its captions;
``--m4b OUT.m4b`` and ``--epub OUT.epub``: one audiobook file, or a read-along EPUB 3
(:mod:`.deliver`). Any of the three, together or alone.

Every chapter to export (``--chapters``, default: every chapter not excluded) must be
rendered in full; otherwise nothing is written and the chapters still to render are named.
Files are named ``NN Title.ext`` in reading order; captions (``--captions``) are the
chapter's merged timeline in SRT, WebVTT, LRC or ASS, next to the audio.
"""

from __future__ import annotations

import argparse
import asyncio
import re
from pathlib import Path

from soundclone_desktop.cli.context import EXIT_FAILED, EXIT_USAGE, Context, fail, finish, plural
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.store.atomic import atomic_write_bytes
from soundclone_desktop.store.book import BookStore

from .common import open_book, selection_of
from .deliver import add_info_options, export_book_files
from .stitching import NO_STITCHER, stitcher

AUDIO_FORMATS = ("mp3", "m4a", "wav", "flac", "opus")
CAPTION_FORMATS = ("srt", "vtt", "lrc", "ass")  # core.subtitles.SubtitleFormat, loaded on use
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the chapter files (created if missing)")  # fmt: skip
    p.add_argument("--m4b", type=Path, metavar="OUT.m4b",
                   help="one M4B audiobook with a chapter marker per chapter")  # fmt: skip
    p.add_argument("--epub", type=Path, metavar="OUT.epub",
                   help="a read-along EPUB 3 (text highlighted as it is heard)")  # fmt: skip
    p.add_argument(
        "--format", choices=AUDIO_FORMATS, default="mp3", help="audio format (default mp3)"
    )
    p.add_argument(
        "--captions",
        choices=CAPTION_FORMATS,
        help="also write each chapter's captions in this format",
    )
    p.add_argument(
        "--chapters",
        metavar="LIST",
        help="chapters to export, e.g. 1,3-5 (default: every chapter not excluded)",
    )
    add_info_options(p)


def cmd_export(ctx: Context) -> int:
    args = ctx.args
    if args.out is None and args.m4b is None and args.epub is None:
        fail("Say what to export: --out DIR (a file per chapter), --m4b OUT.m4b or "
             "--epub OUT.epub.")  # fmt: skip
    books = export_book_files(ctx) if args.m4b is not None or args.epub is not None else []
    if args.out is None:
        lines = [f"Written: {row.get('m4b') or row.get('epub')}" for row in books]
        return finish(ctx, lines, {"files": [row.get("m4b") or row.get("epub") for row in books],
                                   "books": books})  # fmt: skip
    module = stitcher()
    if module is None:
        fail(NO_STITCHER, EXIT_FAILED)
    with open_book(args.book) as store:
        book = store.book
        chapter_ids = selection_of(book, args.chapters).chapter_ids(book)
        if not chapter_ids:
            fail("There is no chapter to export (every chapter is excluded); name some with "
                 "--chapters.")  # fmt: skip
        numbers = {c.id: n for n, c in enumerate(book.chapters, 1)}
        unready = [numbers[c] for c in chapter_ids if not module.chapter_ready(book, c)]
        if unready:
            fail(f"Nothing was exported: {plural(len(unready), 'chapter')} "
                 f"({', '.join(map(str, unready))}) not rendered in full yet. Run "
                 f"`soundclone book render {args.book}` first, or export others with "
                 "--chapters.", EXIT_USAGE)  # fmt: skip
        try:
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"Could not create {args.out}: {exc.strerror or exc}.")
        rows = asyncio.run(_export(ctx, store, module, chapter_ids, numbers))
    files = [str(path) for row in rows for path in (row["audio"], row["captions"]) if path]
    lines = [f"Chapter {row['number']}: {row['audio']}"
             + (f" + {row['captions']}" if row["captions"] else "") for row in rows]  # fmt: skip
    if args.captions and not any(row["captions"] for row in rows):
        lines.append("No captions were written: the book was rendered without subtitles.")
    lines.append(f"{plural(len(files), 'file')} written to {args.out}.")
    lines += [f"Written: {row.get('m4b') or row.get('epub')}" for row in books]
    files += [str(row.get("m4b") or row.get("epub")) for row in books]
    return finish(ctx, lines, {"out": str(args.out), "files": files, "chapters": rows,
                               "books": books})  # fmt: skip


async def _export(
    ctx: Context, store: BookStore, module: object, chapter_ids: list[str],
    numbers: dict[str, int],
) -> list[dict[str, object]]:  # fmt: skip
    args = ctx.args
    width = max(2, len(str(len(store.book.chapters))))
    rows: list[dict[str, object]] = []
    for chapter_id in chapter_ids:
        number = numbers[chapter_id]
        stem = _file_stem(store.book, chapter_id, number, width)
        ctx.progress(f"Chapter {number}…")
        stitched = await module.stitch_chapter(  # type: ignore[attr-defined]
            store, chapter_id, dest=args.out / f"{stem}.{args.format}", fmt=args.format
        )
        captions = None
        if args.captions and stitched.captions:
            from soundclone_desktop.core.subtitles import (
                ExportOptions,
                SubtitleFormat,
                Subtitles,
                encode,
                export_subtitles,
            )

            fmt = SubtitleFormat(args.captions)
            captions = args.out / f"{stem}{fmt.extension}"
            text = export_subtitles(Subtitles(tuple(stitched.captions)), fmt, ExportOptions())
            try:
                atomic_write_bytes(captions, encode(text))
            except OSError as exc:
                fail(f"Could not write {captions}: {exc.strerror or exc}.", EXIT_FAILED)
        rows.append({
            "number": number, "title": store.book.chapter(chapter_id).title,
            "audio": str(stitched.audio_path), "captions": str(captions) if captions else None,
            "duration_s": round(float(stitched.duration_s), 3),
        })  # fmt: skip
    return rows


def _file_stem(book: Book, chapter_id: str, number: int, width: int) -> str:
    title = _UNSAFE.sub(" ", book.chapter(chapter_id).title).strip(" .")[:60].strip()
    return f"{number:0{width}d} {title}" if title else f"{number:0{width}d}"
