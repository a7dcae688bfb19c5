"""The export dialog proposes the project's or results folder and a clean file name, and makes
that folder when it is missing (issue 11, item 13: it proposed the home folder and a name with
"。" and the pause's space in it)."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from soundclone_desktop.ui.export import dialog as module
from soundclone_desktop.ui.export.dialog import ExportDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_memory", module._Memory())


@pytest.fixture
def audio(tmp_path: Path) -> Path:
    path = tmp_path / "results" / "task1.wav"
    path.parent.mkdir()
    samples = array.array("h", (round(4000 * math.sin(i / 7)) for i in range(8000)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(samples.tobytes())
    return path


def _dialog(qtbot: QtBot, audio: Path, script: str, folder: Path | None) -> ExportDialog:
    dialog = ExportDialog(
        None, audio_path=audio, subtitle_path=None, script_text=script, title="x", folder=folder
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(
    ("script", "name"),
    [
        ("那天晚上，雨一直没有停。<#0.8#>林晓把灯关掉。", "那天晚上雨一直没有停.wav"),
        ("你好。<#0.5#>世界", "你好世界.wav"),
        ("Welcome to the studio. <#0.5#> This line has a pause.", "Welcome to the studio.wav"),
        ("Dr. Smith's plan: v1.5 works!", "Dr Smith's plan v1.5 works.wav"),
    ],
)
def test_the_proposed_name_is_clean(
    qtbot: QtBot, audio: Path, tmp_path: Path, script: str, name: str
) -> None:
    dialog = _dialog(qtbot, audio, script, tmp_path / "project")
    target = Path(dialog.audio_target.text())
    assert target.name == name
    assert "。" not in target.name and "  " not in target.name


def test_the_proposed_folder_is_made_when_missing(
    qtbot: QtBot, audio: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "new results"
    dialog = _dialog(qtbot, audio, "Hello there.", folder)
    target = Path(dialog.audio_target.text())
    assert target.parent == folder and not folder.exists()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()
    assert (folder / "Hello there.wav").is_file()


def test_without_a_folder_the_results_own_folder_is_proposed_not_home(
    qtbot: QtBot, audio: Path
) -> None:
    dialog = _dialog(qtbot, audio, "Hello there.", None)
    assert Path(dialog.audio_target.text()).parent == audio.parent
    assert Path(dialog.audio_target.text()).parent != Path.home()
