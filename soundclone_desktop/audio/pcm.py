"""Decoded audio as 16-bit samples, and WAV files read and written in pure Python.

Everything the exporter produces is 16-bit (MP3 encoders take 16-bit input, and 16-bit
WAV is what every editor opens), so WAV input of any common depth is brought to 16 bits on
reading: 8-bit (unsigned) is shifted up, 24- and 32-bit integers keep their top 16 bits,
32/64-bit float is scaled and clipped. µ-law and A-law are refused with a clear message.
``WAVE_FORMAT_EXTENSIBLE`` and RF64 files are read too (the stdlib ``wave`` module of
Python 3.11 reads neither). The byte slicing below runs in C, so a long file converts fast.
"""

from __future__ import annotations

import struct
import sys
from array import array
from dataclasses import dataclass

_PCM = 0x0001
_FLOAT = 0x0003
_EXTENSIBLE = 0xFFFE
_UNKNOWN_SIZE = 0xFFFFFFFF
_FORMAT_NAMES = {_PCM: "PCM", 0x0006: "A-law", 0x0007: "µ-law", _FLOAT: "floating-point"}


class AudioReadError(ValueError):
    """Audio we cannot read; the message is a sentence naming what is wrong."""


@dataclass(frozen=True)
class Pcm:
    """Interleaved signed 16-bit samples (native byte order), ``rate`` Hz, ``channels``."""

    samples: array[int]
    rate: int
    channels: int

    def __post_init__(self) -> None:
        if self.samples.typecode != "h":
            raise ValueError("Pcm samples must be an array('h') of 16-bit values")
        if self.rate <= 0 or self.channels <= 0:
            raise ValueError(f"Pcm needs a positive rate and channel count (got {self.rate}, "
                             f"{self.channels})")  # fmt: skip
        if len(self.samples) % self.channels:
            raise ValueError("Pcm samples must hold whole frames (a sample per channel)")

    @property
    def frames(self) -> int:
        return len(self.samples) // self.channels

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def little_endian_bytes(self) -> bytes:
        """The samples as little-endian bytes (WAV's and LAME's order)."""
        if sys.byteorder == "little":
            return self.samples.tobytes()
        swapped = array("h", self.samples)
        swapped.byteswap()
        return swapped.tobytes()


def pcm_from_bytes(data: bytes, rate: int, channels: int) -> Pcm:
    """A :class:`Pcm` from little-endian 16-bit interleaved bytes (a trailing odd byte or
    partial frame is dropped)."""
    usable = len(data) - len(data) % (2 * channels)
    samples = array("h")
    samples.frombytes(data[:usable])
    if sys.byteorder == "big":
        samples.byteswap()
    return Pcm(samples, rate, channels)


def read_wav(data: bytes) -> Pcm:
    """Decode a WAV file's bytes (see the module doc for the sample formats accepted)."""
    if len(data) < 12 or data[:4] not in (b"RIFF", b"RF64") or data[8:12] != b"WAVE":
        raise AudioReadError("The file is not a WAV file (no RIFF/WAVE header).")
    fmt: tuple[int, int, int, int] | None = None  # tag, channels, rate, bits
    body: bytes | None = None
    ds64_size: int | None = None
    offset = 12
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        (size,) = struct.unpack_from("<I", data, offset + 4)
        start = offset + 8
        if chunk_id == b"ds64" and size >= 16:
            (ds64_size,) = struct.unpack_from("<Q", data, start + 8)
        elif chunk_id == b"fmt ":
            fmt = _fmt(data[start : start + size])
        elif chunk_id == b"data":
            if size == _UNKNOWN_SIZE and ds64_size is not None:
                size = ds64_size
            body = data[start : start + size]  # a size past the end: what is there
            break
        if size == _UNKNOWN_SIZE:
            break
        offset = start + size + (size & 1)
    if fmt is None:
        raise AudioReadError("The WAV file has no format (fmt) chunk.")
    if body is None:
        raise AudioReadError("The WAV file has no audio (data) chunk.")
    tag, channels, rate, bits = fmt
    return Pcm(_to_int16(body, tag, bits, channels), rate, channels)


def _fmt(chunk: bytes) -> tuple[int, int, int, int]:
    if len(chunk) < 16:
        raise AudioReadError("The WAV file's format chunk is too short.")
    tag, channels, rate, _byte_rate, _align, bits = struct.unpack_from("<HHIIHH", chunk)
    if tag == _EXTENSIBLE and len(chunk) >= 26:
        (tag,) = struct.unpack_from("<H", chunk, 24)  # first two bytes of the sub-format GUID
    if channels == 0 or rate == 0:
        raise AudioReadError("The WAV file declares no channels or no sample rate.")
    supported = (tag == _PCM and bits in (8, 16, 24, 32)) or (tag == _FLOAT and bits in (32, 64))
    if not supported:
        kind = _FORMAT_NAMES.get(tag, f"format {tag:#06x}")
        raise AudioReadError(
            f"The WAV file holds {bits}-bit {kind} audio; only 8, 16, 24 or 32-bit PCM and "
            "32 or 64-bit float WAV files can be read."
        )
    return tag, channels, rate, bits


def _to_int16(body: bytes, tag: int, bits: int, channels: int) -> array[int]:
    width = bits // 8
    body = body[: len(body) - len(body) % (width * channels)]
    if tag == _FLOAT:
        values = array("f" if bits == 32 else "d")
        values.frombytes(body)
        if sys.byteorder == "big":
            values.byteswap()
        return array("h", (_clip(v * 32767.0) for v in values))
    if bits == 8:  # unsigned: 128 is silence
        return array("h", ((b - 128) << 8 for b in body))
    if bits == 16:
        samples = array("h")
        samples.frombytes(body)
        if sys.byteorder == "big":
            samples.byteswap()
        return samples
    # 24/32-bit: the two most significant bytes of each little-endian sample are a 16-bit one.
    out = bytearray(len(body) // width * 2)
    out[0::2] = body[width - 2 :: width]
    out[1::2] = body[width - 1 :: width]
    samples = array("h")
    samples.frombytes(bytes(out))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _clip(value: float) -> int:
    if value != value:  # NaN
        return 0
    return max(-32768, min(32767, round(value)))


def wav_bytes(pcm: Pcm) -> bytes:
    """A 16-bit PCM WAV file of ``pcm``."""
    payload = pcm.little_endian_bytes()
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(payload),
        b"WAVE",
        b"fmt ",
        16,
        _PCM,
        pcm.channels,
        pcm.rate,
        pcm.rate * pcm.channels * 2,
        pcm.channels * 2,
        16,
        b"data",
        len(payload),
    )
    return header + payload
