"""The status bar's permanent part: which server the app talks to, and the account balance."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.money import money_text

CTX = "StatusBar"


def host_of(base_url: str) -> str:
    """``https://www.jimmyai.cn/`` → ``www.jimmyai.cn`` (with the port when there is one)."""
    parts = urlsplit(base_url)
    return parts.netloc or base_url


class ConnectionStatus(QWidget):
    """Two labels: the connection (demo / real + host / reconnecting…) and the balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.balance_label = QLabel()
        self.balance_label.setObjectName("balanceLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(16)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.connection_label)
        self._demo = False
        self._host = ""
        self._connected = False
        self.set_not_configured()

    def set_not_configured(self) -> None:
        self._connected = False
        self.connection_label.setText(translate(CTX, "Not connected: no API key"))
        self.connection_label.setToolTip(
            translate(CTX, "Enter your API key in Settings, or try the demo.")
        )
        self.balance_label.clear()

    def set_server(self, base_url: str, *, demo: bool) -> None:
        """A new server is configured; the balance is unknown until it answers."""
        self._demo, self._host, self._connected = demo, host_of(base_url), True
        self.balance_label.clear()
        self._show_connection()

    def _show_connection(self) -> None:
        if self._demo:
            text = translate(CTX, "Demo server (on this computer)")
            tip = translate(
                CTX, "The built-in demo at {0}. Nothing is charged; results are synthetic."
            ).replace("{0}", self._host)
        else:
            text = translate(CTX, "Connected to {0}").replace("{0}", self._host)
            tip = translate(CTX, "Your JimmyAI account at {0}.").replace("{0}", self._host)
        self.connection_label.setText(text)
        self.connection_label.setToolTip(tip)

    def set_reconnecting(self, reconnecting: bool) -> None:
        if not self._connected:
            return
        if reconnecting:
            self.connection_label.setText(
                translate(CTX, "Reconnecting to {0}…").replace("{0}", self._host)
            )
        else:
            self._show_connection()

    def set_unreachable(self) -> None:
        if self._connected:
            self.connection_label.setText(
                translate(CTX, "Cannot reach {0}").replace("{0}", self._host)
            )

    def set_balance(self, available: Decimal | None, currency: str) -> None:
        if available is None:
            self.balance_label.clear()
            return
        self.balance_label.setText(
            translate(CTX, "Balance: {0}").replace("{0}", money_text(available, currency))
        )
