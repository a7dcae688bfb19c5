"""``soundclone book redo``, ``book takes`` and ``book choose``: sentences redone as takes.

::

    soundclone book redo BOOK --sentence 3.12 [--sentence 3.15 …] [--text "…"]
                         [--emotion E] [--speed S] [--volume V] [--pitch P] [--yes] [--json]
    soundclone book takes BOOK 3.12 [--json]
    soundclone book choose BOOK 3.12 TAKE

``N.M`` is chapter N, sentence M, both from 1, as ``book show BOOK --chapter N`` lists them.
The marked sentences of one chapter go as ONE task (``services/book/redo.py``); both costs are
shown first, and a redo that spends money needs ``--yes`` (``--demo`` is free). Redo tasks go
through the task library as renders do; a redo left by a killed process is settled first.
After a redo or a choice the chapter is stitched again when it is ready.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from soundclone_desktop.cli.context import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Context,
    connection,
    fail,
    finish,
    open_client,
    plural,
)
from soundclone_desktop.cli.run_jobs import EXIT_FOR_REASON, runner, workspace
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.jobs import FailureReason, JobState
from soundclone_desktop.store.book import BookStore

from .common import money_text, open_book, use_demo_prices
from .stitching import stitch_ready_chapters

if TYPE_CHECKING:  # the service (and the audio engine) load only when a command runs
    from soundclone_desktop.services.book.redo import RedoPlan, RedoResult


def add_redo_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("--sentence", action="append", required=True, metavar="N.M",
                   help="a sentence to redo: chapter N, sentence M (as `book show BOOK "
                   "--chapter N` numbers them); repeat for more (one chapter)")  # fmt: skip
    p.add_argument("--text", help="what to say instead (one sentence only)")
    p.add_argument("--emotion", help="another emotion for these sentences")
    p.add_argument("--speed", type=float, help="another speed for these sentences")
    p.add_argument("--volume", type=float, help="another volume for these sentences")
    p.add_argument("--pitch", type=int, help="another pitch for these sentences (semitones)")
    p.add_argument("--yes", action="store_true",
                   help="send without asking, though it spends money (not needed with "
                   "--demo)")  # fmt: skip


def add_takes_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("sentence", metavar="N.M", help="chapter N, sentence M")


def add_choose_options(p: argparse.ArgumentParser) -> None:
    add_takes_options(p)
    p.add_argument("take", type=int, metavar="TAKE",
                   help="the take's number as `book takes` lists it (1: the original)")  # fmt: skip


def _sentence(book: Book, spec: str, option: str) -> tuple[str, int]:
    """``N.M`` as (chapter id, sentence number)."""
    chapter, dot, sentence = spec.partition(".")
    if not (dot and chapter.isdigit() and sentence.isdigit()):
        fail(f"{option}: {spec!r} is not a sentence; write N.M (chapter N, sentence M).")
    n = int(chapter)
    if not 1 <= n <= len(book.chapters):
        fail(f"{option}: chapter {n} does not exist (chapters: 1 to {len(book.chapters)}).")
    return book.chapters[n - 1].id, int(sentence)


# -- redo ---------------------------------------------------------------------------------------


def cmd_redo(ctx: Context) -> int:
    from soundclone_desktop.services.book.redo import (
        RedoChanges,
        SentenceError,
        plan_redo,
    )

    args = ctx.args
    use_demo_prices(ctx)
    changed = {"emotion": args.emotion, "speed": args.speed, "vol": args.volume,
               "pitch": args.pitch}  # fmt: skip
    changes = RedoChanges(args.text, tuple((k, v) for k, v in changed.items() if v is not None))
    with open_book(args.book) as store:
        book = store.book
        by_chapter: dict[str, list[int]] = defaultdict(list)
        for spec in args.sentence:
            chapter_id, number = _sentence(book, spec, "--sentence")
            by_chapter[chapter_id].append(number)
        if len(by_chapter) != 1:
            fail("--sentence: mark sentences of one chapter (one task per chapter); "
                 "redo the other chapter's sentences in a second command.")  # fmt: skip
        ((chapter_id, numbers),) = by_chapter.items()
        prices = ctx.prices()
        try:
            plan = plan_redo(store, chapter_id, numbers, prices, changes)
        except SentenceError as exc:
            fail(f"--sentence: {exc}", EXIT_USAGE)
        currency = prices.currency
        summary = plan.summary(money_text(plan.cost, currency),
                               money_text(plan.separate_cost, currency))  # fmt: skip
        ctx.progress(summary + ".")
        if not args.demo and not args.yes:
            fail(f"Nothing was sent. This redo spends money: {money_text(plan.cost, currency)}"
                 ". Run it again with --yes to send it.", EXIT_USAGE)  # fmt: skip
        with connection(ctx) as (base_url, token):
            result = _send(ctx, store, base_url, token, plan)
        stitched, note = asyncio.run(
            stitch_ready_chapters(store, ((chapter_id, ()),), ctx.progress)
        )
    chapter = next(i for i, c in enumerate(store.book.chapters, 1) if c.id == chapter_id)
    takes = [
        {"sentence": f"{chapter}.{ref.number}", "take_id": take.id, "chosen": take.chosen,
         "findings": list(take.findings)}
        for ref, take in zip(plan.sentences, result.takes, strict=False)
    ]  # fmt: skip
    data: dict[str, object] = {
        "tasks": 1, "cost": None if plan.cost is None else str(plan.cost),
        "separate_tasks": plan.separate_tasks,
        "separate_cost": None if plan.separate_cost is None else str(plan.separate_cost),
        "billable_chars": plan.billable_chars, "state": result.state.value,
        "reason": result.reason, "takes": takes, "stitched": stitched,
    }  # fmt: skip
    lines = [summary + "."]
    for item in takes:
        flag = "chosen" if item["chosen"] else "flagged, not chosen"
        lines.append(f"  {item['sentence']}: new take ({flag})")
    if note:
        lines.append(note)
    code = EXIT_OK
    if result.state is not JobState.DOWNLOADED:
        unknown = result.state is JobState.OUTCOME_UNKNOWN
        code = EXIT_OUTCOME_UNKNOWN if unknown else _exit_for(result.reason)
        lines.append(f"The redo task did not finish ({result.reason or result.state.value}); "
                     "nothing was kept." + (" It may have been charged: it is not sent again."
                                            if unknown else ""))  # fmt: skip
    return finish(ctx, lines, data, code)


def _exit_for(reason: str | None) -> int:
    try:
        return EXIT_FOR_REASON.get(FailureReason(reason), EXIT_FAILED) if reason else EXIT_FAILED
    except ValueError:
        return EXIT_FAILED


def _send(ctx: Context, store: BookStore, base_url: str, token: str, plan: RedoPlan) -> RedoResult:
    from soundclone_desktop.services.book.redo import resume_redos, run_redo
    from soundclone_desktop.services.tasks import RunnerStoppedError

    async def main() -> RedoResult:
        results = ctx.settings.results_path(ctx.data_dir)
        with workspace(ctx, base_url) as space:
            async with (
                open_client(base_url, token) as client,
                runner(ctx, space, client, results) as task_runner,
            ):
                settled = await resume_redos(store, task_runner, space.require_tasks())
                if settled:
                    ctx.progress(f"{plural(len(settled), 'earlier redo')} settled first.")
                return await run_redo(store, task_runner, plan)

    try:
        return asyncio.run(main())
    except RunnerStoppedError as exc:
        fail(f"The redo stopped: {exc.reason} A task already created is kept by the next "
             "`soundclone book redo` of this book, without paying twice.",
             EXIT_UNAVAILABLE)  # fmt: skip


# -- takes and choose -------------------------------------------------------------------------


def cmd_takes(ctx: Context) -> int:
    from soundclone_desktop.services.book.redo import SentenceError, sentence_takes_of

    with open_book(ctx.args.book) as store:
        chapter_id, number = _sentence(store.book, ctx.args.sentence, "SENTENCE")
        try:
            takes = sentence_takes_of(store, chapter_id, number)
        except SentenceError as exc:
            fail(str(exc), EXIT_USAGE)
    if not takes:
        fail(f"Sentence {ctx.args.sentence} is not rendered yet: render its chapter first.",
             EXIT_USAGE)  # fmt: skip
    rows = [
        {"number": t.number, "take_id": t.take_id,
         "created": datetime.fromtimestamp(t.created_at, UTC).isoformat(timespec="seconds"),
         "duration": t.duration, "chosen": t.chosen, "findings": list(t.findings)}
        for t in takes
    ]  # fmt: skip
    lines = [
        f"  {'*' if r['chosen'] else ' '} {r['number']:>2}  {r['created']}  "
        f"{float(str(r['duration'])):6.2f} s"
        + ("  original" if r["number"] == 1 else "")
        + (f"  {len(t.findings)} finding(s): "
           + "; ".join(str(f.get('kind')) for f in t.findings) if t.findings else "")
        for r, t in zip(rows, takes, strict=True)
    ]  # fmt: skip
    lines.insert(0, f"Sentence {ctx.args.sentence}: {plural(len(rows), 'take')} (* chosen).")
    return finish(ctx, lines, {"sentence": ctx.args.sentence, "takes": rows})


def cmd_choose(ctx: Context) -> int:
    from soundclone_desktop.services.book.redo import SentenceError, choose_take

    with open_book(ctx.args.book) as store:
        chapter_id, number = _sentence(store.book, ctx.args.sentence, "SENTENCE")
        try:
            choose_take(store, chapter_id, number, ctx.args.take)
        except SentenceError as exc:
            fail(str(exc), EXIT_USAGE)
        stitched, note = asyncio.run(
            stitch_ready_chapters(store, ((chapter_id, ()),), ctx.progress)
        )
    lines = [f"Sentence {ctx.args.sentence}: take {ctx.args.take} chosen."]
    if note:
        lines.append(note)
    return finish(ctx, lines, {"sentence": ctx.args.sentence, "take": ctx.args.take,
                               "stitched": stitched})  # fmt: skip
