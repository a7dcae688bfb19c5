"""MP3 encoding with LAME, through the ``lameenc`` wheel.

Why lameenc: LAME is the reference MP3 encoder, and ``lameenc`` ships it compiled inside a
small wheel for Windows, macOS and Linux (no ffmpeg or system library to install, nothing
extra for PyInstaller to find). Qt cannot take its place: ``QMediaRecorder`` encodes from a
capture device, not from a buffer, and the Qt-free ``audio`` layer must not import Qt
anyway. It is a runtime dependency in ``pyproject.toml``.

Output: constant bit rate (128 kbps by default, the service's own MP3 rate), LAME quality 2
(its best), no ID3 tag: the file starts with an MPEG frame. Sample rates MP3 cannot hold are
resampled by LAME; more than two channels cannot be written.
"""

from __future__ import annotations

import lameenc  # type: ignore[import-not-found]  # a C extension without type stubs

from .pcm import Pcm

DEFAULT_BITRATE_KBPS = 128
_MIN_RATE = 8000
_CHUNK_FRAMES = 1 << 16  # feed LAME in pieces so its output buffer stays small


class Mp3EncodeError(ValueError):
    """Audio that cannot become an MP3; the message says why."""


def encode_mp3(pcm: Pcm, *, bitrate_kbps: int = DEFAULT_BITRATE_KBPS) -> bytes:
    """``pcm`` as an MP3 file."""
    if pcm.channels > 2:
        raise Mp3EncodeError(
            f"The audio has {pcm.channels} channels; an MP3 file holds one or two."
        )
    if pcm.rate < _MIN_RATE:
        raise Mp3EncodeError(
            f"The audio's sample rate is {pcm.rate} Hz; MP3 needs at least {_MIN_RATE} Hz."
        )
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(pcm.rate)
    encoder.set_channels(pcm.channels)
    encoder.set_quality(2)
    data = pcm.little_endian_bytes()
    step = _CHUNK_FRAMES * 2 * pcm.channels
    out = bytearray()
    for offset in range(0, len(data), step):
        out += encoder.encode(data[offset : offset + step])
    out += encoder.flush()
    return bytes(out)
