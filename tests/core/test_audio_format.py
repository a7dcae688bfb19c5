"""core.audio_format: magic-byte sniffing and WAV duration on generated files."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from soundclone_desktop.core.audio_format import SNIFF_BYTES, sniff_audio, wav_duration


def make_wav(seconds: float, *, rate: int = 32_000, channels: int = 1, width: int = 2) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(b"\x00" * int(seconds * rate) * channels * width)
    return buffer.getvalue()


def chunk(chunk_id: bytes, body: bytes) -> bytes:
    pad = b"\x00" if len(body) % 2 else b""
    return chunk_id + struct.pack("<I", len(body)) + body + pad


def riff(*chunks: bytes, magic: bytes = b"RIFF") -> bytes:
    body = b"WAVE" + b"".join(chunks)
    return magic + struct.pack("<I", len(body)) + body


def fmt_chunk(tag: int = 1, channels: int = 1, rate: int = 8000, width: int = 2) -> bytes:
    align = channels * width
    return chunk(
        b"fmt ", struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, width * 8)
    )


# --- sniffing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64", "mp3"),  # MPEG-1 layer III
        (b"\xff\xf3\x90\x64", "mp3"),  # MPEG-2 layer III
        (b"\xff\xe3\x90\x64", "mp3"),  # MPEG-2.5 layer III
        (b"\xff\xfd\x90\x64", "mp3"),  # MPEG-1 layer II
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "wav"),
        (b"RF64\xff\xff\xff\xffWAVEds64", "wav"),
        (b"OggS\x00\x02\x00\x00", "ogg"),
        (b"fLaC\x00\x00\x00\x22", "flac"),
        (b"\x00\x00\x00\x20ftypM4A \x00\x00", "m4a"),
        (b"\x00\x00\x00\x18ftypmp42", "m4a"),
        (b"\xff\xf1\x50\x80", "aac"),  # ADTS shares MP3's sync word but has layer 00
        (b"\xff\xf9\x50\x80", "aac"),  # ADTS, MPEG-2 flavour
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff_audio(head) == kind
    assert sniff_audio(head + b"\x00" * 100) == kind


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"\xff",
        b"ID",
        b"\xff\xe1\x50\x80",  # layer 00 without ADTS's 12-bit sync: neither MP3 nor AAC
        b"\xff\xeb\x90\x64",  # reserved MPEG version 01
        b"\xff\xd8\xff\xe0",  # JPEG
        b"RIFF\x24\x00\x00\x00AVI ",
        b"<html><body>",
        b'{"code": 20002}',
        b"\x00" * 12,
    ],
)
def test_sniff_unknown(head: bytes) -> None:
    assert sniff_audio(head) is None


def test_sniff_generated_wav() -> None:
    assert sniff_audio(make_wav(0.1)[:SNIFF_BYTES]) == "wav"


# --- WAV duration -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "rate", "channels", "width"),
    [(3.0, 32_000, 1, 2), (1.5, 44_100, 2, 2), (20.0, 8_000, 1, 1), (0.25, 48_000, 2, 3)],
)
def test_duration_of_generated_wav(seconds: float, rate: int, channels: int, width: int) -> None:
    data = make_wav(seconds, rate=rate, channels=channels, width=width)
    assert wav_duration(data) == pytest.approx(seconds)


def test_duration_from_the_header_alone() -> None:
    data = make_wav(30.0, rate=16_000)
    assert wav_duration(data[:64]) == pytest.approx(30.0)


def test_empty_wav() -> None:
    assert wav_duration(make_wav(0)) == 0.0


def test_chunks_before_fmt_and_data_are_skipped() -> None:
    data = riff(
        chunk(b"JUNK", b"\x00" * 27),  # odd size: padded to an even length
        chunk(b"LIST", b"INFOISFT\x05\x00\x00\x00test\x00"),
        fmt_chunk(rate=8000),
        chunk(b"fact", struct.pack("<I", 8000)),
        chunk(b"data", b"\x00" * 16_000),
        chunk(b"id3 ", b"\x00" * 10),
    )
    assert wav_duration(data) == pytest.approx(1.0)


def test_extended_fmt_chunk() -> None:
    ext = struct.pack("<HHIIHHH", 0xFFFE, 2, 8000, 32_000, 4, 16, 22) + b"\x00" * 22
    data = riff(chunk(b"fmt ", ext), chunk(b"data", b"\x00" * 64_000))
    assert wav_duration(data) == pytest.approx(2.0)


def test_compressed_uses_fact_samples() -> None:
    fmt = struct.pack("<HHIIHH", 0x11, 1, 8000, 4055, 256, 4) + b"\x02\x00\xf9\x01"
    data = riff(
        chunk(b"fmt ", fmt),
        chunk(b"fact", struct.pack("<I", 24_000)),
        chunk(b"data", b"\x00" * 1000),
    )
    assert wav_duration(data) == pytest.approx(3.0)


def test_compressed_without_fact_uses_byte_rate() -> None:
    fmt = struct.pack("<HHIIHH", 0x55, 1, 8000, 2000, 1, 0)
    data = riff(chunk(b"fmt ", fmt), chunk(b"data", b"\x00" * 4000))
    assert wav_duration(data) == pytest.approx(2.0)


def test_streaming_placeholder_size_counts_bytes_present() -> None:
    data = riff(fmt_chunk(rate=8000)) + b"data" + struct.pack("<I", 0xFFFFFFFF) + b"\x00" * 8000
    assert wav_duration(data) == pytest.approx(0.5)


def test_rf64_uses_ds64_size() -> None:
    ds64 = chunk(b"ds64", struct.pack("<QQQI", 0, 48_000, 24_000, 0))
    data = riff(ds64, fmt_chunk(rate=8000), magic=b"RF64")
    data += b"data" + struct.pack("<I", 0xFFFFFFFF) + b"\x00" * 100  # only the start
    assert wav_duration(data) == pytest.approx(3.0)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"RIFF",
        b"RIFF\x00\x00\x00\x00AVI LIST",
        b"ID3\x04\x00" + b"\x00" * 100,
        riff(chunk(b"data", b"\x00" * 100)),  # no fmt chunk
        riff(fmt_chunk()),  # no data chunk
        riff(fmt_chunk(rate=0), chunk(b"data", b"\x00" * 10)),
        riff(chunk(b"fmt ", b"\x01\x00"), chunk(b"data", b"\x00" * 10)),  # truncated fmt
    ],
)
def test_not_a_readable_wav(data: bytes) -> None:
    assert wav_duration(data) is None


def test_truncated_in_the_middle_of_a_chunk_header() -> None:
    data = make_wav(1.0)
    assert wav_duration(data[:40]) is None  # fmt parsed, data header cut off
