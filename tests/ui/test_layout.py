"""The default arrangement of the studio and View › Reset layout."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt

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
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


@pytest.fixture
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.3))
    yield win
    studio.close_studio(qtbot, win, ctx)


def in_front(window: MainWindow, dock_name: str) -> bool:
    dock = window.findChild(type(window.tasks_dock), dock_name)
    return dock is not None and dock.isVisible() and not dock.visibleRegion().isEmpty()


def arranged_as_new(window: MainWindow) -> None:
    captions = window.captions.dock
    assert window.dockWidgetArea(window.player_dock) == BOTTOM
    assert window.dockWidgetArea(captions) == BOTTOM
    assert set(window.tabifiedDockWidgets(captions)) >= {window.tasks_dock}
    assert window.dockWidgetArea(window.params_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    # The editor has the most room.
    assert window.centralWidget().width() > window.params_dock.width()
    assert window.centralWidget().width() > window.width() / 2


def test_the_activity_tab_comes_forward_when_a_task_is_sent_then_the_captions(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    arranged_as_new(window)
    assert in_front(window, "tasksDock")
    window.captions.dock.raise_()
    qtbot.waitUntil(lambda: in_front(window, "captionsDock"), timeout=2000)
    window.params.set_values({"subtitles": True})
    window.editor.set_text("Hello there. A second sentence follows.")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: in_front(window, "tasksDock"), timeout=3000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    window.task_list.play_requested.emit(job.audio_path)  # as the Play button does
    qtbot.waitUntil(lambda: in_front(window, "captionsDock"), timeout=3000)


def test_reset_layout_brings_back_closed_and_moved_docks(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    action = window.default_layout.reset_action
    assert action in window.view_menu.actions()
    window.tasks_dock.close()
    window.params_dock.setFloating(True)
    window.removeDockWidget(window.captions.dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.captions.dock)
    window.captions.dock.show()
    action.trigger()
    qtbot.wait(50)
    assert not window.params_dock.isFloating()
    assert window.tasks_dock.isVisible()
    arranged_as_new(window)
