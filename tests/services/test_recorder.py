"""JobRecorder and resume_unfinished against the real demo server and a real library file.

The server's request log and ledger are the oracle for "never sent again" and "charged
once"; the library file is read back through a second connection, as a restarted app would.
"""

from __future__ import annotations

import asyncio
import json
import urllib.request
import wave
from collections.abc import Callable, Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.pricing import PriceTable, estimate_production
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services import messages
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.recorder import (
    DEMO_TASK_LOST,
    JobRecorder,
    job_from_record,
    price_estimate,
    resubmit_params,
    resume_unfinished,
)
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.store.library import TaskLibrary
from tests.owners import pretend_written_by_a_dead_process

MakeServer = Callable[..., DemoServer]
FAST = PollPolicy(
    min_interval=0.1, interval=0.1, max_interval=0.2, min_gap=0.0, max_concurrent=4,
    backoff_initial=0.1, backoff_max=0.5, long_after=60.0, long_interval=1.0,
)  # fmt: skip
QUICK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.02, max_delay=0.05)
PRICES = PriceTable(Decimal("10"), Decimal("20"), Decimal("0.5"))
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


def run(coro: Callable[[], Coroutine[Any, Any, None]], timeout: float = 60) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout))


def speech(text: str = "Hello there.<#0.5#>Welcome back.", **kw: Any) -> ProductionParams:
    return ProductionParams(model_id=DEMO_VOICE_ID, text=text, **kw)


def runner_for(server: DemoServer, results: Path, **kw: Any) -> tuple[SoundCloneClient, TaskRunner]:
    client = SoundCloneClient(server.base_url, server.token, retry=QUICK_RETRY, timeout=2.0)
    estimator = FinishEstimator({"audio": (0.3, 0.0), "preview": (0.3, 0.0)})
    return client, TaskRunner(client, results, policy=FAST, estimator=estimator, **kw)


def creates(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.requests_log() if e["method"] == "POST" and e["path"] == CREATE_PATH]


def create_directly(server: DemoServer, params: ProductionParams) -> str:
    """A task created outside the app (another run that died before saving its answer)."""
    request = urllib.request.Request(
        server.base_url + CREATE_PATH,
        data=json.dumps(params.to_json()).encode(),
        headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["data"]["id"])


@pytest.fixture
def library(tmp_path: Path) -> TaskLibrary:
    lib = TaskLibrary(tmp_path / "library.sqlite3")
    yield lib  # type: ignore[misc]
    lib.close()


# -- recording --------------------------------------------------------------------------------


def test_the_intent_is_recorded_before_the_create_request(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path
) -> None:
    seen_at_create: list[tuple[int, JobState | None]] = []

    async def main() -> None:
        client, runner = runner_for(demo_server, tmp_path / "results")
        original = client.create_audio

        async def create_audio(params: ProductionParams) -> Any:
            # What a restarted app would find if the process died now: read the file anew.
            with TaskLibrary(library.path) as other:
                rows = other.search()
                seen_at_create.append((len(rows), rows[0].state if rows else None))
            return await original(params)

        client.create_audio = create_audio  # type: ignore[method-assign]
        recorder = JobRecorder(library, base_url=demo_server.base_url, demo=False,
                               estimate=price_estimate(lambda: PRICES))  # fmt: skip
        runner._on_update = recorder
        async with client, runner:
            job = await runner.submit(speech(subtitles=True))
            await runner.wait(job)
        assert job.state is JobState.DOWNLOADED, job.error
        assert seen_at_create == [(1, JobState.SENDING)]
        record = library.get(job.local_id)
        assert record is not None and record.state is JobState.DOWNLOADED
        assert record.task_id == job.task_id and record.params == job.params
        assert record.audio_path == job.audio_path and record.subtitle_path == job.subtitle_path
        assert record.audio_path is not None and record.audio_path.is_file()
        # 25 billable characters at 20 per 10k, plus the 0.5 voice fee.
        assert job.chars == 25 and record.chars == 25
        assert record.estimate == estimate_production(25, PRICES).total == Decimal("0.55")
        assert record.currency == "JimiCoin"
        assert record.duration is not None and record.duration > 1.0
        states = [state for state, _at in library.events(job.local_id)]
        assert states[0] is JobState.SENDING and states[-1] is JobState.DOWNLOADED
        assert JobState.SUBMITTED in states and JobState.DOWNLOADING in states

    run(main)


def test_a_reconnecting_session_records_each_job_with_its_own_server(
    library: TaskLibrary,
) -> None:
    server = {"url": "http://first", "demo": True}
    recorder = JobRecorder(library, base_url=lambda: str(server["url"]),
                           demo=lambda: bool(server["demo"]))  # fmt: skip
    job = Job(kind=JobKind.AUDIO, params=speech())
    recorder(job)
    server.update(url="http://second", demo=False)  # the session moved on
    job.state, job.task_id = JobState.SUBMITTED, "audio_1"
    recorder(job)
    other = Job(kind=JobKind.AUDIO, params=speech())
    recorder(other)
    first, second = library.get(job.local_id), library.get(other.local_id)
    assert first is not None and (first.base_url, first.demo) == ("http://first", True)
    assert second is not None and (second.base_url, second.demo) == ("http://second", False)


def test_the_estimate_is_taken_when_sending_only(library: TaskLibrary) -> None:
    asked: list[str] = []

    def estimate(job: Job) -> tuple[Decimal | None, str | None]:
        asked.append(job.state.value)
        return Decimal("1"), "JimiCoin"

    recorder = JobRecorder(library, base_url="http://x", demo=False, estimate=estimate)
    recorder(Job(kind=JobKind.AUDIO, params=speech(), task_id="a", state=JobState.SUBMITTED))
    sent = Job(kind=JobKind.AUDIO, params=speech())
    recorder(sent)
    assert asked == ["sending"]
    no_prices = price_estimate(lambda: PriceTable())
    assert no_prices(sent) == (None, None)
    preview = Job(kind=JobKind.PREVIEW, params=PreviewParams(file_url="https://x/a.wav"), chars=0)
    assert price_estimate(lambda: PRICES)(preview) == (Decimal("0.044"), "JimiCoin")


def test_a_finished_job_is_written_once_with_its_length(
    library: TaskLibrary, tmp_path: Path
) -> None:
    """State, path and the audio's length go to the disk in one write on the GUI thread."""
    audio = tmp_path / "audio_1.wav"
    with wave.open(str(audio), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 12_000)  # 1.5 s
    writes: list[str] = []
    library.add_listener(writes.append)
    recorder = JobRecorder(library, base_url="http://x", demo=False)
    job = Job(kind=JobKind.AUDIO, params=speech(), task_id="audio_1", state=JobState.DOWNLOADING)
    recorder(job)
    writes.clear()
    job.state, job.audio_path = JobState.DOWNLOADED, audio
    recorder(job)
    assert writes == [job.local_id]
    record = library.get(job.local_id)
    assert record is not None and record.state is JobState.DOWNLOADED
    assert record.audio_path == audio and record.duration == 1.5
    recorder(job)  # told again (a listener may be called twice): nothing new to write
    assert writes == [job.local_id]


# -- resuming ---------------------------------------------------------------------------------


def test_resume_settles_every_kind_of_unfinished_task(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_written_by_a_dead_process(monkeypatch)  # an earlier run, which died
    results = tmp_path / "results"
    url = demo_server.base_url
    # 1. Died while sending: no task id. 2. Died while polling. 3. Died mid-download, with
    # the audio already saved but not the subtitles. 4. An old in-process demo task.
    # 5. Another server's task. 6. Finished long ago.
    sending = Job(kind=JobKind.AUDIO, params=speech("Never answered."))
    polling = Job(kind=JobKind.AUDIO, params=speech("Was polling."), state=JobState.QUEUED,
                  task_id=create_directly(demo_server, speech("Was polling.")))  # fmt: skip
    half = speech("Half downloaded.", subtitles=True)
    half_job = Job(kind=JobKind.AUDIO, params=half, state=JobState.DOWNLOADING,
                   task_id=create_directly(demo_server, half))  # fmt: skip
    results.mkdir()
    kept = results / f"{half_job.task_id}.wav"
    kept.write_bytes(b"RIFF-kept")
    half_job.audio_path = kept
    old_demo = Job(kind=JobKind.AUDIO, params=speech(), state=JobState.PROCESSING, task_id="x1")
    elsewhere = Job(kind=JobKind.AUDIO, params=speech(), state=JobState.QUEUED, task_id="x2")
    done = Job(kind=JobKind.AUDIO, params=speech(), state=JobState.DOWNLOADED, task_id="x3")
    for job in (sending, polling, half_job, done):
        library.record(job, base_url=url + "/", demo=False)
    library.record(old_demo, base_url="http://127.0.0.1:1", demo=True)
    library.record(elsewhere, base_url="https://api.example.com", demo=False)
    creates_before = len(creates(demo_server))
    updates: list[Job] = []

    async def main() -> None:
        client, runner = runner_for(demo_server, results)
        runner._on_update = JobRecorder(library, base_url=url, demo=False)
        async with client, runner:
            report = await resume_unfinished(
                runner, library, base_url=url, demo=False, on_update=updates.append
            )
            for job in report.resumed:
                await runner.wait(job)
        assert [r.local_id for r in report.outcome_unknown] == [sending.local_id]
        assert report.outcome_unknown[0].state is JobState.OUTCOME_UNKNOWN
        assert [r.local_id for r in report.lost] == [old_demo.local_id]
        assert [r.local_id for r in report.other_server] == [elsewhere.local_id]
        resumed = {job.local_id: job for job in report.resumed}
        assert set(resumed) == {polling.local_id, half_job.local_id}
        assert {job.local_id for job in updates} == set(resumed)
        for job in resumed.values():
            assert job.state is JobState.DOWNLOADED, job.error

    run(main)
    assert len(creates(demo_server)) == creates_before  # nothing was sent again
    unknown = library.get(sending.local_id)
    assert unknown is not None and unknown.state is JobState.OUTCOME_UNKNOWN
    assert unknown.reason == FailureReason.OUTCOME_UNKNOWN
    assert unknown.error == messages.OUTCOME_INTERRUPTED
    lost = library.get(old_demo.local_id)
    assert lost is not None and lost.state is JobState.FAILED and lost.error == DEMO_TASK_LOST
    assert library.get(elsewhere.local_id).state is JobState.QUEUED  # type: ignore[union-attr]
    for original in (polling, half_job):
        record = library.get(original.local_id)
        assert record is not None and record.state is JobState.DOWNLOADED
        assert record.created_at == original.created_at  # the same entry, not a new one
        assert record.audio_path is not None and record.audio_path.is_file()
    half_record = library.get(half_job.local_id)
    assert half_record is not None and half_record.audio_path == kept
    assert kept.read_bytes() == b"RIFF-kept"  # only the missing subtitles were fetched
    assert half_record.subtitle_path is not None and half_record.subtitle_path.is_file()
    assert library.unfinished(url) == []


def test_resume_skips_jobs_this_process_is_following(
    make_demo_server: MakeServer, library: TaskLibrary, tmp_path: Path
) -> None:
    server = make_demo_server(task_seconds=1.0)

    async def main() -> None:
        client, runner = runner_for(server, tmp_path / "results")
        runner._on_update = JobRecorder(library, base_url=server.base_url, demo=False)
        async with client, runner:
            job = await runner.submit(speech())
            report = await resume_unfinished(runner, library, base_url=server.base_url,
                                             demo=False)  # fmt: skip
            assert report.empty
            other = Job(kind=JobKind.AUDIO, params=speech(), task_id="t", state=JobState.QUEUED)
            library.record(other, base_url=server.base_url, demo=False)
            report = await resume_unfinished(runner, library, base_url=server.base_url,
                                             demo=False, skip={other.local_id})  # fmt: skip
            assert report.empty
            await runner.wait(job)

    run(main)


def test_on_the_demo_every_old_demo_task_is_lost_and_real_ones_wait(
    demo_server: DemoServer, library: TaskLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend_written_by_a_dead_process(monkeypatch)  # an earlier run, which died
    # Even at the same address: a new in-process demo server knows none of the old ids.
    old = Job(kind=JobKind.AUDIO, params=speech(), state=JobState.QUEUED, task_id="audio_1")
    library.record(old, base_url=demo_server.base_url, demo=True)
    sending = Job(kind=JobKind.AUDIO, params=speech())
    library.record(sending, base_url=demo_server.base_url, demo=True)
    real = Job(kind=JobKind.AUDIO, params=speech(), state=JobState.QUEUED, task_id="audio_2")
    library.record(real, base_url="https://api.example.com", demo=False)

    async def main() -> None:
        client, runner = runner_for(demo_server, tmp_path / "results")
        async with client, runner:
            report = await resume_unfinished(runner, library, base_url=demo_server.base_url,
                                             demo=True)  # fmt: skip
        assert {r.local_id for r in report.lost} == {old.local_id, sending.local_id}
        assert [r.local_id for r in report.other_server] == [real.local_id]
        assert report.resumed == [] and report.outcome_unknown == []

    run(main)
    assert demo_server.requests_log() == []  # nothing polled, nothing sent


def test_resubmit_params_and_jobs_from_records(library: TaskLibrary) -> None:
    job = Job(kind=JobKind.AUDIO, params=speech(emotion="sad"))
    library.record(job, base_url="http://x", demo=False)
    library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown",
                 error=messages.OUTCOME_INTERRUPTED)  # fmt: skip
    record = library.get(job.local_id)
    assert record is not None and resubmit_params(record) == speech(emotion="sad")
    shown = job_from_record(record)
    assert shown.local_id == job.local_id and shown.state is JobState.OUTCOME_UNKNOWN
    assert shown.reason is FailureReason.OUTCOME_UNKNOWN
    assert isinstance(shown.error, messages.JobText)  # so the UI can translate it
    assert shown.error.key == messages.OUTCOME_INTERRUPTED.key
    invalid = Job(kind=JobKind.AUDIO, params=ProductionParams(model_id="", text=""))
    library.record(invalid, base_url="http://x", demo=False)
    assert resubmit_params(library.get(invalid.local_id)) is None  # type: ignore[arg-type]
