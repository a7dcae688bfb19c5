"""The pronunciation rules table of a book: a word or phrase and what to send instead, a
regular expression or not, the whole book or one chapter, on or off. Add, change, remove,
and before any of it, see what the change does: how many places the rule changes and how
many segments would need rendering again (counted in a worker, as the render queue would).

Changes go to the book at once through the controller (one transaction each); nothing is
re-rendered by itself. "Listen with this rule…" tries the rule being edited on one sentence.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.book.pronunciation import Rule, RuleError
from soundclone_desktop.core.book.rule_effect import RuleEffect, rule_effect
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.common.async_utils import spawn

CTX = "PronunciationRules"
EFFECT_DELAY_MS: Final = 250  # the counts follow typing this late
COL_ON, COL_FIND, COL_REPLACE, COL_REGEX, COL_SCOPE = range(5)


def _field_name(field: str) -> str:
    if field == "replace":
        return translate(CTX, "Send instead")
    return translate(CTX, "Word or phrase")


class RulesDialog(QDialog):
    """``change_requested(callable)``: apply a change to the book's store (the controller
    does it off the GUI thread, then calls :meth:`show_book`). ``listen_requested(rule,
    rules after)``: try the rule being edited on one sentence."""

    change_requested = Signal(object)
    listen_requested = Signal(object, object)

    def __init__(
        self, book: Book, chapter: tuple[str, str] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pronunciationRulesDialog")
        self.setWindowTitle(translate(CTX, "Pronunciation Rules"))
        self.book = book
        self.chapter = chapter  # (id, title) of the chapter in the editor
        self.effect: RuleEffect | None = None
        self.counting: asyncio.Task[None] | None = None
        self._effect_timer = QTimer(self)
        self._effect_timer.setSingleShot(True)
        self._effect_timer.setInterval(EFFECT_DELAY_MS)
        self._effect_timer.timeout.connect(self._count)
        self._build()
        self.show_book(book)
        self.resize(720, 460)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(
            translate(
                CTX,
                "The text keeps what is written; a rule changes only what is sent to the voice. "
                "Earlier rules win where two overlap.",
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate(CTX, "On"),
                translate(CTX, "Word or phrase"),
                translate(CTX, "Send instead"),
                translate(CTX, "Regex"),
                translate(CTX, "Scope"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REPLACE, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._load_selected())
        self.table.itemChanged.connect(self._on_item_changed)

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("ruleFindEdit")
        self.find_edit.setPlaceholderText(translate(CTX, "行长, LV, Dr\\.? (\\w+)"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("ruleReplaceEdit")
        self.replace_edit.setPlaceholderText(translate(CTX, "航长, Level, Doctor \\1"))
        self.regex_box = QCheckBox(translate(CTX, "Regular expression"))
        self.enabled_box = QCheckBox(translate(CTX, "On"))
        self.enabled_box.setChecked(True)
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("ruleScopeBox")
        self.scope_box.addItem(translate(CTX, "Whole book"), None)
        if self.chapter is not None:
            self.scope_box.addItem(
                translate(CTX, "Chapter “%1” only").replace("%1", self.chapter[1]),
                self.chapter[0],
            )
        for signal in (self.find_edit.textChanged, self.replace_edit.textChanged):
            signal.connect(lambda _t: self._draft_changed())
        for box in (self.regex_box, self.enabled_box):
            box.toggled.connect(lambda _c: self._draft_changed())
        self.scope_box.currentIndexChanged.connect(lambda _i: self._draft_changed())

        flags = QHBoxLayout()
        flags.addWidget(self.regex_box)
        flags.addWidget(self.enabled_box)
        flags.addStretch(1)
        form = QFormLayout()
        form.addRow(translate(CTX, "Word or phrase:"), self.find_edit)
        form.addRow(translate(CTX, "Send instead:"), self.replace_edit)
        form.addRow(translate(CTX, "Scope:"), self.scope_box)
        form.addRow("", flags)

        self.effect_label = QLabel()
        self.effect_label.setObjectName("ruleEffectLabel")
        self.effect_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("ruleErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: palette(link);")

        self.add_button = QPushButton(translate(CTX, "Add"))
        self.add_button.setObjectName("addRuleButton")
        self.save_button = QPushButton(translate(CTX, "Save Changes"))
        self.save_button.setObjectName("saveRuleButton")
        self.remove_button = QPushButton(translate(CTX, "Remove"))
        self.remove_button.setObjectName("removeRuleButton")
        self.listen_button = QPushButton(translate(CTX, "Listen with This Rule…"))
        self.listen_button.setObjectName("listenRuleButton")
        self.listen_button.setToolTip(
            translate(CTX, "Send one sentence with this rule as a small task, and play it")
        )
        self.add_button.clicked.connect(self._add)
        self.save_button.clicked.connect(self._save)
        self.remove_button.clicked.connect(self._remove)
        self.listen_button.clicked.connect(self._listen)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.listen_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.effect_label)
        layout.addWidget(self.error_label)
        layout.addWidget(close)

    # -- the book's rules -------------------------------------------------------------------

    def show_book(self, book: Book) -> None:
        """The table as the book has it now (after a change, or at opening)."""
        added = len(book.rules) > len(self.book.rules)
        selected = self.selected_rule()
        self.book = book
        if added:
            selected = book.rules[-1]  # the rule just added: the form now edits it
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(book.rules))
            for row, rule in enumerate(book.rules):
                self._fill_row(row, rule)
        finally:
            self.table.blockSignals(False)
        row = next((i for i, r in enumerate(book.rules) if selected and r.id == selected.id), -1)
        self.table.selectRow(row) if row >= 0 else self.table.clearSelection()
        self._update_buttons()
        self._draft_changed()

    def _fill_row(self, row: int, rule: Rule) -> None:
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        on.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
        on.setData(Qt.ItemDataRole.UserRole, rule.id)
        self.table.setItem(row, COL_ON, on)
        self.table.setItem(row, COL_FIND, QTableWidgetItem(rule.find))
        self.table.setItem(row, COL_REPLACE, QTableWidgetItem(rule.replace))
        regex = translate(CTX, "Yes") if rule.regex else ""
        self.table.setItem(row, COL_REGEX, QTableWidgetItem(regex))
        self.table.setItem(row, COL_SCOPE, QTableWidgetItem(self._scope_text(rule)))

    def _scope_text(self, rule: Rule) -> str:
        if rule.chapter_id is None:
            return translate(CTX, "Whole book")
        try:
            return self.book.chapter(rule.chapter_id).title
        except KeyError:
            return "?"

    def selected_rule(self) -> Rule | None:
        row = self.table.currentRow()
        items = self.table.selectedItems()
        if row < 0 or not items or row >= len(self.book.rules):
            return None
        return self.book.rules[row]

    def _load_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self.find_edit.setText(rule.find)
            self.replace_edit.setText(rule.replace)
            self.regex_box.setChecked(rule.regex)
            self.enabled_box.setChecked(rule.enabled)
            self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(rule.chapter_id)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_rule() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_ON:
            return
        rule_id = int(item.data(Qt.ItemDataRole.UserRole))
        enabled = item.checkState() == Qt.CheckState.Checked
        self.change_requested.emit(lambda store: store.set_rule_enabled(rule_id, enabled))

    # -- the rule being edited --------------------------------------------------------------

    def draft(self, rule_id: int = 0) -> Rule:
        """The rule the form describes. Raises :class:`RuleError`."""
        return Rule(
            rule_id,
            self.find_edit.text() if self.regex_box.isChecked() else self.find_edit.text().strip(),
            self.replace_edit.text(),
            self.regex_box.isChecked(),
            self.scope_box.currentData(),
            self.enabled_box.isChecked(),
        )

    def _checked_draft(self, rule_id: int = 0) -> Rule | None:
        try:
            rule = self.draft(rule_id)
        except RuleError as exc:
            self.error_label.setText(_field_name(exc.field) + ": " + exc.message)
            return None
        self.error_label.clear()
        return rule

    def rules_after(self, rule: Rule, *, replacing: int | None) -> list[Rule]:
        """The table with ``rule`` saved in place of rule ``replacing`` (None: added)."""
        if replacing is None:
            return [*self.book.rules, rule]
        return [rule if r.id == replacing else r for r in self.book.rules]

    def _draft_changed(self) -> None:
        self.error_label.clear()
        self._effect_timer.start()

    def _count(self) -> None:
        book = self.book
        if not self.find_edit.text():
            self.counting = spawn(self._count_in_worker(book, None, list(book.rules)), owner=self)
            return
        selected = self.selected_rule()
        replacing = selected.id if selected is not None and self._draft_is_selected() else None
        rule = self._checked_draft(replacing or 0)
        if rule is None:
            return
        after = self.rules_after(rule, replacing=replacing)
        self.counting = spawn(self._count_in_worker(book, rule, after), owner=self)

    async def _count_in_worker(self, book: Book, rule: Rule | None, after: list[Rule]) -> None:
        effect = await asyncio.to_thread(rule_effect, book, rule, after)
        if book is self.book:
            self._show_effect(effect, rule)

    def _draft_is_selected(self) -> bool:
        selected = self.selected_rule()
        return selected is not None and selected.find == self.find_edit.text()

    def _show_effect(self, effect: RuleEffect | None, rule: Rule | None) -> None:
        self.effect = effect
        if effect is None:
            self.effect_label.clear()
            return
        if rule is None:
            self.effect_label.setText(
                translate(CTX, "Segments to render again for the rules to be heard: %1").replace(
                    "%1", str(effect.stale_now)
                )
            )
            return
        places = translate(CTX, "“%1” → “%2” · places: %n.", None, effect.places)
        stale = translate(CTX, "Segments to render again: %1 now, %2 with this rule.")
        self.effect_label.setText(
            places.replace("%1", rule.find).replace("%2", rule.replace)
            + " "
            + stale.replace("%1", str(effect.stale_now)).replace("%2", str(effect.stale_after))
        )

    # -- buttons ----------------------------------------------------------------------------

    def _add(self) -> None:
        rule = self._checked_draft()
        if rule is not None:
            self.change_requested.emit(_adding(rule))

    def _save(self) -> None:
        selected = self.selected_rule()
        rule = self._checked_draft(selected.id if selected else 0)
        if selected is None or rule is None:
            return
        changes = {
            "find": rule.find,
            "replace": rule.replace,
            "regex": rule.regex,
            "chapter_id": rule.chapter_id,
            "enabled": rule.enabled,
        }
        rule_id = selected.id
        self.change_requested.emit(lambda store: store.update_rule(rule_id, **changes))

    def _remove(self) -> None:
        selected = self.selected_rule()
        if selected is not None:
            rule_id = selected.id
            self.change_requested.emit(lambda store: store.remove_rule(rule_id))

    def _listen(self) -> None:
        selected = self.selected_rule()
        replacing = selected.id if selected is not None and self._draft_is_selected() else None
        rule = self._checked_draft(replacing or 0)
        if rule is not None:
            self.listen_requested.emit(rule, self.rules_after(rule, replacing=replacing))


def _adding(rule: Rule) -> Callable[[BookStore], object]:
    def add(store: BookStore) -> object:
        return store.add_rule(
            rule.find,
            rule.replace,
            regex=rule.regex,
            chapter_id=rule.chapter_id,
            enabled=rule.enabled,
        )

    return add
