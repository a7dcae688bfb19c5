"""The list of script problems under the editor.

It rebuilds its rows only when what they show changed; on most keystrokes the problems
merely move (offsets shift), so it just swaps in the new ``Problem`` objects.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from soundclone_desktop.core.script import EMPTY, Problem, ScriptReport, Severity
from soundclone_desktop.ui.editor.problem_text import fix_label, problem_sentence

_CTX = "ProblemsList"

_Row = tuple[str, Severity]
# Qt's own "apply" icon, as the style gives it where no icon theme replaces it: the staged
# start's shell shows it before asking the style, whose first use from Python costs about
# 30 ms (PySide builds QStyle's enums), before the first paint (issue #17).
_BUILTIN_APPLY = ":/qt-project.org/styles/commonstyle/images/standardbutton-apply-{}.png"
_BUILTIN_SIZES = (16, 32, 128)


class ProblemsList(QListWidget):
    """Every problem as "Line N: sentence"; activating one asks to show it in the editor."""

    problem_activated = Signal(object)  # Problem
    fix_requested = Signal(object)  # Problem with a suggestion

    def __init__(self, parent: QWidget | None = None, *, style_icons: bool = True) -> None:
        """``style_icons=False``: the built-in "No problems" icon until
        :meth:`use_style_icons` (the staged start's shell)."""
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setAlternatingRowColors(False)
        self.setAccessibleName(QCoreApplication.translate(_CTX, "Problems"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        self._style_icons = style_icons
        self._icons: dict[Severity, QIcon] = {}  # the style's, on first use
        self._rows: list[_Row] | None = None
        self._problems: tuple[Problem, ...] = ()
        self._show_empty()

    def sizeHint(self) -> QSize:
        # About four rows: QListWidget's default (192 px) takes room from the script.
        rows = 4 * (self.fontMetrics().height() + 8) + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), rows)

    def use_style_icons(self) -> None:
        """The style's icons from now on, the "No problems" row's included."""
        if self._style_icons:
            return
        self._style_icons = True
        if self._rows == []:
            self.clear()
            self._show_empty()

    def problems(self) -> tuple[Problem, ...]:
        """The problems currently listed, in row order."""
        return self._problems

    def set_report(self, report: ScriptReport, line_of: Callable[[int], int]) -> None:
        """Show ``report``'s problems; ``line_of`` maps a code point to its 1-based line."""
        problems = shown_problems(report)
        rows = [
            (
                QCoreApplication.translate(_CTX, "Line {line}: {message}").format(
                    line=line_of(p.start), message=problem_sentence(p)
                ),
                p.severity,
            )
            for p in problems
        ]
        self._problems = problems
        if rows == self._rows:
            return  # same text: keep the widgets, the selection and the scroll position
        self._rows = rows
        self.clear()
        if not rows:
            self._show_empty()
            return
        for text, severity in rows:
            item = QListWidgetItem(self._severity_icon(severity), text)
            item.setToolTip(text)
            self.addItem(item)

    def _show_empty(self) -> None:
        self._rows = []
        item = QListWidgetItem(self._apply_icon(), QCoreApplication.translate(_CTX, "No problems"))
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not a problem: nothing to select
        self.addItem(item)

    def _apply_icon(self) -> QIcon:
        if not self._style_icons:
            icon = QIcon()
            for size in _BUILTIN_SIZES:
                icon.addFile(_BUILTIN_APPLY.format(size), QSize(size, size))
            return icon
        from PySide6.QtWidgets import QStyle

        return self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)

    def _severity_icon(self, severity: Severity) -> QIcon:
        if not self._icons:
            from PySide6.QtWidgets import QStyle

            style = self.style()
            self._icons = {
                Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            }
        return self._icons.get(severity, QIcon())

    def _problem_at_row(self, row: int) -> Problem | None:
        if 0 <= row < len(self._problems):
            return self._problems[row]
        return None

    def _on_item(self, item: QListWidgetItem) -> None:
        problem = self._problem_at_row(self.row(item))
        if problem is not None:
            self.problem_activated.emit(problem)

    def _show_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        problem = None if item is None else self._problem_at_row(self.row(item))
        if problem is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        show = menu.addAction(QCoreApplication.translate(_CTX, "Show in script"))
        show.triggered.connect(lambda: self.problem_activated.emit(problem))
        if problem.suggestion is not None:
            fix = menu.addAction(fix_label(problem))
            fix.triggered.connect(lambda: self.fix_requested.emit(problem))
        menu.popup(self.viewport().mapToGlobal(pos))  # not exec(): no nested loop


def shown_problems(report: ScriptReport) -> tuple[Problem, ...]:
    """The problems worth a row: an editor nobody has typed in yet is not an error (the
    placeholder and "Write a script first." beside the button already say what to do)."""
    if report.request_chars == 0:
        return tuple(p for p in report.problems if p.code != EMPTY)
    return tuple(report.problems)
