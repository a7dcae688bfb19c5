"""Test-wide set-up: headless Qt, an in-memory keyring, isolated folders, demo servers."""

from __future__ import annotations

import logging
import os

# Before anything imports Qt: no display here, and the multimedia plugin is chatty.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;qt.qpa.*=false")
os.environ["QT_API"] = "pyside6"

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest

from soundclone_desktop.demo.server import DemoConfig, DemoServer


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory, so tests never touch (or need) an OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError as exc:
            raise keyring.errors.PasswordDeleteError(username) from exc


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config folders and no ambient credentials."""
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "config").mkdir(parents=True)
    monkeypatch.setenv("SOUNDCLONE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("SOUNDCLONE_CONFIG_DIR", str(home / "config"))
    for name in ("SOUNDCLONE_API_KEY", "SOUNDCLONE_BASE_URL", "SOUNDCLONE_LOG"):
        monkeypatch.delenv(name, raising=False)
    return home


def _pytest_owned(handler: logging.Handler) -> bool:
    """pytest's own capture handlers: it adds and removes them around each test phase."""
    return type(handler).__module__.startswith("_pytest")


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """Undo what a test did to logging: ``soundclone`` (``cli.main``) installs its stderr
    handler on the root logger, which would print every later test's warnings twice."""
    root = logging.getLogger()
    handlers = [h for h in root.handlers if not _pytest_owned(h)]
    levels = {name: logging.getLogger(name).level for name in ("", "httpx")}
    yield
    for handler in root.handlers[:]:
        if not _pytest_owned(handler) and handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def make_demo_server() -> Iterator[Callable[..., DemoServer]]:
    """Start real demo servers on 127.0.0.1 (random ports); all are stopped afterwards."""
    servers: list[DemoServer] = []

    def start(**overrides: Any) -> DemoServer:
        overrides.setdefault("task_seconds", 0.3)
        server = DemoServer(DemoConfig(**overrides))
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def demo_server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server()
