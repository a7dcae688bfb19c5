"""First run without an API key: the welcome dialog offers the key or the demo."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.settings.dialog import Page
from soundclone_desktop.ui.settings.welcome import WelcomeDialog


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


def test_dialog_buttons_emit_their_choice(qtbot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.waitSignal(dialog.demo_chosen):
        dialog.demo_button.click()
    assert not dialog.isVisible()
    dialog.open()
    with qtbot.waitSignal(dialog.api_key_chosen):
        dialog.api_key_button.click()


def test_first_run_without_a_key_shows_the_welcome(aloop, qtbot, server) -> None:
    window, ctx = studio.open_studio(qtbot, server, argv=[])
    try:
        dialog = window._welcome
        assert dialog is not None and dialog.isVisible()
        assert dialog.objectName() == "welcomeDialog"
        assert not ctx.session.connected
        assert "Not connected" in window.status.connection_label.text()
        assert not window.submit_bar.button.isEnabled()
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_try_the_demo_connects_to_the_embedded_server(aloop, qtbot, server) -> None:
    window, ctx = studio.open_studio(qtbot, server, argv=[])
    try:
        window._welcome.demo_button.click()
        qtbot.waitUntil(lambda: ctx.session.connected and ctx.session.demo, timeout=5000)
        assert ctx.session.base_url == server.base_url
        assert "Demo server" in window.status.connection_label.text()
        assert window.params.values()["model_id"]  # the demo's ready voice is selected
        window.editor.set_text("Hello from the demo, a short first script.")
        assert window.submit_bar.button.isEnabled()
        assert "built-in demo" in window.messages.text()
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_enter_api_key_opens_settings_on_the_key_field(aloop, qtbot, server) -> None:
    window, ctx = studio.open_studio(qtbot, server, argv=[])
    try:
        window._welcome.api_key_button.click()
        dialog = window._settings_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.tabs.currentIndex() == Page.ACCOUNT
        qtbot.waitUntil(
            lambda: QApplication.focusWidget() is dialog.account.api_key_edit, timeout=3000
        )
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_with_a_key_there_is_no_welcome(aloop, qtbot, server, memory_keyring) -> None:
    memory_keyring.items[("SoundClone Desktop", "api-key")] = server.token
    window, ctx = studio.open_studio(qtbot, server, argv=["--base-url", server.base_url])
    try:
        assert window._welcome is None
        assert ctx.session.connected and not ctx.session.demo
        qtbot.waitUntil(lambda: "Balance" in window.status.balance_label.text(), timeout=5000)
    finally:
        studio.close_studio(qtbot, window, ctx)
