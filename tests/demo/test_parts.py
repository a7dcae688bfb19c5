"""Unit tests of the small parsers: pause markers, multipart bodies, WAV headers."""

from __future__ import annotations

import struct

import pytest

from soundclone_desktop.demo import multipart
from soundclone_desktop.demo.markup import MarkupError, billable_chars, find_pauses, strip_markers
from soundclone_desktop.demo.wavinfo import wav_duration


def test_find_pauses_and_billable_chars() -> None:
    text = "一<#0.5#>二<#12.34#>三"
    pauses = find_pauses(text)
    assert [(p.start, p.end, p.centis) for p in pauses] == [(1, 8, 50), (9, 18, 1234)]
    assert pauses[1].seconds == 12.34
    assert billable_chars(text, pauses) == 3
    assert strip_markers(text) == "一二三"


@pytest.mark.parametrize("text", ["a<#1#>", "<#1#>a", "a<#1#><#1#>b", "a<#1.#>b", "a<#.5#>b"])
def test_find_pauses_rejects(text: str) -> None:
    with pytest.raises(MarkupError):
        find_pauses(text)


def test_plain_hash_and_angle_text_is_not_a_marker() -> None:
    assert find_pauses("C# and a < b > c, #1 hit") == []


def test_multipart_parse_with_quotes_and_fields() -> None:
    body = (
        b"preamble\r\n--XyZ\r\n"
        b'Content-Disposition: form-data; name="note"\r\n\r\nhello\r\n'
        b"--XyZ\r\n"
        b'Content-Disposition: form-data; name="file"; filename="a \\"q\\".wav"\r\n'
        b"Content-Type: audio/wav\r\n\r\n"
        b"\r\n--Xy not the boundary\r\n"
        b"\r\n--XyZ--\r\n"
    )
    parts = multipart.parse(body, "XyZ")
    assert [(p.name, p.filename) for p in parts] == [("note", None), ("file", 'a "q".wav')]
    assert parts[0].data == b"hello"
    assert parts[1].data == b"\r\n--Xy not the boundary\r\n"
    assert parts[1].content_type == "audio/wav"


def test_multipart_boundary_and_errors() -> None:
    assert multipart.boundary_of('multipart/form-data; boundary="a b"') == "a b"
    assert multipart.boundary_of("application/json") is None
    assert multipart.boundary_of("multipart/form-data") is None
    with pytest.raises(multipart.MultipartError):
        multipart.parse(b"--b\r\nContent-Disposition: form-data; name=x\r\n\r\nno end", "b")
    with pytest.raises(multipart.MultipartError):
        multipart.parse(b"nothing here", "b")


def _wav(rate: int, channels: int, bits: int, frames: int, extra_chunk: bool = False) -> bytes:
    block = channels * bits // 8
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * block, block, bits)
    data = bytes(frames * block)
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    if extra_chunk:
        chunks = b"LIST" + struct.pack("<I", 3) + b"abc\x00" + chunks
    chunks += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks


def test_wav_duration() -> None:
    assert wav_duration(_wav(8000, 1, 16, 16000)) == 2.0
    assert wav_duration(_wav(44100, 2, 16, 44100 * 3, extra_chunk=True)) == 3.0
    truncated = _wav(8000, 1, 16, 8000)[:-8000]  # header claims 1 s, half of it is present
    assert wav_duration(truncated) == 0.5
    assert wav_duration(b"ID3\x03" + bytes(100)) is None
    assert wav_duration(b"RIFF\x00\x00\x00\x00WAVE") is None
