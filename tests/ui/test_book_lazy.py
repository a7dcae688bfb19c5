"""The book view is built on first use (issue #12, start-up time) in the real studio window
against the demo server: until then File and View hold stand-ins that look like its own
entries; the first use puts its own in their places; a session that never touches a book
never builds it; the navigator comes back where the user left it in an earlier session."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

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

BOOK_ACTIONS = ("newBookAction", "openBookAction", "closeBookAction")


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def file_entries(window: MainWindow) -> list[tuple[str, str, bool]]:
    """(name, text, enabled) of the File menu's book entries, in menu order."""
    return [
        (a.objectName(), a.text(), a.isEnabled())
        for a in window.file_menu.actions()
        if a.objectName() in BOOK_ACTIONS
    ]


def view_entry(menu: QMenu, text: str) -> tuple[int, QAction]:
    (found,) = [(n, a) for n, a in enumerate(menu.actions()) if a.text() == text]
    return found


def navigator_dock(window: MainWindow) -> QDockWidget | None:
    return window.findChild(QDockWidget, "bookNavigator")


def test_the_first_use_puts_the_views_own_entries_where_the_stand_ins_were(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert not window.book.created
    assert navigator_dock(window) is None
    before = file_entries(window)
    assert before == [
        ("newBookAction", "New Book…", True),
        ("openBookAction", "Open Book…", True),
        ("closeBookAction", "Close Book", False),
    ]
    place, stand_in = view_entry(window.view_menu, "Book")
    assert stand_in.isCheckable() and not stand_in.isChecked()

    stand_in.trigger()  # View › Book: the navigator with its New and Open buttons

    assert window.book.created
    dock = navigator_dock(window)
    assert dock is not None and dock.isVisible()
    assert file_entries(window) == before  # the same entries, once each, in the same place
    controller = window.book.controller
    assert controller.open_action in window.file_menu.actions()
    assert view_entry(window.view_menu, "Book") == (place, dock.toggleViewAction())
    dock.toggleViewAction().trigger()  # and the View entry is the dock's own toggle now
    assert not dock.isVisible()


def test_a_single_script_session_never_builds_the_book_view(
    window: MainWindow, server: DemoServer, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.editor.set_text("One short script, spoken once.")
    button = window.submit_bar.button
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    button.click()
    qtbot.waitUntil(lambda: bool(window.task_list.jobs()), timeout=5000)
    assert window.book.may_close()
    assert not window.book.created  # neither Generate nor the close question built it


def test_file_open_book_builds_the_view_and_asks_for_the_folder(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    (stand_in,) = [a for a in window.file_menu.actions() if a.objectName() == "openBookAction"]
    stand_in.trigger()
    book = window.book
    qtbot.waitUntil(lambda: (d := book.file_dialog) is not None and d.isVisible(), timeout=5000)
    assert book.created
    book.file_dialog.reject()


def test_the_navigator_comes_back_where_the_user_left_it(aloop, qtbot, server: DemoServer) -> None:  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)
    try:
        dock = window.book.dock  # built on first use
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
    finally:
        studio.close_studio(qtbot, window, ctx)  # the window state is saved on closing
    window, ctx = studio.open_studio(qtbot, server)
    try:
        assert not window.book.created
        view_entry(window.view_menu, "Book")[1].trigger()
        dock = navigator_dock(window)
        assert dock is not None and dock.isVisible()
        assert window.dockWidgetArea(dock) is Qt.DockWidgetArea.RightDockWidgetArea
    finally:
        studio.close_studio(qtbot, window, ctx)
