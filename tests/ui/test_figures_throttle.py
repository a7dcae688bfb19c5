"""The open chapter's layers (findings, changed segments) recompute only when what they show
changed: a render of ANOTHER chapter (its takes landing one after another, each a
``figures_changed``) recomputes nothing, a render of the open chapter does, once per burst.
Before, every change of the book refreshed both layers (at most every 10 s while rendering):
11 % of a core while a 300-segment render waited. Real window, demo server."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QItemSelectionModel

from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.book import figures_throttle
from soundclone_desktop.ui.book.findings_layer import ChapterFindings
from soundclone_desktop.ui.book.stale_layer import StaleSegments
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_throttle_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
rendering = _load("test_book_render.py")
pytestmark = pytest.mark.gui
SETTLE_MS = 50  # the real moments are 2 s and 10 s: short here, so a refresh would show


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each layer computed (the worker's work), the settle moments shortened."""
    monkeypatch.setattr(figures_throttle, "FIGURES_SETTLE_MS", SETTLE_MS)
    monkeypatch.setattr(figures_throttle, "RENDERING_SETTLE_MS", SETTLE_MS)
    counts = {"findings": 0, "stale": 0}
    for name, cls in (("findings", ChapterFindings), ("stale", StaleSegments)):
        real = cls._compute

        async def counted(self, *args, _real=real, _name=name):  # type: ignore[no-untyped-def]
            counts[_name] += 1
            return await _real(self, *args)

        monkeypatch.setattr(cls, "_compute", counted)
    return counts


def _render_selected(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    """Select the row (the chapter in the editor stays) and click Render selected."""
    nav = window.book.navigator
    selection = nav.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.select(nav.model.index(row, 0), flags.ClearAndSelect | flags.Rows)
    qtbot.waitUntil(nav.render_selected_button.isEnabled, timeout=5000)
    nav.render_selected_button.click()
    rendering.confirmation(qtbot, window).render_button.click()


def test_a_render_of_another_chapter_recomputes_nothing_of_the_open_one(
    window: MainWindow, qtbot, tmp_path: Path, computed: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    rendering.open_book(qtbot, window, rendering.make_book(tmp_path))
    book = window.book
    first, second = (c.id for c in book.store.book.chapters)
    qtbot.waitUntil(lambda: book.chapter_id == first, timeout=5000)
    qtbot.waitUntil(lambda: computed["findings"] >= 1 and computed["stale"] >= 1, timeout=5000)
    qtbot.wait(500)  # the open's own refreshes are done
    before = dict(computed)

    _render_selected(qtbot, window, 1)
    qtbot.waitUntil(lambda: rendering.statuses(window)[1] == "Rendered", timeout=30000)
    qtbot.wait(SETTLE_MS * 10)  # a refresh owed by the last take would have run
    assert book.chapter_id == first
    assert computed == before  # three takes of chapter 2 landed: nothing recomputed

    _render_selected(qtbot, window, 0)  # the open chapter's own takes: they are shown
    qtbot.waitUntil(lambda: rendering.statuses(window)[0] == "Rendered", timeout=30000)
    qtbot.waitUntil(
        lambda: computed["findings"] > before["findings"] and computed["stale"] > before["stale"],
        timeout=5000,
    )
    assert book.chapter_id == first and second != first
