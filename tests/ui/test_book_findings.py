"""The automatic checks' findings shown where they happened: underlined at their sentences in
the chapter text with the finding in words on hover, marked on the chapter's waveform, and
listed in Review › Findings… with ▶ Listen (the sentence's span) and Redo (the question
with its cost; Cancel charges nothing). Real window, demo server dropping a sentence from
every task."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QMessageBox, QPushButton

from soundclone_desktop.core.book.checks import CheckKind
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.book.checks import check_chapter
from soundclone_desktop.ui.book.editor_layers import Layer, layer_spans
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_findings_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
listen = _load("test_book_listen.py")
flagged = _load("test_book_redo_flagged.py")
pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore::ResourceWarning")]
TEXT = flagged.TEXT


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(
        task_seconds=0.2, audio_format="wav", content_faults=("drop-sentence",),
        content_fault_rate=1.0, seed=20261207,
    )  # fmt: skip


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def sentence(number: int) -> tuple[int, int]:
    start, end = sentence_spans(TEXT)[number - 1]
    return start, start + len(TEXT[start:end].rstrip())


def charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger() if e["kind"] == "charge"]


def test_findings_are_shown_in_the_text_on_the_waveform_and_in_a_list(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(flagged.make_book(tmp_path))
    qtbot.waitUntil(lambda: window.editor.text() == TEXT, timeout=5000)
    listen.render_and_play(qtbot, window)
    book = window.book
    store, chapter_id = book.store, book.chapter_id
    assert store is not None and chapter_id is not None
    expected = check_chapter(store, chapter_id)  # the checks, run here independently
    numbers = sorted({f.sentence for f in expected})
    assert len(numbers) >= 2 and all(f.kind is CheckKind.MISSING_WORDS for f in expected)

    # In the text: a wavy underline under exactly the flagged sentences.
    findings = book.findings
    qtbot.waitUntil(lambda: len(findings.visible()) == len(expected), timeout=30000)
    assert layer_spans(window.editor, Layer.FINDINGS) == [sentence(n) for n in numbers]
    for finding in expected:
        missing = re.match(r"not heard: (.*)$", finding.detail)
        assert missing is not None
        start, _end = sentence(finding.sentence)
        tip = window.editor.tooltip_at_index(start + 1)
        assert re.search(rf"Words missing: “{re.escape(missing.group(1))}” \(\d+\.\d s\)", tip)
    unflagged = next(n for n in range(1, 9) if n not in numbers)
    assert "Words missing" not in window.editor.tooltip_at_index(sentence(unflagged)[0] + 1)

    # On the waveform: a marker per finding, inside the chapter, near its sentence.
    waveform = window.player.waveform
    qtbot.waitUntil(lambda: len(waveform.finding_markers()) == len(expected), timeout=10000)
    timing = book.listening.timing
    assert timing is not None
    for (at, _), shown in zip(sorted(waveform.finding_markers()), findings.visible(), strict=True):
        clip = timing.by_number(shown.number)
        assert clip is not None
        assert 0 <= at <= waveform.duration()
        assert clip.begin_ms - 1500 <= at <= clip.end_ms + 1500

    # The list: one row per finding, ▶ plays the sentence's span and stops at its end.
    dialog = findings.open_list()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(expected), timeout=5000)
    first = findings.visible()[0]
    assert dialog.table.item(0, 0).text() == str(first.number)
    assert dialog.table.item(0, 1).text() == "Words missing"
    listen_button = dialog.table.cellWidget(0, 4)
    assert isinstance(listen_button, QPushButton) and listen_button.accessibleName()
    redo_button = dialog.table.cellWidget(0, 5)
    assert isinstance(redo_button, QPushButton) and redo_button.accessibleName()
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)  # the keyboard reaches the row's buttons
    assert dialog.focusWidget() is listen_button
    qtbot.keyClick(listen_button, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is redo_button
    window.player.pause()
    window.player.seek(0)
    listen_button.click()
    assert first.begin_ms is not None and first.end_ms is not None
    player = window.player
    qtbot.waitUntil(
        lambda: (
            player.playback_state() == QMediaPlayer.PlaybackState.PlayingState
            and first.begin_ms <= player.position_ms() < first.end_ms
        ),  # type: ignore[operator]
        timeout=10000,
    )
    qtbot.waitUntil(
        lambda: player.playback_state() != QMediaPlayer.PlaybackState.PlayingState,
        timeout=int(first.end_ms - first.begin_ms) + 5000,
    )
    assert first.end_ms - 50 <= player.position_ms() <= first.end_ms + 400

    # Double-click (here Enter) on a row: its sentence selected, the player there.
    last = len(findings.visible()) - 1
    shown = findings.visible()[last]
    dialog.table.setCurrentCell(last, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == sentence(shown.number)
    assert shown.begin_ms is not None
    assert abs(player.position_ms() - shown.begin_ms) < 400

    # Redo asks with the cost first; Cancel (the default) charges nothing.
    before = charges(server)
    assert dialog.table.cellWidget(0, 5) is redo_button  # the same rows: kept, not rebuilt
    redo_button.click()

    def question() -> QMessageBox | None:
        found = window.findChild(QMessageBox, "redoQuestion")
        return found if isinstance(found, QMessageBox) and found.isVisible() else None

    qtbot.waitUntil(lambda: question() is not None, timeout=30000)
    asked = question()
    assert asked is not None
    assert asked.informativeText().startswith("1 sentence: 1 task, ")
    assert asked.defaultButton() is asked.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(asked, Qt.Key.Key_Return)
    task = book.redo.task
    qtbot.waitUntil(lambda: task is not None and task.done(), timeout=10000)
    assert task is not None and task.result() is None
    assert charges(server) == before
    dialog.close()


def test_a_redone_sentence_loses_its_finding_once_its_new_take_lands(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from soundclone_desktop.demo.content_faults import ContentFaultPlan

    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(flagged.make_book(tmp_path))
    qtbot.waitUntil(lambda: window.editor.text() == TEXT, timeout=5000)
    listen.render_and_play(qtbot, window)
    book = window.book
    findings = book.findings
    qtbot.waitUntil(lambda: len(findings.visible()) >= 2, timeout=30000)
    numbers = [s.number for s in findings.visible()]
    server.state.content_faults = ContentFaultPlan((), 0.0, 0)  # the redo comes back whole
    dialog = findings.open_list()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(numbers), timeout=5000)
    redo_button = dialog.table.cellWidget(0, 5)
    assert isinstance(redo_button, QPushButton)
    redo_button.click()

    def question() -> QMessageBox | None:
        found = window.findChild(QMessageBox, "redoQuestion")
        return found if isinstance(found, QMessageBox) and found.isVisible() else None

    qtbot.waitUntil(lambda: question() is not None, timeout=30000)
    send = question().findChild(QPushButton, "redoSendButton")  # type: ignore[union-attr]
    assert send is not None
    send.click()
    task = book.redo.task
    qtbot.waitUntil(lambda: task is not None and task.done(), timeout=60000)
    assert task is not None and task.result() is not None and task.result().takes
    # Its new take chosen and clean: that sentence's finding goes, the others stay.
    qtbot.waitUntil(lambda: [s.number for s in findings.visible()] == numbers[1:], timeout=30000)
    assert layer_spans(window.editor, Layer.FINDINGS) == [sentence(n) for n in numbers[1:]]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(numbers) - 1, timeout=5000)
    dialog.close()
