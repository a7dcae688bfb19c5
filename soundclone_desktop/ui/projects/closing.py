"""The question asked before unsaved work or running tasks are left behind.

A window-modal QMessageBox shown with ``open()``: no nested event loop. The caller connects
``finished`` and reads :attr:`CloseQuestion.choice`.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from soundclone_desktop.i18n import translate

CTX = "Projects"


class Choice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CONTINUE = "continue"  # nothing unsaved: go ahead (close with tasks running)
    CANCEL = "cancel"


class Purpose(StrEnum):
    CLOSE = "close"  # the window
    REPLACE = "replace"  # New / Open: the editor's content is replaced


class CloseQuestion(QMessageBox):
    def __init__(
        self,
        parent: QWidget,
        *,
        name: str,
        unsaved: bool,
        tasks: int = 0,
        purpose: Purpose = Purpose.CLOSE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeConfirmDialog" if purpose is Purpose.CLOSE else "unsavedDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        title = translate(CTX, "Unsaved changes") if unsaved else translate(CTX, "Tasks running")
        self.setWindowTitle(title)
        if unsaved:
            self.setText(translate(CTX, "Save the changes to “%1”?").replace("%1", name))
        else:
            self.setText(translate(CTX, "Close while tasks are still being generated?"))
        details: list[str] = []
        if tasks:
            details.append(
                translate(
                    CTX,
                    "Tasks still being generated: %n. They keep running on the server and "
                    "are charged as usual; the app follows them again and downloads the "
                    "results the next time it starts.",
                    None,
                    tasks,
                )
            )
        if unsaved:
            details.append(translate(CTX, "If you do not save, your changes are lost."))
        self.setInformativeText("\n\n".join(details))
        self._choices: dict[str, Choice] = {}  # by button objectName
        if unsaved:
            self._add(
                translate(CTX, "Save"), QMessageBox.ButtonRole.AcceptRole, Choice.SAVE, "saveButton"
            )
            discard = (
                translate(CTX, "Close without saving")
                if purpose is Purpose.CLOSE
                else translate(CTX, "Discard changes")
            )
            self._add(
                discard, QMessageBox.ButtonRole.DestructiveRole, Choice.DISCARD, "discardButton"
            )
        else:
            self._add(
                translate(CTX, "Close"),
                QMessageBox.ButtonRole.AcceptRole,
                Choice.CONTINUE,
                "continueButton",
            )
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        self._choices["cancelButton"] = Choice.CANCEL
        self.setDefaultButton(self.button_for(Choice.SAVE) if unsaved else cancel)
        self.setEscapeButton(cancel)

    def _add(self, text: str, role: QMessageBox.ButtonRole, choice: Choice, name: str) -> None:
        button = self.addButton(text, role)
        button.setObjectName(name)
        self._choices[name] = choice

    def button_for(self, choice: Choice) -> QPushButton:
        name = next(n for n, c in self._choices.items() if c is choice)
        button = self.findChild(QPushButton, name)
        assert button is not None
        return button

    @property
    def choice(self) -> Choice:
        """The button the user chose (Cancel when the box was closed otherwise)."""
        clicked = self.clickedButton()
        return self._choices.get(clicked.objectName(), Choice.CANCEL) if clicked else Choice.CANCEL
