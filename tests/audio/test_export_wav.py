"""WAV reading in pure Python (8/16/24/32-bit, float, stereo, EXTENSIBLE) and writing."""

from __future__ import annotations

import io
import struct
import wave
from array import array

import pytest

from soundclone_desktop.audio.pcm import AudioReadError, Pcm, pcm_from_bytes, read_wav, wav_bytes


def riff(fmt_chunk: bytes, data: bytes, *, extra: bytes = b"", tag: bytes = b"RIFF") -> bytes:
    body = b"WAVE" + extra + b"fmt " + struct.pack("<I", len(fmt_chunk)) + fmt_chunk
    body += b"data" + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) & 1 else b"")
    return tag + struct.pack("<I", len(body)) + body


def fmt(tag: int, channels: int, rate: int, bits: int) -> bytes:
    align = channels * bits // 8
    return struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)


def extensible(sub_tag: int, channels: int, rate: int, bits: int) -> bytes:
    guid_tail = b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
    return (
        fmt(0xFFFE, channels, rate, bits)
        + struct.pack("<HHI", 22, bits, 0b11 if channels == 2 else 0b100)
        + struct.pack("<H", sub_tag)
        + guid_tail
    )


def test_16_bit_mono_as_written_by_the_stdlib() -> None:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(array("h", [0, 1, -1, 32767, -32768]).tobytes())
    pcm = read_wav(buffer.getvalue())
    assert (list(pcm.samples), pcm.rate, pcm.channels) == ([0, 1, -1, 32767, -32768], 22050, 1)


def test_8_bit_unsigned_is_centred_and_scaled() -> None:
    pcm = read_wav(riff(fmt(1, 1, 8000, 8), bytes([128, 255, 0, 129])))
    assert list(pcm.samples) == [0, 127 << 8, -128 << 8, 1 << 8]


def test_24_bit_stereo_keeps_the_top_16_bits() -> None:
    frames = [0x123456, -0x123456, 0x7FFFFF, -0x800000]
    data = b"".join(v.to_bytes(3, "little", signed=True) for v in frames)
    pcm = read_wav(riff(fmt(1, 2, 48000, 24), data))
    assert pcm.channels == 2 and pcm.frames == 2
    assert list(pcm.samples) == [v >> 8 for v in frames]


def test_32_bit_integer_and_extensible_header() -> None:
    frames = [0x12345678, -0x12345678, 0x7FFFFFFF, -0x80000000]
    data = b"".join(v.to_bytes(4, "little", signed=True) for v in frames)
    pcm = read_wav(riff(extensible(1, 2, 44100, 32), data))
    assert list(pcm.samples) == [v >> 16 for v in frames]


@pytest.mark.parametrize("bits", [32, 64])
def test_float_is_scaled_and_clipped(bits: int) -> None:
    values = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, float("nan")]
    data = struct.pack(f"<{len(values)}{'f' if bits == 32 else 'd'}", *values)
    pcm = read_wav(riff(fmt(3, 1, 16000, bits), data))
    assert list(pcm.samples) == [0, 16384, -16384, 32767, -32767, 32767, 0]


def test_chunks_before_the_data_and_an_odd_sized_chunk_are_skipped() -> None:
    junk = b"LIST" + struct.pack("<I", 3) + b"abc\x00"
    pcm = read_wav(riff(fmt(1, 1, 8000, 16), b"\x01\x00\x02\x00", extra=junk))
    assert list(pcm.samples) == [1, 2]


def test_a_data_size_past_the_end_reads_what_is_there() -> None:
    header = riff(fmt(1, 1, 8000, 16), b"")[:-4]  # up to the data chunk's size field
    broken = header + struct.pack("<I", 0xFFFFFFF0) + b"\x01\x00\x02\x00\x03"  # torn sample
    assert list(read_wav(broken).samples) == [1, 2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"ID3\x04" + bytes(20), "not a WAV file"),
        (b"RIFF\x04\x00\x00\x00WAVE", "no format"),
        (riff(fmt(1, 1, 8000, 16), b"")[:36], "no audio"),
        (riff(fmt(7, 1, 8000, 8), b"\x00"), "8-bit µ-law"),
        (riff(fmt(1, 1, 8000, 12), b"\x00\x00"), "12-bit PCM"),
        (riff(fmt(1, 0, 8000, 16), b""), "no channels"),
        (riff(b"\x01\x00", b""), "too short"),
    ],
)
def test_unreadable_wav_files_say_why(data: bytes, message: str) -> None:
    with pytest.raises(AudioReadError, match=message):
        read_wav(data)


def test_written_wav_reads_back_in_the_stdlib() -> None:
    pcm = Pcm(array("h", [1, -2, 3, -4, 5, -6]), 32000, 2)
    data = wav_bytes(pcm)
    with wave.open(io.BytesIO(data)) as back:
        assert (back.getnchannels(), back.getsampwidth(), back.getframerate()) == (2, 2, 32000)
        assert array("h", back.readframes(back.getnframes())) == pcm.samples
    assert read_wav(data) == pcm


def test_pcm_checks_its_shape() -> None:
    with pytest.raises(ValueError, match="whole frames"):
        Pcm(array("h", [1, 2, 3]), 8000, 2)
    with pytest.raises(ValueError, match="16-bit"):
        Pcm(array("i", [1]), 8000, 1)
    with pytest.raises(ValueError, match="positive"):
        Pcm(array("h"), 0, 1)
    assert pcm_from_bytes(b"\x01\x00\x02\x00\x03", 8000, 2).samples == array("h", [1, 2])
