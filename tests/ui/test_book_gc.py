"""Once a book is open, a full garbage collection no longer re-scans the book and what the
app loaded before it: such a collection took ~230 ms on a render's heap, in whichever thread
ran it (a stitcher's prefetch thread, the GUI thread), holding the GIL, and was the longest
GUI stall of the 300-segment render left after the other fixes."""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.book.model import Book, BookSettings, new_chapter
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui


def test_opening_a_book_freezes_the_long_lived_heap(
    aloop, qtbot, tmp_path: Path, make_demo_server: Callable[..., DemoServer]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Frozen.scbook"
    chapters = tuple(new_chapter(f"Chapter {n}", "A sentence. " * 200) for n in range(20))
    book = Book(title="Frozen", settings=BookSettings(target_chars=400), chapters=chapters)
    BookStore.create(path, book).close()
    win, ctx = studio.open_studio(qtbot, make_demo_server())
    try:
        gc.unfreeze()  # what earlier tests of this process left frozen
        assert gc.get_freeze_count() == 0
        task = win.book.open_path(path)
        qtbot.waitUntil(task.done, timeout=10000)
        assert task.result() is True
        store = win.book.store
        assert store is not None
        assert gc.get_freeze_count() > 10_000  # the modules, the window, the book
        chapters = store.book.chapters
        # Not in any generation the collector scans: the open book is left alone.
        assert not any(o is chapters for o in gc.get_objects())
    finally:
        gc.unfreeze()
        studio.close_studio(qtbot, win, ctx)


def test_the_built_studio_is_frozen_too(
    aloop, qtbot, make_demo_server: Callable[..., DemoServer]
) -> None:  # type: ignore[no-untyped-def]
    """Without a book: a full collection of the studio's heap took 90–140 ms during a
    200-task burst (one in a worker holding the GIL), the burst's longest GUI stalls."""
    gc.unfreeze()  # what earlier tests of this process left frozen
    win, ctx = studio.open_studio(qtbot, make_demo_server())
    try:
        assert gc.get_freeze_count() > 10_000  # the modules and the window
    finally:
        studio.close_studio(qtbot, win, ctx)
