"""The clean-up proposals as a tree: one row per rule ("accept all of this rule", a
tri-state checkbox), under it one row per change (before → after, its chapter)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from soundclone_desktop.core.book.cleanup import ALL_RULES, CleanupRule
from soundclone_desktop.i18n import translate

from .session import ReviewSession
from .texts import fill, rule_text, visible

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"

CHANGE, CONTEXT, CHAPTER = range(3)
_CONTEXT_CHARS = 12  # either side of a change: enough to judge it
AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of a rule row; a change row carries its rule row + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # the change's index in Review.changes


class CleanupModel(QAbstractItemModel):
    """Rows only change when a new manuscript is loaded; ticks change with the state."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self._rules: list[CleanupRule] = []
        self._numbers: list[list[int]] = []  # per rule row: change numbers
        self._chapter_of: dict[int, int] = {}
        session.started.connect(self._restart)
        session.changed.connect(self._refresh)

    def _restart(self) -> None:
        self.beginResetModel()
        review = self.session.review
        self._rules, self._numbers = [], []
        if review is not None:
            for rule in ALL_RULES:
                numbers = review.rule_numbers(rule)
                if numbers:
                    self._rules.append(rule)
                    self._numbers.append(numbers)
        self._map_chapters()
        self.endResetModel()

    def _refresh(self) -> None:
        self._map_chapters()
        if not self._rules:
            return
        last = self.index(len(self._rules) - 1, CHAPTER)
        self.dataChanged.emit(self.index(0, 0), last)
        for row, numbers in enumerate(self._numbers):
            parent = self.index(row, 0)
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(numbers) - 1, CHAPTER, parent)
            )

    def _map_chapters(self) -> None:
        self._chapter_of = {}
        if self.session.loaded:
            for chapter, numbers in enumerate(self.session.state.chapter_changes):
                self._chapter_of.update(dict.fromkeys(numbers, chapter))

    def total(self) -> int:
        return sum(len(numbers) for numbers in self._numbers)

    def number(self, index: AnyIndex) -> int | None:
        """The change a row shows (None for a rule row)."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._numbers[index.internalId() - 1][index.row()]

    # -- structure ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if parent.isValid():
            return self.createIndex(row, column, parent.row() + 1)
        return self.createIndex(row, column, _TOP)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rules)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._numbers[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate(CTX, "Change"),
            translate(CTX, "In the original"),
            translate(CTX, "Chapter"),
        )[section]

    # -- data ---------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.session.loaded:
            return None
        number = self.number(index)
        if number is None:
            return self._rule_data(index, role)
        review, state = self.session.review, self.session.state
        assert review is not None
        change = review.changes[number]
        chapter = self._chapter_of.get(number)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == CHANGE:
                return f"{visible(change.before)}  →  {visible(change.after)}"
            if index.column() == CONTEXT:
                base = review.base
                left = base[max(0, change.offset - _CONTEXT_CHARS) : change.offset]
                right = base[change.end : change.end + _CONTEXT_CHARS]
                shown = [visible(part) if part else "" for part in (left, change.before, right)]
                return f"…{shown[0]} ⟦{shown[1]}⟧ {shown[2]}…"
            if chapter is None:
                return "—"
            return state.manuscript.chapters[chapter].title
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == CHANGE:
            accepted = number in state.accepted and chapter is not None
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and chapter is None:
            return translate(CTX, "This change now crosses two chapters and cannot be applied.")
        if role == NUMBER_ROLE:
            return number
        return None

    def _rule_data(self, index: AnyIndex, role: int) -> Any:
        numbers = self._numbers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == CHANGE:
            return fill(
                translate(CTX, "%1 (%2)"), rule_text(self._rules[index.row()]), len(numbers)
            )
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == CHANGE:
            accepted = self.session.state.accepted
            count = sum(1 for number in numbers if number in accepted)
            if count == 0:
                return Qt.CheckState.Unchecked
            return (
                Qt.CheckState.Checked if count == len(numbers) else Qt.CheckState.PartiallyChecked
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate(
                CTX, "Tick to accept every change of this kind, untick to keep the text as it was."
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        number = self.number(index)
        if number is not None and number not in self._chapter_of:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHANGE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        review = self.session.review
        if role != Qt.ItemDataRole.CheckStateRole or review is None or not index.isValid():
            return False
        accept = Qt.CheckState(value) == Qt.CheckState.Checked
        number = self.number(index)
        numbers = self._numbers[index.row()] if number is None else [number]
        self.session.apply(review.set_accepted(self.session.state, numbers, accept))
        return True
