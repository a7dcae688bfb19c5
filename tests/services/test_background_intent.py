"""The task library written off the GUI thread (``JobRecorder(background=True)`` with the
runner's ``before_create``): no commit, so no fsync, on the event loop's thread, and still the
intent is on disk before the create request leaves; an intent that cannot be written sends
nothing. (The recorder's fsyncs on the GUI thread were part of the book render's stalls:
a durable commit here took 5 ms median, 26 ms p90, 56 ms at worst under load.)"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.core.jobs import FailureReason, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.recorder import JobRecorder, price_estimate
from soundclone_desktop.store.library import TaskLibrary
from tests.services.test_recorder import PRICES, creates, run, runner_for, speech


@pytest.fixture
def library(tmp_path: Path) -> TaskLibrary:
    lib = TaskLibrary(tmp_path / "library.sqlite3")
    yield lib  # type: ignore[misc]
    lib.close()


def _watch_commits(library: TaskLibrary) -> list[str]:
    """The name of the thread of each write the library commits."""
    threads: list[str] = []
    write = library._write

    def watched(*args: Any) -> None:
        threads.append(threading.current_thread().name)
        write(*args)

    library._write = watched  # type: ignore[method-assign]
    return threads


def test_no_commit_on_the_loop_thread_and_the_intent_is_on_disk_before_the_create(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path
) -> None:
    seen_at_create: list[tuple[int, JobState | None]] = []
    threads = _watch_commits(library)
    loop_thread = threading.current_thread().name

    async def main() -> None:
        estimate = price_estimate(lambda: PRICES)
        recorder = JobRecorder(
            library, base_url=demo_server.base_url, demo=False, estimate=estimate, background=True
        )
        client, runner = runner_for(
            demo_server, tmp_path / "results", on_update=recorder, before_create=recorder.durable
        )
        original = client.create_audio

        async def create_audio(params: ProductionParams) -> Any:
            # What a restarted app would find if the process died now: the file read anew.
            with TaskLibrary(library.path) as other:
                rows = other.search()
                seen_at_create.append((len(rows), rows[0].state if rows else None))
            return await original(params)

        client.create_audio = create_audio  # type: ignore[method-assign]
        async with client, runner:
            job = await runner.submit(speech())
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED, job.error
        record = library.get(job.local_id)  # waits for the writes still queued
        assert record is not None and record.state is JobState.DOWNLOADED
        assert record.task_id == job.task_id and record.audio_path == job.audio_path
        states = [state for state, _at in library.events(job.local_id)]
        assert states[0] is JobState.SENDING and states[-1] is JobState.DOWNLOADED

    run(main)
    assert seen_at_create == [(1, JobState.SENDING)]
    assert threads and loop_thread not in threads
    assert all(name.startswith("task-library") for name in threads)


def test_an_intent_that_cannot_be_written_sends_nothing(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path
) -> None:
    def full_disk(*_args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    library._write = full_disk  # type: ignore[method-assign]

    async def main() -> None:
        recorder = JobRecorder(library, base_url=demo_server.base_url, demo=False,
                               background=True)  # fmt: skip
        client, runner = runner_for(
            demo_server, tmp_path / "results", on_update=recorder, before_create=recorder.durable
        )
        async with client, runner:
            job = await runner.submit(speech())
        assert job.state is JobState.FAILED and job.reason is FailureReason.NOT_RECORDED
        assert job.error

    run(main)
    assert creates(demo_server) == []
