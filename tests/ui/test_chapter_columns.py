"""The chapter list sizes its narrow columns from the header and a sample of rows, not by
measuring every row's cells after every change (``ResizeToContents`` did: the navigator's
share of the 0.18-0.7 s GUI stall when a 40-chapter book opened); the widths still fit every
cell, and new figures repaint only the rows that changed."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from soundclone_desktop.core.book.model import Book, new_chapter
from soundclone_desktop.core.book.overview import ChapterOverview, book_overview
from soundclone_desktop.core.book.progress import ChapterProgress
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.ui.book.chapter_model import (
    COL_COST,
    COL_DURATION,
    COL_NUMBER,
    COL_PLAY,
    COL_STATUS,
    ChapterModel,
)
from soundclone_desktop.ui.book.navigator import NavigatorWidget

pytestmark = pytest.mark.gui
ROWS = 200
FITTED = (COL_NUMBER, COL_STATUS, COL_DURATION, COL_COST, COL_PLAY)


class CountingDelegate(QStyledItemDelegate):
    """The delegate Qt asks for a cell's size: every call is one cell measured."""

    calls = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        CountingDelegate.calls += 1
        return super().sizeHint(option, index)


def _lines(rows: int = ROWS) -> list[ChapterOverview]:
    chapters = tuple(
        new_chapter(f"Chapter {n}", "A sentence. " * (1 + n % 7)) for n in range(1, rows + 1)
    )
    return list(book_overview(Book(title="Wide", chapters=chapters), PriceTable()).chapters)


def _navigator(qtbot) -> tuple[NavigatorWidget, ChapterModel]:  # type: ignore[no-untyped-def]
    model = ChapterModel()
    nav = NavigatorWidget(model, new_action=QAction("New"), open_action=QAction("Open"))
    qtbot.addWidget(nav)
    nav.show_book("Wide")
    nav.resize(520, 500)
    nav.show()
    qtbot.waitExposed(nav)
    return nav, model


def test_the_columns_are_not_sized_by_measuring_every_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    nav, model = _navigator(qtbot)
    delegate = CountingDelegate(nav.table)
    nav.table.setItemDelegate(delegate)
    CountingDelegate.calls = 0
    model.set_lines(_lines(), "JimiCoin")
    qtbot.wait(200)  # layout, the fitting timer, paint
    assert CountingDelegate.calls < 4 * len(FITTED)  # was 1,000 (every row, every column)
    CountingDelegate.calls = 0
    ids = [line.chapter_id for line in model.lines()]
    model.set_progress({ids[5]: ChapterProgress(ids[5], 2, 4)}, "JimiCoin")
    qtbot.wait(200)
    assert CountingDelegate.calls < 4 * len(FITTED)


def test_every_cell_fits_its_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    nav, model = _navigator(qtbot)
    model.set_lines(_lines(), "JimiCoin")
    ids = [line.chapter_id for line in model.lines()]
    model.set_progress(
        {
            ids[150]: ChapterProgress(
                ids[150], 120, 1234, audio_seconds=7300, spent=Decimal("123.45")
            )
        },
        "JimiCoin",
    )
    qtbot.wait(200)
    table = nav.table
    header = table.horizontalHeader()
    for column in FITTED:
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, column


def test_new_figures_repaint_only_the_rows_that_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    _nav, model = _navigator(qtbot)
    lines = _lines(20)
    model.set_lines(lines, "JimiCoin")
    touched: list[int] = []
    model.dataChanged.connect(
        lambda first, last, *_: touched.extend(range(first.row(), last.row() + 1))
    )
    changed = list(lines)
    changed[7] = dataclasses.replace(changed[7], done=1)
    model.set_lines(changed, "JimiCoin")
    assert touched == [7]
