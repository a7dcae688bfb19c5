"""The voice-usage job listener: unit rules, and the lifecycle against the real demo server.

Against the demo server the voice is really cloned, then either used (the server makes it
permanent; so does the library) or left three days (the server clock and the library clock
both move on; the server refuses it and the library records that).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.core.voices import VALIDITY_SECONDS, VoiceStatus
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.messages import JobText
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import TaskRunner
from soundclone_desktop.services.voice_usage import VoiceUsageRecorder
from soundclone_desktop.store.voices import Voice, VoiceLibrary

MakeServer = Callable[..., DemoServer]
FAST = dataclasses.replace(
    PollPolicy.for_demo(), min_interval=0.1, interval=0.1, max_interval=0.2, min_gap=0.0
)
SOURCE_URL = "https://example.com/recordings/narrator.wav"  # the demo trusts remote files


class Clock:
    def __init__(self) -> None:
        self.now = 0.0  # set from the server clock once it is known

    def __call__(self) -> float:
        return self.now


class Records:
    """A library stand-in that records calls."""

    def __init__(self) -> None:
        self.used: list[tuple[str, float, bool | None]] = []
        self.expired: list[tuple[str, bool | None]] = []

    def mark_used(self, model_id: str, at: float, *, demo: bool | None = None) -> bool:
        self.used.append((model_id, at, demo))
        return True

    def mark_expired(self, model_id: str, *, demo: bool | None = None) -> bool:
        self.expired.append((model_id, demo))
        return True


def job(state: JobState, *, kind: JobKind = JobKind.AUDIO, **kw: Any) -> Job:
    params = (
        ProductionParams(model_id="model_a", text="Hi.")
        if kind is JobKind.AUDIO
        else PreviewParams(file_url=SOURCE_URL)
    )
    return Job(kind=kind, params=params, state=state, **kw)


# -- rules ---------------------------------------------------------------------------------------


def test_completion_on_the_server_marks_the_voice_used_once() -> None:
    records = Records()
    recorder = VoiceUsageRecorder(records, clock=lambda: 42.0)
    j = job(JobState.QUEUED)
    recorder(j)
    assert records.used == []
    j.state = JobState.DOWNLOADING  # completed on the server; our download may still fail
    recorder(j)
    j.state = JobState.DOWNLOADED
    recorder(j)
    assert records.used == [("model_a", 42.0, None)]


def test_previews_and_other_endings_are_ignored() -> None:
    records = Records()
    recorder = VoiceUsageRecorder(records)
    recorder(job(JobState.DOWNLOADED, kind=JobKind.PREVIEW, model_id="model_new"))
    recorder(job(JobState.CANCELLED))
    recorder(job(JobState.OUTCOME_UNKNOWN, reason=FailureReason.OUTCOME_UNKNOWN))
    assert records.used == [] and records.expired == []


@pytest.mark.parametrize(
    ("reason", "server_said", "expired"),
    [
        (FailureReason.REFUSED, "modelId 'model_a' expired at 2026-06-21 10:00:00 UTC", True),
        (FailureReason.REFUSED, "modelId 'model_a' does not exist", True),
        (FailureReason.TASK_FAILED, "voice model_a is invalid", True),
        (FailureReason.REFUSED, "speed must be between 0.5 and 2", False),
        (FailureReason.SERVER_BUSY, "modelId expired", False),  # not a refusal of the voice
        (FailureReason.INVALID, "modelId is required", False),  # refused locally
    ],
)
def test_a_refusal_of_the_voice_marks_it_expired(
    reason: FailureReason, server_said: str, expired: bool
) -> None:
    records = Records()
    recorder = VoiceUsageRecorder(records)
    # Our sentence wraps the server's words; only the server's part is read.
    error = JobText(f"The server refused the request: {server_said}. Nothing…", "k", server_said)
    recorder(job(JobState.FAILED, reason=reason, error=error))
    assert records.expired == ([("model_a", None)] if expired else [])


def test_the_wrapping_sentence_alone_never_expires_a_voice() -> None:
    records = Records()
    recorder = VoiceUsageRecorder(records)
    error = JobText("The server refused the request: bad speed. Clone the voice again.", "k", "x")
    recorder(job(JobState.FAILED, reason=FailureReason.REFUSED, error=error))
    assert records.expired == []


def test_the_kind_of_server_is_passed_on() -> None:
    records = Records()
    on_demo = [True]
    recorder = VoiceUsageRecorder(records, clock=lambda: 1.0, demo=lambda: on_demo[0])
    recorder(job(JobState.DOWNLOADED))
    on_demo[0] = False
    recorder(job(JobState.DOWNLOADED))
    assert [demo for _id, _at, demo in records.used] == [True, False]


# -- against the demo server ---------------------------------------------------------------------


def run(coro: Callable[[], Coroutine[Any, Any, None]], timeout: float = 60) -> None:
    asyncio.run(asyncio.wait_for(coro(), timeout))


@contextlib.asynccontextmanager
async def runner_for(
    server: DemoServer, dest: Path, recorder: VoiceUsageRecorder
) -> AsyncIterator[TaskRunner]:
    """A runner on a real client for ``server``, reporting every job to ``recorder``."""
    async with (
        SoundCloneClient(server.base_url, server.token) as client,
        TaskRunner(
            client,
            dest,
            policy=FAST,
            estimator=FinishEstimator({"audio": (0.3, 0.0), "preview": (0.3, 0.0)}),
            on_update=recorder,
        ) as runner,
    ):
        yield runner


async def clone(runner: TaskRunner, library: VoiceLibrary) -> str:
    preview = await runner.wait(await runner.submit(PreviewParams(file_url=SOURCE_URL)))
    assert preview.state is JobState.DOWNLOADED and preview.model_id
    library.add(Voice(model_id=preview.model_id, name="Narrator", created_at=preview.created_at))
    if preview.audio_path is not None:
        library.store_preview(preview.model_id, Path(preview.audio_path))
    return preview.model_id


def speak(model_id: str) -> ProductionParams:
    return ProductionParams(model_id=model_id, text="Hello, this is my voice.")


def test_a_production_task_makes_the_voice_permanent(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    server = make_demo_server()
    clock = Clock()
    library = VoiceLibrary(tmp_path / "voices.sqlite3", clock=clock)
    recorder = VoiceUsageRecorder(library, clock=clock)

    async def scenario() -> None:
        async with runner_for(server, tmp_path / "results", recorder) as runner:
            model_id = await clone(runner, library)
            clock.now = library.get(model_id).created_at + 3600  # type: ignore[union-attr]
            assert library.status(library.get(model_id)) is VoiceStatus.TEMPORARY  # type: ignore[arg-type]

            done = await runner.wait(await runner.submit(speak(model_id)))
            assert done.state is JobState.DOWNLOADED
            voice = library.get(model_id)
            assert voice is not None and voice.activated_at is not None

            # Four days on, both sides agree: the voice still works.
            server.advance_clock(VALIDITY_SECONDS + 24 * 3600)
            clock.now += VALIDITY_SECONDS + 24 * 3600
            assert library.status(voice) is VoiceStatus.PERMANENT
            again = await runner.wait(await runner.submit(speak(model_id)))
            assert again.state is JobState.DOWNLOADED

    try:
        run(scenario)
    finally:
        library.close()


def test_an_unused_voice_expires_and_the_servers_refusal_is_recorded(
    make_demo_server: MakeServer, tmp_path: Path
) -> None:
    server = make_demo_server()
    clock = Clock()
    library = VoiceLibrary(tmp_path / "voices.sqlite3", clock=clock)
    recorder = VoiceUsageRecorder(library, clock=clock)

    async def scenario() -> None:
        async with runner_for(server, tmp_path / "results", recorder) as runner:
            model_id = await clone(runner, library)
            created = library.get(model_id).created_at  # type: ignore[union-attr]
            assert created is not None
            clock.now = created + VALIDITY_SECONDS - 60
            voice = library.get(model_id)
            assert voice is not None and library.status(voice) is VoiceStatus.TEMPORARY

            # The three days pass on both clocks.
            server.advance_clock(VALIDITY_SECONDS + 60)
            clock.now = created + VALIDITY_SECONDS + 60
            assert library.status(voice) is VoiceStatus.EXPIRED
            assert not voice.expired  # so far only our clock says so

            refused = await runner.wait(await runner.submit(speak(model_id)))
            assert refused.state is JobState.FAILED
            assert refused.reason is FailureReason.REFUSED
            voice = library.get(model_id)
            assert voice is not None and voice.expired  # the server's word, recorded
            clock.now = created  # even with the clock turned back
            assert library.status(voice) is VoiceStatus.EXPIRED

            # The demo's own voice is untouched by all this.
            ok = await runner.wait(await runner.submit(speak(DEMO_VOICE_ID)))
            assert ok.state is JobState.DOWNLOADED

    try:
        run(scenario)
    finally:
        library.close()
