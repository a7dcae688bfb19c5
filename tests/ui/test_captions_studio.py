"""Acceptance: captions in the real studio window against the real demo server.

The expected cues and words come straight from the subtitle file the demo server wrote
(its MiniMax JSON, read here with ``json``), not from the app's own parser.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QDockWidget

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.captions import PaneState
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

ENGLISH = "Welcome to the studio. <#0.5#> This line has a pause before it. And a third one!"
CHINESE = "那天晚上，雨一直没有停。<#0.8#>林晓把最后一盏灯关掉。她坐在书桌前。"
MARKER = re.compile(r"<#[0-9.]+#>")
Raw = list[dict[str, Any]]


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def generate(qtbot, window: MainWindow, script: str, level: str | None) -> Job:  # type: ignore[no-untyped-def]
    window.editor.set_text(script)
    window.params.set_values({"subtitles": level is not None, "subtitle_type": level or "sentence"})
    before = len(window.task_list.jobs())
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) > before, timeout=5000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    assert job.state is JobState.DOWNLOADED, job.error
    qtbot.waitUntil(lambda: window.player.duration_ms() > 0, timeout=10000)
    pane = window.captions.pane
    qtbot.waitUntil(lambda: pane.state() is not PaneState.LOADING, timeout=5000)
    return job


def raw_cues(job: Job) -> Raw:
    assert job.subtitle_path is not None
    data = json.loads(Path(job.subtitle_path).read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


def selected_word(window: MainWindow) -> str:
    """The text under the pane's current-word highlight (the last extra selection)."""
    selections = window.captions.pane.text_view.extraSelections()
    return selections[-1].cursor.selectedText() if selections else ""


def spoken_text(window: MainWindow) -> tuple[str, str | None]:
    spoken = window.editor.spoken()
    assert spoken is not None
    (s, e), word = spoken
    text = window.editor.text()
    return text[s:e], text[word[0] : word[1]] if word else None


def flat(text: str) -> str:
    return " ".join(MARKER.sub(" ", text).split())


@pytest.mark.parametrize("script", [ENGLISH, CHINESE], ids=["english", "chinese"])
def test_word_level_highlights_follow_the_position(window: MainWindow, qtbot, script: str) -> None:
    job = generate(qtbot, window, script, "word")
    pane = window.captions.pane
    assert pane.state() is PaneState.CAPTIONS
    raw = raw_cues(job)
    assert pane.text_view.cue_count() == len(raw)
    for number, cue in enumerate(raw):
        for piece in cue["timestamped_words"]:
            middle = round((piece["time_begin"] + piece["time_end"]) / 2)
            window.player.seek(middle)
            assert pane.current().cue == number, (middle, piece)
            # The word shown (a whole word; the server may send sub-word pieces) holds it.
            assert piece["word"] in selected_word(window), (middle, piece)
            sentence, word = spoken_text(window)
            assert flat(sentence) == flat(cue["text"]), middle
            assert word is not None and piece["word"] in word, (middle, piece)


def test_sentence_level_highlights_sentences_and_clicks_seek(window: MainWindow, qtbot) -> None:
    job = generate(qtbot, window, ENGLISH, "sentence")
    pane = window.captions.pane
    raw = raw_cues(job)
    assert len(raw) == 3
    for number, cue in enumerate(raw):
        window.player.seek(round((cue["time_begin"] + cue["time_end"]) / 2))
        assert pane.current().cue == number
        assert pane.current().word is None
        sentence, word = spoken_text(window)
        assert flat(sentence) == flat(cue["text"]) and word is None
    view = pane.text_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.point_of(1))
    start = raw[1]["time_begin"]
    qtbot.waitUntil(lambda: abs(window.player.position_ms() - start) <= 2, timeout=3000)
    assert pane.current().cue == 1


def test_double_click_in_the_editor_plays_from_that_sentence(window: MainWindow, qtbot) -> None:
    job = generate(qtbot, window, ENGLISH, "word")
    raw = raw_cues(job)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(ENGLISH.index("third"))
    point = editor.cursorRect(cursor).center()
    point.setX(point.x() + 4)
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    player = window.player
    qtbot.waitUntil(
        lambda: player.playback_state() == QMediaPlayer.PlaybackState.PlayingState, timeout=3000
    )
    assert player.position_ms() >= raw[2]["time_begin"] - 1
    assert window.captions.pane.current().cue == 2
    player.stop()
    # After an edit the script is no longer the one spoken: nothing is highlighted.
    editor.set_text(ENGLISH + " More.")
    assert editor.spoken() is None
    player.seek(round(raw[0]["time_begin"]) + 10)
    assert editor.spoken() is None
    assert window.captions.pane.current().cue == 0  # the pane still follows


def test_real_playback_ticks_move_the_highlight(window: MainWindow, qtbot) -> None:
    job = generate(qtbot, window, ENGLISH, "word")
    raw = raw_cues(job)
    pane = window.captions.pane
    seen: set[int] = set()
    pane.current_changed.connect(lambda current: seen.add(current.cue))
    player = window.player
    player.set_playback_rate(4.0)
    player.play()
    qtbot.waitUntil(lambda: pane.current().cue == len(raw) - 1, timeout=10000)
    player.stop()
    assert seen == set(range(len(raw)))


def test_the_dock_sits_beside_the_player(window: MainWindow) -> None:
    dock = window.findChild(QDockWidget, "captionsDock")
    assert dock is window.captions.dock
    assert window.dockWidgetArea(dock) == window.dockWidgetArea(window.player_dock)
    assert dock.widget().objectName() == "captionsView"
    assert dock.toggleViewAction() in window.view_menu.actions()
    assert window.captions.pane.state() is PaneState.NOTHING


def test_without_subtitles_the_pane_says_how_to_get_them(window: MainWindow, qtbot) -> None:
    generate(qtbot, window, ENGLISH, None)
    pane = window.captions.pane
    assert pane.state() is PaneState.EMPTY
    assert pane.note() == "Turn on subtitles in the parameters to get captions"


def test_the_task_list_play_loads_that_results_captions(window: MainWindow, qtbot) -> None:
    first = generate(qtbot, window, ENGLISH, "sentence")
    generate(qtbot, window, CHINESE, "sentence")
    pane = window.captions.pane
    assert pane.text_view.document().toPlainText().startswith("那天晚上")
    tree = window.task_list.tree
    tree.setCurrentItem(tree.topLevelItem(1))  # newest first: the English one
    window.task_list.play_button.click()
    qtbot.waitUntil(
        lambda: (
            pane.state() is PaneState.CAPTIONS
            and pane.text_view.document().toPlainText().startswith("Welcome")
        ),
        timeout=5000,
    )
    assert window.player.path() == first.audio_path
    window.player.stop()
    # The editor holds the Chinese script: the English result highlights nothing there.
    window.player.seek(round(raw_cues(first)[1]["time_begin"]) + 10)
    assert pane.current().cue == 1
    assert window.editor.spoken() is None


def test_an_unreadable_subtitle_file_is_reported_and_kept(window: MainWindow, qtbot) -> None:
    job = generate(qtbot, window, ENGLISH, "sentence")
    assert job.subtitle_path is not None
    path = Path(job.subtitle_path)
    path.write_bytes(b"\x00\x01 not subtitles at all")
    window.task_list.play_button.click()
    pane = window.captions.pane
    qtbot.waitUntil(lambda: pane.state() is PaneState.ERROR, timeout=5000)
    assert pane.note().startswith("The subtitle file could not be read: ")
    assert str(path) in pane.note()
    assert path.exists()
    window.player.stop()


def test_editor_span_covers_a_pause_inside_the_sentence(window: MainWindow, qtbot) -> None:
    script = "Hello there <#0.3#> my friend. 😀 Bye now!"
    job = generate(qtbot, window, script, "word")
    raw = raw_cues(job)
    window.player.seek(round(raw[0]["time_begin"]) + 1)
    first = (0, len("Hello there <#0.3#> my friend."))
    assert window.editor.spoken() == (first, (0, len("Hello")))
    # The highlight is painted around the chip: UTF-16 ranges without the marker.
    ranges = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.editor.extraSelections()
    ]
    assert ranges[:2] == [(0, len("Hello there ")), (len("Hello there <#0.3#>"), first[1])]
    window.player.seek(round(raw[1]["time_begin"]) + 1)
    sentence, _word = window.editor.spoken()
    assert script[sentence[0] : sentence[1]] == "Bye now!"
    start16 = len("Hello there <#0.3#> my friend. 😀 ") + 1  # the emoji is two UTF-16 units
    assert window.editor.extraSelections()[0].cursor.selectionStart() == start16
