"""Book estimates: totals equal the per-task sum, paid vs remaining, the budget planner."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.core.book.estimate import (
    BudgetStop,
    estimate_book,
    estimate_chapter,
    plan_budget,
    size_tradeoff,
)
from soundclone_desktop.core.book.segment import Segment, segment_chapter
from soundclone_desktop.core.pricing import PriceTable, Rounding, estimate_production

PRICES = PriceTable(production_per_10k=Decimal("2.5"), voice_fee=Decimal("0.3"))


def seg(chars: int, name: str = "s") -> Segment:
    text = "字" * chars
    return Segment(f"{name}{chars}-0", 0, chars, text, text, chars, True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 9_999), max_size=8), min_size=1, max_size=5),
    st.sampled_from(list(Rounding)),
)
def test_the_estimate_is_the_sum_of_per_task_estimates(
    chapters: list[list[int]], rounding: Rounding
) -> None:
    prices = PriceTable(
        production_per_10k=Decimal("1.37"), voice_fee=Decimal("0.05"), rounding=rounding
    )
    book = [[seg(c, f"c{i}x{j}-") for j, c in enumerate(ch)] for i, ch in enumerate(chapters)]
    result = estimate_book(book, prices)
    per_task = [estimate_production(c, prices) for ch in chapters for c in ch]
    assert result.chapters == len(chapters)
    assert result.total.tasks == len(per_task) == result.total.segments
    assert result.total.billable_chars == sum(e.chars for e in per_task)
    zero = Decimal(0)
    assert result.total.cost == sum((e.total or zero for e in per_task), zero)
    assert result.total.voice_fees == prices.voice_fee * len(per_task)  # type: ignore[operator]
    assert result.total.cost_if_blocks == sum((e.total_if_blocks or zero for e in per_task), zero)


def test_rendered_and_remaining_split_the_total() -> None:
    chapter = segment_chapter("第一段。\n第二段很长。\nThird one.\n", target_chars=1)
    assert len(chapter) == 3
    done = {chapter[1].id}
    result = estimate_chapter(chapter, PRICES, rendered=done)
    assert result.rendered.tasks == 1 and result.rendered.billable_chars == 6
    assert result.remaining.tasks == 2 and result.remaining.billable_chars == 4 + 10
    assert result.total.cost == result.rendered.cost + result.remaining.cost  # type: ignore[operator]
    data = result.to_json()
    for key in ("chapters", "segments", "tasks", "billable_chars", "voice_fees", "cost"):
        assert key in data
    assert data["tasks"] == 3 and data["billable_chars"] == 20
    assert data["cost"] == str(Decimal("2.5") * 20 / 10_000 + Decimal("0.9"))
    # The same ID in another chapter is another segment: not rendered.
    book = estimate_book([chapter, chapter], PRICES, rendered={(0, chapter[1].id)})
    assert book.rendered.tasks == 1 and book.remaining.tasks == 5


def test_blank_segments_are_no_task_and_unknown_prices_no_money() -> None:
    blank = segment_chapter("   ")
    result = estimate_chapter(blank, PRICES)
    assert result.total.segments == 1 and result.total.tasks == 0
    assert result.total.cost == 0
    unknown = estimate_chapter(segment_chapter("Hello."), PriceTable())
    assert unknown.total.tasks == 1 and unknown.total.cost is None
    assert unknown.to_json()["cost"] is None


def test_budget_stops_before_the_task_that_would_cross_it() -> None:
    prices = PriceTable(production_per_10k=Decimal(10), voice_fee=Decimal(1))
    items = [(0, seg(1000, "a")), (0, seg(2000, "b")), (1, seg(1000, "c")), (1, seg(10, "d"))]
    # Costs: 2, 3, 2, 1.01.
    plan = plan_budget(items, prices, Decimal("6.99"))
    assert plan.stop is BudgetStop.BUDGET
    assert [s.id for _, s in plan.selected] == ["a1000-0", "b2000-0"]
    assert plan.cost == 5 and plan.tasks == 2 and plan.billable_chars == 3000
    assert plan.stopped_before == items[2] and plan.next_cost == 2
    assert "chapter 2" in plan.reason and "7" in plan.reason
    # Never skips ahead to a cheaper task: "d" would fit after "b", but "c" comes first.
    assert items[3] not in plan.selected
    exact = plan_budget(items, prices, Decimal(7))
    assert exact.tasks == 3 and exact.cost == 7
    everything = plan_budget(items, prices, Decimal(100))
    assert everything.stop is BudgetStop.ALL_FIT and everything.cost == Decimal("8.01")
    nothing = plan_budget(items, prices, Decimal("1.99"))
    assert nothing.tasks == 0 and nothing.stopped_before == items[0]


def test_budget_skips_what_is_paid_and_refuses_without_prices() -> None:
    prices = PriceTable(production_per_10k=Decimal(10), voice_fee=Decimal(1))
    items = [(0, seg(1000, "a")), (0, seg(2000, "b"))]
    plan = plan_budget(items, prices, Decimal(3), rendered={(0, "a1000-0")})
    assert [s.id for _, s in plan.selected] == ["b2000-0"] and plan.stop is BudgetStop.ALL_FIT
    unknown = plan_budget(items, PriceTable(), Decimal(3))
    assert unknown.stop is BudgetStop.PRICES_UNKNOWN and unknown.tasks == 0
    with pytest.raises(ValueError, match="budget"):
        plan_budget(items, prices, Decimal(-1))
    assert plan.to_json()["stop"] == "all-fit"


def test_size_tradeoff_shows_fewer_fees_but_dearer_fixes_for_bigger_targets() -> None:
    from tests.benchmarks.book_text import book_text

    chapters = [book_text(60_000, seed=s) for s in range(3)]
    small, default, large = (size_tradeoff(chapters, t, PRICES) for t in (1000, 3000, 9000))
    # Whitespace at a segment's edges is not sent: more segments, slightly fewer characters.
    assert small.billable_chars <= default.billable_chars <= large.billable_chars
    assert large.billable_chars - small.billable_chars < 0.01 * large.billable_chars
    assert small.tasks > default.tasks > large.tasks
    assert small.voice_fees > default.voice_fees > large.voice_fees  # type: ignore[operator]
    assert small.redo_segment < default.redo_segment < large.redo_segment  # type: ignore[operator]
    assert default.to_json()["tasks"] == default.tasks
