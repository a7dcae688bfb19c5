"""The Settings dialog: key in the keyring only, masked, tested against the real demo server."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QLineEdit

from soundclone_desktop.core.pricing import Rounding
from soundclone_desktop.demo.config import DEMO_TOKEN
from soundclone_desktop.store.secrets import SERVICE, USERNAME, TokenStore
from soundclone_desktop.store.settings import (
    BaseUrlPreset,
    Settings,
    SettingsStore,
    UiLanguage,
)
from soundclone_desktop.ui.settings.dialog import Page, SettingsDialog

pytestmark = pytest.mark.gui

SECRET = "sk-live-0123456789abcdef"


@pytest.fixture
def store(isolated_dirs: Path) -> SettingsStore:
    return SettingsStore(isolated_dirs / "config")


def make_dialog(qtbot, store: SettingsStore, settings: Settings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), store, TokenStore(), "/results/default")
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_key_is_stored_in_the_keyring_and_never_in_the_settings_file(
    aloop, qtbot, store, memory_keyring
) -> None:
    dialog = make_dialog(qtbot, store)
    dialog.account.api_key_edit.setText(SECRET)
    with qtbot.waitSignal(dialog.applied, timeout=5000) as applied:
        dialog.save_button.click()
    _settings, key_changed = applied.args
    assert key_changed is True
    assert memory_keyring.items[(SERVICE, USERNAME)] == SECRET
    text = store.path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "key" not in json.loads(text) and "token" not in text.lower()
    assert not dialog.isVisible()


def test_key_field_is_masked_with_a_show_toggle(aloop, qtbot, store) -> None:
    dialog = make_dialog(qtbot, store)
    edit = dialog.account.api_key_edit
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.account.show_key_button.click()
    assert edit.echoMode() is QLineEdit.EchoMode.Normal
    dialog.account.show_key_button.click()
    assert edit.echoMode() is QLineEdit.EchoMode.Password


def test_saved_values_round_trip(aloop, qtbot, store) -> None:
    dialog = make_dialog(qtbot, store)
    dialog.account.base_url_combo.setCurrentIndex(
        dialog.account.base_url_combo.findData(BaseUrlPreset.VIRALTOK.value)
    )
    dialog.prices.production_edit.setText("20")
    dialog.prices.voice_fee_edit.setText("0,5")  # a comma decimal, as many users type it
    dialog.prices.rounding_combo.setCurrentIndex(1)
    dialog.general.language_combo.setCurrentIndex(
        dialog.general.language_combo.findData(UiLanguage.CHINESE_SIMPLIFIED.value)
    )
    dialog.general.defaults_panel.set_values({"speed": 1.25, "emotion": "happy"})
    dialog.general.results_edit.setText("/tmp/my-results")
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.save_button.click()
    loaded = store.load()
    assert loaded.base_url == "https://api.viraltok.ai"
    assert loaded.prices.production_per_10k == Decimal("20")
    assert loaded.prices.voice_fee == Decimal("0.5")
    assert loaded.prices.rounding is Rounding.BLOCKS
    assert loaded.ui_language is UiLanguage.CHINESE_SIMPLIFIED
    assert loaded.defaults.speed == 1.25 and loaded.defaults.emotion == "happy"
    assert loaded.results_dir == "/tmp/my-results"


def test_invalid_custom_address_is_explained_and_not_saved(aloop, qtbot, store) -> None:
    dialog = make_dialog(qtbot, store)
    dialog.account.base_url_combo.setCurrentIndex(
        dialog.account.base_url_combo.findData(BaseUrlPreset.CUSTOM.value)
    )
    dialog.account.custom_url_edit.setText("www.example.com")
    dialog.tabs.setCurrentIndex(Page.GENERAL)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=2000)
    assert "https://" in dialog.error_label.text()
    assert dialog.tabs.currentIndex() == Page.ACCOUNT
    assert not store.path.exists()
    assert dialog.isVisible()


def test_language_change_says_it_applies_on_restart(aloop, qtbot, store) -> None:
    dialog = make_dialog(qtbot, store)
    dialog.tabs.setCurrentIndex(Page.GENERAL)
    note = dialog.findChild(type(dialog.error_label), "languageRestartNote")
    assert note is not None and "restart" in note.text()


def test_connection_test_shows_the_balance_from_the_demo_server(
    aloop, qtbot, store, demo_server
) -> None:
    dialog = make_dialog(qtbot, store)
    account = dialog.account
    account.base_url_combo.setCurrentIndex(
        account.base_url_combo.findData(BaseUrlPreset.CUSTOM.value)
    )
    account.custom_url_edit.setText(demo_server.base_url)
    account.api_key_edit.setText(DEMO_TOKEN)
    account.test_button.click()
    qtbot.waitUntil(lambda: account.test_result.text().startswith("Connected"), timeout=10000)
    assert "100.00" in account.test_result.text()
    assert any("user/balance" in str(r.get("path")) for r in demo_server.requests_log())


def test_connection_test_explains_a_rejected_key(aloop, qtbot, store, demo_server) -> None:
    dialog = make_dialog(qtbot, store)
    account = dialog.account
    account.base_url_combo.setCurrentIndex(
        account.base_url_combo.findData(BaseUrlPreset.CUSTOM.value)
    )
    account.custom_url_edit.setText(demo_server.base_url)
    account.api_key_edit.setText("wrong-key-123456")
    account.test_button.click()
    qtbot.waitUntil(lambda: "rejected" in account.test_result.text(), timeout=10000)
    assert "Settings" in account.test_result.text()
    assert "wrong-key-123456" not in account.test_result.text()
    assert "Traceback" not in account.test_result.text()


def test_without_a_credential_store_the_dialog_says_so(aloop, qtbot, store) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog = SettingsDialog(Settings(), store, TokenStore(), "/results")
        qtbot.addWidget(dialog)
        dialog.open()
        note = dialog.account.key_note
        assert note.isVisible()
        assert "session only" in note.text()
        dialog.account.api_key_edit.setText(SECRET)
        with qtbot.waitSignal(dialog.applied, timeout=5000):
            dialog.save_button.click()
        assert SECRET not in store.path.read_text(encoding="utf-8")
    finally:
        keyring.set_keyring(previous)
