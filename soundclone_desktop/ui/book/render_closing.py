"""The question before the window closes under a running render (the projects' closing
question, for a book): tasks sent go on and are picked up next time, and the render
continues when the book is opened. Window-modal, shown with ``open()``."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from soundclone_desktop.i18n import translate

CTX = "BookView"


class RenderCloseQuestion(QMessageBox):
    def __init__(self, parent: QWidget, in_flight: int, waiting: int) -> None:
        super().__init__(parent)
        self.setObjectName("renderCloseDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate(CTX, "Book rendering"))
        self.setText(translate(CTX, "Close while the book is rendering?"))
        self.setInformativeText(
            translate(
                CTX,
                "Tasks being generated: %1. They keep running on the server and are charged "
                "as usual; the app picks them up next time. Segments still waiting: %2. The "
                "render continues when you open the book again.",
            )
            .replace("%1", str(in_flight))
            .replace("%2", str(waiting))
        )
        self.close_button = self.addButton(
            translate(CTX, "Close"), QMessageBox.ButtonRole.AcceptRole
        )
        self.close_button.setObjectName("continueButton")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)

    @property
    def close_chosen(self) -> bool:
        return self.clickedButton() is self.close_button
