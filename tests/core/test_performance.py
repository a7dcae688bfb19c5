"""core.script stays fast and linear: the editor analyses the whole text on every keystroke.

Times are compared with a baseline measured in the same test, not with the clock: splitting
the same text into words with ``re`` (a busy machine slows both alike). ``analyze`` takes
about 1.6× that baseline on prose and 1.8× on text dense with broken markers; the bounds
leave room for noise, not for a per-character Python loop (≈ 10×) or quadratic work. The
100k/10k ratio catches quadratic behaviour, which would be about 100.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop.core.script import Utf16Map, analyze

DATA = Path(__file__).resolve().parents[1] / "data"
PROSE = "".join(
    (DATA / n).read_text(encoding="utf-8") for n in sorted(p.name for p in DATA.iterdir())
)
DENSE = PROSE + "😀 <#abc#> x <#0.5 y <#1#> <#2#> z. <#0#> 「<#3#>」 "


def best_of(run: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def words(text: str) -> float:
    """The baseline: the best time to split ``text`` into words with ``re``."""
    return best_of(lambda: [m.group() for m in re.finditer(r"\S+", text)])


def sized(base: str, n: int) -> str:
    return (base * (n // len(base) + 1))[:n]


@pytest.mark.parametrize("base", [PROSE, DENSE], ids=["prose", "dense"])
def test_ten_thousand_characters(base: str) -> None:
    text = sized(base, 10_000)
    ratio = best_of(lambda: analyze(text)) / words(text)
    assert ratio < 6, f"{ratio:.1f}× splitting the text into words"


@pytest.mark.parametrize("base", [PROSE, DENSE], ids=["prose", "dense"])
def test_linear_growth(base: str) -> None:
    small, large = sized(base, 10_000), sized(base, 100_000)
    ratio = best_of(lambda: analyze(large), 5) / best_of(lambda: analyze(small), 5)
    assert ratio < 45  # linear is 10 (up to ~20 once the text outgrows the CPU cache)


@pytest.mark.parametrize(
    ("head", "unit", "count", "tail"),
    [
        ("", "<#", 50_000, ""),
        ("", "<#1#>", 20_000, ""),
        ("<#", " ", 100_000, ""),
        ("<#", "1", 100_000, ""),
        ("", "<#1234567890123456789012", 4_000, ""),
        ("", "a<", 50_000, ""),
        ("", ".!", 50_000, "<#1#>"),
        ("", "😀", 100_000, ""),
    ],
    ids=["openers", "markers", "spaces", "digits", "near-miss", "angles", "punct", "emoji"],
)
def test_pathological_inputs_stay_linear(head: str, unit: str, count: int, tail: str) -> None:
    """No backtracking blow-up: ten times the text takes about ten times as long."""
    large = head + unit * count + tail
    small = head + unit * (count // 10) + tail
    ratio = best_of(lambda: analyze(large), 2) / best_of(lambda: analyze(small), 3)
    assert ratio < 30, f"{ratio:.0f}× for ten times the text"  # quadratic would be 100


def test_utf16_map_is_cheap() -> None:
    text = sized(DENSE, 100_000)
    indices = list(range(0, len(text), 50))
    ratio = best_of(lambda: Utf16Map(text).to_utf16_many(indices), 3) / words(text)
    assert ratio < 1.5, f"{ratio:.2f}× splitting the text into words"  # measured 0.22×
