"""What the voice browser lists: one entry per voice a user can hear and use now.

The server's own voices (the demo narrator) come first, then the library's voices of this
kind of server (demo or real): usable ones by name, expired ones last.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.core.voices import VoiceStatus
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.voices.picker import demo_voice_name
from soundclone_desktop.ui.voices.status_text import status_text

CTX = "VoiceBrowser"
DEMO_PREVIEW = Path(__file__).resolve().parents[2] / "resources" / "voices" / "demo-narrator.mp3"


@dataclass(frozen=True)
class VoiceEntry:
    model_id: str
    name: str
    language: str  # "" when unknown
    status: VoiceStatus
    status_text: str  # "temporary, 2 d 5 h left"
    tags: tuple[str, ...]
    preview: Path | None  # the clip ▶ plays
    server_voice: bool = False  # the server's own (not in the library)

    @property
    def usable(self) -> bool:
        return self.status is not VoiceStatus.EXPIRED

    def matches(self, query: str) -> bool:
        """Whether every word of ``query`` is in the name, ID, language or a tag."""
        haystack = " ".join((self.name, self.model_id, self.language, *self.tags)).casefold()
        return all(word in haystack for word in query.casefold().split())


def server_entries(model_ids: list[str]) -> list[VoiceEntry]:
    return [
        VoiceEntry(
            model_id=model_id,
            name=demo_voice_name(),
            language="",
            status=VoiceStatus.PERMANENT,
            status_text=translate(CTX, "always available"),
            tags=(translate(CTX, "demo"),),
            preview=DEMO_PREVIEW if DEMO_PREVIEW.exists() else None,
            server_voice=True,
        )
        for model_id in model_ids
    ]


def library_entries(voices: list[Voice], *, demo: bool, now: float) -> list[VoiceEntry]:
    mine = [v for v in voices if v.demo == demo]
    entries = [
        VoiceEntry(
            model_id=v.model_id,
            name=v.name,
            language=v.language or "",
            status=v.status(now),
            status_text=status_text(v, now),
            tags=tuple(v.tags),
            preview=v.preview_path if v.preview_path and v.preview_path.exists() else None,
        )
        for v in mine
    ]
    return sorted(entries, key=lambda e: (not e.usable, e.name.casefold()))
