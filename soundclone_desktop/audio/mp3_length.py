"""The length of an MP3 file from its first frames, in plain Python.

The task library records each result's length when it is downloaded, on the GUI thread.
Asking FFmpeg would load NumPy and PyAV there (hundreds of milliseconds with the GIL held
the first time) and open a demuxer per result; an MP3's first frame says enough: LAME's
"Info"/"Xing" header counts the frames and its LAME tag the encoder delay and padding, so
the length is exactly what a decoder returns. Without such a header (plain CBR) the length
follows from the bit rate and the file size.

Only the standard library here: this module must stay cheap to import.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from .mp3_frames import frame_layout, id3_size

__all__ = ["mp3_seconds"]

HEAD_BYTES = 16 * 1024  # the first frame and its Info header, after any ID3 tag
_MAX_SYNC_SCAN = 8 * 1024  # junk tolerated before the first frame
_FRAMES_FLAG, _BYTES_FLAG, _TOC_FLAG, _QUALITY_FLAG = 1, 2, 4, 8


def mp3_seconds(path: Path) -> float | None:
    """Seconds of audio in the MP3 at ``path``, or ``None`` when it does not look like one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(10)
            skip = id3_size(head)
            handle.seek(skip)
            data = handle.read(HEAD_BYTES)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return None
    return _seconds(data, size - skip)


def _seconds(data: bytes, audio_bytes: int) -> float | None:
    at = _first_frame(data)
    if at is None:
        return None
    layout = frame_layout(data, at)
    assert layout is not None  # _first_frame checked it
    samples_per_frame = 1152 if layout.mpeg1 else 576  # layer III
    header = at + 4 + (2 if layout.crc else 0) + layout.side_info
    tag = data[header : header + 4]
    if tag in (b"Xing", b"Info"):
        counted = _xing_samples(data, header, samples_per_frame)
        if counted is not None:
            return counted / layout.sample_rate
    if layout.kbps <= 0:
        return None
    # Plain CBR: every frame has the first frame's rate.
    return (audio_bytes - at) * 8 / (layout.kbps * 1000)


def _first_frame(data: bytes) -> int | None:
    at = 0
    while at + 4 <= min(len(data), _MAX_SYNC_SCAN):
        layout = frame_layout(data, at)
        if layout is not None and layout.layer == 3:
            return at
        at += 1
    return None


def _xing_samples(data: bytes, header: int, samples_per_frame: int) -> int | None:
    if header + 8 > len(data):
        return None
    (flags,) = struct.unpack_from(">I", data, header + 4)
    if not flags & _FRAMES_FLAG:
        return None
    frames = int.from_bytes(data[header + 8 : header + 12], "big")
    samples = frames * samples_per_frame
    lame = header + 12
    lame += 4 if flags & _BYTES_FLAG else 0
    lame += 100 if flags & _TOC_FLAG else 0
    lame += 4 if flags & _QUALITY_FLAG else 0
    # The LAME tag: 9 bytes of encoder name, then 12 bits of delay and 12 of padding at +21.
    if lame + 24 <= len(data) and data[lame : lame + 4] in (b"LAME", b"Lavc", b"Lavf"):
        packed = int.from_bytes(data[lame + 21 : lame + 24], "big")
        delay, padding = packed >> 12, packed & 0xFFF
        if delay + padding < samples:
            samples -= delay + padding
    return samples
