"""The first-run tour with --demo: a sample script, five stops over the real widgets, Next,
Skip and Esc, and never again once seen."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.tour.tour import Tour


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


def the_tour(window: MainWindow) -> Tour | None:
    return window.findChild(Tour)


def outlines(window: MainWindow, tour: Tour) -> QRect:
    stop = tour.stops[tour.index]
    corner = stop.target.mapTo(window, stop.target.rect().topLeft())
    return QRect(corner, stop.target.size())


def test_first_run_shows_the_sample_and_five_stops_then_never_again(
    aloop, qtbot, server: DemoServer
) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server, argv=["--demo"])
    try:
        tour = the_tour(window)
        assert tour is not None and tour.running
        assert "sample script" in window.editor.toPlainText()
        assert not window.projects.is_modified()  # closing does not offer to save the sample
        titles = []
        for number in range(1, 6):
            assert tour.bubble.isVisible()
            assert tour.bubble.step_label.text() == f"{number} / 5"
            assert tour.outline.geometry().contains(outlines(window, tour))
            assert window.rect().contains(tour.bubble.geometry())  # nothing off-window
            titles.append(tour.bubble.title_label.text())
            QTest.mouseClick(tour.bubble.next_button, Qt.MouseButton.LeftButton)
        assert titles == [
            "Your script", "Pauses", "The voice", "The cost, before you pay", "Generate",
        ]  # fmt: skip
        assert not tour.bubble.isVisible() and not tour.running
        saved = ctx.settings_store.path
        qtbot.waitUntil(
            lambda: saved.exists() and json.loads(saved.read_text())["tour_seen"] is True,
            timeout=3000,
        )
    finally:
        studio.close_studio(qtbot, window, ctx)
    again, ctx2 = studio.open_studio(qtbot, server, argv=["--demo"])
    try:
        assert the_tour(again) is None
        assert again.editor.toPlainText() == ""
    finally:
        studio.close_studio(qtbot, again, ctx2)


def test_esc_skips_the_tour_and_it_is_remembered(aloop, qtbot, server: DemoServer) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server, argv=["--demo"])
    try:
        tour = the_tour(window)
        assert tour is not None
        QTest.mouseClick(tour.bubble.next_button, Qt.MouseButton.LeftButton)
        assert tour.bubble.step_label.text() == "2 / 5"
        QTest.keyClick(window.editor, Qt.Key.Key_Escape)
        assert not tour.running and not tour.bubble.isVisible()
        assert "sample script" in window.editor.toPlainText()  # the sample stays to try
        qtbot.waitUntil(lambda: ctx.settings.tour_seen, timeout=1000)
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_no_tour_without_demo_or_with_no_tour(aloop, qtbot, server: DemoServer) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)  # --demo --no-tour
    try:
        assert the_tour(window) is None and window.editor.toPlainText() == ""
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_help_take_the_tour_shows_it_again_without_touching_the_script(
    aloop, qtbot, server: DemoServer
) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)  # --no-tour
    try:
        window.editor.set_text("My own words.")
        action = window.help.tour_action
        assert action.isVisible() and action in window.help.menu.actions()
        action.trigger()
        tour = the_tour(window)
        assert tour is not None and tour.running and tour.bubble.isVisible()
        assert window.editor.toPlainText() == "My own words."
        QTest.keyClick(window.editor, Qt.Key.Key_Escape)
        assert not tour.running
    finally:
        studio.close_studio(qtbot, window, ctx)
