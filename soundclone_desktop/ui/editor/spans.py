"""What to paint where: a ScriptReport turned into block-local UTF-16 spans.

``core.script`` reports code-point offsets; Qt blocks, cursors and ``setFormat`` count UTF-16
units (an emoji is two). Conversion goes through ``core``'s ``Utf16Map``, built once per
analysis, so the highlighter never does offset arithmetic of its own.

Block boundaries come from the document's raw text (blocks are separated by U+2029 there),
found by one regex pass in C: asking Qt for each span's block costs several calls per span.

Two sources of spans, which agree wherever both apply:

- :func:`spans_by_block`: the whole script's report, after typing pauses;
- :func:`local_spans`: one block's text alone, on every keystroke. Markers never span a line
  break, so a block's pauses and marker-syntax problems depend on that block only (*local*
  spans). Everything else (a marker at the start or end of the script, markers in a row,
  punctuation around a marker, the excess over the limit) depends on other text
  (``context`` spans); :func:`carry_context` moves those along with an edit until the next
  whole-script analysis replaces them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntFlag

from PySide6.QtGui import QTextDocument

from soundclone_desktop.core.script import (
    MARKER_MALFORMED,
    MARKER_RANGE,
    Problem,
    ScriptReport,
    Severity,
    Utf16Map,
    analyze,
    utf16_len,
)

# Problems that cover the whole text rather than a place in it: nothing useful to underline.
_NOT_UNDERLINED = frozenset({"empty"})
# Problems found from a marker's own characters: a block's text alone decides them.
LOCAL_CODES = frozenset({MARKER_MALFORMED, MARKER_RANGE})
_BLOCK_SEPARATOR = re.compile("\u2029")
# How QTextDocument.toPlainText() (the analysed text) differs from a block's raw text.
_PLAIN = str.maketrans({"\u2028": "\n", "\u00a0": " ", "\ufdd0": "\n", "\ufdd1": "\n"})
_NEEDS_PLAIN = re.compile("[\u2028\u00a0\ufdd0\ufdd1]")


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
    context: bool = False  # decided by text outside the block: see the module doc


def _order(span: Span) -> tuple[int, int, int, bool]:
    return span.start, span.end, span.kind, span.context


def canonical(spans: list[Span]) -> tuple[Span, ...]:
    """``spans`` in one fixed order, so equal sets of spans compare equal as tuples."""
    return tuple(sorted(spans, key=_order))


def block_starts(document: QTextDocument) -> list[int]:
    """Code-point index at which each block of ``document`` starts."""
    return [0, *(m.end() for m in _BLOCK_SEPARATOR.finditer(document.toRawText()))]


def _problem_kind(problem: Problem) -> Kind:
    return Kind.ERROR if problem.severity is Severity.ERROR else Kind.WARNING


def _located(report: ScriptReport) -> Iterator[tuple[int, int, Kind, bool]]:
    for pause in report.pauses:
        yield pause.start, pause.end, Kind.MARKER, False
    for problem in report.problems:
        if problem.code in _NOT_UNDERLINED or problem.end <= problem.start:
            continue
        yield problem.start, problem.end, _problem_kind(problem), problem.code not in LOCAL_CODES


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
    for start, end, kind, context in _located(report):
        number = bisect_right(starts, start) - 1
        while number < count and starts[number] < end:
            origin = starts[number]
            block_end = starts[number + 1] - 1 if number + 1 < count else text_length
            s, e = max(start, origin), min(end, block_end)
            if e > s:
                base = to16(origin)
                span = Span(to16(s) - base, to16(e) - base, kind, context)
                grouped.setdefault(number, []).append(span)
            number += 1
    return {number: canonical(found) for number, found in grouped.items()}


def local_spans(block_text: str) -> list[Span]:
    """The local spans (pauses, marker-syntax problems) of one block, from its text alone.

    ``block_text`` is ``QTextBlock.text()``; the result is in block-local UTF-16 units and
    equals the local spans :func:`spans_by_block` gives that block.
    """
    if "<#" not in block_text:
        return []  # most lines of a script: no marker, nothing local to paint
    if _NEEDS_PLAIN.search(block_text) is not None:
        block_text = block_text.translate(_PLAIN)  # what the whole-script analysis reads
    # A limit above the length: the excess over the request limit is context, not local.
    report = analyze(block_text, max_chars=len(block_text) + 1)
    umap = Utf16Map(block_text)
    to16 = umap.to_utf16
    found = [Span(to16(p.start), to16(p.end), Kind.MARKER) for p in report.pauses]
    found += [
        Span(to16(p.start), to16(p.end), _problem_kind(p))
        for p in report.problems
        if p.code in LOCAL_CODES and p.end > p.start
    ]
    return found


def carry_context(spans: tuple[Span, ...], old_text: str, new_text: str) -> list[Span]:
    """The context spans of ``spans`` (painted on ``old_text``) moved to ``new_text``.

    The edit is taken to be what lies between the two texts' common start and common end;
    a span the edit touches the inside of is dropped until the next whole-script analysis.
    """
    limit = min(len(old_text), len(new_text))
    start = 0
    while start < limit and old_text[start] == new_text[start]:
        start += 1
    end = 0
    while end < limit - start and old_text[-1 - end] == new_text[-1 - end]:
        end += 1
    at = utf16_len(old_text[:start])
    removed = utf16_len(old_text[start : len(old_text) - end])
    added = utf16_len(new_text[start : len(new_text) - end])
    return shift_context(spans, at, removed, added)


def shift_context(spans: tuple[Span, ...], at: int, removed: int, added: int) -> list[Span]:
    """The context spans of ``spans`` moved by an edit at block-local UTF-16 offset ``at``.

    Spans before the edit stay, spans after it move by ``added - removed``; a span the edit
    touches the inside of is dropped until the next whole-script analysis.
    """
    moved: list[Span] = []
    delta = added - removed
    for span in spans:
        if not span.context:
            continue
        if span.end <= at:
            moved.append(span)
        elif span.start >= at + removed:
            moved.append(Span(span.start + delta, span.end + delta, span.kind, True))
    return moved
