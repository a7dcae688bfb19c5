"""The check report in the app: one section per file, each rule with its measured value and
pass or fail, a failure explained in a sentence; "Open folder" and "Open HTML report"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.delivery.rules import RuleResult
from soundclone_desktop.i18n import translate
from soundclone_desktop.services.delivery.check import DeliveryReport, FileReport
from soundclone_desktop.ui.delivery import texts

CTX = "Delivery"  # spelled out: the translation extractor reads constants only
UrlOpener = Callable[[QUrl], object]
RULE, MEASURED, RESULT, WHY = range(4)


class ReportView(QWidget):
    """Shows a :class:`DeliveryReport`; ``html_path`` is the HTML report written beside it."""

    def __init__(self, parent: QWidget | None = None, *, open_url: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryReportView")
        self._open_url: UrlOpener = open_url or QDesktopServices.openUrl
        self.report: DeliveryReport | None = None
        self.html_path: Path | None = None

        self.verdict = QLabel()
        self.verdict.setObjectName("deliveryVerdict")
        self.verdict.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("deliveryReportTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                translate(CTX, "File and rule"),
                translate(CTX, "Measured"),
                translate(CTX, "Result"),
                translate(CTX, "Why"),
            ]
        )
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(RULE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RULE, 380)
        header.resizeSection(MEASURED, 100)
        header.resizeSection(RESULT, 70)
        self.open_folder_button = QPushButton(translate(CTX, "Open Folder"))
        self.open_folder_button.setObjectName("deliveryOpenFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_html_button = QPushButton(translate(CTX, "Open HTML Report"))
        self.open_html_button.setObjectName("deliveryOpenHtml")
        self.open_html_button.clicked.connect(self.open_html)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.open_html_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._set_buttons()

    def show_report(
        self, report: DeliveryReport, html_path: Path | None = None, notes: Sequence[str] = ()
    ) -> None:
        """``notes``: sentences about what the measurement cannot see (missing credits)."""
        self.report, self.html_path = report, html_path
        verdict = verdict_sentence(report)
        self.verdict.setText("\n".join([verdict, *notes]))
        self.tree.clear()
        for file in report.files:
            self.tree.addTopLevelItem(self._file_item(file))
        if report.book:
            book = QTreeWidgetItem([translate(CTX, "Across the book")])
            self._mark(book, all(r.passed for r in report.book), required=True)
            for result in report.book:
                book.addChild(self._rule_item(result))
            self.tree.addTopLevelItem(book)
        if report.profile.notes:
            needed = QTreeWidgetItem([translate(CTX, "Also needed (not measurable)")])
            for note in report.profile.notes:
                child = QTreeWidgetItem([texts.words(note)])
                child.setToolTip(RULE, texts.words(note))
                needed.addChild(child)
            self.tree.addTopLevelItem(needed)
        self.tree.expandAll()
        self._set_buttons()

    def _file_item(self, file: FileReport) -> QTreeWidgetItem:
        item = QTreeWidgetItem([file.path.name])
        item.setToolTip(RULE, str(file.path))
        self._mark(item, file.passed, required=True)
        for result in file.results:
            item.addChild(self._rule_item(result))
        return item

    def _rule_item(self, result: RuleResult) -> QTreeWidgetItem:
        why = "" if result.passed else texts.failure_sentence(result)
        item = QTreeWidgetItem(
            [
                texts.rule_words(result.rule),
                texts.measured_text(result),
                texts.verdict_text(result),
                why,
            ]
        )
        item.setToolTip(RULE, texts.rule_words(result.rule))
        if why:
            item.setToolTip(WHY, why)
        self._mark(item, result.passed, required=result.rule.required)
        return item

    def _mark(self, item: QTreeWidgetItem, passed: bool, *, required: bool) -> None:
        if not item.text(RESULT):
            ok = translate(CTX, "Pass")
            item.setText(RESULT, ok if passed else translate(CTX, "Fail"))
        if passed:
            return
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        colour = (
            ("#f2b8b5" if dark else "#b3261e") if required else ("#f0c36d" if dark else "#8a5a00")
        )
        for column in (RULE, RESULT, WHY):
            item.setForeground(column, QBrush(QColor(colour)))

    def _set_buttons(self) -> None:
        self.open_folder_button.setEnabled(self.report is not None)
        self.open_html_button.setEnabled(self.html_path is not None)

    def open_folder(self) -> None:
        if self.report is not None:
            self._open_url(QUrl.fromLocalFile(str(self.report.folder)))

    def open_html(self) -> None:
        if self.html_path is not None:
            self._open_url(QUrl.fromLocalFile(str(self.html_path)))

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """(file, rule, measured, result, why) of every rule shown (tests, screenshots)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                cells = [child.text(c) for c in range(4)]
                found.append((top.text(RULE), cells[0], cells[1], cells[2], cells[3]))
        return found


def verdict_sentence(report: DeliveryReport) -> str:
    name = texts.profile_name(report.profile)
    failing = sum(not f.passed for f in report.files)
    total = len(report.files)
    if report.passed:
        return translate(CTX, "Every file passes %1 (%n file(s) checked).", None, total).replace(
            "%1", name
        )
    if failing == 0:
        return translate(CTX, "The files differ from each other: see “Across the book”.")
    return (
        translate(CTX, "%n of %2 file(s) do not pass %1: the reasons are below.", None, failing)
        .replace("%1", name)
        .replace("%2", str(total))
    )
