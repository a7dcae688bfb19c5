"""MPEG audio frame headers read directly from an MP3 file: the bit rate mode (CBR or VBR)
and the bit rates used, which FFmpeg's stream info does not tell apart.

A file is CBR when every audio frame has the same bit rate and no Xing or VBRI header
declares it variable (LAME writes an "Info" header, the same structure, for CBR files).
The header frame itself carries no audio and is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["FrameLayout", "Mp3Frames", "frame_layout", "id3_size", "read_mp3_frames"]

# Bit rates (kbps) by [MPEG-1?][layer III?] index; layer III only matters here but the
# table for layers I and II keeps the frame walk right for any MPEG audio file.
_BITRATES = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@dataclass(frozen=True, slots=True)
class Mp3Frames:
    frames: int  # audio frames (the Xing/Info frame excluded)
    bitrates_kbps: frozenset[int]
    header: str | None  # "Xing", "Info", "VBRI" or None
    sample_rate: int | None

    @property
    def mode(self) -> str:
        """``"cbr"``, ``"vbr"`` or ``"unknown"`` (no frame found)."""
        if not self.frames:
            return "unknown"
        if self.header in ("Xing", "VBRI") or len(self.bitrates_kbps) > 1:
            return "vbr"
        return "cbr"

    @property
    def bitrate_kbps(self) -> float | None:
        """The constant rate, or the lowest of a variable one (what a minimum rule needs)."""
        return float(min(self.bitrates_kbps)) if self.bitrates_kbps else None


def id3_size(data: bytes) -> int:
    """Bytes of the ID3v2 tag at the start of ``data`` (0 without one)."""
    if len(data) >= 10 and data[:3] == b"ID3":
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        return 10 + size + (10 if data[5] & 0x10 else 0)
    return 0


@dataclass(frozen=True, slots=True)
class FrameLayout:
    """What one MPEG audio frame header says."""

    mpeg1: bool
    layer: int
    kbps: int
    sample_rate: int
    length: int  # bytes, header included
    crc: bool
    mono: bool

    @property
    def side_info(self) -> int:
        """Bytes of layer III side information after the header (and CRC)."""
        return (17 if self.mono else 32) if self.mpeg1 else (9 if self.mono else 17)


def frame_layout(data: bytes, at: int) -> FrameLayout | None:
    """The frame header at ``data[at:]``, or ``None`` when none starts there."""
    if at + 4 > len(data) or data[at] != 0xFF or (data[at + 1] & 0xE0) != 0xE0:
        return None
    b1, b2, b3 = data[at + 1], data[at + 2], data[at + 3]
    version_bits, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
    if version_bits == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version_bits == 3
    layer = 4 - layer_bits
    kbps = _BITRATES[(1 if mpeg1 else 2, layer)][bitrate_index]
    sample_rate = _RATES[version_bits][rate_index]
    padding = (b2 >> 1) & 1
    if layer == 1:
        length = (12 * kbps * 1000 // sample_rate + padding) * 4
    elif layer == 3 and not mpeg1:
        length = 72 * kbps * 1000 // sample_rate + padding
    else:
        length = 144 * kbps * 1000 // sample_rate + padding
    return FrameLayout(mpeg1, layer, kbps, sample_rate, length, not (b1 & 1), (b3 >> 6) == 3)


def read_mp3_frames(path: Path) -> Mp3Frames:
    # The walk is inlined (no FrameLayout per frame): an hour holds 140,000 frames.
    data = path.read_bytes()
    at = id3_size(data)
    end = len(data)
    if end >= 128 and data[-128:-125] == b"TAG":
        end -= 128
    bitrates: set[int] = set()
    frames = 0
    header: str | None = None
    rate: int | None = None
    first = True
    while at + 4 <= end:
        if data[at] != 0xFF or (data[at + 1] & 0xE0) != 0xE0:
            at += 1  # resynchronise (junk between frames)
            continue
        b1, b2, b3 = data[at + 1], data[at + 2], data[at + 3]
        version_bits, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
        bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
        if version_bits == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
            at += 1
            continue
        mpeg1 = version_bits == 3
        layer = 4 - layer_bits
        kbps = _BITRATES[(1 if mpeg1 else 2, layer)][bitrate_index]
        sample_rate = _RATES[version_bits][rate_index]
        padding = (b2 >> 1) & 1
        if layer == 1:
            length = (12 * kbps * 1000 // sample_rate + padding) * 4
        elif layer == 3 and not mpeg1:
            length = 72 * kbps * 1000 // sample_rate + padding
        else:
            length = 144 * kbps * 1000 // sample_rate + padding
        if first:
            first = False
            rate = sample_rate
            found = _vbr_header(data, at, mpeg1, mono=(b3 >> 6) == 3, crc=not (b1 & 1))
            if found is not None:
                header = found
                at += length
                continue
        frames += 1
        bitrates.add(kbps)
        at += length
    return Mp3Frames(frames, frozenset(bitrates), header, rate)


def _vbr_header(data: bytes, at: int, mpeg1: bool, *, mono: bool, crc: bool) -> str | None:
    side = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    offset = at + 4 + (2 if crc else 0) + side
    tag = data[offset : offset + 4]
    if tag in (b"Xing", b"Info"):
        return tag.decode("ascii")
    if data[at + 36 : at + 40] == b"VBRI":
        return "VBRI"
    return None
