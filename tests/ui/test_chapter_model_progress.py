"""The chapter list under a running render: a progress snapshot repaints only the chapters
whose progress changed (a 300-segment render sends snapshots many times a second; touching
every row each time, with columns sized to their contents, stalled the window)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from soundclone_desktop.core.book.model import Book, new_chapter
from soundclone_desktop.core.book.overview import book_overview
from soundclone_desktop.core.book.progress import ChapterProgress
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.ui.book.chapter_model import COL_STATUS, ChapterModel


def test_a_snapshot_touches_only_the_chapters_whose_progress_changed(qapp) -> None:  # type: ignore[no-untyped-def]
    book = Book(
        title="A book",
        chapters=tuple(new_chapter(f"Chapter {n}", f"Chapter {n} has one sentence.")
                       for n in range(1, 11)),
    )  # fmt: skip
    model = ChapterModel()
    model.set_lines(book_overview(book, PriceTable()).chapters, "JimiCoin")
    ids = [c.id for c in book.chapters]
    running = {i: ChapterProgress(i, 0, 1) for i in ids}
    model.set_progress(running, "JimiCoin")
    touched: list[tuple[int, int]] = []

    def changed(first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        touched.extend((row, row) for row in range(first.row(), last.row() + 1))

    model.dataChanged.connect(changed)
    model.set_progress({**running, ids[3]: ChapterProgress(ids[3], 1, 1)}, "JimiCoin")
    assert sorted({row for row, _ in touched}) == [3]
    assert model.index(3, COL_STATUS).data() != model.index(4, COL_STATUS).data()
    touched.clear()
    model.set_progress({**running, ids[3]: ChapterProgress(ids[3], 1, 1)}, "JimiCoin")
    assert touched == []  # the same snapshot again: nothing to repaint
