"""The voice browser: every voice as a card you can hear (▶) and use, with search and filter.

A non-modal tool window, like the library: choose a voice while the script stays editable.
"Clone a voice" is the first card; with no voices of one's own, the browser says so and
points at it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.core.voices import VoiceStatus
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.flow_layout import FlowLayout
from soundclone_desktop.ui.theme.tint import Tone, set_tone
from soundclone_desktop.ui.voices.browser_entries import VoiceEntry
from soundclone_desktop.ui.voices.voice_card import CloneCard, VoiceCard

CTX = "VoiceBrowser"

_FILTERS = ("all", "usable", "permanent", "temporary", "expired")


class VoiceBrowser(QDialog):
    play_requested = Signal(object)  # VoiceEntry
    use_requested = Signal(str)  # model_id
    clone_requested = Signal()

    def __init__(
        self,
        entries: Callable[[], list[VoiceEntry]],
        current: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voiceBrowser")
        self.setWindowTitle(translate(CTX, "Voices"))
        self.resize(780, 520)
        # palette() in a style sheet follows the theme by itself.
        self.setStyleSheet(
            "#voiceCard, #cloneCard { background: palette(base);"
            " border: 1px solid palette(mid); border-radius: 8px; }"
            " #voiceCard:focus-within { border-color: palette(highlight); }"
        )
        self._entries = entries
        self._current = current
        self.cards: list[VoiceCard] = []

        self.search = QLineEdit()
        self.search.setObjectName("voiceSearch")
        self.search.setPlaceholderText(translate(CTX, "Search by name, language or tag"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate(CTX, "Search voices"))
        self.filter = QComboBox()
        self.filter.setObjectName("voiceFilter")
        self.filter.setAccessibleName(translate(CTX, "Show"))
        labels = {
            "all": translate(CTX, "All voices"),
            "usable": translate(CTX, "Ready to use"),
            "permanent": translate(CTX, "Permanent"),
            "temporary": translate(CTX, "Temporary"),
            "expired": translate(CTX, "Expired"),
        }
        for key in _FILTERS:
            self.filter.addItem(labels[key], key)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("voiceBrowserEmpty")
        self.empty_label.setWordWrap(True)
        set_tone(self.empty_label, Tone.MUTED)
        self.clone_card = CloneCard()
        self._grid = QWidget()
        self._flow = FlowLayout(self._grid)
        scroll = QScrollArea()
        scroll.setObjectName("voiceGrid")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)

        self.search.textChanged.connect(self.reload)
        self.filter.currentIndexChanged.connect(self.reload)
        self.clone_card.clone_requested.connect(self.clone_requested)
        self.reload()

    def reload(self, *_args: object) -> None:
        """Build the cards again from the current voices, search and filter."""
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget is not self.clone_card:
                widget.deleteLater()
        self.cards = []
        self._flow.addWidget(self.clone_card)
        everything = self._entries()
        query = self.search.text().strip()
        kind = str(self.filter.currentData())
        shown = [e for e in everything if e.matches(query) and _passes(e, kind)]
        current = self._current()
        for entry in shown:
            card = VoiceCard(entry, in_use=entry.model_id == current, parent=self._grid)
            card.play_requested.connect(self.play_requested)
            card.use_requested.connect(self._use)
            self._flow.addWidget(card)
            self.cards.append(card)
        self._say_empty(everything, shown, query)

    def card_for(self, model_id: str) -> VoiceCard | None:
        return next((c for c in self.cards if c.entry.model_id == model_id), None)

    def _use(self, model_id: str) -> None:
        self.use_requested.emit(model_id)
        self.reload()  # "In use" moves to the chosen card

    def _say_empty(self, everything: list[VoiceEntry], shown: list[VoiceEntry], query: str) -> None:
        if not [e for e in everything if not e.server_voice]:
            text = translate(
                CTX,
                "No voices of your own yet. Clone one from a recording of the voice: "
                "the first card shows how.",
            )
        elif shown:
            text = ""
        elif query:
            text = translate(CTX, "No voice matches “{0}”.").replace("{0}", query)
        else:
            text = translate(CTX, "No voice of this kind. Choose “All voices” to see the others.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))


def _passes(entry: VoiceEntry, kind: str) -> bool:
    if kind == "usable":
        return entry.usable
    if kind == "permanent":
        return entry.status is VoiceStatus.PERMANENT
    if kind == "temporary":
        return entry.status is VoiceStatus.TEMPORARY
    if kind == "expired":
        return entry.status is VoiceStatus.EXPIRED
    return True
