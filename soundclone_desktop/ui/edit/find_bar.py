"""The find bar above the editor: what to find (and replace), the options, the match count.

Widgets only: ``FindController`` does the searching. Enter finds the next match, Shift+Enter
the previous one, Enter in the replace field replaces; Esc closes (the controller's
shortcut). Problems (a bad regular expression) are said in words in the bar, never in a box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.edit.search import Query

CTX = "FindBar"


class _FieldWithShiftEnter(QLineEdit):
    """A line edit that tells Enter from Shift+Enter (``returnPressed`` cannot)."""

    shift_return_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.shift_return_pressed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Find row (field, count, previous/next, options, close) and an optional replace row."""

    query_changed = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    replace_requested = Signal()
    replace_all_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.find_edit = _FieldWithShiftEnter(self)
        self.find_edit.setObjectName("findField")
        self.find_edit.setPlaceholderText(translate(CTX, "Find"))
        self.find_edit.setAccessibleName(translate(CTX, "Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = self._arrow(
            "findPreviousButton", Qt.ArrowType.UpArrow, translate(CTX, "Previous match")
        )
        self.next_button = self._arrow(
            "findNextButton", Qt.ArrowType.DownArrow, translate(CTX, "Next match")
        )
        self.case_check = self._option("findCaseCheck", translate(CTX, "Match case"))
        self.words_check = self._option("findWordsCheck", translate(CTX, "Whole words"))
        self.regex_check = self._option("findRegexCheck", translate(CTX, "Regular expression"))
        self.regex_check.setToolTip(
            translate(CTX, "Python syntax; in the replacement, \\1 or \\g<name> inserts a group")
        )
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findCloseButton")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setToolTip(translate(CTX, "Close the find bar (Esc)"))
        self.close_button.setAccessibleName(translate(CTX, "Close the find bar"))

        self.replace_edit = _FieldWithShiftEnter(self)
        self.replace_edit.setObjectName("replaceField")
        self.replace_edit.setPlaceholderText(translate(CTX, "Replace with"))
        self.replace_edit.setAccessibleName(translate(CTX, "Replace with"))
        self.replace_button = QPushButton(translate(CTX, "Replace"), self)
        self.replace_button.setObjectName("replaceButton")
        self.replace_button.setToolTip(
            translate(CTX, "Replace the selected match and go to the next one")
        )
        self.replace_all_button = QPushButton(translate(CTX, "Replace all"), self)
        self.replace_all_button.setObjectName("replaceAllButton")
        self.replace_all_button.setToolTip(
            translate(CTX, "Replace every match in the editor (one step to undo)")
        )
        self.problem = False  # the note says why nothing can be searched
        self._build_layout()
        self._connect()

    # -- public ---------------------------------------------------------------------------

    def query(self) -> Query:
        return Query(
            self.find_edit.text(),
            case_sensitive=self.case_check.isChecked(),
            whole_words=self.words_check.isChecked(),
            regex=self.regex_check.isChecked(),
        )

    def set_replacing(self, replacing: bool) -> None:
        """Show or hide the replace row."""
        for widget in self._replace_row:
            widget.setVisible(replacing)

    def replacing(self) -> bool:
        return not self.replace_edit.isHidden()

    def show_count(self, current: int | None, total: int) -> None:
        """ "3 of 12", "12 found" (the cursor on none of them) or "No matches"."""
        if total == 0:
            text = translate(CTX, "No matches") if self.find_edit.text() else ""
        elif current is None:
            text = translate(CTX, "{0} found").replace("{0}", str(total))
        else:
            text = (
                translate(CTX, "{0} of {1}").replace("{0}", str(current)).replace("{1}", str(total))
            )
        self._set_note(text, problem=False)
        self._enable(total > 0)

    def show_replaced(self, count: int) -> None:
        self._set_note(translate(CTX, "Replaced {0}").replace("{0}", str(count)), problem=False)

    def show_problem(self, reason: str) -> None:
        """A pattern that cannot be searched: the reason, and nothing to act on."""
        sentence = translate(CTX, "Not a valid regular expression: {0}").replace("{0}", reason)
        self._set_note(sentence, problem=True)
        self._enable(False)

    # -- building -------------------------------------------------------------------------

    def _arrow(self, name: str, arrow: Qt.ArrowType, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(text)
        button.setAccessibleName(text)
        return button

    def _option(self, name: str, text: str) -> QCheckBox:
        check = QCheckBox(text, self)
        check.setObjectName(name)
        return check

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.setColumnStretch(0, 1)
        find_tail = QHBoxLayout()
        find_tail.setSpacing(6)
        for widget in (self.count_label, self.previous_button, self.next_button):
            find_tail.addWidget(widget)
        find_tail.addSpacing(6)
        for check in (self.case_check, self.words_check, self.regex_check):
            find_tail.addWidget(check)
        find_tail.addStretch(1)
        find_tail.addWidget(self.close_button)
        grid.addLayout(find_tail, 0, 1)
        replace_tail = QHBoxLayout()
        replace_tail.setSpacing(6)
        replace_tail.addWidget(self.replace_button)
        replace_tail.addWidget(self.replace_all_button)
        replace_tail.addStretch(1)
        grid.addLayout(replace_tail, 1, 1)
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000"))

    def _connect(self) -> None:
        self.find_edit.textChanged.connect(self.query_changed)
        for check in (self.case_check, self.words_check, self.regex_check):
            check.toggled.connect(self.query_changed)
        self.find_edit.returnPressed.connect(self.next_requested)
        self.find_edit.shift_return_pressed.connect(self.previous_requested)
        self.replace_edit.returnPressed.connect(self.replace_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.replace_button.clicked.connect(self.replace_requested)
        self.replace_all_button.clicked.connect(self.replace_all_requested)
        self.close_button.clicked.connect(self.close_requested)

    def _set_note(self, text: str, *, problem: bool) -> None:
        # The words say what is wrong: no colour needed, so both themes stay readable.
        self.count_label.setText(text)
        self.count_label.setToolTip(text)
        self.count_label.setWordWrap(problem)
        self.problem = problem

    def _enable(self, has_matches: bool) -> None:
        for widget in (
            self.previous_button,
            self.next_button,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setEnabled(has_matches)
