"""TaskRunner rules on virtual time: a fake client, an injected clock and sleep.

The fake server finishes a task ``duration`` virtual seconds after its creation; the
runner's sleeps advance the virtual clock, so half an hour of polling takes milliseconds.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api.errors import (
    AuthenticationError,
    BadRequestError,
    ConnectError,
    ConnectionLost,
    DownloadTooLarge,
    OutcomeUnknownError,
    RequestTimeout,
    ServerError,
)
from soundclone_desktop.api.models import Downloaded, TaskInfo
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.task_status import TaskStatus
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner

VOICE = "model_test"


class VirtualTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


class FakeClient:
    """Plays the server on virtual time; records every request."""

    def __init__(self, vt: VirtualTime, duration: float = 12.0) -> None:
        self.vt = vt
        self.duration = duration
        self.tasks: dict[str, tuple[float, float, str]] = {}  # id -> (created, duration, kind)
        self.polls: dict[str, list[float]] = defaultdict(list)
        self.requests: list[float] = []
        self.create_error: Exception | None = None
        self.poll_errors: list[Exception] = []  # raised by the next polls, in order
        self.download_errors: dict[str, list[Exception]] = defaultdict(list)  # by stem suffix
        self.downloads: list[str] = []
        self.final_status = TaskStatus.COMPLETED
        self.error_text = "voice model expired"
        self.model_id = "model_new"
        self.subtitles = True

    async def _create(self, kind: str, duration: float | None = None) -> TaskInfo:
        await asyncio.sleep(0)
        if self.create_error is not None:
            raise self.create_error
        task_id = f"audio_{len(self.tasks):04d}"
        self.tasks[task_id] = (self.vt.now, self.duration if duration is None else duration, kind)
        return TaskInfo(id=task_id, status=TaskStatus.QUEUED)

    async def create_audio(self, params: ProductionParams) -> TaskInfo:
        return await self._create("audio")

    async def create_preview(self, params: PreviewParams) -> TaskInfo:
        return await self._create("preview")

    async def get_task(self, task_id: str) -> TaskInfo:
        self.polls[task_id].append(self.vt.now)
        self.requests.append(self.vt.now)
        await asyncio.sleep(0)
        if self.poll_errors:
            raise self.poll_errors.pop(0)
        created, duration, kind = self.tasks[task_id]
        elapsed = self.vt.now - created
        if elapsed < duration:
            status = TaskStatus.QUEUED if elapsed < duration / 3 else TaskStatus.PROCESSING
            return TaskInfo(id=task_id, status=status)
        if self.final_status is not TaskStatus.COMPLETED:
            return TaskInfo(id=task_id, status=self.final_status, error=self.error_text)
        return TaskInfo(
            id=task_id,
            status=TaskStatus.COMPLETED,
            audio_url=f"http://files.test/{task_id}.mp3",
            subtitle_url=f"http://files.test/{task_id}.json" if self.subtitles else None,
            model_id=self.model_id if kind == "preview" else None,
        )

    async def download(
        self, url: str, dest_dir: Path, stem: str, *, expect: object = None
    ) -> Downloaded:
        await asyncio.sleep(0)
        key = "subtitles" if stem.endswith(".subtitles") else "audio"
        if self.download_errors[key]:
            raise self.download_errors[key].pop(0)
        self.downloads.append(stem)
        ext = "json" if key == "subtitles" else "mp3"
        path = Path(dest_dir) / f"{stem}.{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"[]" if key == "subtitles" else b"ID3fake")
        return Downloaded(path=path, kind=ext, size=path.stat().st_size)  # type: ignore[arg-type]


POLICY = PollPolicy(jitter=0.15, min_gap=0.5, max_concurrent=3)


def make_runner(client: FakeClient, tmp_path: Path, **kwargs: Any) -> TaskRunner:
    vt = client.vt
    kwargs.setdefault("policy", POLICY)
    return TaskRunner(
        client,
        tmp_path / "results",
        clock=vt.clock,
        sleep=vt.sleep,
        rng=random.Random(7),
        **kwargs,
    )


def audio(text: str = "Hello there, this is a test.", **kw: Any) -> ProductionParams:
    return ProductionParams(model_id=VOICE, text=text, **kw)


def run(coro: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout=20))


def test_submit_poll_download(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime())
        seen: list[JobState] = []
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio(subtitles=True), lambda j: seen.append(j.state))
            assert job.state is JobState.QUEUED and job.task_id == "audio_0000"
            assert job.expected_in(client.vt.now) is not None
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED, job.error
        assert job.audio_path == tmp_path / "results" / "audio_0000.mp3"
        assert job.subtitle_path == tmp_path / "results" / "audio_0000.subtitles.json"
        assert job.audio_path.exists() and job.subtitle_path.exists()
        assert seen[0] is JobState.SENDING
        assert [s for s, _ in job.history][:3] == [
            JobState.SENDING,
            JobState.SUBMITTED,
            JobState.QUEUED,
        ]
        assert seen[-2:] == [JobState.DOWNLOADING, JobState.DOWNLOADED]
        assert job.polls == len(client.polls["audio_0000"])
        assert job.expected_in(client.vt.now) is None  # done: nothing to expect

    run(main)


def test_first_poll_lands_a_little_after_the_estimate(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=21.0)
        estimator = FinishEstimator({"audio": (18.0, 0.0)})
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            start = client.vt.now
            job = await runner.submit(audio())
            assert job.expected_finish == pytest.approx(start + 18.0)  # what the user sees
            await runner.wait(job)
        polls = client.polls["audio_0000"]
        assert polls[0] - start == pytest.approx(18.0 * (1 + POLICY.first_poll_margin), abs=0.01)
        assert len(polls) == 2  # one early look, then 5 s later it was done

    run(main)


def test_a_short_estimate_still_waits_min_interval(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=1.0)
        estimator = FinishEstimator({"audio": (0.5, 0.0)})
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            start = client.vt.now
            await runner.wait(await runner.submit(audio()))
        assert client.polls["audio_0000"][0] - start >= POLICY.min_interval

    run(main)


def test_many_jobs_are_paced_and_staggered(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=40.0)
        estimator = FinishEstimator({"audio": (10.0, 0.0)})
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            jobs = [await runner.submit(audio(f"Line number {i}.")) for i in range(30)]
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert all(j.state is JobState.DOWNLOADED for j in jobs)
        for times in client.polls.values():
            # A task whose first poll was still queued when the estimate caught up needs one.
            gaps = [b - a for a, b in itertools.pairwise(times)] or [POLICY.min_interval]
            assert min(gaps) >= POLICY.min_interval - 1e-9
            # 30 tasks share one request budget (min_gap): a poll may queue behind the others.
            assert max(gaps) <= POLICY.max_interval + 30 * POLICY.min_gap + 1e-9
        everything = sorted(client.requests)
        spacing = [b - a for a, b in itertools.pairwise(everything)]
        assert min(spacing) >= POLICY.min_gap - 1e-9  # never a burst

    run(main)


def test_concurrency_cap_holds(tmp_path: Path) -> None:
    async def main() -> None:
        vt = VirtualTime()
        client = FakeClient(vt, duration=6.0)
        in_flight = 0
        peak = 0
        original = client.get_task

        async def slow_get(task_id: str) -> TaskInfo:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            for _ in range(20):  # stay in flight while the scheduler keeps running
                await asyncio.sleep(0)
            try:
                return await original(task_id)
            finally:
                in_flight -= 1

        client.get_task = slow_get  # type: ignore[method-assign]
        policy = PollPolicy(min_gap=0.0, max_concurrent=2)
        async with make_runner(client, tmp_path, policy=policy) as runner:
            jobs = [await runner.submit(audio(f"Text {i}.")) for i in range(8)]
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert peak == 2

    run(main)


@pytest.mark.parametrize(
    "error",
    [
        ServerError("envelope -1", code=-1),
        ServerError("HTTP 500", http_status=500),
        ConnectionLost("dropped"),
        RequestTimeout("slow"),
        ConnectError("refused"),
    ],
)
def test_transient_errors_back_off_and_never_fail_the_job(tmp_path: Path, error: Exception) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.poll_errors = [error] * 6
        notes: list[str | None] = []
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio(), lambda j: notes.append(j.message))
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED
        polls = client.polls["audio_0000"]
        gaps = [round(b - a, 6) for a, b in itertools.pairwise(polls)]
        assert gaps[:6] == [5, 10, 20, 40, 60, 60]
        assert any(n and n.startswith("Reconnecting") for n in notes)
        assert job.message is None

    run(main)


def test_retry_after_is_obeyed(tmp_path: Path) -> None:
    async def main() -> None:
        from soundclone_desktop.api.errors import RateLimitError

        client = FakeClient(VirtualTime(), duration=5.0)
        client.poll_errors = [RateLimitError("slow down", http_status=429, retry_after=30)]
        async with make_runner(client, tmp_path) as runner:
            await runner.wait(await runner.submit(audio()))
        polls = client.polls["audio_0000"]
        assert polls[1] - polls[0] == pytest.approx(30)

    run(main)


def test_authentication_error_halts_everyone_until_resumed(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        async with make_runner(client, tmp_path) as runner:
            jobs = [await runner.submit(audio(f"Text {i}.")) for i in range(3)]
            client.poll_errors = [AuthenticationError("bad key", code=20001)]
            with pytest.raises(RunnerStoppedError, match="API key"):
                await runner.wait(jobs[0])
            assert runner.halted
            polls_at_halt = sum(len(p) for p in client.polls.values())
            await client.vt.sleep(300)
            for _ in range(50):
                await asyncio.sleep(0)
            assert sum(len(p) for p in client.polls.values()) == polls_at_halt
            assert all(not j.is_done and j.message and "API key" in j.message for j in jobs)
            runner.resume()
            await asyncio.gather(*(runner.wait(j) for j in jobs))
        assert all(j.state is JobState.DOWNLOADED for j in jobs)

    run(main)


@pytest.mark.parametrize(
    ("error", "reason", "phrase"),
    [
        (
            OutcomeUnknownError("no answer", RequestTimeout("t")),
            FailureReason.OUTCOME_UNKNOWN,
            "not sent again",
        ),
        (AuthenticationError("bad key", code=20001), FailureReason.KEY_REJECTED, "API key"),
        (
            BadRequestError("bad", code=20002, server_message="contentText too long"),
            FailureReason.REFUSED,
            "contentText too long",
        ),
        (
            ConnectError("refused"),
            FailureReason.UNREACHABLE,
            "could not reach the server, so nothing",
        ),
        (
            ServerError("busy", code=-1, server_message="upstream busy"),
            FailureReason.SERVER_BUSY,
            "upstream busy",
        ),
        (RuntimeError("bug"), FailureReason.OUTCOME_UNKNOWN, "may or may not"),
    ],
)
def test_create_errors_become_states(
    tmp_path: Path, error: Exception, reason: FailureReason, phrase: str
) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime())
        client.create_error = error
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio())
            unknown = reason is FailureReason.OUTCOME_UNKNOWN
            assert job.state is (JobState.OUTCOME_UNKNOWN if unknown else JobState.FAILED)
            assert job.reason is reason
            assert job.error and phrase.lower() in job.error.lower()
            assert await runner.wait(job) is job
        assert client.polls == {}

    run(main)


def test_invalid_parameters_are_never_sent(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime())
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio(speed=3.0))
        assert job.state is JobState.FAILED and job.error and "Speed" in job.error
        assert job.reason is FailureReason.INVALID
        assert client.tasks == {}

    run(main)


def test_server_side_failure_is_reported_in_a_sentence(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.final_status = TaskStatus.FAILED
        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(audio()))
        assert job.state is JobState.FAILED
        assert job.error == "The server could not finish this task: voice model expired."

    run(main)


def test_cancel_stops_polling_locally(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=100.0)
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio())
            await client.vt.sleep(20)
            assert runner.cancel(job)
            assert job.state is JobState.CANCELLED
            assert job.message and "server keeps task audio_0000" in job.message
            assert not runner.cancel(job)
            before = len(client.polls["audio_0000"])
            await client.vt.sleep(200)
            for _ in range(20):
                await asyncio.sleep(0)
            assert len(client.polls["audio_0000"]) == before

    run(main)


def test_cancel_while_sending_takes_effect_once_the_id_is_known(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime())
        async with make_runner(client, tmp_path) as runner:
            jobs: list[Job] = []
            pending = asyncio.ensure_future(runner.submit(audio(), jobs.append))
            await asyncio.sleep(0)
            assert runner.cancel(jobs[0])
            job = await pending
        assert job.state is JobState.CANCELLED and job.task_id == "audio_0000"

    run(main)


def test_long_task_is_flagged_and_still_followed(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=2400.0)
        notes: list[str] = []
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(audio(), lambda j: j.message and notes.append(j.message))
            start = job.submitted_at
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED
        assert any("unusually long" in n for n in notes)
        assert start is not None
        late = [t for t in client.polls["audio_0000"] if t - start > POLICY.long_after + 1]
        gaps = [b - a for a, b in itertools.pairwise(late)]
        assert gaps and min(gaps) >= POLICY.long_interval - 1e-9

    run(main)


def test_download_failures_retry_only_what_is_missing(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.download_errors["subtitles"] = [ConnectionLost("cut"), ServerError("502")]
        notes: list[str] = []
        async with make_runner(client, tmp_path) as runner:
            job = await runner.submit(
                audio(subtitles=True), lambda j: j.message and notes.append(j.message)
            )
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED and job.subtitle_path is not None
        assert client.downloads.count("audio_0000") == 1
        assert client.downloads.count("audio_0000.subtitles") == 1
        assert any("downloading it failed" in n for n in notes)

    run(main)


def test_a_too_large_result_fails_with_a_sentence(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.download_errors["audio"] = [DownloadTooLarge("big", limit=100_000_000)]
        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(audio()))
        assert job.state is JobState.FAILED and job.error and "100 MB" in job.error

    run(main)


def test_missing_subtitles_are_noted(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.subtitles = False
        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(audio(subtitles=True)))
        assert job.state is JobState.DOWNLOADED
        assert job.message and "no subtitle file" in job.message

    run(main)


def test_preview_records_the_model_id(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        params = PreviewParams(file_url="https://files.test/voice.wav")
        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(params, dest_dir=tmp_path / "voices"))
        assert job.kind is JobKind.PREVIEW and job.model_id == "model_new"
        assert job.chars == 44  # the default line is billed
        assert job.audio_path == tmp_path / "voices" / "audio_0000.mp3"

    run(main)


def test_preview_without_model_id_fails(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)
        client.model_id = ""
        params = PreviewParams(file_url="https://files.test/voice.wav")
        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(params))
        assert job.state is JobState.FAILED and job.error and "voice model ID" in job.error

    run(main)


def test_track_follows_an_existing_task_at_once(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=0.0)
        client.tasks["audio_old"] = (0.0, 0.0, "audio")
        async with make_runner(client, tmp_path) as runner:
            job = runner.track("audio_old")
            assert job.state is JobState.SUBMITTED
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED and job.polls == 1
        assert client.polls["audio_old"][0] - 1000.0 < 1.0

    run(main)


def test_estimator_learns_from_finished_jobs(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=30.0)
        estimator = FinishEstimator({"audio": (6.0, 0.0)})
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            for i in range(6):
                await runner.wait(await runner.submit(audio(f"Sentence {i}.")))
        assert estimator.observations() == 6
        assert estimator.expected_duration(12) == pytest.approx(30.0, abs=4.0)

    run(main)


def test_callback_errors_do_not_break_the_job(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=5.0)

        def broken(job: Job) -> None:
            raise ValueError("UI bug")

        async with make_runner(client, tmp_path) as runner:
            job = await runner.wait(await runner.submit(audio(), broken))
        assert job.state is JobState.DOWNLOADED

    run(main)


def test_aclose_cancels_cleanly_and_wait_reports_it(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=1000.0)
        runner = make_runner(client, tmp_path)
        job = await runner.submit(audio())
        waiter = asyncio.ensure_future(runner.wait(job))
        await asyncio.sleep(0)
        await runner.aclose()
        with pytest.raises(RunnerStoppedError):
            await waiter
        assert job.state is JobState.QUEUED  # unfinished, so it can be tracked again
        with pytest.raises(RuntimeError):
            await runner.submit(audio())
        ours = [t for t in asyncio.all_tasks() if t.get_name().startswith("soundclone-")]
        assert all(t.done() for t in ours)

    run(main)


def test_an_overdue_job_expects_the_next_check(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=60.0)
        estimator = FinishEstimator({"audio": (10.0, 0.0)})
        seen: list[float | None] = []
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            job = await runner.submit(audio(), lambda j: seen.append(j.expected_in(client.vt.now)))
            await runner.wait(job)
        pending = [s for s in seen[3:-2] if s is not None]  # after the first poll, before done
        assert pending and all(s > 0 for s in pending)

    run(main)


def test_wait_refuses_a_foreign_job(tmp_path: Path) -> None:
    async def main() -> None:
        async with make_runner(FakeClient(VirtualTime()), tmp_path) as runner:
            with pytest.raises(ValueError):
                await runner.wait(Job(kind=JobKind.AUDIO))

    run(main)


def test_a_create_finishing_after_aclose_leaves_the_job_submitted(tmp_path: Path) -> None:
    async def main() -> None:
        client = FakeClient(VirtualTime())
        gate = asyncio.Event()
        original = client.create_audio

        async def slow_create(params: ProductionParams) -> TaskInfo:
            await gate.wait()
            return await original(params)

        client.create_audio = slow_create  # type: ignore[method-assign]
        runner = make_runner(client, tmp_path)
        pending = asyncio.ensure_future(runner.submit(audio()))
        await asyncio.sleep(0)
        await runner.aclose()
        gate.set()
        job = await pending
        assert job.state is JobState.QUEUED and job.task_id == "audio_0000"
        await asyncio.sleep(0)
        assert client.polls == {}  # no scheduler was started after closing

    run(main)


def test_repeated_ten_second_tasks_settle_just_after_they_finish(tmp_path: Path) -> None:
    """The estimate converges instead of swinging (it used to go 8.5 → 11.5 → 6.5 s, and
    every too-early first poll cost a whole interval)."""

    async def main() -> None:
        client = FakeClient(VirtualTime(), duration=10.0)
        estimator = FinishEstimator()  # the real priors: 6 s + 10 ms per character
        estimates: list[float] = []
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            for i in range(40):
                job = await runner.wait(await runner.submit(audio(f"Sentence {i:02d}.")))
                estimates.append(estimator.expected_duration(job.chars or 0))
        late = [client.polls[task][-1] - (created + 10.0) for task, (created, _, _) in
                client.tasks.items()]  # fmt: skip
        settled = estimates[10:]
        assert max(settled) / min(settled) < 1.12, settled  # a small sawtooth, no swings
        assert min(settled) > 8.5 and max(settled) < 10.5, settled
        assert statistics.median(late[10:]) < 1.0, late  # audio found ≤ 1 s after it is ready
        first_poll_found_it = sum(len(client.polls[task]) == 1 for task in list(client.tasks)[10:])
        assert first_poll_found_it >= 20, late

    run(main)


class SteppedTime(VirtualTime):
    """Time moves only when the test moves it, so tasks can be submitted while others wait."""

    def __init__(self) -> None:
        super().__init__()
        self._moved: asyncio.Event | None = None

    async def sleep(self, seconds: float) -> None:
        until = self.now + max(0.0, seconds)
        while self.now < until:
            self._moved = self._moved or asyncio.Event()
            self._moved.clear()
            await self._moved.wait()

    async def advance(self, seconds: float, step: float = 0.05) -> None:
        end = self.now + seconds
        while self.now < end:
            self.now = min(end, self.now + step)
            if self._moved is not None:
                self._moved.set()
            for _ in range(5):  # let every woken task run
                await asyncio.sleep(0)


def test_a_finished_task_moves_the_first_polls_still_to_come(tmp_path: Path) -> None:
    """Tasks submitted a moment ago do not repeat the mistake the estimator just learnt
    from: their first polls follow the new estimate."""

    async def main() -> None:
        vt = SteppedTime()
        client = FakeClient(vt, duration=10.0)
        estimator = FinishEstimator({"audio": (20.0, 0.0)})  # twice too slow
        async with make_runner(client, tmp_path, estimator=estimator) as runner:
            start = vt.now
            jobs = []
            for _ in range(3):  # one every 2.5 s, each first aimed at 22 s after its submission
                jobs.append(await runner.submit(audio()))
                await vt.advance(2.5)
            await vt.advance(40.0)
            assert all(job.state is JobState.DOWNLOADED for job in jobs)
        aimed = 20.0 * (1 + POLICY.first_poll_margin)
        first = [client.polls[job.task_id or ""][0] - start for job in jobs]
        assert first[0] == pytest.approx(aimed, abs=0.1)  # nothing learnt yet
        # The first one was found done: the other two are looked at right after it.
        assert first[1] < 2.5 + aimed - 1.5 and first[2] < 5.0 + aimed - 3.0, first

    run(main)
