"""``soundclone estimate`` and ``soundclone synth``: a script's cost, and its speech.

``synth`` with several scripts is a batch: every script is checked before anything is sent,
each is sent (recorded first) and all are followed together; the results are named after
the scripts, and the batch exits with the code of its first unsuccessful script.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from soundclone_desktop.cli.context import (
    EXIT_BLOCKING,
    EXIT_OK,
    CliError,
    Context,
    connection,
    cost_json,
    cost_line,
    fail,
    finish,
    invalid_input,
    plural,
    problem_rows,
    read_script,
)
from soundclone_desktop.cli.param_options import add_parameter_options, parameters_from
from soundclone_desktop.cli.run_jobs import outcome, run_job, run_jobs
from soundclone_desktop.core.audio_format import wav_duration
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.core.pricing import estimate_production
from soundclone_desktop.core.script import analyze
from soundclone_desktop.services.tasks import billable_chars
from soundclone_desktop.store.atomic import atomic_write_bytes

log = logging.getLogger(__name__)


def register(command: Callable[..., Any]) -> None:
    """Add ``estimate`` and ``synth`` through the CLI's subcommand helper."""
    p = command(
        "estimate",
        cmd_estimate,
        "Count billable characters, list problems and estimate the cost of a script.",
    )
    p.add_argument("file", help="UTF-8 script file (- for stdin)")

    p = command("synth", cmd_synth, "Speak a script with a cloned voice and save the audio.")
    p.add_argument(
        "file",
        nargs="+",
        help="UTF-8 script file (- for stdin); several files make a batch, sent one after "
        "another and followed together",
    )
    p.add_argument("--voice", help="voice model ID (with --demo: the demo voice)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file; the right extension is added when it has none. For a batch, a "
        "folder: each result is named after its script",
    )
    add_parameter_options(p)
    p.add_argument(
        "--again",
        action="store_true",
        help="send even when the same script (text, voice and parameters) is still being "
        "generated or was sent in the last 10 minutes: it is paid for again",
    )


def cmd_estimate(ctx: Context) -> int:
    text = read_script(ctx.args.file)
    report = analyze(text)
    if ctx.args.demo:
        from soundclone_desktop.demo.config import DemoConfig

        ctx.demo_config = DemoConfig()  # its prices; no server is needed to price a script
    estimate = estimate_production(report.billable_chars, ctx.prices())
    rows = problem_rows(text, report)
    lines = [
        f"{ctx.args.file}: {report.billable_chars:,} billable characters "
        f"({report.request_chars:,} in the request), {plural(len(report.pauses), 'pause')} "
        f"({report.total_pause_seconds:g} s).",
        cost_line(estimate),
    ]
    if rows:
        lines.append("Problems:")
        lines += [f"  {r['line']}:{r['column']}: {r['severity']}: {r['message']}" for r in rows]
    else:
        lines.append("No problems found.")
    if report.blocking:
        lines.append("Fix the errors above before submitting.")
    data: dict[str, object] = {
        "file": ctx.args.file,
        "billable_chars": report.billable_chars,
        "request_chars": report.request_chars,
        "pauses": len(report.pauses),
        "pause_seconds": report.total_pause_seconds,
        "blocking": report.blocking,
        "problems": rows,
        "cost": cost_json(estimate),
    }
    return finish(ctx, lines, data, EXIT_BLOCKING if report.blocking else EXIT_OK)


def cmd_synth(ctx: Context) -> int:
    args = ctx.args
    files: list[str] = args.file
    if len(files) > 1:
        return _synth_batch(ctx, files)
    text = read_script(files[0])
    voice = args.voice or ""
    params_kw = _parameter_fields(ctx, text)
    out = Path(args.output)
    if not voice and not args.demo:
        fail("Choose a voice with --voice MODEL_ID (the ID `soundclone clone` printed).")
    problems = ProductionParams(model_id=voice or "demo", **params_kw).validate()
    if problems:  # checked before the demo server starts or anything is sent
        invalid_input(problems, text)
    with connection(ctx) as (base_url, token):
        if not voice:
            from soundclone_desktop.demo.config import DEMO_VOICE_ID

            voice = DEMO_VOICE_ID
        params = ProductionParams(model_id=voice, **params_kw)
        estimate = estimate_production(billable_chars(params), ctx.prices())
        ctx.progress(f"{estimate.chars:,} billable characters. {cost_line(estimate)}")
        results = ctx.settings.results_path(ctx.data_dir)
        job = run_job(ctx, base_url, token, params, results, new_scripts=True)
    audio = _deliver(job.audio_path, out, audio=True)
    subs = None
    if job.subtitle_path is not None:
        subs = _deliver(job.subtitle_path, out.with_name(f"{audio.stem}.subtitles"))
    seconds = _wav_seconds(audio)
    took = time.monotonic() - ctx.started
    lines = [f"Saved {audio}" + (f" ({seconds:.1f} s of audio)" if seconds else "") + "."]
    if subs is not None:
        lines.append(f"Subtitles: {subs}.")
    elif job.message:
        lines.append(job.message)
    lines.append(f"Task {job.task_id}, finished in {took:.1f} s.")
    data: dict[str, object] = {
        "task_id": job.task_id, "audio": str(audio), "subtitles": str(subs) if subs else None,
        "audio_seconds": seconds, "billable_chars": estimate.chars,
        "estimated_cost": cost_json(estimate), "elapsed_seconds": round(took, 3),
    }  # fmt: skip
    return finish(ctx, lines, data)


def _synth_batch(ctx: Context, files: list[str]) -> int:
    """Several scripts: check them all, send each (recorded first), follow them together,
    save each result in the -o folder under its script's name."""
    args = ctx.args
    out = Path(args.output)
    if "-" in files:
        fail("A batch reads its scripts from files; standard input (-) works for one script.")
    if out.exists() and not out.is_dir():
        fail(f"With several scripts, -o must be a folder; {out} is a file.")
    stems = [Path(name).stem for name in files]
    clashes = sorted({stem for stem in stems if stems.count(stem) > 1})
    if clashes:
        fail(f"Several scripts would be saved as {', '.join(clashes)}: rename them first.")
    voice = args.voice or ""
    if not voice and not args.demo:
        fail("Choose a voice with --voice MODEL_ID (the ID `soundclone clone` printed).")
    options: list[tuple[str, dict[str, Any]]] = []
    for name in files:  # every script is checked before anything is sent
        text = read_script(name)
        params_kw = _parameter_fields(ctx, text)
        problems = ProductionParams(model_id=voice or "demo", **params_kw).validate()
        if problems:
            try:
                invalid_input(problems, text)
            except CliError as exc:
                fail(f"{name}: {exc.message}", exc.code)
        options.append((name, params_kw))
    with connection(ctx) as (base_url, token):
        if not voice:
            from soundclone_desktop.demo.config import DEMO_VOICE_ID

            voice = DEMO_VOICE_ID
        requests = [(name, ProductionParams(model_id=voice, **kw)) for name, kw in options]
        chars = sum(billable_chars(params) for _name, params in requests)
        estimate = estimate_production(chars, ctx.prices(), tasks=len(requests))
        ctx.progress(f"{len(requests)} scripts, {chars:,} billable characters. "
                     f"{cost_line(estimate)}")  # fmt: skip
        results = ctx.settings.results_path(ctx.data_dir)
        jobs = run_jobs(ctx, base_url, token, requests, results, new_scripts=True)
    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    rows: list[dict[str, object]] = []
    code = EXIT_OK
    for (name, _params), job, stem in zip(requests, jobs, stems, strict=True):
        status, why = outcome(job)
        audio = subs = None
        seconds: float | None = None
        if status == EXIT_OK and job.audio_path is not None:
            audio = _deliver(job.audio_path, out / f"{stem}{job.audio_path.suffix}")
            seconds = _wav_seconds(audio)
            if job.subtitle_path is not None:
                subs = out / f"{stem}.subtitles{job.subtitle_path.suffix}"
                subs = _deliver(job.subtitle_path, subs)
            lines.append(f"{name}: saved {audio}" + (f" ({seconds:.1f} s)" if seconds else "")
                         + (f", subtitles {subs}" if subs else "") + "."
                         + (f" {job.message}" if job.message else ""))  # fmt: skip
        else:
            lines.append(f"{name}: {why}")
            code = code or status
        rows.append({
            "file": name, "task_id": job.task_id, "state": job.state.value,
            "audio": str(audio) if audio else None, "subtitles": str(subs) if subs else None,
            "audio_seconds": seconds, "billable_chars": job.chars,
            "error": why or None, "exit_code": status,
        })  # fmt: skip
    took = time.monotonic() - ctx.started
    saved = sum(1 for row in rows if row["audio"])
    lines.append(f"{saved} of {len(rows)} scripts saved in {out}, in {took:.1f} s.")
    data: dict[str, object] = {
        "results": rows, "billable_chars": chars, "estimated_cost": cost_json(estimate),
        "elapsed_seconds": round(took, 3),
    }  # fmt: skip
    return finish(ctx, lines, data, code)


def _parameter_fields(ctx: Context, text: str) -> dict[str, Any]:
    """The ProductionParams fields (all but the voice) from the options and the defaults."""
    return {"text": text, **asdict(parameters_from(ctx.args, ctx.settings.defaults))}


def _deliver(src: Path | None, out: Path, *, audio: bool = False) -> Path:
    """Copy a downloaded file to ``out`` (a folder, or a name with or without extension).

    Audio asked for in another format than the server's (``-o out.wav`` for an MP3 result)
    is converted, so the file is what its name says; the downloaded original stays where
    it is."""
    assert src is not None
    if out.is_dir():
        out = out / src.name
    elif not out.suffix or out.name.endswith(".subtitles"):
        out = out.with_name(out.name + src.suffix)
    elif out.suffix.lower() != src.suffix.lower():
        if audio and _convertible(out):
            return _convert(src, out)
        log.warning("The file is %s but will be saved as %s, as asked.", src.suffix, out.name)
    try:
        atomic_write_bytes(out, src.read_bytes())
    except OSError as exc:
        fail(f"Could not write {out}: {exc.strerror or exc}. The result is kept at {src}.")
    return out


def _convertible(out: Path) -> bool:
    from soundclone_desktop.audio.export import AudioFormat

    return out.suffix.lower().lstrip(".") in {f.value for f in AudioFormat}


def _convert(src: Path, out: Path) -> Path:
    # Loaded on first use: FFmpeg is only needed when a conversion is asked for.
    from soundclone_desktop.audio.export import AudioExportError, AudioFormat, export_audio

    fmt = AudioFormat(out.suffix.lower().lstrip("."))
    try:
        return export_audio(src, out, fmt)
    except AudioExportError as exc:
        fail(f"Could not convert the result to {out.name}: {exc} The result is kept at {src}.")
    except OSError as exc:
        fail(f"Could not write {out}: {exc.strerror or exc}. The result is kept at {src}.")


def _wav_seconds(path: Path) -> float | None:
    with path.open("rb") as handle:
        seconds = wav_duration(handle.read(4096))
    return None if seconds is None else round(seconds, 3)
