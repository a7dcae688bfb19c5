"""The chapter list: title (editable), kind, characters, and a checkbox *with* a word for
"included" (never colour alone). Rows can be dragged to a new place.

A ``QStandardItemModel`` rebuilt after each state change rather than a Python model: the
view then paints without calling into Python, so it never waits for the GIL while a worker
thread segments the book (with a Python model each paint made hundreds of such calls and
stalled the window for a tenth of a second).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from soundclone_desktop.core.book.manuscript import ChapterDraft
from soundclone_desktop.i18n import translate

from .session import ReviewSession
from .texts import fill, kind_text

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"

TITLE, KIND, CHARACTERS, INCLUDED = range(4)
MIME_TYPE = "application/x-soundclone-chapter-row"
AnyIndex = QModelIndex | QPersistentModelIndex
_READ_ONLY = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)


def header_titles() -> list[str]:
    return [
        translate(CTX, "Title"),
        translate(CTX, "Kind"),
        translate(CTX, "Characters"),
        translate(CTX, "In the book"),
    ]


class ChapterModel(QStandardItemModel):
    """Shows the session's current state; edits become review operations on it.

    ``operated(row)`` names the row to select after an edit made through the model (a rename,
    a checkbox, a drop), so the view keeps the chapter the user is working on.
    """

    operated = Signal(int)

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(0, 4)
        self.session = session
        self.setHorizontalHeaderLabels(header_titles())
        self.setItemPrototype(QStandardItem())
        session.changed.connect(self._rebuild)

    def _rebuild(self) -> None:
        review, locale = self.session.review, QLocale()
        self.setRowCount(0)
        if review is None:
            return
        state = self.session.state
        for row, chapter in enumerate(state.manuscript.chapters):
            characters = locale.toString(review.cleaned_length(state, row))
            self.appendRow(_row(chapter, characters))

    # -- editing ------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        review = self.session.review
        if not index.isValid() or review is None:
            return False
        row, state = index.row(), self.session.state
        if index.column() == TITLE and role == Qt.ItemDataRole.EditRole:
            title = str(value).strip()
            if not title:
                return False  # an empty label would make the list unreadable
            self.session.apply(review.rename(state, row, title))
        elif index.column() == INCLUDED and role == Qt.ItemDataRole.CheckStateRole:
            included = Qt.CheckState(value) == Qt.CheckState.Checked
            self.session.apply(review.set_excluded(state, row, not included))
        else:
            return False
        self.operated.emit(row)
        return True

    # -- drag to reorder ----------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # between rows, never onto one
        return super().flags(index)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if indexes:
            data.setData(MIME_TYPE, QByteArray(str(indexes[0].row()).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Move the dragged chapter. Returns False even when it moved, so the view does not
        also remove the "moved" row as it would after an ordinary move (the move is one
        review operation, already done)."""
        review = self.session.review
        if review is None or not data.hasFormat(MIME_TYPE):
            return False
        source = int(bytes(data.data(MIME_TYPE).data()).decode())
        count = self.rowCount()
        if parent.isValid():
            target = parent.row()  # dropped on a chapter: take its place
        else:
            row = count if row < 0 else row  # below the last chapter, or between two
            target = row - 1 if row > source else row
        target = max(0, min(target, count - 1))
        if target != source:
            self.session.apply(review.move(self.session.state, source, target))
            self.operated.emit(target)
        return False


def _row(chapter: ChapterDraft, characters: str) -> list[QStandardItem]:
    title = QStandardItem(chapter.title or translate(CTX, "(untitled)"))
    title.setFlags(_READ_ONLY | Qt.ItemFlag.ItemIsEditable)
    kind = QStandardItem(kind_text(chapter.kind))
    kind.setFlags(_READ_ONLY)
    count = QStandardItem(characters)
    count.setFlags(_READ_ONLY)
    count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    included = QStandardItem(
        translate(CTX, "Excluded") if chapter.excluded else translate(CTX, "Included")
    )
    included.setFlags(_READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable)
    included.setCheckState(Qt.CheckState.Unchecked if chapter.excluded else Qt.CheckState.Checked)
    items = [title, kind, count, included]
    for item in items:
        if chapter.source_ref:
            item.setToolTip(fill(translate(CTX, "From %1"), chapter.source_ref))
        if chapter.excluded:
            # In addition to the word and the checkbox: excluded rows read as set aside.
            item.setForeground(
                QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
    return items
