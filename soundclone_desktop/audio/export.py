"""Saving a result's audio as the original file, WAV or MP3, optionally loudness-normalised.

Rules:

- Without normalisation a file already in the wanted format is copied byte for byte (MP3 to
  MP3 is never re-encoded; a WAV keeps its bit depth).
- Otherwise the audio is decoded: WAV in pure Python (:mod:`.pcm`), anything else through
  the ``decoder`` the caller passes (the desktop app gives Qt's ``QAudioDecoder``, see
  ``ui/audio_decode.py``; this layer imports no Qt). Then it is normalised if asked
  (:mod:`.loudness`: −16 LUFS, −1 dBFS peak) and written as 16-bit WAV or as MP3 (:mod:`.mp3`).
- ``ORIGINAL`` with normalisation keeps the source's format: WAV and MP3 can be written
  back; other formats (OGG, M4A, FLAC) cannot be encoded here, and the error says to choose
  WAV or MP3.

The target is replaced atomically; a target without an extension gets the format's. Every
failure is an :class:`AudioExportError` with a sentence for the user; nothing is left
half-written. Decoding and encoding take seconds for long files: call from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from soundclone_desktop.core.audio_format import SNIFF_BYTES, sniff_audio
from soundclone_desktop.store.atomic import atomic_write_bytes

from .loudness import normalize as normalize_pcm
from .mp3 import Mp3EncodeError, encode_mp3
from .pcm import AudioReadError, Pcm, read_wav, wav_bytes

Decoder = Callable[[Path], Pcm]
"""Decodes a compressed audio file (MP3, M4A…) to 16-bit PCM; raises on failure."""


class AudioFormat(StrEnum):
    ORIGINAL = "original"
    WAV = "wav"
    MP3 = "mp3"


class AudioExportError(Exception):
    """The audio could not be exported; the message is a sentence for the user."""


def export_audio(
    source: Path,
    target: Path,
    fmt: AudioFormat,
    *,
    normalize: bool = False,
    decoder: Decoder | None = None,
    mp3_bitrate_kbps: int = 128,
) -> Path:
    """Write ``source`` to ``target`` as ``fmt``; returns the path written."""
    fmt = AudioFormat(fmt)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AudioExportError(f"Could not read {source}: {exc.strerror or exc}.") from exc
    kind = sniff_audio(data[:SNIFF_BYTES])
    if kind is None:
        raise AudioExportError(f"{source.name} is not an audio file this app recognises.")
    wanted = kind if fmt is AudioFormat.ORIGINAL else fmt.value
    if not target.suffix:
        target = target.with_name(f"{target.name}.{wanted}")
    if wanted == kind and not normalize:
        _write(target, data)
        return target
    if wanted not in ("wav", "mp3"):
        raise AudioExportError(
            f"Normalised audio cannot be saved as {kind.upper()}; choose WAV or MP3."
        )
    pcm = _decode(source, data, kind, decoder)
    if normalize:
        pcm = normalize_pcm(pcm)
    try:
        out = wav_bytes(pcm) if wanted == "wav" else encode_mp3(pcm, bitrate_kbps=mp3_bitrate_kbps)
    except Mp3EncodeError as exc:
        raise AudioExportError(str(exc)) from exc
    _write(target, out)
    return target


def _decode(source: Path, data: bytes, kind: str, decoder: Decoder | None) -> Pcm:
    if kind == "wav":
        try:
            return read_wav(data)
        except AudioReadError as exc:
            raise AudioExportError(f"{source.name}: {exc}") from exc
    if decoder is None:
        raise AudioExportError(
            f"Converting {kind.upper()} audio needs the desktop app's decoder; here it can "
            "only be saved as it is (choose the original format, without normalisation)."
        )
    try:
        return decoder(source)
    except AudioExportError:
        raise
    except Exception as exc:  # the decoder is foreign code: whatever it raises is a failure
        raise AudioExportError(f"Could not decode {source.name}: {exc}") from exc


def _write(target: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise AudioExportError(f"Could not write {target}: {exc.strerror or exc}.") from exc
