"""A result that cannot be written ends the job with the reason, and a later resume fetches it
(issue 11, item 2); a recorder that cannot write the intent stops the create.

Conditions that fail for root too (the tests run as root, which ignores chmod):

- disk full: the download's ``<task id>.part`` is a symlink to ``/dev/full``, where every
  write fails with ``ENOSPC``;
- not writable: a file stands where the results folder should be (``ENOTDIR``);
- a full task library: SQLite's ``max_page_count`` caps it at its current size
  (``SQLITE_FULL``, what a full disk gives).
"""

from __future__ import annotations

import asyncio
import json
import urllib.request
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.recorder import JobRecorder, resume_unfinished
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.store.library import TaskLibrary

FAST = PollPolicy(
    min_interval=0.1, interval=0.1, max_interval=0.2, min_gap=0.0, max_concurrent=4,
    backoff_initial=0.1, backoff_max=0.5, long_after=60.0, long_interval=1.0,
)  # fmt: skip
QUICK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.02, max_delay=0.05)
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
LONG_SCRIPT = "A line of narration that goes on. " * 180  # a row longer than a page


def run(coro: Callable[[], Coroutine[Any, Any, None]], timeout: float = 30) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout))


def speech(text: str = "Saved somewhere writable, eventually.") -> ProductionParams:
    return ProductionParams(model_id=DEMO_VOICE_ID, text=text)


def runner_for(server: DemoServer, results: Path, **kw: Any) -> tuple[SoundCloneClient, TaskRunner]:
    client = SoundCloneClient(server.base_url, server.token, retry=QUICK_RETRY, timeout=2.0)
    estimator = FinishEstimator({"audio": (0.3, 0.0), "preview": (0.3, 0.0)})
    return client, TaskRunner(client, results, policy=FAST, estimator=estimator, **kw)


def create_directly(server: DemoServer, params: ProductionParams) -> str:
    request = urllib.request.Request(
        server.base_url + CREATE_PATH,
        data=json.dumps(params.to_json()).encode(),
        headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["data"]["id"])


def creates(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.requests_log() if e["path"] == CREATE_PATH]


@pytest.fixture
def library(tmp_path: Path) -> TaskLibrary:
    lib = TaskLibrary(tmp_path / "library.sqlite3")
    yield lib  # type: ignore[misc]
    lib.close()


def test_a_full_disk_ends_the_download_with_the_reason_and_resume_fetches_it_later(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path
) -> None:
    results = tmp_path / "results"
    results.mkdir()
    task_id = create_directly(demo_server, speech())
    part = results / f"{task_id}.part"
    part.symlink_to("/dev/full")  # every write: ENOSPC, for root too
    url = demo_server.base_url

    async def first_run() -> Job:
        client, runner = runner_for(demo_server, results)
        runner._on_update = JobRecorder(library, base_url=url, demo=False)
        async with client, runner:
            job = runner.track(task_id, params=speech())
            return await runner.wait(job)  # before the fix: retried for ever (timeout)

    job = asyncio.run(asyncio.wait_for(first_run(), 30))
    assert job.state is JobState.FAILED and job.reason is FailureReason.CANNOT_SAVE
    assert job.error is not None
    assert "the disk is full" in job.error and str(results) in job.error and task_id in job.error
    record = library.by_task_id(task_id)
    assert record is not None and record.state is JobState.FAILED and record.task_id == task_id
    assert list(results.iterdir()) == []  # no half file kept (the failed .part is removed)

    async def resume() -> None:
        client, runner = runner_for(demo_server, results)
        runner._on_update = JobRecorder(library, base_url=url, demo=False)
        async with client, runner:
            report = await resume_unfinished(runner, library, base_url=url, demo=False)
            assert [j.task_id for j in report.resumed] == [task_id]
            (resumed,) = report.resumed
            await runner.wait(resumed)
            assert resumed.state is JobState.DOWNLOADED and resumed.audio_path is not None
            assert resumed.audio_path.is_file()

    run(resume)
    final = library.by_task_id(task_id)
    assert final is not None and final.state is JobState.DOWNLOADED
    assert len(creates(demo_server)) == 1  # nothing was created again


def test_a_results_folder_that_cannot_be_made_ends_the_download_with_the_reason(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the results folder's parent should be")
    results = blocker / "results"
    task_id = create_directly(demo_server, speech())

    async def main() -> None:
        client, runner = runner_for(demo_server, results)
        async with client, runner:
            job = await runner.wait(runner.track(task_id, params=speech()))
        assert job.state is JobState.FAILED and job.reason is FailureReason.CANNOT_SAVE
        assert job.error is not None and str(results) in job.error
        assert "a file is in the way where a folder should be" in job.error

    run(main)


def test_a_full_task_library_stops_the_create_and_nothing_is_sent(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path
) -> None:
    conn = library._conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    seen: list[JobState] = []

    async def main() -> None:
        recorder = JobRecorder(library, base_url=demo_server.base_url, demo=False)
        client, runner = runner_for(demo_server, tmp_path / "results", on_update=recorder)
        async with client, runner:
            job = await runner.submit(speech(LONG_SCRIPT), lambda j: seen.append(j.state))
        assert job.state is JobState.FAILED and job.reason is FailureReason.NOT_RECORDED
        assert job.task_id is None and job.error is not None
        assert str(library.path.parent) in job.error and "the disk is full" in job.error

    run(main)
    assert creates(demo_server) == []
    assert demo_server.ledger() == [] or all(e["kind"] != "charge" for e in demo_server.ledger())
    assert seen == [JobState.SENDING, JobState.FAILED]
    assert library.search() == []  # no row: nothing to resume, nothing was sent
    # The library works again once there is room: the failed COMMIT left no transaction open.
    conn.execute("PRAGMA max_page_count = 1000000")
    assert library.count() == 0

    async def again() -> None:
        recorder = JobRecorder(library, base_url=demo_server.base_url, demo=False)
        client, runner = runner_for(demo_server, tmp_path / "results", on_update=recorder)
        async with client, runner:
            job = await runner.wait(await runner.submit(speech(LONG_SCRIPT)))
        assert job.state is JobState.DOWNLOADED

    run(again)
    assert len(creates(demo_server)) == 1 and library.count() == 1
