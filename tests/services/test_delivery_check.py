"""check_files: a good ACX master passes; a file too loud, one without a tail, one at
22.05 kHz and one in VBR each fail with the rule named; JSON and HTML are written."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from soundclone_desktop.audio.mastering import master_file
from soundclone_desktop.audio.model import Audio
from soundclone_desktop.core.delivery.profiles import profile
from soundclone_desktop.services.delivery.check import check_files
from soundclone_desktop.services.delivery.master import master_files, settings_for
from soundclone_desktop.services.delivery.report import write_reports
from tests.audio.delivery_fixtures import chapter, decoded, write_mp3

ACX = profile("acx")


@pytest.fixture(scope="module")
def delivery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("delivery")
    source = write_mp3(chapter(12.0), folder.parent / "source.mp3", kbps=128, rate=32_000)
    good = master_file(source, folder / "01 good.mp3", settings_for(ACX)).target
    samples, rate = decoded(good)
    master = Audio(samples.astype(np.float32)[np.newaxis, :], rate)
    loud = Audio(master.samples * np.float32(10 ** (8 / 20)), rate)
    write_mp3(loud, folder / "02 too loud.mp3")
    last = int(np.flatnonzero(np.abs(samples) >= 10 ** (-50 / 20))[-1])
    write_mp3(Audio(master.samples[:, : last + 1], rate), folder / "03 no tail.mp3")
    write_mp3(master, folder / "04 low rate.mp3", rate=22_050, kbps=64)
    write_mp3(master, folder / "05 vbr.mp3", vbr=True)
    return folder


def failed(report_file: object) -> set[str]:
    return {r.rule.key for r in report_file.failures}  # type: ignore[attr-defined]


def test_each_faulty_file_fails_with_the_rule_named(delivery: Path) -> None:
    report = check_files(delivery, ACX)
    by_name = {f.path.name: f for f in report.files}
    assert by_name["01 good.mp3"].passed, [r.message for r in by_name["01 good.mp3"].failures]
    assert {"rms", "peak"} <= failed(by_name["02 too loud.mp3"])
    assert "tail" in failed(by_name["03 no tail.mp3"])
    assert "sample_rate" in failed(by_name["04 low rate.mp3"])
    assert "cbr" in failed(by_name["05 vbr.mp3"])
    assert "cbr" not in failed(by_name["02 too loud.mp3"])
    for name in ("02 too loud.mp3", "03 no tail.mp3", "04 low rate.mp3", "05 vbr.mp3"):
        assert not by_name[name].passed
    assert not report.passed
    # The failure says which rule and why, with the measured value.
    loud = next(r for r in by_name["02 too loud.mp3"].failures if r.rule.key == "rms")
    assert "RMS level is between −23 and −18 dB" in loud.message
    assert "above -18 dB" in loud.message and "measures" in loud.message


def test_reports_are_written_next_to_the_files(delivery: Path) -> None:
    json_path, html_path = write_reports(check_files(delivery, ACX))
    assert json_path.parent == delivery and html_path.parent == delivery
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["profile"] == "acx" and data["pass"] is False
    files = {f["file"]: f for f in data["files"]}
    assert files["05 vbr.mp3"]["rules"]["cbr"]["pass"] is False
    assert files["05 vbr.mp3"]["measurements"]["bitrate_mode"] == "vbr"
    assert files["01 good.mp3"]["measurements"]["bit_rate_kbps"] == 192
    assert all(rule["pass"] for rule in files["01 good.mp3"]["rules"].values())
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "04 low rate.mp3" in page and "The sample rate is 44.1 kHz." in page


def test_mastering_again_redoes_only_what_changed(tmp_path: Path) -> None:
    one = write_mp3(chapter(6.0), tmp_path / "one.mp3", kbps=128, rate=32_000)
    two = write_mp3(chapter(7.0), tmp_path / "two.mp3", kbps=128, rate=32_000)
    out = tmp_path / "masters"
    first = master_files([one, two], out, ACX)
    assert [o.redone for o in first] == [True, True]
    assert [o.redone for o in master_files([one, two], out, ACX)] == [False, False]
    write_mp3(chapter(5.0), two, kbps=128, rate=32_000)  # the take changed
    assert [o.redone for o in master_files([one, two], out, ACX)] == [False, True]
    (out / "one.mp3").write_bytes(b"damaged")
    assert [o.redone for o in master_files([one, two], out, ACX)] == [True, False]
