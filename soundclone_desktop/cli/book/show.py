"""``soundclone book show`` and ``soundclone book estimate``: a book's state and its cost.

Neither needs a server: prices are the app's settings (``--demo``: the demo server's list).
``show`` counts what is rendered with a current take (a take of an older text or voice is
*stale* and not counted); its cost is what the rendered segments cost at today's prices.
``estimate`` is the whole selection (``total``, the top-level keys), what is already
rendered and what a render would spend (``remaining``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from decimal import Decimal

from soundclone_desktop.cli.context import Context, finish, plural
from soundclone_desktop.core.book.estimate import BookEstimate, estimate_selection
from soundclone_desktop.core.book.model import Book, SegmentRow
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.book.takes import RenderStatus

from .common import (
    chapter_number,
    duration_text,
    money_text,
    open_book,
    parse_chapters,
    selection_of,
    use_demo_prices,
)


def add_show_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("--chapter", metavar="N",
                   help="one chapter in detail: its sentences numbered from 1, each with its "
                   "segment and status")  # fmt: skip


def add_estimate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument(
        "--chapters",
        metavar="LIST",
        help="chapters to price, e.g. 1,3-5 (default: every chapter not excluded)",
    )


def cmd_show(ctx: Context) -> int:
    use_demo_prices(ctx)
    prices = ctx.prices()
    with open_book(ctx.args.book) as store:
        book = store.book
        if ctx.args.chapter is not None:
            (number,) = parse_chapters(ctx.args.chapter, len(book.chapters), "--chapter") or [0]
            return _show_chapter(ctx, book, number)
        rows = []
        for chapter in book.chapters:
            segment_rows = [r for r in book.rows(chapter.id) if r.segment.needs_task]
            estimate = _estimate(segment_rows, ctx)
            rows.append({
                "number": chapter_number(book, chapter.id), "id": chapter.id,
                "title": chapter.title, "excluded": chapter.excluded,
                "status": _chapter_status(chapter.excluded, segment_rows),
                "segments": len(segment_rows), "rendered": _count(segment_rows),
                "failed": _count(segment_rows, RenderStatus.FAILED),
                "billable_chars": estimate.total.billable_chars,
                "duration_s": round(_seconds(segment_rows), 3),
                "cost": _money(estimate.rendered.cost),
                "cost_to_render": _money(estimate.remaining.cost),
            })  # fmt: skip
    lines = [
        f"{book.title}"
        + (f" by {book.author}" if book.author else "")
        + f": {plural(len(rows), 'chapter')}, voice {book.settings.voice_id or 'not set'}."
    ]
    for row in rows:
        lines.append(
            f"  {row['number']:>3}. {row['title'] or '(untitled)'}  {row['status']}, "
            f"{row['rendered']}/{row['segments']} segments, "
            f"{duration_text(float(str(row['duration_s'])))}, "
            f"cost so far {money_text(_decimal(row['cost']), prices.currency)}"
        )
    included = [r for r in rows if not r["excluded"]]
    seconds = sum(float(str(r["duration_s"])) for r in included)
    spent = _sum(r["cost"] for r in included)
    lines.append(f"Rendered {sum(int(str(r['rendered'])) for r in included)} of "
                 f"{sum(int(str(r['segments'])) for r in included)} segments, "
                 f"{duration_text(seconds)} of audio, "
                 f"{money_text(spent, prices.currency)} so far.")  # fmt: skip
    data: dict[str, object] = {
        "book": ctx.args.book, "title": book.title, "author": book.author,
        "voice": book.settings.voice_id, "target_chars": book.settings.target_chars,
        "currency": prices.currency, "chapters": rows, "duration_s": round(seconds, 3),
        "cost": _money(spent),
    }  # fmt: skip
    return finish(ctx, lines, data)


def _show_chapter(ctx: Context, book: Book, number: int) -> int:
    chapter = book.chapters[number - 1]
    rows = book.rows(chapter.id)
    lines = [f"Chapter {number}. {chapter.title or '(untitled)'}"
             + ("  [excluded]" if chapter.excluded else "")]  # fmt: skip
    sentences: list[dict[str, object]] = []
    segment_of = _segment_numbers(rows)
    for index, (start, end) in enumerate(sentence_spans(chapter.text), 1):
        text = chapter.text[start:end].strip()
        if not text:
            continue
        segment, status = segment_of(start)
        sentences.append({"number": index, "start": start, "end": end, "text": text,
                          "segment": segment, "status": status})  # fmt: skip
        lines.append(f"  {index:>4}  [segment {segment}, {status}] {text}")
    segments = [
        {"number": n, "id": r.segment.id, "billable_chars": r.segment.billable_chars,
         "status": r.status.kind.value, "reason": r.status.reason,
         "duration_s": _take_seconds(r)}
        for n, r in enumerate(rows, 1)
    ]  # fmt: skip
    data: dict[str, object] = {
        "number": number, "id": chapter.id, "title": chapter.title,
        "excluded": chapter.excluded, "segments": segments, "sentences": sentences,
    }  # fmt: skip
    return finish(ctx, lines, data)


def cmd_estimate(ctx: Context) -> int:
    use_demo_prices(ctx)
    prices = ctx.prices()
    with open_book(ctx.args.book) as store:
        book = store.book
        selection = selection_of(book, ctx.args.chapters)
        chapter_ids = selection.chapter_ids(book)
        pairs, rendered, stale = [], set(), []
        index_of = {c.id: i for i, c in enumerate(book.chapters)}
        for chapter_id in chapter_ids:
            for row in book.rows(chapter_id):
                if not row.segment.needs_task:
                    continue
                ref = (index_of[chapter_id], row.segment.id)
                pairs.append((ref[0], row.segment))
                if row.status.kind is RenderStatus.RENDERED:
                    rendered.add(ref)
                elif row.status.kind is RenderStatus.STALE:
                    stale.append((ref[0], row.segment))
    estimate = estimate_selection(pairs, prices, rendered, chapters=len(chapter_ids))
    # Stale: text, rules or parameters changed since the chosen take (re-rendered on request)
    stale_cost = estimate_selection(stale, prices, set(), chapters=len(chapter_ids)).total
    total, done, todo = estimate.total, estimate.rendered, estimate.remaining
    currency = estimate.currency
    lines = [
        f"{plural(estimate.chapters, 'chapter')}, {plural(total.segments, 'segment')}: "
        f"{total.billable_chars:,} billable characters in {plural(total.tasks, 'task')}.",
        f"Cost: {money_text(total.cost, currency)} "
        f"(voice fees {money_text(total.voice_fees, currency)}, one per task).",
        f"Rendered already: {done.tasks} tasks, {money_text(done.cost, currency)}. "
        f"To render: {todo.tasks} tasks, {todo.billable_chars:,} characters, "
        f"{money_text(todo.cost, currency)}.",
    ]
    if stale:
        lines.append(f"{plural(len(stale), 'stale segment')}, {plural(stale_cost.tasks, 'task')}, "
                     f"{money_text(stale_cost.cost, currency)} to re-render.")  # fmt: skip
    if total.cost is None:
        lines.append("Set your prices in the desktop app's settings to see the money.")
    return finish(ctx, lines, {**estimate.to_json(), "stale_segments": len(stale)})


# -- figures --------------------------------------------------------------------------------


def _estimate(rows: list[SegmentRow], ctx: Context) -> BookEstimate:
    rendered = {(0, r.segment.id) for r in rows if r.status.kind is RenderStatus.RENDERED}
    return estimate_selection(((0, r.segment) for r in rows), ctx.prices(), rendered)


def _count(rows: list[SegmentRow], kind: RenderStatus = RenderStatus.RENDERED) -> int:
    return sum(1 for r in rows if r.status.kind is kind)


def _take_seconds(row: SegmentRow) -> float | None:
    take = row.state.chosen
    if row.status.kind is not RenderStatus.RENDERED or take is None:
        return None
    return take.duration


def _seconds(rows: list[SegmentRow]) -> float:
    return sum(_take_seconds(r) or 0.0 for r in rows)


def _chapter_status(excluded: bool, rows: list[SegmentRow]) -> str:
    if excluded:
        return "excluded"
    kinds = [r.status.kind for r in rows]
    if not kinds or all(k is RenderStatus.RENDERED for k in kinds):
        return "rendered"
    if any(k in (RenderStatus.QUEUED, RenderStatus.RENDERING) for k in kinds):
        return "rendering"
    if any(k is RenderStatus.FAILED for k in kinds):
        return "failed"
    if any(k is RenderStatus.RENDERED for k in kinds):
        return "partly rendered"
    return "stale" if any(k is RenderStatus.STALE for k in kinds) else "not rendered"


def _segment_numbers(rows: list[SegmentRow]) -> Callable[[int], tuple[int, str]]:
    def find(offset: int) -> tuple[int, str]:
        for number, row in enumerate(rows, 1):
            if row.segment.start <= offset < row.segment.end:
                return number, row.status.kind.value
        return 0, "not-rendered"

    return find


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _sum(values: Iterable[object]) -> Decimal | None:
    total: Decimal | None = Decimal(0)
    for value in values:
        amount = _decimal(value)
        total = None if total is None or amount is None else total + amount
    return total
