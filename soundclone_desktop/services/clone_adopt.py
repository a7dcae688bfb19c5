"""Every finished clone belongs in the voice library, however its run ended.

``soundclone clone`` and the clone wizard add the voice when the preview arrives. A run
killed between paying for the preview and that moment leaves the clone only in the task
library, where ``resume`` finishes it: without this step the voice would be paid for yet
absent from the picker and ``soundclone voices``, and expire unseen after three days.
:func:`adopt_finished_clones` runs after every resume (``soundclone resume``, the app's
start-up and reconnects) and adds each downloaded preview whose voice the library lacks.

A voice the user removed from the library is not brought back (the library remembers the
removal).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.store.library import TaskLibrary, TaskRecord
from soundclone_desktop.store.voices import Voice

log = logging.getLogger(__name__)

DEFAULT_VOICE_NAME = "Cloned voice"


class VoiceShelf(Protocol):
    """What of :class:`~soundclone_desktop.store.voices.VoiceLibrary` is used here."""

    def get(self, model_id: str) -> Voice | None: ...
    def was_removed(self, model_id: str) -> bool: ...
    def add(self, voice: Voice) -> Voice: ...
    def store_preview(self, model_id: str, source: Path, *, move: bool = False) -> Path: ...


def voice_name_from_source(source: str) -> str:
    """A voice name from what it was cloned from: the file's (or URL's) name without type."""
    if source.startswith(("http://", "https://")):
        stem = Path(unquote(urlsplit(source).path)).stem
    else:
        stem = Path(source).stem
    name = " ".join(stem.replace("_", " ").split())
    return name or DEFAULT_VOICE_NAME


def adopt_finished_clones(tasks: TaskLibrary, voices: VoiceShelf) -> list[Voice]:
    """Add every downloaded clone the voice library lacks; returns the voices added.

    Blocking (library reads and a file copy each): call it from a worker thread in the app.
    """
    added: list[Voice] = []
    for record in tasks.finished_previews():
        model_id = (record.voice_id or "").strip()
        if not model_id or voices.get(model_id) is not None or voices.was_removed(model_id):
            continue
        preview: Path | None = None
        clip = record.audio_path
        if clip is not None and clip.is_file():
            try:  # a copy, first: the voice appears whole, and the entry keeps its own file
                preview = voices.store_preview(model_id, clip)
            except OSError:
                log.warning("The preview of voice %s could not be copied", model_id, exc_info=True)
        added.append(voices.add(replace(_voice_of(record, model_id), preview_path=preview)))
        log.info("Voice %s (task %s) added to the voice library", model_id, record.task_id)
    return added


def _voice_of(record: TaskRecord, model_id: str) -> Voice:
    params = record.params if isinstance(record.params, PreviewParams) else None
    source = params.file_url if params is not None else ""
    return Voice(
        model_id=model_id,
        name=voice_name_from_source(source) if source else DEFAULT_VOICE_NAME,
        created_at=record.created_at,  # the three days count from the preview task
        source=source,
        version=params.version if params is not None else None,
        language=params.language if params is not None else None,
        preview_task_id=record.task_id,
        demo=record.demo,
    )
