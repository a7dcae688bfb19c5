"""The voice picker and the near-expiry flag, in the real window against the real demo server.

A voice is really cloned on the demo server (over HTTP) and the server clock moved to 2 h
before its expiry; the library entry says the same. The window must flag it in voiceCombo
and in the message bar, and "Make it permanent" (after the cost is shown) must submit a
task that makes the voice permanent on both sides.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QPushButton, QToolButton

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.core.pricing import estimate_production
from soundclone_desktop.core.script import analyze
from soundclone_desktop.core.voices import VALIDITY_SECONDS, VoiceStatus
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.settings import SettingsStore
from soundclone_desktop.store.voices import Voice, VoiceLibrary
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.parameters.panel import VOICE_WARNING_ROLE
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
API = "/api/open-api/v1"


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs / "data"


def clone_on_server(server: DemoServer) -> str:
    """A real clone on the demo server (synchronous HTTP: the test loop is Qt's)."""
    headers = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as http:
        body = {"fileUrl": "https://example.com/narrator.wav", "soundVersion": "v2"}
        task = http.post(f"{API}/soundCloning/clones", json=body).json()["data"]["id"]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            data = http.get(f"{API}/audios/{task}").json()["data"]
            if data["status"] == "completed":
                return str(data["modelId"])
            time.sleep(0.1)
    raise AssertionError("the demo server did not finish the clone")


def add_voices(data_dir: Path, *voices: Voice) -> None:
    with VoiceLibrary(paths.voice_library_path(data_dir)) as library:
        for voice in voices:
            library.add(voice)


def combo_entries(window: MainWindow) -> list[tuple[str, str | None]]:
    combo = window.params.voice_combo
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def combo_row(window: MainWindow, model_id: str) -> int:
    row = window.params.voice_combo.findData(model_id)
    assert row >= 0, combo_entries(window)
    return row


def audio_posts(server: DemoServer) -> list[dict[str, object]]:
    return [
        r
        for r in server.requests_log()
        if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
    ]


@pytest.fixture
def near_expiry(server: DemoServer, data_dir: Path) -> str:
    """A demo voice with 2 h left, on the server and in the library alike."""
    model_id = clone_on_server(server)
    server.advance_clock(VALIDITY_SECONDS - 2 * HOUR)
    created = time.time() - VALIDITY_SECONDS + 2 * HOUR
    add_voices(
        data_dir,
        Voice(
            model_id, "Narrator", created_at=created, version="v2", language="English", demo=True
        ),
    )
    return model_id


@pytest.fixture
def window(aloop, qtbot, server: DemoServer, near_expiry: str) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def test_a_voice_near_expiry_is_flagged_and_made_permanent(
    window: MainWindow, qtbot, server: DemoServer, near_expiry: str
) -> None:
    combo = window.params.voice_combo
    # The demo narrator stays available (and stays the default), the library voice follows.
    assert combo.itemData(0) == "model_demo_narrator" and combo.currentIndex() == 0
    row = combo_row(window, near_expiry)
    assert combo.itemText(row).startswith("Narrator — temporary, 1 h 5")
    assert combo.itemData(row, VOICE_WARNING_ROLE) is True
    assert not combo.itemIcon(row).isNull()
    assert combo.itemData(row, Qt.ItemDataRole.ForegroundRole) is not None
    assert combo.itemData(0, VOICE_WARNING_ROLE) is None  # the narrator is not flagged

    # At start-up the message bar names the voice and offers the one-click fix.
    qtbot.waitUntil(lambda: "Narrator" in window.messages.text(), timeout=3000)
    assert "expires in 1 h 5" in window.messages.text()
    action = window.messages.findChild(QPushButton, "messageActionButton")
    assert action.isVisible() and action.text() == "Make it permanent"
    assert audio_posts(server) == []  # nothing is sent before the cost is confirmed

    action.click()
    dialog = window.findChild(MakePermanentDialog, "makePermanentDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    text = "Hello, nice to meet you."
    estimate = estimate_production(analyze(text).billable_chars, window.ctx.prices())
    assert money_text(estimate.total, estimate.currency) in dialog.cost_label.text()
    assert text in dialog.text_label.text()
    assert audio_posts(server) == []

    before = server.ledger()
    dialog.findChild(QPushButton, "makePermanentSubmit").click()
    qtbot.waitUntil(lambda: len(audio_posts(server)) == 1, timeout=5000)
    store = window.voice_store
    qtbot.waitUntil(
        lambda: store.status(store.get(near_expiry)) is VoiceStatus.PERMANENT, timeout=10000
    )
    assert "permanent" in combo.itemText(combo_row(window, near_expiry))
    assert combo.itemData(combo_row(window, near_expiry), VOICE_WARNING_ROLE) is None
    jobs = window.task_list.jobs()
    assert len(jobs) == 1 and jobs[0].params.model_id == near_expiry  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: jobs[0].state is JobState.DOWNLOADED, timeout=10000)
    qtbot.waitUntil(lambda: "is now permanent" in window.messages.text(), timeout=3000)
    assert server.ledger() != before  # it was a real, billed production task

    # The server agrees: past the original three days the voice still works.
    server.advance_clock(4 * HOUR)
    window.params.select_voice(near_expiry)
    window.editor.set_text("Still here.")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) == 2, timeout=5000)
    second = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: second.is_done, timeout=10000)
    assert second.state is JobState.DOWNLOADED, second.error


def test_cancelling_the_confirmation_sends_nothing(
    window: MainWindow, qtbot, server: DemoServer, near_expiry: str
) -> None:
    first = window.voices.make_permanent.confirm(near_expiry)
    dialog = window.voices.make_permanent.confirm(near_expiry)  # asked twice: one dialog
    assert first is not None and not first.isVisible()
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QPushButton, "makePermanentCancel").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    qtbot.wait(200)
    assert audio_posts(server) == []
    voice = window.voice_store.get(near_expiry)
    assert voice is not None and window.voice_store.status(voice) is VoiceStatus.TEMPORARY


def test_choosing_a_flagged_voice_repeats_the_offer(
    window: MainWindow, qtbot, near_expiry: str
) -> None:
    qtbot.waitUntil(lambda: "Narrator" in window.messages.text(), timeout=3000)
    window.messages.clear()
    window.params.voice_combo.setCurrentIndex(combo_row(window, near_expiry))
    assert "expires in" in window.messages.text()


def test_the_clock_moving_past_the_window_expires_the_voice(
    window: MainWindow, qtbot, server: DemoServer, near_expiry: str
) -> None:
    store = window.voice_store
    later = time.time() + 3 * HOUR
    store.clock = lambda: later  # injected "now": the three days are over
    server.advance_clock(3 * HOUR)
    window.voices.picker.refresh()
    combo = window.params.voice_combo
    row = combo_row(window, near_expiry)
    assert combo.itemText(row) == "Narrator — expired"
    model = combo.model()
    assert isinstance(model, QStandardItemModel) and not model.item(row).isEnabled()
    # The server says the same when asked.
    window.params.select_voice(near_expiry)
    window.editor.set_text("Anyone there?")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: window.task_list.jobs() != [], timeout=5000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=10000)
    assert job.state is JobState.FAILED
    voice = store.get(near_expiry)
    assert voice is not None and voice.expired  # recorded by the app's job listener


def test_a_refusal_marks_the_voice_expired_on_the_current_clock(
    window: MainWindow, qtbot, server: DemoServer, near_expiry: str
) -> None:
    """Our clock still says 2 h left; the server's refusal wins."""
    server.advance_clock(3 * HOUR)
    window.params.select_voice(near_expiry)
    window.editor.set_text("Anyone there?")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: window.task_list.jobs() != [], timeout=5000)
    job = window.task_list.jobs()[-1]
    qtbot.waitUntil(lambda: job.is_done, timeout=10000)
    assert job.state is JobState.FAILED and "expired" in (job.error or "")
    combo = window.params.voice_combo
    qtbot.waitUntil(
        lambda: combo.itemText(combo_row(window, near_expiry)) == "Narrator — expired",
        timeout=3000,
    )


def test_a_raw_voice_id_is_imported_into_the_library(window: MainWindow, qtbot) -> None:
    params = window.params
    params.voice_combo.setCurrentIndex(params.voice_combo.count() - 1)  # "Enter a voice ID…"
    assert params.voice_id_edit.isVisible()
    qtbot.keyClicks(params.voice_id_edit, "model_pasted_123")
    params.findChild(QToolButton, "voiceIdApply").click()
    assert params.values()["model_id"] == "model_pasted_123"
    voice = window.voice_store.get("model_pasted_123")
    assert voice is not None and voice.imported and voice.demo
    assert window.voice_store.status(voice) is VoiceStatus.UNKNOWN
    row = combo_row(window, "model_pasted_123")
    assert params.voice_combo.itemText(row) == "model_pasted_123 — status unknown"
    assert params.voice_combo.currentIndex() == row


# -- a real (non-demo) connection: the library's real voices and the last one ------------------


def test_on_a_real_server_the_last_voice_is_chosen_and_demo_voices_are_hidden(
    aloop, qtbot, server: DemoServer, data_dir: Path, isolated_dirs: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
    now = time.time()
    add_voices(
        data_dir,
        Voice("m_b", "Bravo", created_at=now - HOUR, activated_at=now),
        Voice("m_demo", "Demo clone", created_at=now - HOUR, demo=True),
        Voice("m_a", "Alpha", created_at=now - 2 * HOUR),
    )
    settings_store = SettingsStore(isolated_dirs / "config")
    settings = settings_store.load()
    settings.last_voice = "m_b"
    settings_store.save(settings)

    window, ctx = studio.open_studio(qtbot, server, ["--base-url", server.base_url])
    try:
        entries = combo_entries(window)
        ids = [model_id for _label, model_id in entries]
        assert ids[:2] == ["m_a", "m_b"]  # newest first; no demo narrator, no demo clone
        assert "m_demo" not in ids and "model_demo_narrator" not in ids
        assert window.params.values()["model_id"] == "m_b"  # remembered
        assert entries[1][0] == "Bravo — permanent"
        assert entries[0][0].startswith("Alpha — temporary, 2 d 2")

        window.params.voice_combo.setCurrentIndex(0)
        qtbot.waitUntil(lambda: ctx.settings.last_voice == "m_a", timeout=3000)
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_the_store_stops_listening_when_the_window_goes(aloop, qtbot, server: DemoServer) -> None:
    window, ctx = studio.open_studio(qtbot, server)
    library = ctx.voice_library
    assert library is not None and len(library._observers) == 1
    studio.close_studio(qtbot, window, ctx)
    qtbot.waitUntil(lambda: library._observers == [], timeout=3000)
    library.add(Voice("m_after", "After"))  # no announcement to a deleted store
