"""The check report in the app: a failing rule says which and why, with the measured value;
a passing file's rules say Pass; the book-wide rule and the notes are shown."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from soundclone_desktop.core.delivery.profiles import ACX
from soundclone_desktop.core.delivery.rules import FileFacts, evaluate, evaluate_book
from soundclone_desktop.services.delivery.check import DeliveryReport, FileReport
from soundclone_desktop.ui.delivery.report_view import ReportView

GOOD = FileFacts(
    name="01-One.mp3", format="mp3", duration_s=600.0, sample_rate=44100, channels=1,
    bit_rate_kbps=192.0, bitrate_mode="cbr", rms_db=-20.0, sample_peak_db=-6.0,
    true_peak_db=-5.5, lufs=None, noise_floor_db=-65.0, head_s=0.75, tail_s=2.0,
)  # fmt: skip
BAD = dataclasses.replace(
    GOOD, name="02-Two.mp3", rms_db=-12.04, sample_rate=22050, bitrate_mode="vbr", tail_s=0.0,
    channels=2,
)  # fmt: skip


def report(tmp_path: Path) -> DeliveryReport:
    files = tuple(
        FileReport(tmp_path / f.name, f, tuple(evaluate(ACX.rules, f))) for f in (GOOD, BAD)
    )
    book = tuple(evaluate_book(ACX.book_rules, [GOOD, BAD]))
    return DeliveryReport(tmp_path, ACX, files, book)


def test_failures_are_explained_with_the_measured_value(qtbot: QtBot, tmp_path: Path) -> None:
    opened: list[QUrl] = []
    view = ReportView(open_url=opened.append)
    qtbot.addWidget(view)
    view.show_report(report(tmp_path), tmp_path / "delivery-check-acx.html")

    rows = {
        (file, rule): (measured, result, why) for file, rule, measured, result, why in view.rows()
    }
    good = [v for (file, _), v in rows.items() if file == "01-One.mp3"]
    assert len(good) == 10 and all(r == "Pass" and w == "" for _, r, w in good)
    assert rows["02-Two.mp3", "Each file's RMS level is between −23 and −18 dB."] == (
        "−12.0 dB", "Fail",
        "Each file's RMS level is between −23 and −18 dB. It measures −12.0 dB: too high.",
    )  # fmt: skip
    assert rows["02-Two.mp3", "The sample rate is 44.1 kHz."][1:] == (
        "Fail", "The sample rate is 44.1 kHz. It measures 22050 Hz: too low.",
    )  # fmt: skip
    assert rows["02-Two.mp3", "The bit rate is constant (CBR), not variable."][1:] == (
        "Fail", "The bit rate is constant (CBR), not variable. This file is VBR.",
    )  # fmt: skip
    assert rows["02-Two.mp3", "Each file ends with 1 to 5 seconds of room tone."][0] == "0.00 s"
    book = rows["Across the book", "Every file has the same channels (all mono or all stereo)."]
    assert book[1] == "Fail" and "The files differ: 1, 2." in book[2]
    assert "1 of 2 file(s) do not pass ACX / Audible" in view.verdict.text()
    assert ("Also needed (not measurable)", "One file per chapter.") in {
        (f, r) for f, r, *_ in view.rows()
    }

    view.open_html_button.click()
    view.open_folder_button.click()
    assert [u.toLocalFile() for u in opened] == [
        str(tmp_path / "delivery-check-acx.html"), str(tmp_path),
    ]  # fmt: skip


def test_without_a_report_the_buttons_are_off(qtbot: QtBot) -> None:
    view = ReportView(open_url=lambda _url: None)
    qtbot.addWidget(view)
    assert not view.open_folder_button.isEnabled() and not view.open_html_button.isEnabled()
