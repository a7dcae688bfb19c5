"""Authentication errors, both envelope-code forms, HTTP-status mode, and the token staying
out of exception text and logs."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

import httpx
import pytest

from soundclone_desktop.api import (
    AuthenticationError,
    BadRequestError,
    OutcomeUnknownError,
    RetryPolicy,
    ServerError,
    SoundCloneClient,
    SoundCloneError,
    TaskStatus,
)
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import (
    RetryLog,
    RunClient,
    api_requests,
    audio_params,
    wait_until_terminal,
)

Factory = Callable[..., DemoServer]
SECRET = "sk-secret-5f1d0c7a9e"


@pytest.mark.parametrize("http_status_errors", [False, True])
@pytest.mark.parametrize("string_codes", [False, True])
def test_wrong_token_is_never_retried(
    make_demo_server: Factory,
    run_client: RunClient,
    retry_log: RetryLog,
    http_status_errors: bool,
    string_codes: bool,
) -> None:
    server = make_demo_server(http_status_errors=http_status_errors, string_codes=string_codes)

    async def body(client: SoundCloneClient) -> None:
        await client.create_audio(audio_params())

    with pytest.raises(AuthenticationError) as info:
        run_client(server, body, token="not-the-demo-token")
    assert info.value.code == 20001  # "20001" normalised to the int
    assert info.value.http_status == (401 if http_status_errors else 200)
    assert len(api_requests(server)) == 1 and retry_log.retries == []
    assert server.ledger() == []


def test_empty_token_fails_locally(demo_server: DemoServer, run_client: RunClient) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.get_balance()

    with pytest.raises(AuthenticationError, match="No API key"):
        run_client(demo_server, body, token="  ")
    assert api_requests(demo_server) == []


@pytest.mark.parametrize("http_status_errors", [False, True])
def test_string_codes_and_status_mode_full_flow(
    make_demo_server: Factory, run_client: RunClient, http_status_errors: bool
) -> None:
    server = make_demo_server(string_codes=True, http_status_errors=http_status_errors)

    async def body(client: SoundCloneClient) -> None:
        task = await client.create_audio(audio_params())
        assert (await wait_until_terminal(client, task.id)).status is TaskStatus.COMPLETED
        assert (await client.get_balance()).balance is not None
        with pytest.raises(BadRequestError) as bad:
            await client.create_audio(audio_params(emotion="bored"))
        assert bad.value.code == 20002 and "emotion" in str(bad.value)
        assert bad.value.http_status == (400 if http_status_errors else 200)
        with pytest.raises(BadRequestError) as missing:
            await client.get_task("audio_nope")
        assert missing.value.http_status == (404 if http_status_errors else 200)
        server.inject("http500", count=1, path_contains="user/balance")
        await client.get_balance()  # -1 as "-1" with HTTP 500: still a retryable ServerError

    run_client(server, body)
    assert all(r["code"] in ("20000", "20002", "-1") for r in api_requests(server))


# -- the token stays secret -------------------------------------------------------------------


def test_token_absent_from_errors_and_logs(
    make_demo_server: Factory, run_client: RunClient, caplog: pytest.LogCaptureFixture
) -> None:
    server = make_demo_server(token=SECRET, fault_delay=0.1)
    errors: list[BaseException] = []

    async def body(client: SoundCloneClient) -> None:
        for kind in ("drop", "malformed", "http500"):
            server.inject(kind, count=9, path_contains="soundCloning/audios")
            try:
                await client.create_audio(audio_params())
            except SoundCloneError as error:
                errors.append(error)
            server.clear_faults()
        task = await client.create_audio(audio_params())
        await wait_until_terminal(client, task.id)

    with caplog.at_level(logging.DEBUG):
        run_client(server, body)
        try:
            run_client(server, lambda c: c.get_balance(), token=SECRET + "-wrong")
        except AuthenticationError as error:
            errors.append(error)

    assert [type(e) for e in errors] == [
        OutcomeUnknownError,
        OutcomeUnknownError,
        ServerError,
        AuthenticationError,
    ]
    for raised in errors:
        for text in (str(raised), repr(raised), str(getattr(raised, "cause", ""))):
            assert SECRET not in text
    assert "soundclone_desktop.api" in caplog.text  # the client did log at DEBUG
    assert SECRET not in caplog.text


def test_echoed_token_is_scrubbed_from_server_messages() -> None:
    """A server that quotes the key back must not smuggle it into an exception."""

    def handler(request: httpx.Request) -> httpx.Response:
        echoed = f"invalid key {request.headers['Authorization']} ({SECRET})"
        return httpx.Response(401, content=json.dumps({"code": 20001, "msg": echoed}).encode())

    async def main() -> AuthenticationError:
        async with SoundCloneClient(
            "https://api.example", SECRET, transport=httpx.MockTransport(handler)
        ) as client:
            with pytest.raises(AuthenticationError) as info:
                await client.get_balance()
            assert SECRET not in repr(client)
            return info.value

    error = asyncio.run(main())
    assert "invalid key" in str(error)
    for text in (str(error), repr(error), error.server_message or "", repr(error.args)):
        assert SECRET not in text


def test_token_from_callable_is_not_kept_in_client_repr() -> None:
    client = SoundCloneClient("https://api.example", lambda: SECRET)
    assert SECRET not in repr(client) and "api.example" in repr(client)
    asyncio.run(client.aclose())


def test_retry_policy_from_client(demo_server: DemoServer) -> None:
    policy = RetryPolicy(max_attempts=2)
    client = SoundCloneClient(demo_server.base_url, "t", retry=policy)
    assert client.retry_policy is policy
    asyncio.run(client.aclose())
