"""The captions pane on its own: states, highlight following positions, clicks that seek."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextFormat
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.subtitles.model import Cue, Subtitles, Word
from soundclone_desktop.ui.captions import CaptionsPane, PaneState
from soundclone_desktop.ui.captions.model import Current

pytestmark = pytest.mark.gui

WORDS = Subtitles(
    (
        Cue(
            "Hi 😀 there, friend.",
            1000,
            2500,
            (Word("Hi", 1000, 1300), Word("there", 1500, 1900), Word("friend", 2000, 2400)),
        ),
        Cue("第二句。", 3000, 3600, (Word("第", 3000, 3200), Word("二", 3200, 3400))),
    ),
    word_level=True,
)
SENTENCES = Subtitles(
    (Cue("First sentence.", 0, 1200), Cue("Second one.", 1500, 2600)), word_level=False
)


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[CaptionsPane]:
    widget = CaptionsPane()
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def selections(pane: CaptionsPane) -> list[tuple[int, int, int, bool]]:
    """(block, start, end, full width) of each extra selection, positions within the block."""
    found = []
    for selection in pane.text_view.extraSelections():
        cursor = selection.cursor
        block = pane.text_view.document().findBlock(cursor.selectionStart())
        full = bool(selection.format.property(QTextFormat.Property.FullWidthSelection))
        found.append(
            (
                block.blockNumber(),
                cursor.selectionStart() - block.position(),
                cursor.selectionEnd() - block.position(),
                full,
            )
        )
    return found


def test_states_and_their_sentences(pane: CaptionsPane, tmp_path: Path) -> None:
    assert pane.objectName() == "captionsView"
    assert pane.state() is PaneState.NOTHING
    pane.show_empty()
    assert pane.state() is PaneState.EMPTY
    assert pane.note() == "Turn on subtitles in the parameters to get captions"
    button = pane.findChild(object, "captionsShowFileButton")
    assert button is not None and not button.isVisible()
    pane.show_error("Line 3 has no time range", tmp_path / "x.srt")
    assert pane.state() is PaneState.ERROR
    assert pane.note() == (
        f"The subtitle file could not be read: Line 3 has no time range. "
        f"The file is kept: {tmp_path / 'x.srt'}"
    )
    assert button.isVisible()
    pane.set_subtitles(Subtitles((), word_level=False))
    assert pane.state() is PaneState.EMPTY  # a file without cues gives nothing to show
    pane.set_subtitles(WORDS)
    assert pane.state() is PaneState.CAPTIONS and pane.note() == ""
    assert pane.text_view.document().blockCount() == 2
    assert pane.text_view.document().toPlainText() == "Hi 😀 there, friend.\n第二句。"


def test_word_level_highlights_the_sentence_and_the_word(pane: CaptionsPane) -> None:
    pane.set_subtitles(WORDS)
    changes: list[Current] = []
    pane.current_changed.connect(changes.append)
    pane.set_position(500)
    assert selections(pane) == [] and changes == []
    pane.set_position(1600)
    # "there" is code points 5..10 but UTF-16 6..11 (the emoji is two units).
    assert selections(pane) == [(0, 0, 6, False), (0, 6, 11, False)]
    pane.set_position(1700)  # same word: nothing recomputed
    assert changes == [Current(0, 1)]
    pane.set_position(3300)
    assert selections(pane) == [(1, 0, 1, False), (1, 1, 2, False)]
    assert pane.current() == Current(1, 1)


def test_sentence_level_highlights_only_the_sentence(pane: CaptionsPane) -> None:
    pane.set_subtitles(SENTENCES)
    pane.set_position(1300)  # the pause after the first sentence: it stays current
    assert pane.text_view.current() == Current(0, None)
    assert selections(pane) == []  # no words: the sentence's band only
    pane.set_position(1500)
    assert pane.text_view.current() == Current(1, None)


def test_clicking_a_word_or_a_line_asks_to_seek_there(pane: CaptionsPane, qtbot: QtBot) -> None:
    pane.set_subtitles(WORDS)
    view = pane.text_view
    with qtbot.waitSignal(pane.seek_requested) as seek:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.point_of(0, 2))
    assert seek.args == [2000]  # "friend"
    with qtbot.waitSignal(pane.seek_requested) as seek:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.point_of(1, 1))
    assert seek.args == [3200]  # 二
    pane.set_subtitles(SENTENCES)
    point = view.point_of(1)
    point.setX(point.x() + 30)  # anywhere on the line
    with qtbot.waitSignal(pane.seek_requested) as seek:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert seek.args == [1500]


def test_up_and_down_move_between_lines(pane: CaptionsPane, qtbot: QtBot) -> None:
    pane.set_subtitles(SENTENCES)
    seeks: list[int] = []
    pane.seek_requested.connect(seeks.append)
    pane.seek_requested.connect(pane.set_position)  # as the player would report back
    pane.text_view.setFocus()
    qtbot.keyClick(pane.text_view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.text_view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.text_view, Qt.Key.Key_Down)  # already on the last line
    qtbot.keyClick(pane.text_view, Qt.Key.Key_Up)
    assert seeks == [0, 1500, 0]


def many(count: int) -> Subtitles:
    cues = []
    for n in range(count):
        start = n * 2000.0
        ws = tuple(Word(f"w{k}", start + k * 300, start + k * 300 + 250) for k in range(6))
        cues.append(Cue(" ".join(w.text for w in ws) + ".", start, start + 1800, ws))
    return Subtitles(tuple(cues), word_level=True)


def test_a_thousand_cues_follow_playback_cheaply(pane: CaptionsPane, qtbot: QtBot) -> None:
    subs = many(1000)
    started = time.perf_counter()
    pane.set_subtitles(subs)
    load_seconds = time.perf_counter() - started
    view = pane.text_view
    revision = view.document().revision()
    updates = 0
    original = view.set_current

    def counting(current: Current) -> None:
        nonlocal updates
        updates += 1
        original(current)

    view.set_current = counting  # type: ignore[method-assign]
    ticks = range(0, 2_000_000, 25)  # 40 ticks a second for the whole 33 minutes
    started = time.perf_counter()
    for ms in ticks:
        pane.set_position(ms)
    follow_seconds = time.perf_counter() - started
    assert pane.current() == Current(999, 5)
    assert updates == 1000 * 6  # once per word, never per tick
    assert view.document().revision() == revision  # the text was never touched
    # The view followed: the last cue is on screen.
    rect = view.cue_rect(999)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert load_seconds < 2.0
    assert follow_seconds < 10.0, follow_seconds  # 80,000 ticks, 6,000 highlight changes
    # A tick that changes nothing costs next to nothing.
    started = time.perf_counter()
    for _ in range(10_000):
        pane.set_position(1_999_000)
    assert (time.perf_counter() - started) / 10_000 < 50e-6


def test_manual_scrolling_is_not_undone_by_the_next_line(pane: CaptionsPane, qtbot: QtBot) -> None:
    pane.set_subtitles(many(200))
    view = pane.text_view
    pane.set_position(100 * 2000)
    followed = view.verticalScrollBar().value()
    assert followed > 0
    qtbot.keyClick(view, Qt.Key.Key_Home)  # the user looks at the top
    top = view.verticalScrollBar().value()
    pane.set_position(101 * 2000)
    assert view.verticalScrollBar().value() == top
