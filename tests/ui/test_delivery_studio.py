"""Delivering from the real studio window (demo server over loopback): File › Deliver
Audiobook… is off until a book is open, then opens the dialog for that book, which delivers
it and reports; adding the credits puts two chapters into the navigator."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.book.chapter_model import COL_TITLE
from soundclone_desktop.ui.delivery.dialog import DeliveryDialog
from soundclone_desktop.ui.main_window import MainWindow
from tests.ui.delivery_book import rendered_book


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
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.3))
    yield win
    studio.close_studio(qtbot, win, ctx)


def deliver_action(window: MainWindow) -> QAction:
    found = [a for a in window.file_menu.actions() if a.objectName() == "deliverBookAction"]
    assert len(found) == 1
    return found[0]


def test_file_deliver_audiobook_delivers_the_open_book(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    action = deliver_action(window)
    assert not action.isEnabled()  # no book open

    book = rendered_book(tmp_path)
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(book)
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(DeliveryDialog, "deliveryDialog")
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.form.title_edit.text() == "Harbour Tales"

    dialog.form.set_profile("acx")
    qtbot.mouseClick(dialog.deliver_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120_000)
    assert dialog.report_view.verdict.text().startswith("Every file passes ACX / Audible")
    assert sorted(p.name for p in (tmp_path / "Harbour delivery").glob("*.mp3")) == [
        "01-The Harbour.mp3", "02-The Lighthouse.mp3",
    ]  # fmt: skip

    # The credits the report asks for, added from the dialog, appear in the navigator.
    dialog.form.credits.add_button.click()
    model = window.book.model
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10000)
    titles = [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]
    assert titles == ["Opening credits", "The Harbour", "The Lighthouse", "Closing credits"]
    dialog.reject()
    assert not dialog.isVisible()

    window.book.close_book()
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=10000)
