"""Putting manuscript import into the studio: File › "Import manuscript…"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.studio import Menus

# The translation context, spelled here: the string extractor reads each module's own.
CTX = "BookImport"

if TYPE_CHECKING:  # the book rules load with the dialog, not at start-up
    from soundclone_desktop.core.book.cleanup import Change
    from soundclone_desktop.core.book.manuscript import Manuscript

    from .dialog import ImportReviewDialog

ChapterChanges: TypeAlias = "tuple[tuple[Change, ...], ...]"
# What takes the reviewed manuscript (the book view creates and opens a book from it).
OnManuscript: TypeAlias = "Callable[[Manuscript, ChapterChanges, Path], object]"
"""Called after "Create book" with the cleaned manuscript, the accepted clean-up per chapter
(offsets in each chapter's original text) and the file it came from."""


@dataclass(frozen=True)
class BookImportNeeds:
    parent: QWidget  # for the dialogs
    menus: Menus  # the action goes into File
    prices: Callable[[], PriceTable]  # the app's current prices, for the estimate
    on_manuscript: OnManuscript


class BookImport:
    """The action and the dialog while it is open (``dialog``, for tests and the window)."""

    def __init__(self, needs: BookImportNeeds) -> None:
        self.needs = needs
        self.dialog: ImportReviewDialog | None = None
        self.action = QAction(translate(CTX, "Import manuscript…"), needs.parent)
        self.action.setObjectName("importManuscriptAction")
        self.action.setToolTip(
            translate(CTX, "Make a book from a .txt, .md, .docx or .epub manuscript")
        )
        self.action.triggered.connect(self.choose)
        self._last_folder = Path.home()

    def choose(self) -> None:
        """Ask for a file, then open the review dialog on it."""
        from .texts import manuscript_file_filter  # with the book rules: not at start-up

        name, _ = QFileDialog.getOpenFileName(
            self.needs.parent,
            translate(CTX, "Import manuscript"),
            str(self._last_folder),
            manuscript_file_filter(),
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> ImportReviewDialog:
        """The review dialog, reading ``path`` (one at a time: a second call raises it)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from .dialog import ImportReviewDialog  # the readers load when first needed

        self._last_folder = path.parent
        dialog = ImportReviewDialog(self.needs.prices, self.needs.parent)
        dialog.finished.connect(lambda code: self._finished(dialog, code))
        self.dialog = dialog
        dialog.open()
        dialog.load(path)
        return dialog

    def _finished(self, dialog: ImportReviewDialog, code: int) -> None:
        self.dialog = None
        manuscript, source = dialog.result_manuscript(), dialog.source_path()
        dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted and manuscript and source:
            self.needs.on_manuscript(manuscript, dialog.result_changes(), source)


def attach_book_import(needs: BookImportNeeds) -> BookImport:
    """Add File › "Import manuscript…" (after "Open script…")."""
    feature = BookImport(needs)
    menu = needs.menus.file_menu
    actions = menu.actions()
    anchor = needs.menus.open_action
    after = actions.index(anchor) + 1 if anchor in actions else len(actions)
    if after < len(actions):
        menu.insertAction(actions[after], feature.action)
    else:
        menu.addAction(feature.action)
    return feature
