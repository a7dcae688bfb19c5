"""Connection failures, Retry-After, the retry hook and cancellation, over real sockets."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from soundclone_desktop.api import (
    ConnectError,
    RateLimitError,
    RetryPolicy,
    SoundCloneClient,
    SoundCloneError,
)
from soundclone_desktop.demo.server import DemoServer
from tests.api.conftest import (
    RetryLog,
    RunClient,
    api_requests,
    audio_params,
    charges_by_task,
    free_port,
)

Factory = Callable[..., DemoServer]


def test_connection_refused_read_retries_then_raises(
    run_client: RunClient, retry_log: RetryLog
) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.get_balance()

    with pytest.raises(ConnectError):
        run_client(f"http://127.0.0.1:{free_port()}", body, token="t0ken-value")
    assert [(n, type(e)) for n, _, e in retry_log.retries] == [
        (1, ConnectError),
        (2, ConnectError),
        (3, ConnectError),
    ]


def test_connection_refused_create_is_retried_and_stays_a_connect_error(
    run_client: RunClient, retry_log: RetryLog
) -> None:
    async def body(client: SoundCloneClient) -> None:
        await client.create_audio(audio_params())

    # Never reached the server: safe to resend, and not "outcome unknown".
    with pytest.raises(ConnectError):
        run_client(f"http://127.0.0.1:{free_port()}", body, token="t0ken-value")
    assert len(retry_log.retries) == 3


def test_retry_after_is_honoured_on_reads(
    demo_server: DemoServer, run_client: RunClient, retry_log: RetryLog
) -> None:
    async def body(client: SoundCloneClient) -> None:
        demo_server.inject("http429", count=2, path_contains="user/balance")
        await client.get_balance()

    run_client(demo_server, body)
    assert retry_log.sleeps == [1.0, 1.0]  # the header's 1 s, not FAST_RETRY's 0.01 s
    assert [(n, d, type(e)) for n, d, e in retry_log.retries] == [
        (1, 1.0, RateLimitError),
        (2, 1.0, RateLimitError),
    ]
    assert retry_log.retries[0][2].retry_after == 1.0  # type: ignore[attr-defined]


def test_default_sleep_really_waits(demo_server: DemoServer) -> None:
    """Without an injected sleep the client waits for real (asyncio.sleep)."""

    async def main() -> float:
        policy = RetryPolicy(max_attempts=2, base_delay=0.2, jitter=0.0)
        async with SoundCloneClient(demo_server.base_url, demo_server.token, retry=policy) as c:
            demo_server.inject("envelope", count=1, path_contains="user/balance")
            loop = asyncio.get_running_loop()
            started = loop.time()
            await c.get_balance()
            return loop.time() - started

    assert asyncio.run(main()) >= 0.2


def test_a_failing_retry_hook_does_not_abort_the_request(
    demo_server: DemoServer, run_client: RunClient, caplog: pytest.LogCaptureFixture
) -> None:
    def hook(retry: int, delay: float, error: SoundCloneError) -> None:
        raise RuntimeError("status bar is gone")

    async def body(client: SoundCloneClient) -> None:
        demo_server.inject("http500", count=1, path_contains="user/balance")
        await client.get_balance()

    with caplog.at_level(logging.ERROR):
        run_client(demo_server, body, on_retry=hook)
    assert "on_retry callback failed" in caplog.text


def test_cancelling_a_create_in_flight_propagates_cancellation(
    make_demo_server: Factory,
) -> None:
    server = make_demo_server(slow_delay=5.0)

    async def main() -> None:
        async with SoundCloneClient(server.base_url, server.token) as client:
            server.inject("slow", count=1, path_contains="soundCloning/audios")
            task = asyncio.create_task(client.create_audio(audio_params()))
            while not api_requests(server):
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    assert len(api_requests(server)) == 1


def test_cancelling_during_a_retry_wait(demo_server: DemoServer) -> None:
    async def main() -> None:
        policy = RetryPolicy(base_delay=30.0, jitter=0.0)
        async with SoundCloneClient(
            demo_server.base_url, demo_server.token, retry=policy
        ) as client:
            demo_server.inject("http500", count=1, path_contains="user/balance")
            task = asyncio.create_task(client.get_balance())
            while not api_requests(demo_server):
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)  # now in the 30 s backoff
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    assert len(api_requests(demo_server)) == 1


def test_concurrent_creates_each_charged_once(
    make_demo_server: Factory, run_client: RunClient
) -> None:
    server = make_demo_server(fail_rate=0.3, faults=["http500", "envelope"], seed=11)

    async def body(client: SoundCloneClient) -> list[str]:
        tasks = [client.create_audio(audio_params(f"Voice line {n}.")) for n in range(8)]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return [r.id for r in results if not isinstance(r, BaseException)]

    patient = RetryPolicy(max_attempts=10, base_delay=0.001, max_delay=0.01, jitter=0.5)
    ids = run_client(server, body, retry=patient)
    assert len(ids) == 8
    charges = charges_by_task(server)
    assert sorted(charges) == sorted(ids)
    assert all(len(items) == 2 for items in charges.values())


def test_creates_use_a_fresh_connection_reads_reuse_one() -> None:
    """A stale keep-alive connection must not turn a create into "outcome unknown"."""
    connections: list[int] = []
    body = b'{"code": 20000, "msg": "ok", "data": {"id": "audio_1", "balance": 1}}'

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(len(connections) + 1)
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                length = 0
                for line in head.decode().split("\r\n"):
                    if line.lower().startswith("content-length:"):
                        length = int(line.split(":")[1])
                await reader.readexactly(length)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server, SoundCloneClient(f"http://127.0.0.1:{port}", "t0ken-value") as c:
            for _ in range(3):
                await c.get_balance()
            assert len(connections) == 1  # reads share one keep-alive connection
            await c.create_audio(audio_params())
            await c.create_audio(audio_params())
            assert len(connections) == 3  # each create opened its own
            await c.get_task("audio_1")
            assert len(connections) == 3  # and reads still reuse the pooled one

    asyncio.run(main())
