"""Small widgets the clone wizard's pages share: a list of check results, a drop zone."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.clone_source import CheckLevel
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.theme.tint import Tone, set_tone

CTX = "CloneWizard"


class Mark(StrEnum):
    OK = "ok"
    ERROR = "error"
    WARNING = "warning"
    PENDING = "pending"

    @classmethod
    def of(cls, level: CheckLevel) -> Mark:
        return cls.ERROR if level is CheckLevel.ERROR else cls.WARNING


# Symbol and colour per mark: the symbol says it without the colour.
_LOOK = {
    Mark.OK: ("✔", Tone.SUCCESS),
    Mark.ERROR: ("✖", Tone.ERROR),
    Mark.WARNING: ("⚠", Tone.WARNING),
    Mark.PENDING: ("…", Tone.MUTED),
}


class ChecksView(QWidget):
    """One line per check: a coloured symbol and a wrapped sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._items: list[tuple[Mark, str]] = []

    def items(self) -> list[tuple[Mark, str]]:
        return list(self._items)

    def texts(self) -> list[str]:
        return [text for _mark, text in self._items]

    def set_items(self, items: list[tuple[Mark, str]]) -> None:
        if items == self._items:
            return
        self._items = list(items)
        while self._layout.count():
            item = self._layout.takeAt(0)
            child = item.widget() if item is not None else None
            if child is not None:
                child.hide()  # at once: deleteLater alone leaves it drawn until the loop runs
                child.deleteLater()
        for mark, text in items:
            self._layout.addWidget(_line(mark, text))


def _line(mark: Mark, text: str) -> QWidget:
    symbol, tone = _LOOK[mark]
    row = QWidget()
    row.setObjectName(f"check-{mark.value}")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    icon = QLabel(symbol)
    set_tone(icon, tone)
    bold = icon.font()
    bold.setBold(True)
    icon.setFont(bold)
    icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    icon.setFixedWidth(16)
    label = QLabel(text)
    label.setObjectName("checkText")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(icon)
    layout.addWidget(label, 1)
    return row


def hide_player_buttons(player: QWidget, *names: str) -> None:
    """Hide a player's header buttons that make no sense in the wizard (by object name).

    "Export…" opens the studio's export dialog, which the wizard does not offer; "Save as…"
    on the user's own source file would only copy it.
    """
    for name in names:
        button = player.findChild(QToolButton, name)
        if button is not None:
            button.hide()


def dropped_file(urls: list[Path]) -> Path | None:
    """The one local file of a drop, or ``None`` (nothing, several, or not local)."""
    return urls[0] if len(urls) == 1 else None


class DropZone(QFrame):
    """A dashed box that takes one dropped file and offers a Browse button."""

    file_dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cloneDropZone")
        self.setAcceptDrops(True)
        self.setStyleSheet(
            "#cloneDropZone { border: 2px dashed palette(mid); border-radius: 6px; }"
            '#cloneDropZone[hover="true"] { border-color: palette(highlight); }'
        )
        self.label = QLabel(translate(CTX, "Drop an audio or video file here"))
        self.label.setObjectName("cloneDropLabel")
        self.label.setWordWrap(True)
        self.browse_button = QPushButton(translate(CTX, "Choose a file…"))
        self.browse_button.setObjectName("cloneBrowseButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.browse_button)

    def _local_files(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(self._local_files(event)) is not None:
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        path = dropped_file(self._local_files(event))
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.file_dropped.emit(path)

    def _set_hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)
