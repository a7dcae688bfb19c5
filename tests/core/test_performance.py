"""core.script stays fast and linear: the editor analyses the whole text on every keystroke.

Bounds are several times the measured figures (about 0.6 ms for 10k characters of prose,
2.5 ms for 10k characters dense with broken markers) so a busy CI machine does not flake;
the 100k/10k ratio catches quadratic behaviour, which would be about 100.
"""

from __future__ import annotations

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


def sized(base: str, n: int) -> str:
    return (base * (n // len(base) + 1))[:n]


@pytest.mark.parametrize("base", [PROSE, DENSE], ids=["prose", "dense"])
def test_ten_thousand_characters(base: str) -> None:
    text = sized(base, 10_000)
    assert best_of(lambda: analyze(text)) < 0.015


@pytest.mark.parametrize("base", [PROSE, DENSE], ids=["prose", "dense"])
def test_linear_growth(base: str) -> None:
    small, large = sized(base, 10_000), sized(base, 100_000)
    ratio = best_of(lambda: analyze(large), 3) / best_of(lambda: analyze(small), 3)
    assert ratio < 40  # linear is 10 (up to ~20 once the text outgrows the CPU cache)


@pytest.mark.parametrize(
    "text",
    [
        "<#" * 50_000,
        "<#1#>" * 20_000,
        "<#" + " " * 100_000,
        "<#" + "1" * 100_000,
        "<#1234567890123456789012" * 4_000,
        "a<" * 50_000,
        ".!" * 50_000 + "<#1#>",
        "😀" * 100_000,
    ],
    ids=["openers", "markers", "spaces", "digits", "near-miss", "angles", "punct", "emoji"],
)
def test_pathological_inputs_stay_fast(text: str) -> None:
    assert best_of(lambda: analyze(text), 1) < 2.0


def test_utf16_map_is_cheap() -> None:
    text = sized(DENSE, 100_000)
    indices = list(range(0, len(text), 50))
    assert best_of(lambda: Utf16Map(text).to_utf16_many(indices), 3) < 0.05
