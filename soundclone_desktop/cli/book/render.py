"""``soundclone book render``: the book's segments as tasks, resumable, then stitched.

Every segment's task goes through the task library and the render queue
(``services/book/render.py``): its intent is written before the create and the book names
the job before that, so a render killed at any moment and started again sends nothing twice
and loses nothing paid. A second ``book render`` first settles what the last one left
(adopts finished results, follows tasks still running, re-queues creates that never left).

Rules of this command:

- it refuses to start without ``--yes`` when it would send tasks, showing the estimate;
  only ``--demo`` (the demo server started in this process, which costs nothing) skips the
  question. A demo server reached with ``--base-url`` is treated like any server: this
  process cannot know it is free;
- the balance is read first; a render the balance cannot pay is refused (exit 5);
- ``--budget`` stops before the task that would cross it and says so (exit 7);
- Ctrl+C pauses: no new creates; tasks already created keep running on the server and are
  adopted by the next ``book render`` (exit 130). A second Ctrl+C stops at once;
- segments an earlier ``--demo`` run left on its own demo server (gone with that run) are
  sent again, and the user is told (demo money is not real);
- chapters whose segments are all rendered are stitched into one file each (when the
  stitcher is installed in this version).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from soundclone_desktop.cli.context import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    EXIT_STOPPED,
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
from soundclone_desktop.core.book.takes import RenderStatus, SegmentKey, TaskPhase
from soundclone_desktop.core.jobs import FailureReason, Job
from soundclone_desktop.services.balance_watch import balance_reader
from soundclone_desktop.services.book_render import (
    BalanceTooLowError,
    LookupRefusedError,
    PricesUnknownError,
    RenderPlan,
    RenderQueue,
    RenderResult,
    Selection,
    StopReason,
)
from soundclone_desktop.services.workspace import Workspace
from soundclone_desktop.store.book import BookStore

from .common import chapter_number, money_text, open_book, parse_money, selection_of
from .progress_bar import ProgressDisplay
from .stitching import stitch_ready_chapters

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 3
MAX_CONCURRENCY = 8  # the API asks for few tasks in flight; more gains nothing
_OUTCOME_UNKNOWN = FailureReason.OUTCOME_UNKNOWN.value
# Each --demo run starts its own demo server, which ends with it: what an earlier run left
# on its server is gone, and demo money is not real, so those segments are simply re-sent.
DEMO_LOST_NOTE = (
    "{segments} had been sent to the demo server of an earlier --demo run, which stopped "
    "with it: they were sent again (demo tasks cost nothing)."
)


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", help="the book folder (.scbook)")
    p.add_argument("--voice", metavar="ID",
                   help="the book's voice (stored in the book; with --demo: the demo voice "
                   "when the book has none)")  # fmt: skip
    p.add_argument(
        "--chapters",
        metavar="LIST",
        help="chapters to render, e.g. 1,3-5 (default: every chapter not excluded)",
    )
    p.add_argument("--budget", metavar="AMOUNT",
                   help="money this render never exceeds: it stops before the task that would "
                   "cross it (default: the book's budget, if set)")  # fmt: skip
    p.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, metavar="N",
                   help=f"tasks in flight at most, 1 to {MAX_CONCURRENCY} "
                   f"(default {DEFAULT_CONCURRENCY})")  # fmt: skip
    p.add_argument(
        "--yes",
        action="store_true",
        help="start without asking, though it spends money (not needed with --demo)",
    )
    p.add_argument("--task", nargs=2, action="append", default=[],
                   metavar=("SEGMENT", "TASK_ID"),
                   help="a segment whose outcome is unknown (N.M: chapter N, segment M as "
                   "`book show --chapter N` numbers them) was created as TASK_ID (found on "
                   "the website): follow that task and keep its audio, without sending the "
                   "segment again")  # fmt: skip
    p.add_argument("--send-again", action="append", default=[], metavar="SEGMENT",
                   help="a segment whose outcome is unknown (N.M) that you found was NOT "
                   "created (no such task on the website): send it again")  # fmt: skip


@dataclass
class _Run:
    """What one render did, for the summary and the exit code."""

    plan: RenderPlan
    result: RenderResult | None = None
    interrupted: bool = False
    stitched: list[dict[str, object]] = field(default_factory=list)
    stitch_note: str | None = None
    looked_up: list[dict[str, object]] = field(default_factory=list)
    stopping_jobs: list[Job] = field(default_factory=list)


def cmd_render(ctx: Context) -> int:
    args = ctx.args
    budget = parse_money(args.budget, "--budget") if args.budget is not None else None
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        fail(f"--concurrency must be from 1 to {MAX_CONCURRENCY} (got {args.concurrency}).")
    with open_book(args.book) as store:
        selection = selection_of(store.book, args.chapters)
        lookups = [_lookup_key(store.book, spec, task) for spec, task in args.task]
        again = [_segment_key(store.book, spec, "--send-again") for spec in args.send_again]
        if args.voice is not None:
            if not args.voice.strip():
                fail("--voice: give a voice model ID (the ID `soundclone clone` printed).")
            store.set_voice(args.voice.strip())
        if store.book.settings.voice_id is None and not args.demo:
            fail("The book has no voice yet: add --voice MODEL_ID (it is stored in the book).")
        with connection(ctx) as (base_url, token):
            if store.book.settings.voice_id is None:
                from soundclone_desktop.demo.config import DEMO_VOICE_ID

                store.set_voice(DEMO_VOICE_ID)
            with workspace(ctx, base_url) as space:
                run = _run(ctx, store, space, base_url, token, selection, budget, lookups, again)
        return _summary(ctx, store, selection, run)


def _run(
    ctx: Context, store: BookStore, space: Workspace, base_url: str, token: str,
    selection: Selection, budget: Decimal | None, lookups: list[tuple[SegmentKey, str]],
    again: list[SegmentKey],
) -> _Run:  # fmt: skip
    async def render() -> _Run:
        args = ctx.args
        results = ctx.settings.results_path(ctx.data_dir)
        async with (
            open_client(base_url, token) as client,
            runner(ctx, space, client, results) as task_runner,
        ):
            queue = RenderQueue(
                store, task_runner, space.require_tasks(), ctx.prices(),
                balance=balance_reader(client), concurrency=args.concurrency,
            )  # fmt: skip
            run = _Run(queue.plan(selection))
            space.listeners.add(_stopping_jobs(run.stopping_jobs))
            try:
                for key, task_id in lookups:
                    run.looked_up.append(await _look_up(queue, store.book, key, task_id))
                if again:  # the user's decision: these were not created; send them now
                    retry = queue.plan_failed(Selection.of_segments(again), outcome_unknown=True)
                    _announce(ctx, store.book, retry, budget)
                    await _render_plan(ctx, queue, run, retry, budget)
                    run.plan = queue.plan(selection)
                if not run.interrupted:
                    _announce(ctx, store.book, run.plan, budget)
                    run.result = await _render_plan(ctx, queue, run, run.plan, budget)
            except BalanceTooLowError as exc:
                fail(str(exc), EXIT_FAILED)
            except PricesUnknownError as exc:
                fail(f"--budget: {exc}", EXIT_USAGE)
            finally:
                await queue.aclose()
            if not run.interrupted:
                run.stitched, run.stitch_note = await stitch_ready_chapters(
                    store, run.plan.scope, ctx.progress
                )
            return run

    try:
        return asyncio.run(render())
    except KeyboardInterrupt:  # a second Ctrl+C, or one where no handler could be installed
        fail("Interrupted. Tasks already created keep running on the server; "
             f"`soundclone book render {ctx.args.book}` adopts them without paying twice.",
             EXIT_INTERRUPTED)  # fmt: skip


async def _render_plan(
    ctx: Context, queue: RenderQueue, run: _Run, plan: RenderPlan, budget: Decimal | None
) -> RenderResult:
    with _pause_on_ctrl_c(ctx, queue, run):
        display = ProgressDisplay(json_lines=ctx.json)
        try:
            result = await queue.run(plan, budget=budget, on_progress=display)
        finally:
            display.close()
    if result.resumed.demo_lost:
        ctx.progress(DEMO_LOST_NOTE.format(segments=plural(len(result.resumed.demo_lost),
                                                           "segment")))  # fmt: skip
    return result


def _announce(ctx: Context, book: Book, plan: RenderPlan, budget: Decimal | None) -> None:
    """The estimate on stderr; without --yes (and not --demo) a render that would send tasks
    stops here."""
    estimate = plan.estimate
    todo, done = estimate.remaining, estimate.rendered
    currency = estimate.currency
    pending = _pending_marks(book, plan)
    text = (f"{plural(todo.tasks, 'task')} to send, {todo.billable_chars:,} billable "
            f"characters: {money_text(todo.cost, currency)} "
            f"(voice fees {money_text(todo.voice_fees, currency)}). Already rendered: "
            f"{plural(done.tasks, 'segment')}, {money_text(done.cost, currency)}.")  # fmt: skip
    if pending:
        text += f" {plural(pending, 'segment')} left by an earlier run to settle first."
    if budget is not None:
        text += f" Budget: {money_text(budget, currency)}."
    ctx.progress(text)
    if plan.skipped_failed:
        ctx.progress(
            f"{plural(len(plan.skipped_failed), 'segment')} failed before and "
            "are not sent again; fix the text or render those chapters again."
        )
    if plan.skipped_unknown:
        ctx.progress(f"{plural(len(plan.skipped_unknown), 'segment')} may have been created "
                     "already (outcome unknown) and are not sent again; see the end of "
                     "this report.")  # fmt: skip
    if (todo.tasks or pending) and not ctx.args.demo and not ctx.args.yes:
        fail(f"Nothing was sent. This render spends money: {money_text(todo.cost, currency)} "
             "for " + plural(todo.tasks, "task") + ". Run it again with --yes to start.",
             EXIT_USAGE)  # fmt: skip


def _pending_marks(book: Book, plan: RenderPlan) -> int:
    """Segments of the selection with a queued or rendering mark (a killed run's)."""
    keys = {key for _, chapter_keys in plan.scope for key in chapter_keys}
    return sum(
        1 for key, state in book.states.items()
        if key in keys and state.task is not None and state.task.phase is not TaskPhase.FAILED
    )  # fmt: skip


class _pause_on_ctrl_c:  # noqa: N801 - used as a context manager, reads as one
    """Ctrl+C pauses the queue (tasks in flight go on on the server); a second one stops."""

    def __init__(self, ctx: Context, queue: RenderQueue, run: _Run) -> None:
        self._ctx, self._queue, self._run = ctx, queue, run
        self._installed = False

    def __enter__(self) -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()

        def interrupt() -> None:
            if self._run.interrupted and task is not None:
                task.cancel()  # the second Ctrl+C: stop following now
                return
            self._run.interrupted = True
            self._ctx.progress("\nPausing: no new tasks. Tasks already created keep running "
                               "on the server (Ctrl+C again to stop now).")  # fmt: skip
            self._queue.cancel()

        try:
            loop.add_signal_handler(signal.SIGINT, interrupt)
            self._installed = True
        except (NotImplementedError, RuntimeError):  # Windows: KeyboardInterrupt instead
            pass

    def __exit__(self, *_exc: object) -> None:
        if self._installed:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGINT)


def _stopping_jobs(found: list[Job]) -> Callable[[Job], None]:
    """Remember jobs that stopped the render (key rejected, server unreachable…)."""

    def listen(job: Job) -> None:
        if job.reason in (FailureReason.KEY_REJECTED, FailureReason.NOT_RECORDED,
                          FailureReason.UNREACHABLE):  # fmt: skip
            found.append(job)

    return listen


def _lookup_key(book: Book, spec: str, task_id: str) -> tuple[SegmentKey, str]:
    if not task_id.strip():
        fail("--task: give the task id found on the website.")
    return _segment_key(book, spec, "--task"), task_id.strip()


def _segment_key(book: Book, spec: str, option: str) -> SegmentKey:
    """Segment ``N.M`` (chapter N, segment M, as ``book show --chapter N`` numbers them)."""
    chapter, dot, segment = spec.partition(".")
    if not (dot and chapter.isdigit() and segment.isdigit()):
        fail(f"{option}: {spec!r} is not a segment; write N.M (chapter N, segment M).")
    n, m = int(chapter), int(segment)
    if not 1 <= n <= len(book.chapters):
        fail(f"{option}: chapter {n} does not exist (chapters: 1 to {len(book.chapters)}).")
    rows = book.rows(book.chapters[n - 1].id)
    if not 1 <= m <= len(rows):
        fail(f"{option}: chapter {n} has no segment {m} (segments: 1 to {len(rows)}).")
    return rows[m - 1].chapter_id, rows[m - 1].segment.id


async def _look_up(
    queue: RenderQueue, book: Book, key: SegmentKey, task_id: str
) -> dict[str, object]:
    label = _segment_label(book, key)
    try:
        status = await queue.look_up(key, task_id)
    except LookupRefusedError as exc:
        fail(f"--task {label}: {exc}", EXIT_USAGE)
    return {"segment": label, "task_id": task_id, "status": status.value}


def _segment_label(book: Book, key: SegmentKey) -> str:
    rows = book.rows(key[0])
    number = next((i for i, r in enumerate(rows, 1) if r.segment.id == key[1]), 0)
    return f"{chapter_number(book, key[0])}.{number}"


# -- the report -------------------------------------------------------------------------------


def _summary(ctx: Context, store: BookStore, selection: Selection, run: _Run) -> int:
    book = store.book
    result = run.result
    lines: list[str] = []
    data: dict[str, object] = {"type": "result", "book": ctx.args.book,
                               "estimate": run.plan.estimate.to_json()}  # fmt: skip
    for found in run.looked_up:
        lines.append(f"Segment {found['segment']}: task {found['task_id']} {found['status']}.")
    data["looked_up"] = run.looked_up
    if result is not None:
        currency = run.plan.estimate.currency
        lines.append(f"This run: {plural(result.sent, 'task')} sent, "
                     f"{plural(len(result.rendered), 'segment')} rendered, "
                     f"{money_text(result.spent, currency)} spent.")  # fmt: skip
        data.update(
            stop=result.stop.value, message=result.message, sent=result.sent,
            rendered=len(result.rendered),
            spent=None if result.spent is None else str(result.spent),
            budget=None if result.budget is None else result.budget.to_json(),
            resumed={name: len(getattr(result.resumed, name)) for name in
                     ("adopted", "tracked", "requeued", "unknown", "failed", "busy",
                      "demo_lost")},
        )  # fmt: skip
    problems = _problems(book, selection)
    for label, reason in problems:
        lines.append(f"Segment {label}: {reason}.")
    data["failed"] = [{"segment": label, "reason": reason} for label, reason in problems]
    if any(reason == _OUTCOME_UNKNOWN for _, reason in problems):
        lines.append(
            "A segment whose outcome is unknown may have been created (and charged) "
            "although no answer came. Find its task on the website and run "
            f"`soundclone book render {ctx.args.book} --task N.M TASK_ID`."
        )
    for item in run.stitched:
        lines.append(f"Chapter {item['chapter']} stitched: {item['path']}.")
    if run.stitch_note:
        lines.append(run.stitch_note)
    data["stitched"] = run.stitched
    rendered, total = _counts(book, selection)
    lines.append(f"The selection has {rendered} of {plural(total, 'segment')} rendered.")
    data.update(segments=total, segments_rendered=rendered)
    code, why = _exit(run, problems, rendered, total)
    if code == EXIT_INTERRUPTED:
        lines.append(
            "Paused. `soundclone book render` again continues: tasks still running "
            "on the server are adopted, nothing is sent twice."
        )
    elif why:
        lines.append(why)
    data["reason"] = why or None
    return finish(ctx, lines, data, code)


def _exit(run: _Run, problems: list[tuple[str, str]], rendered: int, total: int) -> tuple[int, str]:
    result = run.result
    if run.interrupted or (result is not None and result.stop is StopReason.CANCELLED):
        return EXIT_INTERRUPTED, ""
    if result is not None and result.stop is StopReason.STOPPED:
        reasons = [job.reason for job in run.stopping_jobs if job.reason]
        code = EXIT_FOR_REASON.get(reasons[-1], EXIT_UNAVAILABLE) if reasons else EXIT_UNAVAILABLE
        return code, f"The render stopped: {result.message or 'nothing could be sent.'}"
    if any(reason == _OUTCOME_UNKNOWN for _, reason in problems):
        return EXIT_OUTCOME_UNKNOWN, ""
    if problems:
        return EXIT_FAILED, (f"{plural(len(problems), 'segment')} failed; the others were "
                             "rendered. Fix their text and render again.")  # fmt: skip
    if result is not None and result.stop is StopReason.BUDGET:
        return EXIT_STOPPED, (result.message or "Stopped at the budget.") + (
            " Nothing over the budget was spent; render again with a larger --budget to "
            "continue.")  # fmt: skip
    if rendered < total:
        return EXIT_STOPPED, "Some segments are not rendered yet; render again to continue."
    return EXIT_OK, ""


def _problems(book: Book, selection: Selection) -> list[tuple[str, str]]:
    found = []
    for chapter_id in selection.chapter_ids(book):
        for number, row in enumerate(book.rows(chapter_id), 1):
            if row.status.kind is RenderStatus.FAILED:
                label = f"{chapter_number(book, chapter_id)}.{number}"
                found.append((label, row.status.reason or "failed"))
    return found


def _counts(book: Book, selection: Selection) -> tuple[int, int]:
    rendered = total = 0
    for chapter_id in selection.chapter_ids(book):
        for row in book.rows(chapter_id):
            if row.segment.needs_task:
                total += 1
                rendered += row.status.kind is RenderStatus.RENDERED
    return rendered, total


__all__ = ["add_options", "cmd_render"]
