"""A check report written next to the files: ``delivery-check-<profile>.json`` for programs
and ``delivery-check-<profile>.html`` for people (self-contained: no scripts, no links).

Both are written atomically (a temporary file renamed), so a reader never sees half a report.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from soundclone_desktop.store.atomic import atomic_write_bytes

from .check import DeliveryReport, FileReport

__all__ = ["report_html", "report_json", "write_reports"]

_FIGURES = (
    ("duration_s", "Duration", " s", 1), ("format", "Format", "", 0),
    ("bit_rate_kbps", "Bit rate", " kbps", 0), ("bitrate_mode", "Mode", "", 0),
    ("sample_rate", "Rate", " Hz", 0), ("channels", "Channels", "", 0),
    ("rms_db", "RMS", " dB", 1), ("true_peak_db", "True peak", " dBTP", 1),
    ("sample_peak_db", "Sample peak", " dB", 1), ("lufs", "Loudness", " LUFS", 1),
    ("noise_floor_db", "Noise floor", " dB", 1), ("head_s", "Head", " s", 2),
    ("tail_s", "Tail", " s", 2),
)  # fmt: skip


def report_json(report: DeliveryReport) -> dict[str, object]:
    return {
        "profile": report.profile.key,
        "profile_name": report.profile.name,
        "folder": str(report.folder),
        "pass": report.passed,
        "files": [_file_json(f) for f in report.files],
        "book": [r.as_dict() for r in report.book],
        "notes": list(report.profile.notes),
    }


def _file_json(file: FileReport) -> dict[str, object]:
    return {
        "file": file.path.name,
        "pass": file.passed,
        "measurements": file.facts.as_dict(),
        "rules": {r.rule.key: r.as_dict() for r in file.results},
        "failures": [r.message for r in file.failures],
    }


def write_reports(report: DeliveryReport, folder: Path | None = None) -> tuple[Path, Path]:
    """Write the JSON and HTML reports into ``folder`` (default: the checked folder)."""
    where = folder or report.folder
    stem = f"delivery-check-{report.profile.key}"
    json_path, html_path = where / f"{stem}.json", where / f"{stem}.html"
    text = json.dumps(report_json(report), ensure_ascii=False, indent=2)
    atomic_write_bytes(json_path, text.encode("utf-8"))
    atomic_write_bytes(html_path, report_html(report).encode("utf-8"))
    return json_path, html_path


def _shown(value: object, unit: str, decimals: int) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{decimals}f}{unit}"
    return f"{value}{unit}"


def report_html(report: DeliveryReport) -> str:
    e = html.escape
    verdict = "passes" if report.passed else "does not pass"
    rows = []
    for file in report.files:
        cells = "".join(
            f"<td>{e(_shown(getattr(file.facts, key), unit, d))}</td>"
            for key, _, unit, d in _FIGURES
        )
        mark = "pass" if file.passed else "fail"
        rows.append(f'<tr class="{mark}"><th>{e(file.path.name)}</th>{cells}'
                    f"<td>{'✔' if file.passed else '✘'}</td></tr>")  # fmt: skip
    heads = "".join(f"<th>{e(label)}</th>" for _, label, _, _ in _FIGURES)
    details = []
    for file in report.files:
        items = "".join(
            f'<li class="{"pass" if r.passed else "fail" if r.rule.required else "warn"}">'
            f"{e(r.message)}</li>"
            for r in file.results
        )
        details.append(f"<h3>{e(file.path.name)}</h3><ul>{items}</ul>")
    book = "".join(
        f'<li class="{"pass" if r.passed else "fail"}">{e(r.message)}</li>' for r in report.book
    )
    notes = "".join(f"<li>{e(n)}</li>" for n in report.profile.notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Delivery check: {e(report.profile.name)}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 3px 8px; border: 1px solid #ccc; }}
tr.fail th {{ color: #b00; }} li.pass {{ color: #161; }} li.fail {{ color: #b00; }}
li.warn {{ color: #a60; }} .summary {{ font-size: 1.2em; }}
</style></head><body>
<h1>Delivery check: {e(report.profile.name)}</h1>
<p class="summary">{len(report.files)} file(s) in {e(str(report.folder))}: the delivery
{verdict} {e(report.profile.name)}.</p>
<p>{e(report.profile.summary)}</p>
<table><tr><th>File</th>{heads}<th>Pass</th></tr>{"".join(rows)}</table>
<h2>Across the book</h2><ul>{book}</ul>
<h2>Also needed (not measurable from the audio)</h2><ul>{notes}</ul>
<h2>Every rule, file by file</h2>{"".join(details)}
</body></html>
"""
