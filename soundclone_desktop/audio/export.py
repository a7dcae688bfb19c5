"""Saving a result's audio as the original file or as WAV, MP3, M4A (AAC), Opus or FLAC,
optionally loudness-normalised.

Rules:

- Without normalisation a file already in the wanted format is copied byte for byte (MP3 to
  MP3 is never re-encoded; a WAV keeps its bit depth).
- Otherwise the source is decoded block by block (PyAV), optionally brought to a loudness
  target — measured first in a streaming pass (BS.1770 K-weighted integrated loudness and
  true peak, :mod:`.measure`), then one constant gain that reaches the target unless the
  true peak would pass the ceiling — and encoded (:mod:`.encode`). ``ORIGINAL`` with
  normalisation re-encodes in the source's own format.

The target is replaced atomically (written beside it under a temporary name); a target
without an extension gets the format's. Every failure is an :class:`AudioExportError` with
a sentence for the user; nothing is left half-written. Hours of audio take seconds to tens
of seconds: call from a worker thread.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path

from soundclone_desktop.core.audio_format import SNIFF_BYTES, sniff_audio
from soundclone_desktop.store.atomic import replacing

from .decode import Cancelled, probe
from .encode import EncodeOptions, Encoding, level_change_db, transcode
from .measure import measure
from .model import AudioError
from .tags import Tags, write_tags
from .transform import PODCAST, LoudnessTarget, normalization_gain_db

__all__ = ["AudioExportError", "AudioFormat", "ExportCancelledError", "export_audio"]


class AudioFormat(StrEnum):
    ORIGINAL = "original"
    WAV = "wav"
    MP3 = "mp3"
    M4A = "m4a"
    OPUS = "opus"
    FLAC = "flac"


class AudioExportError(Exception):
    """The audio could not be exported; the message is a sentence for the user."""


class ExportCancelledError(Exception):
    """``cancelled()`` turned true; nothing was written."""


def export_audio(
    source: Path,
    target: Path,
    fmt: AudioFormat,
    *,
    normalize: bool | LoudnessTarget = False,
    tags: Tags | None = None,
    bitrate_kbps: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write ``source`` to ``target`` as ``fmt``; returns the path written.

    ``normalize``: ``True`` for the podcast target (−16 LUFS, −1 dBTP), or a target.
    """
    fmt = AudioFormat(fmt)
    target_loudness = PODCAST if normalize is True else (normalize or None)
    kind = _kind(source)
    wanted = kind if fmt is AudioFormat.ORIGINAL else fmt.value
    if not target.suffix:
        target = target.with_name(f"{target.name}.{wanted}")
    if wanted == kind and target_loudness is None and tags is None:
        _copy(source, target)
        return target
    encoding = Encoding.from_extension(wanted)
    if encoding is None:  # sniff_audio names nothing else, but say so if it ever does
        raise AudioExportError(f"{wanted.upper()} audio cannot be written.")
    gain_db = 0.0
    try:
        if target_loudness is not None:
            measured = measure(source, cancelled=cancelled)
            gain_db = normalization_gain_db(measured, target_loudness)
            if gain_db or measured.integrated_lufs is not None:
                # What the listener decodes is what must meet the target: make up for a
                # codec that changes the level (LAME: −0.45 dB).
                gain_db -= level_change_db(encoding, probe(source).rate)
        options = EncodeOptions(encoding, bitrate_kbps=bitrate_kbps)
        with _replacing(target) as temporary:
            transcode(source, temporary, options, gain_db=gain_db, cancelled=cancelled)
            if tags is not None:
                write_tags(temporary, encoding, tags)
    except Cancelled as exc:
        raise ExportCancelledError from exc
    except AudioError as exc:
        raise AudioExportError(str(exc)) from exc
    return target


def _kind(source: Path) -> str:
    try:
        with source.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise AudioExportError(f"Could not read {source}: {exc.strerror or exc}.") from exc
    kind = sniff_audio(head)
    if kind is None:
        raise AudioExportError(f"{source.name} is not an audio file this app recognises.")
    return kind


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """:func:`replacing` with an OSError worded for the user."""
    try:
        with replacing(target, prefix=".exporting-") as temporary:
            yield temporary
    except OSError as exc:
        raise AudioExportError(f"Could not write {target}: {exc.strerror or exc}.") from exc


def _copy(source: Path, target: Path) -> None:
    with _replacing(target) as temporary:
        try:
            shutil.copyfile(source, temporary)
        except OSError as exc:
            raise AudioExportError(f"Could not read {source}: {exc.strerror or exc}.") from exc
