"""The history panel's widgets: search box, table, count line and the action buttons.

It shows and asks; :mod:`.controller` does the work. Actions enable for the selected row
(Play needs audio, Delete a finished task); the two recovery actions appear only for a
task whose outcome is unknown.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.jobs import JobKind, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.library import TaskRecord
from soundclone_desktop.ui.history.model import (
    COL_COST,
    COL_DATE,
    COL_DURATION,
    COL_SCRIPT,
    COL_STATUS,
    COL_VOICE,
    HistoryModel,
)

CTX = "HistoryPanel"
_ROW_HEIGHT_PADDING = 8
_CELL_PADDING = 10  # each side of a cell's text


class HistoryPanel(QWidget):
    """``search_changed(text)`` on every keystroke (the controller debounces)."""

    search_changed = Signal(str)

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.model = model

        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName(translate(CTX, "Search the history"))
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate(CTX, "Search scripts, task IDs and voices"))
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCountLabel")

        self.view = QTableView()
        self.view.setObjectName("historyView")
        self.view.setModel(model)
        self.view.setAccessibleName(translate(CTX, "Task history"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        rows = self.view.verticalHeader()
        rows.hide()
        # Fixed row heights: the view never measures 10,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + _ROW_HEIGHT_PADDING)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SCRIPT, QHeaderView.ResizeMode.Stretch)
        widths = {COL_DATE: 130, COL_VOICE: 120, COL_DURATION: 70, COL_STATUS: 200, COL_COST: 110}
        widths[COL_STATUS] = max(widths[COL_STATUS], _unknown_status_width(self.view))
        for column, width in widths.items():
            header.resizeSection(column, width)

        self.play_action = self._action("historyPlayAction", translate(CTX, "Play"))
        self.use_action = self._action("historyUseAction", translate(CTX, "Use these settings"))
        self.use_action.setToolTip(
            translate(CTX, "Load this task's script, voice and parameters into the editor")
        )
        self.export_action = self._action("historyExportAction", translate(CTX, "Export…"))
        self.export_action.setToolTip(translate(CTX, "Save a copy of the audio"))
        self.lookup_action = self._action(
            "historyLookupAction", translate(CTX, "Look up by task ID…")
        )
        self.lookup_action.setToolTip(
            translate(
                CTX,
                "Found this task on the website? Enter its task ID and the app follows it "
                "and downloads the result.",
            )
        )
        self.resubmit_action = self._action("historyResubmitAction", translate(CTX, "Resubmit…"))
        self.resubmit_action.setToolTip(
            translate(CTX, "Send this script again as a new task (shows the cost first)")
        )
        self.delete_action = self._action("historyDeleteAction", translate(CTX, "Delete…"))
        # A tool bar, not a row of buttons: when the dock is narrow the rest goes into its
        # overflow menu instead of forcing the whole window wider.
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("historyToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.actions_in_order():
            self.toolbar.addAction(action)

        # Keys while the table has focus: Enter plays, Delete asks to delete.
        self._key(QKeySequence(Qt.Key.Key_Return), self.play_action)
        self._key(QKeySequence(Qt.Key.Key_Enter), self.play_action)
        self._key(QKeySequence(QKeySequence.StandardKey.Delete), self.delete_action)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.toolbar)

        self._menu: QMenu | None = None
        self.search.textChanged.connect(self.search_changed)
        self.view.selectionModel().selectionChanged.connect(self.update_actions)
        model.modelReset.connect(self.update_actions)
        model.dataChanged.connect(self.update_actions)
        model.rowsRemoved.connect(self.update_actions)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.update_actions()

    def _action(self, name: str, text: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        return action

    def _key(self, keys: QKeySequence, target: QAction) -> None:
        shortcut = QAction(self.view)
        shortcut.setShortcut(keys)
        shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.triggered.connect(lambda: _trigger_if_enabled(target))
        self.view.addAction(shortcut)

    def actions_in_order(self) -> tuple[QAction, ...]:
        return (
            self.play_action,
            self.use_action,
            self.export_action,
            self.lookup_action,
            self.resubmit_action,
            self.delete_action,
        )

    # -- selection --------------------------------------------------------------------------

    def selected(self) -> TaskRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select_local_id(self, local_id: str) -> bool:
        row = self.model.row_of(local_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def update_actions(self, *_args: object) -> None:
        record = self.selected()
        has_audio = record is not None and record.audio_path is not None
        self.play_action.setEnabled(has_audio)
        self.export_action.setEnabled(has_audio)
        self.use_action.setEnabled(record is not None and bool(record.text or record.params))
        finished = record is not None and record.state.is_terminal
        self.delete_action.setEnabled(finished)
        self.delete_action.setToolTip(
            translate(CTX, "Remove this task and its files from this computer")
            if finished or record is None
            else translate(CTX, "A task still in progress cannot be deleted")
        )
        unknown = record is not None and record.state is JobState.OUTCOME_UNKNOWN
        self.lookup_action.setVisible(unknown)
        self.resubmit_action.setVisible(unknown)
        self.resubmit_action.setEnabled(
            record is not None and unknown and record.kind is JobKind.AUDIO
        )

    def set_count(self, shown: int, searching: bool) -> None:
        if searching:
            text = translate(CTX, "Matches: %n", None, shown)
        else:
            text = translate(CTX, "Tasks: %n", None, shown)
        self.count_label.setText(text)

    def set_loading(self) -> None:
        self.count_label.setText(translate(CTX, "Loading…"))

    # -- context menu -------------------------------------------------------------------------

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.setObjectName("historyMenu")
        for action in self.actions_in_order():
            if action.isVisible():
                menu.addAction(action)
        self._menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))  # popup: no nested event loop


def _unknown_status_width(view: QTableView) -> int:
    """Room for "⚠ Outcome unknown: …" in bold: the one status that must be read in full."""
    bold = QFont(view.font())
    bold.setBold(True)
    text = translate("HistoryModel", "⚠ Outcome unknown: check your account")  # status_text()
    return QFontMetrics(bold).horizontalAdvance(text) + 2 * _CELL_PADDING


def _trigger_if_enabled(action: QAction) -> None:
    if action.isEnabled():
        action.trigger()
