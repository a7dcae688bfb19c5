"""Start-up order (issue #7): the window is on screen while the keyring is read in a worker
thread; then the session connects, or a user without a key is welcomed (never both); the
demo is imported and started only when chosen."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import keyring
import keyring.backend
import pytest
from PySide6.QtWidgets import QApplication

from soundclone_desktop import app
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.secrets import SERVICE, USERNAME, TokenStore
from soundclone_desktop.ui.common import async_utils
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.session import DemoOffer, Session


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui


class SlowKeyring(keyring.backend.KeyringBackend):
    """A keyring whose reads wait until the test releases them (a slow D-Bus, a locked store)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.key: str | None = None
        self.reads = 0
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        assert self.release.wait(10), "the test never released the read"
        return self.key if (service, username) == (SERVICE, USERNAME) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.key = password

    def delete_password(self, service: str, username: str) -> None:
        self.key = None


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def slow_ring() -> Iterator[SlowKeyring]:
    ring = SlowKeyring()
    keyring.set_keyring(ring)  # the autouse memory keyring puts its own back afterwards
    yield ring
    ring.release.set()  # never leave a worker thread waiting


def _shown_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def _start(qtbot, ctx, argv: list[str]):  # type: ignore[no-untyped-def]
    task = async_utils.spawn(app.open_window(ctx, app.parse_args(argv)))
    qtbot.waitUntil(lambda: _shown_window() is not None, timeout=10000)
    window = _shown_window()
    assert window is not None
    return task, window


def test_the_window_is_up_while_the_key_is_read_then_a_user_without_one_is_welcomed(
    aloop, qtbot, server: DemoServer, slow_ring: SlowKeyring
) -> None:
    ctx = studio.build_ctx(server, argv=[])
    task, window = _start(qtbot, ctx, [])
    try:
        qtbot.waitUntil(lambda: slow_ring.reads == 1, timeout=5000)
        assert not task.done()
        assert window._welcome is None  # not before the answer: it could be a key
        window.editor.set_text("Typing works while the keyring is asked.")
        slow_ring.release.set()
        qtbot.waitUntil(task.done, timeout=5000)
        assert task.result() is window
        assert window._welcome is not None and window._welcome.isVisible()
        assert not ctx.session.connected
    finally:
        slow_ring.release.set()
        qtbot.waitUntil(task.done, timeout=5000)
        studio.close_studio(qtbot, window, ctx)


def test_a_user_with_a_key_is_connected_when_it_arrives_and_never_welcomed(
    aloop, qtbot, server: DemoServer, slow_ring: SlowKeyring
) -> None:
    slow_ring.key = server.token
    ctx = studio.build_ctx(server, argv=["--base-url", server.base_url])
    task, window = _start(qtbot, ctx, ["--base-url", server.base_url])
    try:
        qtbot.waitUntil(lambda: slow_ring.reads == 1, timeout=5000)
        assert not ctx.session.connected and window._welcome is None
        slow_ring.release.set()
        qtbot.waitUntil(task.done, timeout=5000)
        assert ctx.session.connected and not ctx.session.demo
        assert window._welcome is None
        qtbot.waitUntil(lambda: "Balance" in window.status.balance_label.text(), timeout=5000)
    finally:
        slow_ring.release.set()
        qtbot.waitUntil(task.done, timeout=5000)
        studio.close_studio(qtbot, window, ctx)


def test_closing_the_window_while_the_key_is_read_ends_the_run(
    aloop, qtbot, qapp, monkeypatch, server: DemoServer, slow_ring: SlowKeyring
) -> None:
    ctx = studio.build_ctx(server, argv=[])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    quit_on_close = qapp.quitOnLastWindowClosed()
    task = async_utils.spawn(app.run_gui(qapp, ctx, app.parse_args([])))
    try:
        qtbot.waitUntil(lambda: _shown_window() is not None, timeout=10000)
        window = _shown_window()
        assert window is not None
        qtbot.waitUntil(lambda: slow_ring.reads == 1, timeout=5000)
        window.close()
        slow_ring.release.set()
        qtbot.waitUntil(task.done, timeout=10000)
        assert task.result() == 0
        assert window._welcome is None  # no welcome for a window that is gone
        window.deleteLater()
    finally:
        slow_ring.release.set()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        aloop.set_exception_handler(None)
        async_utils.set_error_reporter(None)
        studio.logging_setup.shutdown()


def test_the_demo_offer_is_built_only_when_the_demo_is_first_used(
    aloop, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    built: list[DemoOffer] = []
    started: list[DemoServer] = []

    def offer() -> DemoOffer:
        def factory() -> DemoServer:
            started.append(server)
            return server

        made = dataclasses.replace(studio.offer_for(server), factory=factory)
        built.append(made)
        return made

    session = Session(TokenStore(), tmp_path, demo_offer=offer)
    assert built == [] and session.voices() == []
    first = async_utils.spawn(session.connect_demo())
    qtbot.waitUntil(first.done, timeout=10000)
    first.result()
    assert session.connected and session.demo and session.base_url == server.base_url
    assert session.voices() == [built[0].voice_id]
    again = async_utils.spawn(session.connect_demo())  # the welcome's choice after --demo
    qtbot.waitUntil(again.done, timeout=10000)
    again.result()
    assert len(built) == 1 and len(started) == 1  # one offer, one server start
    closing = async_utils.spawn(session.aclose())
    qtbot.waitUntil(closing.done, timeout=10000)
