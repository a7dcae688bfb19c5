"""The export itself, as one blocking call for a worker thread: audio, then subtitles.

Each file is first written under a temporary name in its target folder; only when every
file is written (and the user has not cancelled) are they renamed into place. So a
cancelled or failed export leaves no half-written file and does not replace a file that
already had the chosen name. Converting audio streams block by block and stops at the
next block when the user cancels.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.audio.export import (
    AudioExportError,
    AudioFormat,
    export_audio,
)
from soundclone_desktop.audio.export import (
    ExportCancelledError as AudioCancelledError,
)
from soundclone_desktop.audio.transform import LoudnessTarget
from soundclone_desktop.core.subtitles.export import (
    ExportOptions,
    SubtitleFormat,
    encode,
    export_subtitles,
)
from soundclone_desktop.core.subtitles.model import Subtitles
from soundclone_desktop.i18n import translate

CTX = "ExportDialog"


@dataclass(frozen=True)
class AudioJob:
    source: Path
    target: Path
    fmt: AudioFormat
    normalize: bool | LoudnessTarget  # True: the podcast target


@dataclass(frozen=True)
class SubtitleJob:
    subtitles: Subtitles
    target: Path
    fmt: SubtitleFormat
    options: ExportOptions


class ExportCancelledError(Exception):
    """The user cancelled; nothing was written."""


class ExportFailedError(Exception):
    """A file could not be written; ``str()`` is a sentence for the user."""


Step = Callable[[str], None]  # "audio" or "subtitles": which step is starting


def run_export(
    audio: AudioJob | None,
    subtitles: SubtitleJob | None,
    *,
    cancelled: threading.Event,
    step: Step = lambda _name: None,
) -> list[Path]:
    """Write the files; returns their paths. Blocking."""
    written: list[tuple[Path, Path]] = []  # (temporary, final)
    try:
        if audio is not None:
            step("audio")
            temp = _temporary(audio.target)
            written.append((temp, audio.target))
            try:
                done = export_audio(
                    audio.source,
                    temp,
                    audio.fmt,
                    normalize=audio.normalize,
                    cancelled=cancelled.is_set,
                )
            except AudioCancelledError as exc:
                raise ExportCancelledError from exc
            except AudioExportError as exc:
                raise ExportFailedError(str(exc)) from exc
            if done != temp:  # a target without an extension: the exporter added one
                written[-1] = (done, audio.target.with_name(audio.target.name + done.suffix))
                temp.unlink(missing_ok=True)
        if cancelled.is_set():
            raise ExportCancelledError
        if subtitles is not None:
            step("subtitles")
            text = export_subtitles(subtitles.subtitles, subtitles.fmt, subtitles.options)
            temp = _temporary(subtitles.target)
            written.append((temp, subtitles.target))
            _write(temp, encode(text), subtitles.target)
        if cancelled.is_set():
            raise ExportCancelledError
        for temp, final in written:
            _replace(temp, final)
        return [final for _, final in written]
    finally:
        for temp, _ in written:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def _temporary(target: Path) -> Path:
    """A fresh name beside ``target`` with its extension (the audio exporter keys on it)."""
    try:
        fd, name = tempfile.mkstemp(prefix=".exporting-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise ExportFailedError(_sentence(target, exc)) from exc
    os.close(fd)
    return Path(name)


def _write(temp: Path, data: bytes, target: Path) -> None:
    try:
        temp.write_bytes(data)
    except OSError as exc:
        raise ExportFailedError(_sentence(target, exc)) from exc


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except OSError as exc:
        raise ExportFailedError(_sentence(target, exc)) from exc


def _sentence(target: Path, exc: OSError) -> str:
    # translate() is thread-safe: this runs on the worker thread.
    return translate(CTX, "Could not write {path}: {reason}.").format(
        path=str(target), reason=exc.strerror or str(exc)
    )
