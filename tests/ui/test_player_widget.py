"""PlayerWidget with a real QMediaPlayer (FFmpeg backend; a wall clock without a sound card)."""

from __future__ import annotations

import array
import math
import wave
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import TypeVar

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTranslator, QUrl
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QSlider, QToolButton
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.ui.player import PlayerWidget, WaveformState, WaveformView
from soundclone_desktop.ui.player import reveal as reveal_module
from soundclone_desktop.ui.player.controls import slider_to_volume, volume_to_slider

pytestmark = pytest.mark.gui

RATE = 32_000
W = TypeVar("W", bound=QObject)
State = QMediaPlayer.PlaybackState
DAMAGED = "This audio file could not be played: it may be damaged."


def write_wav(path: Path, tone_s: float = 2.0, silence_s: float = 1.0, rate: int = RATE) -> Path:
    samples = array.array("h", (round(12000 * math.sin(i / 8)) for i in range(int(tone_s * rate))))
    samples.extend([0] * int(silence_s * rate))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[PlayerWidget]:
    widget = PlayerWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 220)
    widget.show()
    yield widget
    widget.release()


@pytest.fixture
def tone(tmp_path: Path) -> Path:
    return write_wav(tmp_path / "tone.wav")


def load(qtbot: QtBot, player: PlayerWidget, path: Path, **kwargs: object) -> int:
    with qtbot.waitSignal(player.loaded, timeout=5000) as blocker:
        player.load(path, **kwargs)  # type: ignore[arg-type]
    return int(blocker.args[0])


def child(player: PlayerWidget, kind: type[W], name: str) -> W:
    found = player.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def test_widgets_carry_their_object_names(player: PlayerWidget) -> None:
    child(player, QPushButton, "playerPlayButton")
    child(player, QSlider, "playerSeekSlider")
    child(player, QLabel, "playerTimeLabel")
    child(player, QSlider, "playerVolumeSlider")
    child(player, WaveformView, "waveformView")
    child(player, QToolButton, "playerSaveButton")
    child(player, QToolButton, "playerShowButton")
    assert player.title() == "No audio loaded"
    assert not child(player, QPushButton, "playerPlayButton").isEnabled()


def test_load_announces_the_duration_and_shows_the_waveform(
    qtbot: QtBot, player: PlayerWidget, tone: Path
) -> None:
    assert load(qtbot, player, tone, title="Preview 1") == pytest.approx(3000, abs=50)
    assert player.duration_ms() == pytest.approx(3000, abs=50)
    assert player.title() == "Preview 1"
    assert child(player, QLabel, "playerTimeLabel").text() == "0:00.0 / 0:03.0"
    assert child(player, QPushButton, "playerPlayButton").isEnabled()
    view: WaveformView = child(player, WaveformView, "waveformView")
    qtbot.waitUntil(lambda: view.state() is WaveformState.READY, timeout=5000)
    assert view.duration() == player.duration_ms()


def test_plays_to_the_end_at_four_times_speed(
    qtbot: QtBot, player: PlayerWidget, tone: Path
) -> None:
    load(qtbot, player, tone)
    player.set_playback_rate(4.0)
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    with qtbot.waitSignal(player.state_changed, timeout=3000) as started:
        player.play()
    assert started.args == [State.PlayingState]
    qtbot.waitUntil(lambda: player.playback_state() == State.StoppedState, timeout=5000)
    assert player._player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia
    assert max(positions) == pytest.approx(3000, abs=100)
    assert len({p for p in positions if 0 < p < 3000}) >= 3  # it advanced on the way


def test_play_button_and_space_toggle_playback(
    qtbot: QtBot, player: PlayerWidget, tone: Path
) -> None:
    load(qtbot, player, tone)
    button: QPushButton = child(player, QPushButton, "playerPlayButton")
    assert button.text() == "Play"
    with qtbot.waitSignal(player.state_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert player.playback_state() == State.PlayingState
    assert button.text() == "Pause" and button.accessibleName() == "Pause"
    with qtbot.waitSignal(player.state_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert player.playback_state() == State.PausedState
    assert button.text() == "Play"

    player.setFocus()
    with qtbot.waitSignal(player.state_changed):
        qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.playback_state() == State.PlayingState
    slider: QSlider = child(player, QSlider, "playerSeekSlider")
    slider.setFocus()  # Space is not a slider key: it reaches the player
    with qtbot.waitSignal(player.state_changed):
        qtbot.keyClick(slider, Qt.Key.Key_Space)
    assert player.playback_state() == State.PausedState


def test_autoplay(qtbot: QtBot, player: PlayerWidget, tone: Path) -> None:
    with qtbot.waitSignal(player.state_changed, timeout=5000) as blocker:
        player.load(tone, autoplay=True)
    assert blocker.args == [State.PlayingState]


def test_clicking_the_waveform_at_half_width_seeks_to_half(
    qtbot: QtBot, player: PlayerWidget, tone: Path
) -> None:
    load(qtbot, player, tone)
    view: WaveformView = child(player, WaveformView, "waveformView")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.rect().center())
    qtbot.waitUntil(lambda: abs(player.position_ms() - 1500) < 60, timeout=3000)
    assert child(player, QSlider, "playerSeekSlider").value() == pytest.approx(1500, abs=60)
    assert child(player, QLabel, "playerTimeLabel").text() in (
        "0:01.4 / 0:03.0",
        "0:01.5 / 0:03.0",
        "0:01.6 / 0:03.0",
    )


def test_seek_slider_drag_previews_then_seeks_on_release(
    qtbot: QtBot, player: PlayerWidget, tone: Path
) -> None:
    load(qtbot, player, tone)
    slider: QSlider = child(player, QSlider, "playerSeekSlider")
    time_label: QLabel = child(player, QLabel, "playerTimeLabel")
    player.set_playback_rate(0.5)
    player.play()
    slider.setSliderDown(True)
    slider.setSliderPosition(2400)
    assert time_label.text() == "0:02.4 / 0:03.0"
    qtbot.wait(300)  # position updates while the user holds the handle must not move it
    assert slider.value() == 2400
    slider.setSliderDown(False)  # sliderReleased: now it seeks
    qtbot.waitUntil(lambda: abs(player.position_ms() - 2400) < 150, timeout=3000)


def test_time_label_uses_hours_for_long_audio(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    # 1:02:03 of 8-bit silence at 1 kHz is only 3.7 MB.
    path = tmp_path / "long.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(1000)
        w.writeframes(b"\x80" * 3_723_000)
    assert load(qtbot, player, path) == pytest.approx(3_723_000, abs=50)
    time_label: QLabel = child(player, QLabel, "playerTimeLabel")
    assert time_label.text() == "0:00:00 / 1:02:03"
    player.seek(3_661_000)
    assert time_label.text() == "1:01:01 / 1:02:03"


def test_reloading_the_same_path_picks_up_the_new_file(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    path = write_wav(tmp_path / "result.wav", 1.0, 0.0)
    assert load(qtbot, player, path) == pytest.approx(1000, abs=50)
    view: WaveformView = child(player, WaveformView, "waveformView")
    qtbot.waitUntil(lambda: view.state() is WaveformState.READY, timeout=5000)
    player.release()  # as the app does before overwriting a file
    write_wav(path, 2.0, 0.5)
    assert load(qtbot, player, path) == pytest.approx(2500, abs=50)
    qtbot.waitUntil(lambda: view.state() is WaveformState.READY, timeout=5000)
    peaks = view.peaks()
    assert peaks is not None and peaks.duration_ms == 2500


def test_loading_replaces_a_playing_file(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    first = write_wav(tmp_path / "a.wav", 2.0, 0.0)
    second = write_wav(tmp_path / "b.wav", 1.0, 0.0)
    load(qtbot, player, first, autoplay=True)
    qtbot.waitUntil(lambda: player.position_ms() > 0, timeout=3000)
    assert load(qtbot, player, second) == pytest.approx(1000, abs=50)
    assert player.playback_state() == State.StoppedState
    assert player.position_ms() == 0
    assert player.title() == "b.wav"


def test_junk_file_reports_a_translated_sentence(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path
) -> None:
    path = tmp_path / "broken.mp3"
    path.write_bytes(b"\x00\x01 this is not audio " * 50)
    with qtbot.waitSignal(player.error, timeout=5000) as blocker:
        player.load(path)
    assert blocker.args == [DAMAGED]
    assert child(player, QLabel, "playerMessageLabel").text() == DAMAGED
    assert not child(player, QPushButton, "playerPlayButton").isEnabled()
    assert child(player, WaveformView, "waveformView").state() is WaveformState.EMPTY


class _Shouting(QTranslator):
    """A translator for the "Player" context only, to prove strings go through Qt's i18n."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source.upper() if context == "Player" else ""


def test_messages_go_through_the_player_translation_context(qtbot: QtBot, tmp_path: Path) -> None:
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        widget = PlayerWidget()
        qtbot.addWidget(widget)
        path = tmp_path / "broken.wav"
        path.write_bytes(b"RIFF....WAVEjunk" * 20)
        with qtbot.waitSignal(widget.error, timeout=5000) as blocker:
            widget.load(path)
        assert blocker.args[0] in {DAMAGED.upper(), _resource_message().upper()}
        assert child(widget, QPushButton, "playerPlayButton").text() == "PLAY"
    finally:
        QCoreApplication.removeTranslator(translator)


def _resource_message() -> str:
    from soundclone_desktop.ui.player.messages import media_error_message

    return media_error_message(QMediaPlayer.Error.ResourceError)


def test_save_as_copies_the_file_without_blocking(
    qtbot: QtBot, player: PlayerWidget, tone: Path, tmp_path: Path
) -> None:
    load(qtbot, player, tone)
    qtbot.mouseClick(child(player, QToolButton, "playerSaveButton"), Qt.MouseButton.LeftButton)
    dialog: QFileDialog = child(player, QFileDialog, "playerSaveDialog")  # open(), not exec()
    assert dialog.isVisible() and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "out" / "my take.wav"
    target.parent.mkdir()
    with qtbot.waitSignal(player.saved, timeout=5000) as blocker:
        dialog.fileSelected.emit(str(target))
    dialog.reject()
    assert blocker.args == [str(target)]
    assert target.read_bytes() == tone.read_bytes()
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind
    assert "my take.wav" in child(player, QLabel, "playerMessageLabel").text()


def test_save_failure_is_a_sentence(
    qtbot: QtBot, player: PlayerWidget, tone: Path, tmp_path: Path
) -> None:
    load(qtbot, player, tone)
    with qtbot.waitSignal(player.error, timeout=5000) as blocker:
        player.save_to(tmp_path / "no such folder" / "x.wav")
    assert blocker.args[0].startswith("The audio could not be saved to ")
    assert blocker.args[0].endswith("Choose another folder or name.")


def test_show_in_folder_opens_the_folder(
    qtbot: QtBot, player: PlayerWidget, tone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    class FakeDesktopServices:
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr(reveal_module, "QDesktopServices", FakeDesktopServices)
    monkeypatch.setattr(reveal_module, "sys", SimpleNamespace(platform="linux"))
    load(qtbot, player, tone)
    qtbot.mouseClick(child(player, QToolButton, "playerShowButton"), Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [tone.parent]


def test_volume_is_logarithmic_and_reported_once_per_drag(qtbot: QtBot) -> None:
    reported: list[float] = []
    widget = PlayerWidget(volume=0.25, on_volume_changed=reported.append)
    qtbot.addWidget(widget)
    slider: QSlider = child(widget, QSlider, "playerVolumeSlider")
    assert slider.value() == volume_to_slider(0.25)
    assert slider.value() > 25  # perceived loudness: a quarter of the power is not a quarter
    for value in (60, 55, 50):
        slider.setValue(value)
    assert widget.volume() == pytest.approx(slider_to_volume(50))
    qtbot.waitUntil(lambda: bool(reported), timeout=2000)
    qtbot.wait(400)
    assert reported == [pytest.approx(slider_to_volume(50))]
    widget.set_volume(1.0)  # programmatic: not reported back
    assert slider.value() == 100
    qtbot.wait(400)
    assert len(reported) == 1


def test_release_lets_go_of_the_file(qtbot: QtBot, player: PlayerWidget, tone: Path) -> None:
    load(qtbot, player, tone, autoplay=True)
    player.release()
    assert player._player.source().isEmpty()
    assert player.playback_state() == State.StoppedState
    assert player.path() is None and player.title() == "No audio loaded"
    assert not child(player, QToolButton, "playerSaveButton").isEnabled()
    tone.rename(tone.with_name("moved.wav"))


def test_unavailable_backend_disables_playback(
    qtbot: QtBot, tone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMediaPlayer, "isAvailable", lambda self: False)
    widget = PlayerWidget()
    qtbot.addWidget(widget)
    assert not widget.is_available()
    message: QLabel = child(widget, QLabel, "playerMessageLabel")
    assert message.text() == (
        "Audio playback is not available on this system (QtMultimedia backend missing)"
    )
    widget.load(tone)
    widget.play()
    assert widget.playback_state() == State.StoppedState
    assert not child(widget, QPushButton, "playerPlayButton").isEnabled()
    assert child(widget, QToolButton, "playerSaveButton").isEnabled()  # saving needs no backend
    view: WaveformView = child(widget, WaveformView, "waveformView")
    qtbot.waitUntil(lambda: view.state() is WaveformState.READY, timeout=5000)


def test_mp3_plays(qtbot: QtBot, player: PlayerWidget, tmp_path: Path) -> None:
    samples = np.sin(np.arange(2 * RATE) / 8).astype(np.float32)[np.newaxis, :] * 0.37
    path = tmp_path / "result.mp3"
    encode(Audio(samples, RATE), path, EncodeOptions(Encoding.MP3, bitrate_kbps=64))
    assert load(qtbot, player, path) == pytest.approx(2000, abs=120)
    view: WaveformView = child(player, WaveformView, "waveformView")
    qtbot.waitUntil(lambda: view.state() is WaveformState.READY, timeout=10_000)


@pytest.mark.parametrize("present", [False, True])
def test_playing_without_a_sound_device_says_it_is_silent(
    qtbot: QtBot, player: PlayerWidget, tone: Path, monkeypatch: pytest.MonkeyPatch, present: bool
) -> None:
    from soundclone_desktop.ui.player import player_widget

    monkeypatch.setattr(player_widget, "audio_output_present", lambda: present)
    load(qtbot, player, tone)
    player.play()
    message = child(player, QLabel, "playerMessageLabel")
    assert message.isVisible() is (not present)
    if not present:
        assert "No sound device" in message.text() and "silent" in message.text()
