"""Widths of the chapter list's narrow columns, from their header and a sample of rows.

Why not ``QHeaderView.ResizeToContents``: it asks the delegate for the size of every row's
cell, in every such column, again after every change of any row, on the GUI thread. Opening a
40-chapter book (and each refresh during a render) spent tens of milliseconds there. The
widths here come from the same measures (the header section's size hint and the delegate's
size hint) but only for the few rows whose texts are the longest, found by their length: the
widest cell is one of them, since each column's texts share one font and alike glyphs
(digits, a status word, money).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

SAMPLE = 3  # the rows with the longest texts measured per column
GRID = 1  # QTableView adds the grid line to a column's size hint


def longest_rows(model: QAbstractItemModel, column: int, count: int = SAMPLE) -> list[int]:
    """The rows whose display text in ``column`` is the longest (string lengths only)."""
    lengths = []
    for row in range(model.rowCount()):
        text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        lengths.append((len(str(text)) if text is not None else 0, row))
    lengths.sort(reverse=True)
    return [row for _, row in lengths[:count]]


def fit_columns(
    table: QTableView, columns: Iterable[int], at_least: Mapping[int, int] | None = None
) -> None:
    """Size each of ``columns`` (Fixed) to its header or its widest sampled cell, and at
    least ``at_least[column]`` (the width of the widgets a column holds)."""
    model = table.model()
    header = table.horizontalHeader()
    for column in columns:
        width = max(header.sectionSizeHint(column), (at_least or {}).get(column, 0))
        for row in longest_rows(model, column):
            width = max(width, table.sizeHintForIndex(model.index(row, column)).width() + GRID)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)
