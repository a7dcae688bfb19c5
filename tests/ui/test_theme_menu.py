"""View › Theme on the real window: the palette changes at once and the choice is kept."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from soundclone_desktop import app
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.settings import UiTheme
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.theme.apply import theme_switch
from soundclone_desktop.ui.theme.palettes import is_dark


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
def restored_theme(qapp: QApplication) -> Iterator[None]:
    palette, style = qapp.palette(), qapp.style().name()
    yield
    theme_switch().choice = UiTheme.SYSTEM
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def opened(aloop, qtbot, make_demo_server: Callable[..., DemoServer], restored_theme):  # type: ignore[no-untyped-def]
    server = make_demo_server(task_seconds=0.3)
    win, ctx = studio.open_studio(qtbot, server)
    yield win, ctx
    studio.close_studio(qtbot, win, ctx)


def test_view_theme_dark_then_light_applies_and_is_remembered(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow
    window, ctx = opened
    menu = window.theme_menu.menu
    assert menu in [a.menu() for a in window.view_menu.actions() if a.menu()]
    assert [a.text().replace("&", "") for a in menu.actions()] == ["System", "Light", "Dark"]

    window.theme_menu.actions[UiTheme.DARK].trigger()
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: is_dark(window.editor.palette()), timeout=3000)
    assert window.editor.palette().color(QPalette.ColorRole.Base).lightness() < 60
    saved = ctx.settings_store.path
    qtbot.waitUntil(
        lambda: saved.exists() and json.loads(saved.read_text())["theme"] == "dark", timeout=3000
    )
    assert window.theme_menu.actions[UiTheme.DARK].isChecked()

    window.theme_menu.actions[UiTheme.LIGHT].trigger()
    assert not is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: json.loads(saved.read_text())["theme"] == "light", timeout=3000)

    # The next start takes the saved choice; --theme overrides it for one run.
    app.start_theme(ctx, app.parse_args([]))
    assert theme_switch().choice is UiTheme.LIGHT and not is_dark(QApplication.palette())
    app.start_theme(ctx, app.parse_args(["--theme", "dark"]))
    assert theme_switch().choice is UiTheme.DARK and is_dark(QApplication.palette())
