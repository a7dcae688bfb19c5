"""Book settings: the target segment size with its money trade-off shown live, the gaps the
stitcher puts between segments, paragraphs and chapters, and the budget."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.estimate import SizeTradeoff
from soundclone_desktop.core.book.model import MAX_GAP_SECONDS, BookSettings, Gaps
from soundclone_desktop.core.book.segment import MIN_TARGET_CHARS
from soundclone_desktop.core.script import MAX_REQUEST_CHARS
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.book.texts import number, tradeoff_text
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.parameters.range_spin import RangeDoubleSpinBox, RangeSpinBox

CTX = "BookSettings"
TRADEOFF_DELAY_MS: Final = 150  # recompute once the spin box stops moving
MAX_BUDGET: Final = 1_000_000_000

TradeoffFor = Callable[[int], Awaitable[SizeTradeoff]]


class BookSettingsDialog(QDialog):
    def __init__(
        self, settings: BookSettings, tradeoff_for: TradeoffFor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookSettingsDialog")
        self.setWindowTitle(translate(CTX, "Book settings"))
        self.setMinimumWidth(480)
        self._settings = settings
        self._tradeoff_for = tradeoff_for
        self._generation = 0
        self.tradeoff_task: asyncio.Task[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TRADEOFF_DELAY_MS)
        self._timer.timeout.connect(self._recompute)

        layout = QVBoxLayout(self)
        layout.addWidget(self._segments_group())
        layout.addWidget(self._gaps_group())
        layout.addWidget(self._budget_group())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("bookSettingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._recompute()

    # -- building ---------------------------------------------------------------------------

    def _segments_group(self) -> QGroupBox:
        group = QGroupBox(translate(CTX, "Segments"))
        self.target_spin = RangeSpinBox()
        self.target_spin.setObjectName("targetCharsSpin")
        self.target_spin.setRange(MIN_TARGET_CHARS, MAX_REQUEST_CHARS)
        self.target_spin.setSingleStep(500)
        self.target_spin.setGroupSeparatorShown(True)
        self.target_spin.setValue(self._settings.target_chars)
        self.target_spin.setSuffix(translate(CTX, " characters"))
        self.target_spin.setToolTip(
            translate(CTX, "%1 to %2 characters")
            .replace("%1", number(MIN_TARGET_CHARS))
            .replace("%2", number(MAX_REQUEST_CHARS))
        )
        self.target_spin.valueChanged.connect(lambda _v: self._timer.start())
        self.tradeoff_label = QLabel()
        self.tradeoff_label.setObjectName("tradeoffLabel")
        self.tradeoff_label.setWordWrap(True)
        explain = QLabel(
            translate(
                CTX,
                "Every task pays the voice fee once: larger segments cost less in fees, "
                "smaller ones make redoing a fix cheaper.",
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate(CTX, "Target segment size:"), self.target_spin)
        box = QVBoxLayout(group)  # wrapped labels below the form: a form row clips them
        box.addLayout(form)
        box.addWidget(self.tradeoff_label)
        box.addWidget(explain)
        return group

    def _gaps_group(self) -> QGroupBox:
        group = QGroupBox(translate(CTX, "Silence added when chapters are stitched"))
        gaps = self._settings.gaps
        labels = {
            "between_segments": translate(CTX, "Between segments:"),
            "between_paragraphs": translate(CTX, "Between paragraphs:"),
            "after_title": translate(CTX, "After a chapter title:"),
            "chapter_head": translate(CTX, "Head of each chapter:"),
            "chapter_tail": translate(CTX, "Tail of each chapter:"),
        }
        form = QFormLayout()
        self.gap_spins: dict[str, QDoubleSpinBox] = {}
        range_text = translate(CTX, "0 to %1 seconds").replace("%1", f"{MAX_GAP_SECONDS:g}")
        for name, label in labels.items():
            spin = RangeDoubleSpinBox()
            spin.setObjectName(f"gap_{name}_spin")
            spin.setRange(0.0, MAX_GAP_SECONDS)
            spin.setDecimals(1)
            spin.setSingleStep(0.1)
            spin.setSuffix(translate(CTX, " s"))
            spin.setValue(float(getattr(gaps, name)))
            spin.setToolTip(range_text)
            self.gap_spins[name] = spin
            form.addRow(label, spin)
        note = QLabel(
            translate(
                CTX, "%1. Silence is added to the audio, never sent as pauses (those are billed)."
            ).replace("%1", range_text)
        )
        note.setWordWrap(True)
        box = QVBoxLayout(group)
        box.addLayout(form)
        box.addWidget(note)
        return group

    def _budget_group(self) -> QGroupBox:
        group = QGroupBox(translate(CTX, "Budget"))
        self.budget_check = QCheckBox(translate(CTX, "Never spend more than"))
        self.budget_check.setObjectName("budgetCheck")
        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setObjectName("budgetSpin")
        self.budget_spin.setRange(0, MAX_BUDGET)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setGroupSeparatorShown(True)
        budget = self._settings.budget
        self.budget_check.setChecked(budget is not None)
        self.budget_spin.setValue(float(budget) if budget is not None else 0.0)
        self.budget_spin.setEnabled(budget is not None)
        self.budget_check.toggled.connect(self.budget_spin.setEnabled)
        row = QHBoxLayout(group)
        row.addWidget(self.budget_check)
        row.addWidget(self.budget_spin, 1)
        return group

    # -- the trade-off ------------------------------------------------------------------------

    def _recompute(self) -> None:
        self._generation += 1
        generation = self._generation
        target = self.target_spin.value()
        self.tradeoff_task = spawn(self._show_tradeoff(target, generation), owner=self)

    async def _show_tradeoff(self, target: int, generation: int) -> None:
        tradeoff = await self._tradeoff_for(target)
        if generation == self._generation:  # a later value is on its way: keep quiet
            self.tradeoff_label.setText(tradeoff_text(tradeoff))

    def tradeoff_pending(self) -> bool:
        task = self.tradeoff_task
        return self._timer.isActive() or (task is not None and not task.done())

    # -- the result ---------------------------------------------------------------------------

    def settings(self) -> BookSettings:
        gaps = Gaps(**{name: round(spin.value(), 1) for name, spin in self.gap_spins.items()})
        budget = None
        if self.budget_check.isChecked():
            budget = Decimal(str(round(self.budget_spin.value(), 2)))
        return dataclasses.replace(
            self._settings, target_chars=self.target_spin.value(), gaps=gaps, budget=budget
        )
