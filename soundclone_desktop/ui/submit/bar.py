"""The row under the counter: what the task will charge, why it cannot go yet, and the button.

The charge is always visible before pressing (no confirmation box): the user sees the
price, then presses "Generate speech". The window decides when the button is enabled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from soundclone_desktop.core.pricing import Estimate
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.theme.tint import Tone, set_tone

CTX = "MainWindow"

SHORTCUT = QKeySequence("Ctrl+Return")


def charge_text(estimate: Estimate | None, *, demo: bool) -> str:
    """The line beside the button: what pressing it will cost."""
    if estimate is not None and estimate.chars == 0:
        return ""  # nothing to send yet: a charge (the voice fee alone) would mislead
    if estimate is None or estimate.total is None:
        return translate(CTX, "Cost unknown: enter your prices in Settings.")
    total = money_text(estimate.total, estimate.currency)
    if demo:
        # The demo bills pro rata by definition, and nothing it bills is real money.
        return translate(CTX, "This task will charge {0}. Demo: no real money.").replace(
            "{0}", total
        )
    # For a real account the rounding is unknown: show the block-rounded upper bound too.
    upper = estimate.total_if_blocks
    if upper is not None and upper != estimate.total:
        return (
            translate(CTX, "This task will charge {0} (at most {1}).")
            .replace("{0}", total)
            .replace("{1}", money_text(upper, estimate.currency))
        )
    return translate(CTX, "This task will charge {0}.").replace("{0}", total)


class SubmitBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submitBar")
        self.charge_label = QLabel()
        self.charge_label.setObjectName("chargeLabel")
        self.charge_label.setWordWrap(True)
        font = self.charge_label.font()
        font.setBold(True)
        self.charge_label.setFont(font)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("submitReasonLabel")
        self.reason_label.setWordWrap(True)
        set_tone(self.reason_label, Tone.WARNING)
        self.button = QPushButton(translate(CTX, "Generate speech"))
        self.button.setObjectName("submitButton")
        self.button.setMinimumHeight(34)
        self.button.setDefault(True)
        font = self.button.font()
        font.setBold(True)
        self.button.setFont(font)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.charge_label)
        texts.addWidget(self.reason_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_charge(self, estimate: Estimate | None, *, demo: bool, detail: str = "") -> None:
        """The charge line; ``detail`` (the counter's breakdown) goes in its tooltip."""
        self.charge_label.setText(charge_text(estimate, demo=demo))
        self.charge_label.setToolTip(detail)

    def set_charge_text(self, text: str) -> None:
        """A charge line that is not one task's estimate (a book's chapter)."""
        self.charge_label.setText(text)
        self.charge_label.setToolTip("")

    def set_blocked(self, reasons: Sequence[str]) -> None:
        """Disable with the reasons (first one shown, all in the tooltip); [] enables."""
        self.button.setEnabled(not reasons)
        shortcut = SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        if reasons:
            self.reason_label.setText(reasons[0])
            self.reason_label.show()
            self.button.setToolTip("\n".join(reasons))
        else:
            self.reason_label.clear()
            self.reason_label.hide()
            self.button.setToolTip(
                translate(CTX, "Send the script to the server ({0})").replace("{0}", shortcut)
            )

    def set_sending(self, sending: bool) -> None:
        self.button.setText(
            translate(CTX, "Sending…") if sending else translate(CTX, "Generate speech")
        )
