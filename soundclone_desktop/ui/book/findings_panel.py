"""Review › Findings…: the chapter's findings as a list, one row per finding (sentence, kind,
time, what was found) with ▶ Listen (the sentence's span of the chapter audio) and Redo (the
redo question, with its cost, Cancel the default). Double-click or Enter on a row selects the
sentence in the text and seeks there. Not modal: the list follows the chapter in the editor
and stays beside the text while the user listens and edits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.findings_text import detail_text, kind_text, seconds_text

if TYPE_CHECKING:
    from soundclone_desktop.ui.book.findings_layer import ChapterFindings, ShownFinding

CTX = "BookFindings"
SENTENCE, KIND, AT, DETAIL, LISTEN, REDO = range(6)
WIDTH: Final = 760  # every column readable, and the text beside it at 1366×768
HEIGHT: Final = 320


class _Table(QTableWidget):
    """Enter on a row does what a double-click does (the row's buttons take Space)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.cellDoubleClicked.emit(self.currentRow(), self.currentColumn())
            return
        super().keyPressEvent(event)


class FindingsDialog(QDialog):
    def __init__(self, findings: ChapterFindings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chapterFindingsDialog")
        self.findings = findings
        self.rows: list[ShownFinding] = []
        self.setWindowTitle(translate(CTX, "Findings"))
        self.note = QLabel()
        self.note.setObjectName("findingsNote")
        self.note.setWordWrap(True)
        self.table = _Table(0, 6)
        self.table.setObjectName("findingsTable")
        self.table.setAccessibleName(translate(CTX, "Findings of the automatic checks"))
        self.table.setHorizontalHeaderLabels(
            [
                translate(CTX, "Sentence"),
                translate(CTX, "Kind"),
                translate(CTX, "At"),
                translate(CTX, "What was found"),
                translate(CTX, "Listen"),
                translate(CTX, "Redo"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab walks each row's ▶ Listen and Redo
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._go(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(WIDTH, HEIGHT)
        findings.changed.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        findings = self.findings
        rows = findings.visible()
        if rows and rows == self.rows:
            return  # the same list: keep the rows, the focus and the selection
        self.rows = rows
        if findings.task is not None and not findings.task.done() and not self.rows:
            self.note.setText(translate(CTX, "Checking the chapter's takes…"))
        elif not self.rows:
            self.note.setText(
                translate(CTX, "Nothing found in the rendered parts of this chapter.")
            )
        else:
            self.note.setText(
                translate(
                    CTX,
                    "Findings: %1. Double-click a row (or press Enter) to go to its sentence.",
                ).replace("%1", str(len(self.rows)))
            )
        table = self.table
        table.setRowCount(len(self.rows))
        for row, shown in enumerate(self.rows):
            at = seconds_text(shown.at_ms / 1000.0) if shown.at_ms is not None else "—"
            cells = [str(shown.number), kind_text(shown.finding.kind), at,
                     detail_text(shown.finding)]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(shown.text())
                table.setItem(row, column, item)
            table.setCellWidget(row, LISTEN, self._button(
                translate(CTX, "▶ Listen"), f"listenFinding{row}",
                translate(CTX, "Listen to sentence %1").replace("%1", str(shown.number)),
                shown.begin_ms is not None, partial(findings.listen, shown),
            ))  # fmt: skip
            table.setCellWidget(row, REDO, self._button(
                translate(CTX, "Redo…"), f"redoFinding{row}",
                translate(CTX, "Redo sentence %1").replace("%1", str(shown.number)),
                True, partial(findings.redo, shown),
            ))  # fmt: skip
        if self.rows and table.currentRow() < 0:
            table.setCurrentCell(0, SENTENCE)
        self._tab_order()

    def _tab_order(self) -> None:
        """The list, then each row's buttons in reading order, then Close (the buttons are
        made after Close, so they would otherwise come last)."""
        chain: list[QWidget] = [self.table]
        for row in range(self.table.rowCount()):
            for column in (LISTEN, REDO):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    chain.append(widget)
        chain.append(self.close_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _button(
        self, text: str, name: str, spoken: str, enabled: bool, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(spoken)
        button.setToolTip(spoken)
        button.setEnabled(enabled)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _go(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.findings.select(self.rows[row])
