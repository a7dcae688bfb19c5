"""The task list: every submitted job with its status, timing, cost and errors in plain words.

It only displays jobs and asks for actions through signals (cancel waiting, play, show the
file); the window decides what those mean. A one-second timer keeps the elapsed and
"expected in ~N s" texts current while jobs are active.

Hundreds of rows update several times a second while tasks run, so a row update must not
touch the other rows: the narrow columns have fixed widths that only grow when a new text
needs more room (``ResizeToContents`` measures every row on every ``setText``), and a cell
is only written when its text changed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.core.script import excerpt as script_excerpt
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.tasks.job_text import job_sentence
from soundclone_desktop.ui.theme.colours import colours_for

CTX = "TaskList"

COL_TEXT, COL_STATUS, COL_TIME, COL_COST = range(4)
_EXCERPT = 48
_ADVANCES_KEPT = 4096  # measured texts remembered (a long session makes many clock texts)
_MAX_COLUMN_CHARS = 40  # a long status grows its column up to this; the tooltip has the rest


def state_text(state: JobState) -> str:
    """The word a user sees for a job state."""
    words = {
        JobState.SENDING: translate(CTX, "Sending…"),
        JobState.SUBMITTED: translate(CTX, "Submitted"),
        JobState.QUEUED: translate(CTX, "Waiting in the queue"),
        JobState.PROCESSING: translate(CTX, "Generating"),
        JobState.DOWNLOADING: translate(CTX, "Downloading"),
        JobState.DOWNLOADED: translate(CTX, "Ready"),
        JobState.FAILED: translate(CTX, "Failed"),
        JobState.OUTCOME_UNKNOWN: translate(CTX, "Unknown: check your account"),
        JobState.CANCELLED: translate(CTX, "No longer waiting"),
    }
    return words[state]


def duration_text(seconds: float) -> str:
    """``0:07``, ``12:30``, ``1:02:03``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def expected_text(seconds_left: float | None) -> str:
    """``expected in ~12 s`` / ``~3 min`` / ``any moment now``; empty when unknown."""
    if seconds_left is None:
        return ""
    if seconds_left < 1:
        return translate(CTX, "any moment now")
    if seconds_left < 90:
        return translate(CTX, "expected in ~%n s", None, max(1, round(seconds_left)))
    return translate(CTX, "expected in ~%n min", None, round(seconds_left / 60))


def time_text(job: Job, now_wall: float | None = None, now_mono: float | None = None) -> str:
    now_wall = time.time() if now_wall is None else now_wall
    if job.is_done:
        finished = job.history[-1][1] if job.history else now_wall
        return translate(CTX, "took {0}").replace("{0}", duration_text(finished - job.created_at))
    elapsed = duration_text(now_wall - job.created_at)
    expected = expected_text(job.expected_in(now_mono))
    return f"{elapsed} · {expected}" if expected else elapsed


def excerpt(job: Job) -> str:
    return script_excerpt(getattr(job.params, "text", "") or "", _EXCERPT)


def _set_tooltip(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.toolTip(column) != text:
        item.setToolTip(column, text)


class TaskList(QWidget):
    """A tree of jobs (newest first) with Cancel / Play / Show-file buttons and menu."""

    cancel_requested = Signal(str)  # local_id
    play_requested = Signal(object)  # Path
    show_file_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskListPanel")
        self.tree = QTreeWidget()
        self.tree.setObjectName("taskList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                translate(CTX, "Script"),
                translate(CTX, "Status"),
                translate(CTX, "Time"),
                translate(CTX, "Cost"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (COL_STATUS, COL_TIME, COL_COST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAccessibleName(translate(CTX, "Tasks"))

        self.cancel_button = QPushButton(translate(CTX, "Stop waiting"))
        self.cancel_button.setObjectName("taskCancelButton")
        self.cancel_button.setToolTip(
            translate(
                CTX,
                "Stop following this task. The server still finishes (and charges) it; "
                "the result will not be downloaded.",
            )
        )
        self.play_button = QPushButton(translate(CTX, "Play"))
        self.play_button.setObjectName("taskPlayButton")
        self.show_button = QPushButton(translate(CTX, "Show file"))
        self.show_button.setObjectName("taskShowFileButton")
        self.show_button.setToolTip(translate(CTX, "Open the folder that holds the audio file"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self._jobs: dict[str, Job] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._costs: dict[str, str] = {}
        self._menu: QMenu | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.tree.verticalScrollBar().valueChanged.connect(lambda _value: self._tick())

        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.itemDoubleClicked.connect(lambda *_: self._play())
        self.cancel_button.clicked.connect(self._cancel)
        self.play_button.clicked.connect(self._play)
        self.show_button.clicked.connect(self._show_file)
        self._update_buttons()

    # -- data ---------------------------------------------------------------------------------

    def update_job(self, job: Job, cost: str | None = None) -> None:
        """Add ``job`` or refresh its row; ``cost`` is the estimate shown at submission."""
        item = self._items.get(job.local_id)
        if item is None:
            item = QTreeWidgetItem()
            item.setData(COL_TEXT, Qt.ItemDataRole.UserRole, job.local_id)
            self.tree.insertTopLevelItem(0, item)
            self._items[job.local_id] = item
            self.tree.setCurrentItem(item)
        self._jobs[job.local_id] = job
        if cost is not None:
            self._costs[job.local_id] = cost
        self._fill(item, job)
        if any(not j.is_done for j in self._jobs.values()):
            if not self._timer.isActive():  # restarting it would hold back every tick
                self._timer.start()
        else:
            self._timer.stop()
        self._update_buttons()

    def job(self, local_id: str) -> Job | None:
        return self._jobs.get(local_id)

    def jobs(self) -> list[Job]:
        return list(self._jobs.values())

    def active_jobs(self) -> list[Job]:
        return [job for job in self._jobs.values() if not job.is_done]

    def selected_job(self) -> Job | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self._jobs.get(item.data(COL_TEXT, Qt.ItemDataRole.UserRole))

    def _fill(self, item: QTreeWidgetItem, job: Job) -> None:
        text = getattr(job.params, "text", "") or ""
        self._set_text(item, COL_TEXT, excerpt(job))
        _set_tooltip(item, COL_TEXT, text[:600])
        status = state_text(job.state)
        detail = job.error if job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN) else None
        detail = job_sentence(detail or job.message)
        self._set_text(item, COL_STATUS, f"{status}: {detail}" if detail else status)
        _set_tooltip(item, COL_STATUS, detail or status)
        self._set_text(item, COL_TIME, time_text(job))
        self._set_text(item, COL_COST, self._costs.get(job.local_id, ""))
        failed = job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN)
        if failed != (item.data(COL_STATUS, Qt.ItemDataRole.ForegroundRole) is not None):
            self._colour_status(item, failed)

    def _colour_status(self, item: QTreeWidgetItem, failed: bool) -> None:
        # None: the palette's own text colour.
        colour = colours_for(self.palette()).error_text if failed else None
        item.setData(COL_STATUS, Qt.ItemDataRole.ForegroundRole, colour)

    def _tick(self) -> None:
        """Each second, the clock of the running tasks on screen.

        Only the rows in view: a burst of 200 tasks would otherwise rewrite and re-measure
        200 cells every second on the GUI thread. Rows scrolled into view, or the whole list
        when it is shown again, are brought up to date at once.
        """
        for item in self._rows_in_view():
            job = self._jobs.get(item.data(COL_TEXT, Qt.ItemDataRole.UserRole))
            if job is not None and not job.is_done:
                self._set_text(item, COL_TIME, time_text(job))

    def _rows_in_view(self) -> Iterator[QTreeWidgetItem]:
        if not self.tree.isVisible():
            return
        bottom = self.tree.viewport().height()
        item = self.tree.itemAt(0, 0)
        while item is not None and self.tree.visualItemRect(item).top() <= bottom:
            yield item
            item = self.tree.itemBelow(item)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick()

    # -- columns ------------------------------------------------------------------------------

    def _set_text(self, item: QTreeWidgetItem, column: int, text: str) -> None:
        """Write a cell only when it changed, widening a narrow column the text outgrows."""
        if item.text(column) == text:
            return
        item.setText(column, text)
        if column != COL_TEXT:
            self._fit(column, text)

    def _fit(self, column: int, text: str) -> None:
        # Called for every changed cell (each second for every running task): keep it cheap.
        header = self.tree.header()
        advance = self._advances.get(text)
        if advance is None:  # the clocks repeat the same few texts: measure each once
            if len(self._advances) > _ADVANCES_KEPT:
                self._advances.clear()
            advance = self._advances[text] = self._metrics.horizontalAdvance(text)
        needed = min(self._widest, advance + self._padding)
        if needed > header.sectionSize(column):
            header.resizeSection(column, needed)

    def _size_columns(self) -> None:
        """Widths for the narrow columns from typical texts in the current language."""
        self._metrics = self.tree.fontMetrics()
        self._advances: dict[str, int] = {}
        # What the item delegate adds around a text (the focus frame margins), plus air.
        margin = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                               self.tree)  # fmt: skip
        self._padding = 2 * (margin + 1) + self._metrics.averageCharWidth()
        self._widest = self._metrics.averageCharWidth() * _MAX_COLUMN_CHARS
        samples = {
            COL_STATUS: [state_text(state) for state in JobState],
            COL_TIME: [f"{duration_text(599)} · {expected_text(59)}"],
            COL_COST: [money_text(Decimal("10.55"))],
        }
        for column, texts in samples.items():
            self.tree.header().resizeSection(column, 0)
            for text in [self.tree.headerItem().text(column), *texts]:
                self._fit(column, text)

    def changeEvent(self, event: QEvent) -> None:
        kinds = (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if event.type() in kinds and hasattr(self, "_items"):  # not while being built
            self._size_columns()
            for item in self._items.values():
                for column in (COL_STATUS, COL_TIME, COL_COST):
                    self._fit(column, item.text(column))
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_items"):
            for local_id, item in self._items.items():
                job = self._jobs.get(local_id)
                if job is not None and job.state in (JobState.FAILED, JobState.OUTCOME_UNKNOWN):
                    self._colour_status(item, True)
        super().changeEvent(event)

    # -- actions ------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        job = self.selected_job()
        has_audio = job is not None and job.audio_path is not None
        self.play_button.setEnabled(has_audio)
        self.show_button.setEnabled(has_audio)
        self.cancel_button.setEnabled(job is not None and not job.is_done)

    def _cancel(self) -> None:
        job = self.selected_job()
        if job is not None and not job.is_done:
            self.cancel_requested.emit(job.local_id)

    def _play(self) -> None:
        job = self.selected_job()
        if job is not None and job.audio_path is not None:
            self.play_requested.emit(Path(job.audio_path))

    def _show_file(self) -> None:
        job = self.selected_job()
        if job is not None and job.audio_path is not None:
            self.show_file_requested.emit(Path(job.audio_path))

    def _show_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.setObjectName("taskListMenu")
        for button in (self.play_button, self.show_button, self.cancel_button):
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        # popup(), not exec(): no nested event loop while asyncio tasks are running.
        self._menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))
