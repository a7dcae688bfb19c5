"""Acceptance tests run the real programs as separate processes: the demo server, the
``soundclone`` CLI (killed with SIGKILL where the test says so) and the desktop app.

The demo server runs as its own process so that killing the CLI never touches it, and its
ledger (``/_demo/ledger``) and request log (``/_demo/requests``) are the oracle for "charged
once". It is started through ``demo.server.serve`` with a full ``DemoConfig`` because the
``demo-server`` command has no options for ``fault_delay``/``slow_delay``, which these tests
need to hold a request open at a chosen moment.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary, TaskRecord

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from soundclone_desktop.cli import main; sys.exit(main())"
SERVER = """
import json, sys
from soundclone_desktop.demo.config import DemoConfig
from soundclone_desktop.demo.server import serve

def announce(server):
    print(server.base_url, flush=True)

serve(DemoConfig(**json.loads(sys.argv[1])), announce=announce)
"""
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


class DemoProcess:
    """A demo server in its own process, driven over its ``/_demo`` HTTP endpoints."""

    def __init__(self, **config: Any) -> None:
        self.config = config
        self.token = str(config.get("token", "demo-token"))
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER, json.dumps(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()
        assert self.base_url.startswith("http://127.0.0.1:"), self.process.stderr

    def _call(self, method: str, path: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def ledger(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/_demo/ledger"))

    def requests(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/_demo/requests"))

    def inject(self, kind: str, count: int = 1, path_contains: str | None = None) -> None:
        self._call("POST", "/_demo/faults",
                   {"kind": kind, "count": count, "path_contains": path_contains})  # fmt: skip

    def clear_faults(self) -> None:
        self._call("POST", "/_demo/faults", {"clear": True})

    def audio_charges(self) -> list[dict[str, Any]]:
        return [e for e in self.ledger()
                if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"]  # fmt: skip

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=10)


class Folders:
    """One user's folders and the environment every process of the test runs with."""

    def __init__(self, home: Path, token: str) -> None:
        self.home = home
        self.data = home / "data"
        self.config = home / "config"
        self.work = home / "work"  # scripts and -o outputs
        for folder in (self.data, self.config, self.work):
            folder.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "SOUNDCLONE_DATA_DIR": str(self.data),
            "SOUNDCLONE_CONFIG_DIR": str(self.config),
            "SOUNDCLONE_API_KEY": token,
            # Never the machine's own keychain.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
        }

    @property
    def library_path(self) -> Path:
        return paths.library_path(self.data)

    def records(self) -> list[TaskRecord]:
        if not self.library_path.exists():
            return []
        with TaskLibrary(self.library_path) as library:
            return library.search()

    def scripts(self, texts: dict[str, str]) -> list[Path]:
        files = []
        for name, text in texts.items():
            path = self.work / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        return files

    def start_cli(self, *args: object) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", CLI, *map(str, args)],
            cwd=self.work, env=self.env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip

    def cli(self, *args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        process = self.start_cli(*args)
        out, err = process.communicate(timeout=timeout)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def kill(process: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGKILL: no handler, no cleanup, as a crash or a power cut would stop it."""
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL
    return out, err


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def demo_process() -> Iterator[Callable[..., DemoProcess]]:
    started: list[DemoProcess] = []

    def start(**config: Any) -> DemoProcess:
        server = DemoProcess(**config)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def folders(tmp_path: Path) -> Callable[[str], Folders]:
    return lambda token: Folders(tmp_path / "user", token)
