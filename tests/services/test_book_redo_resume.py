"""Redo tasks through the task library as renders go: a redo whose process stops after the
create is adopted by the next run without a second charge; a take the automatic checks flag
is kept and not chosen. The demo server over loopback is the oracle."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book.redo import plan_redo, resume_redos, run_redo
from soundclone_desktop.store.book.store import BookStore
from tests.services.book_render_harness import DEMO_PRICES, rig
from tests.services.test_book_redo import CHAPTER, REDONE, _book, _charges

MakeServer = Callable[..., DemoServer]


def _rendered(tmp_path: Path, demo: DemoServer) -> Path:
    folder = tmp_path / "Redo.scbook"
    BookStore.create(folder, _book()).close()

    async def render() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            await r.queue.run(r.queue.plan())

    asyncio.run(asyncio.wait_for(render(), 120))
    return folder


def test_a_redo_stopped_after_its_create_is_adopted_without_a_second_charge(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    demo = make_demo_server(audio_format="wav", task_seconds=1.5)
    folder = _rendered(tmp_path, demo)
    before = len(_charges(demo))

    async def stopped_after_the_create() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            plan = await asyncio.to_thread(plan_redo, r.store, CHAPTER, REDONE, DEMO_PRICES)
            sending = asyncio.create_task(run_redo(r.store, r.runner, plan))
            while not (marks := r.store.redo_marks()) or not _created(r, marks[0].local_id):
                await asyncio.sleep(0.05)
            sending.cancel()  # the process "dies" while the task runs on the server
            await asyncio.gather(sending, return_exceptions=True)

    async def next_run() -> None:
        async with rig(demo.base_url, demo.token, folder, tmp_path / "data") as r:
            assert len(r.store.redo_marks()) == 1 and r.store.sentence_takes() == ()
            settled = await resume_redos(r.store, r.runner, r.library)
            assert len(settled) == 1 and len(settled[0].takes) == len(REDONE)
            assert r.store.redo_marks() == ()
            assert len(r.store.sentence_takes(CHAPTER)) == len(REDONE)
            assert await resume_redos(r.store, r.runner, r.library) == []  # nothing twice

    asyncio.run(asyncio.wait_for(stopped_after_the_create(), 120))
    asyncio.run(asyncio.wait_for(next_run(), 120))
    assert len(_charges(demo)) == before + 1


def _created(r: object, local_id: str) -> bool:
    record = r.library.get(local_id)  # type: ignore[attr-defined]
    return record is not None and record.task_id is not None


def test_a_take_the_checks_flag_is_kept_and_not_chosen(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    clean = make_demo_server(audio_format="wav")
    folder = _rendered(tmp_path, clean)
    # Every task gets a clipped stretch in one of its sentences.
    faulty = make_demo_server(audio_format="wav", content_faults=("clip",),
                              content_fault_rate=1.0, seed=7)  # fmt: skip

    async def redo() -> None:
        async with rig(faulty.base_url, faulty.token, folder, tmp_path / "data") as r:
            plan = await asyncio.to_thread(plan_redo, r.store, CHAPTER, REDONE, DEMO_PRICES)
            result = await run_redo(r.store, r.runner, plan)
            flagged = [t for t in result.takes if t.findings]
            assert len(flagged) == 1 and not flagged[0].chosen
            assert {f["kind"] for f in flagged[0].findings} == {"clipping"}
            assert all(t.chosen for t in result.takes if not t.findings)

    asyncio.run(asyncio.wait_for(redo(), 120))
    with BookStore.open(folder) as store:  # the finding is stored with the take
        assert sum(bool(t.findings) for t in store.sentence_takes()) == 1
