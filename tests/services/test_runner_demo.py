"""TaskRunner end to end: the real client against the real demo server over loopback HTTP.

Poll timing is checked from the server's own request log (wall-clock arrival times), and
billing from its ledger, so neither side's bookkeeping is taken on trust.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID, FAULT_KINDS
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner
from tests.served_audio import is_mp3

MakeServer = Callable[..., DemoServer]

# Fast, but with every rule in force: 0.25 s between polls of one task, a global gap.
FAST = PollPolicy(
    min_interval=0.25, interval=0.25, max_interval=0.5, min_gap=0.01, max_concurrent=4,
    backoff_initial=0.25, backoff_max=1.0, long_after=60.0, long_interval=1.0,
)  # fmt: skip
QUICK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.02, max_delay=0.05)
POLL_PREFIX = "/api/open-api/v1/audios/"


def client_for(server: DemoServer, token: Any = None, timeout: float = 2.0) -> SoundCloneClient:
    return SoundCloneClient(
        server.base_url, server.token if token is None else token, retry=QUICK_RETRY,
        timeout=timeout,
    )  # fmt: skip


def estimator_for(seconds: float) -> FinishEstimator:
    return FinishEstimator({"audio": (seconds, 0.0), "preview": (seconds, 0.0)})


def speech(text: str = "你好，欢迎收听。<#0.5#>Hello and welcome.", **kw: Any) -> ProductionParams:
    return ProductionParams(model_id=DEMO_VOICE_ID, text=text, **kw)


def run(coro: Callable[[], Coroutine[Any, Any, None]], timeout: float = 60) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout))


def poll_times(server: DemoServer) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    for entry in server.requests_log():
        path = str(entry["path"])
        if entry["method"] == "GET" and path.startswith(POLL_PREFIX):
            times[path[len(POLL_PREFIX) :]].append(float(entry["wall_time"]))  # type: ignore[arg-type]
    return times


def charges(server: DemoServer) -> Counter[tuple[str, str]]:
    """(task id, billing item) → number of charges, refunds not counted."""
    return Counter(
        (str(e["taskId"]), str(e["item"])) for e in server.ledger() if e["kind"] == "charge"
    )


def assert_charged_once(server: DemoServer, jobs: list[Job]) -> None:
    counted = charges(server)
    for job in jobs:
        assert job.task_id is not None
        assert counted[(job.task_id, "sound-cloning-audio")] == 1
        assert counted[(job.task_id, "sound-cloning-voice")] == 1
    assert sum(counted.values()) == 2 * len(jobs)


def test_submit_to_downloaded(demo_server: DemoServer, tmp_path: Path) -> None:
    async def main() -> None:
        async with (
            client_for(demo_server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.3)
            ) as runner,
        ):
            states: list[JobState] = []
            job = await runner.submit(speech(subtitles=True), lambda j: states.append(j.state))
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED, job.error
        assert job.audio_path is not None and is_mp3(job.audio_path.read_bytes())
        assert job.audio_path.name == f"{job.task_id}.mp3"
        assert job.subtitle_path is not None
        assert job.subtitle_path.name == f"{job.task_id}.subtitles.json"
        assert states[0] is JobState.SENDING and states[-1] is JobState.DOWNLOADED
        assert JobState.DOWNLOADING in states
        assert_charged_once(demo_server, [job])
        assert sorted(p.name for p in (tmp_path / "results").iterdir()) == sorted(
            [job.audio_path.name, job.subtitle_path.name]
        )  # no .part files left over

    run(main)


def test_thirty_jobs_respect_the_per_task_interval(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    server = make_demo_server(task_seconds=1.0)

    async def main() -> None:
        async with (
            client_for(server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.5)
            ) as runner,
        ):
            jobs = [await runner.submit(speech(f"第{i}句。Sentence {i}.")) for i in range(30)]
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert [j.state for j in jobs] == [JobState.DOWNLOADED] * 30
        polls = poll_times(server)
        assert set(polls) == {j.task_id for j in jobs}
        for task_id, times in polls.items():
            gaps = [b - a for a, b in itertools.pairwise(times)]
            # Arrival times at the server can be a few ms closer than our send times.
            assert all(g >= FAST.min_interval - 0.03 for g in gaps), (task_id, gaps)
        assert_charged_once(server, jobs)

    run(main)


def test_first_poll_lands_near_the_estimate(make_demo_server: MakeServer, tmp_path: Path) -> None:
    server = make_demo_server(task_seconds=1.2)

    async def main() -> None:
        async with (
            client_for(server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(1.2)
            ) as runner,
        ):
            job = await runner.submit(speech())
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED
        created = next(
            float(e["wall_time"])  # type: ignore[arg-type]
            for e in server.requests_log()
            if e["method"] == "POST"
        )
        first_poll = poll_times(server)[str(job.task_id)][0]
        aim = 1.2 * (1 + FAST.first_poll_margin)  # a little after the estimate
        assert first_poll - created == pytest.approx(aim, abs=0.2)
        assert job.polls <= 2

    run(main)


@pytest.mark.parametrize("kind", FAULT_KINDS)
def test_read_faults_back_off_and_still_complete_with_one_charge(
    make_demo_server: MakeServer, tmp_path: Path, kind: str
) -> None:
    server = make_demo_server(task_seconds=0.3, fault_delay=0.6, slow_delay=0.2)

    async def main() -> None:
        notes: list[str] = []
        # More faults than the client's own retries absorb: the runner must back off.
        server.inject(kind, count=3, path_contains=POLL_PREFIX)
        server.inject(kind, count=3, path_contains="/files/")
        async with (
            client_for(server, timeout=0.4) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.3)
            ) as runner,
        ):
            job = await runner.submit(
                speech(subtitles=True), lambda j: j.message and notes.append(j.message)
            )
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED, job.error
        assert job.audio_path is not None and job.subtitle_path is not None
        if kind != "slow":  # a slow answer is still an answer
            assert any(n.startswith("Reconnecting") for n in notes)
            assert any(n.startswith("The result is ready but downloading it failed") for n in notes)
        assert job.message is None
        assert_charged_once(server, [job])
        faulted = [e for e in server.requests_log() if e["fault"]]  # the log holds API calls
        if kind == "slow":  # slow answers still answer: the task may finish before all 3 run
            assert faulted
        else:
            assert len(faulted) == 3

    run(main)


def test_random_read_faults_on_many_jobs(make_demo_server: MakeServer, tmp_path: Path) -> None:
    server = make_demo_server(
        task_seconds=0.4, fail_rate=0.35, fault_scope="reads", seed=11,
        faults=("http500", "envelope", "drop", "malformed", "http429"),
    )  # fmt: skip

    async def main() -> None:
        async with (
            client_for(server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.4)
            ) as runner,
        ):
            jobs = [await runner.submit(speech(f"Take {i}.")) for i in range(10)]
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert all(j.state is JobState.DOWNLOADED for j in jobs), [j.error for j in jobs]
        assert any(e["fault"] for e in server.requests_log())
        assert_charged_once(server, jobs)

    run(main)


def test_dropped_create_is_outcome_unknown_and_never_resent(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    async def main() -> None:
        demo_server.inject("drop", path_contains="soundCloning/audios")
        async with (
            client_for(demo_server) as client,
            TaskRunner(client, tmp_path / "results", policy=FAST) as runner,
        ):
            job = await runner.submit(speech())
        assert job.state is JobState.OUTCOME_UNKNOWN
        assert job.error and "not sent again" in job.error
        posts = [e for e in demo_server.requests_log() if e["method"] == "POST"]
        assert len(posts) == 1
        # The server did create (and charge) it: exactly why a resend would be wrong.
        assert len(charges(demo_server)) == 2

    run(main)


def test_refused_connection_fails_and_nothing_was_sent(tmp_path: Path) -> None:
    async def main() -> None:
        client = SoundCloneClient("http://127.0.0.1:9", "k", retry=QUICK_RETRY)
        async with client, TaskRunner(client, tmp_path / "results", policy=FAST) as runner:
            job = await runner.submit(speech())
        assert job.state is JobState.FAILED
        assert job.error and job.error.startswith("Could not reach the server, so nothing was sent")

    run(main)


def test_wrong_key_on_create_fails_clearly(demo_server: DemoServer, tmp_path: Path) -> None:
    async def main() -> None:
        async with (
            client_for(demo_server, token="wrong") as client,
            TaskRunner(client, tmp_path / "results", policy=FAST) as runner,
        ):
            job = await runner.submit(speech())
        assert job.state is JobState.FAILED and job.error and "API key" in job.error
        assert charges(demo_server) == Counter()

    run(main)


def test_key_revoked_while_polling_halts_then_resumes(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    server = make_demo_server(task_seconds=0.5)
    key = [server.token]

    async def main() -> None:
        async with (
            client_for(server, token=lambda: key[0]) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.5)
            ) as runner,
        ):
            jobs = [await runner.submit(speech(f"Line {i}.")) for i in range(3)]
            key[0] = "revoked"
            with pytest.raises(RunnerStoppedError, match="API key"):
                await runner.wait(jobs[0])
            polls_at_halt = sum(len(t) for t in poll_times(server).values())
            await asyncio.sleep(1.0)
            assert sum(len(t) for t in poll_times(server).values()) == polls_at_halt
            key[0] = server.token
            runner.resume()
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert all(j.state is JobState.DOWNLOADED for j in jobs)
        assert_charged_once(server, jobs)

    run(main)


def test_cancel_stops_polling_but_the_server_keeps_the_task(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    server = make_demo_server(task_seconds=5.0)

    async def main() -> None:
        async with (
            client_for(server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.3)
            ) as runner,
        ):
            job = await runner.submit(speech())
            await asyncio.sleep(0.8)
            assert job.polls >= 1
            runner.cancel(job)
            polls = len(poll_times(server)[str(job.task_id)])
            await asyncio.sleep(0.8)
            assert len(poll_times(server)[str(job.task_id)]) == polls
        assert job.state is JobState.CANCELLED
        assert job.message and str(job.task_id) in job.message

    run(main)


def test_server_side_failure(demo_server: DemoServer, tmp_path: Path) -> None:
    async def main() -> None:
        demo_server.fail_next_tasks(1, "synthesis engine overloaded")
        async with (
            client_for(demo_server) as client,
            TaskRunner(
                client, tmp_path / "results", policy=FAST, estimator=estimator_for(0.3)
            ) as runner,
        ):
            job = await runner.wait(await runner.submit(speech()))
        assert job.state is JobState.FAILED
        assert job.error == ("The server could not finish this task: synthesis engine overloaded.")

    run(main)


def test_estimator_learns_the_servers_pace(make_demo_server: MakeServer, tmp_path: Path) -> None:
    server = make_demo_server(task_seconds=0.4)
    estimator = estimator_for(1.6)  # a pessimistic prior: four times too slow

    async def main() -> None:
        async with (
            client_for(server) as client,
            TaskRunner(client, tmp_path / "results", policy=FAST, estimator=estimator) as runner,
        ):
            for i in range(6):
                await runner.wait(await runner.submit(speech(f"Round {i}.")))

    run(main)
    assert estimator.observations() == 6
    assert estimator.expected_duration(10) == pytest.approx(0.4, abs=0.25)
