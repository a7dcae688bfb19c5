"""``soundclone check-delivery`` and ``soundclone master``: audiobook delivery from a terminal.

``check-delivery DIR --profile acx [--json]`` measures every audio file of DIR, judges it
against the profile's rules and writes ``delivery-check-<profile>.json`` and ``.html`` next
to the files; exit 0 when every file passes, 1 when a rule fails. ``--json`` prints the same
object as the JSON report (every file with its measurements and a ``pass`` per rule).

``master FILE… --profile acx --out DIR [--channels 1|2]`` masters each file for the profile
into DIR (the sources are never changed; files whose inputs did not change are not redone),
then checks DIR as ``check-delivery`` does.

(The lead moves ``check-delivery`` under ``soundclone book`` when that group exists.)
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soundclone_desktop.audio.decode import Cancelled
from soundclone_desktop.audio.model import AudioError
from soundclone_desktop.cli.context import EXIT_BLOCKING, EXIT_FAILED, Context, fail
from soundclone_desktop.core.delivery.profiles import PROFILES, profile
from soundclone_desktop.services.delivery.check import DeliveryReport, check_files, delivery_files
from soundclone_desktop.services.delivery.master import Manifest, MasterOutcome, master_files
from soundclone_desktop.services.delivery.report import report_json, write_reports

__all__ = ["register"]


CHECK_HELP = (
    "Measure every audio file of a folder against a delivery profile (ACX, Findaway, Apple, "
    "Google, podcast, YouTube) and write an HTML and JSON report next to them."
)


def add_check_options(p: argparse.ArgumentParser) -> None:
    """``book check-delivery``'s options (the action lives under ``book``)."""
    p.add_argument("folder", type=Path, metavar="DIR")
    _profile_option(p)


def register(command: Callable[..., Any]) -> None:
    """``master``: files mastered for a profile (``book check-delivery`` measures them)."""
    p = command(
        "master",
        cmd_master,
        "Master audio files for a delivery profile into a folder (level, peak limiter, room "
        "tone, rate, format), then check them.",
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _profile_option(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="folder for the masters (the sources are never changed)")  # fmt: skip
    p.add_argument("--channels", type=int, choices=(1, 2), default=1,
                   help="1 (mono, default) or 2 (stereo), the same for every file")  # fmt: skip


def _profile_option(p: Any) -> None:
    p.add_argument("--profile", choices=sorted(PROFILES), default="acx",
                   help="the retailer's rules (default: acx)")  # fmt: skip


def cmd_check_delivery(ctx: Context) -> int:
    folder: Path = ctx.args.folder
    if not folder.is_dir():
        fail(f"{folder} is not a folder.")
    if not delivery_files(folder):
        fail(f"{folder} holds no audio files (MP3, M4A, M4B, FLAC, WAV, Opus).")
    chosen = profile(ctx.args.profile)
    try:
        report = check_files(folder, chosen, known=Manifest(folder).known)
    except AudioError as exc:
        fail(str(exc), EXIT_FAILED)
    return _report(ctx, report)


def cmd_master(ctx: Context) -> int:
    args = ctx.args
    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        fail(f"Not found: {', '.join(missing)}.")
    chosen = profile(args.profile)

    def said(outcome: MasterOutcome) -> None:
        verb = "Mastered" if outcome.redone else "Up to date:"
        ctx.progress(f"{verb} {outcome.source.name} → {outcome.target}")

    try:
        outcomes = master_files(args.files, args.out, chosen, channels=args.channels,
                                progress=said)  # fmt: skip
        report = check_files(args.out, chosen, [o.target for o in outcomes],
                             known=Manifest(args.out).known)  # fmt: skip
    except Cancelled:
        fail("Stopped.", EXIT_FAILED)
    except (AudioError, ValueError) as exc:
        fail(str(exc), EXIT_FAILED)
    return _report(ctx, report)


def _report(ctx: Context, report: DeliveryReport) -> int:
    try:
        json_path, html_path = write_reports(report)
    except OSError as exc:
        fail(f"Could not write the report into {report.folder}: {exc.strerror or exc}.",
             EXIT_FAILED)  # fmt: skip
    code = 0 if report.passed else EXIT_BLOCKING
    if ctx.json:
        data = {"ok": code == 0, "exit_code": code, **report_json(report),
                "report_json": str(json_path), "report_html": str(html_path)}  # fmt: skip
        print(json.dumps(data, ensure_ascii=False))
        return code
    for file in report.files:
        print(f"{'PASS' if file.passed else 'FAIL'}  {file.path.name}")
        for result in file.failures:
            print(f"      {result.message}")
    for result in report.book:
        if not result.passed:
            print(f"FAIL  {result.message}")
    verdict = "passes" if report.passed else "does not pass"
    print(f"The delivery {verdict} {report.profile.name}. Report: {html_path}")
    return code
