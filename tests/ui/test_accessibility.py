"""Every control of the studio has a name a screen reader can say, and the main ones are
reachable with Tab; every toolbar action is also in a menu (reachable with the keyboard)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

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
CONTROLS = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QSlider, QAbstractItemView,
    QPlainTextEdit, QTextEdit,
)  # fmt: skip


@pytest.fixture
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.3))
    yield win
    studio.close_studio(qtbot, win, ctx)


def spoken_name(widget: QWidget, buddies: dict[QWidget, str]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    return buddies.get(widget, "")


def unnamed(root: QWidget) -> list[str]:
    buddies = {label.buddy(): label.text() for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own editor: the box carries the name
        if not spoken_name(widget, buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_a_name(window: MainWindow) -> None:
    assert unnamed(window) == []
    browser = window.voices.open_browser()
    assert unnamed(browser) == []
    browser.close()


def test_main_controls_are_reachable_with_tab(window: MainWindow) -> None:
    chain: list[QWidget] = []
    widget: QWidget = window.editor
    for _ in range(400):
        widget = widget.nextInFocusChain()
        if widget is window.editor:
            break
        tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget.isVisible() and widget.isEnabled() and tabbable:
            chain.append(widget)
    play = window.player.findChild(QAbstractButton, "playerPlayButton")
    assert play is not None
    for needed in (window.params.voice_combo, window.task_list.tree, play):
        assert needed in chain or not needed.isEnabled(), needed.objectName()
        assert needed.focusPolicy() & Qt.FocusPolicy.TabFocus, needed.objectName()
    assert window.submit_bar.button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_toolbar_actions_are_also_in_menus(window: MainWindow) -> None:
    in_menus = set()
    for menu in window.menuBar().findChildren(QMenu):
        in_menus.update(menu.actions())
    for action in window.toolbar.actions():
        if not action.isSeparator():
            assert action in in_menus, action.objectName()
