"""WaveformView on its own: states, painting, seeking by mouse and keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.peaks import Peaks
from soundclone_desktop.ui.player.waveform import WaveformState, WaveformView

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot) -> WaveformView:
    widget = WaveformView()
    qtbot.addWidget(widget)
    widget.resize(400, 90)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def loud_then_silent() -> Peaks:
    return Peaks(tuple([0.8] * 200 + [0.0] * 100), 3000)


def test_object_name_size_and_states(view: WaveformView) -> None:
    assert view.objectName() == "waveformView"
    assert view.minimumSizeHint().height() >= 64 and view.minimumHeight() >= 64
    assert view.state() is WaveformState.EMPTY
    assert view._placeholder_text() == "No audio"
    view.set_loading()
    assert view.state() is WaveformState.LOADING
    assert view._placeholder_text() == "Loading waveform…"
    view.set_peaks(loud_then_silent())
    assert view.state() is WaveformState.READY
    assert view.duration() == 3000  # taken from the peaks when the player has not said yet
    view.set_unavailable()
    assert view.state() is WaveformState.UNAVAILABLE
    for state in (view.clear, view.set_loading, view.set_unavailable):
        state()
        assert not view.grab().isNull()  # every state paints without errors


def test_played_part_is_drawn_in_the_highlight_colour(view: WaveformView) -> None:
    view.set_peaks(loud_then_silent())
    view.set_position(1000)  # a third of the way
    image = view.grab().toImage()
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    y = image.height() // 2

    def columns(x0: int, x1: int) -> list[QColor]:
        return [image.pixelColor(x, y) for x in range(x0, x1)]

    played = columns(20, view.width() // 3 - 10)
    unplayed = columns(view.width() // 3 + 10, view.width() * 2 // 3 - 10)
    assert any(_close(c, highlight) for c in played)
    assert not any(_close(c, highlight) for c in unplayed)
    assert any(c != view.palette().color(QPalette.ColorRole.Base) for c in unplayed)


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def test_click_at_half_width_seeks_to_half_the_duration(qtbot: QtBot, view: WaveformView) -> None:
    view.set_peaks(loud_then_silent())
    view.set_duration(10_000)
    with qtbot.waitSignal(view.seek_requested) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() // 2, 40))
    assert blocker.args[0] == pytest.approx(5000, abs=50)
    assert view.position() == blocker.args[0]  # shown at once, before the player confirms


def test_drag_seeks_continuously(qtbot: QtBot, view: WaveformView) -> None:
    view.set_unavailable()  # no peaks needed to seek: the audio may still play
    view.set_duration(10_000)
    seeks: list[int] = []
    view.seek_requested.connect(seeks.append)
    left = Qt.MouseButton.LeftButton
    _mouse(view, QMouseEvent.Type.MouseButtonPress, 100, left, left)
    _mouse(view, QMouseEvent.Type.MouseMove, 200, Qt.MouseButton.NoButton, left)
    _mouse(view, QMouseEvent.Type.MouseMove, 300, Qt.MouseButton.NoButton, left)
    _mouse(view, QMouseEvent.Type.MouseButtonRelease, 300, left, Qt.MouseButton.NoButton)
    assert len(seeks) == 3
    assert seeks == sorted(seeks)
    assert view.position() == seeks[-1]


def _mouse(
    widget: QWidget,
    kind: QMouseEvent.Type,
    x: int,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    local = QPointF(x, 40)
    event = QMouseEvent(
        kind, local, widget.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_nothing_to_seek_without_a_duration(qtbot: QtBot, view: WaveformView) -> None:
    with qtbot.assertNotEmitted(view.seek_requested):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 40))
        qtbot.keyClick(view, Qt.Key.Key_Right)


def test_arrow_keys_seek_five_seconds_and_clamp(qtbot: QtBot, view: WaveformView) -> None:
    view.set_peaks(loud_then_silent())
    view.set_duration(12_000)
    view.setFocus()
    seeks: list[int] = []
    view.seek_requested.connect(seeks.append)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert seeks == [5000, 10_000, 12_000, 7000, 0, 0, 12_000]


def test_space_is_left_to_the_player(qtbot: QtBot) -> None:
    parent = _KeyRecorder()
    qtbot.addWidget(parent)
    view = WaveformView(parent)
    view.set_duration(5000)
    parent.show()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert parent.keys == [Qt.Key.Key_Space]


class _KeyRecorder(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())


def test_hover_shows_a_time_and_leaving_clears_it(qtbot: QtBot, view: WaveformView) -> None:
    view.set_peaks(loud_then_silent())
    _mouse(view, QMouseEvent.Type.MouseMove, 200, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)
    assert view._hover_x == 200
    assert not view.grab().isNull()
    QApplication.sendEvent(view, _leave_event())
    assert view._hover_x is None


def _leave_event() -> QEvent:
    return QEvent(QEvent.Type.Leave)
