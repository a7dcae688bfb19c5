"""Zooming and scrolling a one-hour waveform with real wheel, key and mouse events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QNativeGestureEvent, QPointingDevice
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.player.waveform import WaveformView
from soundclone_desktop.ui.player.waveform_scroll import WaveformScrollBar
from soundclone_desktop.ui.player.waveform_zoom import MAX_ZOOM_MS_PER_PX

from .waveform_support import HOUR_MS, ctrl_wheel, hour_of_speech, shown_view, wheel

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot: QtBot) -> WaveformView:
    return shown_view(qtbot, hour_of_speech())


def _ms_per_px(view: WaveformView) -> float:
    plot = view._plot_rect()
    return (view._ms_at(plot.right()) - view._ms_at(plot.left())) / plot.width()


@pytest.mark.parametrize("x", [20.0, 211.0, 320.0, 600.0])
def test_ctrl_wheel_zooms_in_keeping_the_time_under_the_mouse(view: WaveformView, x: float) -> None:
    fit = _ms_per_px(view)
    for _ in range(6):
        under_mouse = view._ms_at(x)
        ctrl_wheel(view, x, 1)
        assert abs(view._x_at(under_mouse) - x) <= 1.0
    assert _ms_per_px(view) == pytest.approx(fit / 64, rel=0.02)  # one notch doubles
    ctrl_wheel(view, x, -3)
    assert _ms_per_px(view) == pytest.approx(fit / 8, rel=0.02)


def test_zoom_stops_at_ten_ms_per_pixel_and_at_the_whole_file(view: WaveformView) -> None:
    for _ in range(20):
        ctrl_wheel(view, 300, 1)
    assert view.viewport().ms_per_px == pytest.approx(MAX_ZOOM_MS_PER_PX)
    assert _ms_per_px(view) == pytest.approx(MAX_ZOOM_MS_PER_PX, rel=0.01)
    for _ in range(20):
        ctrl_wheel(view, 300, -1)
    assert view.viewport().is_fit()
    assert view._ms_at(view._plot_rect().right()) == HOUR_MS


def test_plain_and_horizontal_wheel_scroll_only_when_zoomed(view: WaveformView) -> None:
    assert not wheel(view, 300, angle=QPoint(0, -120))  # fit: left to a scroll area around
    ctrl_wheel(view, 300, 4)
    left = view._ms_at(view._plot_rect().left())
    visible = _ms_per_px(view) * view._plot_rect().width()
    assert wheel(view, 300, angle=QPoint(0, -120))  # down: later in the file
    moved = view._ms_at(view._plot_rect().left()) - left
    assert moved == pytest.approx(0.15 * visible, rel=0.02)
    # Shift+wheel arrives as a horizontal turn on most platforms; a touchpad gives pixels.
    wheel(view, 300, angle=QPoint(120, 0), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert view._ms_at(view._plot_rect().left()) == pytest.approx(left, abs=2)
    wheel(view, 300, angle=QPoint(0, 0), pixels=QPoint(-40, 0))
    after_swipe = view._ms_at(view._plot_rect().left())
    assert after_swipe - left == pytest.approx(40 * _ms_per_px(view), abs=2)


def test_scroll_bar_shows_when_zoomed_and_scrolls_the_view(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    view = WaveformView(window)
    bar = WaveformScrollBar(view, window)
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(bar)  # as in the player
    window.resize(640, 140)
    window.show()
    qtbot.waitExposed(window)
    view.set_peaks(hour_of_speech())
    assert bar.accessibleName() == "Scroll the waveform"
    assert bar.isHidden()  # the whole file fits: nothing to scroll
    ctrl_wheel(view, 0, 3)
    assert not bar.isHidden()
    assert bar.pageStep() == pytest.approx(HOUR_MS / 8, rel=0.02)
    assert bar.maximum() == HOUR_MS - bar.pageStep()
    bar.setValue(1_800_000)  # as dragging it does
    assert view._ms_at(view._plot_rect().left()) == pytest.approx(1_800_000, abs=10)
    wheel(view, 300, angle=QPoint(0, -120))
    assert bar.value() == round(view.viewport().start_ms)  # and it follows the view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert bar.isHidden()


def test_ctrl_keys_zoom_around_the_play_cursor_and_ctrl_0_fits(
    qtbot: QtBot, view: WaveformView
) -> None:
    view.set_position(1_000_000)
    view.setFocus()
    cursor_x = view._x_at(1_000_000)
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    assert view.viewport().zoom_factor() == pytest.approx(4)
    assert abs(view._x_at(1_000_000) - cursor_x) <= 1.0
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.viewport().zoom_factor() == pytest.approx(2)
    assert abs(view._x_at(1_000_000) - cursor_x) <= 1.0
    assert "Zoom 2×" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.viewport().is_fit()
    assert "Zoom 1×, showing 0:00 to 1:00:00 of 1:00:00" in view.accessibleDescription()
    view.zoom_by(1e6)  # the finest zoom: 577× for an hour in this width
    factor = round(view.viewport().zoom_factor())
    assert f"Zoom {factor}×" in view.accessibleDescription() and factor > 500


def test_a_click_seeks_to_the_time_under_it_when_zoomed(qtbot: QtBot, view: WaveformView) -> None:
    view.set_position(2_000_000)
    view.setFocus()
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    plot = view._plot_rect()
    start, ms_per_px = view.viewport().start_ms, view.viewport().ms_per_px
    assert ms_per_px == pytest.approx(HOUR_MS / plot.width() / 32)
    with qtbot.waitSignal(view.seek_requested) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(400, 60))
    assert blocker.args[0] == pytest.approx(start + (400 - plot.left()) * ms_per_px, abs=1)


def test_the_view_pages_along_with_the_play_cursor(qtbot: QtBot, view: WaveformView) -> None:
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)  # around 0:00
    visible = view.viewport().visible_ms
    for ms in range(0, round(visible * 2.5), 250):  # playing, as the player reports it
        view.set_position(ms)
        assert view.viewport().contains(ms)
    # Page-wise, as Audacity does: the cursor went off the right edge and came in on the left.
    assert view.viewport().start_ms == pytest.approx(2 * visible, abs=1000)


def test_scrolling_away_stops_following_until_the_cursor_is_back_or_f(
    qtbot: QtBot, view: WaveformView
) -> None:
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    visible = view.viewport().visible_ms
    view.set_position(1000)
    for _ in range(10):  # the user looks at a later stretch
        wheel(view, 300, angle=QPoint(0, -120))
    looked_at = view.viewport().start_ms
    assert not view.is_following()
    view.set_position(2000)
    assert view.viewport().start_ms == looked_at  # not pulled back to the cursor
    view.set_position(round(looked_at + 10))  # playback reaches what the user looks at
    assert view.is_following()
    view.set_position(round(looked_at + visible + 500))
    assert view.viewport().contains(looked_at + visible + 500)  # pages on again
    for _ in range(20):  # away again, backwards this time
        wheel(view, 300, angle=QPoint(0, 120))
    assert not view.is_following() and not view.viewport().contains(view.position())
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.is_following() and view.viewport().contains(view.position())


def test_a_menu_shortcut_does_not_take_the_zoom_keys_from_the_focused_waveform(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    triggered: list[str] = []
    for keys in ("Ctrl+K", "Ctrl+="):  # Ctrl+K shows that shortcuts do fire here
        action = QAction(window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, keys=keys: triggered.append(keys))
        window.addAction(action)
    view = WaveformView(window)
    QVBoxLayout(window).addWidget(view)
    window.resize(640, 120)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    view.set_peaks(hour_of_speech())
    view.setFocus()
    # Through the window, as the platform delivers keys: the shortcut map sees them first.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_K, CTRL)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Equal, CTRL)
    assert view.viewport().zoom_factor() == pytest.approx(2)
    assert triggered == ["Ctrl+K"]


def test_a_pinch_zooms_around_the_fingers(view: WaveformView) -> None:
    x = 200.0
    under_fingers = view._ms_at(x)
    for _ in range(3):  # spreading the fingers: +50 % each time
        local = QPointF(x, 60)
        pinch = QNativeGestureEvent(
            Qt.NativeGestureType.ZoomNativeGesture,
            QPointingDevice.primaryPointingDevice(),
            2,
            local,
            local,
            view.mapToGlobal(local),
            0.5,
            QPointF(),
        )
        QApplication.sendEvent(view, pinch)
    assert view.viewport().zoom_factor() == pytest.approx(1.5**3)
    assert abs(view._x_at(under_fingers) - x) <= 1.0
