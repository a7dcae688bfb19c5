"""Review › Redo flagged sentences: the chapter's takes are checked, and every sentence with
a finding is sent again as one task after the same question (both costs, Cancel default)."""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book.checks import check_chapter
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_flagged_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
listen = _load("test_book_listen.py")
pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore::ResourceWarning")]


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    # Every production task drops one sentence from its audio and subtitles.
    return make_demo_server(
        task_seconds=0.2, audio_format="wav", content_faults=("drop-sentence",),
        content_fault_rate=1.0, seed=20261207,
    )  # fmt: skip


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


TEXT = (
    "The river was low that summer. The boats stayed on the sand.\n\n"
    "Children walked across to the island. Their mothers watched from the bank.\n\n"
    "In August the rain came back. The water rose in a single night.\n\n"
    "By morning the island was gone. Only the old willow showed above the water."
)


def make_book(folder: Path) -> Path:
    """The listening tests' chapter in segments of several sentences (a dropped sentence
    needs company to be noticed)."""
    path = folder / "River.scbook"
    params = dataclasses.replace(blank_params(), model_id=DEMO_VOICE_ID, subtitles=True)
    book = Book(title="River", settings=BookSettings(params=params, target_chars=90),
                chapters=(new_chapter("One", TEXT),))  # fmt: skip
    BookStore.create(path, book).close()
    return path


def creates(server: DemoServer) -> int:
    return sum(1 for e in server.ledger()
               if e["kind"] == "charge" and e["item"] == "sound-cloning-audio")  # fmt: skip


def test_flagged_sentences_are_redone_as_one_task(
    window: MainWindow, qtbot, server, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(make_book(tmp_path))
    qtbot.waitUntil(lambda: window.editor.text() == TEXT, timeout=5000)
    listen.render_and_play(qtbot, window)
    book = window.book
    store, chapter_id = book.store, book.chapter_id
    assert store is not None and chapter_id is not None
    flagged = sorted({f.sentence for f in check_chapter(store, chapter_id) if f.sentence > 0})
    assert len(flagged) >= 2  # one dropped sentence per segment
    before = creates(server)
    action = book.redo.redo_flagged_action
    assert action.isEnabled() and action in book.listening.menu.actions()
    action.trigger()

    def question() -> QMessageBox | None:
        found = window.findChild(QMessageBox, "redoQuestion")
        return found if isinstance(found, QMessageBox) and found.isVisible() else None

    qtbot.waitUntil(lambda: question() is not None, timeout=30000)
    asked = question()
    assert asked is not None
    shown = asked.informativeText()
    assert shown.startswith(f"{len(flagged)} sentences: 1 task, ")
    assert f"instead of {len(flagged)} tasks" in shown
    assert asked.defaultButton() is asked.button(QMessageBox.StandardButton.Cancel)
    send = asked.findChild(QPushButton, "redoSendButton")
    assert send is not None
    send.click()
    task = book.redo.task
    qtbot.waitUntil(lambda: task is not None and task.done(), timeout=60000)
    assert creates(server) == before + 1  # every flagged sentence in one task
