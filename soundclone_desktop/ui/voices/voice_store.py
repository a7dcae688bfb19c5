"""The voice library as the window sees it: one QObject that says when voices change.

Every window part that shows voices (the voice picker, the library dialog, the clone
wizard) reads through the same :class:`VoiceStore` and refreshes on ``changed``. Writes made
directly on the library (the job listener that records production use) are announced too,
since the store observes the library. The clock is injectable so tests can move "now" past
a voice's three-day window.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.core.voices import VoiceStatus, is_near_expiry
from soundclone_desktop.store.voices import Voice, VoiceLibrary


class VoiceStore(QObject):
    """Qt face of a :class:`VoiceLibrary`: the same operations; ``changed`` after each write."""

    changed = Signal()

    def __init__(
        self,
        library: VoiceLibrary,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``clock`` (wall time) defaults to the library's own."""
        super().__init__(parent)
        self.library = library
        self.clock: Callable[[], float] = clock or library.clock
        # Whether the window works with the demo server now: voices added then are demo
        # voices (attach_voices sets it from the session).
        self.on_demo: Callable[[], bool] = lambda: False
        unsubscribe = library.subscribe(_announcer(self))
        self.destroyed.connect(lambda *_args: unsubscribe())

    # -- reading -----------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock()

    def voices(self) -> list[Voice]:
        return self.library.all()

    def get(self, model_id: str) -> Voice | None:
        return self.library.get(model_id)

    def status(self, voice: Voice) -> VoiceStatus:
        return voice.status(self.clock())

    def near_expiry(self, voice: Voice) -> bool:
        """A temporary voice with less than a day left."""
        if voice.created_at is None or self.status(voice) is not VoiceStatus.TEMPORARY:
            return False
        return is_near_expiry(voice.created_at, self.clock())

    def expiring_soon(self) -> list[Voice]:
        """Temporary voices with less than a day left, soonest first."""
        found = [v for v in self.voices() if self.near_expiry(v)]
        return sorted(found, key=lambda v: v.expires_at() or 0.0)

    # -- writing (the library announces each change) -----------------------------------------

    def add(self, voice: Voice) -> Voice:
        """Add or update a voice; one added while on the demo server is marked as a demo one."""
        if not voice.demo and self.on_demo():
            voice = replace(voice, demo=True)
        return self.library.add(voice)

    def import_id(
        self, model_id: str, name: str | None = None, *, demo: bool | None = None
    ) -> Voice:
        """Add a voice by its raw ID (status unknown); ``demo`` defaults to the connection."""
        return self.library.import_id(model_id, name, demo=self.on_demo() if demo is None else demo)

    def store_preview(self, model_id: str, source: Path) -> Path:
        return self.library.store_preview(model_id, source)

    def rename(self, model_id: str, name: str) -> None:
        self.library.rename(model_id, name)

    def set_tags(self, model_id: str, tags: Sequence[str]) -> None:
        self.library.set_tags(model_id, tags)

    def set_notes(self, model_id: str, notes: str) -> None:
        self.library.set_notes(model_id, notes)

    def delete(self, model_id: str) -> Voice | None:
        return self.library.delete(model_id)

    def mark_used(self, model_id: str, at: float | None = None) -> bool:
        return self.library.mark_used(model_id, self.clock() if at is None else at)

    def mark_expired(self, model_id: str) -> bool:
        return self.library.mark_expired(model_id)

    def reload(self) -> None:
        """Tell every view to re-read (time passed, or another process wrote the file)."""
        self.changed.emit()


def _announcer(store: VoiceStore) -> Callable[[], None]:
    # A weak reference: the library may outlive the window (and its store).
    ref = weakref.ref(store)

    def announce() -> None:
        target = ref()
        if target is not None:
            with contextlib.suppress(RuntimeError):  # the C++ object is already gone
                target.changed.emit()

    return announce
