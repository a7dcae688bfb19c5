"""What a render of the book queue ends with: its result, the failures it recorded, what
resuming an earlier run found, and the errors that refuse a render before anything is sent."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from soundclone_desktop.core.book.estimate import BudgetPlan
from soundclone_desktop.core.book.takes import SegmentKey
from soundclone_desktop.core.pricing import PriceTable, estimate_production

from .plan import PlannedSegment

log = logging.getLogger(__name__)

BalanceReader = Callable[[], Awaitable[Decimal | None]]


class RenderError(Exception):
    """A render refused before anything was sent."""


class BalanceTooLowError(RenderError):
    """The account cannot pay for the render: nothing was sent."""

    def __init__(self, needed: Decimal, available: Decimal, currency: str) -> None:
        super().__init__(
            f"The render needs {needed} {currency} but only {available} {currency} is "
            "available: nothing was sent. Top up, or render fewer chapters or with a budget."
        )
        self.needed = needed
        self.available = available
        self.currency = currency


async def check_balance(
    balance: BalanceReader | None, items: Sequence[PlannedSegment], prices: PriceTable
) -> None:
    """Raise :class:`BalanceTooLowError` when the balance read says the items cannot be
    paid for; an unreadable balance or unknown prices are no evidence either way."""
    if balance is None or not items:
        return
    chars = sum(i.chars for i in items)
    needed = estimate_production(chars, prices, len(items)).total
    if needed is None:
        return  # no price, no figure to compare (the caller showed the estimate)
    try:
        available = await balance()
    except Exception as exc:  # unreadable: no evidence either way
        log.info("The balance could not be read (%s); not checked", exc)
        return
    if available is not None and available < needed:
        raise BalanceTooLowError(needed, available, prices.currency)


class PricesUnknownError(RenderError):
    """A budget was given but the prices are not known, so it cannot be kept."""

    def __init__(self) -> None:
        super().__init__("The prices are not known, so no budget can be kept: set them first.")


class LookupRefusedError(RenderError):
    def __init__(self, refusal: str) -> None:
        super().__init__(f"This task id cannot be looked up for the segment ({refusal}).")
        self.refusal = refusal


class StopReason(StrEnum):
    ALL_DONE = "all-done"  # every planned segment was sent and settled
    BUDGET = "budget"  # stopped before the task that would cross the budget
    CANCELLED = "cancelled"
    STOPPED = "stopped"  # nothing can be sent now (key rejected, library unwritable…)


@dataclass(frozen=True, slots=True)
class SegmentFailure:
    key: SegmentKey
    reason: str  # a FailureReason value
    error: str | None  # the sentence (English; the UI translates known ones)


@dataclass(frozen=True, slots=True)
class ResumeSummary:
    adopted: tuple[SegmentKey, ...] = ()
    tracked: tuple[SegmentKey, ...] = ()
    requeued: tuple[SegmentKey, ...] = ()
    unknown: tuple[SegmentKey, ...] = ()
    failed: tuple[SegmentKey, ...] = ()
    busy: tuple[SegmentKey, ...] = ()
    demo_lost: tuple[SegmentKey, ...] = ()  # on an ended demo server: sent again


@dataclass(frozen=True, slots=True)
class RenderResult:
    stop: StopReason
    message: str | None  # why it stopped, an English sentence (budget, stop error)
    sent: int  # creates sent by this run
    rendered: tuple[SegmentKey, ...]  # takes adopted by this run (resumed ones included)
    failed: tuple[SegmentFailure, ...]
    spent: Decimal | None  # the estimate of what this run's creates cost
    budget: BudgetPlan | None
    resumed: ResumeSummary
