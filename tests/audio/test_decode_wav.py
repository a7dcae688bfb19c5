"""WAV files of every common layout decode to the right float samples (formerly the pure-Python
reader's tests: 8/16/24/32-bit, float, stereo, EXTENSIBLE, odd chunks, torn files)."""

from __future__ import annotations

import io
import struct
import wave
from array import array
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.decode import decode
from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
from soundclone_desktop.audio.model import Audio, AudioError


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


def samples(data: bytes) -> list[list[float]]:
    audio = decode(data)
    return [[float(v) for v in row] for row in audio.samples]


def test_16_bit_mono_as_written_by_the_stdlib() -> None:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(array("h", [0, 1, -1, 32767, -32768]).tobytes())
    audio = decode(buffer.getvalue())
    assert (audio.rate, audio.channels) == (22050, 1)
    assert samples(buffer.getvalue()) == [[v / 32768 for v in (0, 1, -1, 32767, -32768)]]


def test_8_bit_unsigned_is_centred_and_scaled() -> None:
    assert samples(riff(fmt(1, 1, 8000, 8), bytes([128, 255, 0, 129]))) == [
        [0.0, 127 / 128, -1.0, 1 / 128]
    ]


def test_24_bit_stereo_keeps_every_bit() -> None:
    frames = [0x123456, -0x123456, 0x7FFFFF, -0x800000]
    data = b"".join(v.to_bytes(3, "little", signed=True) for v in frames)
    audio = decode(riff(fmt(1, 2, 48000, 24), data))
    assert audio.channels == 2 and audio.frames == 2
    expected = np.array(frames, np.float64).reshape(2, 2).T / 2**23
    assert np.allclose(audio.samples, expected, atol=1e-7)


def test_32_bit_integer_and_extensible_header() -> None:
    frames = [0x12345678, -0x12345678, 0x7FFFFFFF, -0x80000000]
    data = b"".join(v.to_bytes(4, "little", signed=True) for v in frames)
    audio = decode(riff(extensible(1, 2, 44100, 32), data))
    expected = np.array(frames, np.float64).reshape(2, 2).T / 2**31
    assert audio.rate == 44100 and np.allclose(audio.samples, expected, atol=1e-7)


@pytest.mark.parametrize("bits", [32, 64])
def test_float_is_read_as_it_is_and_clipped_when_written(bits: int, tmp_path: Path) -> None:
    values = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0]
    data = struct.pack(f"<{len(values)}{'f' if bits == 32 else 'd'}", *values)
    audio = decode(riff(fmt(3, 1, 16000, bits), data))
    assert samples(riff(fmt(3, 1, 16000, bits), data)) == [values]
    out = encode(audio, tmp_path / "o.wav", EncodeOptions(Encoding.WAV))
    with wave.open(str(out)) as back:
        assert back.getsampwidth() == 2
        assert list(array("h", back.readframes(6))) == [0, 16384, -16384, 32767, -32768, 32767]


def test_chunks_before_the_data_and_an_odd_sized_chunk_are_skipped() -> None:
    junk = b"junk" + struct.pack("<I", 3) + b"abc\x00"
    assert samples(riff(fmt(1, 1, 8000, 16), b"\x01\x00\x02\x00", extra=junk)) == [
        [1 / 32768, 2 / 32768]
    ]


def test_a_data_size_past_the_end_reads_what_is_there() -> None:
    header = riff(fmt(1, 1, 8000, 16), b"")[:-4]  # up to the data chunk's size field
    broken = header + struct.pack("<I", 0xFFFFFFF0) + b"\x01\x00\x02\x00\x03"  # torn sample
    assert samples(broken)[0][:2] == [1 / 32768, 2 / 32768]


@pytest.mark.parametrize(
    "data",
    [
        b"ID3\x04" + bytes(20),
        b"RIFF\x04\x00\x00\x00WAVE",
        riff(fmt(1, 0, 8000, 16), b""),
        riff(b"\x01\x00", b""),
    ],
)
def test_unreadable_wav_files_say_why(data: bytes) -> None:
    with pytest.raises(AudioError, match="The audio"):
        decode(data)


def test_written_wav_reads_back_in_the_stdlib(tmp_path: Path) -> None:
    values = np.array([[1, -2, 3], [-4, 5, -6]], np.float32) / 32768
    path = encode(Audio(values, 32000), tmp_path / "s.wav", EncodeOptions(Encoding.WAV))
    with wave.open(str(path)) as back:
        assert (back.getnchannels(), back.getsampwidth(), back.getframerate()) == (2, 2, 32000)
        assert list(array("h", back.readframes(back.getnframes()))) == [1, -4, -2, 5, 3, -6]


def test_audio_checks_its_shape() -> None:
    with pytest.raises(ValueError, match="2-D float32"):
        Audio(np.zeros(3, np.float32), 8000)
    with pytest.raises(ValueError, match="2-D float32"):
        Audio(np.zeros((1, 3), np.int16), 8000)
    with pytest.raises(ValueError, match="positive"):
        Audio(np.zeros((1, 3), np.float32), 0)
