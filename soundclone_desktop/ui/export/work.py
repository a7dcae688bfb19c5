"""The export itself, as one blocking call for a worker thread: audio, then subtitles.

Each file is first written under a temporary name in its target folder; only when every
file is written (and the user has not cancelled) are they renamed into place. So a
cancelled or failed export leaves no half-written file and does not replace a file that
already had the chosen name. Converting audio streams block by block and stops at the
next block when the user cancels.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
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
from soundclone_desktop.store.atomic import replacing

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
    written: list[Path] = []
    # Each file is renamed into place when the stack unwinds without an exception, so
    # every file is complete (and the user did not cancel) before any is replaced.
    with contextlib.ExitStack() as stack:
        if audio is not None:
            step("audio")
            target = _with_extension(audio)
            temp = stack.enter_context(_replacing(target))
            try:
                export_audio(
                    audio.source, temp, audio.fmt, normalize=audio.normalize,
                    cancelled=cancelled.is_set,
                )  # fmt: skip
            except AudioCancelledError as exc:
                raise ExportCancelledError from exc
            except AudioExportError as exc:
                raise ExportFailedError(str(exc)) from exc
            written.append(target)
        if cancelled.is_set():
            raise ExportCancelledError
        if subtitles is not None:
            step("subtitles")
            text = export_subtitles(subtitles.subtitles, subtitles.fmt, subtitles.options)
            temp = stack.enter_context(_replacing(subtitles.target))
            _write(temp, encode(text), subtitles.target)
            written.append(subtitles.target)
        if cancelled.is_set():
            raise ExportCancelledError
    return written


def _with_extension(audio: AudioJob) -> Path:
    """The target, with the format's extension added when it has none (as the exporter
    would add it: the temporary file must carry it already)."""
    if audio.target.suffix:
        return audio.target
    fmt = AudioFormat(audio.fmt)
    suffix = audio.source.suffix if fmt is AudioFormat.ORIGINAL else f".{fmt.value}"
    return audio.target.with_name(audio.target.name + suffix)


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """:func:`replacing` with an OSError worded for the user."""
    try:
        with replacing(target, prefix=".exporting-") as temp:
            yield temp
    except OSError as exc:
        raise ExportFailedError(_sentence(target, exc)) from exc


def _write(temp: Path, data: bytes, target: Path) -> None:
    try:
        temp.write_bytes(data)
    except OSError as exc:
        raise ExportFailedError(_sentence(target, exc)) from exc


def _sentence(target: Path, exc: OSError) -> str:
    # translate() is thread-safe: this runs on the worker thread.
    return translate(CTX, "Could not write {path}: {reason}.").format(
        path=str(target), reason=exc.strerror or str(exc)
    )
