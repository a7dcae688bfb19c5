"""The book view in the real studio window (demo server over loopback): opening a book
through File › Open Book…, the chapter list, editing a chapter, reordering, settings with
the money trade-off, the estimate line, render controls, and no GUI stall on a big book."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QFileDialog, QLineEdit

from soundclone_desktop.core.book.estimate import estimate_book, size_tradeoff
from soundclone_desktop.core.book.model import Book, BookSettings, chapter_segments, new_chapter
from soundclone_desktop.core.book.progress import ChapterProgress, QueueState, RenderSnapshot
from soundclone_desktop.core.book.segment import segment_chapter
from soundclone_desktop.core.book.takes import RenderStatus, Take
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.book.chapter_model import COL_STATUS, COL_TITLE
from soundclone_desktop.ui.book.texts import estimate_text, tradeoff_text
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

# Each paragraph is longer than the target (so it is an anchor: a run of its own) and
# shorter than twice it (so it is one segment): one paragraph, one segment.
TARGET = 40
PARAGRAPHS = [
    "The first paragraph of the second chapter, long enough to stand alone.",
    "A second paragraph follows it here, also long enough to be one segment.",
    "The third paragraph is the one the test edits in the studio's editor.",
    "And the fourth paragraph closes the chapter with a quiet final sentence.",
]
CHAPTERS = [
    ("Opening", "Chapter one begins here.\n\nIt has two short paragraphs."),
    ("Middle", "\n\n".join(PARAGRAPHS)),
    ("Ending", "The last chapter says goodbye."),
]


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def make_book(folder: Path, chapters=CHAPTERS, target: int = TARGET) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "Novel.scbook"
    book = Book(
        title="A Novel",
        settings=BookSettings(target_chars=target),
        chapters=tuple(new_chapter(title, text) for title, text in chapters),
    )
    BookStore.create(path, book).close()
    return path


def give_every_segment_a_take(path: Path) -> None:
    with BookStore.open(path) as store:
        for chapter in store.chapters():
            for n, row in enumerate(store.rows(chapter.id)):
                take = Take(
                    id=f"{chapter.id[:8]}-{n}",
                    task_local_id=None,
                    audio_path=f"audio/{chapter.id[:8]}-{n}.mp3",
                    subtitle_path=None,
                    duration=2.5,
                    created_at=1.0,
                    fingerprint=row.fingerprint,
                    request_text=row.segment.request_text,
                )
                store.add_take(chapter.id, row.segment.id, take)


def action(window: MainWindow, name: str) -> QAction:
    found = [a for a in window.file_menu.actions() if a.objectName() == name]
    assert found, name
    return found[0]


def open_through_menu(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    """File › Open Book…, the folder typed into the dialog as a user would."""
    action(window, "openBookAction").trigger()
    book = window.book
    qtbot.waitUntil(lambda: (d := book.file_dialog) is not None and d.isVisible(), timeout=5000)
    dialog = book.file_dialog
    assert isinstance(dialog, QFileDialog)
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    with qtbot.waitSignal(book.book_opened, timeout=10000):
        name_edit.setText(str(path))
        dialog.accept()


def titles(window: MainWindow) -> list[str]:
    model = window.book.model
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def test_no_book_keeps_the_single_script_studio(window: MainWindow) -> None:
    assert not window.book.dock.isVisible()
    names = [a.objectName() for a in window.file_menu.actions()]
    assert {"newBookAction", "openBookAction", "closeBookAction"} <= set(names)
    assert not action(window, "closeBookAction").isEnabled()


def test_open_book_lists_chapters_and_selecting_shows_the_text(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    book = window.book
    assert book.dock.isVisible()
    assert titles(window) == ["Opening", "Middle", "Ending"]
    statuses = [book.model.index(r, COL_STATUS).data() for r in range(3)]
    assert statuses == ["Not rendered"] * 3
    assert window.editor.text() == CHAPTERS[0][1]  # the first chapter is selected
    book.navigator.table.selectRow(1)
    assert window.editor.text() == CHAPTERS[1][1]
    assert book.chapter_id == book.model.line(1).chapter_id  # type: ignore[union-attr]


def test_typing_saves_and_only_the_edited_paragraph_loses_its_audio(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    give_every_segment_a_take(path)
    open_through_menu(qtbot, window, path)
    book = window.book
    assert book.model.index(1, COL_STATUS).data() == "Rendered"
    book.navigator.table.selectRow(1)
    editor = window.editor
    offset = CHAPTERS[1][1].index("the one the test edits")
    cursor = editor.textCursor()
    cursor.setPosition(offset)
    editor.setTextCursor(cursor)
    editor.setFocus()
    with qtbot.waitSignal(book.chapter_saved, timeout=5000):
        qtbot.keyClicks(editor, "truly ")
    edited = CHAPTERS[1][1][:offset] + "truly " + CHAPTERS[1][1][offset:]
    with BookStore.open(path) as reopened:  # what is on disk, read by a second reader
        chapter = reopened.book.chapters[1]
        assert chapter.text == edited
        kinds = [row.status.kind for row in reopened.rows(chapter.id)]
    assert kinds == [
        RenderStatus.RENDERED,
        RenderStatus.RENDERED,
        RenderStatus.NOT_RENDERED,
        RenderStatus.RENDERED,
    ]
    qtbot.waitUntil(lambda: book.model.index(1, COL_STATUS).data() == "Rendered 3/4", timeout=5000)


def test_reorder_by_model_move_is_saved(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    book = window.book
    ids = [book.model.line(r).chapter_id for r in range(3)]  # type: ignore[union-attr]
    with qtbot.waitSignal(book.figures_changed, timeout=5000):
        assert book.model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert titles(window) == ["Middle", "Ending", "Opening"]
    assert [book.model.line(r).number for r in range(3)] == [1, 2, 3]  # type: ignore[union-attr]
    with BookStore.open(path) as reopened:
        assert [c.id for c in reopened.chapters()] == [ids[1], ids[2], ids[0]]


def test_settings_dialog_shows_the_tradeoff_and_saves_the_target(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    book = window.book
    book.navigator.settings_button.click()
    dialog = book.dialog
    assert dialog is not None and dialog.objectName() == "bookSettingsDialog"
    dialog.target_spin.setValue(60)  # type: ignore[attr-defined]
    prices = window.ctx.prices()
    expected = tradeoff_text(size_tradeoff([t for _, t in CHAPTERS], 60, prices))
    label = dialog.tradeoff_label  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.text() == expected, timeout=5000)
    assert expected.startswith("60 chars: ")
    with qtbot.waitSignal(book.figures_changed, timeout=5000):
        dialog.accept()
    with BookStore.open(path) as reopened:
        assert reopened.book.settings.target_chars == 60


def test_estimate_line_equals_the_core_estimate(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    prices = window.ctx.prices()
    expected = estimate_book([segment_chapter(t, target_chars=TARGET) for _, t in CHAPTERS], prices)
    book = window.book
    assert book.overview is not None and book.overview.estimate == expected
    assert book.navigator.estimate_label.text() == estimate_text(expected, "Book")
    # Typing changes it (debounced, computed in a worker).
    book.navigator.table.selectRow(2)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " More words.")
    texts = [CHAPTERS[0][1], CHAPTERS[1][1], CHAPTERS[2][1] + " More words."]
    expected = estimate_book([segment_chapter(t, target_chars=TARGET) for t in texts], prices)
    label = book.navigator.estimate_label
    qtbot.waitUntil(lambda: label.text() == estimate_text(expected, "Book"), timeout=5000)


def test_render_controls_say_why_they_are_unavailable_and_show_progress(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    nav = window.book.navigator
    for button in (nav.render_book_button, nav.render_selected_button, nav.pause_button):
        assert not button.isEnabled()
    assert nav.render_note.text() == "Choose the book's voice in Book settings first."
    chapter_id = window.book.model.line(1).chapter_id  # type: ignore[union-attr]
    snapshot = RenderSnapshot(
        QueueState.RUNNING, {chapter_id: ChapterProgress(chapter_id, 2, 4, audio_seconds=90)}
    )
    window.book._on_snapshot(snapshot)  # what the render adapter will deliver
    assert window.book.model.index(1, COL_STATUS).data() == "Rendering 2/4"
    assert "2 of 4 segments, 1.5 min of audio" in nav.progress_label.text()


def test_closing_the_book_gives_the_script_back(window: MainWindow, qtbot, tmp_path: Path) -> None:
    window.editor.set_text("My single script.")
    path = make_book(tmp_path)
    open_through_menu(qtbot, window, path)
    assert window.editor.text() == CHAPTERS[0][1]
    assert not window.projects.is_modified() or window.projects.path is None
    task = window.book.close_book()
    qtbot.waitUntil(task.done, timeout=5000)
    assert window.editor.text() == "My single script."
    assert window.book.store is None


def test_opening_a_million_character_book_never_stalls_the_gui(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    paragraph = ("A sentence of a long book, read aloud one day. " * 10).strip()
    chapter_text = "\n\n".join([paragraph] * 54)  # about 25,000 characters
    chapters = [(f"Chapter {n}", chapter_text) for n in range(1, 41)]
    path = make_book(tmp_path, chapters, target=3000)
    total = sum(len(t) for _, t in chapters)
    assert total >= 1_000_000
    # The longest gap between 5 ms timer ticks while the book opens. Best of three: on a
    # loaded machine the scheduler alone can hold the GUI thread back once; a stall of our
    # own (work on the GUI thread) would show in every run.
    runs = [_longest_stall_while_opening(qtbot, window, path) for _ in range(3)]
    assert window.editor.text() == chapter_text
    print(
        "\n1M-character book: open "
        + ", ".join(f"{opened:.2f} s (longest GUI stall {stall:.0f} ms)" for opened, stall in runs)
    )
    # A bound a user would call a freeze, not the target: the ≤ 50 ms figure belongs to the
    # benchmarks (measured on a quiet machine), this test must hold on a loaded CI machine.
    assert min(stall for _, stall in runs) <= 400
    assert min(opened for opened, _ in runs) < 5.0


def _longest_stall_while_opening(qtbot, window: MainWindow, path: Path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    chapter_segments.cache_clear()  # every run segments the book afresh, as a first open does
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    probe.start()
    started = time.perf_counter()
    task = window.book.open_path(path)
    qtbot.waitUntil(task.done, timeout=20000)
    opened = time.perf_counter() - started
    qtbot.wait(50)
    probe.stop()
    assert task.result() is True
    return opened, max(gaps) * 1000
