"""Retries under the demo server's injected faults, checked against its billing ledger.

Reads are retried after anything retryable; a create is resent only when the server
provably did not process it, and otherwise ends in OutcomeUnknownError — never in a
second charge.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop.api import (
    AUDIO_KINDS,
    ConnectionLost,
    MalformedResponseError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    RetryPolicy,
    ServerError,
    SoundCloneClient,
    TaskStatus,
)
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import (
    RetryLog,
    RunClient,
    api_requests,
    audio_params,
    charges_by_task,
    wait_until_terminal,
)
from tests.served_audio import is_mp3

ALL_KINDS = ("http500", "envelope", "timeout", "drop", "malformed", "slow", "http429")
PROVABLY_UNPROCESSED = ("http500", "envelope", "http429")
MAYBE_PROCESSED = ("timeout", "drop", "malformed")

Factory = Callable[..., DemoServer]


def _server(make_demo_server: Factory, **config: object) -> DemoServer:
    # Faults that sleep are kept short; stop() interrupts them anyway.
    config.setdefault("fault_delay", 0.2)
    config.setdefault("slow_delay", 0.2)
    return make_demo_server(**config)


def _assert_charged_once_each(server: DemoServer, task_ids: list[str]) -> None:
    charges = charges_by_task(server)
    assert sorted(charges) == sorted(task_ids), "a task was charged that the client never saw"
    for task_id in task_ids:
        items = charges[task_id]
        assert len(items) == len(set(items)), f"{task_id} charged twice: {items}"


# -- reads ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_polling_survives_every_fault_kind(
    make_demo_server: Factory, run_client: RunClient, retry_log: RetryLog, kind: str
) -> None:
    server = _server(make_demo_server)

    async def body(client: SoundCloneClient) -> list[str]:
        ids = []
        for text in ("First task.", "Second task."):
            task = await client.create_audio(audio_params(text))
            ids.append(task.id)
            server.inject(kind, count=2, path_contains="/audios/")  # the next two polls fail
            done = await wait_until_terminal(client, task.id)
            assert done.status is TaskStatus.COMPLETED
        return ids

    ids = run_client(server, body)
    _assert_charged_once_each(server, ids)
    faulted = [r for r in api_requests(server, "/audios/") if r["fault"]]
    assert len(faulted) == 4
    if kind != "slow":  # a slow answer is still an answer
        assert len(retry_log.retries) == 4


@pytest.mark.parametrize("kind", ("http500", "envelope", "timeout", "drop", "malformed", "http429"))
def test_random_read_faults_with_a_seed(
    make_demo_server: Factory, run_client: RunClient, retry_log: RetryLog, kind: str
) -> None:
    server = _server(make_demo_server, fail_rate=0.4, faults=[kind], fault_scope="reads", seed=7)
    patient = RetryPolicy(max_attempts=12, base_delay=0.001, max_delay=0.01, jitter=0.0)

    async def body(client: SoundCloneClient) -> list[str]:
        ids = [(await client.create_audio(audio_params(f"Task {n}."))).id for n in range(3)]
        for task_id in ids:
            assert (await wait_until_terminal(client, task_id)).status is TaskStatus.COMPLETED
        assert (await client.get_balance()).available is not None
        return ids

    ids = run_client(server, body, retry=patient)
    _assert_charged_once_each(server, ids)
    faulted = [r for r in api_requests(server) if r["fault"]]
    assert faulted, "the seed produced no fault at all"
    # Each fault was met by the client (one retry each), not just logged by the server.
    assert len(retry_log.retries) == len(faulted)


def test_read_timeout_is_retried(
    make_demo_server: Factory, run_client: RunClient, retry_log: RetryLog
) -> None:
    # The server stalls longer than the client's read timeout: a RequestTimeout, retried.
    # The checks below prove the timeout happened (a test that only awaited the balance
    # passed when the demo's timeout fault answered normally).
    server = _server(make_demo_server, fault_delay=3.0)

    async def body(client: SoundCloneClient) -> None:
        server.inject("timeout", count=1, path_contains="user/balance")
        balance = await client.get_balance()
        assert balance.balance is not None

    run_client(server, body, timeout=0.5)
    assert [(r[0], type(r[2])) for r in retry_log.retries] == [(1, RequestTimeout)]
    assert len(api_requests(server, "user/balance")) == 2  # the stalled one, then the retry


def test_read_gives_up_after_max_attempts(
    make_demo_server: Factory, run_client: RunClient, retry_log: RetryLog
) -> None:
    server = _server(make_demo_server)

    async def body(client: SoundCloneClient) -> None:
        server.inject("http500", count=10, path_contains="user/balance")
        await client.get_balance()

    with pytest.raises(ServerError):
        run_client(server, body)
    assert len(api_requests(server, "user/balance")) == 4
    assert [r[0] for r in retry_log.retries] == [1, 2, 3]
    assert retry_log.sleeps == [0.01, 0.02, 0.04]  # exponential, no jitter in FAST_RETRY


# -- creates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PROVABLY_UNPROCESSED)
@pytest.mark.parametrize("endpoint", ["audios", "clones"])
def test_create_is_resent_after_an_explicit_error(
    make_demo_server: Factory,
    run_client: RunClient,
    retry_log: RetryLog,
    kind: str,
    endpoint: str,
) -> None:
    server = _server(make_demo_server)
    params = (
        audio_params()
        if endpoint == "audios"
        else audio_params().__class__(fileUrl=server.base_url + "/files/x.wav", soundVersion="v2")
    )

    async def body(client: SoundCloneClient) -> str:
        server.inject(kind, count=2, path_contains=f"soundCloning/{endpoint}")
        create = client.create_audio if endpoint == "audios" else client.create_preview
        return (await create(params)).id

    task_id = run_client(server, body)
    assert len(api_requests(server, f"soundCloning/{endpoint}")) == 3
    _assert_charged_once_each(server, [task_id])
    assert len(retry_log.retries) == 2
    if kind == "http429":
        assert retry_log.sleeps == [1.0, 1.0]  # Retry-After: 1, not the 0.01 s backoff
        assert all(isinstance(r[2], RateLimitError) for r in retry_log.retries)


@pytest.mark.parametrize(
    ("kind", "cause"),
    [("drop", ConnectionLost), ("timeout", ConnectionLost), ("malformed", MalformedResponseError)],
)
def test_create_with_unknown_outcome_is_never_resent(
    make_demo_server: Factory,
    run_client: RunClient,
    retry_log: RetryLog,
    kind: str,
    cause: type[Exception],
) -> None:
    server = _server(make_demo_server)

    async def body(client: SoundCloneClient) -> None:
        server.inject(kind, count=1, path_contains="soundCloning/audios")
        await client.create_audio(audio_params())

    with pytest.raises(OutcomeUnknownError) as info:
        run_client(server, body)
    assert isinstance(info.value.cause, cause)
    assert info.value.__cause__ is info.value.cause
    assert len(api_requests(server, "soundCloning/audios")) == 1
    assert retry_log.retries == []
    charges = charges_by_task(server)
    assert len(charges) <= 1  # the server did process it: one charge, never two
    for items in charges.values():
        assert len(items) == len(set(items))


def test_create_timeout_is_outcome_unknown(
    make_demo_server: Factory, run_client: RunClient
) -> None:
    server = _server(make_demo_server, fault_delay=3.0)

    async def body(client: SoundCloneClient) -> None:
        server.inject("timeout", count=1, path_contains="soundCloning/audios")
        await client.create_audio(audio_params())

    with pytest.raises(OutcomeUnknownError) as info:
        run_client(server, body, timeout=0.5)
    assert isinstance(info.value.cause, RequestTimeout)
    assert len(api_requests(server, "soundCloning/audios")) == 1
    assert len(charges_by_task(server)) == 1


def test_create_after_explicit_errors_then_unknown_outcome(
    make_demo_server: Factory, run_client: RunClient
) -> None:
    """A resend after a `-1` that then gets no answer is still outcome-unknown."""
    server = _server(make_demo_server)

    async def body(client: SoundCloneClient) -> None:
        server.inject("envelope", count=1, path_contains="soundCloning/audios")
        server.inject("drop", count=1, path_contains="soundCloning/audios")
        await client.create_audio(audio_params())

    with pytest.raises(OutcomeUnknownError):
        run_client(server, body)
    assert len(api_requests(server, "soundCloning/audios")) == 2
    assert len(charges_by_task(server)) == 1


def test_random_create_faults_never_charge_twice(
    make_demo_server: Factory, run_client: RunClient
) -> None:
    server = _server(make_demo_server, fail_rate=0.5, fault_scope="creates", seed=3)
    outcomes: list[str] = []

    async def body(client: SoundCloneClient) -> list[str]:
        ids = []
        for n in range(12):
            try:
                ids.append((await client.create_audio(audio_params(f"Line {n}."))).id)
                outcomes.append("ok")
            except OutcomeUnknownError:
                outcomes.append("unknown")
            except (ServerError, RateLimitError):
                outcomes.append("gave up")
        return ids

    ids = run_client(server, body)
    creates = api_requests(server, "soundCloning/audios")
    charges = charges_by_task(server)
    assert set(ids) <= set(charges)
    # Every charged task is one the client saw, or one whose outcome it reported unknown.
    assert len(charges) == len(ids) + outcomes.count("unknown")
    for items in charges.values():
        assert sorted(items) == ["sound-cloning-audio", "sound-cloning-voice"]
    assert len(creates) > 12 and "unknown" in outcomes  # the seed exercised both paths


# -- uploads ---------------------------------------------------------------------------------------


def test_upload_is_resent_after_an_explicit_error(
    make_demo_server: Factory, run_client: RunClient, tmp_path: Path
) -> None:
    server = _server(make_demo_server)
    source = tmp_path / "voice.mp3"
    source.write_bytes(b"ID3" + bytes(300_000))
    progress: list[tuple[int, int | None]] = []

    async def body(client: SoundCloneClient) -> str:
        server.inject("http500", count=1, path_contains="files/upload")
        result = await client.upload_file(source, progress=lambda a, b: progress.append((a, b)))
        return result.url

    assert run_client(server, body).endswith(".mp3")
    assert len(api_requests(server, "files/upload")) == 2
    assert progress.count((0, 300_003)) == 2  # progress restarts with the resend
    assert progress[-1] == (300_003, 300_003)


@pytest.mark.parametrize("kind", MAYBE_PROCESSED)
def test_upload_with_unknown_outcome_is_not_resent(
    make_demo_server: Factory, run_client: RunClient, tmp_path: Path, kind: str
) -> None:
    server = _server(make_demo_server)
    source = tmp_path / "voice.wav"
    source.write_bytes(b"RIFF" + bytes(1000))

    async def body(client: SoundCloneClient) -> None:
        server.inject(kind, count=1, path_contains="files/upload")
        await client.upload_file(source)

    # Uploads are free: the plain error is raised (not OutcomeUnknownError), but 100 MB is
    # not sent twice behind the user's back.
    with pytest.raises((ConnectionLost, MalformedResponseError)):
        run_client(server, body)
    assert len(api_requests(server, "files/upload")) == 1


# -- downloads -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_download_survives_every_fault_kind(
    make_demo_server: Factory, run_client: RunClient, tmp_path: Path, kind: str
) -> None:
    server = _server(make_demo_server)
    out = tmp_path / "out"

    async def body(client: SoundCloneClient) -> None:
        task = await client.create_audio(audio_params())
        done = await wait_until_terminal(client, task.id)
        assert done.audio_url
        server.inject(kind, count=2, path_contains="/files/")
        result = await client.download(done.audio_url, out, "result", expect=AUDIO_KINDS)
        assert result.kind == "mp3" and is_mp3(result.path.read_bytes())

    run_client(server, body)
    assert sorted(p.name for p in out.iterdir()) == ["result.mp3"]  # no .part left over
