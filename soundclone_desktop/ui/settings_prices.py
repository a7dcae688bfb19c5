"""Settings › Prices: the unit prices from the user's bill, for the cost shown before submitting.

The API publishes no price list, so the estimate is only as good as these numbers. Empty
means "not known", and the window then says the cost is unknown rather than guessing.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from soundclone_desktop.core.pricing import Rounding, parse_price
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.settings import Prices

CTX = "SettingsDialog"

_NUMBER = QRegularExpression(r"^\s*\d{0,9}([.,]\d{0,6})?\s*$")


class PricesPage(QWidget):
    def __init__(self, prices: Prices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            translate(
                CTX,
                "The service does not publish its prices. Copy them from your bill or the "
                "JimmyAI console so the app can show what each task will cost before you "
                "submit it. Leave a field empty if you do not know it.",
            )
        )
        intro.setWordWrap(True)
        self.preview_edit = self._price_edit("previewPriceEdit", prices.preview_per_10k)
        self.production_edit = self._price_edit("productionPriceEdit", prices.production_per_10k)
        self.voice_fee_edit = self._price_edit("voiceFeeEdit", prices.voice_fee)
        self.currency_edit = QLineEdit(prices.currency)
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
            currency=self.currency_edit.text().strip() or "JimiCoin",
            rounding=Rounding(self.rounding_combo.currentData()),
        )
