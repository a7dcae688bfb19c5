"""The question before a render spends anything: the plan's estimate, the budget, and the
money on the button ("Render · 12.40 JimiCoin"). Shown with ``open()`` (no nested loop);
the caller awaits ``finished``."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.estimate import BookEstimate
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.texts import number
from soundclone_desktop.ui.common.money import money_text

CTX = "BookView"


class RenderConfirmDialog(QDialog):
    """``estimate`` is the render plan's: ``remaining`` is what this render sends."""

    def __init__(
        self,
        estimate: BookEstimate,
        *,
        scope: str,
        budget: Decimal | None,
        demo: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("renderConfirmDialog")
        self.setWindowTitle(translate(CTX, "Render"))
        self.setModal(True)
        currency = estimate.currency
        todo = estimate.remaining

        heading = QLabel(translate(CTX, "Render %1?").replace("%1", scope))
        heading.setObjectName("renderConfirmHeading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        form = QFormLayout()
        self.figures: dict[str, QLabel] = {}
        rows = (
            ("tasks", translate(CTX, "Tasks"), number(todo.tasks)),
            ("chars", translate(CTX, "Billable characters"), number(todo.billable_chars)),
            ("fees", translate(CTX, "Voice fees"), money_text(todo.voice_fees, currency)),
            ("total", translate(CTX, "Total"), money_text(todo.cost, currency)),
            ("paid", translate(CTX, "Already paid"), money_text(estimate.rendered.cost, currency)),
            (
                "budget",
                translate(CTX, "Budget"),
                money_text(budget, currency) if budget is not None else translate(CTX, "None"),
            ),
        )
        for name, label, value in rows:
            field = QLabel(value)
            field.setObjectName(f"renderConfirm_{name}")
            self.figures[name] = field
            form.addRow(label, field)

        notes: list[str] = []
        if budget is not None and todo.cost is not None and todo.cost > budget:
            notes.append(
                translate(CTX, "The budget stops the render before the task that would cross it.")
            )
        if demo:
            notes.append(translate(CTX, "Demo: no real money."))
        note = QLabel(" ".join(notes))
        note.setObjectName("renderConfirmNote")
        note.setWordWrap(True)
        note.setVisible(bool(notes))

        buttons = QDialogButtonBox()
        total = money_text(todo.cost, currency) if todo.cost is not None else None
        text = (
            translate(CTX, "Render · %1").replace("%1", total)
            if total is not None
            else translate(CTX, "Render")
        )
        self.render_button: QPushButton = buttons.addButton(
            text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.render_button.setObjectName("renderConfirmButton")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        cancel.setObjectName("renderCancelButton")
        cancel.setDefault(True)  # paying is never the default of a stray Enter
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
