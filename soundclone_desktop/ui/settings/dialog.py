"""The Settings dialog: account, prices, general. Opened with ``open()`` (no nested loop).

Saving writes the key to the OS keyring (through ``TokenStore``; session-only when there is
no credential store, and the Account page says so) and everything else to the JSON
settings file. Both writes run in a worker thread: a keychain can take a while to answer.
``applied(settings, key_changed)`` tells the window to reconnect and refresh.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.secrets import TokenStore
from soundclone_desktop.store.settings import Settings, SettingsStore
from soundclone_desktop.ui.common import errors
from soundclone_desktop.ui.common.async_utils import async_slot
from soundclone_desktop.ui.settings.account import AccountPage
from soundclone_desktop.ui.settings.general import GeneralPage
from soundclone_desktop.ui.settings.prices import PricesPage
from soundclone_desktop.ui.theme.tint import Tone, set_tone

log = logging.getLogger(__name__)

CTX = "SettingsDialog"


class Page(IntEnum):
    ACCOUNT = 0
    PRICES = 1
    GENERAL = 2


class SettingsDialog(QDialog):
    applied = Signal(object, bool)  # Settings, key_changed

    def __init__(
        self,
        settings: Settings,
        store: SettingsStore,
        tokens: TokenStore,
        default_results: str,
        parent: QWidget | None = None,
        *,
        demo_prices: PriceTable | None = None,
    ) -> None:
        """``demo_prices``: the window is on the demo server, which has these prices."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate(CTX, "Settings"))
        self._settings = settings
        self._store = store
        self._tokens = tokens

        self.account = AccountPage(settings, tokens, demo=demo_prices is not None)
        self.prices = PricesPage(settings.prices, demo_prices=demo_prices)
        self.general = GeneralPage(settings, default_results)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self.account, translate(CTX, "Account"))
        self.tabs.addTab(self.prices, translate(CTX, "Prices"))
        self.tabs.addTab(self.general, translate(CTX, "General"))

        self.error_label = QLabel()
        self.error_label.setObjectName("settingsErrorLabel")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("settingsButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settingsSaveButton")
        self.save_button.setText(translate(CTX, "Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate(CTX, "Cancel"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def show_page(self, page: Page) -> None:
        self.tabs.setCurrentIndex(int(page))
        if page is Page.ACCOUNT:
            self.account.focus_key()

    def collected(self) -> Settings:
        """A copy of the settings with the form's values."""
        settings = copy.deepcopy(self._settings)
        self.account.apply_to(settings)
        settings.prices = self.prices.prices()
        self.general.apply_to(settings)
        return settings

    def problem(self) -> tuple[Page, str] | None:
        for page, widget in ((Page.ACCOUNT, self.account), (Page.PRICES, self.prices)):
            text = widget.problem()
            if text:
                return page, text
        return None

    @async_slot(exclusive=True)
    async def save(self) -> None:
        found = self.problem()
        if found is not None:
            page, text = found
            self.tabs.setCurrentIndex(int(page))
            self._show_error(text)
            return
        settings = self.collected()
        key = self.account.key()
        key_changed = self.account.key_changed()
        self.save_button.setEnabled(False)
        try:
            if key_changed:
                if key:
                    await asyncio.to_thread(self._tokens.set, key)
                else:
                    await asyncio.to_thread(self._tokens.clear)
                self.account.key_saved(key)
            await asyncio.to_thread(self._store.save, settings)
        except (OSError, ValueError) as exc:
            self._show_error(errors.log_and_describe(exc, "Saving settings failed").text)
            return
        finally:
            self.save_button.setEnabled(True)
        self._settings = settings
        self.error_label.hide()
        self.applied.emit(settings, key_changed)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
