"""Counter: character counts, localized numbers, cost text, the over-limit state."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.pricing import PriceTable, Rounding
from soundclone_desktop.core.script import analyze
from soundclone_desktop.ui.submit.counter import CounterWidget
from soundclone_desktop.ui.theme.colours import colours_for

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def counter(qtbot: QtBot) -> CounterWidget:
    widget = CounterWidget()
    qtbot.addWidget(widget)
    return widget


def script(billable: int, markers: int = 0) -> str:
    """A text with ``billable`` billable characters and ``markers`` ``<#1#>`` markers."""
    body = "字" * billable
    pieces = [body[i :: markers + 1] for i in range(markers + 1)] if markers else [body]
    return "<#1#>".join(pieces)


PRICES = PriceTable(production_per_10k=Decimal("10"), voice_fee=Decimal("1"), currency="JimiCoin")


def test_counts_with_grouping(counter: CounterWidget) -> None:
    report = analyze(script(1234, markers=13))
    assert (report.billable_chars, report.request_chars) == (1234, 1234 + 13 * 5)
    counter.set_report(report)
    assert counter.counter_label.objectName() == "counterLabel"
    assert counter.counter_label.text() == "1,234 billable characters · 1,299 / 9,999 in request"


def test_singular_and_empty(counter: CounterWidget) -> None:
    assert counter.counter_label.text() == "0 billable characters · 0 / 9,999 in request"
    counter.set_report(analyze("a"))
    assert counter.counter_label.text() == "1 billable character · 1 / 9,999 in request"


def test_cost_unknown_then_known(counter: CounterWidget) -> None:
    counter.set_report(analyze(script(1234)))
    assert counter.cost_label.objectName() == "costLabel"
    assert counter.cost_label.text() == "Set prices in Settings to see the cost"
    counter.set_prices(PriceTable(production_per_10k=Decimal("10")))  # no voice fee yet
    assert counter.cost_label.text() == "Set prices in Settings to see the cost"
    counter.set_prices(PRICES)
    # 1,234 / 10,000 × 10 = 1.234 → 1.23, plus the 1.00 voice fee; blocks would be 11.00.
    assert counter.cost_label.text() == (
        "Estimated cost: 2.23 JimiCoin, up to 11.00 (incl. voice fee 1.00)"
    )
    assert "10,000" in counter.cost_label.toolTip()


def test_cost_without_range_when_blocks_agree(counter: CounterWidget) -> None:
    counter.set_prices(
        PriceTable(
            production_per_10k=Decimal("10"),
            voice_fee=Decimal("1"),
            rounding=Rounding.BLOCKS,
        )
    )
    counter.set_report(analyze(script(1234)))
    assert counter.cost_label.text() == "Estimated cost: 11.00 JimiCoin (incl. voice fee 1.00)"
    assert counter.cost_label.toolTip() == ""


def test_large_numbers_and_other_locale(counter: CounterWidget) -> None:
    counter.set_prices(PriceTable(production_per_10k=Decimal("1234.5"), voice_fee=Decimal("0")))
    counter.set_report(analyze(script(9_000)))
    assert counter.cost_label.text() == (
        "Estimated cost: 1,111.05 JimiCoin, up to 1,234.50 (incl. voice fee 0.00)"
    )
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    counter.set_report(analyze(script(9_000)))
    assert counter.counter_label.text().startswith("9.000 billable characters")
    assert "1.111,05" in counter.cost_label.text()


def test_over_limit_turns_red_and_says_so(counter: CounterWidget) -> None:
    counter.set_report(analyze("x" * 10_302))
    label = counter.counter_label
    assert label.text() == (
        "10,302 billable characters · 10,302 / 9,999 in request — 303 over the limit"
    )
    assert colours_for(label.palette()).error_text.name() in label.styleSheet()
    assert "9,999" in label.toolTip()
    counter.set_report(analyze("x" * 9_999))
    assert label.styleSheet() == ""
    assert "over the limit" not in label.text()


def test_estimate_accessor(counter: CounterWidget) -> None:
    assert counter.estimate() is None
    counter.set_prices(PRICES)
    counter.set_report(analyze("hello"))
    estimate = counter.estimate()
    assert estimate is not None and estimate.chars == 5
