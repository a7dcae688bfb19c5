"""The book view's figures under a stream of changes (a render adopts takes many times a
second): refreshes are coalesced, at most one computation in flight and one owed, and the
figures shown in the end are those of the latest book. Before, every change started its own
computation of the whole book's overview in a worker holding the GIL (the render's longest
GUI stall, 1.9 s on the loaded VM)."""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.book.model import Book, BookSettings, new_chapter
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.book import controller as controller_module
from soundclone_desktop.ui.book.chapter_model import COL_TITLE
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
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, make_demo_server())
    yield win
    studio.close_studio(qtbot, win, ctx)


def _book(folder: Path) -> Path:
    path = folder / "Refresh.scbook"
    chapters = tuple(new_chapter(f"Chapter {n}", f"Chapter {n} has a sentence.") for n in range(8))
    BookStore.create(path, Book(title="Refresh", settings=BookSettings(target_chars=40),
                                chapters=chapters)).close()  # fmt: skip
    return path


def test_many_changes_make_at_most_two_overview_computations(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = window.book
    opened = book.open_path(_book(tmp_path))
    qtbot.waitUntil(opened.done, timeout=10000)
    assert opened.result() is True
    computed: list[float] = []
    in_flight = [0, 0]  # now, most at once
    lock = threading.Lock()
    real = controller_module._figures

    def slow_figures(*args: object) -> object:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight)
        try:
            time.sleep(0.2)  # a big book's overview: the changes below arrive meanwhile
            computed.append(time.monotonic())
            return real(*args)  # type: ignore[arg-type]
        finally:
            with lock:
                in_flight[0] -= 1

    monkeypatch.setattr(controller_module, "_figures", slow_figures)
    store = book.store
    assert store is not None
    first_id = store.book.chapters[0].id
    tasks = []
    for n in range(10):  # ten changes in a row, each asking for the figures
        store.update_chapter(first_id, title=f"Title {n}")
        tasks.append(book.refresh())
        qtbot.wait(10)
    for task in tasks:
        assert task is not None
        qtbot.waitUntil(task.done, timeout=10000)
    assert len(computed) <= 2
    assert in_flight[1] == 1
    assert book.model.index(0, COL_TITLE).data() == "Title 9"  # the latest book is shown
