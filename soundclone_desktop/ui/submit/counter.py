"""Character counter and cost estimate under the editor.

It never analyses text: it is fed the editor's ``ScriptReport`` and a ``PriceTable`` and
only formats numbers (``core.pricing`` computes, QLocale localises), so it is cheap enough to
update on every keystroke.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from soundclone_desktop.core.pricing import (
    DEFAULT_CURRENCY,
    Estimate,
    PriceTable,
    estimate_production,
    format_money,
)
from soundclone_desktop.core.script import MAX_REQUEST_CHARS, ScriptReport
from soundclone_desktop.ui.theme.tint import Tone, set_tone

_CTX = "Counter"


def _localized(text: str) -> str:
    """Swap core's ``1,234.50`` separators for the current QLocale's (one pass, no clash)."""
    locale = QLocale()
    return text.translate({ord(","): locale.groupSeparator(), ord("."): locale.decimalPoint()})


def _money(amount: Decimal | None) -> str:
    return _localized(format_money(amount, currency=""))


def _currency(name: str) -> str:
    if name == DEFAULT_CURRENCY:
        return QCoreApplication.translate(_CTX, "JimiCoin")
    return name


class CounterWidget(QWidget):
    """Shows billable/request characters and the estimated cost of one production task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterWidget")
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("counterLabel")
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("costLabel")
        self.cost_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.counter_label)
        layout.addWidget(self.cost_label)
        self._report: ScriptReport | None = None
        self._prices: PriceTable | None = None
        self._over = False
        self._refresh()

    def set_report(self, report: ScriptReport) -> None:
        """Show the counts of ``report`` (connect to ``ScriptEditorPanel.report_changed``)."""
        self._report = report
        self._refresh()

    def set_prices(self, prices: PriceTable | None) -> None:
        """Use these prices; ``None`` (or unknown prices) shows how to set them."""
        self._prices = prices
        self._refresh()

    def estimate(self) -> Estimate | None:
        """The estimate currently shown, or ``None`` without a report or prices."""
        if self._report is None or self._prices is None:
            return None
        return estimate_production(self._report.billable_chars, self._prices)

    def _refresh(self) -> None:
        report = self._report
        billable = report.billable_chars if report else 0
        request = report.request_chars if report else 0
        self.counter_label.setText(self._count_text(billable, request))
        self._set_over(request > MAX_REQUEST_CHARS)
        estimate = self.estimate()
        self.cost_label.setText(self._cost_text(estimate))
        ranged = estimate is not None and estimate.total != estimate.total_if_blocks
        self.cost_label.setToolTip(
            QCoreApplication.translate(
                _CTX,
                "Prices are per 10,000 characters. If the service charges every started block "
                "of 10,000 characters in full, the cost is the higher figure.",
            )
            if ranged
            else ""
        )

    def _count_text(self, billable: int, request: int) -> str:
        locale = QLocale()
        if billable == 1:
            first = QCoreApplication.translate(_CTX, "1 billable character")
        else:
            first = QCoreApplication.translate(_CTX, "{count} billable characters").format(
                count=locale.toString(billable)
            )
        second = QCoreApplication.translate(_CTX, "{count} / {limit} in request").format(
            count=locale.toString(request), limit=locale.toString(MAX_REQUEST_CHARS)
        )
        text = f"{first} · {second}"
        if request > MAX_REQUEST_CHARS:
            over = QCoreApplication.translate(_CTX, "{count} over the limit").format(
                count=locale.toString(request - MAX_REQUEST_CHARS)
            )
            text = f"{text} — {over}"
        return text

    def _cost_text(self, estimate: Estimate | None) -> str:
        if estimate is None or estimate.total is None:
            return QCoreApplication.translate(_CTX, "Set prices in Settings to see the cost")
        fee = estimate.voice_fee
        upper = estimate.total_if_blocks
        if upper is not None and upper != estimate.total:
            text = QCoreApplication.translate(
                _CTX,
                "Estimated cost: {total} {currency}, up to {upper} (incl. voice fee {fee})",
            )
        else:
            text = QCoreApplication.translate(
                _CTX, "Estimated cost: {total} {currency} (incl. voice fee {fee})"
            )
        return text.format(
            total=_money(estimate.total),
            currency=_currency(estimate.currency),
            upper=_money(upper),
            fee=_money(fee),
        )

    def _set_over(self, over: bool) -> None:
        if over == self._over:
            return
        self._over = over
        set_tone(self.counter_label, Tone.ERROR if over else None)
        self.counter_label.setToolTip(
            QCoreApplication.translate(
                _CTX,
                "The service accepts at most 9,999 characters per request, pause markers included.",
            )
            if over
            else ""
        )
