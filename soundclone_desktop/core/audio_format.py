"""Audio container detection from magic bytes, and WAV duration from the RIFF chunks.

The API does not say what format its audio is (MP3 is likely, API reference §13), so
downloads are named after what their first bytes say, not after the URL or Content-Type.
"""

from __future__ import annotations

import struct
from typing import Final, Literal

#: An audio container as its first bytes show it (also the file extension it is given).
AudioKind = Literal["mp3", "wav", "ogg", "flac", "m4a", "aac"]

SNIFF_BYTES: Final = 12
"""How many leading bytes :func:`sniff_audio` needs to recognise every format."""

_PCM_LIKE: Final = frozenset({0x0001, 0x0003, 0x0006, 0x0007, 0xFFFE})  # PCM, float, A/µ-law
_UNKNOWN_SIZE: Final = 0xFFFFFFFF  # streaming writers and RF64 put this in 32-bit sizes


def _is_adts_header(head: bytes) -> bool:
    """An AAC ADTS frame header: 12 sync bits, then the MPEG-4/MPEG-2 bit and layer ``00``."""
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0


def _is_mpeg_audio_frame(head: bytes) -> bool:
    """An MPEG audio frame header: 11 sync bits, a real version, and layer I, II or III.

    Layer bits ``00`` are excluded on purpose: that is an AAC ADTS header (``FF F1``), which
    shares the sync word but is not MP3.
    """
    if len(head) < 2 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0b11
    layer = (head[1] >> 1) & 0b11
    return version != 0b01 and layer != 0b00


def sniff_audio(head: bytes) -> AudioKind | None:
    """``"mp3"``, ``"wav"`` (RIFF or RF64), ``"ogg"``, ``"flac"``, ``"m4a"`` or ``"aac"``
    (ADTS) from a file's first bytes: the one sniffer of the app, downloads included.

    ``None`` when the bytes match none of them (or are too short to tell). An MP4 container
    is reported as ``"m4a"`` whatever its brand: for speech output that is the right name.
    """
    if head.startswith(b"ID3") or _is_mpeg_audio_frame(head):
        return "mp3"
    if _is_adts_header(head):
        return "aac"
    if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head[4:8] == b"ftyp":
        return "m4a"
    return None


def _chunks(data: bytes, offset: int) -> list[tuple[bytes, int, int]]:
    """``(id, body_start, declared_size)`` for each chunk from ``offset`` (bodies may be cut)."""
    found: list[tuple[bytes, int, int]] = []
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        (size,) = struct.unpack_from("<I", data, offset + 4)
        found.append((chunk_id, offset + 8, size))
        if size == _UNKNOWN_SIZE:
            break  # unknown length: nothing after it can be located
        offset += 8 + size + (size & 1)  # chunks are padded to an even length
    return found


def wav_duration(data: bytes) -> float | None:
    """Duration in seconds of a WAV file, from its ``fmt`` and ``data`` chunks.

    Walks the RIFF chunk list (so ``LIST``, ``fact`` or ``JUNK`` chunks before the audio are
    fine) and supports RF64's ``ds64`` sizes. ``data`` may be only the start of the file: the
    declared data size is used, except when it is the streaming placeholder ``0xFFFFFFFF``,
    where the bytes present are counted. ``None`` for anything that is not a readable WAV.
    """
    if len(data) < 12 or data[:4] not in (b"RIFF", b"RF64") or data[8:12] != b"WAVE":
        return None
    fmt: tuple[int, int, int, int] | None = None  # format tag, rate, byte rate, block align
    data_size: int | None = None
    ds64_data_size: int | None = None
    fact_samples: int | None = None
    for chunk_id, body, size in _chunks(data, 12):
        if chunk_id == b"fmt " and size >= 16 and body + 16 <= len(data):
            tag, _channels, rate, byte_rate, align = struct.unpack_from("<HHIIH", data, body)
            fmt = (tag, rate, byte_rate, align)
        elif chunk_id == b"ds64" and size >= 24 and body + 16 <= len(data):
            (ds64_data_size,) = struct.unpack_from("<Q", data, body + 8)
        elif chunk_id == b"fact" and size >= 4 and body + 4 <= len(data):
            (fact_samples,) = struct.unpack_from("<I", data, body)
        elif chunk_id == b"data" and data_size is None:
            if size == _UNKNOWN_SIZE:
                data_size = ds64_data_size if ds64_data_size is not None else len(data) - body
            else:
                data_size = size
    if fmt is None or data_size is None:
        return None
    tag, rate, byte_rate, align = fmt
    if rate == 0:
        return None
    if tag in _PCM_LIKE and align:
        return (data_size // align) / rate  # whole frames only
    if fact_samples is not None:  # compressed: the fact chunk has the exact sample count
        return fact_samples / rate
    return data_size / byte_rate if byte_rate else None
