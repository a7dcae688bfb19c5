"""Money for display: core formats the number, the UI names the currency in its language."""

from __future__ import annotations

from decimal import Decimal

from soundclone_desktop.core.pricing import DEFAULT_CURRENCY, format_money
from soundclone_desktop.i18n import translate


def currency_name(currency: str) -> str:
    """The service's own coin gets its translated name; a user-typed currency is kept."""
    if currency == DEFAULT_CURRENCY:
        return translate("Counter", "JimiCoin")  # the counter's entry: one translation
    return currency


def money_text(amount: Decimal | None, currency: str = DEFAULT_CURRENCY) -> str:
    """``0.59 JimiCoin`` / ``0.59 吉米币``; ``—`` when unknown."""
    number = format_money(amount, "")
    return f"{number} {currency_name(currency)}" if amount is not None else number
