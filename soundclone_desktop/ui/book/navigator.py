"""The navigator dock's contents: the chapter list with its estimate line and render row.

Widgets only: the controller fills them and listens to their signals. With no book open the
dock shows how to start one (the single-script studio goes on as before underneath).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.overview import ChapterState
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.chapter_model import (
    COL_COST,
    COL_DURATION,
    COL_NUMBER,
    COL_PLAY,
    COL_STATUS,
    COL_TITLE,
    ChapterModel,
)
from soundclone_desktop.ui.book.column_widths import ColumnFitter
from soundclone_desktop.ui.player.icons import Glyph, media_icon

CTX = "BookView"
FITTED = (COL_NUMBER, COL_STATUS, COL_DURATION, COL_COST, COL_PLAY)  # the rest: the title
FIT_DELAY_MS = 50  # a burst of row changes (a render's snapshots) is fitted once


class ChapterTable(QTableView):
    """Rows dragged to reorder, titles renamed in place (F2 or double-click)."""

    def __init__(self, model: ChapterModel) -> None:
        super().__init__()
        self.setObjectName("chapterTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the buttons under it
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(28)
        for column in FITTED:  # sized from a sample of rows (column_widths), not every row
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.setAccessibleName(translate(CTX, "Chapters"))


class NavigatorWidget(QWidget):
    """``play_requested(chapter id)``; the rest is read by the controller."""

    play_requested = Signal(str)

    def __init__(
        self,
        model: ChapterModel,
        *,
        new_action: QAction,
        open_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookNavigatorWidget")
        self.model = model
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page(new_action, open_action))
        self.stack.addWidget(self._book_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self._fitter = ColumnFitter(self.table, FITTED)
        self._play_icon: QIcon | None = None  # drawn once per palette, shared by the rows
        # Columns are fitted once per burst of changes (a render changes rows many times).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._fit_columns)
        model.modelReset.connect(self._place_play_buttons)
        model.dataChanged.connect(lambda *_: self._place_play_buttons())
        model.rowsMoved.connect(lambda *_: self._place_play_buttons())
        for signal in (model.modelReset, model.dataChanged, model.headerDataChanged):
            signal.connect(lambda *_: self._fit_timer.start())

    # -- building ---------------------------------------------------------------------------

    def _empty_page(self, new_action: QAction, open_action: QAction) -> QWidget:
        page = QWidget()
        note = QLabel(
            translate(
                CTX,
                "No book is open: the editor holds a single script. Start a book to work "
                "chapter by chapter.",
            )
        )
        note.setObjectName("noBookLabel")
        note.setWordWrap(True)
        buttons = []
        for action, name in ((new_action, "newBookButton"), (open_action, "openBookButton")):
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.append(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        for button in buttons:
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _book_page(self) -> QWidget:
        page = QWidget()
        self.title_label = QLabel()
        self.title_label.setObjectName("bookTitleLabel")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)

        self.settings_button = QPushButton(translate(CTX, "Book settings…"))
        self.settings_button.setObjectName("bookSettingsButton")
        self.properties_button = QPushButton(translate(CTX, "Chapter…"))
        self.properties_button.setObjectName("chapterPropertiesButton")
        self.properties_button.setToolTip(
            translate(CTX, "The selected chapter's voice and parameters")
        )
        tools = QHBoxLayout()
        tools.addWidget(self.settings_button)
        tools.addWidget(self.properties_button)
        tools.addStretch(1)

        self.table = ChapterTable(self.model)
        self.estimate_label = QLabel()
        self.estimate_label.setObjectName("bookEstimateLabel")
        self.estimate_label.setWordWrap(True)
        self.estimate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.render_book_button = QPushButton(translate(CTX, "Render book"))
        self.render_book_button.setObjectName("renderBookButton")
        self.render_selected_button = QPushButton(translate(CTX, "Render selected"))
        self.render_selected_button.setObjectName("renderSelectedButton")
        self.render_selected_button.setToolTip(translate(CTX, "Render the selected chapters"))
        self.pause_button = QPushButton(translate(CTX, "Pause"))
        self.pause_button.setObjectName("pauseRenderButton")
        self.pause_button.setCheckable(True)
        render_row = QHBoxLayout()
        for button in (self.render_book_button, self.render_selected_button, self.pause_button):
            render_row.addWidget(button)
        render_row.addStretch(1)
        self.render_note = QLabel()
        self.render_note.setObjectName("renderUnavailableLabel")
        self.render_note.setWordWrap(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("renderProgressLabel")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.estimate_label)
        layout.addLayout(render_row)
        layout.addWidget(self.render_note)
        layout.addWidget(self.progress_label)
        return page

    # -- showing ----------------------------------------------------------------------------

    def show_book(self, title: str | None) -> None:
        """The chapter list for ``title``, or the empty page (``None``)."""
        self.stack.setCurrentIndex(0 if title is None else 1)
        self.title_label.setText(title or "")

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [line.chapter_id for r in rows if (line := self.model.line(r)) is not None]

    def current_id(self) -> str | None:
        line = self.model.line(self.table.currentIndex().row())
        return line.chapter_id if line is not None else None

    def select_chapter(self, chapter_id: str) -> None:
        row = self.model.row_of(chapter_id)
        if row is None:
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, COL_NUMBER), flags)

    def set_render_state(self, reason: str | None, *, paused: bool) -> None:
        """Buttons enabled when rendering can start; else disabled with the reason shown."""
        for button in (self.render_book_button, self.render_selected_button, self.pause_button):
            button.setEnabled(reason is None)
            button.setToolTip(reason or button.toolTip())
        self.render_note.setText(reason or "")
        self.render_note.setVisible(reason is not None)
        self.pause_button.setChecked(paused)
        self.pause_button.setText(translate(CTX, "Resume") if paused else translate(CTX, "Pause"))

    def _place_play_buttons(self) -> None:
        model = self.model
        for row in range(model.rowCount()):
            line = model.line(row)
            index = model.index(row, COL_PLAY)
            playable = line is not None and line.first_audio is not None
            playable = playable and line is not None and line.state is not ChapterState.EXCLUDED
            existing = self.table.indexWidget(index)
            if not playable:
                if existing is not None:
                    self.table.setIndexWidget(index, QWidget())
                continue
            assert line is not None
            if (
                isinstance(existing, QToolButton)
                and existing.property("chapter") == line.chapter_id
            ):
                continue
            self.table.setIndexWidget(index, self._play_button(line.chapter_id, line.title))

    def _play_button(self, chapter_id: str, title: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("playChapterButton")
        button.setProperty("chapter", chapter_id)
        # Drawn in the palette's text colour: Fusion's own triangle is black on a dark theme.
        button.setIcon(self._icon())
        button.setAutoRaise(True)
        text = translate(CTX, "Play “%1”").replace("%1", title)
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.clicked.connect(lambda: self.play_requested.emit(chapter_id))
        return button

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._play_icon = None
            icon = self._icon()
            for button in self.table.findChildren(QToolButton, "playChapterButton"):
                button.setIcon(icon)

    def _icon(self) -> QIcon:
        if self._play_icon is None:
            ratio = self.devicePixelRatioF()
            self._play_icon = media_icon(Glyph.PLAY, self.palette(), device_pixel_ratio=ratio)
        return self._play_icon

    def _fit_columns(self) -> None:
        button = next(iter(self.table.findChildren(QToolButton, "playChapterButton")), None)
        at_least = {COL_PLAY: button.sizeHint().width() + 1} if button is not None else {}
        self._fitter.fit(at_least)

    def index_of(self, chapter_id: str) -> QModelIndex:
        row = self.model.row_of(chapter_id)
        return self.model.index(row, COL_TITLE) if row is not None else QModelIndex()
