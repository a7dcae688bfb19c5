"""The row under the counter: what the task will charge, why it cannot go yet, and the button.

The charge is always visible before pressing (no confirmation box): the user sees the
price, then presses "Generate speech". The window decides when the button is enabled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from soundclone_desktop.core.pricing import Estimate
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.submit.generate_button import GenerateButton
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


def button_text(estimate: Estimate | None) -> str:
    """ "Generate · 2.50 JimiCoin", or plain "Generate speech" while the price is unknown."""
    if estimate is None or estimate.total is None or estimate.chars == 0:
        return translate(CTX, "Generate speech")
    return translate(CTX, "Generate · {0}").replace(
        "{0}", money_text(estimate.total, estimate.currency)
    )


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
        self.button = GenerateButton(translate(CTX, "Generate speech"))
        self.button.setObjectName("submitButton")
        self.button.setDefault(True)
        self._label = translate(CTX, "Generate speech")  # with the price once known
        self._sending = False
        self._activity = ""  # "1 task generating, about 12 s left"
        self._reasons: list[str] = []  # why it cannot be pressed now

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.charge_label)
        texts.addWidget(self.reason_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_charge(self, estimate: Estimate | None, *, demo: bool, detail: str = "") -> None:
        """The charge line; ``detail`` (the counter's breakdown) goes in its tooltip. The
        price goes on the button too: what a press costs is where the press happens."""
        self.charge_label.setText(charge_text(estimate, demo=demo))
        self.charge_label.setToolTip(detail)
        self._label = button_text(estimate)
        self._show_label()

    def set_charge_text(self, text: str) -> None:
        """A charge line that is not one task's estimate (a book's chapter)."""
        self.charge_label.setText(text)
        self.charge_label.setToolTip("")
        self._label = translate(CTX, "Generate speech")
        self._show_label()

    def set_progress(self, fraction: float | None, activity: str = "") -> None:
        """Running work on the button: ``fraction`` of the newest task, ``activity`` in words
        (for the tooltip and screen readers); ``None`` when nothing runs."""
        self.button.set_progress(fraction)
        self._activity = activity if fraction is not None else ""
        self.button.setAccessibleDescription(self._activity)
        self._update_tooltip()

    def set_blocked(self, reasons: Sequence[str]) -> None:
        """Disable with the reasons (first one shown, all in the tooltip); [] enables."""
        self.button.setEnabled(not reasons)
        self._reasons = list(reasons)
        if reasons:
            self.reason_label.setText(reasons[0])
            self.reason_label.show()
        else:
            self.reason_label.clear()
            self.reason_label.hide()
        self._update_tooltip()

    def set_sending(self, sending: bool) -> None:
        self._sending = sending
        self._show_label()

    def _show_label(self) -> None:
        self.button.setText(translate(CTX, "Sending…") if self._sending else self._label)

    def _update_tooltip(self) -> None:
        if self._reasons:
            lines = list(self._reasons)
        else:
            shortcut = SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
            lines = [translate(CTX, "Send the script to the server ({0})").replace("{0}", shortcut)]
        if self._activity:
            lines.append(self._activity)
        self.button.setToolTip("\n".join(lines))
