"""The Generate button on the real window: the price on it, Sending…, progress while the
task runs, and a colour that reads in both themes."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.jobs import Job, JobKind
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.settings import UiTheme
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.submit.generate_button import GenerateButton
from soundclone_desktop.ui.submit.progress import fraction_done
from soundclone_desktop.ui.theme.apply import theme_switch
from soundclone_desktop.ui.theme.contrast import AA_BODY_TEXT
from tests.ui.test_theme_contrast import rendered_contrast


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
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    server = make_demo_server(task_seconds=1.5)
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def test_price_on_the_button_then_sending_then_progress(window: MainWindow, qtbot: QtBot) -> None:
    button = window.submit_bar.button
    assert button.text() == "Generate speech"  # nothing to price yet
    window.editor.set_text("x" * 1000)
    assert button.text() == "Generate · 2.50 JimiCoin"
    assert button.progress is None
    button.click()
    assert button.text() == "Sending…" and not button.isEnabled()
    # Created: pressable for the next script, with the running task's progress on it.
    qtbot.waitUntil(lambda: button.text() == "Generate · 2.50 JimiCoin", timeout=5000)
    assert button.isEnabled() and button.progress is not None
    assert "Tasks generating: 1" in button.toolTip()
    first = button.progress
    qtbot.waitUntil(lambda: (button.progress or 0) > (first or 0), timeout=3000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    qtbot.waitUntil(lambda: button.progress is None, timeout=2000)
    assert "Tasks generating" not in button.toolTip()


def test_fraction_follows_the_expected_finish_and_never_fills() -> None:
    job = Job(kind=JobKind.AUDIO)
    assert fraction_done(job, 10.0) is None
    job.submitted_at, job.expected_finish = 100.0, 110.0
    assert fraction_done(job, 105.0) == pytest.approx(0.5)
    assert fraction_done(job, 200.0) == pytest.approx(0.97)
    assert fraction_done(job, 90.0) == 0.0


@pytest.mark.parametrize("theme", [UiTheme.LIGHT, UiTheme.DARK], ids=["light", "dark"])
def test_button_text_reads_in_both_themes(qtbot: QtBot, qapp: QApplication, theme: UiTheme) -> None:
    palette, style = qapp.palette(), qapp.style().name()
    theme_switch().apply(theme)
    try:
        for enabled in (True, False):
            button = GenerateButton("Generate · 2.50 JimiCoin")
            button.setObjectName("submitButton")
            qtbot.addWidget(button)
            button.setEnabled(enabled)
            button.resize(260, 40)
            button.show()
            QApplication.processEvents()
            inner = button.rect().adjusted(8, 6, -8, -6)
            ratio = rendered_contrast(button.grab(inner).toImage())
            assert ratio >= AA_BODY_TEXT, (theme, enabled, ratio)
    finally:
        theme_switch().choice = UiTheme.SYSTEM
        qapp.setStyle(style)
        qapp.setPalette(palette)
