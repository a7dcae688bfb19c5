"""What a book, a chapter or a selection of segments costs, what is paid, what a budget buys.

One segment is one production task (a segment with nothing to say is none). Money comes from
:func:`..pricing.estimate_production` with the voice fee once per task; since every task is
at most 9,999 characters, the estimate of the whole equals the sum of the per-task estimates
under either rounding mode (tested). Segments are identified as ``(chapter, segment ID)``:
segment IDs are unique within a chapter only. Money in ``to_json`` is a decimal string
(exact) or ``None`` when a price is unknown.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..pricing import Estimate, PriceTable, estimate_production
from ..script import MAX_REQUEST_CHARS
from .segment import Segment, segment_chapter

SegmentRef = tuple[int, str]
"""A segment of a book: ``(chapter index, segment ID)``."""


@dataclass(frozen=True, slots=True)
class Cost:
    """The size and price of some segments."""

    segments: int
    tasks: int
    billable_chars: int
    voice_fees: Decimal | None
    cost: Decimal | None
    cost_if_blocks: Decimal | None  # if the service charges whole 10k blocks per task

    def to_json(self) -> dict[str, object]:
        return {
            "segments": self.segments,
            "tasks": self.tasks,
            "billable_chars": self.billable_chars,
            "voice_fees": _money(self.voice_fees),
            "cost": _money(self.cost),
            "cost_if_blocks": _money(self.cost_if_blocks),
        }


@dataclass(frozen=True, slots=True)
class BookEstimate:
    """The estimate of a selection: ``total``, the ``rendered`` part (already paid) and the
    ``remaining`` part (what a render would spend). ``total`` = ``rendered`` + ``remaining``.
    """

    chapters: int
    total: Cost
    rendered: Cost
    remaining: Cost
    currency: str

    def to_json(self) -> dict[str, object]:
        """The CLI's ``estimate`` object: the total's keys at the top level."""
        return {
            "chapters": self.chapters,
            **self.total.to_json(),
            "currency": self.currency,
            "rendered": self.rendered.to_json(),
            "remaining": self.remaining.to_json(),
        }


def cost_of(segments: Iterable[Segment], prices: PriceTable) -> Cost:
    """Size and price of ``segments`` (one task each, the voice fee once per task)."""
    count = tasks = chars = 0
    for segment in segments:
        count += 1
        if segment.needs_task:
            tasks += 1
            chars += segment.billable_chars
    if tasks == 0:
        zero = None if prices.production_per_10k is None else Decimal(0)
        fees = None if prices.voice_fee is None else Decimal(0)
        total = None if zero is None or fees is None else Decimal(0)
        return Cost(count, 0, 0, fees, total, total)
    money: Estimate = estimate_production(chars, prices, tasks)
    return Cost(count, tasks, chars, money.voice_fee, money.total, money.total_if_blocks)


def estimate_selection(
    selection: Iterable[tuple[int, Segment]],
    prices: PriceTable,
    rendered: Collection[SegmentRef] = frozenset(),
    *,
    chapters: int | None = None,
) -> BookEstimate:
    """The estimate of ``(chapter index, segment)`` pairs; ``rendered`` are already paid.

    ``chapters`` defaults to the number of chapters the selection touches.
    """
    items = list(selection)
    done = [s for c, s in items if (c, s.id) in rendered]
    todo = [s for c, s in items if (c, s.id) not in rendered]
    return BookEstimate(
        chapters=len({c for c, _ in items}) if chapters is None else chapters,
        total=cost_of((s for _, s in items), prices),
        rendered=cost_of(done, prices),
        remaining=cost_of(todo, prices),
        currency=prices.currency,
    )


def estimate_book(
    chapters: Sequence[Sequence[Segment]],
    prices: PriceTable,
    rendered: Collection[SegmentRef] = frozenset(),
) -> BookEstimate:
    """The estimate of a whole book: ``chapters[i]`` are chapter ``i``'s segments."""
    return estimate_selection(_numbered(chapters), prices, rendered, chapters=len(chapters))


def estimate_chapter(
    segments: Sequence[Segment],
    prices: PriceTable,
    rendered: Collection[str] = frozenset(),
) -> BookEstimate:
    """The estimate of one chapter; ``rendered`` holds its rendered segment IDs."""
    return estimate_selection(((0, s) for s in segments), prices, {(0, r) for r in rendered})


def _numbered(chapters: Sequence[Sequence[Segment]]) -> Iterable[tuple[int, Segment]]:
    for index, segments in enumerate(chapters):
        for segment in segments:
            yield index, segment


# --- Budget ---------------------------------------------------------------------------------


class BudgetStop(StrEnum):
    """Why a budget plan ends where it does."""

    ALL_FIT = "all-fit"  # everything to render fits the budget
    BUDGET = "budget"  # the next task would cross the budget
    PRICES_UNKNOWN = "prices-unknown"  # no price to count against a budget: nothing planned


@dataclass(frozen=True, slots=True)
class BudgetPlan:
    """The reading-order prefix of the segments to render that a budget pays for.

    ``selected`` are the segments to render (rendered ones and ones with nothing to say are
    skipped: they cost nothing); ``stopped_before`` is the first one left out and
    ``next_cost`` its price. ``reason`` is an English sentence; the UI builds its own from
    ``stop`` and the figures.
    """

    budget: Decimal
    selected: tuple[tuple[int, Segment], ...]
    tasks: int
    billable_chars: int
    cost: Decimal
    stop: BudgetStop
    stopped_before: tuple[int, Segment] | None
    next_cost: Decimal | None
    reason: str
    currency: str

    def to_json(self) -> dict[str, object]:
        before = self.stopped_before
        return {
            "budget": _money(self.budget),
            "tasks": self.tasks,
            "billable_chars": self.billable_chars,
            "cost": _money(self.cost),
            "currency": self.currency,
            "stop": self.stop,
            "stopped_before": None if before is None else [before[0], before[1].id],
            "next_cost": _money(self.next_cost),
            "reason": self.reason,
            "selected": [[c, s.id] for c, s in self.selected],
        }


def plan_budget(
    selection: Iterable[tuple[int, Segment]],
    prices: PriceTable,
    budget: Decimal,
    rendered: Collection[SegmentRef] = frozenset(),
) -> BudgetPlan:
    """The prefix of ``selection`` (reading order) whose tasks together cost at most
    ``budget``: it stops before the first task that would cross it, never skipping ahead to a
    cheaper one, so what is rendered is always the start of what was asked for."""
    if not budget.is_finite() or budget < 0:
        raise ValueError(f"a budget must be a finite amount of at least 0, got {budget}")
    todo = [(c, s) for c, s in selection if s.needs_task and (c, s.id) not in rendered]
    currency = prices.currency
    if todo and estimate_production(todo[0][1].billable_chars, prices).total is None:
        reason = "The prices are not known, so no budget can be kept: set them first."
        return BudgetPlan(
            budget, (), 0, 0, Decimal(0), BudgetStop.PRICES_UNKNOWN, todo[0], None, reason,
            currency,
        )  # fmt: skip
    spent = Decimal(0)
    chars = 0
    for index, (chapter, segment) in enumerate(todo):
        price = estimate_production(segment.billable_chars, prices).total
        assert price is not None  # the same prices as the first task's
        if spent + price > budget:
            reason = (
                f"Stopped before chapter {chapter + 1}, segment {segment.id}: it costs "
                f"{price} {currency} and would take the spending to {spent + price} "
                f"{currency}, over the budget of {budget} {currency}."
            )
            return BudgetPlan(
                budget, tuple(todo[:index]), index, chars, spent, BudgetStop.BUDGET,
                (chapter, segment), price, reason, currency,
            )  # fmt: skip
        spent += price
        chars += segment.billable_chars
    reason = f"All {len(todo)} tasks fit the budget: {spent} of {budget} {currency}."
    return BudgetPlan(
        budget, tuple(todo), len(todo), chars, spent, BudgetStop.ALL_FIT, None, None, reason,
        currency,
    )  # fmt: skip


# --- Segment size trade-off -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SizeTradeoff:
    """What a target segment size means in money for a given book.

    ``redo_segment`` is the price of rendering one average segment again (a fix in it).
    """

    target_chars: int
    tasks: int
    billable_chars: int
    average_segment_chars: int
    voice_fees: Decimal | None
    cost: Decimal | None
    redo_segment: Decimal | None
    currency: str

    def to_json(self) -> dict[str, object]:
        return {
            "target_chars": self.target_chars,
            "tasks": self.tasks,
            "billable_chars": self.billable_chars,
            "average_segment_chars": self.average_segment_chars,
            "voice_fees": _money(self.voice_fees),
            "cost": _money(self.cost),
            "redo_segment": _money(self.redo_segment),
            "currency": self.currency,
        }


def size_tradeoff(
    chapter_texts: Iterable[str],
    target_chars: int,
    prices: PriceTable,
    *,
    max_chars: int = MAX_REQUEST_CHARS,
) -> SizeTradeoff:
    """Segment the chapters at ``target_chars`` and price the result (fast: about 0.1 s per
    million characters), so the user sees the trade-off when changing the target.

    The billable total moves a little with the target too: whitespace at a segment's edges is
    not sent, so more segments bill slightly fewer characters.
    """
    segments = [
        s
        for text in chapter_texts
        for s in segment_chapter(text, target_chars=target_chars, max_chars=max_chars)
    ]
    cost = cost_of(segments, prices)
    average = round(cost.billable_chars / cost.tasks) if cost.tasks else 0
    redo = estimate_production(average, prices).total if cost.tasks else None
    return SizeTradeoff(
        target_chars=target_chars,
        tasks=cost.tasks,
        billable_chars=cost.billable_chars,
        average_segment_chars=average,
        voice_fees=cost.voice_fees,
        cost=cost.cost,
        redo_segment=redo,
        currency=prices.currency,
    )


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)
