"""The render queue against the real demo server over loopback: the server's ledger and
request log are the oracle (characters and tasks charged, order and overlap of requests)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.core.book.takes import RenderStatus, TaskPhase
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book_render import (
    BalanceTooLowError,
    RenderProgress,
    Selection,
    StopReason,
)
from soundclone_desktop.store.book.store import BookStore
from tests.services.book_render_harness import DEMO_PRICES, make_book, rig

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
POLL_PREFIX = "/api/open-api/v1/audios/"
MakeServer = Callable[..., DemoServer]


def run(coro: Callable[[], Coroutine[Any, Any, None]], timeout: float = 120) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout))


def new_book(tmp_path: Path, chapters: int = 3, paragraphs: int = 4) -> Path:
    folder = tmp_path / "Test.scbook"
    BookStore.create(folder, make_book(chapters, paragraphs)).close()
    return folder


def audio_charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger()
            if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"]  # fmt: skip


def creates(server: DemoServer) -> list[dict[str, Any]]:
    return [e for e in server.requests_log()
            if e["method"] == "POST" and e["path"] == CREATE_PATH]  # fmt: skip


def server(make: MakeServer, **kw: Any) -> DemoServer:
    kw.setdefault("audio_format", "wav")
    kw.setdefault("task_seconds", 0.3)
    return make(**kw)


def test_a_three_chapter_book_renders_fully_and_the_estimate_is_the_ledger(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server)
    folder = new_book(tmp_path)
    snapshots: list[RenderProgress] = []

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = r.queue.plan()
            assert plan.tasks == 12
            result = await r.queue.run(plan, on_progress=snapshots.append)
            assert result.stop is StopReason.ALL_DONE and not result.failed
            assert result.sent == 12 and len(result.rendered) == 12
            charges = audio_charges(demo)
            assert len(charges) == plan.estimate.remaining.tasks == 12
            assert sum(int(str(e["chars"])) for e in charges) == plan.billable_chars
            assert plan.billable_chars == plan.estimate.remaining.billable_chars
            spent = sum(Decimal(str(e["amount"])) for e in demo.ledger() if e["kind"] == "charge")
            assert spent == plan.estimate.remaining.cost == result.spent
            # Every segment has its chosen take in the book folder, and nothing is left to do.
            book = r.store.book
            for chapter in book.chapters:
                for row in book.rows(chapter.id):
                    assert row.status.kind is RenderStatus.RENDERED
                    take = row.state.chosen
                    assert take is not None and not Path(take.audio_path).is_absolute()
                    audio = r.store.resolve(take.audio_path)
                    assert audio.is_file() and audio.parent == folder / "audio"
                    assert take.duration is not None and take.duration > 0
            assert r.queue.plan().tasks == 0  # a second render sends nothing

    run(main)
    last = snapshots[-1]
    assert (last.done, last.total, last.failed, last.in_flight) == (12, 12, 0, 0)
    assert [(c.done, c.total) for c in last.chapters] == [(4, 4)] * 3
    assert all(c.audio_seconds > 0 for c in last.chapters)
    assert sum((c.spent or Decimal(0)) for c in last.chapters) == last.spent
    assert last.eta_seconds == 0 and last.seconds_per_char is not None
    # The ETA was known (seeded) before the first task finished, and learnt after.
    assert any(s.eta_seconds and s.seconds_per_char is None for s in snapshots)


def test_concurrency_limit_and_reading_order(make_demo_server: MakeServer, tmp_path: Path) -> None:
    demo = server(make_demo_server, task_seconds=0.6)
    folder = new_book(tmp_path, chapters=2, paragraphs=5)
    peak = 0

    def probe(progress: RenderProgress) -> None:
        nonlocal peak
        peak = max(peak, progress.in_flight)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data", concurrency=2) as r:
            plan = r.queue.plan()
            await r.queue.run(plan, on_progress=probe)
            texts = [item.row.params.text for item in plan.items]
            sent = [e["json"]["contentText"] for e in creates(demo)]
            assert sent == texts  # reading order: chapter 1 first, each in order

    run(main)
    assert peak == 2
    # The server's view: when a create arrives, the tasks created before it and not yet
    # seen finished (their last poll) are in flight; with this one, never more than 2.
    log = demo.requests_log()
    last_poll: dict[str, int] = {}
    for index, entry in enumerate(log):
        if entry["method"] == "GET" and str(entry["path"]).startswith(POLL_PREFIX):
            last_poll[str(entry["path"])] = index
    created = [i for i, e in enumerate(log) if e["method"] == "POST" and e["path"] == CREATE_PATH]
    assert len(created) == 10
    for n, at in enumerate(created):
        unfinished = n - sum(1 for done in last_poll.values() if done < at)
        assert unfinished + 1 <= 2, (n, unfinished)


def test_a_budget_stops_before_the_task_that_would_cross_it(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server)
    folder = new_book(tmp_path)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = r.queue.plan()
            budget = Decimal("2.6")  # five tasks of ~0.5x each; the sixth crosses
            result = await r.queue.run(plan, budget=budget)
            assert result.stop is StopReason.BUDGET and result.message
            assert result.budget is not None and result.budget.stopped_before is not None
            spent = sum(Decimal(str(e["amount"])) for e in demo.ledger() if e["kind"] == "charge")
            assert spent <= budget
            sent = len(audio_charges(demo))
            assert 0 < sent < plan.tasks
            following = plan.items[sent]
            price = DEMO_PRICES.voice_fee + DEMO_PRICES.production_per_10k * following.chars / 10000  # type: ignore[operator]
            assert spent + price > budget  # the next one would have crossed it
            # Nothing is left marked queued: the rest is simply not rendered.
            statuses = Counter(
                row.status.kind for c in r.store.book.chapters for row in r.store.rows(c.id)
            )
            assert statuses == {RenderStatus.RENDERED: sent,
                                RenderStatus.NOT_RENDERED: plan.tasks - sent}  # fmt: skip

    run(main)


def test_a_balance_too_low_is_refused_up_front(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server, balance=1.0)
    folder = new_book(tmp_path)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = r.queue.plan()
            with pytest.raises(BalanceTooLowError) as caught:
                await r.queue.run(plan)
            assert caught.value.available == Decimal(1)
            assert caught.value.needed == plan.cost and caught.value.needed > 1
            assert not r.store.book.states  # no mark written

    run(main)
    assert creates(demo) == [] and audio_charges(demo) == []


def test_a_refused_segment_fails_with_its_reason_the_others_complete_then_retry(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server)
    folder = new_book(tmp_path)
    with BookStore.open(folder) as store:
        chapter = store.book.chapters[1]
        # A stray "#>" passes the app's checks but the server refuses it.
        store.set_chapter_text(chapter.id, chapter.text + "\n\nA bad #> marker here.")

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            result = await r.queue.run(r.queue.plan())
            assert result.stop is StopReason.ALL_DONE
            (failure,) = result.failed
            assert failure.key[0] == chapter.id and failure.reason == "refused"
            assert failure.error and "#>" in failure.error
            assert len(result.rendered) == 12
            row = next(x for x in r.store.rows(chapter.id) if "#>" in x.segment.text)
            assert row.status.kind is RenderStatus.FAILED and row.status.reason == "refused"
            assert r.queue.plan().tasks == 0  # a failure is not sent again by itself
            assert r.queue.plan_failed().tasks == 1
            # The user fixes the text; retry renders it (a fixed text is a new segment).
            fixed = r.store.book.chapter(chapter.id).text.replace("#>", "marker")
            r.store.set_chapter_text(chapter.id, fixed)
            again = await r.queue.retry_failed()
            assert again.sent == 0  # the old failure's segment is gone
            result = await r.queue.run(r.queue.plan())
            assert result.sent == 1 and not result.failed
            statuses = {row.status.kind for c in r.store.book.chapters
                        for row in r.store.rows(c.id)}  # fmt: skip
            assert statuses == {RenderStatus.RENDERED}

    run(main)
    assert len(audio_charges(demo)) == 13


def test_pause_stops_new_creates_and_in_flight_tasks_are_adopted(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server, task_seconds=0.8)
    folder = new_book(tmp_path)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            paused_with: list[int] = []

            def on_progress(progress: RenderProgress) -> None:
                if not paused_with and progress.in_flight == 3:
                    r.queue.pause()
                    paused_with.append(progress.in_flight)

            running = asyncio.create_task(r.queue.run(r.queue.plan(), on_progress=on_progress))
            while not paused_with:
                await asyncio.sleep(0.02)
            await asyncio.sleep(2.5)  # long enough for the three in flight to finish
            assert len(creates(demo)) == 3
            assert r.queue.progress().done == 3 and r.queue.progress().in_flight == 0
            r.queue.resume_queue()
            result = await running
            assert result.stop is StopReason.ALL_DONE and len(result.rendered) == 12

    run(main)
    assert len(audio_charges(demo)) == 12


def test_cancel_leaves_in_flight_tasks_for_the_next_run(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = server(make_demo_server, task_seconds=1.0)
    folder = new_book(tmp_path)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:

            def on_progress(progress: RenderProgress) -> None:
                if progress.in_flight == 3:
                    r.queue.cancel()

            result = await r.queue.run(r.queue.plan(), on_progress=on_progress)
            assert result.stop is StopReason.CANCELLED and result.sent == 3
        # A new process: the three tasks are followed and adopted, the rest rendered.
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            phases = Counter(s.task.phase for s in r.store.book.states.values() if s.task)
            assert phases == {TaskPhase.RENDERING: 3}
            result = await r.queue.run(r.queue.plan())
            assert len(result.resumed.tracked) + len(result.resumed.adopted) == 3
            assert result.sent == 9 and len(result.rendered) == 12

    run(main)
    assert len(audio_charges(demo)) == 12


def test_selection_of_chapters_and_segments(make_demo_server: MakeServer, tmp_path: Path) -> None:
    demo = server(make_demo_server)
    folder = new_book(tmp_path)

    async def main() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            second = r.store.book.chapters[1].id
            plan = r.queue.plan(Selection.of_chapters([second]))
            assert plan.tasks == 4 and {i.key[0] for i in plan.items} == {second}
            await r.queue.run(plan)
            whole = r.queue.plan()
            assert whole.tasks == 8 and whole.estimate.rendered.tasks == 4
            first = whole.items[0].key
            one = r.queue.plan(Selection.of_segments([first]))
            assert [i.key for i in one.items] == [first]

    run(main)
