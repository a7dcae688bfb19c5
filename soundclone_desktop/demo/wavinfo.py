"""Duration of a WAV file read from its RIFF chunks, without decoding any samples."""

from __future__ import annotations

import struct


def wav_duration(data: bytes) -> float | None:
    """Seconds of audio in a RIFF/WAVE file, or ``None`` when it is not one we can measure.

    Uses the ``data`` chunk size over the ``fmt`` byte rate, which holds for PCM and for the
    compressed formats that fill in a byte rate. A streamed WAV whose header claims more data
    than the file holds is measured by the bytes actually present.
    """
    if len(data) < 12 or data[:4] not in (b"RIFF", b"RF64") or data[8:12] != b"WAVE":
        return None
    byte_rate = 0
    offset = 12
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        (size,) = struct.unpack_from("<I", data, offset + 4)
        body = offset + 8
        if chunk_id == b"fmt " and size >= 16 and body + 16 <= len(data):
            byte_rate = int(struct.unpack_from("<HHII", data, body)[3])
        elif chunk_id == b"data":
            if byte_rate <= 0:
                return None
            available = len(data) - body
            return float(min(size, available)) / float(byte_rate)
        offset = body + size + (size & 1)  # chunks are padded to even sizes
    return None
