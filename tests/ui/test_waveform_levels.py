"""Peaks at any zoom from the one fine decode: each bar is the loudest of the buckets it
covers (no quieter, no louder than its neighbours' edges allow), read from a coarse level."""

from __future__ import annotations

import itertools
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from soundclone_desktop.ui.player.waveform_levels import PeakLevels


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(0, 1, width=32), min_size=1, max_size=700),
    first_ms=st.floats(0, 5000),
    bar_ms=st.floats(0.5, 3000),
    count=st.integers(1, 60),
)
def test_each_bar_is_the_peak_of_the_buckets_it_covers(
    values: list[float], first_ms: float, bar_ms: float, count: int
) -> None:
    duration = 7 * len(values) + 3  # buckets of 7 ms and a bit
    levels = PeakLevels(values, duration)
    bars = levels.bars(first_ms, bar_ms, count)
    fine, bucket = np.asarray(values, np.float32), duration / len(values)
    assert bars.shape == (count,)
    for i, bar in enumerate(bars.tolist()):
        begin, end = first_ms + i * bar_ms, first_ms + (i + 1) * bar_ms
        inside = fine[math.ceil(begin / bucket) : math.floor(end / bucket)]
        # Buckets wholly inside the bar: it is at least as loud as each of them ...
        assert bar >= float(inside.max(initial=0.0))
        # ... and no louder than any bucket it touches (read from a level up to 2× the bar,
        # so up to one coarse bucket either side).
        reach = 2 * bar_ms + 2 * bucket
        near = fine[
            max(0, math.floor((begin - reach) / bucket)) : math.ceil((end + reach) / bucket)
        ]
        assert bar <= float(near.max(initial=0.0))


def test_the_levels_halve_and_keep_the_peak() -> None:
    values = np.random.default_rng(1).random(1001).astype(np.float32)
    levels = PeakLevels(values.tolist(), 10_010)
    sizes = [level.size for level in levels.levels]
    assert sizes[0] == 1001 and sizes[-1] == 1
    assert all(b == (a + 1) // 2 for a, b in itertools.pairwise(sizes))
    assert levels.peak == float(values.max())
    assert all(float(level.max()) == levels.peak for level in levels.levels)


def test_bars_past_the_end_are_silent_and_cost_nothing() -> None:
    levels = PeakLevels([0.5] * 100, 1000)
    assert levels.bars(2000, 30, 5).tolist() == [0.0] * 5
    assert levels.touched == 0


def test_a_peak_in_the_bucket_two_bars_share_shows_on_the_bar_it_lies_in() -> None:
    # Found by the property above: buckets of 7.6 ms, bars of 19 ms read from the 15.2 ms
    # level; the fifth bucket (30.4-38 ms) lies inside the second bar (19-38 ms) but in
    # the level bucket the third bar starts in, and the second bar was drawn silent.
    levels = PeakLevels([0.0, 0.0, 0.0, 0.0, 1.0], 38)
    assert levels.bars(0.0, 19.0, 3).tolist() == [0.0, 1.0, 1.0]
