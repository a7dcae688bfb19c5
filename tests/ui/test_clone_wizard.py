"""Acceptance tests of the clone wizard: the real studio window against the real demo server."""

from __future__ import annotations

import importlib.util
import math
import struct
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.paths import voices_dir
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.theme.colours import colours_for
from soundclone_desktop.ui.voices.clone_run import Phase
from soundclone_desktop.ui.voices.clone_widgets import Mark
from soundclone_desktop.ui.voices.clone_wizard import CloneWizard, Step, current_wizard


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

RATE = 16_000


def write_wav(path: Path, seconds: float, hz: float = 220.0) -> Path:
    """A 16 kHz mono 16-bit tone (not silence) of ``seconds``."""
    frames = int(seconds * RATE)
    samples = (int(12000 * math.sin(2 * math.pi * hz * i / RATE)) for i in range(frames))
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3, slow_delay=3.0)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def posts(server: DemoServer, tail: str) -> list[dict[str, object]]:
    return [
        r for r in server.requests_log() if r["method"] == "POST" and str(r["path"]).endswith(tail)
    ]


def nothing_spent(server: DemoServer) -> bool:
    return (
        not posts(server, "/files/upload")
        and not posts(server, "/soundCloning/clones")
        and (server.ledger() == [])
    )


def open_wizard(window: MainWindow, qtbot) -> CloneWizard:  # type: ignore[no-untyped-def]
    window.clone_wizard_action.trigger()
    wizard = current_wizard(window)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return wizard


def check_texts(wizard: CloneWizard) -> list[str]:
    return wizard.source_page.checks.texts()


def choose(wizard: CloneWizard, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pick a file as a drop would, and wait until its checks are final."""
    wizard.source_page.set_file(path)
    qtbot.waitUntil(
        lambda: (
            check_texts(wizard)
            and all(mark is not Mark.PENDING for mark, _ in wizard.source_page.checks.items())
        ),
        timeout=10000,
    )


def to_clone_step(wizard: CloneWizard, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    choose(wizard, qtbot, path)
    assert wizard.next_button.isEnabled(), check_texts(wizard)
    wizard.next_button.click()
    assert wizard.step() is Step.PREVIEW
    wizard.next_button.click()
    assert wizard.step() is Step.CLONE


# -- the whole way: a 20 s recording becomes a saved voice ------------------------------------


def test_a_20_second_wav_clones_to_a_saved_voice_with_a_playable_preview(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    assert window.clone_wizard_action in window.voices_menu.actions()
    assert window.clone_wizard_action.objectName() == "cloneVoiceAction"
    wizard = open_wizard(window, qtbot)
    assert wizard.objectName() == "cloneWizard"
    assert not wizard.isModal() and wizard.windowModality() == Qt.WindowModality.NonModal
    assert wizard.step() is Step.SOURCE and not wizard.next_button.isEnabled()

    choose(wizard, qtbot, write_wav(tmp_path / "anna20.wav", 20.0))
    assert check_texts(wizard)[0].startswith("20.0 s long")
    assert wizard.source_page.player.isVisibleTo(wizard)  # the source can be played here
    qtbot.waitUntil(lambda: wizard.source_page.player.duration_ms() > 0, timeout=10000)
    wizard.next_button.click()

    page = wizard.preview_page
    # An English line to start with (issue 11: the Chinese default line in English).
    assert page.text() == "Hello! This is how my new voice sounds. I hope you like it."
    assert page.counter_label.text() == f"{len(page.text())} / 269 characters"
    page.text_edit.clear()  # empty: the service's own (Chinese) line, said and billed
    assert page.counter_label.text() == "0 / 269 characters"
    assert "default line" in page.default_note.text() and "billed" in page.default_note.text()
    # The demo charges 10 JimiCoin per 10,000 characters; the default line has 44.
    assert page.cost_label.text() == (
        "Preview cost: about 0.04 JimiCoin (44 characters). Demo: no real money."
    )
    page.text_edit.setFocus()
    qtbot.keyClicks(page.text_edit, "Hello, this is my voice for the studio.")
    assert page.counter_label.text() == "39 / 269 characters"
    assert page.cost_label.text().startswith("Preview cost: about 0.04 JimiCoin (39 characters)")
    wizard.next_button.click()

    assert wizard.step() is Step.CLONE
    assert wizard.run_page.source_value.text() == "anna20.wav"
    assert wizard.run_page.cost_value.text().startswith("about 0.04 JimiCoin (39 characters)")
    wizard.clone_button.click()
    wizard.clone_button.click()  # a second press while sending does nothing
    assert not wizard.clone_button.isEnabled() and not wizard.back_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.step() is Step.SAVE, timeout=15000)
    assert len(posts(server, "/files/upload")) == 1
    (clone,) = posts(server, "/soundCloning/clones")
    body = clone["json"]
    assert isinstance(body, dict)
    assert body["contentText"] == "Hello, this is my voice for the studio."
    assert body["soundVersion"] == "v2" and "language" not in body  # auto
    assert str(body["fileUrl"]).startswith(server.base_url + "/files/")

    job = wizard.run.job
    assert job is not None and job.state is JobState.DOWNLOADED and job.model_id
    player = wizard.save_page.player
    qtbot.waitUntil(lambda: player.duration_ms() > 0, timeout=10000)  # the preview loads
    assert wizard.save_page.name_edit.text() == "anna20"
    assert job.model_id in wizard.save_page.info_label.text()
    wizard.save_page.name_edit.setText("Anna, calm")
    with qtbot.waitSignal(wizard.saved, timeout=10000) as saved:
        wizard.save_button.click()
    voice = saved.args[0]

    stored = window.voice_store.get(job.model_id)
    assert stored is not None and stored == voice
    assert stored.name == "Anna, calm"
    assert stored.created_at == job.created_at
    assert stored.source == "anna20.wav"
    assert (stored.version, stored.language) == ("v2", "auto")
    assert stored.preview_task_id == job.task_id
    assert stored.preview_path is not None and stored.preview_path.exists()
    assert stored.preview_path.parent == voices_dir(window.ctx.data_dir)
    assert stored.preview_path.read_bytes() == Path(job.audio_path).read_bytes()

    combo = window.params.voice_combo
    assert combo.findData(job.model_id) >= 0
    assert window.params.values()["model_id"] == job.model_id  # selected for the next script
    assert "saved" in window.messages.text()
    qtbot.waitUntil(lambda: current_wizard(window) is None, timeout=5000)

    # The stored clip plays in the studio's player.
    window.player.load(stored.preview_path)
    qtbot.waitUntil(lambda: window.player.duration_ms() > 0, timeout=10000)
    # One preview, charged once: 39 characters at 10 per 10,000.
    (charge,) = server.ledger()
    assert charge["item"] == "sound-cloning-clone"


# -- refused before anything is spent ---------------------------------------------------------


@pytest.mark.parametrize(("seconds", "advice"), [(10.0, "longer recording"), (70.0, "under 60 s")])
def test_a_wav_outside_15_to_60_seconds_is_refused_locally(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path, seconds: float, advice: str
) -> None:
    wizard = open_wizard(window, qtbot)
    choose(wizard, qtbot, write_wav(tmp_path / "short.wav", seconds))
    [(mark, text)] = wizard.source_page.checks.items()
    assert mark is Mark.ERROR
    assert f"{seconds:.1f} s long" in text
    assert "more than 15 s and less than 60 s" in text and advice in text
    assert not wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.step() is Step.SOURCE
    assert nothing_spent(server)


def test_a_url_with_chinese_characters_is_refused_locally(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    wizard = open_wizard(window, qtbot)
    wizard.source_page.url_radio.click()
    edit = wizard.source_page.url_edit
    assert edit.isVisibleTo(wizard) and not wizard.source_page.drop_zone.isVisibleTo(wizard)
    edit.setFocus()
    qtbot.keyClicks(edit, "https://cdn.example.com/")
    edit.insert("声音/sample.mp3")  # pasted: QTest cannot type characters beyond Latin-1
    [(mark, text)] = wizard.source_page.checks.items()
    assert mark is Mark.ERROR and "Chinese characters" in text and "“声”" in text
    assert not wizard.next_button.isEnabled()
    assert edit.text() == "https://cdn.example.com/声音/sample.mp3"  # nothing typed is lost

    edit.setText("http://localhost/sample.mp3")
    assert "cannot reach" in check_texts(wizard)[0]
    assert not wizard.next_button.isEnabled()
    # On the demo, the demo server's own files are fine.
    edit.setText(f"{server.base_url}/files/uploads/sample.mp3")
    marks = [mark for mark, _ in wizard.source_page.checks.items()]
    assert marks == [Mark.OK, Mark.WARNING]  # usable; its length cannot be measured here
    assert wizard.next_button.isEnabled()
    assert nothing_spent(server)


def test_preview_text_over_the_limit_blocks_and_keeps_the_text(
    window: MainWindow, qtbot, tmp_path: Path, server: DemoServer
) -> None:
    wizard = open_wizard(window, qtbot)
    choose(wizard, qtbot, write_wav(tmp_path / "ok.wav", 30.0))
    wizard.next_button.click()
    page = wizard.preview_page
    page.text_edit.setPlainText("a" * 270)
    assert page.counter_label.text() == "270 / 269 characters"
    assert colours_for(page.palette()).error_text.name() in page.counter_label.styleSheet()
    assert page.text_problem.text().startswith("Preview text:")
    assert "269" in page.text_problem.text()
    assert not wizard.next_button.isEnabled()
    assert page.text() == "a" * 270
    page.text_edit.setPlainText(page.text()[:-1])
    assert wizard.next_button.isEnabled()


def test_model_v1_offers_only_its_languages(window: MainWindow, qtbot, tmp_path: Path) -> None:
    wizard = open_wizard(window, qtbot)
    choose(wizard, qtbot, write_wav(tmp_path / "ok.wav", 30.0))
    wizard.next_button.click()
    page = wizard.preview_page
    assert page.language() == "auto"
    page.version_combo.setCurrentIndex(page.version_combo.findData("v1"))
    values = [page.language_combo.itemData(i) for i in range(page.language_combo.count())]
    assert "auto" not in values and "Bulgarian" not in values and len(values) == 24
    assert page.language() == "English"  # guessed from the preview line (English here)
    assert "cannot detect the language" in page.language_note.text()
    page.version_combo.setCurrentIndex(page.version_combo.findData("v2"))
    page.language_combo.setCurrentIndex(page.language_combo.findData("Bulgarian"))
    page.version_combo.setCurrentIndex(page.version_combo.findData("v1"))
    assert "Bulgarian needs model v2" in page.language_note.text()


# -- cancelling, closing, discarding ------------------------------------------------------------


def test_cancel_during_upload_sends_nothing_then_cloning_works(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    wizard = open_wizard(window, qtbot)
    to_clone_step(wizard, qtbot, write_wav(tmp_path / "slow.wav", 25.0))
    server.inject("slow", path_contains="files/upload")  # the answer takes 3 s
    wizard.clone_button.click()
    qtbot.waitUntil(lambda: len(posts(server, "/files/upload")) == 1, timeout=5000)
    assert wizard.run.phase is Phase.UPLOADING
    cancel = wizard.run_page.cancel_upload_button
    assert cancel.isVisibleTo(wizard) and cancel.isEnabled()
    cancel.click()
    qtbot.waitUntil(lambda: wizard.run.phase is Phase.IDLE, timeout=3000)
    assert "Upload cancelled" in wizard.messages.text()
    assert "nothing was charged" in wizard.messages.text()
    assert not wizard.run_page.upload_box.isVisibleTo(wizard)
    assert wizard.clone_button.isEnabled() and wizard.back_button.isEnabled()
    assert posts(server, "/soundCloning/clones") == [] and server.ledger() == []

    wizard.clone_button.click()  # the fault is used up: this one goes through
    qtbot.waitUntil(lambda: wizard.step() is Step.SAVE, timeout=15000)
    assert len(posts(server, "/files/upload")) == 2
    assert len(posts(server, "/soundCloning/clones")) == 1


def test_a_failed_preview_is_explained_in_place_and_can_be_retried(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    wizard = open_wizard(window, qtbot)
    to_clone_step(wizard, qtbot, write_wav(tmp_path / "fails.wav", 25.0))
    server.fail_next_tasks(1, "the voice could not be cloned")
    wizard.clone_button.click()
    qtbot.waitUntil(lambda: wizard.run.phase is Phase.IDLE, timeout=15000)
    assert wizard.step() is Step.CLONE
    assert "the voice could not be cloned" in wizard.messages.text()
    assert wizard.clone_button.isEnabled()
    wizard.clone_button.click()
    qtbot.waitUntil(lambda: wizard.step() is Step.SAVE, timeout=15000)
    assert len(posts(server, "/files/upload")) == 1  # the file was not uploaded again
    assert len(posts(server, "/soundCloning/clones")) == 2


def test_an_unsaved_voice_is_not_lost_to_a_single_press(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    wizard = open_wizard(window, qtbot)
    to_clone_step(wizard, qtbot, write_wav(tmp_path / "keep.wav", 25.0))
    wizard.clone_button.click()
    qtbot.waitUntil(lambda: wizard.step() is Step.SAVE, timeout=15000)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and "not saved yet" in wizard.messages.text()
    wizard.discard_button.click()
    assert wizard.step() is Step.SAVE and "Press Discard again" in wizard.messages.text()
    wizard.discard_button.click()
    assert wizard.step() is Step.PREVIEW and wizard.run.phase is Phase.IDLE
    assert all(v.source != "keep.wav" for v in window.voice_store.voices())
    assert wizard.source_page.path() == tmp_path / "keep.wav"  # inputs kept for a new try


def test_closing_while_the_preview_runs_asks_first(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    wizard = open_wizard(window, qtbot)
    to_clone_step(wizard, qtbot, write_wav(tmp_path / "wait.wav", 25.0))
    server.inject("slow", path_contains="soundCloning/clones")  # keep it in "sending"
    wizard.clone_button.click()
    qtbot.waitUntil(lambda: wizard.run.phase is Phase.PREVIEW, timeout=5000)
    assert wizard.cancel_button.text() == "Stop waiting"
    wizard.cancel_button.click()
    assert wizard.isVisible() and "will be charged" in wizard.messages.text()
    wizard.cancel_button.click()
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.run.phase is Phase.IDLE, timeout=10000)
    # Reopening shows the same wizard with everything kept.
    assert open_wizard(window, qtbot) is wizard
    assert wizard.source_page.path() == tmp_path / "wait.wav"


def test_a_dropped_file_is_taken(window: MainWindow, qtbot, tmp_path: Path) -> None:
    wizard = open_wizard(window, qtbot)
    path = write_wav(tmp_path / "dropped.wav", 30.0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    zone = wizard.source_page.drop_zone
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()  # one local file: the zone takes it
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(zone, drop)
    assert wizard.source_page.file_edit.text() == str(path)
    qtbot.waitUntil(wizard.next_button.isEnabled, timeout=10000)
    assert check_texts(wizard)[0].startswith("30.0 s long")

    # Several files at once: the zone does not take them (which one would be meant?).
    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "b.wav"))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, two, buttons, keys)
    QApplication.sendEvent(zone, enter)
    assert not enter.isAccepted()


def test_a_missing_or_unsupported_file_says_why(window: MainWindow, qtbot, tmp_path: Path) -> None:
    wizard = open_wizard(window, qtbot)
    choose(wizard, qtbot, tmp_path / "nothing-here.wav")
    assert "no file at this path" in check_texts(wizard)[0]
    flac = tmp_path / "take.flac"
    flac.write_bytes(b"fLaC" + b"\0" * 100)
    choose(wizard, qtbot, flac)
    assert "does not accept .flac" in check_texts(wizard)[0]
    assert not wizard.next_button.isEnabled()


def test_an_unmeasurable_file_warns_but_does_not_block(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    wizard = open_wizard(window, qtbot)
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"\0not really audio" * 200)
    choose(wizard, qtbot, broken)
    marks = [mark for mark, _ in wizard.source_page.checks.items()]
    assert Mark.WARNING in marks and Mark.ERROR not in marks
    assert any("cannot be measured" in text for text in check_texts(wizard))
    assert wizard.next_button.isEnabled()


def test_other_formats_are_measured_by_the_media_backend(
    window: MainWindow, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    # WAV data under an .m4a name: not read by the WAV header reader, but FFmpeg probes it.
    wizard = open_wizard(window, qtbot)
    choose(wizard, qtbot, write_wav(tmp_path / "interview.m4a", 70.0))
    [(mark, text)] = wizard.source_page.checks.items()
    assert mark is Mark.ERROR and "70.0 s long" in text
    choose(wizard, qtbot, write_wav(tmp_path / "interview.mp4", 30.0))
    assert check_texts(wizard)[0].startswith("30.0 s long")
    assert wizard.next_button.isEnabled()
    assert nothing_spent(server)
