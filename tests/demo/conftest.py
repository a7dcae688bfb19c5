"""Helpers for the demo server's own tests: a tiny raw HTTP client and generated WAV files.

These tests talk to the server with httpx directly, never through the project's API client:
the demo server is the oracle the client is tested against, so it is checked on its own.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from soundclone_desktop.demo import DEMO_TOKEN, DEMO_VOICE_ID, DemoConfig, DemoServer, ManualClock

API = "/api/open-api/v1/"


class Api:
    """Just enough of a client to drive the demo server from a test."""

    def __init__(self, server: DemoServer, http: httpx.Client, token: str = DEMO_TOKEN) -> None:
        self.server = server
        self.http = http
        self.base = server.base_url
        self.auth = {"Authorization": f"Bearer {token}"}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.auth, **kwargs.pop("headers", {})}
        url = path if path.startswith("http") else self.base + path
        return self.http.request(method, url, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        if path.startswith(("/", "http")):
            return self.request("GET", path, **kwargs)
        return self.request("GET", API + path, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        if path.startswith(("/", "http")):
            return self.request("POST", path, **kwargs)
        return self.request("POST", API + path, json=body, **kwargs)

    def delete(self, path: str) -> httpx.Response:
        return self.request("DELETE", path)

    @staticmethod
    def ok(response: httpx.Response) -> Any:
        assert response.status_code == 200, response.text
        payload = response.json()
        assert payload["code"] == 20000, payload
        return payload["data"]

    @staticmethod
    def error(response: httpx.Response, code: int = 20002) -> str:
        payload = response.json()
        assert payload["code"] == code, payload
        assert payload["data"] is None
        return str(payload["msg"])

    def upload(self, name: str, data: bytes, mime: str = "audio/wav") -> dict[str, Any]:
        response = self.request("POST", API + "files/upload", files={"file": (name, data, mime)})
        return dict(self.ok(response))

    def preview(self, **body: Any) -> str:
        body.setdefault("soundVersion", "v2")
        return str(self.ok(self.post("soundCloning/clones", body))["id"])

    def audio(self, text: str = "Hello world.", **body: Any) -> str:
        body.setdefault("modelId", DEMO_VOICE_ID)
        body.setdefault("soundVersion", "v2")
        body["contentText"] = text
        return str(self.ok(self.post("soundCloning/audios", body))["id"])

    def task(self, task_id: str) -> dict[str, Any]:
        return dict(self.ok(self.get(f"audios/{task_id}")))

    def finish(self, task_id: str) -> dict[str, Any]:
        """Push the clock past the task's end and return its final state."""
        self.server.advance_clock(3600)
        data = self.task(task_id)
        assert data["status"] in ("completed", "failed"), data
        return data

    def fetch(self, url: str) -> httpx.Response:
        # Files are public: no Authorization header, as a downloader to another origin would do.
        return self.http.get(url)

    def clone_voice(self, seconds: float = 20.0) -> str:
        url = self.upload("voice.wav", make_wav(seconds))["url"]
        data = self.finish(self.preview(fileUrl=url))
        assert data["status"] == "completed", data
        return str(data["modelId"])


def make_wav(seconds: float, rate: int = 8000) -> bytes:
    """A quiet 220 Hz tone of the given length, as a 16-bit mono WAV."""
    frames = int(seconds * rate)
    samples = bytes(
        b for i in range(rate) for b in struct.pack("<h", int(800 * math.sin(i * 0.17)))
    )
    body = (samples * (frames // rate + 1))[: frames * 2]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(body)
    return buffer.getvalue()


@pytest.fixture
def make_manual_server() -> Iterator[Callable[..., DemoServer]]:
    """Servers on a frozen clock: a task moves only when the test advances time."""
    servers: list[DemoServer] = []

    def start(**overrides: Any) -> DemoServer:
        overrides.setdefault("task_seconds", 10.0)
        server = DemoServer(DemoConfig(**overrides), clock=ManualClock())
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    """One plain client for the whole run (creating one costs ~60 ms of TLS set-up)."""
    with httpx.Client(timeout=10) as client:
        yield client


@pytest.fixture
def make_api(http: httpx.Client) -> Callable[..., Api]:
    def make(server: DemoServer, token: str = DEMO_TOKEN) -> Api:
        return Api(server, http, token)

    return make


@pytest.fixture
def api(make_manual_server: Callable[..., DemoServer], make_api: Callable[..., Api]) -> Api:
    return make_api(make_manual_server())


@pytest.fixture
def wav() -> Callable[..., bytes]:
    return make_wav
