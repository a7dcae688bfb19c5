"""The export dialog on its own: preview, targets, validation, writing, cancelling."""

from __future__ import annotations

import array
import json
import math
import threading
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from soundclone_desktop.audio.export import AudioFormat
from soundclone_desktop.core.subtitles.export import (
    ExportOptions,
    SubtitleFormat,
    export_subtitles,
    preview_subtitles,
)
from soundclone_desktop.core.subtitles.model import Subtitles
from soundclone_desktop.core.subtitles.parse import parse_subtitles
from soundclone_desktop.ui.export import dialog as module
from soundclone_desktop.ui.export.dialog import PREVIEW_CUES, ExportDialog
from soundclone_desktop.ui.export.work import (
    AudioJob,
    ExportCancelledError,
    SubtitleJob,
    run_export,
)

pytestmark = pytest.mark.gui

RATE = 16_000


def write_wav(path: Path, seconds: float = 2.0) -> Path:
    samples = array.array("h", (round(6000 * math.sin(i / 9)) for i in range(int(seconds * RATE))))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return path


def minimax(count: int) -> bytes:
    """A MiniMax-style subtitle file with ``count`` sentences of word timings."""
    cues = []
    for n in range(count):
        start = n * 1500.0
        words = [f"word{n}x{k}" for k in range(12)]
        cues.append(
            {
                "text": " ".join(words) + ".",
                "time_begin": start,
                "time_end": start + 1400,
                "timestamped_words": [
                    {"word": w, "time_begin": start + k * 110, "time_end": start + k * 110 + 100}
                    for k, w in enumerate(words)
                ],
            }
        )
    return json.dumps(cues).encode()


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_memory", module._Memory())


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    results = tmp_path / "results"
    results.mkdir()
    audio = write_wav(results / "task1.wav")
    subtitles = results / "task1.subtitles.json"
    subtitles.write_bytes(minimax(10))
    return audio, subtitles


def open_dialog(
    qtbot: QtBot,
    audio: Path,
    subtitles: Path | None,
    title: str = "Hello: world?",
    script: str | None = "Hello world. <#0.5#> Second sentence.",
) -> ExportDialog:
    dialog = ExportDialog(
        None, audio_path=audio, subtitle_path=subtitles, script_text=script, title=title
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    if subtitles is not None:
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    return dialog


def test_preview_shows_the_first_cues_as_they_will_be_written(
    qtbot: QtBot, files: tuple[Path, Path]
) -> None:
    audio, subtitle_file = files
    dialog = open_dialog(qtbot, audio, subtitle_file)
    assert dialog.objectName() == "exportDialog"
    subtitles = parse_subtitles(subtitle_file.read_bytes())

    def expected(fmt: SubtitleFormat, options: ExportOptions) -> str:
        return preview_subtitles(subtitles, fmt, options, max_cues=PREVIEW_CUES)

    assert dialog.preview.toPlainText() == expected(SubtitleFormat.SRT, ExportOptions())
    assert dialog.preview_note.text() == "The start of the file; the result has 10 subtitles."
    dialog.subtitle_format.setCurrentIndex(dialog.subtitle_format.findData(SubtitleFormat.VTT))
    dialog.max_chars.setValue(20)
    dialog.max_lines.setValue(1)
    dialog.min_duration.setValue(1500)
    options = ExportOptions(max_chars_per_line=20, max_lines=1, min_duration_ms=1500)
    qtbot.waitUntil(
        lambda: dialog.preview.toPlainText() == expected(SubtitleFormat.VTT, options),
        timeout=3000,
    )
    assert dialog.preview.toPlainText().startswith("WEBVTT")
    assert dialog.subtitle_target.text().endswith("Hello world.vtt")  # the first sentence


def test_default_names_are_safe_and_follow_the_format(
    qtbot: QtBot, files: tuple[Path, Path]
) -> None:
    audio, subtitle_file = files
    title = 'A/B: "quoted" <#0.5#> line…'
    dialog = open_dialog(qtbot, audio, subtitle_file, title=title, script=None)
    assert Path(dialog.audio_target.text()).name == "A B quoted line.wav"
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.MP3))
    assert Path(dialog.audio_target.text()).name == "A B quoted line.mp3"
    long_script = "Tired of waiting in line for your morning coffee? <#0.6#> Meet BrewBox."
    named = open_dialog(qtbot, audio, subtitle_file, script=long_script)
    assert Path(named.subtitle_target.text()).name == "Tired of waiting in line for your.srt"
    chinese = "第一章 雨夜的来信\n\n那天晚上，雨一直没有停。"
    named = open_dialog(qtbot, audio, subtitle_file, script=chinese)
    assert Path(named.subtitle_target.text()).name == "第一章 雨夜的来信.srt"
    dialog.audio_target.setText(str(audio.parent / "mine.flac"))
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.WAV))
    assert Path(dialog.audio_target.text()).name == "mine.wav"
    dialog.audio_target.setText(str(audio.parent / "notes.txt"))  # not an audio extension
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.MP3))
    assert Path(dialog.audio_target.text()).name == "notes.txt"


@pytest.mark.parametrize("fmt", [SubtitleFormat.SRT, SubtitleFormat.VTT, SubtitleFormat.LRC])
def test_export_writes_what_export_subtitles_gives_and_the_audio(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path, fmt: SubtitleFormat
) -> None:
    audio, subtitle_file = files
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.subtitle_format.setCurrentIndex(dialog.subtitle_format.findData(fmt))
    dialog.max_chars.setValue(30)
    dialog.audio_target.setText(str(out / "speech.wav"))
    dialog.subtitle_target.setText(str(out / f"speech{fmt.extension}"))
    with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0] == [out / "speech.wav", out / f"speech{fmt.extension}"]
    assert (out / "speech.wav").read_bytes() == audio.read_bytes()  # original WAV: a copy
    subtitles = parse_subtitles(subtitle_file.read_bytes())
    expected = export_subtitles(subtitles, fmt, ExportOptions(max_chars_per_line=30))
    assert (out / f"speech{fmt.extension}").read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(["speech.wav", f"speech{fmt.extension}"])
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_normalised_mp3(qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path) -> None:
    audio, subtitle_file = files
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.subtitle_group.setChecked(False)
    dialog.audio_format.setCurrentIndex(dialog.audio_format.findData(AudioFormat.MP3))
    dialog.normalize.setChecked(True)
    dialog.audio_target.setText(str(tmp_path / "loud"))  # no extension: the format's is added
    with qtbot.waitSignal(dialog.exported, timeout=20000) as done:
        dialog.export_button.click()
    (path,) = done.args[0]
    assert path == tmp_path / "loud.mp3"
    head = path.read_bytes()[:2]
    assert head[0] == 0xFF and head[1] & 0xE0 == 0xE0  # an MPEG frame, no ID3 tag


def test_bad_targets_are_explained_and_nothing_is_lost(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path
) -> None:
    audio, subtitle_file = files
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.max_chars.setValue(33)
    dialog.audio_target.setText("")
    dialog.export_button.click()
    assert dialog.status_text() == "Audio: choose where to save the file."
    dialog.audio_target.setText(str(tmp_path / "missing" / "a.wav"))
    dialog.export_button.click()
    assert dialog.status_text() == (f"Audio: the folder {tmp_path / 'missing'} does not exist.")
    dialog.audio_target.setText(str(audio))
    dialog.export_button.click()
    assert dialog.status_text() == "Audio: that is the result's own file; choose another name."
    dialog.audio_target.setText(str(tmp_path / "same.txt"))
    dialog.subtitle_target.setText(str(tmp_path / "same.txt"))
    dialog.export_button.click()
    assert dialog.status_text() == "Audio and subtitles need different file names."
    dialog.audio_group.setChecked(False)
    dialog.subtitle_group.setChecked(False)
    dialog.export_button.click()
    assert dialog.status_text() == "Tick Audio, Subtitles or both to export."
    assert dialog.isVisible() and dialog.max_chars.value() == 33


def test_replacing_an_existing_file_needs_a_second_press(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path
) -> None:
    audio, subtitle_file = files
    existing = tmp_path / "old.srt"
    existing.write_text("keep me")
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.audio_group.setChecked(False)
    dialog.subtitle_target.setText(str(existing))
    dialog.export_button.click()
    assert dialog.status_text() == "old.srt already exists. Press Export again to replace it."
    assert existing.read_text() == "keep me"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()
    assert existing.read_text().startswith("1\n")


def test_choose_uses_a_non_modal_file_dialog(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path
) -> None:
    audio, subtitle_file = files
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.subtitle_browse.click()  # returns at once: open(), not exec()
    chooser = dialog.findChild(QFileDialog, "exportFileDialog")
    assert chooser is not None and chooser.isVisible()
    chooser.fileSelected.emit(str(tmp_path / "chosen.srt"))
    chooser.reject()
    assert dialog.subtitle_target.text() == str(tmp_path / "chosen.srt")


def test_without_subtitles_only_audio_is_offered(qtbot: QtBot, files: tuple[Path, Path]) -> None:
    audio, _ = files
    dialog = open_dialog(qtbot, audio, None)
    assert not dialog.subtitle_group.isEnabled() and not dialog.subtitle_group.isChecked()
    assert "no subtitles" in dialog.preview_note.text()
    assert dialog.export_button.isEnabled()


def test_an_unreadable_subtitle_file_is_explained(qtbot: QtBot, files: tuple[Path, Path]) -> None:
    audio, subtitle_file = files
    subtitle_file.write_bytes(b"just some words")
    dialog = open_dialog(qtbot, audio, subtitle_file)
    assert not dialog.subtitle_group.isEnabled()
    assert dialog.preview_note.text().startswith("The subtitle file could not be read: ")


def test_cancel_while_running_waits_and_writes_nothing(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audio, subtitle_file = files
    release = threading.Event()
    original = module.run_export

    def slow(*args: object, **kwargs: object) -> list[Path]:
        release.wait(5)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "run_export", slow)
    dialog = open_dialog(qtbot, audio, subtitle_file)
    dialog.audio_target.setText(str(tmp_path / "a.wav"))
    dialog.subtitle_target.setText(str(tmp_path / "a.srt"))
    dialog.export_button.click()
    assert dialog.is_running() and dialog.progress.isVisible()
    assert not dialog.audio_group.isEnabled()
    dialog.cancel_button.click()
    assert dialog.isVisible() and dialog.status_text() == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == ExportDialog.DialogCode.Rejected
    assert not (tmp_path / "a.wav").exists() and not (tmp_path / "a.srt").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exporting-")]


def test_run_export_cancelled_after_audio_keeps_the_old_file(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    audio, subtitle_file = files
    old = tmp_path / "a.wav"
    old.write_bytes(b"old")
    cancel = threading.Event()
    subtitles: Subtitles = parse_subtitles(subtitle_file.read_bytes())
    steps: list[str] = []

    def step(name: str) -> None:
        steps.append(name)
        cancel.set()  # the user cancels during the audio step

    with pytest.raises(ExportCancelledError):
        run_export(
            AudioJob(audio, old, AudioFormat.WAV, normalize=True),
            SubtitleJob(subtitles, tmp_path / "a.srt", SubtitleFormat.SRT, ExportOptions()),
            cancelled=cancel,
            step=step,
        )
    assert steps == ["audio"]
    assert old.read_bytes() == b"old"
    assert not (tmp_path / "a.srt").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exporting-")]


def test_chinese_subtitles_start_with_a_shorter_line(
    qtbot: QtBot, files: tuple[Path, Path], tmp_path: Path
) -> None:
    audio, subtitle_file = files
    cues = [{"text": "那天晚上，雨一直没有停。", "time_begin": 0, "time_end": 2000}]
    subtitle_file.write_text(json.dumps(cues, ensure_ascii=False), encoding="utf-8")
    dialog = open_dialog(qtbot, audio, subtitle_file)
    assert dialog.max_chars.value() == module.CJK_MAX_CHARS
    dialog.max_chars.setValue(14)
    dialog.audio_group.setChecked(False)
    dialog.subtitle_target.setText(str(tmp_path / "zh.srt"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()
    again = open_dialog(qtbot, audio, subtitle_file)
    assert again.max_chars.value() == 14  # the user's choice is kept for the session
