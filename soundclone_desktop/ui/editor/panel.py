"""The script area of the studio: pause row, editor, load messages and the problems list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from soundclone_desktop.core.script import Problem, ScriptReport
from soundclone_desktop.ui.editor.editor import ScriptEditor
from soundclone_desktop.ui.editor.pause_controls import PauseControls
from soundclone_desktop.ui.editor.problems_list import ProblemsList, shown_problems
from soundclone_desktop.ui.theme.tint import BannerKind, set_banner

_CTX = "ScriptEditorPanel"


class ScriptEditorPanel(QWidget):
    """Composes the editor with its controls.

    ``report_changed`` carries the whole script's report once an edit has settled (a pause
    in typing, or :meth:`flush`); the problems list follows it.

    ``plain``: the editor without its analysis until :meth:`attach_analysis` (the staged
    start's shell, painted before the highlighter and the script patterns are loaded); the
    problems list shows an empty script's "No problems" meanwhile, as it would anyway.
    """

    report_changed = Signal(object)  # ScriptReport
    file_loaded = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, plain: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditorPanel")
        self.editor = ScriptEditor(self, plain=True)
        self.pause_controls = PauseControls(self.editor.insert_pause_action, self)
        self.pause_spin = self.pause_controls.seconds_spin
        self.problems_list = ProblemsList(self, style_icons=not plain)

        self.message = QLabel(self)  # load errors, inline: no modal dialog
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_banner(self.message, BannerKind.ALERT)
        self.message.hide()

        self.problems_header = QLabel(self)
        self.problems_header.setObjectName("problemsHeader")

        problems_box = QWidget(self)
        box_layout = QVBoxLayout(problems_box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        box_layout.setSpacing(4)
        box_layout.addWidget(self.problems_header)
        box_layout.addWidget(self.problems_list)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("editorSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.editor)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.problems_list.setMinimumHeight(56)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.pause_controls)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.editor.pause_seconds = self.pause_spin.value()
        self.pause_spin.valueChanged.connect(self._on_seconds_changed)
        self.pause_controls.preset_chosen.connect(self.editor.insert_pause)
        self.editor.report_changed.connect(self._on_report)
        self.editor.load_failed.connect(self._show_message)
        self.editor.file_loaded.connect(self._on_file_loaded)
        self.problems_list.problem_activated.connect(self._show_problem)
        self.problems_list.fix_requested.connect(self.editor.apply_fix)
        self._show_problem_count(0)
        if not plain:
            self.attach_analysis()

    # --- public API ----------------------------------------------------------------------

    def attach_analysis(self) -> None:
        """The editor's highlighter and chips, then the problems of what is typed so far."""
        self.problems_list.use_style_icons()
        if not self.editor.analysis_attached():
            self.editor.attach_analysis()  # its report_changed brings the problems list

    @property
    def insert_pause_action(self) -> QAction:
        """The "Insert pause" action (Ctrl+Shift+P), for the main window's toolbar."""
        return self.editor.insert_pause_action

    def report(self) -> ScriptReport:
        """The analysis of the current text (never stale, see ``ScriptEditor.report``)."""
        return self.editor.report()

    def flush(self) -> None:
        """Bring the problems list and every ``report_changed`` listener up to date now."""
        self.editor.flush()

    def text(self) -> str:
        return self.editor.text()

    def set_text(self, text: str) -> None:
        self.editor.set_text(text)

    def load_file(self, path: str | Path) -> bool:
        return self.editor.load_file(path)

    # --- slots ---------------------------------------------------------------------------

    def _on_seconds_changed(self, seconds: float) -> None:
        self.editor.pause_seconds = seconds

    def _on_report(self, report: ScriptReport) -> None:
        self.problems_list.set_report(report, self.editor.line_of)
        self._show_problem_count(len(shown_problems(report)))
        self.message.hide()  # the user moved on (a failed load leaves the text unchanged)
        self.report_changed.emit(report)

    def _show_problem_count(self, count: int) -> None:
        if count:
            header = QCoreApplication.translate(_CTX, "Problems ({count})").format(count=count)
        else:
            header = QCoreApplication.translate(_CTX, "Problems")
        self.problems_header.setText(header)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _on_file_loaded(self, path: str) -> None:
        self.message.hide()
        self.file_loaded.emit(path)

    def _show_problem(self, problem: Problem) -> None:
        self.editor.select_span(problem.start, problem.end)
