"""The voice library dialog in the real window: table, filter, sort, edit, play, copy, delete."""

from __future__ import annotations

import importlib.util
import math
import time
import wave
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from soundclone_desktop.core.voices import VALIDITY_SECONDS, VoiceStatus
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import Voice, VoiceLibrary
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.voices.library_dialog import (
    CREATED,
    MODEL_ID,
    NAME,
    STATUS,
    TAGS,
    VoiceLibraryDialog,
    parse_tags,
)
from soundclone_desktop.ui.voices.make_permanent import MakePermanentDialog


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

HOUR = 3600.0


def write_wav(path: Path, seconds: float = 0.5, rate: int = 8000) -> Path:
    samples = array(
        "h",
        (int(6000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(int(seconds * rate))),
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def voices(isolated_dirs: Path, tmp_path: Path) -> dict[str, Voice]:
    """Four demo voices, one of each status; Alpha has a preview clip."""
    now = time.time()
    data = isolated_dirs / "data"
    with VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as library:
        library.add(Voice("m_alpha", "Alpha", created_at=now - HOUR, source="alpha.wav",
                          tags=("calm", "english"), demo=True))  # fmt: skip
        library.store_preview("m_alpha", write_wav(tmp_path / "alpha-preview.wav"))
        library.add(Voice("m_bravo", "Bravo", created_at=now - 5 * 86400,
                          activated_at=now - 4 * 86400, tags=("news",), demo=True))  # fmt: skip
        library.add(Voice("m_charlie", "Charlie", created_at=now - VALIDITY_SECONDS - HOUR,
                          demo=True))  # fmt: skip
        library.import_id("m_delta", "Delta", demo=True)
        return {v.model_id: v for v in library.all()}


@pytest.fixture
def window(aloop, qtbot, server: DemoServer, voices: dict[str, Voice]) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


@pytest.fixture
def dialog(window: MainWindow, qtbot) -> VoiceLibraryDialog:
    action = window.findChild(type(window.voices.library_action), "voiceLibraryAction")
    assert action is not None and action in window.voices_menu.actions()
    assert action.text() == "Voice library…"
    action.trigger()
    found = window.findChild(VoiceLibraryDialog, "voiceLibraryDialog")
    assert found is not None
    qtbot.waitExposed(found)
    return found


def column(dialog: VoiceLibraryDialog, col: int) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(row, col).data() for row in range(proxy.rowCount())]


def select(dialog: VoiceLibraryDialog, model_id: str) -> None:
    assert dialog.select(model_id)
    assert dialog.current_id() == model_id


def test_the_dialog_lists_every_voice_with_its_status(
    dialog: VoiceLibraryDialog, window: MainWindow
) -> None:
    assert not dialog.isModal()  # a tool window: the studio stays usable
    assert dialog.proxy.rowCount() == 4
    # Sorted by status: temporary, permanent, unknown, expired.
    assert column(dialog, NAME) == ["Alpha", "Bravo", "Delta", "Charlie"]
    statuses = column(dialog, STATUS)
    assert statuses[0].startswith("temporary, 2 d 22 h left")
    assert statuses[1:] == [
        "permanent (demo server)",
        "status unknown (demo server)",
        "expired (demo server)",
    ]
    assert column(dialog, TAGS)[:2] == ["calm, english", "news"]
    assert column(dialog, MODEL_ID) == ["m_alpha", "m_bravo", "m_delta", "m_charlie"]
    assert column(dialog, CREATED)[2] == "—"
    # Opening it again shows the same dialog, not a second one.
    window.voices.open_library()
    assert len(window.findChildren(VoiceLibraryDialog)) == 1


def test_sorting_and_the_filter_box(dialog: VoiceLibraryDialog, qtbot) -> None:
    dialog.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert column(dialog, NAME) == ["Delta", "Charlie", "Bravo", "Alpha"]
    qtbot.keyClicks(dialog.filter_edit, "NEWS")  # a tag, any case
    assert column(dialog, NAME) == ["Bravo"]
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "expired")
    assert column(dialog, NAME) == ["Charlie"]
    dialog.filter_edit.clear()
    assert dialog.proxy.rowCount() == 4


def test_rename_tags_and_notes_are_saved(
    dialog: VoiceLibraryDialog, window: MainWindow, qtbot
) -> None:
    select(dialog, "m_alpha")
    assert dialog.name_edit.text() == "Alpha" and not dialog.save_button.isEnabled()
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Morning voice")
    dialog.tags_edit.clear()
    qtbot.keyClicks(dialog.tags_edit, "calm")
    dialog.tags_edit.insert("，radio; calm")  # a full-width comma, as a Chinese IME types it
    dialog.notes_edit.setPlainText("Recorded in the small studio.")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    voice = window.voice_store.get("m_alpha")
    assert voice is not None
    assert voice.name == "Morning voice"
    assert voice.tags == ("calm", "radio")
    assert voice.notes == "Recorded in the small studio."
    assert not dialog.save_button.isEnabled()
    assert dialog.current_id() == "m_alpha"  # still selected after the reload
    combo = window.params.voice_combo
    assert combo.itemText(combo.findData("m_alpha")).startswith("Morning voice — temporary")


def test_an_empty_name_is_refused_and_nothing_typed_is_lost(
    dialog: VoiceLibraryDialog, window: MainWindow, qtbot
) -> None:
    select(dialog, "m_bravo")
    dialog.name_edit.setText("   ")
    dialog.notes_edit.setPlainText("keep me")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Name:" in dialog.messages.text()
    assert dialog.notes_edit.toPlainText() == "keep me"
    assert window.voice_store.get("m_bravo").name == "Bravo"  # type: ignore[union-attr]


def test_edits_survive_a_change_made_elsewhere(
    dialog: VoiceLibraryDialog, window: MainWindow
) -> None:
    select(dialog, "m_alpha")
    dialog.notes_edit.setPlainText("half-written note")
    window.voice_store.rename("m_bravo", "Bravo 2")  # e.g. the job listener writes
    assert "Bravo 2" in column(dialog, NAME)
    assert dialog.current_id() == "m_alpha"
    assert dialog.notes_edit.toPlainText() == "half-written note"
    dialog.filter_edit.setText("news")  # hides Alpha's row: its edits are saved, not lost
    assert window.voice_store.get("m_alpha").notes == "half-written note"  # type: ignore[union-attr]
    dialog.filter_edit.clear()
    select(dialog, "m_bravo")
    dialog.name_edit.setText("")
    select(dialog, "m_alpha")  # a blank name cannot be saved: the form keeps it and says why
    assert "Name:" in dialog.messages.text()
    assert window.voice_store.get("m_bravo").name == "Bravo 2"  # type: ignore[union-attr]


def test_play_preview_uses_the_main_player(
    dialog: VoiceLibraryDialog, window: MainWindow, voices: dict[str, Voice]
) -> None:
    select(dialog, "m_bravo")
    assert not dialog.play_button.isEnabled()  # no clip for this one
    select(dialog, "m_alpha")
    assert dialog.play_button.isEnabled()
    dialog.play_button.click()
    preview = voices["m_alpha"].preview_path
    assert preview is not None and window.player.path() == preview
    assert "Alpha" in window.player.title()
    window.player.stop()


def test_copy_id(dialog: VoiceLibraryDialog) -> None:
    clipboard = QApplication.clipboard()
    select(dialog, "m_delta")
    try:
        dialog.copy_button.click()
        assert clipboard.text() == "m_delta"
        assert "Delta" in dialog.messages.text()
    finally:
        clipboard.clear()  # data left on the clipboard crashes the process at exit


def test_delete_says_the_server_keeps_the_voice_and_removes_it_locally(
    dialog: VoiceLibraryDialog, window: MainWindow, voices: dict[str, Voice]
) -> None:
    select(dialog, "m_alpha")
    dialog.delete_button.click()
    text = dialog.messages.text()
    assert "Alpha" in text and "still exists on the server until it expires" in text
    assert window.voice_store.get("m_alpha") is not None  # nothing happens until confirmed
    confirm = dialog.messages.findChild(QPushButton, "messageActionButton")
    assert confirm.isVisible() and confirm.text() == "Delete from library"
    confirm.click()
    assert window.voice_store.get("m_alpha") is None
    assert "m_alpha" not in column(dialog, MODEL_ID)
    preview = voices["m_alpha"].preview_path
    assert preview is not None and not preview.exists()
    assert window.params.voice_combo.findData("m_alpha") < 0
    assert "Removed" in dialog.messages.text()


def test_deleting_a_permanent_voice_says_its_id_keeps_working(
    dialog: VoiceLibraryDialog,
) -> None:
    select(dialog, "m_bravo")
    dialog.delete_button.click()
    assert "its ID keeps working" in dialog.messages.text()


def test_make_permanent_is_offered_for_temporary_voices_only(
    dialog: VoiceLibraryDialog, window: MainWindow, qtbot
) -> None:
    for model_id in ("m_bravo", "m_charlie", "m_delta"):
        select(dialog, model_id)
        assert not dialog.permanent_button.isEnabled()
    select(dialog, "m_alpha")
    assert dialog.permanent_button.isEnabled()
    dialog.permanent_button.click()
    confirm = window.findChild(MakePermanentDialog, "makePermanentDialog")
    assert confirm is not None and confirm.isVisible()
    assert "Alpha" in confirm.text_label.text()
    confirm.reject()


def test_closing_and_reopening(dialog: VoiceLibraryDialog, window: MainWindow, qtbot) -> None:
    dialog.buttons.rejected.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == QDialog.DialogCode.Rejected
    again = window.voices.open_library()
    assert again.isVisible() and again.proxy.rowCount() == 4
    store = window.voice_store
    assert store.status(store.get("m_alpha")) is VoiceStatus.TEMPORARY  # type: ignore[arg-type]


def test_parse_tags() -> None:
    assert parse_tags("a, b，c; d；e,,") == ["a", "b", "c", "d", "e"]
