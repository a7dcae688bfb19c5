"""Type sniffing, file-name sanitising and upload names (pure functions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from soundclone_desktop.api import sanitise_stem, sniff_kind
from soundclone_desktop.api._files import upload_filename
from soundclone_desktop.core.audio_format import sniff_audio


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64", "mp3"),  # MPEG-1 layer III frame
        (b"\xff\xf3\x64\xc4", "mp3"),  # MPEG-2 layer III
        (b"\xff\xe3\x18\xc4", "mp3"),  # MPEG-2.5
        (b"\xff\xf1\x50\x80", "aac"),  # ADTS: layer bits 00
        (b"RIFF\x24\x08\x00\x00WAVEfmt ", "wav"),
        (b"RIFF\x24\x08\x00\x00AVI LIST", "bin"),  # RIFF, but not WAVE
        (b"OggS\x00\x02", "ogg"),
        (b"fLaC\x00\x00\x00\x22", "flac"),
        (b"\x00\x00\x00\x20ftypM4A ", "m4a"),
        (b'[{"text": "Hi"}]', "json"),
        (b'\xef\xbb\xbf  {"subtitles": []}', "json"),
        (b"1\n00:00:00,000 --> 00:00:01,830\nWelcome", "srt"),
        (b"12\r\n00:01:00,000 --> 00:01:02,000\r\n", "srt"),
        (b"\xef\xbb\xbf1\n00:00:00,000 --> 00:00:01,000\n", "srt"),
        (b"1\nno arrow here\n", "bin"),
        (b"<html><body>Error</body></html>", "bin"),
        (b"", "bin"),
        (b"\xff", "bin"),
    ],
)
def test_sniff_kind(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


@pytest.mark.parametrize(
    "head",
    [
        b"RF64\xff\xff\xff\xffWAVEds64",  # a WAV over 4 GB, or from a streaming writer
        b"\xff\xf1\x50\x80",  # ADTS AAC
        b"\xff\xeb\x90\x64",  # reserved MPEG version: not audio
        b"ID3\x04\x00",
        b"\x00\x00\x00\x18ftypmp42",
    ],
)
def test_downloads_and_local_files_are_sniffed_alike(head: bytes) -> None:
    audio = sniff_audio(head)
    assert sniff_kind(head) == (audio if audio is not None else "bin")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("take-01_final.v2", "take-01_final.v2"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..", "download"),
        ("", "download"),
        ("...", "download"),
        (".hidden", "hidden"),
        ("trailing.", "trailing"),
        ("有声书 第1章", "_____1_"),
        ("a/b\\c:d*e?f", "a_b_c_d_e_f"),
        ("CON", "_CON"),
        ("nul.backup", "_nul.backup"),
        ("x" * 300, "x" * 100),
    ],
)
def test_sanitise_stem(stem: str, expected: str) -> None:
    assert sanitise_stem(stem) == expected


def test_sanitised_stem_never_leaves_the_folder(tmp_path: Path) -> None:
    for stem in ("../../etc/passwd", "/abs/path", "..\\..\\win", "a/../../b"):
        target = (tmp_path / f"{sanitise_stem(stem)}.wav").resolve()
        assert target.parent == tmp_path.resolve()


@pytest.mark.parametrize(
    ("name", "sent"),
    [
        ("voice.mp3", "voice.mp3"),
        ("我的声音.wav", "upload.wav"),
        ("take 1 – café.MP3", "take_1___caf.mp3"),
        ('quote".wav', "quote.wav"),
    ],
)
def test_upload_filename_is_ascii(name: str, sent: str) -> None:
    assert upload_filename(Path(name)) == sent
