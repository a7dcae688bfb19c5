"""The voice library dialog: every voice with its status; rename, tag, annotate, play, delete.

A table (sortable, with a filter box) above a details form for the selected voice. Deleting
is local only and the confirmation says so: the voice stays on the server until it expires.
Confirmations and errors appear in the dialog's own message bar, never in a modal box.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.voices import VoiceStatus
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.common.message_bar import Level, MessageBar
from soundclone_desktop.ui.theme.colours import colours_for
from soundclone_desktop.ui.voices.status_text import status_text, status_tooltip
from soundclone_desktop.ui.voices.voice_store import VoiceStore

CTX = "VoiceLibraryDialog"

MODEL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("name", "status", "tags", "created", "source", "model_id")
NAME, STATUS, TAGS, CREATED, SOURCE, MODEL_ID = range(len(COLUMNS))
_STATUS_RANK = {
    VoiceStatus.TEMPORARY: 0,  # soonest expiry first within: the ones that need attention
    VoiceStatus.PERMANENT: 1,
    VoiceStatus.UNKNOWN: 2,
    VoiceStatus.EXPIRED: 3,
}


def parse_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas (either width) or semicolons."""
    for separator in ("，", ";", "；"):
        text = text.replace(separator, ",")
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class VoiceLibraryDialog(QDialog):
    """``play_requested(voice)`` and ``make_permanent_requested(model_id)`` go to the window."""

    play_requested = Signal(object)  # Voice
    make_permanent_requested = Signal(str)

    def __init__(self, store: VoiceStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceLibraryDialog")
        self.setWindowTitle(translate(CTX, "Voice library"))
        self.setModal(False)
        self.resize(880, 520)  # wide enough for a voice ID next to the other columns
        self.store = store
        self._shown_id: str | None = None  # the voice in the details form
        self._reloading = False  # rows are being replaced: the selection flickers
        self._build()
        self._connect()
        self.reload()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.messages = MessageBar()
        self.messages.setObjectName("voiceLibraryMessages")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("voiceFilterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            translate(CTX, "Filter by name, status, tag, source or ID")
        )

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [
                translate(CTX, "Name"),
                translate(CTX, "Status"),
                translate(CTX, "Tags"),
                translate(CTX, "Created"),
                translate(CTX, "Source"),
                translate(CTX, "Voice ID"),
            ]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("voiceTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("voiceNameEdit")
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("voiceTagsEdit")
        self.tags_edit.setPlaceholderText(translate(CTX, "Separate tags with commas"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("voiceNotesEdit")
        self.notes_edit.setPlaceholderText(translate(CTX, "Notes: where the recording came from…"))
        self.notes_edit.setMaximumHeight(90)
        self.save_button = QPushButton(translate(CTX, "Save changes"))
        self.save_button.setObjectName("voiceSaveButton")
        form = QFormLayout()
        form.addRow(translate(CTX, "Name:"), self.name_edit)
        form.addRow(translate(CTX, "Tags:"), self.tags_edit)
        form.addRow(translate(CTX, "Notes:"), self.notes_edit)

        self.play_button = QPushButton(translate(CTX, "Play preview"))
        self.play_button.setObjectName("voicePlayButton")
        self.copy_button = QPushButton(translate(CTX, "Copy ID"))
        self.copy_button.setObjectName("voiceCopyIdButton")
        self.permanent_button = QPushButton(translate(CTX, "Make permanent…"))
        self.permanent_button.setObjectName("voiceMakePermanentButton")
        self.delete_button = QPushButton(translate(CTX, "Delete…"))
        self.delete_button.setObjectName("voiceDeleteButton")
        actions = QHBoxLayout()
        for button in (self.play_button, self.copy_button, self.permanent_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.delete_button)

        self.details = QWidget()
        self.details.setObjectName("voiceDetails")
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addLayout(actions)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().selectionChanged.connect(self._on_current_changed)
        self.store.changed.connect(self.reload)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.tags_edit.textChanged.connect(self._update_buttons)
        self.notes_edit.textChanged.connect(self._update_buttons)
        self.save_button.clicked.connect(self.save_details)
        self.play_button.clicked.connect(self._play)
        self.copy_button.clicked.connect(self.copy_id)
        self.permanent_button.clicked.connect(self._make_permanent)
        self.delete_button.clicked.connect(self.ask_delete)

    # -- the table -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the library; the selected voice stays selected, unsaved edits stay."""
        keep = self.current_id() or self._shown_id
        now = self.store.now()
        self._reloading = True
        try:
            sorting = self.table.isSortingEnabled()
            self.table.setSortingEnabled(False)  # no re-sorting under every inserted row
            self.model.removeRows(0, self.model.rowCount())
            for voice in self.store.voices():
                self.model.appendRow(self._row(voice, now))
            self.table.setSortingEnabled(sorting)
            self.table.resizeColumnsToContents()
            if (keep is None or not self.select(keep)) and self.proxy.rowCount():
                self.table.selectRow(0)
        finally:
            self._reloading = False
        self._refresh_details()

    def _row(self, voice: Voice, now: float) -> list[QStandardItem]:
        status = voice.status(now)
        expires = voice.expires_at() or 0.0
        status_label = status_text(voice, now)
        if voice.demo:
            status_label = translate(CTX, "{status} (demo server)").format(status=status_label)
        created = (
            QLocale().toString(
                QDateTime.fromSecsSinceEpoch(int(voice.created_at)),
                QLocale.FormatType.ShortFormat,
            )
            if voice.created_at is not None
            else "—"
        )
        cells = [
            (voice.name, voice.name.casefold()),
            (status_label, f"{_STATUS_RANK[status]}:{expires:016.0f}"),
            (", ".join(voice.tags), ", ".join(voice.tags).casefold()),
            (created, f"{voice.created_at or 0:016.0f}"),
            (voice.source, voice.source.casefold()),
            (voice.model_id, voice.model_id),
        ]
        items = []
        for text, key in cells:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            item.setData(voice.model_id, MODEL_ID_ROLE)
            items.append(item)
        items[STATUS].setToolTip(status_tooltip(voice, now))
        items[SOURCE].setToolTip(voice.source)
        if self.store.near_expiry(voice):
            items[STATUS].setForeground(QBrush(colours_for(self.palette()).warning_text))
            items[STATUS].setIcon(
                self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            )
        if voice.notes:
            items[NAME].setToolTip(voice.notes)
        return items

    def row_of(self, model_id: str) -> int:
        """The table row (view order) showing ``model_id``, or -1 (missing or filtered out)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(MODEL_ID_ROLE) == model_id:
                return row
        return -1

    def select(self, model_id: str) -> bool:
        row = self.row_of(model_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def current_id(self) -> str | None:
        """The selected voice's ID (one row at most is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(MODEL_ID_ROLE)
        return value if isinstance(value, str) else None

    def current_voice(self) -> Voice | None:
        model_id = self.current_id()
        return None if model_id is None else self.store.get(model_id)

    # -- details -------------------------------------------------------------------------------

    def _on_current_changed(self, *_args: object) -> None:
        if not self._reloading:
            self._refresh_details()

    def _refresh_details(self) -> None:
        voice = self.current_voice()
        if voice is not None and voice.model_id == self._shown_id and self.dirty():
            self._update_buttons()  # a reload under unsaved edits: they stay
            return
        if self._shown_id is not None and self.dirty() and not self.save_details():
            # Moving away (another row, or the filter hid this one) commits the edits; a
            # refused one (blank name) stays in the form with the reason shown.
            self._update_buttons()
            return
        self._show_details(self.current_voice())
        self._update_buttons()

    def _show_details(self, voice: Voice | None) -> None:
        self._shown_id = None if voice is None else voice.model_id
        self.name_edit.setText("" if voice is None else voice.name)
        self.tags_edit.setText("" if voice is None else ", ".join(voice.tags))
        self.notes_edit.setPlainText("" if voice is None else voice.notes)
        self.details.setEnabled(voice is not None)

    def dirty(self) -> bool:
        """The form differs from the stored voice (unsaved edits)."""
        voice = self.store.get(self._shown_id) if self._shown_id else None
        if voice is None:
            return False
        return (
            self.name_edit.text() != voice.name
            or tuple(parse_tags(self.tags_edit.text())) != voice.tags
            or self.notes_edit.toPlainText() != voice.notes
        )

    def _update_buttons(self) -> None:
        voice = self.store.get(self._shown_id) if self._shown_id else None
        has_voice = voice is not None
        self.save_button.setEnabled(has_voice and self.dirty())
        has_preview = bool(voice and voice.preview_path and voice.preview_path.exists())
        self.play_button.setEnabled(has_preview)
        self.play_button.setToolTip(
            ""
            if has_preview
            else translate(CTX, "This voice has no preview clip on this computer.")
        )
        self.copy_button.setEnabled(has_voice)
        self.delete_button.setEnabled(has_voice)
        temporary = voice is not None and self.store.status(voice) is VoiceStatus.TEMPORARY
        self.permanent_button.setEnabled(temporary)

    def save_details(self) -> bool:
        """Write the form to the library; a blank name is refused and nothing is lost."""
        model_id = self._shown_id
        if model_id is None:
            return False
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.messages.show_message(
                translate(CTX, "Name: enter at least one character."), Level.ERROR
            )
            self.name_edit.setFocus()
            return False
        voice = self.store.get(model_id)
        if voice is None:
            return False
        tags = parse_tags(self.tags_edit.text())
        notes = self.notes_edit.toPlainText()
        # Each write announces a change, and a reload refills the form from the library:
        # take every value from the form before the first write.
        if name != voice.name:
            self.store.rename(model_id, name)
        if tuple(tags) != voice.tags:
            self.store.set_tags(model_id, tags)
        if notes != voice.notes:
            self.store.set_notes(model_id, notes)
        self.messages.clear()
        self._show_details(self.store.get(model_id))
        self._update_buttons()
        return True

    # -- actions -------------------------------------------------------------------------------

    def _play(self) -> None:
        voice = self.current_voice()
        if voice is not None and voice.preview_path is not None:
            self.play_requested.emit(voice)

    def copy_id(self) -> None:
        voice = self.current_voice()
        if voice is None:
            return
        QGuiApplication.clipboard().setText(voice.model_id)
        self.messages.show_message(
            translate(CTX, "Copied the ID of “{name}”.").format(name=voice.name), Level.INFO
        )

    def _make_permanent(self) -> None:
        voice = self.current_voice()
        if voice is not None:
            self.make_permanent_requested.emit(voice.model_id)

    def ask_delete(self) -> None:
        """Ask in the message bar; the confirmation says the server keeps the voice."""
        voice = self.current_voice()
        if voice is None:
            return
        model_id = voice.model_id
        if self.store.status(voice) is VoiceStatus.PERMANENT:
            text = translate(
                CTX,
                "Remove “{name}” from the library? This only forgets it on this computer: the "
                "voice still exists on the server, and its ID keeps working.",
            )
        else:
            text = translate(
                CTX,
                "Remove “{name}” from the library? This only forgets it on this computer: the "
                "voice still exists on the server until it expires.",
            )
        self.messages.show_message(
            text.format(name=voice.name),
            Level.WARNING,
            action_text=translate(CTX, "Delete from library"),
            action=lambda: self.delete(model_id),
        )

    def delete(self, model_id: str) -> None:
        voice = self.store.delete(model_id)
        if voice is not None:
            self.messages.show_message(
                translate(CTX, "Removed “{name}” from the library.").format(name=voice.name),
                Level.INFO,
            )
