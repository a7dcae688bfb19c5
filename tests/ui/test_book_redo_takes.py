"""Redo as takes from the Review menu, in the real studio window against the real demo
server (loopback, WAV results): two marked sentences redone as ONE task after a question
showing both costs (Cancel the default), the chapter stitched again, the takes dialog
listing both takes of a redone sentence, playing each loudness-matched, and choosing take 1
restoring the chapter's original samples exactly."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.loudness import integrated_loudness
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book.redo import plan_redo
from soundclone_desktop.ui.book.editor_layers import Layer, layer_spans
from soundclone_desktop.ui.book.redo_action import cost_summary
from soundclone_desktop.ui.book.takes_panel import TakesDialog
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_redo_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
listen = _load("test_book_listen.py")  # the rendered book and its helpers
pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore::ResourceWarning")]

MARKED = (2, 3)


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger()
            if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"]  # fmt: skip


def question(window: MainWindow) -> QMessageBox | None:
    found = window.findChild(QMessageBox, "redoQuestion")
    return found if isinstance(found, QMessageBox) and found.isVisible() else None


def hear(qtbot, window: MainWindow, number: int) -> None:  # type: ignore[no-untyped-def]
    """Make sentence ``number`` the current one the way a listener does: seek into it."""
    timing = window.book.listening.timing
    assert timing is not None
    clip = timing.by_number(number)
    assert clip is not None
    window.player.pause()
    window.player.seek(int(clip.begin_ms) + 100)
    qtbot.waitUntil(lambda: listen.heard(window) == [listen.sentence(number)], timeout=5000)


def test_marked_sentences_are_redone_as_one_task_and_a_take_can_be_chosen_back(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    listen.open_book(qtbot, window, listen.make_book(tmp_path))
    listen.render_and_play(qtbot, window)
    book = window.book
    store, chapter_id = book.store, book.chapter_id
    assert store is not None and chapter_id is not None
    original_path = book.listening.audio_path
    assert original_path is not None
    original = decode(original_path).samples.copy()
    for number in MARKED:
        hear(qtbot, window, number)
        with qtbot.waitSignal(book.listening.marks_changed):
            book.listening.mark_action.trigger()  # Alt+M
    assert layer_spans(window.editor, Layer.MARKED) == [listen.sentence(n) for n in MARKED]
    before = len(charges(server))

    # Enter on the question is Cancel: nothing is sent.
    book.redo.redo_marked_action.trigger()
    qtbot.waitUntil(lambda: question(window) is not None, timeout=20000)
    asked = question(window)
    assert asked is not None
    assert asked.defaultButton() is asked.button(QMessageBox.StandardButton.Cancel)
    first = book.redo.task
    qtbot.keyClick(asked, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first is not None and first.done(), timeout=5000)
    assert first is not None and first.result() is None
    assert len(charges(server)) == before

    # Asked again and accepted: both costs shown, one task sent.
    prices = window.book.needs.ctx.prices()
    plan = plan_redo(store, chapter_id, MARKED, prices)
    book.redo.redo_marked_action.trigger()
    qtbot.waitUntil(lambda: question(window) is not None, timeout=20000)
    asked = question(window)
    assert asked is not None
    shown = asked.informativeText()
    assert shown == cost_summary(plan, prices.currency)
    assert shown.startswith("2 sentences: 1 task, ") and "instead of 2 tasks" in shown
    assert money_text(plan.cost, prices.currency) in shown
    assert money_text(plan.separate_cost, prices.currency) in shown
    assert plan.cost is not None and plan.separate_cost is not None
    assert plan.cost < plan.separate_cost  # one voice fee instead of two
    send = asked.findChild(QPushButton, "redoSendButton")
    assert send is not None
    send.click()
    task = book.redo.task
    qtbot.waitUntil(lambda: task is not None and task.done(), timeout=60000)
    assert task is not None
    result = task.result()
    assert result is not None and len(result.takes) == len(MARKED)
    new = charges(server)[before:]
    assert len(new) == 1  # one task for both sentences
    assert int(str(new[0]["chars"])) == plan.billable_chars

    # The chapter is stitched again with the new takes and loaded, ready to play.
    qtbot.waitUntil(lambda: window.player.path() == original_path, timeout=20000)
    redone = decode(original_path).samples
    assert redone.shape != original.shape or not np.array_equal(redone, original)

    # The takes of sentence 2: the rendered one and the redo's, the redo's chosen.
    hear(qtbot, window, MARKED[0])
    dialog = book.redo.open_takes()
    assert isinstance(dialog, TakesDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20000)
    assert [t.number for t in dialog.takes] == [1, 2]
    assert [t.chosen for t in dialog.takes] == [False, True]
    chosen_cell = dialog.table.item(1, 3)
    assert chosen_cell is not None and chosen_cell.text() == "✓"
    assert not dialog.table.cellWidget(1, 6).isEnabled()  # already chosen

    # ▶ plays exactly each take's span, loudness-matched to the other.
    played = []
    for number in (1, 2):
        play = dialog.play(number)
        qtbot.waitUntil(play.done, timeout=20000)
        path = play.result()
        assert isinstance(path, Path)
        qtbot.waitUntil(lambda p=path: window.player.path() == p, timeout=5000)
        take = dialog.takes[number - 1]
        clip = decode(path)
        assert clip.seconds == pytest.approx(take.end_s - take.start_s, abs=0.002)
        played.append(integrated_loudness(clip))
    assert played[0] is not None and played[1] is not None
    assert abs(played[0] - played[1]) < 0.5  # LU

    # Choosing take 1 again (for both sentences) restores the chapter, sample for sample.
    choose_first(qtbot, window, dialog)
    hear(qtbot, window, MARKED[1])
    other = book.redo.open_takes()
    assert isinstance(other, TakesDialog) and other.number == MARKED[1]
    assert not dialog.isVisible()  # one takes dialog at a time
    qtbot.waitUntil(lambda: other.table.rowCount() == 2, timeout=20000)
    choose_first(qtbot, window, other)
    assert np.array_equal(decode(original_path).samples, original)
    other.close()

    # "Redo This Sentence…": the sentence heard alone, one cost (no comparison to make).
    book.redo.redo_current_action.trigger()
    qtbot.waitUntil(lambda: question(window) is not None, timeout=20000)
    asked = question(window)
    assert asked is not None
    single = plan_redo(store, chapter_id, [MARKED[1]], prices)
    assert asked.informativeText() == "1 sentence: 1 task, " + money_text(
        single.cost, prices.currency
    )
    qtbot.keyClick(asked, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: book.redo.task is not None and book.redo.task.done(), timeout=5000)
    assert len(charges(server)) == before + 1


def choose_first(qtbot, window: MainWindow, dialog: TakesDialog) -> None:  # type: ignore[no-untyped-def]
    """Click "Choose" on take 1 and wait until the chapter is stitched and loaded again."""
    dialog.table.cellWidget(0, 6).click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.working is not None and dialog.working.done(), timeout=30000)
    assert [t.chosen for t in dialog.takes] == [True, False]
    assert window.player.path() == window.book.listening.audio_path


def test_an_edit_made_while_the_question_is_open_sends_nothing(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    """The sentences were numbered in the text as it was: after an edit they may be others."""
    listen.open_book(qtbot, window, listen.make_book(tmp_path))
    listen.render_and_play(qtbot, window)
    book = window.book
    hear(qtbot, window, 2)
    before = len(charges(server))
    book.redo.redo_current_action.trigger()
    qtbot.waitUntil(lambda: question(window) is not None, timeout=20000)
    asked = question(window)
    assert asked is not None
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Dawn came. ")  # a new first sentence: sentence 2 is another now
    send = asked.findChild(QPushButton, "redoSendButton")
    assert send is not None
    send.click()
    qtbot.waitUntil(lambda: book.redo.task is not None and book.redo.task.done(), timeout=20000)
    assert book.redo.task is not None and book.redo.task.result() is None
    assert len(charges(server)) == before
    store = book.store
    assert store is not None and store.book.chapter(book.chapter_id or "").text.startswith("Dawn")
