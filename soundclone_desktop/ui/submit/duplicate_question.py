"""The question asked before sending a script that repeats a running or recent task.

A window-modal QMessageBox shown with ``open()`` (no nested event loop). Its default, and
what Esc or closing it means, is NOT to send again: a double-click or a doubled shortcut
press answered with Enter costs nothing.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox, QWidget

from soundclone_desktop.core.jobs import Job
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.tasks.task_list import state_text

CTX = "MainWindow"

OBJECT_NAME = "duplicateSubmitQuestion"


def question_text(earlier: Job, cost: str) -> str:
    """The question itself; ``cost`` is the charge line's amount ("" when unknown)."""
    amount = cost or translate(CTX, "an amount this app cannot estimate (prices unknown)")
    if not earlier.is_done:
        text = translate(
            CTX, "The same script is already being generated — generate it again for {0}?"
        )
    else:
        sent_at = time.strftime("%H:%M", time.localtime(earlier.created_at))
        text = translate(CTX, "The same script was sent at {1} — generate it again for {0}?")
        text = text.replace("{1}", sent_at)
    return text.replace("{0}", amount)


class DuplicateQuestion(QMessageBox):
    """Ask; after ``finished``, :attr:`send_again` says whether the user chose to pay again."""

    def __init__(self, parent: QWidget, earlier: Job, cost: str) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate(CTX, "Generate speech"))
        self.setText(question_text(earlier, cost))
        self.setInformativeText(
            translate(
                CTX, "That task: {0}. Sending again creates a second task, charged again."
            ).replace("{0}", state_text(earlier.state))
        )
        self._again = self.addButton(
            translate(CTX, "Generate again"), QMessageBox.ButtonRole.YesRole
        )
        self._again.setObjectName("generateAgainButton")
        keep = self.addButton(translate(CTX, "Don't send"), QMessageBox.ButtonRole.NoRole)
        keep.setObjectName("dontSendButton")
        self.setDefaultButton(keep)
        self.setEscapeButton(keep)

    @property
    def send_again(self) -> bool:
        return self.clickedButton() is self._again
