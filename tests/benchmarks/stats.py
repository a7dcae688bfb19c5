"""Small statistics for noisy machines: medians with their spread, and paired ratios."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Median of ``n`` values with the lowest and highest (the spread across rounds)."""

    median: float
    low: float
    high: float
    n: int

    def text(self, fmt: str = "{:.2f}", unit: str = "") -> str:
        if self.n == 0:
            return "n/a"
        middle = fmt.format(self.median) + unit
        if self.n == 1:
            return middle
        return f"{middle} ({fmt.format(self.low)}–{fmt.format(self.high)})"

    def to_json(self) -> dict[str, float]:
        return {"median": self.median, "low": self.low, "high": self.high, "n": self.n}


def summarize(values: Sequence[float]) -> Summary:
    clean = [v for v in values if v is not None and not math.isnan(v)]
    if not clean:
        return Summary(math.nan, math.nan, math.nan, 0)
    return Summary(statistics.median(clean), min(clean), max(clean), len(clean))


def ratios(values: Sequence[float], baselines: Sequence[float]) -> Summary:
    """Round-by-round ratios ``value / baseline`` (pairs measured side by side)."""
    return summarize([v / b for v, b in zip(values, baselines, strict=True) if b > 0])


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100), nearest-rank: an observed value, no interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]
