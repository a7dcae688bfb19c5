"""`soundclone book check-delivery DIR --profile acx [--json]` and `soundclone master`."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop import cli
from soundclone_desktop.audio.model import Audio
from tests.audio.delivery_fixtures import chapter, decoded, write_mp3


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_master_then_check_delivery_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_mp3(chapter(8.0), tmp_path / "01 Opening.mp3", kbps=128, rate=32_000)
    out = tmp_path / "acx"
    code, _, err = run(capsys, "master", source, "--profile", "acx", "--out", out)
    assert code == 0, err
    samples, rate = decoded(out / "01 Opening.mp3")
    loud = Audio((samples * 4).astype(np.float32)[np.newaxis, :], rate)
    write_mp3(loud, out / "02 Loud.mp3")

    code, stdout, _ = run(capsys, "--json", "book", "check-delivery", out, "--profile", "acx")
    assert code == 1
    data = json.loads(stdout.strip().splitlines()[-1])
    files = {f["file"]: f for f in data["files"]}
    assert set(files) == {"01 Opening.mp3", "02 Loud.mp3"}
    opening = files["01 Opening.mp3"]
    assert opening["pass"] is True
    assert {"rms", "peak", "noise_floor", "head", "tail", "cbr", "bitrate", "sample_rate"} <= set(
        opening["rules"])  # fmt: skip
    assert all(rule["pass"] is True for rule in opening["rules"].values())
    assert opening["measurements"]["sample_rate"] == 44_100
    assert files["02 Loud.mp3"]["rules"]["rms"]["pass"] is False
    assert Path(data["report_html"]).is_file() and Path(data["report_json"]).is_file()

    code, stdout, _ = run(capsys, "book", "check-delivery", out, "--profile", "acx")
    assert code == 1
    assert "FAIL  02 Loud.mp3" in stdout and "PASS  01 Opening.mp3" in stdout
    assert "RMS level" in stdout


def test_check_delivery_of_a_folder_without_audio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "book", "check-delivery", tmp_path, "--profile", "acx")
    assert code == 2 and "no audio files" in err
