"""The findings list: each run of characters the service cannot speak, where it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from soundclone_desktop.core.book.manuscript import Manuscript
from soundclone_desktop.i18n import translate

from .derive import ChapterFinding
from .texts import fill, finding_kind_text

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"

AnyIndex = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.findings: tuple[ChapterFinding, ...] = ()
        self._titles: list[str] = []

    def show(self, findings: tuple[ChapterFinding, ...], manuscript: Manuscript) -> None:
        self.beginResetModel()
        self.findings = findings
        self._titles = [chapter.title for chapter in manuscript.chapters]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self.findings[index.row()]
        finding = item.finding
        text = fill(
            translate(CTX, "%1, character %2: %3 %4 (%5)"),
            self._titles[item.chapter],
            QLocale().toString(finding.offset + 1),
            finding.codepoint,
            finding.name,
            finding_kind_text(finding.kind),
        )
        if finding.length > 1:
            text += " × " + QLocale().toString(finding.length)
        return text
