"""Settings › Prices: the unit prices from the user's bill, for the cost shown before submitting.

The API publishes no price list, so the estimate is only as good as these numbers. Empty
means "not known", and the window then says the cost is unknown rather than guessing.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from soundclone_desktop.core.pricing import DEFAULT_CURRENCY, PriceTable, Rounding, parse_price
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.settings import Prices
from soundclone_desktop.ui.common.money import currency_name, money_text

CTX = "SettingsDialog"

_NUMBER = QRegularExpression(r"^\s*\d{0,9}([.,]\d{0,6})?\s*$")


class PricesPage(QWidget):
    def __init__(
        self,
        prices: Prices,
        parent: QWidget | None = None,
        *,
        demo_prices: PriceTable | None = None,
    ) -> None:
        """``demo_prices``: the window is on the demo, whose own prices make its estimates."""
        super().__init__(parent)
        self.demo_note = QLabel(_demo_prices_text(demo_prices) if demo_prices else "")
        self.demo_note.setObjectName("demoPricesLabel")
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(demo_prices is not None)
        intro = QLabel(
            translate(
                CTX,
                "The service does not publish its prices. Copy them from your bill or your "
                "JimmyAI account so the app can show what each task will cost before you "
                "submit it. Leave a field empty if you do not know it.",
            )
        )
        intro.setWordWrap(True)
        self.preview_edit = self._price_edit("previewPriceEdit", prices.preview_per_10k)
        self.production_edit = self._price_edit("productionPriceEdit", prices.production_per_10k)
        self.voice_fee_edit = self._price_edit("voiceFeeEdit", prices.voice_fee)
        # The service's own coin in the interface's language (吉米币), stored as "JimiCoin".
        self.currency_edit = QLineEdit(currency_name(prices.currency))
        self.currency_edit.setObjectName("currencyEdit")
        self.currency_edit.setMaxLength(16)
        self.rounding_combo = QComboBox()
        self.rounding_combo.setObjectName("roundingCombo")
        self.rounding_combo.addItem(
            translate(CTX, "Exact (characters × price ÷ 10,000)"), Rounding.PRO_RATA.value
        )
        self.rounding_combo.addItem(
            translate(CTX, "Whole blocks of 10,000 characters"), Rounding.BLOCKS.value
        )
        self.rounding_combo.setCurrentIndex(
            max(0, self.rounding_combo.findData(prices.rounding.value))
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate(CTX, "Speech, per 10,000 characters:"), self.production_edit)
        form.addRow(translate(CTX, "Voice fee, per task:"), self.voice_fee_edit)
        form.addRow(translate(CTX, "Voice preview, per 10,000 characters:"), self.preview_edit)
        form.addRow(translate(CTX, "Currency:"), self.currency_edit)
        form.addRow(translate(CTX, "Charging:"), self.rounding_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_note)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def _price_edit(self, name: str, value: Decimal | None) -> QLineEdit:
        edit = QLineEdit("" if value is None else str(value))
        edit.setObjectName(name)
        edit.setPlaceholderText(translate(CTX, "unknown"))
        edit.setValidator(QRegularExpressionValidator(_NUMBER, edit))
        return edit

    def _edits(self) -> tuple[QLineEdit, ...]:
        return (self.production_edit, self.voice_fee_edit, self.preview_edit)

    def problem(self) -> str | None:
        for edit in self._edits():
            try:
                parse_price(edit.text().replace(",", "."))
            except ValueError:
                return translate(CTX, "Enter prices as plain numbers, such as 20 or 0.5.")
        return None

    def prices(self) -> Prices:
        def price(edit: QLineEdit) -> Decimal | None:
            return parse_price(edit.text().replace(",", "."))

        return Prices(
            preview_per_10k=price(self.preview_edit),
            production_per_10k=price(self.production_edit),
            voice_fee=price(self.voice_fee_edit),
            currency=self._currency(),
            rounding=Rounding(self.rounding_combo.currentData()),
        )

    def _currency(self) -> str:
        typed = self.currency_edit.text().strip()
        return DEFAULT_CURRENCY if typed in ("", currency_name(DEFAULT_CURRENCY)) else typed


def _demo_prices_text(prices: PriceTable) -> str:
    """The demo's own prices, which the window's estimates use while it is on the demo."""
    text = translate(
        CTX,
        "You are using the demo server, which charges its own pretend prices: {speech} per "
        "10,000 characters of speech, {fee} per task and {preview} per 10,000 characters of "
        "voice preview. The prices below are for your JimmyAI account.",
    )
    return text.format(
        speech=money_text(prices.production_per_10k, prices.currency),
        fee=money_text(prices.voice_fee, prices.currency),
        preview=money_text(prices.preview_per_10k, prices.currency),
    )
