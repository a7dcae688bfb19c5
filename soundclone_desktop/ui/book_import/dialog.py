"""The import review dialog: the user shapes the detected chapters before a book is made.

Reading the file, proposing clean-up, finding unspeakable characters and estimating the cost
all run in worker threads; the dialog stays responsive and a load can be cancelled. Nothing
leaves the dialog until "Create book": then :meth:`ImportReviewDialog.result_manuscript`
holds the cleaned chapters and :meth:`~ImportReviewDialog.result_changes` the accepted
clean-up per chapter, so the original text can always be had back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from soundclone_desktop.core.book.chapters import compile_heading_pattern
from soundclone_desktop.core.book.cleanup import Change
from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.i18n import translate
from soundclone_desktop.manuscripts import ManuscriptError, load_manuscript
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.money import money_text

from .chapter_model import TITLE
from .derive import Derived, derive
from .error_text import error_sentence
from .review_layout import ReviewLayout
from .review_state import Review, ReviewResult
from .session import ReviewSession
from .texts import fill, manuscript_file_filter, pattern_problem

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"


def _read(path: Path, pattern_source: str) -> Review:
    """Worker thread: read the file and propose its clean-up."""
    return Review(load_manuscript(path, _pattern(pattern_source)))


def _reread(path: Path, pattern_source: str, review: Review) -> tuple[Manuscript, Review | None]:
    """Worker thread: chapters again with another pattern; a new review if the text moved."""
    manuscript = load_manuscript(path, _pattern(pattern_source))
    return manuscript, (None if manuscript.text == review.base else Review(manuscript))


def _pattern(source: str) -> Any:
    return compile_heading_pattern(source) if source.strip() else None


def qt_position(text: str, offset: int) -> int:
    """A code-point offset as a Qt text position (UTF-16 units: astral characters are two)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def text_offset(text: str, position: int) -> int:
    """A Qt text position as a code-point offset."""
    return len(text.encode("utf-16-le")[: position * 2].decode("utf-16-le", errors="ignore"))


class ImportReviewDialog(ReviewLayout):
    """``load(path)`` reads a manuscript; the user reviews it; "Create book" accepts."""

    def __init__(self, prices: Callable[[], PriceTable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookImportDialog")
        self.setWindowTitle(translate(CTX, "Import manuscript"))
        self.resize(1040, 700)
        self._prices = prices
        self.session = ReviewSession(self)
        self._path: Path | None = None
        self._load_task: asyncio.Task[None] | None = None
        self._load_generation = 0
        self._loading = False
        self._derive_generation = 0
        self._wanted_row = 0  # the chapter to select after the next state change
        self._shown: tuple[int, str] | None = None  # (row, cleaned text) in the preview
        self._result: ReviewResult | None = None
        self.derived: Derived | None = None
        self._build()
        self._name_tabs(None)
        self._connect()
        self._update_actions()

    # -- the public face --------------------------------------------------------------------

    def load(self, path: Path | str) -> asyncio.Task[None]:
        """Read ``path`` in a worker thread; the current review stays until it succeeds."""
        self._cancel_load()
        path = Path(path)
        generation = self._begin_busy(fill(translate(CTX, "Reading “%1”…"), path.name))
        self._load_task = spawn(self._load(path, generation), owner=self)
        return self._load_task

    def detect_again(self) -> asyncio.Task[None] | None:
        """Chapters again with the heading pattern as typed (one undo step)."""
        if self._path is None or pattern_problem(self.pattern_edit.text()):
            return None
        self._cancel_load()
        generation = self._begin_busy(translate(CTX, "Detecting chapters…"))
        self._load_task = spawn(self._redetect(self._path, generation), owner=self)
        return self._load_task

    def result_manuscript(self) -> Manuscript | None:
        """The reviewed manuscript with the accepted clean-up applied; None unless the user
        pressed "Create book"."""
        return self._result.manuscript if self._result is not None else None

    def result_changes(self) -> tuple[tuple[Change, ...], ...]:
        """Per chapter of :meth:`result_manuscript`, the accepted changes, offsets in that
        chapter's original text (``revert_changes(text, changes)`` gives it back)."""
        return self._result.changes if self._result is not None else ()

    def source_path(self) -> Path | None:
        return self._path

    def is_loading(self) -> bool:
        return self._loading

    def report_error(self, exc: BaseException) -> None:
        """An unexpected failure of a worker: said in the dialog, which stays usable."""
        self._show_error(
            fill(translate(CTX, "The manuscript could not be imported: %1"), str(exc) or exc)
        )

    def _connect(self) -> None:
        self.session.changed.connect(self._on_state_changed)
        self.chapter_model.operated.connect(self._want_row)
        self.chapter_view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.choose_button.clicked.connect(self._choose_file)
        self.cancel_load_button.clicked.connect(self._cancel_load)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.rename_button.clicked.connect(self._rename)
        self.merge_button.clicked.connect(self._merge)
        self.exclude_button.clicked.connect(self._toggle_excluded)
        self.split_button.clicked.connect(self._split)
        self.undo_button.clicked.connect(self._undo)
        self.undo_action.triggered.connect(self._undo)
        self.redo_action.triggered.connect(self._redo)
        self.preview.cursorPositionChanged.connect(self._update_actions)
        self.pattern_edit.textChanged.connect(self._check_pattern)
        self.pattern_edit.returnPressed.connect(self.detect_again)
        self.detect_button.clicked.connect(self.detect_again)
        self.target_spin.valueChanged.connect(self._schedule_derive)
        self.cleanup_view.clicked.connect(self._show_change)
        self.findings_view.clicked.connect(self._show_finding)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

    # -- loading ----------------------------------------------------------------------------

    def _choose_file(self) -> None:
        start = str(self._path.parent) if self._path is not None else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, translate(CTX, "Import manuscript"), start, manuscript_file_filter()
        )
        if name:
            self.load(name)

    async def _load(self, path: Path, generation: int) -> None:
        try:
            review = await asyncio.to_thread(_read, path, self.pattern_edit.text())
        except ManuscriptError as exc:
            if generation == self._load_generation:
                self._show_error(error_sentence(exc))
            return
        finally:
            self._end_busy(generation)
        if generation != self._load_generation:
            return  # cancelled while reading
        self.messages.clear()
        self._path = path
        self._wanted_row = _first_included(review.initial.manuscript)
        self._shown = None
        self.session.start(review)

    async def _redetect(self, path: Path, generation: int) -> None:
        review = self.session.review
        assert review is not None
        try:
            manuscript, fresh = await asyncio.to_thread(
                _reread, path, self.pattern_edit.text(), review
            )
        except ManuscriptError as exc:
            if generation == self._load_generation:
                self._show_error(error_sentence(exc))
            return
        finally:
            self._end_busy(generation)
        if generation != self._load_generation:
            return
        self.messages.clear()
        if fresh is None:
            self._wanted_row = 0
            self.session.apply(review.redetected(self.session.state, manuscript))
        else:  # the file changed on disk since it was read: a new review
            self._shown = None
            self.session.start(fresh)

    def _begin_busy(self, text: str) -> int:
        self._load_generation += 1
        self.busy_label.setText(text)
        self.busy.show()
        self._load_task = None  # set by the caller; until then is_loading() must say so
        self._loading = True
        self._update_actions()
        return self._load_generation

    def _end_busy(self, generation: int) -> None:
        if generation == self._load_generation:
            self.busy.hide()
            self._load_task = None
            self._loading = False
            self._update_actions()

    def _cancel_load(self) -> None:
        """Abandon the read in progress: its thread finishes unseen, the review is kept."""
        if self.is_loading():
            self._load_generation += 1
            if self._load_task is not None:
                self._load_task.cancel()
        self._load_task = None
        self._loading = False
        self.busy.hide()
        self._update_actions()

    def _show_error(self, sentence: str) -> None:
        self.messages.show_message(
            sentence,
            Level.ERROR,
            action_text=translate(CTX, "Choose another file…"),
            action=self._choose_file,
        )

    # -- state changes ----------------------------------------------------------------------

    def _on_state_changed(self) -> None:
        count = self.chapter_model.rowCount()
        if count:
            row = max(0, min(self._wanted_row, count - 1))
            self.chapter_view.selectionModel().setCurrentIndex(
                self.chapter_model.index(row, TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_preview(row)
        self._show_file()
        self._schedule_derive()
        self._update_actions()

    def _want_row(self, row: int) -> None:
        self._wanted_row = row
        self._on_state_changed()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._wanted_row = current.row()
            self._show_preview(current.row())
        self._update_actions()

    def _current_row(self) -> int | None:
        index = self.chapter_view.currentIndex()
        return index.row() if index.isValid() and self.session.loaded else None

    def _show_preview(self, row: int) -> None:
        review, state = self.session.review, self.session.state
        assert review is not None
        text = review.cleaned_text(state, row)
        self.preview_title.setText(state.manuscript.chapters[row].title)
        if self._shown == (row, text):
            return
        same_chapter = self._shown is not None and self._shown[0] == row
        cursor = self.preview.textCursor().position()
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setPlainText(text)
        self._shown = (row, text)
        if same_chapter:  # a clean-up tick: the reader keeps their place
            moved = self.preview.textCursor()
            moved.setPosition(min(cursor, len(self.preview.toPlainText())))
            self.preview.setTextCursor(moved)
            self.preview.verticalScrollBar().setValue(scroll)

    def _show_file(self) -> None:
        if self._path is None or not self.session.loaded:
            return
        manuscript = self.session.state.manuscript
        parts = [fill(translate(CTX, "“%1”"), self._path.name)]
        if manuscript.title and manuscript.title != self._path.stem:
            parts.append(manuscript.title)
        if manuscript.author:
            parts.append(manuscript.author)
        self.file_label.setText(" — ".join(parts))

    def _update_actions(self) -> None:
        busy = self.is_loading()
        row = self._current_row()
        loaded = self.session.loaded and not busy
        count = self.chapter_model.rowCount()
        chosen = loaded and row is not None
        self.chapter_view.setEnabled(loaded)
        self.up_button.setEnabled(chosen and row is not None and row > 0)
        self.down_button.setEnabled(chosen and row is not None and row < count - 1)
        self.merge_button.setEnabled(chosen and row is not None and row < count - 1)
        self.rename_button.setEnabled(chosen)
        self.exclude_button.setEnabled(chosen)
        if chosen and row is not None:
            excluded = self.session.state.manuscript.chapters[row].excluded
            self.exclude_button.setText(
                translate(CTX, "Include") if excluded else translate(CTX, "Exclude")
            )
        self.split_button.setEnabled(chosen and self._split_offset() is not None)
        self.undo_button.setEnabled(loaded and self.session.can_undo())
        self.undo_action.setEnabled(loaded and self.session.can_undo())
        self.redo_action.setEnabled(loaded and self.session.can_redo())
        self.detect_button.setEnabled(
            loaded and self._path is not None and not pattern_problem(self.pattern_edit.text())
        )
        self.choose_button.setEnabled(not busy)
        self.create_button.setEnabled(
            loaded and any(not c.excluded for c in self.session.state.manuscript.chapters)
        )

    def _check_pattern(self) -> None:
        problem = pattern_problem(self.pattern_edit.text())
        self.pattern_problem.setText(problem)
        self.pattern_problem.setVisible(bool(problem))
        self._update_actions()

    # -- review operations ------------------------------------------------------------------

    def _move(self, step: int) -> None:
        row, review = self._current_row(), self.session.review
        if row is None or review is None:
            return
        target = row + step
        if 0 <= target < self.chapter_model.rowCount():
            self._wanted_row = target
            self.session.apply(review.move(self.session.state, row, target))

    def _rename(self) -> None:
        row = self._current_row()
        if row is not None:
            self.chapter_view.setFocus()
            self.chapter_view.edit(self.chapter_model.index(row, TITLE))

    def _merge(self) -> None:
        row, review = self._current_row(), self.session.review
        if row is not None and review is not None and row + 1 < self.chapter_model.rowCount():
            self._wanted_row = row
            self.session.apply(review.merge_with_next(self.session.state, row))

    def _toggle_excluded(self) -> None:
        row, review = self._current_row(), self.session.review
        if row is not None and review is not None:
            excluded = self.session.state.manuscript.chapters[row].excluded
            self._wanted_row = row
            self.session.apply(review.set_excluded(self.session.state, row, not excluded))

    def _split_offset(self) -> int | None:
        row, review = self._current_row(), self.session.review
        if row is None or review is None or self._shown is None or self._shown[0] != row:
            return None
        position = text_offset(self._shown[1], self.preview.textCursor().position())
        return review.split_offset(self.session.state, row, position)

    def _split(self) -> None:
        row, review = self._current_row(), self.session.review
        if row is None or review is None or self._shown is None or self._split_offset() is None:
            return
        position = text_offset(self._shown[1], self.preview.textCursor().position())
        self._wanted_row = row + 1  # the new chapter: the user will want to name it
        self.session.apply(review.split(self.session.state, row, position))

    def _undo(self) -> None:
        self._wanted_row = self._current_row() or 0
        self.session.undo()

    def _redo(self) -> None:
        self._wanted_row = self._current_row() or 0
        self.session.redo()

    # -- clean-up and findings --------------------------------------------------------------

    def _show_change(self, index: QModelIndex) -> None:
        number = self.cleanup_model.number(index)
        review = self.session.review
        if number is None or review is None:
            return
        try:
            row, offset = review.local_offset(self.session.state, number)
        except IndexError:
            return  # crosses two chapters now: nowhere to show it
        change = review.changes[number]
        accepted = number in self.session.state.accepted
        self._select_text(row, offset, len(change.after if accepted else change.before))

    def _show_finding(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.findings_model.findings[index.row()]
        if item.chapter < self.chapter_model.rowCount():
            self._select_text(item.chapter, item.finding.offset, item.finding.length)

    def _select_text(self, row: int, offset: int, length: int) -> None:
        """Show chapter ``row`` with ``length`` characters at ``offset`` selected; the list
        keeps the focus so the next click or arrow key goes on through it."""
        self.chapter_view.selectionModel().setCurrentIndex(
            self.chapter_model.index(row, TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_preview(row)
        assert self._shown is not None
        text = self._shown[1]
        cursor = self.preview.textCursor()
        cursor.setPosition(qt_position(text, offset))
        cursor.setPosition(qt_position(text, offset + length), QTextCursor.MoveMode.KeepAnchor)
        self.preview.setTextCursor(cursor)
        self.preview.centerCursor()

    # -- summary ----------------------------------------------------------------------------

    def _schedule_derive(self) -> None:
        if not self.session.loaded:
            return
        review = self.session.review
        assert review is not None
        self._derive_generation += 1
        spawn(self._derive(self._derive_generation, review, self.target_spin.value()), owner=self)

    async def _derive(self, generation: int, review: Review, target: int) -> None:
        state, prices = self.session.state, self._prices()
        derived = await asyncio.to_thread(derive, review, state, target, prices)
        if generation != self._derive_generation:
            return  # a newer state or target is being worked out
        self.derived = derived
        self.findings_model.show(derived.findings, state.manuscript)
        self.summary_label.setText(summary_text(derived))
        self._name_tabs(derived)
        self.findings_note.setText(
            translate(
                CTX,
                "Characters the service cannot speak. They are left in the text; click one to "
                "see it, and correct it in the book later if it matters.",
            )
            if derived.findings
            else translate(CTX, "No characters the service cannot speak.")
        )
        notes = state.manuscript.notes
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _name_tabs(self, derived: Derived | None) -> None:
        self.tabs.setTabText(
            1, fill(translate(CTX, "Clean-up (%1)"), QLocale().toString(self.cleanup_model.total()))
        )
        count = len(derived.findings) if derived is not None else 0
        self.tabs.setTabText(2, fill(translate(CTX, "Findings (%1)"), QLocale().toString(count)))

    # -- closing ----------------------------------------------------------------------------

    def _create(self) -> None:
        review = self.session.review
        if review is None or not self.create_button.isEnabled():
            return
        self._result = review.result(self.session.state)
        self.accept()

    def reject(self) -> None:
        self._cancel_load()
        self._result = None
        super().reject()


def summary_text(derived: Derived) -> str:
    locale = QLocale()
    tradeoff = derived.tradeoff
    parts = [
        fill(
            translate(CTX, "%1 of %2 chapters in the book"),
            locale.toString(derived.included),
            locale.toString(derived.chapters),
        ),
        fill(translate(CTX, "%1 characters"), locale.toString(derived.characters)),
        fill(translate(CTX, "%1 segments"), locale.toString(tradeoff.tasks)),
    ]
    if tradeoff.cost is None:
        parts.append(translate(CTX, "prices unknown: set them in Settings to see the cost"))
    else:
        parts.append(
            fill(translate(CTX, "estimated cost %1"), money_text(tradeoff.cost, tradeoff.currency))
        )
        if tradeoff.redo_segment is not None:
            parts.append(
                fill(
                    translate(CTX, "re-rendering one segment about %1"),
                    money_text(tradeoff.redo_segment, tradeoff.currency),
                )
            )
    return " · ".join(parts)


def _first_included(manuscript: Manuscript) -> int:
    return next((i for i, c in enumerate(manuscript.chapters) if not c.excluded), 0)
