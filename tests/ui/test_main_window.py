"""Acceptance tests: the real studio window against the real demo server over loopback."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QSlider

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.projects.closing import Choice
from soundclone_desktop.ui.tasks.task_list import COL_STATUS
from soundclone_desktop.ui.window_state import first_window_size
from tests.served_audio import decode


def _load_helpers() -> ModuleType:
    # --import-mode=importlib puts no test folder on sys.path; load the helper by path.
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

SCRIPT = "Welcome to the studio. <#0.5#> This line has a pause before it."


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def audio_posts(server: DemoServer) -> list[dict[str, object]]:
    return [
        r
        for r in server.requests_log()
        if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
    ]


def submit_and_wait(qtbot, window: MainWindow, timeout: int = 15000):  # type: ignore[no-untyped-def]
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) >= 1, timeout=5000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=timeout)
    return job


# -- layout and first impressions ------------------------------------------------------------


def test_window_opens_with_title_size_and_editor_focus(window: MainWindow, qtbot) -> None:
    assert window.windowTitle() == "Untitled[*] — SoundClone Desktop"  # project name, marker
    assert window.size() == first_window_size(window.screen().availableGeometry().size())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor, timeout=3000)
    names = [a.objectName() for a in window.toolbar.actions() if not a.isSeparator()]
    assert names == ["openScriptAction", "voiceBrowserAction", "settingsAction"]


def test_status_bar_shows_demo_and_balance(window: MainWindow, qtbot) -> None:
    assert "Demo server" in window.status.connection_label.text()
    qtbot.waitUntil(
        lambda: window.status.balance_label.text() == "Balance: 100.00 JimiCoin", timeout=5000
    )


def test_typing_updates_the_counter(window: MainWindow, qtbot) -> None:
    window.editor.setFocus()
    label = window.counter.counter_label
    qtbot.keyClicks(window.editor, "Hello")
    # The counter follows once typing pauses (a fraction of a second).
    qtbot.waitUntil(lambda: label.text().startswith("5 billable characters"), timeout=2000)
    qtbot.keyClicks(window.editor, " <#1#> world")
    qtbot.waitUntil(lambda: label.text().startswith("12 billable characters"), timeout=2000)


def test_estimate_is_shown_before_submitting(window: MainWindow, qtbot) -> None:
    window.editor.set_text("x" * 1000)  # 1000 chars × 20 / 10,000 + 0.50 voice fee
    assert window.submit_bar.charge_label.text().startswith("This task will charge 2.50 JimiCoin")
    assert window.submit_bar.button.isEnabled()


def test_empty_script_blocks_submit_with_the_reason(window: MainWindow) -> None:
    button = window.submit_bar.button
    assert not button.isEnabled()
    assert window.submit_bar.reason_label.text() == "Write a script first."
    assert "Write a script first." in button.toolTip()


def test_malformed_marker_disables_submit_with_the_reason(window: MainWindow) -> None:
    window.editor.set_text("Hello <#0.5 world, and more words.")
    button = window.submit_bar.button
    assert not button.isEnabled()
    assert window.submit_bar.reason_label.isVisibleTo(window)
    assert "Fix the problem marked in the script" in window.submit_bar.reason_label.text()
    assert "Fix the problem" in button.toolTip()
    window.editor.set_text("Hello <#0.5#> world, and more words.")
    assert button.isEnabled()
    assert not window.submit_bar.reason_label.isVisibleTo(window)


def test_over_the_limit_blocks_submit(window: MainWindow) -> None:
    window.editor.set_text("a" * 10_000)
    assert not window.submit_bar.button.isEnabled()
    assert "longer than the limit of 9,999" in window.submit_bar.reason_label.text()


def test_no_voice_blocks_submit(window: MainWindow) -> None:
    window.editor.set_text(SCRIPT)
    window.params.select_voice("")
    assert not window.submit_bar.button.isEnabled()
    assert window.submit_bar.reason_label.text() == "Choose a voice first."


# -- submitting ----------------------------------------------------------------------------


def test_submit_runs_to_completion_and_the_player_loads_and_plays(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    window.editor.set_text(SCRIPT)
    job = submit_and_wait(qtbot, window)
    assert job.state is JobState.DOWNLOADED, job.error
    path = Path(job.audio_path)
    expected_ms = decode(path.read_bytes()).ms  # an MP3, the demo's default
    player = window.player
    assert player.path() == path
    qtbot.waitUntil(lambda: player.duration_ms() > 0, timeout=10000)
    # Qt's own MP3 length counts the encoder's padding; the decoded one follows the waveform.
    qtbot.waitUntil(lambda: abs(player.duration_ms() - expected_ms) <= 50, timeout=10000)
    assert "ready" in window.messages.text()
    item = window.task_list.tree.topLevelItem(0)
    assert item.text(COL_STATUS) == "Ready"

    player.set_playback_rate(4.0)
    player.findChild(QPushButton, "playerPlayButton").click()
    qtbot.waitUntil(lambda: player.position_ms() > 200, timeout=10000)
    player.stop()


def test_request_body_matches_every_field_the_ui_showed(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    window.editor.set_text(SCRIPT)
    window.params.set_values(
        {
            "version": "v1",
            "language": "English",
            "emotion": "happy",
            "speed": 1.5,
            "vol": 2.5,
            "pitch": -3,
            "subtitles": True,
            "subtitle_type": "word",
        }
    )
    # Read back what the widgets show, then compare with what went over the wire.
    shown = {
        "soundVersion": window.params.version_combo.currentData(),
        "language": window.params.language_combo.currentData(),
        "emotion": window.params.emotion_combo.currentData(),
        "speed": window.params.speed.spin.value(),
        "vol": window.params.vol.spin.value(),
        "pitch": window.params.pitch.spin.value(),
        "subtitleEnable": window.params.subtitles_check.isChecked(),
        "subtitleType": window.params.subtitle_type_combo.currentData(),
    }
    job = submit_and_wait(qtbot, window)
    assert job.state is JobState.DOWNLOADED, job.error
    (post,) = audio_posts(server)
    body = post["json"]
    assert isinstance(body, dict)
    assert body["contentText"] == SCRIPT
    assert body["modelId"] == window.params.values()["model_id"]
    for field, value in shown.items():
        assert body[field] == value, field
    assert job.subtitle_path is not None and Path(job.subtitle_path).exists()


def test_double_submission_sends_one_task(window: MainWindow, qtbot, server: DemoServer) -> None:
    window.editor.set_text(SCRIPT)
    window.editor.setFocus()
    window.submit_bar.button.click()
    # While the first create is in flight: the button is disabled and Ctrl+Return does nothing.
    assert not window.submit_bar.button.isEnabled()
    assert window.submit_bar.button.text() == "Sending…"
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.submit_action.trigger()
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.task_list.jobs()[0].is_done, timeout=15000)
    assert len(window.task_list.jobs()) == 1
    assert len(audio_posts(server)) == 1
    task_ids = {entry["taskId"] for entry in server.ledger()}
    assert len(task_ids) == 1
    assert window.submit_bar.button.isEnabled()  # ready for the next, deliberate submission


def test_ctrl_return_submits_from_the_editor(window: MainWindow, qtbot, server) -> None:
    window.editor.set_text(SCRIPT)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(audio_posts(server)) == 1, timeout=5000)
    assert window.editor.text() == SCRIPT  # the shortcut did not type a line break


def test_the_bill_matches_the_estimate_shown(window: MainWindow, qtbot, server) -> None:
    window.editor.set_text(SCRIPT)
    shown = window.submit_bar.charge_label.text()
    job = submit_and_wait(qtbot, window)
    billed = sum(Decimal(str(e["amount"])) for e in server.ledger() if e["kind"] == "charge")
    assert f"{billed.quantize(Decimal('0.01'))} JimiCoin" in shown
    assert window.task_list.tree.topLevelItem(0).text(3) == f"{billed:.2f} JimiCoin"
    assert job.state is JobState.DOWNLOADED


def test_a_failed_task_is_explained_in_a_sentence(window: MainWindow, qtbot, server) -> None:
    server.fail_next_tasks(1, "voice model expired")
    window.editor.set_text(SCRIPT)
    job = submit_and_wait(qtbot, window)
    assert job.state is JobState.FAILED
    text = window.messages.text()
    assert text.startswith("The server could not finish this task")
    assert "voice model expired" in text
    assert "Traceback" not in text
    assert window.messages.level == "error"


# -- closing -------------------------------------------------------------------------------


def test_closing_with_a_task_in_flight_asks_without_blocking(
    window: MainWindow, qtbot, server
) -> None:
    window.editor.set_text(SCRIPT)
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: bool(window.task_list.active_jobs()), timeout=5000)
    window.close()  # returns at once: the question is open()ed, no nested event loop
    assert window.isVisible()
    question = window.projects.question
    assert question is not None and question.isVisible()
    assert "Tasks still being generated: 1." in question.informativeText()
    assert "downloads the results the next time it starts" in question.informativeText()
    with qtbot.waitSignal(window.closed, timeout=5000):
        question.button_for(Choice.DISCARD).click()
    assert not window.isVisible()


def test_geometry_is_remembered(aloop, qtbot, server: DemoServer) -> None:
    first, ctx = studio.open_studio(qtbot, server)
    first.resize(780, 560)  # within the offscreen screen (800×600): no clamping
    size = (first.size().width(), first.size().height())
    first_size = first_window_size(first.screen().availableGeometry().size())
    assert size != (first_size.width(), first_size.height())
    studio.close_studio(qtbot, first, ctx)
    second, ctx2 = studio.open_studio(qtbot, server)
    try:
        assert (second.size().width(), second.size().height()) == size
    finally:
        studio.close_studio(qtbot, second, ctx2)


def test_a_rejected_key_is_explained_and_opens_settings(
    aloop, qtbot, server: DemoServer, memory_keyring
) -> None:
    memory_keyring.items[("SoundClone Desktop", "api-key")] = "not-the-right-key"
    window, ctx = studio.open_studio(qtbot, server, argv=["--base-url", server.base_url])
    try:
        qtbot.waitUntil(lambda: "rejected" in window.messages.text(), timeout=5000)
        assert window.messages.text() == (
            "The server rejected your API key. Open Settings and enter a valid key."
        )
        assert window.messages.action_button.text() == "Open Settings"
        window.messages.action_button.click()
        dialog = window._settings_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.account.api_key_edit.setText(server.token)
        with qtbot.waitSignal(dialog.applied, timeout=5000):
            dialog.save_button.click()
        qtbot.waitUntil(
            lambda: window.status.balance_label.text() == "Balance: 100.00 JimiCoin", timeout=5000
        )
        assert memory_keyring.items[("SoundClone Desktop", "api-key")] == server.token
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_status_bar_says_when_it_is_reconnecting(window: MainWindow, server) -> None:
    host = server.base_url.removeprefix("http://")
    window.session.reconnecting.emit(True)
    assert window.status.connection_label.text() == f"Reconnecting to {host}…"
    window.session.reconnecting.emit(False)
    assert window.status.connection_label.text() == "Demo server (on this computer)"


def test_open_script_reads_the_file_off_the_gui_thread(window: MainWindow, qtbot, tmp_path) -> None:
    script = tmp_path / "chapter.txt"
    script.write_text("第一章 <#1#> 开始。", encoding="gb18030")
    task = window.load_script(str(script))
    qtbot.waitUntil(task.done, timeout=5000)
    assert window.editor.text() == "第一章 <#1#> 开始。"
    window.editor.undo()  # loading is one undo step
    assert window.editor.text() == ""


def test_a_file_that_is_not_a_script_is_explained(window: MainWindow, qtbot, tmp_path) -> None:
    picture = tmp_path / "cover.png"
    picture.write_bytes(b"\x89PNG\r\n")
    task = window.load_script(str(picture))
    qtbot.waitUntil(task.done, timeout=5000)
    assert window.messages.text() == "“cover.png” is not a script file. Open a .txt or .md file."
    assert window.editor.text() == ""


def test_open_script_uses_a_non_modal_file_dialog(window: MainWindow, qtbot) -> None:
    window.open_action.trigger()
    dialog = window._open_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_player_volume_is_remembered(aloop, qtbot, server: DemoServer) -> None:
    first, ctx = studio.open_studio(qtbot, server)
    slider = first.findChild(QSlider, "playerVolumeSlider")
    slider.setValue(slider.maximum() // 3)  # as a user drags it
    chosen = first.player.volume()
    assert 0.0 < chosen < 1.0
    # The player reports the new volume once the user stops moving the slider.
    qtbot.waitUntil(lambda: abs(ctx.settings_store.load().player_volume - chosen) < 1e-6)
    studio.close_studio(qtbot, first, ctx)
    second, ctx2 = studio.open_studio(qtbot, server)
    try:
        assert abs(second.player.volume() - chosen) < 0.01
    finally:
        studio.close_studio(qtbot, second, ctx2)
