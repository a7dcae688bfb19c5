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


def longest_texts(
    model: QAbstractItemModel, column: int, count: int = SAMPLE
) -> list[tuple[int, str]]:
    """(row, text) of the rows whose display text in ``column`` is the longest (lengths only)."""
    texts = []
    for row in range(model.rowCount()):
        text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        texts.append((len(str(text)) if text is not None else 0, row, str(text or "")))
    texts.sort(reverse=True)
    return [(row, text) for _, row, text in texts[:count]]


class ColumnFitter:
    """Sizes ``columns`` of ``table`` (Fixed) to the header or the widest sampled cell, and at
    least ``at_least[column]`` (the widgets a column holds). A column whose sampled texts,
    header and minimum are those of its last fitting is not measured again (a render changes
    the progress texts many times a second; most changes keep their length)."""

    def __init__(self, table: QTableView, columns: Iterable[int]) -> None:
        self.table = table
        self.columns = tuple(columns)
        self._fitted: dict[int, tuple[object, ...]] = {}

    def fit(self, at_least: Mapping[int, int] | None = None) -> None:
        model = self.table.model()
        header = self.table.horizontalHeader()
        for column in self.columns:
            sample = longest_texts(model, column)
            minimum = (at_least or {}).get(column, 0)
            title = model.headerData(column, Qt.Orientation.Horizontal)
            key = (title, minimum, tuple(text for _, text in sample), header.font().key())
            if self._fitted.get(column) == key:
                continue
            self._fitted[column] = key
            width = max(header.sectionSizeHint(column), minimum)
            for row, _text in sample:
                hint = self.table.sizeHintForIndex(model.index(row, column))
                width = max(width, hint.width() + GRID)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
