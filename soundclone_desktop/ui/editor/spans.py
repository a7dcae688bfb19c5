"""What to paint where: a ScriptReport turned into block-local UTF-16 spans.

``core.script`` reports code-point offsets; Qt blocks, cursors and ``setFormat`` count UTF-16
units (an emoji is two). Conversion goes through ``core``'s ``Utf16Map``, built once per
analysis, so the highlighter never does offset arithmetic of its own.

Block boundaries come from the document's raw text (blocks are separated by U+2029 there),
found by one regex pass in C: asking Qt for each span's block costs several calls per span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntFlag

from PySide6.QtGui import QTextDocument

from soundclone_desktop.core.script import ScriptReport, Severity, Utf16Map

# Problems that cover the whole text rather than a place in it: nothing useful to underline.
_NOT_UNDERLINED = frozenset({"empty"})
_BLOCK_SEPARATOR = re.compile("\u2029")


class Kind(IntFlag):
    """How a span is drawn; flags combine where spans overlap (a marker with a problem)."""

    MARKER = 1
    WARNING = 2
    ERROR = 4


@dataclass(frozen=True, slots=True)
class Span:
    """Block-local ``[start, end)`` in UTF-16 units."""

    start: int
    end: int
    kind: Kind


def block_starts(document: QTextDocument) -> list[int]:
    """Code-point index at which each block of ``document`` starts."""
    return [0, *(m.end() for m in _BLOCK_SEPARATOR.finditer(document.toRawText()))]


def _located(report: ScriptReport) -> Iterator[tuple[int, int, Kind]]:
    for pause in report.pauses:
        yield pause.start, pause.end, Kind.MARKER
    for problem in report.problems:
        if problem.code in _NOT_UNDERLINED or problem.end <= problem.start:
            continue
        kind = Kind.ERROR if problem.severity is Severity.ERROR else Kind.WARNING
        yield problem.start, problem.end, kind


def spans_by_block(
    report: ScriptReport, umap: Utf16Map, starts: list[int], text_length: int
) -> dict[int, tuple[Span, ...]]:
    """Every marker and located problem of ``report``, split per block; keys are block numbers.

    ``starts`` is :func:`block_starts` of the analysed text; spans that cross a block
    boundary (a too-long tail over several lines) are cut at each boundary.
    """
    grouped: dict[int, list[Span]] = {}
    count = len(starts)
    # Without astral characters code points are UTF-16 units: skip the lookups.
    to16 = (lambda i: i) if umap.utf16_length == text_length else umap.to_utf16
    for start, end, kind in _located(report):
        number = bisect_right(starts, start) - 1
        while number < count and starts[number] < end:
            origin = starts[number]
            block_end = starts[number + 1] - 1 if number + 1 < count else text_length
            s, e = max(start, origin), min(end, block_end)
            if e > s:
                base = to16(origin)
                grouped.setdefault(number, []).append(Span(to16(s) - base, to16(e) - base, kind))
            number += 1
    return {number: tuple(found) for number, found in grouped.items()}
