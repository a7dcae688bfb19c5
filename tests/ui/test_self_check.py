"""``--self-check`` passes offscreen, from the source tree (CI also runs it on the build)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from soundclone_desktop import self_check

ROOT = Path(__file__).resolve().parents[2]


def test_self_check_in_process(qapp) -> None:
    lines: list[str] = []
    assert self_check.run(lines.append) == 0
    text = "\n".join(lines)
    assert "qt: 6." in text
    assert "multimedia: available" in text
    assert "audio codecs: MP3" in text and "M4A" in text and "0.200 s back" in text
    assert "[ok]" in text
    assert "keyring: " in text
    assert "translations: zh_CN loads: 'Generate speech' -> '生成语音' [ok]" in text
    assert lines[-1] == "self-check: all essential checks passed"


@pytest.mark.slow
def test_self_check_command_exits_zero_offscreen() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "soundclone_desktop", "--self-check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-check: all essential checks passed" in result.stdout


def test_a_missing_catalogue_fails_the_check(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(self_check.i18n, "translations_dir", lambda: tmp_path)
    lines: list[str] = []
    assert self_check.run(lines.append) == 1
    assert any(line.startswith("translations:") and "[FAIL]" in line for line in lines)
    assert lines[-1] == "self-check: FAILED: translations"


def test_a_broken_mp3_encoder_fails_the_check(qapp, monkeypatch) -> None:
    from soundclone_desktop.audio import encode

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("no LAME in this build")

    monkeypatch.setattr(encode, "encode", broken)
    lines: list[str] = []
    assert self_check.run(lines.append) == 1
    assert any(line.startswith("audio codecs: MP3 fails") for line in lines)
