"""The voice picker (``voiceCombo``) filled from the voice library.

Each library voice is listed with its status ("Narrator — temporary, 2 d 5 h left"); a
voice with less than a day left carries a warning icon and colour; expired voices are
listed last and cannot be chosen. Voices of the other kind of server are left out: the
demo server does not know the user's real voices, and a real server never knew the demo's.
A raw ID typed into "Enter a voice ID…" is added to the library as an imported voice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from soundclone_desktop.core.voices import VoiceStatus
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.parameters.panel import ParametersPanel, VoiceChoice
from soundclone_desktop.ui.voices.status_text import choice_label, status_tooltip
from soundclone_desktop.ui.voices.voice_store import VoiceStore

if TYPE_CHECKING:
    from soundclone_desktop.ui.context import AppContext
    from soundclone_desktop.ui.session import Session

CTX = "VoicePicker"
REFRESH_MS = 60_000  # "2 d 5 h left" changes with time, not only with writes


def demo_voice_name() -> str:
    """What the demo server's ready voice is called wherever voices are listed."""
    return translate(CTX, "Demo narrator")


def voice_choices(store: VoiceStore, session: Session, last: str | None) -> list[VoiceChoice]:
    """What ``voiceCombo`` offers now: the server's own voices, the library's of this kind
    of server, and ``last`` (the last voice used) if it is none of those."""
    choices = [
        VoiceChoice(
            demo_voice_name(),
            model_id,
            tooltip=translate(CTX, "The demo server's ready voice: always available."),
        )
        for model_id in session.voices()
    ]
    choices += library_choices(store, demo=session.demo, exclude={c.model_id for c in choices})
    if not session.demo and last and all(c.model_id != last for c in choices):
        choices.append(VoiceChoice(last, last))
    return choices


def library_choices(store: VoiceStore, *, demo: bool, exclude: set[str]) -> list[VoiceChoice]:
    """The library's voices of one kind (demo or real): usable ones first, expired last."""
    now = store.now()
    voices = [v for v in store.voices() if v.demo == demo and v.model_id not in exclude]
    usable = [v for v in voices if v.status(now) is not VoiceStatus.EXPIRED]
    expired = [v for v in voices if v.status(now) is VoiceStatus.EXPIRED]
    return [_choice(store, v, now) for v in usable] + [_choice(store, v, now) for v in expired]


def _choice(store: VoiceStore, voice: Voice, now: float) -> VoiceChoice:
    warning = store.near_expiry(voice)
    tooltip = status_tooltip(voice, now)
    if warning:
        tooltip = translate(
            CTX, "Less than a day left: use it once (or choose Make it permanent) to keep it."
        )
    return VoiceChoice(
        choice_label(voice, now),
        voice.model_id,
        tooltip=tooltip,
        warning=warning,
        enabled=voice.status(now) is not VoiceStatus.EXPIRED,
    )


class VoicePicker(QObject):
    """Keeps ``voiceCombo`` in step with the library, the connection and the clock."""

    def __init__(
        self,
        store: VoiceStore,
        *,
        parent: QWidget,
        ctx: AppContext,
        session: Session,
        params: ParametersPanel,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._ctx = ctx  # its settings hold the last voice used
        self._session = session
        self._params = params
        self._shown: list[VoiceChoice] | None = None
        store.changed.connect(self.refresh)
        params.voice_id_entered.connect(self._import)
        self.timer = QTimer(self)
        self.timer.setObjectName("voicePickerTimer")
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    def refresh(self) -> None:
        """Re-list the voices if anything shown changed (the current voice stays chosen).

        The window calls it when the connection changes (demo or real, other voices)."""
        session = self._session
        last = self._ctx.settings.last_voice
        choices = voice_choices(self.store, session, last)
        if choices == self._shown:
            return
        self._shown = choices
        self._params.set_voices(choices, preferred=None if session.demo else last)

    def _import(self, model_id: str) -> None:
        if model_id in self._session.voices() or self.store.get(model_id) is not None:
            return
        self.store.import_id(model_id, demo=self._session.demo)
