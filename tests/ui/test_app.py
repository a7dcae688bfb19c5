"""The composition root: arguments, environment, logging and where secrets never go."""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from soundclone_desktop import app
from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.secrets import SERVICE, USERNAME
from soundclone_desktop.ui.common import async_utils
from soundclone_desktop.ui.main_window import MainWindow


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()

SECRET = "sk-live-SECRET-9f8e7d6c5b4a"


def test_qt_api_defaults_to_pyside6() -> None:
    assert os.environ["QT_API"] == "pyside6"


def test_parse_args_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    options = app.parse_args([])
    assert options == app.Options(
        demo=False,
        base_url=None,
        data_dir=None,
        self_check=False,
        lang=None,
        theme=None,
        tour=True,
        qt_args=(),
    )


def test_parse_args_flags_and_qt_passthrough() -> None:
    options = app.parse_args(
        ["--demo", "--base-url", "https://x.example/", "--data-dir", "/d", "--lang", "zh_CN",
         "--self-check", "-style", "fusion"]
    )  # fmt: skip
    assert options.demo and options.self_check
    assert options.base_url == "https://x.example"
    assert options.data_dir == "/d"
    assert options.lang == "zh_CN"
    assert options.qt_args == ("-style", "fusion")


def test_parse_args_theme() -> None:
    assert app.parse_args(["--theme", "dark"]).theme == "dark"
    with pytest.raises(SystemExit):
        app.parse_args(["--theme", "purple"])


def test_base_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOUNDCLONE_BASE_URL", "https://env.example")
    assert app.parse_args([]).base_url == "https://env.example"
    assert app.parse_args(["--base-url", "https://arg.example"]).base_url == "https://arg.example"


def test_bad_language_is_refused() -> None:
    with pytest.raises(SystemExit):
        app.parse_args(["--lang", "fr"])


def test_data_dir_argument_beats_the_environment(aloop, qtbot, tmp_path, isolated_dirs) -> None:
    ctx = app.build_context(
        app.parse_args(["--data-dir", str(tmp_path / "chosen")]), crash_log=False
    )
    try:
        assert ctx.data_dir == tmp_path / "chosen"
        assert ctx.log_path is not None and ctx.log_path.parent == tmp_path / "chosen" / "logs"
        assert ctx.results_dir() == tmp_path / "chosen" / "results"
    finally:
        studio.logging_setup.shutdown()
    ctx = app.build_context(app.parse_args([]), crash_log=False)
    try:
        assert ctx.data_dir == isolated_dirs / "data"
    finally:
        studio.logging_setup.shutdown()


def test_token_never_reaches_the_settings_file_or_the_log(
    aloop, qtbot, monkeypatch, memory_keyring, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3, token=SECRET)
    monkeypatch.setenv("SOUNDCLONE_LOG", "debug")  # httpx and our own debug lines too
    memory_keyring.items[(SERVICE, USERNAME)] = SECRET
    window, ctx = studio.open_studio(qtbot, server, argv=["--base-url", server.base_url])
    try:
        assert ctx.session.connected and not ctx.session.demo
        window.editor.set_text("A script that goes to the server with the real key.")
        window.params.select_voice("model_demo_narrator")
        window.submit_bar.button.click()
        qtbot.waitUntil(lambda: bool(window.task_list.jobs()), timeout=5000)
        job = window.task_list.jobs()[0]
        qtbot.waitUntil(lambda: job.is_done, timeout=15000)
        assert job.state is JobState.DOWNLOADED, job.error
        # The voice choice was saved to the settings file on the way.
        qtbot.waitUntil(ctx.settings_store.path.exists, timeout=5000)
        # A careless log line is scrubbed too.
        logging.getLogger("soundclone_desktop.test").warning("Authorization: Bearer %s", SECRET)
        logging.getLogger("soundclone_desktop.test").warning("key was %s", SECRET)
    finally:
        studio.close_studio(qtbot, window, ctx)
    assert ctx.log_path is not None
    log_text = ctx.log_path.read_text(encoding="utf-8")
    assert "user/balance" in log_text or "soundCloning" in log_text  # the log did record traffic
    assert SECRET not in log_text
    assert "[REDACTED]" in log_text
    settings_text = ctx.settings_store.path.read_text(encoding="utf-8")
    assert SECRET not in settings_text
    assert "model_demo_narrator" in settings_text


def test_run_gui_lasts_until_the_window_closes_then_cleans_up(
    aloop, qtbot, qapp, monkeypatch, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3)
    ctx = studio.build_ctx(server)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    quit_on_close = qapp.quitOnLastWindowClosed()
    task = async_utils.spawn(app.run_gui(qapp, ctx, app.parse_args(["--demo"])))
    try:
        qtbot.waitUntil(lambda: _main_window() is not None, timeout=10000)
        window = _main_window()
        assert ctx.session.connected and ctx.session.demo
        assert not qapp.quitOnLastWindowClosed()  # the window, not Qt, ends the run
        sys.excepthook(ValueError, ValueError("boom"), None)  # an error nobody caught
        assert window.messages.text().startswith("Something unexpected went wrong")
        window.close()
        qtbot.waitUntil(task.done, timeout=10000)
        assert task.result() == 0
        assert ctx.session.client is None and ctx.session.demo_server is None
        window.deleteLater()
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        aloop.set_exception_handler(None)
        async_utils.set_error_reporter(None)
        studio.logging_setup.shutdown()


def _main_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_the_app_runs_the_demo_and_exits_cleanly_on_sigterm(tmp_path: Path) -> None:
    """``python -m soundclone_desktop --demo`` end to end: window up, demo connected, and a
    termination signal closes it through the normal path (connections closed, exit 0)."""
    import signal
    import subprocess
    import time

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SOUNDCLONE_DATA_DIR": str(tmp_path / "data"),
        "SOUNDCLONE_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "soundclone_desktop", "--demo"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = tmp_path / "data" / "logs" / "soundclone-desktop.log"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if log.exists() and "(demo)" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        else:
            pytest.fail("the app did not connect to its demo server")
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
    text = log.read_text(encoding="utf-8")
    assert "SoundClone Desktop closed" in text
    assert "Traceback" not in text
