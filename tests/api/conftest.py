"""Helpers for the API client tests: a fast client on a real demo server, a recorder of
retry waits, and a plain second HTTP server (another origin) that records what it is sent."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, TypeVar

import pytest

from soundclone_desktop.api import RetryPolicy, SoundCloneClient, SoundCloneError, TaskInfo
from soundclone_desktop.demo.server import DemoServer

T = TypeVar("T")

# Quick and deterministic: no jitter, tiny delays (sleeps are recorded, not slept anyway).
FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, jitter=0.0)


class Params:
    """Any object with `to_json()` is accepted by the create methods."""

    def __init__(self, **body: object) -> None:
        self.body = body

    def to_json(self) -> dict[str, object]:
        return dict(self.body)


def audio_params(text: str = "Hello from the demo voice.", **extra: object) -> Params:
    return Params(modelId="model_demo_narrator", contentText=text, soundVersion="v2", **extra)


@dataclass
class RetryLog:
    """Records what the client waited and why, instead of sleeping."""

    sleeps: list[float] = field(default_factory=list)
    retries: list[tuple[int, float, SoundCloneError]] = field(default_factory=list)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await asyncio.sleep(0)

    def on_retry(self, retry: int, delay: float, error: SoundCloneError) -> None:
        self.retries.append((retry, delay, error))


@pytest.fixture
def retry_log() -> RetryLog:
    return RetryLog()


RunClient = Callable[..., Any]


@pytest.fixture
def run_client(retry_log: RetryLog) -> RunClient:
    """`run_client(server, body, **client_kwargs)` runs `await body(client)` in a fresh loop.

    Defaults: the server's token, FAST_RETRY, the recording sleep and retry hook.
    """

    def run(
        server: DemoServer | str,
        body: Callable[[SoundCloneClient], Awaitable[T]],
        **kwargs: Any,
    ) -> T:
        base_url = server if isinstance(server, str) else server.base_url
        if not isinstance(server, str):
            kwargs.setdefault("token", server.token)
        kwargs.setdefault("retry", FAST_RETRY)
        kwargs.setdefault("sleep", retry_log.sleep)
        kwargs.setdefault("on_retry", retry_log.on_retry)

        async def main() -> T:
            async with SoundCloneClient(base_url, **kwargs) as client:
                return await body(client)

        return asyncio.run(main())

    return run


async def wait_until_terminal(
    client: SoundCloneClient, task_id: str, timeout: float = 20.0
) -> TaskInfo:
    """Poll with the client until the task is terminal (the demo tasks take ~0.3 s)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        task = await client.get_task(task_id)
        if task.is_terminal:
            return task
        if loop.time() > deadline:
            raise AssertionError(f"task {task_id} still {task.status} after {timeout} s")
        await asyncio.sleep(0.05)


def charges_by_task(server: DemoServer) -> dict[str, list[str]]:
    """Ledger charges (not refunds), as task id -> billed items."""
    result: dict[str, list[str]] = {}
    for entry in server.ledger():
        if entry["kind"] == "charge":
            result.setdefault(str(entry["taskId"]), []).append(str(entry["item"]))
    return result


def api_requests(server: DemoServer, contains: str = "") -> list[dict[str, object]]:
    return [r for r in server.requests_log() if contains in str(r["path"])]


def free_port() -> int:
    """A port with nothing listening on it (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- a second, plain HTTP server: another origin that records headers --------------------------


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    truncate_to: int | None = None  # send only this many body bytes, then hang up
    delay: float = 0.0  # seconds to wait between the first chunk and the rest


@dataclass
class RecordingServer:
    base_url: str
    routes: dict[str, Route]
    seen: list[dict[str, str]]  # one header dict (lower-cased names) per request, plus "path"

    def url(self, path: str) -> str:
        return self.base_url + path

    def requests_to(self, path: str) -> list[dict[str, str]]:
        return [r for r in self.seen if r["path"] == path]


class _RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: simplest for raw bodies

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        server: Any = self.server
        record = {k.lower(): v for k, v in self.headers.items()}
        record["path"] = self.path
        server.seen.append(record)
        route: Route = server.routes.get(self.path, Route(404, b"not found"))
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.send_length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        body = route.body if route.truncate_to is None else route.body[: route.truncate_to]
        try:
            if route.delay:
                self.wfile.write(body[:1024])
                self.wfile.flush()
                server.stopping.wait(route.delay)
                body = body[1024:]
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up: that is what some tests are about


@pytest.fixture
def recording_server() -> Iterator[Callable[[], RecordingServer]]:
    """Start plain HTTP servers on 127.0.0.1 that serve `routes` and record request headers."""
    started: list[tuple[HTTPServer, threading.Thread, threading.Event]] = []

    def start() -> RecordingServer:
        httpd: Any = HTTPServer(("127.0.0.1", 0), _RecordingHandler)
        httpd.routes = {}
        httpd.seen = []
        httpd.stopping = threading.Event()
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
        thread.daemon = True
        thread.start()
        started.append((httpd, thread, httpd.stopping))
        port = httpd.server_address[1]
        return RecordingServer(f"http://127.0.0.1:{port}", httpd.routes, httpd.seen)

    yield start
    for httpd, thread, stopping in started:
        stopping.set()
        httpd.shutdown()
        thread.join(timeout=5)
        httpd.server_close()
