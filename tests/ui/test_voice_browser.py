"""The voice browser on the real window: cards you can hear (▶) and use, search, filter,
empty states, and "Clone a voice" as the first card."""

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
from PySide6.QtTest import QTest

from soundclone_desktop.core.voices import VALIDITY_SECONDS
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.voices import Voice, VoiceLibrary
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.voices.browser import VoiceBrowser
from soundclone_desktop.ui.voices.browser_entries import DEMO_PREVIEW
from soundclone_desktop.ui.voices.clone_wizard import CloneWizard


def _load_helpers() -> ModuleType:
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
def voices(isolated_dirs: Path, tmp_path: Path) -> None:
    now = time.time()
    data = isolated_dirs / "data"
    with VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as library:
        library.add(Voice("m_alpha", "Alpha", created_at=now - HOUR, language="en",
                          tags=("calm", "audiobook"), demo=True))  # fmt: skip
        library.store_preview("m_alpha", write_wav(tmp_path / "alpha-preview.wav"))
        library.add(Voice("m_bravo", "Bravo", created_at=now - 5 * 86400,
                          activated_at=now - 4 * 86400, tags=("news",), demo=True))  # fmt: skip
        library.add(Voice("m_charlie", "Charlie", created_at=now - VALIDITY_SECONDS - HOUR,
                          demo=True))  # fmt: skip
        library.add(Voice("m_real", "Real account voice", created_at=now, demo=False))


def open_browser(window: MainWindow, qtbot) -> VoiceBrowser:  # type: ignore[no-untyped-def]
    action = window.voices.browse_action
    assert action in window.voices_menu.actions()
    action.trigger()
    browser = window.findChild(VoiceBrowser, "voiceBrowser")
    assert browser is not None
    qtbot.waitExposed(browser)
    return browser


@pytest.fixture
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer], voices) -> Iterator:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.3))
    yield win
    studio.close_studio(qtbot, win, ctx)


def names(browser: VoiceBrowser) -> list[str]:
    return [card.entry.name for card in browser.cards]


def test_cards_listen_and_use_with_real_clicks(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    browser = open_browser(window, qtbot)
    # The demo's own voice first; this server's library voices, usable by name, expired last;
    # the real account's voice is not offered to the demo server.
    assert names(browser) == ["Demo narrator", "Alpha", "Bravo", "Charlie"]
    assert browser.empty_label.isHidden()

    demo = browser.cards[0]
    assert demo.use_button.text() == "In use"  # the demo voice is chosen at start
    QTest.mouseClick(demo.play_button, Qt.MouseButton.LeftButton)
    assert window.player.path() == DEMO_PREVIEW and DEMO_PREVIEW.exists()
    window.player.stop()

    alpha = browser.card_for("m_alpha")
    assert alpha is not None and alpha.play_button.isEnabled()
    assert "en" in alpha.status_label.text() and "temporary" in alpha.status_label.text()
    QTest.mouseClick(alpha.play_button, Qt.MouseButton.LeftButton)
    assert "Alpha" in window.player.title()
    window.player.stop()
    QTest.mouseClick(alpha.use_button, Qt.MouseButton.LeftButton)
    assert window.params.values()["model_id"] == "m_alpha"
    alpha = browser.card_for("m_alpha")
    assert alpha is not None and alpha.use_button.text() == "In use"
    assert not alpha.use_button.isEnabled()

    charlie = browser.card_for("m_charlie")
    assert charlie is not None
    assert not charlie.use_button.isEnabled() and "expired" in charlie.status_label.text()
    assert not charlie.play_button.isEnabled() and charlie.play_button.toolTip()


def test_search_and_filter_say_when_nothing_matches(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    browser = open_browser(window, qtbot)
    QTest.keyClicks(browser.search, "audiobook")
    assert names(browser) == ["Alpha"]
    browser.search.clear()
    QTest.keyClicks(browser.search, "zebra")
    assert names(browser) == []
    assert browser.empty_label.text() == "No voice matches “zebra”."
    browser.search.clear()
    browser.filter.setCurrentIndex(browser.filter.findData("permanent"))
    assert names(browser) == ["Demo narrator", "Bravo"]
    browser.filter.setCurrentIndex(browser.filter.findData("expired"))
    assert names(browser) == ["Charlie"]


def test_clone_a_voice_is_the_first_card(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    browser = open_browser(window, qtbot)
    flow_first = browser._flow.itemAt(0)
    assert flow_first is not None and flow_first.widget() is browser.clone_card
    QTest.mouseClick(browser.clone_card.clone_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(CloneWizard) is not None, timeout=3000)
    wizard = window.findChild(CloneWizard)
    assert wizard is not None
    wizard.close()


def test_without_voices_of_ones_own_the_browser_says_what_to_do(qtbot) -> None:  # type: ignore[no-untyped-def]
    from soundclone_desktop.ui.voices.browser_entries import server_entries

    browser = VoiceBrowser(lambda: server_entries(["demo-1"]), lambda: "demo-1")
    qtbot.addWidget(browser)
    browser.show()
    assert names(browser) == ["Demo narrator"]
    assert browser.empty_label.isVisible()
    assert "Clone one" in browser.empty_label.text()
