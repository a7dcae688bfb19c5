"""While a book renders, the Generate button shows the render queue's progress on itself
(the real window, a small book rendered by the demo server over loopback): the fill is the
segments done of the segments in this render and only rises, to full; the tooltip and the
accessible description name the counts; afterwards the button is as before. Snapshots are
coalesced: a 300-segment render does not repaint the button per segment."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.book.progress import ChapterProgress, QueueState, RenderSnapshot
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.submit.progress import BOOK_COALESCE_MS, BOOK_DONE_MS, ButtonProgress
from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
book_render = _load("test_book_render.py")  # its book and window helpers
pytestmark = pytest.mark.gui

# Six paragraphs, each longer than the book's target: six segments, six tasks.
CHAPTERS = [
    (
        f"Part {c}",
        "\n\n".join(f"Paragraph {i} of part {c} goes on for a while here." for i in range(3)),
    )
    for c in (1, 2)
]


@pytest.fixture
def window(
    aloop, qtbot: QtBot, make_demo_server: Callable[..., DemoServer]
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    server = make_demo_server(task_seconds=0.4, audio_format="wav")
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


class Shown:
    """What the button showed, in order: its fill and its tooltip at each change."""

    def __init__(self, window: MainWindow) -> None:
        self.fills: list[float | None] = []
        self.tips: list[str] = []
        bar = window.submit_bar
        original = bar.set_progress

        def recording(fraction: float | None, activity: str = "") -> None:
            original(fraction, activity)
            self.fills.append(bar.button.progress)
            self.tips.append(bar.button.toolTip())

        bar.set_progress = recording  # type: ignore[method-assign]


def test_a_book_render_fills_the_generate_button_and_names_the_counts(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    button = window.submit_bar.button
    book_render.open_book(qtbot, window, book_render.make_book(tmp_path, CHAPTERS))
    nav = window.book.navigator
    qtbot.waitUntil(nav.render_book_button.isEnabled, timeout=5000)
    nav.render_book_button.click()
    shown = Shown(window)  # the bar's own method is wrapped before the first snapshot
    window.controller.progress._show = window.submit_bar.set_progress
    book_render.confirmation(qtbot, window).render_button.click()
    qtbot.waitUntil(lambda: "Rendering book" in button.toolTip(), timeout=10_000)
    assert "Rendering book" in button.accessibleDescription()
    book_render.wait_rendered(qtbot, window)
    qtbot.waitUntil(lambda: button.progress is None, timeout=10_000)

    book = [(fill, tip) for fill, tip in zip(shown.fills, shown.tips, strict=True) if "book" in tip]
    fills = [fill for fill, _ in book]
    assert fills and all(fill is not None for fill in fills)
    assert fills == sorted(fills), fills  # only rises
    assert fills[-1] == 1.0
    # The last snapshots may come too close to be shown apart: the end says it in full.
    assert "Rendered the book · 6/6 segments" in book[-1][1], book
    assert all("/6 segments" in tip for _, tip in book)
    # Afterwards: as before the render.
    assert "book" not in button.toolTip() and button.accessibleDescription() == ""


def snapshot(done: int, total: int, state: QueueState = QueueState.RUNNING) -> RenderSnapshot:
    return RenderSnapshot(state, {"ch": ChapterProgress("ch", done, total)}, eta_seconds=840.0)


def test_snapshots_are_coalesced_and_a_pause_is_said(qtbot: QtBot) -> None:
    shown: list[tuple[float | None, str]] = []
    parent = QObject()
    progress = ButtonProgress(RunnerBridge(), lambda f, a: shown.append((f, a)), parent=parent)
    for done in range(301):
        progress.show_book(snapshot(min(done, 300), 300))
    qtbot.wait(BOOK_COALESCE_MS * 2)
    assert len(shown) <= 3, len(shown)  # the first at once, the latest after a moment
    assert shown[-1] == (1.0, "Rendering book · 300/300 segments · ~14 min left")
    progress.show_book(snapshot(300, 300, QueueState.PAUSED))
    qtbot.wait(BOOK_COALESCE_MS * 2)
    assert shown[-1] == (1.0, "Book render paused · 300/300 segments")
    progress.show_book(snapshot(300, 300, QueueState.IDLE))
    assert shown[-1] == (1.0, "Rendered the book · 300/300 segments")  # full, for a moment
    qtbot.waitUntil(lambda: shown[-1] == (None, ""), timeout=BOOK_DONE_MS * 3)
    # A render that ends unfinished (a budget, a stop) goes back at once.
    progress.show_book(snapshot(10, 300))
    progress.show_book(snapshot(20, 300, QueueState.IDLE))
    assert shown[-1] == (None, "")
