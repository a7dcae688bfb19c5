"""One clone use case for the wizard and ``soundclone clone``: upload, preview, the voice.

The sequence after the front end's own checks of the source (translated in the wizard, plain
sentences in the CLI): upload a local file (free; a file uploaded once is not uploaded again
for a retry on the same server), check that the address the service chose is one the clone
endpoint accepts, send the paid preview task (:func:`send_preview`), and once it is
downloaded record the voice (:func:`voice_of`, :func:`save_voice`). Progress arrives through
callbacks, so the wizard adapts them to Qt signals and the CLI to lines on stderr.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.api.models import ProgressCallback
from soundclone_desktop.core.clone_source import SourceCheck, check_url
from soundclone_desktop.core.jobs import Job
from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.store.voices import Voice

from .tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CloneRequest:
    """What to clone: a local ``path`` or a public ``url``, and the preview settings."""

    path: Path | None
    url: str
    text: str
    version: str
    language: str

    @property
    def source_label(self) -> str:
        """What the voice library records as the source: the file name or the URL."""
        return self.path.name if self.path is not None else self.url.strip()

    def params(self, file_url: str) -> PreviewParams:
        return PreviewParams(
            file_url=file_url, text=self.text, version=self.version, language=self.language
        )


class UploadRefusedError(Exception):
    """The address the service gave the uploaded file is one the clone would refuse."""

    def __init__(self, check: SourceCheck) -> None:
        super().__init__(check.message)
        self.check = check


class Uploads:
    """Uploads of clone sources, remembered per server, path, size and change time."""

    def __init__(self) -> None:
        self._urls: dict[tuple[str, str, int, int], str] = {}

    async def url_for(
        self,
        client: SoundCloneClient,
        base_url: str,
        path: Path,
        progress: ProgressCallback | None = None,
    ) -> str:
        stat = await asyncio.to_thread(os.stat, path)
        key = (base_url, str(path), stat.st_size, stat.st_mtime_ns)
        known = self._urls.get(key)
        if known is not None:
            log.info("Reusing the earlier upload of %s", path.name)
            return known
        result = await client.upload_file(path, progress=progress)
        self._urls[key] = str(result.url)
        return str(result.url)


async def send_preview(
    runner: TaskRunner,
    client: SoundCloneClient,
    request: CloneRequest,
    on_update: Callable[[Job], None],
    *,
    base_url: str,
    uploads: Uploads | None = None,
    on_upload: Callable[[Path], None] | None = None,
    upload_progress: ProgressCallback | None = None,
    on_uploaded: Callable[[str], None] | None = None,
    dest_dir: Path | None = None,
) -> Job:
    """Upload ``request``'s file (if any), then send its preview task; returns the job (its
    outcome arrives through ``on_update``). The upload raises ``OSError`` or
    ``SoundCloneError`` (nothing was charged) or :class:`UploadRefusedError`."""
    url = request.url.strip()
    if request.path is not None:
        if on_upload is not None:
            on_upload(request.path)
        url = await (uploads or Uploads()).url_for(client, base_url, request.path, upload_progress)
        # The service chose this address; it must still be one the clone accepts.
        problems = [c for c in check_url(url, trusted=[base_url]) if c.blocking]
        if problems:
            raise UploadRefusedError(problems[0])
        if on_uploaded is not None:
            on_uploaded(url)
    return await runner.submit(request.params(url), on_update, dest_dir=dest_dir)


def voice_of(
    job: Job,
    request: CloneRequest,
    *,
    name: str,
    preview: Path | None = None,
    demo: bool = False,
) -> Voice:
    """The voice a finished preview job made: temporary, its three days counted from when
    the preview was submitted (a little before the server starts counting, so our warning is
    never late)."""
    assert job.model_id is not None
    return Voice(
        model_id=job.model_id,
        name=name,
        created_at=job.created_at,
        source=request.source_label,
        version=request.version,
        language=request.language,
        preview_path=preview,
        preview_task_id=job.task_id,
        demo=demo,
    )


class VoiceShelf(Protocol):
    """What :func:`save_voice` writes to (``store.voices.VoiceLibrary`` fits)."""

    def add(self, voice: Voice) -> Voice: ...
    def store_preview(self, model_id: str, source: Path, *, move: bool = False) -> Path: ...
    def get(self, model_id: str) -> Voice | None: ...


def save_voice(
    library: VoiceShelf, job: Job, request: CloneRequest, *, name: str, demo: bool = False
) -> Voice:
    """Add the voice of a finished preview job and move its clip into the library."""
    assert job.model_id is not None
    library.add(voice_of(job, request, name=name, demo=demo))
    if job.audio_path is not None:
        library.store_preview(job.model_id, Path(job.audio_path), move=True)
    stored = library.get(job.model_id)
    assert stored is not None
    return stored
