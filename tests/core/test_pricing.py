"""core.pricing: Decimal estimates, unknown prices, block rounding and display."""

from __future__ import annotations

from decimal import Decimal

import pytest

from soundclone_desktop.core.pricing import (
    Estimate,
    PriceTable,
    Rounding,
    billed_blocks,
    estimate_preview,
    estimate_production,
    format_money,
    parse_price,
)

D = Decimal
PRICES = PriceTable(preview_per_10k=D("2"), production_per_10k=D("3"), voice_fee=D("0.5"))


def test_production_pro_rata() -> None:
    assert estimate_production(1234, PRICES) == Estimate(
        chars=1234,
        tasks=1,
        text_cost=D("0.3702"),  # 1234 × 3 / 10000, exactly
        voice_fee=D("0.5"),
        total=D("0.8702"),
        total_if_blocks=D("3.5"),  # one whole block + the voice fee
        currency="JimiCoin",
    )


def test_production_several_tasks() -> None:
    estimate = estimate_production(100_000, PRICES, tasks=11)
    assert estimate.text_cost == D("30")
    assert estimate.voice_fee == D("5.5")  # once per task
    assert estimate.total == D("35.5")
    assert estimate.total_if_blocks == D("33") + D("5.5")  # 11 tasks, one block each


def test_production_block_rounding_table() -> None:
    prices = PriceTable(None, D("3"), D("0.5"), rounding=Rounding.BLOCKS)
    estimate = estimate_production(1234, prices)
    assert estimate.text_cost == D("3")
    assert estimate.total == estimate.total_if_blocks == D("3.5")


def test_zero_chars() -> None:
    estimate = estimate_production(0, PRICES)
    assert estimate.text_cost == 0
    assert estimate.total == D("0.5")
    assert estimate.total_if_blocks == D("0.5")


@pytest.mark.parametrize(
    ("chars", "tasks", "blocks"),
    [
        (0, 1, 0),
        (1, 1, 1),
        (9_999, 1, 1),
        (10_000, 1, 1),
        (10_001, 1, 2),
        (25_000, 1, 3),
        (19_998, 2, 2),
        (100_000, 11, 11),
        (100_000, 10, 10),
        (3, 5, 3),  # fewer characters than tasks: at most `chars` tasks are non-empty
    ],
)
def test_billed_blocks(chars: int, tasks: int, blocks: int) -> None:
    assert billed_blocks(chars, tasks) == blocks


def test_unknown_prices_keep_chars() -> None:
    estimate = estimate_production(500, PriceTable())
    assert estimate == Estimate(500, 1, None, None, None, None, "JimiCoin")


def test_unknown_voice_fee_only() -> None:
    estimate = estimate_production(10_000, PriceTable(None, D("3"), None))
    assert estimate.text_cost == D("3")
    assert estimate.voice_fee is None
    assert estimate.total is None
    assert estimate.total_if_blocks is None


def test_unknown_text_price_only() -> None:
    estimate = estimate_production(10_000, PriceTable(None, None, D("1")), tasks=2)
    assert estimate.text_cost is None
    assert estimate.voice_fee == D("2")
    assert estimate.total is None


def test_preview() -> None:
    estimate = estimate_preview(100, PRICES)
    assert estimate == Estimate(100, 1, D("0.02"), D("0"), D("0.02"), D("2"), "JimiCoin")


def test_preview_without_text_bills_the_default_line() -> None:
    estimate = estimate_preview(0, PRICES)
    assert estimate.chars == 44
    assert estimate.text_cost == D("0.0088")


def test_preview_unknown_price() -> None:
    estimate = estimate_preview(0, PriceTable(production_per_10k=D("1")))
    assert estimate.chars == 44
    assert estimate.text_cost is None
    assert estimate.total is None


def test_currency_passes_through() -> None:
    assert estimate_preview(1, PriceTable(D("1"), currency="USD")).currency == "USD"


@pytest.mark.parametrize(("chars", "tasks"), [(-1, 1), (1, 0), (1, -3)])
def test_bad_counts(chars: int, tasks: int) -> None:
    with pytest.raises(ValueError):
        estimate_production(chars, PRICES, tasks=tasks)


def test_estimates_are_decimal_exact() -> None:
    prices = PriceTable(None, D("0.1"), D("0.2"))
    assert estimate_production(10_000, prices).total == D("0.3")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        ("1.50", D("1.50")),
        (" 2 ", D("2")),
        (3, D("3")),
        (0.1, D("0.1")),
        (D("0"), D("0")),
    ],
)
def test_parse_price(value: object, expected: Decimal | None) -> None:
    assert parse_price(value) == expected


@pytest.mark.parametrize("value", ["abc", "-1", -0.5, "NaN", "Infinity", float("nan"), True, [1]])
def test_parse_price_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_price(value)


def test_price_table_normalises_and_checks() -> None:
    table = PriceTable("1.5", 2, None, rounding="blocks")  # type: ignore[arg-type]
    assert table.preview_per_10k == D("1.5")
    assert table.production_per_10k == D("2")
    assert table.rounding is Rounding.BLOCKS
    with pytest.raises(ValueError):
        PriceTable(D("-1"), None, None)
    with pytest.raises(ValueError):
        PriceTable(None, None, None, rounding="round-down")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (None, "JimiCoin", "—"),
        (D("0"), "JimiCoin", "0.00 JimiCoin"),
        (D("1"), "JimiCoin", "1.00 JimiCoin"),
        (D("1234.5"), "JimiCoin", "1,234.50 JimiCoin"),
        (D("0.125"), "JimiCoin", "0.13 JimiCoin"),  # half up
        (D("0.8702"), "USD", "0.87 USD"),
        (D("0.0088"), "JimiCoin", "0.0088 JimiCoin"),  # would read as free at 2 decimals
        (D("0.00004"), "JimiCoin", "< 0.0001 JimiCoin"),
        (D("2"), "", "2.00"),
    ],
)
def test_format_money(amount: Decimal | None, currency: str, text: str) -> None:
    assert format_money(amount, currency) == text


def test_format_money_default_currency() -> None:
    assert format_money(D("3")) == "3.00 JimiCoin"
