"""Settings says one true thing about where the key is, which server and which prices are in
use, and names the service's coin in the interface's language (issue 11, items 12 and 13)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QApplication, QLabel

from soundclone_desktop import i18n
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.secrets import TokenStore
from soundclone_desktop.store.settings import Prices, Settings, SettingsStore
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.settings.dialog import SettingsDialog
from soundclone_desktop.ui.settings.prices import PricesPage

pytestmark = pytest.mark.gui

STORED = "credential store, never in a"


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()


def _visible_texts(dialog: SettingsDialog) -> list[str]:
    page = dialog.account
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]


@pytest.fixture
def store(isolated_dirs: Path) -> SettingsStore:
    return SettingsStore(isolated_dirs / "config")


def test_without_a_credential_store_nothing_claims_the_key_is_stored_there(
    aloop, qtbot, store
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog = SettingsDialog(Settings(), store, TokenStore(), "/results")
        qtbot.addWidget(dialog)
        dialog.open()
        texts = _visible_texts(dialog)
        assert any("session only" in text for text in texts)
        assert not any(STORED in text for text in texts), texts
    finally:
        keyring.set_keyring(previous)


def test_with_a_credential_store_it_is_said_once(aloop, qtbot, store, memory_keyring) -> None:
    dialog = SettingsDialog(Settings(), store, TokenStore(), "/results")
    qtbot.addWidget(dialog)
    dialog.open()
    texts = _visible_texts(dialog)
    assert sum(STORED in text for text in texts) == 1, texts
    assert not any("session only" in text for text in texts)


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


def test_on_the_demo_settings_names_the_demo_and_its_prices(
    aloop, qtbot, server: DemoServer
) -> None:
    window, ctx = studio.open_studio(qtbot, server)
    try:
        dialog = window.open_settings()
        account = dialog.account
        notes = [
            label.text() for label in account.findChildren(QLabel) if label.isVisibleTo(account)
        ]
        assert any("demo server" in text for text in notes), notes
        prices = ctx.prices()  # what the window's estimates use on the demo
        assert prices.production_per_10k is not None
        page = dialog.prices
        shown = " ".join(
            label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)
        )
        assert money_text(prices.production_per_10k, prices.currency) in shown, shown
        assert money_text(prices.voice_fee, prices.currency) in shown, shown
        dialog.reject()
    finally:
        studio.close_studio(qtbot, window, ctx)


@pytest.fixture
def chinese(qapp) -> Iterator[str]:
    language = i18n.install(i18n.CHINESE)
    yield language
    i18n.uninstall()


def test_the_prices_page_names_the_coin_in_chinese_and_stores_its_code(qtbot, chinese: str) -> None:
    page = PricesPage(Prices())
    qtbot.addWidget(page)
    assert page.currency_edit.text() == "吉米币"
    assert page.prices().currency == "JimiCoin"
    page.currency_edit.setText("EUR")
    assert page.prices().currency == "EUR"


def test_the_chinese_window_title_does_not_repeat_the_app_name(qapp) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("SoundClone Desktop")  # as app.create_application does
    try:
        i18n.install(i18n.CHINESE)
        name = i18n.translate("MainWindow", "SoundClone Desktop")
        assert name != "SoundClone Desktop"  # the catalogue is loaded
        title = f"未命名[*] — {name}"  # what the projects controller sets
        # Qt appends " — <display name>" to a title that does not end with it.
        assert title.endswith(app.applicationDisplayName())
    finally:
        i18n.uninstall()
    assert app.applicationDisplayName() == "SoundClone Desktop"


def test_chinese_sentences_are_joined_without_a_stray_space(qtbot, chinese: str) -> None:
    from decimal import Decimal

    from soundclone_desktop.core.pricing import PriceTable, estimate_preview
    from soundclone_desktop.ui.voices.clone_preview_page import cost_amount

    prices = PriceTable(preview_per_10k=Decimal("10"))
    text = cost_amount(estimate_preview(44, prices), demo=True)
    assert "。演示" in text and "。 " not in text, text
    assert i18n.join_sentences("One.", "Two.") == "One. Two."
