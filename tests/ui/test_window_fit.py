"""The first window fits a small laptop screen, and every dock stays usable at 800×560.

Issue 11, item 11: the fixed 1200×780 first window was taller than a 1366×768 screen (the
status bar with the balance below its edge), and at 800×560 the player's seek bar shrank to
a 15×15 square.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QSlider

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.window_state import (
    FRAME_ALLOWANCE,
    PREFERRED_SIZE,
    first_window_position,
    first_window_size,
)


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()

# A title bar and borders as window managers draw them (GNOME, KDE, Windows 11: 30–40 px).
TYPICAL_FRAME = QSize(2, 40)


@pytest.mark.parametrize(
    "available",
    [
        QRect(0, 0, 1366, 768),  # no task bar
        QRect(0, 27, 1366, 741),  # GNOME's top bar
        QRect(0, 0, 1366, 728),  # Windows' task bar
        QRect(0, 0, 1280, 680),
    ],
)
def test_the_first_window_fits_a_laptop_screen_with_its_frame(available: QRect) -> None:
    size = first_window_size(available.size())
    assert size.width() + TYPICAL_FRAME.width() <= available.width()
    assert size.height() + TYPICAL_FRAME.height() <= available.height()
    assert size.width() >= 800 and size.height() >= 560  # still a comfortable window
    frame = QRect(first_window_position(available, size), size + FRAME_ALLOWANCE)
    assert available.contains(frame)  # centred, nothing off screen


def test_a_large_screen_gets_the_preferred_size_centred() -> None:
    available = QRect(0, 0, 1920, 1040)
    size = first_window_size(available.size())
    assert size == PREFERRED_SIZE
    position = first_window_position(available, size)
    outer = size + FRAME_ALLOWANCE
    assert position.x() == (1920 - outer.width()) // 2
    assert position.y() == (1040 - outer.height()) // 2


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.mark.gui
def test_the_first_window_fits_the_screen_it_opens_on(aloop, qtbot, server: DemoServer) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)
    try:
        available = window.screen().availableGeometry()  # 800×800 offscreen
        assert window.width() <= available.width()
        assert window.height() <= available.height()
        assert window.statusBar().geometry().bottom() < window.height()
    finally:
        studio.close_studio(qtbot, window, ctx)


@pytest.mark.gui
def test_every_dock_is_usable_at_800_by_560(aloop, qtbot, server: DemoServer) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)
    try:
        window.resize(800, 560)
        qtbot.waitUntil(lambda: window.size() == QSize(800, 560))
        qtbot.wait(50)  # the docks' layouts settle
        seek = window.findChild(QSlider, "playerSeekSlider")
        assert seek is not None and seek.isVisible()
        assert seek.width() > 4 * seek.height(), seek.size()
        for dock in window.findChildren(QDockWidget):
            if not dock.isVisible() or dock.widget().visibleRegion().isEmpty():
                continue  # a tab behind another one
            content = dock.widget()
            hint = content.minimumSizeHint()
            assert content.width() >= hint.width(), dock.objectName()
            for slider in content.findChildren(QSlider):
                if slider.isVisible():
                    long_side = max(slider.width(), slider.height())
                    assert long_side >= 3 * min(slider.width(), slider.height()), (
                        dock.objectName(),
                        slider.objectName(),
                        slider.size(),
                    )
            for button in content.findChildren(QAbstractButton):
                if button.isVisible():
                    assert button.width() >= button.minimumSizeHint().width(), (
                        dock.objectName(),
                        button.text(),
                    )
    finally:
        studio.close_studio(qtbot, window, ctx)
