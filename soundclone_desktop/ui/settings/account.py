"""Settings › Account: server address, API key (masked, keyring only) and a connection test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.api import NO_RETRIES
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.api.errors import SoundCloneError
from soundclone_desktop.api.redact import scrub
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.secrets import NO_STORE_REASON, TokenStore
from soundclone_desktop.store.settings import BASE_URLS, BaseUrlPreset, Settings
from soundclone_desktop.ui.common import errors
from soundclone_desktop.ui.common.async_utils import async_slot
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.theme.tint import Tone, set_tone

CTX = "SettingsDialog"

# A connection test should answer quickly, and never hammer a wrong address with retries.
TEST_TIMEOUT = 15.0


def valid_base_url(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) > len("https://")


class AccountPage(QWidget):
    def __init__(
        self,
        settings: Settings,
        tokens: TokenStore,
        parent: QWidget | None = None,
        *,
        demo: bool = False,
    ):
        """``demo``: the window is on the demo server now, not on the server shown here."""
        super().__init__(parent)
        self._tokens = tokens

        # On the demo, the form below still shows the real server: say which one is in use.
        self.demo_note = QLabel(
            translate(
                CTX,
                "You are using the demo server on this computer, which needs no key. The "
                "server and API key below are for your JimmyAI account.",
            )
        )
        self.demo_note.setObjectName("demoNoteLabel")
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(demo)

        self.base_url_combo = QComboBox()
        self.base_url_combo.setObjectName("baseUrlCombo")
        self.base_url_combo.addItem(
            translate(CTX, "JimmyAI ({0})").replace(
                "{0}", BASE_URLS[BaseUrlPreset.JIMMYAI].removeprefix("https://")
            ),
            BaseUrlPreset.JIMMYAI.value,
        )
        self.base_url_combo.addItem(
            translate(CTX, "ViralTok ({0})").replace(
                "{0}", BASE_URLS[BaseUrlPreset.VIRALTOK].removeprefix("https://")
            ),
            BaseUrlPreset.VIRALTOK.value,
        )
        self.base_url_combo.addItem(translate(CTX, "Custom address"), BaseUrlPreset.CUSTOM.value)
        self.custom_url_edit = QLineEdit(settings.custom_base_url)
        self.custom_url_edit.setObjectName("customUrlEdit")
        self.custom_url_edit.setPlaceholderText("https://")
        self.base_url_combo.setCurrentIndex(
            max(0, self.base_url_combo.findData(settings.base_url_preset.value))
        )

        self.api_key_edit = QLineEdit()
        self.api_key_edit.setObjectName("apiKeyEdit")
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key_edit.setPlaceholderText(translate(CTX, "Paste your API key here"))
        self.api_key_edit.setClearButtonEnabled(True)
        self._stored_key = tokens.get() or ""
        self.api_key_edit.setText(self._stored_key)
        self.show_key_button = QToolButton()
        self.show_key_button.setObjectName("showKeyButton")
        self.show_key_button.setCheckable(True)
        self.show_key_button.setText(translate(CTX, "Show"))
        self.show_key_button.setToolTip(translate(CTX, "Show or hide the API key"))
        key_row = QHBoxLayout()
        key_row.setContentsMargins(0, 0, 0, 0)
        key_row.addWidget(self.api_key_edit, 1)
        key_row.addWidget(self.show_key_button)

        self.key_note = QLabel()
        self.key_note.setObjectName("keyringNoteLabel")
        self.key_note.setWordWrap(True)
        self._show_key_note()

        self.test_button = QPushButton(translate(CTX, "Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_result = QLabel()
        self.test_result.setObjectName("connectionResultLabel")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.setContentsMargins(0, 0, 0, 0)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        help_label = QLabel(
            translate(
                CTX,
                "You find your API key on the API Keys page of your JimmyAI account.",
            )
        )
        help_label.setWordWrap(True)
        help_label.setObjectName("apiKeyHelpLabel")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate(CTX, "Server:"), self.base_url_combo)
        form.addRow(translate(CTX, "Custom address:"), self.custom_url_edit)
        form.addRow(translate(CTX, "API key:"), key_row)
        form.addRow("", self.key_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_note)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addLayout(test_row)
        layout.addStretch(1)

        self.base_url_combo.currentIndexChanged.connect(self._update_custom)
        self.show_key_button.toggled.connect(self._toggle_key)
        self.test_button.clicked.connect(self.test_connection)
        self._update_custom()

    # -- values ---------------------------------------------------------------------------

    def preset(self) -> BaseUrlPreset:
        return BaseUrlPreset(self.base_url_combo.currentData())

    def base_url(self) -> str:
        if self.preset() is BaseUrlPreset.CUSTOM:
            return self.custom_url_edit.text().strip().rstrip("/")
        return BASE_URLS[self.preset()]

    def key(self) -> str:
        return self.api_key_edit.text().strip()

    def key_changed(self) -> bool:
        return self.key() != self._stored_key

    def problem(self) -> str | None:
        """Why the page cannot be saved, or None."""
        if self.preset() is BaseUrlPreset.CUSTOM and not valid_base_url(self.base_url()):
            return translate(
                CTX, "Enter the custom server address, starting with https:// or http://."
            )
        return None

    def apply_to(self, settings: Settings) -> None:
        settings.base_url_preset = self.preset()
        settings.custom_base_url = self.custom_url_edit.text().strip()

    def focus_key(self) -> None:
        self.api_key_edit.setFocus()
        self.api_key_edit.selectAll()

    def key_saved(self, key: str) -> None:
        """The window stored ``key``: it is the new baseline, and the note may change."""
        self._stored_key = key
        self._show_key_note()

    # -- behaviour ------------------------------------------------------------------------

    def _show_key_note(self) -> None:
        if self._tokens.from_environment:
            text = translate(
                CTX,
                "The key in the SOUNDCLONE_API_KEY environment variable is in use; it takes "
                "precedence over the key saved here.",
            )
        elif not self._tokens.persistent:
            reason = self._tokens.reason
            text = (
                translate(
                    CTX,
                    "This computer has no credential store, so the API key is kept for this "
                    "session only; you will need to enter it again next time.",
                )
                if reason in (None, NO_STORE_REASON)
                else translate(
                    CTX,
                    "The system credential store could not be used, so the API key is kept "
                    "for this session only.",
                )
            )
        else:
            # Said only here, where it is true: without a store the key is session-only.
            text = translate(
                CTX,
                "The API key is stored in your system's credential store, never in a "
                "settings file.",
            )
        self.key_note.setText(text)
        self.key_note.setVisible(bool(text))

    def _update_custom(self) -> None:
        self.custom_url_edit.setEnabled(self.preset() is BaseUrlPreset.CUSTOM)

    def _toggle_key(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.api_key_edit.setEchoMode(mode)
        self.show_key_button.setText(translate(CTX, "Hide") if shown else translate(CTX, "Show"))

    @async_slot(exclusive=True)
    async def test_connection(self) -> None:
        """Ask the server in the form (not the saved one) for the balance, with the typed key."""
        problem = self.problem()
        key = self.key()
        if problem or not key:
            self._show_result(problem or translate(CTX, "Enter an API key first."), ok=False)
            return
        self.test_button.setEnabled(False)
        self._show_result(translate(CTX, "Testing…"), ok=True)
        try:
            async with SoundCloneClient(
                self.base_url(), key, timeout=TEST_TIMEOUT, retry=NO_RETRIES
            ) as client:
                balance = await client.get_balance()
        except SoundCloneError as exc:
            text = errors.log_and_describe(exc, "Connection test failed").text
            self._show_result(scrub(text, [key]), ok=False)
        else:
            if balance.available is not None:
                text = translate(CTX, "Connected. Available balance: {0}.").replace(
                    "{0}", money_text(balance.available)
                )
            else:
                text = translate(CTX, "Connected. The key works.")
            self._show_result(text, ok=True)
        finally:
            self.test_button.setEnabled(True)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        set_tone(self.test_result, None if ok else Tone.ERROR)
