"""A new, empty editor is not an error and charges nothing (issue 11, item 13)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.script import EMPTY
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow


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
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.3))
    yield win
    studio.close_studio(qtbot, win, ctx)


def test_an_empty_editor_shows_no_error_and_no_charge(window: MainWindow, qtbot) -> None:
    window.controller.refresh()
    panel = window.editor_panel
    assert panel.problems_list.problems() == ()
    assert panel.problems_header.text() == "Problems"
    assert window.submit_bar.charge_label.text() == ""
    assert window.submit_bar.reason_label.text() == "Write a script first."
    assert not window.submit_bar.button.isEnabled()


def test_a_script_of_spaces_is_still_an_error(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.editor, "   ")
    window.controller.refresh()
    codes = [p.code for p in window.editor_panel.problems_list.problems()]
    assert codes == [EMPTY]
    qtbot.keyClicks(window.editor, "Hello there.")
    window.controller.refresh()
    assert "charge" in window.submit_bar.charge_label.text()
