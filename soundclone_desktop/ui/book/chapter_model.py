"""The navigator's chapter list: one row per chapter, texts computed when painted.

Rows are :class:`~soundclone_desktop.core.book.overview.ChapterOverview` values computed off
the GUI thread; render progress snapshots overlay the rows they name. The model changes
nothing itself: a rename, an exclusion or a move is asked for by a signal, and the
controller writes it to the book (a move is shown at once, as drags must).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from soundclone_desktop.core.book.overview import ChapterOverview, ChapterState
from soundclone_desktop.core.book.progress import ChapterProgress
from soundclone_desktop.core.pricing import format_money
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book import texts
from soundclone_desktop.ui.common.money import currency_name
from soundclone_desktop.ui.tasks.task_list import duration_text

CTX = "BookView"
COL_NUMBER, COL_TITLE, COL_STATUS, COL_DURATION, COL_COST, COL_PLAY = range(6)
COLUMNS = 6
MIME = "application/x-soundclone-chapter-row"
Index = QModelIndex | QPersistentModelIndex

_ICONS: Mapping[ChapterState, QStyle.StandardPixmap] = {
    ChapterState.RENDERED: QStyle.StandardPixmap.SP_DialogApplyButton,
    ChapterState.PARTLY_RENDERED: QStyle.StandardPixmap.SP_FileDialogInfoView,
    ChapterState.RENDERING: QStyle.StandardPixmap.SP_BrowserReload,
    ChapterState.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    ChapterState.STALE: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ChapterState.EXCLUDED: QStyle.StandardPixmap.SP_DialogCancelButton,
}


def state_icon(state: ChapterState) -> QIcon:
    pixmap = _ICONS.get(state)
    style = QApplication.style()
    return style.standardIcon(pixmap) if pixmap is not None else QIcon()


class ChapterModel(QAbstractTableModel):
    """``rename_requested(id, title)``, ``exclude_requested(id, excluded)``,
    ``order_changed(ids)`` after a move."""

    rename_requested = Signal(str, str)
    exclude_requested = Signal(str, bool)
    order_changed = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChapterOverview] = []
        self._progress: dict[str, ChapterProgress] = {}
        self.currency = ""

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate(CTX, "No."),
            translate(CTX, "Title"),
            translate(CTX, "Status"),
            translate(CTX, "Duration"),
            translate(CTX, "Cost (%1)").replace("%1", currency_name(self.currency)),
            translate(CTX, "Play"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == COL_TITLE:
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_NUMBER:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(line, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_NUMBER:
            excluded = line.state is ChapterState.EXCLUDED
            return Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STATUS:
            progress = self._progress.get(line.chapter_id)
            busy = progress is not None and not progress.finished
            return state_icon(ChapterState.RENDERING if busy else line.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DURATION, COL_COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_NUMBER:
            return self._tooltip(line, column)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._rows):
            return False
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_TITLE:
            title = str(value).strip()
            if not title or title == line.title:
                return False
            self._rows[index.row()] = dataclasses.replace(line, title=title)
            self.dataChanged.emit(index, index)
            self.rename_requested.emit(line.chapter_id, title)
            return True
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_NUMBER:
            excluded = Qt.CheckState(value) != Qt.CheckState.Checked
            self.exclude_requested.emit(line.chapter_id, excluded)
            return True
        return False

    # -- drag to reorder: the row moves in place (never copied, never removed) --------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        rows = [int(r) for r in raw.split(",") if r]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self._rows)
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), target)
        # False: the view must not also remove the "moved" source row (it has moved here).
        return False

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination: int,
    ) -> bool:
        """Move rows in reading order; ``destination`` is the row they go before."""
        last = source_row + count - 1
        if count < 1 or source_row < 0 or last >= len(self._rows):
            return False
        if source_row <= destination <= last + 1:
            return False  # onto itself
        if not self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination):
            return False
        moving = self._rows[source_row : last + 1]
        rest = self._rows[:source_row] + self._rows[last + 1 :]
        at = destination if destination < source_row else destination - count
        self._rows = rest[:at] + moving + rest[at:]
        self._renumber()
        self.endMoveRows()
        self.order_changed.emit([line.chapter_id for line in self._rows])
        return True

    # -- the controller's side ----------------------------------------------------------------

    def set_lines(self, lines: Sequence[ChapterOverview], currency: str) -> None:
        """New figures: rows update in place when the chapters are the same, else reset."""
        if currency != self.currency:
            self.currency = currency
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_COST, COL_COST)
        same = [line.chapter_id for line in lines] == [r.chapter_id for r in self._rows]
        if same and self._rows:
            # Only the rows whose figures changed are repainted (a render changes a few).
            before, self._rows = self._rows, list(lines)
            for row, (old, new) in enumerate(zip(before, self._rows, strict=True)):
                if old != new:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = list(lines)
        self.endResetModel()

    def set_progress(self, progress: Mapping[str, ChapterProgress], currency: str) -> None:
        """A render's snapshot (many a second): only the rows whose progress changed are
        repainted, as every repaint re-measures the columns sized to their contents."""
        before, self._progress = self._progress, dict(progress)
        if currency:
            self.currency = currency
        for row, line in enumerate(self._rows):
            if before.get(line.chapter_id) != self._progress.get(line.chapter_id):
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def line(self, row: int) -> ChapterOverview | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def lines(self) -> list[ChapterOverview]:
        return list(self._rows)

    def row_of(self, chapter_id: str) -> int | None:
        for row, line in enumerate(self._rows):
            if line.chapter_id == chapter_id:
                return row
        return None

    # -- texts ------------------------------------------------------------------------------

    def _display(self, line: ChapterOverview, column: int, *, edit: bool) -> Any:
        progress = self._progress.get(line.chapter_id)
        if column == COL_NUMBER:
            return str(line.number)
        if column == COL_TITLE:
            return line.title
        if column == COL_STATUS:
            return texts.state_text(line, progress)
        if column == COL_DURATION:
            seconds = progress.audio_seconds if progress is not None else line.duration
            return duration_text(seconds) if seconds else "—"
        if column == COL_COST:  # the currency is in the header: the column stays narrow
            total = format_money(line.cost.cost, "")
            if progress is not None:
                spent = format_money(progress.spent, "")
                return translate(CTX, "%1 of %2").replace("%1", spent).replace("%2", total)
            return total
        if column == COL_PLAY:
            return ""  # the play button sits here (the navigator puts it in)
        return None

    def _tooltip(self, line: ChapterOverview, column: int) -> str | None:
        progress = self._progress.get(line.chapter_id)
        if column == COL_NUMBER:
            if line.state is ChapterState.EXCLUDED:
                return translate(CTX, "Excluded from the book: tick to include it")
            return translate(CTX, "Included in the book: untick to exclude it")
        if column == COL_STATUS:
            if progress is not None:
                return texts.chapter_progress_tooltip(progress, self.currency)
            return texts.state_tooltip(line)
        if column == COL_COST:
            return (
                translate(CTX, "%1 characters in %2 tasks; already paid %3")
                .replace("%1", texts.number(line.cost.billable_chars))
                .replace("%2", texts.number(line.cost.tasks))
                .replace("%3", texts.money(line.paid, self.currency))
            )
        if column == COL_TITLE:  # the whole title, which a narrow column cuts
            hint = translate(CTX, "Double-click or press F2 to rename")
            return f"{line.title}\n{hint}"
        return None

    def _renumber(self) -> None:
        self._rows = [dataclasses.replace(r, number=i + 1) for i, r in enumerate(self._rows)]
