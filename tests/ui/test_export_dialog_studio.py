"""Acceptance: exporting a result from the real studio window (demo server over loopback)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from soundclone_desktop.audio.export import AudioFormat
from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.subtitles.export import ExportOptions, SubtitleFormat, export_subtitles
from soundclone_desktop.core.subtitles.parse import parse_subtitles
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.captions import attach
from soundclone_desktop.ui.export import dialog as export_dialog
from soundclone_desktop.ui.export.dialog import ExportDialog
from soundclone_desktop.ui.main_window import MainWindow
from tests.served_audio import decode, is_mp3


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

SCRIPT = "Welcome to the studio. <#0.5#> This line has a pause before it. 这是第三句。"


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_dialog, "_memory", export_dialog._Memory())


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def generate(qtbot, window: MainWindow) -> Job:  # type: ignore[no-untyped-def]
    window.editor.set_text(SCRIPT)
    window.params.set_values({"subtitles": True, "subtitle_type": "word"})
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) >= 1, timeout=5000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    assert job.state is JobState.DOWNLOADED, job.error
    return job


def current_dialog(qtbot, window: MainWindow) -> ExportDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(ExportDialog, "exportDialog") is not None)
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.export_button.isEnabled(), timeout=5000)
    return dialog


def export(qtbot, dialog: ExportDialog) -> list[Path]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=20000) as done:
        dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return list(done.args[0])


def test_export_needs_a_loaded_result(window: MainWindow, qtbot) -> None:
    action = window.captions.export_action
    assert action.objectName() == "exportAction"
    assert action.shortcut().toString() == "Ctrl+E"
    assert action in window.file_menu.actions()
    assert not action.isEnabled()
    button = window.player.findChild(QToolButton, "playerExportButton")
    assert button is not None and not button.isEnabled()
    generate(qtbot, window)
    assert action.isEnabled() and button.isEnabled()


@pytest.mark.parametrize(
    "fmt", [SubtitleFormat.SRT, SubtitleFormat.VTT, SubtitleFormat.LRC, SubtitleFormat.ASS]
)
def test_ctrl_e_exports_subtitles_and_wav_and_reports_it(
    window: MainWindow,
    qtbot,
    tmp_path: Path,
    fmt: SubtitleFormat,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = generate(qtbot, window)
    window.activateWindow()
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = current_dialog(qtbot, window)
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.WAV))
    dialog.subtitle_format.setCurrentIndex(dialog.subtitle_format.findData(fmt))
    dialog.max_chars.setValue(24)
    dialog.min_duration.setValue(1000)
    dialog.audio_target.setText(str(tmp_path / "studio.wav"))
    dialog.subtitle_target.setText(str(tmp_path / f"studio{fmt.extension}"))
    paths = export(qtbot, dialog)
    assert paths == [tmp_path / "studio.wav", tmp_path / f"studio{fmt.extension}"]

    assert job.subtitle_path is not None and job.audio_path is not None
    subtitles = parse_subtitles(Path(job.subtitle_path).read_bytes())
    options = ExportOptions(max_chars_per_line=24, min_duration_ms=1000)
    written = (tmp_path / f"studio{fmt.extension}").read_text(encoding="utf-8")
    assert written == export_subtitles(subtitles, fmt, options)
    # The result is an MP3 (the demo's default): the WAV holds its decoded samples.
    out = decode((tmp_path / "studio.wav").read_bytes())
    src = decode(Path(job.audio_path).read_bytes())
    assert len(out.samples) == len(src.samples)
    assert float(np.max(np.abs(out.samples - src.samples))) <= 2 / 32768

    assert window.messages.text() == f"Exported: studio.wav, studio{fmt.extension}"
    shown: list[Path] = []
    monkeypatch.setattr(attach, "reveal_in_file_manager", lambda p: shown.append(p) or True)
    assert window.messages.action_button.text() == "Show in folder"
    window.messages.action_button.click()
    assert shown == [tmp_path / "studio.wav"]


def test_the_player_button_exports_mp3(window: MainWindow, qtbot, tmp_path: Path) -> None:
    generate(qtbot, window)
    button = window.player.findChild(QToolButton, "playerExportButton")
    assert button is not None
    button.click()
    dialog = current_dialog(qtbot, window)
    assert dialog.windowTitle().startswith("Export “Welcome to the studio.")
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.MP3))
    dialog.subtitle_group.setChecked(False)
    dialog.audio_target.setText(str(tmp_path / "studio.mp3"))
    (path,) = export(qtbot, dialog)
    data = path.read_bytes()
    assert path == tmp_path / "studio.mp3" and len(data) > 1000
    assert is_mp3(data)
    assert window.messages.text() == "Exported: studio.mp3"
