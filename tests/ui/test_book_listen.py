"""Listening to a rendered chapter by sentence in the real studio window against the real
demo server (loopback, WAV results): the sentence heard is highlighted, a click plays from a
sentence, the Review keys step, replay and mark, marks are kept in the book and drawn on the
chapter's waveform with the segment joins."""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QDialog

from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
from soundclone_desktop.core.book.sentences import sentence_spans
from soundclone_desktop.core.script import Utf16Map
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.store.book.marks import load_marks
from soundclone_desktop.ui.book.editor_layers import Layer, layer_spans
from soundclone_desktop.ui.book.render_confirm import RenderConfirmDialog
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
pytestmark = pytest.mark.gui

TEXT = (
    "The ferryman rose before the sun and untied his boat.\n\n"
    "The river was calm and grey under a low sky that morning. "
    "A heron stood in the reeds and watched him go by slowly.\n\n"
    "By noon the far bank was near, and the village bells were ringing."
)


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def make_book(folder: Path, *, subtitles: bool = True) -> Path:
    path = folder / "River.scbook"
    params = dataclasses.replace(blank_params(), model_id=DEMO_VOICE_ID, subtitles=subtitles)
    book = Book(
        title="River",
        settings=BookSettings(params=params, target_chars=40),
        chapters=(new_chapter("One", TEXT),),
    )
    BookStore.create(path, book).close()
    return path


def open_book(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(path)
    qtbot.waitUntil(lambda: window.editor.text() == TEXT, timeout=5000)


def render_and_play(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    book = window.book
    book.navigator.render_book_button.click()

    def dialog() -> RenderConfirmDialog | None:
        found = window.findChild(QDialog, "renderConfirmDialog")
        return found if isinstance(found, RenderConfirmDialog) and found.isVisible() else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10000)
    dialog().render_button.click()  # type: ignore[union-attr]
    chapter_id = book.model.line(0).chapter_id  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: book.overview is not None and book.overview.chapter(chapter_id).first_audio,
        timeout=30000,
    )
    qtbot.waitUntil(lambda: book.play_chapter(chapter_id) is not None, timeout=30000)
    qtbot.waitUntil(lambda: book.listening.timing is not None, timeout=20000)
    # Playing for real: a seek before the backend has loaded the file would be lost.
    qtbot.waitUntil(lambda: window.player.position_ms() > 0, timeout=10000)


def sentence(number: int) -> tuple[int, int]:
    start, end = sentence_spans(TEXT)[number - 1]
    return start, start + len(TEXT[start:end].rstrip())


def near(position: int, begin_ms: float) -> bool:
    """Playing from ``begin_ms`` (it may have moved on a little since)."""
    return begin_ms - 50 <= position <= begin_ms + 1500


def heard(window: MainWindow) -> list[tuple[int, int]]:
    return layer_spans(window.editor, Layer.SENTENCE)


def test_the_sentence_heard_is_highlighted_and_the_review_keys_move_and_replay(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    open_book(qtbot, window, make_book(tmp_path))
    render_and_play(qtbot, window)
    listening = window.book.listening
    timing = listening.timing
    assert timing is not None and [c.index + 1 for c in timing.clips] == [1, 2, 3, 4]
    player = window.player
    player.pause()
    third = timing.by_number(3)
    assert third is not None
    player.seek(int(third.begin_ms) + 100)
    qtbot.waitUntil(lambda: heard(window) == [sentence(3)], timeout=5000)

    listening.next_action.trigger()  # Alt+Down
    fourth = timing.by_number(4)
    assert fourth is not None
    qtbot.waitUntil(lambda: heard(window) == [sentence(4)], timeout=5000)
    qtbot.waitUntil(lambda: near(player.position_ms(), fourth.begin_ms), timeout=5000)
    listening.previous_action.trigger()
    listening.previous_action.trigger()  # Alt+Up twice: sentence 2
    qtbot.waitUntil(lambda: heard(window) == [sentence(2)], timeout=5000)
    second = timing.by_number(2)
    assert second is not None
    player.pause()
    player.seek(int(second.end_ms) - 50)
    listening.replay_action.trigger()  # Alt+R: from the start of sentence 2 again
    qtbot.waitUntil(lambda: near(player.position_ms(), second.begin_ms), timeout=5000)
    assert heard(window) == [sentence(2)]
    shortcuts = {a.objectName(): a.shortcut().toString() for a in listening.menu.actions()}
    assert shortcuts["nextSentenceAction"] == "Alt+Down"
    assert shortcuts["markSentenceAction"] == "Alt+M"


def test_a_click_on_a_sentence_while_playing_plays_from_there(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    open_book(qtbot, window, make_book(tmp_path))
    render_and_play(qtbot, window)
    timing = window.book.listening.timing
    assert timing is not None
    player = window.player
    player.seek(0)
    player.play()
    qtbot.waitUntil(
        lambda: player.playback_state() == QMediaPlayer.PlaybackState.PlayingState, timeout=5000
    )
    editor = window.editor
    index = TEXT.index("heron")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(Utf16Map(TEXT).to_utf16(index))
    at = editor.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=at)
    third = timing.by_number(3)
    assert third is not None
    qtbot.waitUntil(lambda: heard(window) == [sentence(3)], timeout=5000)
    qtbot.waitUntil(lambda: near(player.position_ms(), third.begin_ms), timeout=5000)


def test_marks_are_kept_in_the_book_and_drawn_on_the_waveform(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path, subtitles=False)  # timed from the segments, no captions
    open_book(qtbot, window, path)
    render_and_play(qtbot, window)
    listening = window.book.listening
    timing = listening.timing
    assert timing is not None
    rows = [r for r in window.book.store.book.rows(window.book.chapter_id) if r.segment.needs_task]  # type: ignore[union-attr,arg-type]
    assert len(timing.boundaries_ms) == len(rows) - 1 >= 2
    window.player.pause()
    third = timing.by_number(3)
    assert third is not None
    window.player.seek(int(third.begin_ms) + 100)
    qtbot.waitUntil(lambda: heard(window) == [sentence(3)], timeout=5000)
    with qtbot.waitSignal(listening.marks_changed):
        listening.mark_action.trigger()  # Alt+M
    assert layer_spans(window.editor, Layer.MARKED) == [sentence(3)]
    boundaries, marked = window.player.waveform.markers()
    assert boundaries == tuple(int(b) for b in timing.boundaries_ms)
    assert marked == ((int(third.begin_ms), int(third.end_ms)),)
    assert [m.text for m in load_marks(path)] == [TEXT[slice(*sentence(3))]]

    with qtbot.waitSignal(window.book.book_closed, timeout=10000):
        window.book.close_book()
    assert layer_spans(window.editor, Layer.MARKED) == []
    open_book(qtbot, window, path)  # the marks come back with the book
    assert layer_spans(window.editor, Layer.MARKED) == [sentence(3)]
    window.editor.select_span(*sentence(3))
    window.editor.select_span(sentence(3)[0], sentence(3)[0])
    listening.mark_action.trigger()  # at the cursor, no audio: unmarks it
    assert layer_spans(window.editor, Layer.MARKED) == []
    assert load_marks(path) == ()
    # The keys reach the Review actions from inside the editor (it has no use for them).
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus, timeout=5000)
    with qtbot.waitSignal(listening.marks_changed, timeout=5000):
        qtbot.keyClick(window.editor, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert layer_spans(window.editor, Layer.MARKED) == [sentence(3)]
    qtbot.keyClick(window.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert listening.current_sentence() == listening._sentences().by_number(4)
    assert window.editor.text() == TEXT  # the keys typed nothing
