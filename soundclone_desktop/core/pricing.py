"""Cost estimates from user-entered prices (the API publishes none, API reference §10).

Prices are per 10,000 billable characters (code points, pause markers excluded). Whether the
service charges pro rata or rounds up to whole 10k blocks is unknown, so every estimate also
carries the block-rounded upper bound. All arithmetic is :class:`~decimal.Decimal`: money is
never a float here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Final

BLOCK_CHARS: Final = 10_000
DEFAULT_CURRENCY: Final = "JimiCoin"
UNKNOWN_MONEY: Final = "—"


class Rounding(StrEnum):
    """How the character fee is charged."""

    PRO_RATA = "pro-rata"  # chars × price / 10,000
    BLOCKS = "blocks"  # every started 10k block charged in full


def parse_price(value: object) -> Decimal | None:
    """A price from settings or a text field: ``None``/``""`` → unknown, else a ``Decimal``.

    Floats go through ``repr`` so ``0.1`` becomes ``Decimal("0.1")``. Raises ``ValueError``
    for anything that is not a finite, non-negative number.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a price: {value!r}")
    try:
        if isinstance(value, Decimal):
            price = value
        elif isinstance(value, int | str):
            price = Decimal(str(value).strip())
        elif isinstance(value, float):
            price = Decimal(repr(value))
        else:
            raise ValueError(f"not a price: {value!r}")
    except InvalidOperation as exc:
        raise ValueError(f"not a price: {value!r}") from exc
    if not price.is_finite() or price < 0:
        raise ValueError(f"a price must be a finite number of at least 0, got {value!r}")
    return price


@dataclass(frozen=True, slots=True)
class PriceTable:
    """Known prices; ``None`` means "not known" (the estimate then shows no money)."""

    preview_per_10k: Decimal | None = None
    production_per_10k: Decimal | None = None
    voice_fee: Decimal | None = None  # charged once per production task
    currency: str = DEFAULT_CURRENCY
    rounding: Rounding = Rounding.PRO_RATA

    def __post_init__(self) -> None:
        for name in ("preview_per_10k", "production_per_10k", "voice_fee"):
            object.__setattr__(self, name, parse_price(getattr(self, name)))
        object.__setattr__(self, "rounding", Rounding(self.rounding))


@dataclass(frozen=True, slots=True)
class Estimate:
    """What a submission will cost.

    ``chars`` is always known. Money fields are ``None`` when a needed price is unknown.
    ``voice_fee`` is the voice fee of all ``tasks`` together (zero for a preview);
    ``total_if_blocks`` is the charge if the service rounds each task up to whole 10k blocks.
    """

    chars: int
    tasks: int
    text_cost: Decimal | None
    voice_fee: Decimal | None
    total: Decimal | None
    total_if_blocks: Decimal | None
    currency: str


def billed_blocks(chars: int, tasks: int = 1) -> int:
    """Number of 10k blocks charged under block rounding.

    Each task is charged on its own. A task's text is at most 9,999 characters (the request
    limit), so every non-empty task is one block; a single task is ``ceil(chars / 10,000)``
    blocks. The larger of the two covers both cases.
    """
    whole = -(-chars // BLOCK_CHARS)
    return max(whole, min(tasks, chars))


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a + b


def _estimate(
    chars: int, tasks: int, price: Decimal | None, voice_fee: Decimal | None, prices: PriceTable
) -> Estimate:
    if chars < 0:
        raise ValueError(f"chars must be at least 0, got {chars}")
    if tasks < 1:
        raise ValueError(f"tasks must be at least 1, got {tasks}")
    pro_rata = None if price is None else price * chars / BLOCK_CHARS
    by_blocks = None if price is None else price * billed_blocks(chars, tasks)
    text_cost = by_blocks if prices.rounding is Rounding.BLOCKS else pro_rata
    return Estimate(
        chars=chars,
        tasks=tasks,
        text_cost=text_cost,
        voice_fee=voice_fee,
        total=_add(text_cost, voice_fee),
        total_if_blocks=_add(by_blocks, voice_fee),
        currency=prices.currency,
    )


def estimate_production(billable_chars: int, prices: PriceTable, tasks: int = 1) -> Estimate:
    """Cost of speaking ``billable_chars`` characters split over ``tasks`` production tasks."""
    fee = None if prices.voice_fee is None else prices.voice_fee * tasks
    return _estimate(billable_chars, tasks, prices.production_per_10k, fee, prices)


def estimate_preview(billable_chars: int, prices: PriceTable) -> Estimate:
    """Cost of one preview; no text (0 characters) bills the 44-character default line."""
    from .params import DEFAULT_PREVIEW_TEXT  # (params loads the script rules: not at start)

    chars = billable_chars or len(DEFAULT_PREVIEW_TEXT)
    return _estimate(chars, 1, prices.preview_per_10k, Decimal(0), prices)


def format_money(amount: Decimal | None, currency: str = DEFAULT_CURRENCY) -> str:
    """``amount`` for display: ``1,234.50 JimiCoin``; ``—`` when unknown.

    Two decimals (rounded half up), except that amounts below 0.01 keep four decimals so a
    small preview does not read as free or twice its price; below 0.00005 shows ``< 0.0001``.
    """
    if amount is None:
        return UNKNOWN_MONEY
    suffix = f" {currency}" if currency else ""
    magnitude = abs(amount)
    if magnitude == 0 or magnitude >= Decimal("0.01"):
        text = f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    elif magnitude >= Decimal("0.00005"):
        text = f"{amount.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP):,.4f}"
    else:
        text = ("> -" if amount < 0 else "< ") + "0.0001"
    return text + suffix
