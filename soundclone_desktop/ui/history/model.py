"""The history table's model: task library records as rows, texts computed only when shown.

Sorting and filtering happen in the library (SQL, on a worker thread); this model holds the
result list and answers ``data()`` for the rows the view paints, so 10,000 rows cost a list
and an index, not 60,000 precomputed strings. ``sort()`` only asks for a new query
(``sort_requested``). Live updates change single rows in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication

from soundclone_desktop.core.jobs import JobKind, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.library import SortKey, TaskRecord
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.tasks.job_text import job_sentence
from soundclone_desktop.ui.tasks.task_list import duration_text, state_text
from soundclone_desktop.ui.theme.colours import colours_for

CTX = "HistoryModel"

COL_DATE, COL_VOICE, COL_SCRIPT, COL_DURATION, COL_STATUS, COL_COST = range(6)
COLUMN_SORT = (
    SortKey.CREATED,
    SortKey.VOICE,
    SortKey.TEXT,
    SortKey.DURATION,
    SortKey.STATE,
    SortKey.COST,
)
LOCAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXCERPT_LENGTH = 60
_SHORT_ID = 12  # voice ids longer than this are shown as "abcdef…wxyz"

Index = QModelIndex | QPersistentModelIndex


def short_id(value: str) -> str:
    return value if len(value) <= _SHORT_ID else f"{value[:6]}…{value[-4:]}"


def status_text(record: TaskRecord) -> str:
    """The state in words; an unknown outcome is marked so it stands out in a long list."""
    if record.state is JobState.OUTCOME_UNKNOWN:
        return translate(CTX, "⚠ Outcome unknown: check your account")
    return state_text(record.state)


def status_tooltip(record: TaskRecord) -> str:
    parts = [status_text(record)]
    if record.state is JobState.OUTCOME_UNKNOWN:
        parts.append(
            translate(
                CTX,
                "The app stopped before the server answered, so this task may or may not "
                "have been created (and charged). Find it in the task list on the website: "
                "look it up here by its task ID, or send it again.",
            )
        )
    elif record.error:
        parts.append(job_sentence(record.error) or record.error)
    if record.task_id:
        parts.append(translate(CTX, "Task ID: %1").replace("%1", record.task_id))
    if record.demo:
        parts.append(translate(CTX, "Sent to the built-in demo server (no real charge)."))
    return "\n".join(parts)


def date_text(created_at: float) -> str:
    moment = QDateTime.fromMSecsSinceEpoch(round(created_at * 1000))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def cost_text(estimate: Decimal | None, currency: str | None) -> str:
    return "" if estimate is None else money_text(estimate, currency or "")


def matches(record: TaskRecord, needle: str) -> bool:
    """The library's search rule (case-folded substring of text, task id or voice id)."""
    needle = needle.strip().casefold()
    if not needle:
        return True
    return any(
        needle in value.casefold()
        for value in (record.text, record.task_id or "", record.voice_id or "")
    )


def _sort_value(record: TaskRecord, key: SortKey) -> tuple[bool, Any]:
    """A comparable value per key; the bool puts missing values last (as the library does)."""
    value: Any
    if key is SortKey.CREATED:
        value = record.created_at
    elif key is SortKey.VOICE:
        value = (record.voice_id or "").casefold() or None
    elif key is SortKey.TEXT:
        value = record.text.casefold()
    elif key is SortKey.DURATION:
        value = record.duration
    elif key is SortKey.STATE:
        value = list(JobState).index(record.state)
    else:
        value = record.estimate
    return (value is None, value)


class HistoryModel(QAbstractTableModel):
    """Rows of :class:`TaskRecord`; ``sort_requested(SortKey, descending)`` asks for a query."""

    sort_requested = Signal(object, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskRecord] = []
        self._index: dict[str, int] = {}
        self._voice_names: dict[str, str] = {}
        self.sort_key = SortKey.CREATED
        self.descending = True
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_SORT)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate(CTX, "Date"),
            translate(CTX, "Voice"),
            translate(CTX, "Script"),
            translate(CTX, "Duration"),
            translate(CTX, "Status"),
            translate(CTX, "Estimated cost"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == LOCAL_ID_ROLE:
            return record.local_id
        if column == COL_STATUS and record.state in (JobState.OUTCOME_UNKNOWN, JobState.FAILED):
            if role == Qt.ItemDataRole.ForegroundRole:
                unknown = record.state is JobState.OUTCOME_UNKNOWN
                colours = colours_for(QGuiApplication.palette())
                return colours.warning_text if unknown else colours.error_text
            if role == Qt.ItemDataRole.FontRole and record.state is JobState.OUTCOME_UNKNOWN:
                return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DURATION, COL_COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_SORT):
            return
        self.sort_key = COLUMN_SORT[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sort_requested.emit(self.sort_key, self.descending)

    # -- texts --------------------------------------------------------------------------------

    def voice_text(self, record: TaskRecord) -> str:
        if not record.voice_id:
            return ""
        return self._voice_names.get(record.voice_id) or short_id(record.voice_id)

    def _display(self, record: TaskRecord, column: int) -> str:
        if column == COL_DATE:
            return date_text(record.created_at)
        if column == COL_VOICE:
            return self.voice_text(record)
        if column == COL_SCRIPT:
            excerpt = record.excerpt(EXCERPT_LENGTH)
            if record.kind is JobKind.PREVIEW:
                return translate(CTX, "Voice preview: %1").replace("%1", excerpt)
            return excerpt
        if column == COL_DURATION:
            return "" if record.duration is None else duration_text(record.duration)
        if column == COL_STATUS:
            return status_text(record)
        return cost_text(record.estimate, record.currency)

    def _tooltip(self, record: TaskRecord, column: int) -> str | None:
        if column == COL_SCRIPT:
            return record.text[:600] or None
        if column == COL_STATUS:
            return status_tooltip(record)
        if column == COL_VOICE:
            return record.voice_id
        return None

    # -- rows -------------------------------------------------------------------------------

    def set_records(self, records: Sequence[TaskRecord]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._index = {record.local_id: row for row, record in enumerate(self._rows)}
        self.endResetModel()

    def append_records(self, records: Sequence[TaskRecord]) -> None:
        """Add rows at the end (the rest of a paged query); rows already shown are skipped."""
        fresh = [r for r in records if r.local_id not in self._index]
        if not fresh:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        self._reindex(start)
        self.endInsertRows()

    def records(self) -> list[TaskRecord]:
        return list(self._rows)

    def record_at(self, row: int) -> TaskRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, local_id: str) -> int | None:
        return self._index.get(local_id)

    def upsert(self, record: TaskRecord, *, visible: bool) -> None:
        """Show ``record``'s new state: update its row, insert it in order, or drop it
        (``visible`` False: it no longer matches the search)."""
        row = self._index.get(record.local_id)
        if row is not None and not visible:
            self.remove(record.local_id)
        elif row is not None:
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMN_SORT) - 1))
        elif visible:
            row = self._insert_position(record)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, record)
            self._reindex(row)
            self.endInsertRows()

    def remove(self, local_id: str) -> None:
        row = self._index.get(local_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._index[local_id]
        self._reindex(row)
        self.endRemoveRows()

    def set_voice_names(self, names: Mapping[str, str]) -> None:
        self._voice_names = dict(names)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_VOICE),
                self.index(len(self._rows) - 1, COL_VOICE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def _reindex(self, start: int) -> None:
        for row in range(start, len(self._rows)):
            self._index[self._rows[row].local_id] = row

    def _insert_position(self, record: TaskRecord) -> int:
        key = _sort_value(record, self.sort_key)
        for row, other in enumerate(self._rows):
            theirs = _sort_value(other, self.sort_key)
            if theirs[0] != key[0]:  # missing values last in both directions
                if theirs[0]:
                    return row
                continue
            if key[0]:
                continue
            before = key[1] > theirs[1] if self.descending else key[1] < theirs[1]
            if before:
                return row
        return len(self._rows)
