"""The import review dialog's widgets and their layout: the chapter list with its buttons,
the text, clean-up and findings tabs, the heading pattern, the summary and the buttons. The
behaviour is :class:`~.dialog.ImportReviewDialog`'s, which builds on this."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.manuscript import ChapterKind
from soundclone_desktop.core.book.segment import DEFAULT_TARGET_CHARS
from soundclone_desktop.core.script import MAX_REQUEST_CHARS
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.message_bar import MessageBar

from .chapter_model import CHARACTERS, INCLUDED, KIND, TITLE, ChapterModel, header_titles
from .cleanup_model import CHANGE, CHAPTER, CONTEXT, CleanupModel
from .findings_model import FindingsModel
from .session import ReviewSession
from .texts import fill, kind_text

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"


class ReviewLayout(QDialog):
    """``_build()`` makes the widgets, as attributes, over ``session`` (set before)."""

    session: ReviewSession

    def _build(self) -> None:
        self.file_label = QLabel(translate(CTX, "Choose a manuscript to import."))
        self.file_label.setObjectName("bookImportFileLabel")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(translate(CTX, "Choose file…"))
        self.choose_button.setObjectName("bookImportChooseButton")
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)

        self.busy = QWidget()
        self.busy.setObjectName("bookImportBusy")
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy: reading has no meaningful percentage
        self.busy_bar.setMaximumWidth(220)
        self.cancel_load_button = QPushButton(translate(CTX, "Cancel"))
        self.cancel_load_button.setObjectName("cancelLoadButton")
        busy = QHBoxLayout(self.busy)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.busy_label, 1)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.cancel_load_button)
        self.busy.hide()

        self.messages = MessageBar()  # keeps its own objectName: its style sheet uses it

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_chapters())
        splitter.addWidget(self._build_tabs())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([430, 610])
        self.splitter = splitter

        self.summary_label = QLabel()
        self.summary_label.setObjectName("bookImportSummary")
        self.summary_label.setWordWrap(True)
        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("segmentSizeSpin")
        self.target_spin.setRange(500, MAX_REQUEST_CHARS)
        self.target_spin.setSingleStep(500)
        self.target_spin.setValue(DEFAULT_TARGET_CHARS)
        self.target_spin.setGroupSeparatorShown(True)
        self.target_spin.setToolTip(
            translate(
                CTX,
                "Every task pays the voice fee once: larger segments cost less in all, "
                "smaller ones make re-rendering a corrected passage cheaper.",
            )
        )
        target_label = QLabel(translate(CTX, "Characters per segment:"))
        target_label.setBuddy(self.target_spin)
        summary = QHBoxLayout()
        summary.addWidget(self.summary_label, 1)
        summary.addWidget(target_label)
        summary.addWidget(self.target_spin)

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            translate(CTX, "Create book"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createBookButton")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("bookImportCancelButton")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_pattern())
        layout.addLayout(summary)
        layout.addWidget(self.buttons)

        # No default button: Enter ends a rename or runs "Detect again", and must never
        # create the book by surprise.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.undo_action = QAction(translate(CTX, "Undo"), self)
        self.undo_action.setObjectName("bookImportUndoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action = QAction(translate(CTX, "Redo"), self)
        self.redo_action.setObjectName("bookImportRedoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

    def _build_chapters(self) -> QWidget:
        self.chapter_model = ChapterModel(self.session)
        view = QTreeView()
        view.setObjectName("chapterView")
        view.setModel(self.chapter_model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the longest possible words, not ResizeToContents: measuring every row
        # of an 80-chapter book after each edit froze the window for a tenth of a second.
        metrics = view.fontMetrics()
        check_box = view.style().pixelMetric(view.style().PixelMetric.PM_IndicatorWidth)
        widths = {
            KIND: [kind_text(kind) for kind in ChapterKind],
            CHARACTERS: [QLocale().toString(9_999_999)],
            INCLUDED: [translate(CTX, "Included"), translate(CTX, "Excluded")],
        }
        for column, words in widths.items():
            words.append(header_titles()[column])
            extra = 24 + (check_box + 8 if column == INCLUDED else 0)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(
                column, max(metrics.horizontalAdvance(word) for word in words) + extra
            )
        self.chapter_view = view

        def button(text: str, name: str) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            return widget

        self.up_button = button(translate(CTX, "Move up"), "moveUpButton")
        self.down_button = button(translate(CTX, "Move down"), "moveDownButton")
        self.rename_button = button(translate(CTX, "Rename"), "renameButton")
        self.merge_button = button(translate(CTX, "Merge with next"), "mergeButton")
        self.exclude_button = button(translate(CTX, "Exclude"), "excludeButton")
        self.undo_button = button(translate(CTX, "Undo"), "undoButton")
        self.undo_button.setToolTip(
            fill(translate(CTX, "Undo the last change (%1)"), _shortcut_text())
        )
        rows = QVBoxLayout()
        for group in (
            (self.up_button, self.down_button, self.rename_button),
            (self.merge_button, self.exclude_button, self.undo_button),
        ):
            row = QHBoxLayout()
            for widget in group:
                row.addWidget(widget)
            rows.addLayout(row)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(translate(CTX, "Chapters (drag to reorder; untick to leave out)"))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(view, 1)
        layout.addLayout(rows)
        return panel

    def _build_tabs(self) -> QWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bookImportTabs")

        self.preview = QPlainTextEdit()
        self.preview.setObjectName("chapterPreview")
        self.preview.setReadOnly(True)
        # Read-only, yet with a cursor to split at, moved by keys as well as clicks.
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.preview_title = QLabel()
        self.preview_title.setObjectName("chapterPreviewTitle")
        self.split_button = QPushButton(translate(CTX, "Split here"))
        self.split_button.setObjectName("splitButton")
        self.split_button.setToolTip(
            translate(CTX, "Start a new chapter at the cursor in the text below")
        )
        text_tab = QWidget()
        text_layout = QVBoxLayout(text_tab)
        row = QHBoxLayout()
        row.addWidget(self.preview_title, 1)
        row.addWidget(self.split_button)
        text_layout.addLayout(row)
        text_layout.addWidget(self.preview, 1)
        self.tabs.addTab(text_tab, translate(CTX, "Text"))

        self.cleanup_model = CleanupModel(self.session)
        self.cleanup_view = QTreeView()
        self.cleanup_view.setObjectName("cleanupView")
        self.cleanup_view.setModel(self.cleanup_model)
        self.cleanup_view.setUniformRowHeights(True)
        header = self.cleanup_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.cleanup_view.setColumnWidth(CHANGE, 160)
        self.cleanup_view.setColumnWidth(CHAPTER, 140)
        cleanup_note = QLabel(
            translate(
                CTX,
                "Proposed clean-up, shown in the text as it will be read. Untick a change to "
                "keep the original there; the original text is kept with the book.",
            )
        )
        cleanup_note.setWordWrap(True)
        cleanup_tab = QWidget()
        cleanup_layout = QVBoxLayout(cleanup_tab)
        cleanup_layout.addWidget(cleanup_note)
        cleanup_layout.addWidget(self.cleanup_view, 1)
        self.tabs.addTab(cleanup_tab, "")

        self.findings_model = FindingsModel()
        self.findings_view = QListView()
        self.findings_view.setObjectName("findingsView")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setUniformItemSizes(True)
        self.findings_note = QLabel()
        self.findings_note.setObjectName("findingsNote")
        self.findings_note.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("manuscriptNotes")
        self.notes_label.setWordWrap(True)
        findings_tab = QWidget()
        findings_layout = QVBoxLayout(findings_tab)
        findings_layout.addWidget(self.findings_note)
        findings_layout.addWidget(self.findings_view, 1)
        findings_layout.addWidget(self.notes_label)
        self.tabs.addTab(findings_tab, "")  # both named by the dialog (their counts)
        return self.tabs

    def _build_pattern(self) -> QVBoxLayout:
        self.pattern_edit = QLineEdit()
        self.pattern_edit.setObjectName("headingPatternEdit")
        self.pattern_edit.setPlaceholderText(
            translate(CTX, "Built-in: Chapter 12, CHAPTER XII, 第十二章, 第12回, 序章, Prologue…")
        )
        self.pattern_edit.setToolTip(
            translate(
                CTX,
                "A regular expression that matches the start of every heading line, for "
                "example ^Kapitel \\d+ . Leave it empty for the built-in patterns. EPUB "
                "chapters come from the book's table of contents.",
            )
        )
        label = QLabel(translate(CTX, "Heading pattern:"))
        label.setBuddy(self.pattern_edit)
        self.detect_button = QPushButton(translate(CTX, "Detect again"))
        self.detect_button.setObjectName("detectAgainButton")
        self.pattern_problem = QLabel()
        self.pattern_problem.setObjectName("headingPatternProblem")
        self.pattern_problem.setWordWrap(True)
        self.pattern_problem.setStyleSheet("color: #B3261E;")
        self.pattern_problem.hide()
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.pattern_edit, 1)
        row.addWidget(self.detect_button)
        layout = QVBoxLayout()
        layout.addLayout(row)
        layout.addWidget(self.pattern_problem)
        return layout


def _shortcut_text() -> str:
    return QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
