"""Exported files are ordinary files: the umask decides their mode (mkstemp gave 0600,
so a file shared with another user on the machine could not be read)."""

from __future__ import annotations

import os
import stat
import wave
from pathlib import Path

import pytest

from soundclone_desktop.audio.export import AudioFormat, export_audio


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_exported_copy_follows_the_umask(tmp_path: Path) -> None:
    source = tmp_path / "take.wav"
    with wave.open(str(source), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(8000)
        handle.writeframes(b"\x00\x01" * 800)
    old_umask = os.umask(0o022)
    try:
        done = export_audio(source, tmp_path / "shared.wav", AudioFormat.ORIGINAL)
    finally:
        os.umask(old_umask)
    assert done.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(done.stat().st_mode) == 0o644
