"""The ``soundclone`` command: estimate, synthesise, clone and look up tasks from a terminal.

It runs on the same services as the desktop app (TaskRunner, settings, token store), so a
script behaves the same here and there.

Commands::

    soundclone estimate FILE                       characters, problems (line:column), cost
    soundclone synth FILE [--voice ID] -o OUT      speak a script; audio (+ subtitles) to OUT
    soundclone synth FILE FILE… -o FOLDER          a batch: every script sent, then followed
                                                   together; results named after the scripts
    soundclone clone AUDIO_OR_URL [--name N]       clone a voice into the voice library
    soundclone task ID                             a task's current status
    soundclone history [TEXT] [--limit N]          tasks sent before (the task library)
    soundclone resume                              finish tasks an interrupted run left behind
    soundclone resume ID --task TASK_ID            follow an outcome-unknown entry's real task
    soundclone voices [--status S]                 the voice library with each voice's status
    soundclone export TASK_ID --audio OUT.mp3 --subtitles OUT.srt [--format srt|vtt|lrc|ass]
    soundclone demo-server [--port N --token T …]  run the demo server until Ctrl+C

Global options (before or after the command): ``--base-url``, ``--data-dir``, ``--demo``
(start the embedded demo server in this process and use its demo key and voice), ``--json``
(one JSON object on stdout; progress stays on stderr), ``-v`` (log details and tracebacks).

The API key comes from ``SOUNDCLONE_API_KEY`` or the key saved by the desktop app.

Every task ``synth`` and ``clone`` send is recorded in the task library (the data folder's
``library.sqlite3``, shared with the desktop app) before its request leaves, and its task id
right after, so ``soundclone resume`` can follow and download whatever an interrupted or
killed run left behind; a request whose answer never came is shown as *outcome unknown* and
never sent again by itself. A batch exits with the code of its first unsuccessful script.

Exit codes:

====  ============================================================================
0     success
1     ``estimate``: the script has problems that block submission
2     bad input: arguments, parameter values, unreadable files, no API key; or the data
      folder cannot be written (read-only, disk full): nothing was sent, or a finished
      result could not be saved (``resume`` fetches it once the folder is writable)
3     the API key was rejected
4     the server could not be reached or could not take the request right now;
      nothing was created or charged
5     the server refused the request, or the task failed on the server
6     a submission's outcome is unknown: it may have been created (and charged);
      it was not sent again
7     stopped waiting while the task continues on the server
70    internal error (a bug): run again with ``-v`` for the traceback
130   interrupted (Ctrl+C)
====  ============================================================================
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from soundclone_desktop.api._retry import RetryPolicy
from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.api.errors import (
    AuthenticationError,
    BadRequestError,
    InvalidFileError,
    SoundCloneError,
)
from soundclone_desktop.api.models import TaskInfo
from soundclone_desktop.api.redact import RedactAuthorization
from soundclone_desktop.cli.param_options import add_parameter_options, parameters_from
from soundclone_desktop.core.audio_format import wav_duration
from soundclone_desktop.core.jobs import FailureReason, Job, JobState
from soundclone_desktop.core.params import (
    CLONE_EXTENSIONS,
    MAX_CLONE_SECONDS,
    MIN_CLONE_SECONDS,
    VERSIONS,
    FieldProblem,
    PreviewParams,
    ProductionParams,
)
from soundclone_desktop.core.pricing import (
    Estimate,
    PriceTable,
    estimate_production,
    format_money,
)
from soundclone_desktop.core.script import ScriptReport, analyze
from soundclone_desktop.services.balance_watch import BalanceWatch, balance_reader
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.intent import RecordUnavailableError
from soundclone_desktop.services.recorder import JobRecorder, price_estimate
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.services.tasks import RunnerStoppedError, TaskRunner, billable_chars
from soundclone_desktop.stderr_handler import CurrentStderrHandler
from soundclone_desktop.store import paths
from soundclone_desktop.store.atomic import atomic_write_bytes
from soundclone_desktop.store.library import LibraryError, TaskLibrary
from soundclone_desktop.store.secrets import ENV_VAR, TokenStore
from soundclone_desktop.store.settings import Settings, SettingsStore

log = logging.getLogger("soundclone_desktop.cli")

EXIT_OK = 0
EXIT_BLOCKING = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_UNAVAILABLE = 4
EXIT_FAILED = 5
EXIT_OUTCOME_UNKNOWN = 6
EXIT_STOPPED = 7
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

_EXIT_FOR_REASON = {
    FailureReason.INVALID: EXIT_USAGE,
    FailureReason.KEY_REJECTED: EXIT_AUTH,
    FailureReason.UNREACHABLE: EXIT_UNAVAILABLE,
    FailureReason.SERVER_BUSY: EXIT_UNAVAILABLE,
    FailureReason.OUTCOME_UNKNOWN: EXIT_OUTCOME_UNKNOWN,
    FailureReason.NOT_RECORDED: EXIT_USAGE,
    FailureReason.CANNOT_SAVE: EXIT_USAGE,
}  # every other reason: the server refused or the task failed (EXIT_FAILED)

BASE_URL_ENV = "SOUNDCLONE_BASE_URL"
# Modules of this package adding more commands:
EXTENSION_COMMANDS: tuple[str, ...] = ("voices", "history", "export")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# A server on this machine answers in milliseconds and has no rate limit: retry reads and
# provably-unsent creates after 0.5 s to 2 s instead of the reference's 5–20 s.
LOCAL_RETRY = RetryPolicy(base_delay=0.5, max_delay=2.0)


class CliError(Exception):
    """A failure to report as one sentence with an exit code (never a traceback)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    raise CliError(message, code)


# -- context: settings, folders, server, key ---------------------------------------------------


@dataclass
class Context:
    args: argparse.Namespace
    settings: Settings
    settings_store: SettingsStore
    data_dir: Path
    started: float = field(default_factory=time.monotonic)
    demo_config: Any = None  # the in-process demo server's DemoConfig, with --demo
    # A server on this machine (--demo, or `soundclone demo-server` on 127.0.0.1) is ours and
    # has no rate limit, so it gets the demo's fast polling (see PollPolicy.for_demo).
    local: bool = False

    @property
    def json(self) -> bool:
        return bool(self.args.json)

    def progress(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def prices(self) -> PriceTable:
        if self.demo_config is not None:  # the demo server's own price list
            cfg = self.demo_config
            return PriceTable(
                Decimal(str(cfg.price_clone_per_10k)), Decimal(str(cfg.price_audio_per_10k)),
                Decimal(str(cfg.price_voice)),
            )  # fmt: skip
        return self.settings.prices.table()

    def policy(self) -> PollPolicy:
        return PollPolicy.for_demo() if self.local else PollPolicy()

    def estimator(self) -> FinishEstimator:
        if self.demo_config is not None:  # the demo's task clock is known exactly
            pace = (self.demo_config.task_seconds, self.demo_config.seconds_per_char)
            return FinishEstimator({"audio": pace, "preview": pace})
        if self.local:  # nothing known, but quick: ask after min_interval
            return FinishEstimator({"audio": (0.0, 0.0), "preview": (0.0, 0.0)})
        return FinishEstimator()


@contextmanager
def _connection(ctx: Context) -> Iterator[tuple[str, str]]:
    """(base URL, API key) for the chosen server; starts and stops the demo server."""
    if ctx.args.demo:
        from soundclone_desktop.demo.config import DEMO_TOKEN, DemoConfig
        from soundclone_desktop.demo.server import DemoServer

        server = DemoServer(DemoConfig())
        try:
            server.start()
        except OSError as exc:
            _fail(f"Could not start the demo server: {exc.strerror or exc}.", EXIT_INTERNAL)
        ctx.demo_config, ctx.local = server.config, True
        try:
            yield server.base_url, DEMO_TOKEN
        finally:
            server.stop()
        return
    token = TokenStore().get()
    if not token:
        _fail(
            f"No API key is set. Set the {ENV_VAR} environment variable (for example "
            f"`export {ENV_VAR}=…`), or save the key in the desktop app under Settings › "
            "Account. To try things without an account, add --demo."
        )
    base_url = _base_url(ctx)
    ctx.local = urlsplit(base_url).hostname in LOOPBACK_HOSTS
    yield base_url, token


def _base_url(ctx: Context) -> str:
    url = (ctx.args.base_url or os.environ.get(BASE_URL_ENV, "") or ctx.settings.base_url).strip()
    if not url.startswith(("http://", "https://")) or not urlsplit(url).hostname:
        _fail(f"The server address must start with http:// or https:// (got {url!r}).")
    return url


def _client(base_url: str, token: str) -> SoundCloneClient:
    local = urlsplit(base_url).hostname in LOOPBACK_HOSTS
    return SoundCloneClient(
        base_url, token, retry=LOCAL_RETRY if local else None, on_retry=_report_retry
    )


def _report_retry(retry: int, delay: float, error: SoundCloneError) -> None:
    # The client waits 5, 10, 20 s between tries (the reference's advice): say so.
    print(f"No usable answer ({_clause(str(error))}); trying again in {delay:.0f} s…",
          file=sys.stderr, flush=True)  # fmt: skip


def _clause(text: str) -> str:
    return text.strip().rstrip(".")


# -- output ------------------------------------------------------------------------------------


def _finish(ctx: Context, lines: Sequence[str], data: dict[str, object], code: int = 0) -> int:
    if ctx.json:
        print(json.dumps({"ok": code == 0, "exit_code": code, **data}, ensure_ascii=False))
    else:
        for line in lines:
            print(line)
    return code


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _cost_json(estimate: Estimate) -> dict[str, object]:
    return {
        "currency": estimate.currency,
        "text": _money(estimate.text_cost),
        "voice_fee": _money(estimate.voice_fee),
        "total": _money(estimate.total),
        "total_if_blocks": _money(estimate.total_if_blocks),
    }


def _cost_line(estimate: Estimate) -> str:
    if estimate.total is None:
        return ("Cost: unknown (enter your prices in the desktop app's settings; the service "
                "publishes none).")  # fmt: skip
    line = f"Cost: about {format_money(estimate.total, estimate.currency)}"
    if estimate.voice_fee:
        line += (f" ({format_money(estimate.text_cost, estimate.currency)} for the text + "
                 f"{format_money(estimate.voice_fee, estimate.currency)} voice fee)")  # fmt: skip
    if estimate.total_if_blocks is not None and estimate.total_if_blocks != estimate.total:
        blocks = format_money(estimate.total_if_blocks, estimate.currency)
        line += f"; at most {blocks} if every started 10,000 characters are billed in full"
    return line + "."


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _problem_rows(text: str, report: ScriptReport) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for problem in report.problems:
        line, column = _position(text, problem.start)
        rows.append({
            "line": line, "column": column, "severity": problem.severity.value,
            "code": problem.code, "message": problem.message,
        })  # fmt: skip
    return rows


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _invalid_input(problems: Sequence[FieldProblem], text: str | None = None) -> NoReturn:
    """Fail naming each field and its allowed values; script problems get line:column."""
    lines = []
    if text is not None:
        rows = _problem_rows(text, analyze(text))
        lines += [f"script {r['line']}:{r['column']}: {r['message']}" for r in rows
                  if r["severity"] == "error"]  # fmt: skip
    for problem in problems:
        if text is not None and problem.field == "contentText" and lines:
            continue  # already listed above, with its position
        lines.append(f"{problem.field}: {problem.message} (allowed: {problem.allowed})")
    _fail("The request was not sent because of invalid input:\n  " + "\n  ".join(lines))


# -- reading input -----------------------------------------------------------------------------


def _read_script(name: str) -> str:
    """The script text; surrounding blank space (a file's last newline) is not part of it."""
    try:
        raw = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        _fail(f"The script file {name} does not exist.")
    except UnicodeDecodeError:
        _fail(f"The script file {name} is not UTF-8 text; save it as UTF-8 and try again.")
    except OSError as exc:
        _fail(f"Could not read the script file {name}: {exc.strerror or exc}.")
    return raw.strip()


# -- commands ----------------------------------------------------------------------------------


def cmd_estimate(ctx: Context) -> int:
    text = _read_script(ctx.args.file)
    report = analyze(text)
    if ctx.args.demo:
        from soundclone_desktop.demo.config import DemoConfig

        ctx.demo_config = DemoConfig()  # its prices; no server is needed to price a script
    estimate = estimate_production(report.billable_chars, ctx.prices())
    rows = _problem_rows(text, report)
    lines = [
        f"{ctx.args.file}: {report.billable_chars:,} billable characters "
        f"({report.request_chars:,} in the request), {_plural(len(report.pauses), 'pause')} "
        f"({report.total_pause_seconds:g} s).",
        _cost_line(estimate),
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
        "cost": _cost_json(estimate),
    }
    return _finish(ctx, lines, data, EXIT_BLOCKING if report.blocking else EXIT_OK)


def _synth_options(ctx: Context, text: str) -> dict[str, Any]:
    """The ProductionParams fields (all but the voice) from the options and the defaults."""
    return {"text": text, **asdict(parameters_from(ctx.args, ctx.settings.defaults))}


def cmd_synth(ctx: Context) -> int:
    args = ctx.args
    files: list[str] = args.file
    if len(files) > 1:
        return _synth_batch(ctx, files)
    text = _read_script(files[0])
    voice = args.voice or ""
    params_kw = _synth_options(ctx, text)
    out = Path(args.output)
    if not voice and not args.demo:
        _fail("Choose a voice with --voice MODEL_ID (the ID `soundclone clone` printed).")
    problems = ProductionParams(model_id=voice or "demo", **params_kw).validate()
    if problems:  # checked before the demo server starts or anything is sent
        _invalid_input(problems, text)
    with _connection(ctx) as (base_url, token):
        if not voice:
            from soundclone_desktop.demo.config import DEMO_VOICE_ID

            voice = DEMO_VOICE_ID
        params = ProductionParams(model_id=voice, **params_kw)
        estimate = estimate_production(billable_chars(params), ctx.prices())
        ctx.progress(f"{estimate.chars:,} billable characters. {_cost_line(estimate)}")
        results = ctx.settings.results_path(ctx.data_dir)
        job = _run_job(ctx, base_url, token, params, results)
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
        "estimated_cost": _cost_json(estimate), "elapsed_seconds": round(took, 3),
    }  # fmt: skip
    return _finish(ctx, lines, data)


def _synth_batch(ctx: Context, files: list[str]) -> int:
    """Several scripts: check them all, send each (recorded first), follow them together,
    save each result in the -o folder under its script's name."""
    args = ctx.args
    out = Path(args.output)
    if "-" in files:
        _fail("A batch reads its scripts from files; standard input (-) works for one script.")
    if out.exists() and not out.is_dir():
        _fail(f"With several scripts, -o must be a folder; {out} is a file.")
    stems = [Path(name).stem for name in files]
    clashes = sorted({stem for stem in stems if stems.count(stem) > 1})
    if clashes:
        _fail(f"Several scripts would be saved as {', '.join(clashes)}: rename them first.")
    voice = args.voice or ""
    if not voice and not args.demo:
        _fail("Choose a voice with --voice MODEL_ID (the ID `soundclone clone` printed).")
    options: list[tuple[str, dict[str, Any]]] = []
    for name in files:  # every script is checked before anything is sent
        text = _read_script(name)
        params_kw = _synth_options(ctx, text)
        problems = ProductionParams(model_id=voice or "demo", **params_kw).validate()
        if problems:
            try:
                _invalid_input(problems, text)
            except CliError as exc:
                _fail(f"{name}: {exc.message}", exc.code)
        options.append((name, params_kw))
    with _connection(ctx) as (base_url, token):
        if not voice:
            from soundclone_desktop.demo.config import DEMO_VOICE_ID

            voice = DEMO_VOICE_ID
        requests = [(name, ProductionParams(model_id=voice, **kw)) for name, kw in options]
        chars = sum(billable_chars(params) for _name, params in requests)
        estimate = estimate_production(chars, ctx.prices(), tasks=len(requests))
        ctx.progress(f"{len(requests)} scripts, {chars:,} billable characters. "
                     f"{_cost_line(estimate)}")  # fmt: skip
        results = ctx.settings.results_path(ctx.data_dir)
        jobs = _run_jobs(ctx, base_url, token, requests, results)
    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    rows: list[dict[str, object]] = []
    code = EXIT_OK
    for (name, _params), job, stem in zip(requests, jobs, stems, strict=True):
        status, why = _outcome(job)
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
        "results": rows, "billable_chars": chars, "estimated_cost": _cost_json(estimate),
        "elapsed_seconds": round(took, 3),
    }  # fmt: skip
    return _finish(ctx, lines, data, code)


def cmd_clone(ctx: Context) -> int:
    from soundclone_desktop.cli.voices import add_cloned_voice

    args = ctx.args
    source: str = args.source
    is_url = source.startswith(("http://", "https://"))
    if not is_url:
        _check_sample(Path(source))
    text = args.text or ""
    kw: dict[str, Any] = {"text": text, "version": args.model_version or "v2",
                          "language": args.language or "auto"}  # fmt: skip
    url_for_check = source if is_url else f"https://example.invalid/sample{Path(source).suffix}"
    problems = PreviewParams(file_url=url_for_check, **kw).validate()
    if problems:
        _invalid_input(problems)
    with _connection(ctx) as (base_url, token):
        file_url = source if is_url else _upload(ctx, base_url, token, Path(source))
        params = PreviewParams(file_url=file_url, **kw)
        job = _run_job(ctx, base_url, token, params, paths.voices_dir(ctx.data_dir))
    voice = add_cloned_voice(ctx.data_dir, job, params, source, args.name, demo=bool(args.demo))
    ctx.settings.last_voice = job.model_id
    ctx.settings_store.save(ctx.settings)
    job.audio_path = voice.preview_path or job.audio_path  # moved into the voice library
    lines = [
        f"Voice model ID: {job.model_id} (saved in the voice library as “{voice.name}”)",
        f"Preview saved to {job.audio_path}.",
        "Use it within 3 days: the first synthesis with it makes the voice permanent.",
    ]
    data: dict[str, object] = {
        "model_id": job.model_id, "task_id": job.task_id, "name": voice.name,
        "preview": str(job.audio_path) if job.audio_path else None,
    }  # fmt: skip
    return _finish(ctx, lines, data)


def cmd_task(ctx: Context) -> int:
    with _connection(ctx) as (base_url, token):
        info = asyncio.run(_get_task(base_url, token, ctx.args.task_id))
    status = info.status_raw or info.status.value
    lines = [f"Task {info.id}: {status}."]
    for label, value in (("Voice model ID", info.model_id), ("Audio", info.audio_url),
                         ("Subtitles", info.subtitle_url), ("Error", info.error)):  # fmt: skip
        if value:
            lines.append(f"{label}: {value}")
    data: dict[str, object] = {
        "task_id": info.id, "status": status, "model": info.model, "created": info.created,
        "model_id": info.model_id, "audio_url": info.audio_url,
        "subtitle_url": info.subtitle_url, "error": info.error,
    }  # fmt: skip
    return _finish(ctx, lines, data)


async def _get_task(base_url: str, token: str, task_id: str) -> TaskInfo:
    async with _client(base_url, token) as client:
        return await client.get_task(task_id)


# -- the job runner, for synth and clone -------------------------------------------------------


def _run_job(
    ctx: Context,
    base_url: str,
    token: str,
    params: ProductionParams | PreviewParams,
    dest: Path,
) -> Job:
    """Submit, follow and download one task, reporting progress on stderr."""
    job = _run_jobs(ctx, base_url, token, [(None, params)], dest)[0]
    code, why = _outcome(job)
    if code != EXIT_OK:
        _fail(why, code)
    return job


def _run_jobs(
    ctx: Context,
    base_url: str,
    token: str,
    requests: Sequence[tuple[str | None, ProductionParams | PreviewParams]],
    dest: Path,
) -> list[Job]:
    """Send each request in turn, then follow them all until every one has finished.

    Each job is recorded in the task library as it changes: its intent before the create
    request leaves and its task id right after, so ``soundclone resume`` can finish what an
    interrupted run started, and never sends anything twice. ``requests`` pairs each request
    with a label for the progress lines (None for a single one).
    """
    seen: dict[str, Job] = {}
    with _task_library(ctx) as library:
        _mention_unfinished(ctx, library, base_url)
        # First: the intent is written before anything else runs.
        listeners: list[Callable[[Job], None]] = [
            JobRecorder(library, base_url=base_url, demo=bool(ctx.args.demo),
                        estimate=price_estimate(ctx.prices)),
            _voice_usage(ctx),
        ]  # fmt: skip

        def on_update(job: Job) -> None:
            seen.setdefault(job.local_id, job)
            refusal: RecordUnavailableError | None = None
            for listener in listeners:
                try:
                    listener(job)
                except RecordUnavailableError as exc:  # the runner sends nothing
                    refusal = exc
                except Exception:  # one listener's failure must not hide the job from another
                    log.exception("Could not record job %s", job.local_id)
            if refusal is not None:
                raise refusal

        async def run() -> list[Job]:
            async with (
                _client(base_url, token) as client,
                TaskRunner(
                    client,
                    dest,
                    policy=ctx.policy(),
                    estimator=ctx.estimator(),
                    on_update=on_update,
                    balance=BalanceWatch(balance_reader(client)),
                ) as runner,
            ):
                jobs = [
                    await runner.submit(params, _progress_reporter(ctx, label), dest_dir=dest)
                    for label, params in requests
                ]
                for job in jobs:
                    await runner.wait(job)
                return jobs

        try:
            return asyncio.run(run())
        except KeyboardInterrupt:
            _interrupted(list(seen.values()))
        except RunnerStoppedError as exc:
            _fail(exc.reason, EXIT_AUTH)


@contextmanager
def _task_library(ctx: Context) -> Iterator[TaskLibrary]:
    """The task library of the data folder. Without it nothing is sent: a paid task with no
    record could be lost, so a library that cannot be opened stops the run (exit 2)."""
    path = paths.library_path(ctx.data_dir)
    try:
        library = TaskLibrary(path)
    except (LibraryError, OSError, sqlite3.Error) as exc:
        refusal = RecordUnavailableError.from_exception(path.parent, exc)
        log.debug("The task library cannot be opened", exc_info=exc)
        _fail(str(refusal.sentence), EXIT_USAGE)
    try:
        yield library
    finally:
        library.close()


def _mention_unfinished(ctx: Context, library: TaskLibrary, base_url: str) -> None:
    count = len(library.unfinished(base_url))
    if count:
        ctx.progress(f"{_plural(count, 'unfinished task')} from an earlier run: "
                     "`soundclone resume` follows them and saves their results.")  # fmt: skip


def _outcome(job: Job) -> tuple[int, str]:
    """The exit code for a finished job and, unless it succeeded, the sentence saying why."""
    if job.state is JobState.DOWNLOADED and job.audio_path is not None:
        return EXIT_OK, ""
    if job.state is JobState.CANCELLED:
        return EXIT_STOPPED, job.message or "Stopped waiting."
    code = _EXIT_FOR_REASON.get(job.reason, EXIT_FAILED) if job.reason else EXIT_FAILED
    suffix = f" (task {job.task_id})" if job.task_id else ""
    return code, f"{job.error or 'The task did not finish.'}{suffix}"


def _interrupted(jobs: list[Job]) -> NoReturn:
    """Ctrl+C: say what may have been created and how to pick it up again."""
    parts = ["Interrupted."]
    if any(job.task_id is None and job.reason in (None, FailureReason.OUTCOME_UNKNOWN)
           for job in jobs):  # fmt: skip
        parts.append("A request was being sent: its task may or may not have been created. "
                     "It was not sent again; check the task list on the website before "
                     "sending it again (`soundclone history` lists it).")  # fmt: skip
    running = [job.task_id for job in jobs if job.task_id and not job.is_done]
    if running:
        parts.append(f"Still running on the server: {', '.join(running)}. "
                     "`soundclone resume` follows them and saves the results.")  # fmt: skip
    _fail(" ".join(parts), EXIT_INTERRUPTED)


def _voice_usage(ctx: Context) -> Callable[[Job], None]:
    """Production jobs make their library voice permanent, or mark it expired if refused."""
    from soundclone_desktop.cli.voices import usage_recorder

    return usage_recorder(ctx.data_dir, demo=bool(ctx.args.demo))


def _progress_reporter(ctx: Context, label: str | None = None) -> Callable[[Job], None]:
    """Progress lines on stderr, each starting with ``label: `` when given (a batch)."""
    last: list[tuple[JobState, str | None]] = []
    prefix = f"{label}: " if label else ""
    labels = {
        JobState.SENDING: "Sending the request…",
        JobState.QUEUED: "Queued on the server.",
        JobState.PROCESSING: "Processing.",
        JobState.DOWNLOADING: "Downloading the result…",
        JobState.DOWNLOADED: "Downloaded.",
    }

    def report(job: Job) -> None:
        key = (job.state, job.message)
        if last and last[-1] == key:
            return
        last.append(key)
        if job.state is JobState.SUBMITTED:
            expected = job.expected_in()
            eta = f"; expected in ~{expected:.0f} s" if expected is not None else ""
            ctx.progress(f"{prefix}Task {job.task_id} created{eta}.")
        elif job.state in labels and (len(last) < 2 or last[-2][0] is not job.state):
            ctx.progress(prefix + labels[job.state])
        if job.message and job.state is not JobState.DOWNLOADED:
            ctx.progress(prefix + job.message)

    return report


def cmd_demo_server(args: argparse.Namespace) -> int:
    """``soundclone demo-server``: the demo server in this process, until Ctrl+C."""
    from soundclone_desktop.demo import cli as demo_cli

    return demo_cli.run(args, json_output=bool(args.json))


def _upload(ctx: Context, base_url: str, token: str, path: Path) -> str:
    ctx.progress(f"Uploading {path.name}…")

    async def run() -> str:
        async with _client(base_url, token) as client:
            return (await client.upload_file(path)).url

    return asyncio.run(run())


def _check_sample(path: Path) -> None:
    """Refuse a local recording the clone endpoint would reject, before anything is paid."""
    if not path.is_file():
        _fail(f"The recording {path} does not exist.")
    ext = path.suffix.lower().lstrip(".")
    if ext not in CLONE_EXTENSIONS:
        _fail(f"Recordings of type .{ext or '?'} cannot be cloned; use one of "
              f"{', '.join(CLONE_EXTENSIONS)}.")  # fmt: skip
    if ext != "wav":
        log.warning(
            "Only WAV lengths are checked here: make sure %s has %d–%d s of speech.",
            path.name,
            MIN_CLONE_SECONDS,
            MAX_CLONE_SECONDS,
        )
        return
    with path.open("rb") as handle:
        seconds = wav_duration(handle.read(1 << 20))
    if seconds is None:
        _fail(f"{path} is not a readable WAV file.")
    if not MIN_CLONE_SECONDS < seconds < MAX_CLONE_SECONDS:
        _fail(f"The recording lasts {seconds:.1f} s; the service needs more than "
              f"{MIN_CLONE_SECONDS} s and less than {MAX_CLONE_SECONDS} s of speech.")  # fmt: skip


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
        _fail(f"Could not write {out}: {exc.strerror or exc}. The result is kept at {src}.")
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
        _fail(f"Could not convert the result to {out.name}: {exc} The result is kept at {src}.")
    except OSError as exc:
        _fail(f"Could not write {out}: {exc.strerror or exc}. The result is kept at {src}.")


def _wav_seconds(path: Path) -> float | None:
    with path.open("rb") as handle:
        seconds = wav_duration(handle.read(4096))
    return None if seconds is None else round(seconds, 3)


# -- errors from direct client calls -----------------------------------------------------------


def _client_error(exc: SoundCloneError) -> CliError:
    if isinstance(exc, AuthenticationError):
        return CliError("The server rejected the API key. Check it, or set a new one in "
                        f"{ENV_VAR}.", EXIT_AUTH)  # fmt: skip
    if isinstance(exc, InvalidFileError):
        return CliError(f"{exc.message} Choose another file.", EXIT_USAGE)
    if isinstance(exc, BadRequestError):
        detail = exc.server_message or exc.message
        return CliError(f"The server refused the request: {detail}", EXIT_FAILED)
    return CliError(f"Could not get a usable answer from the server: {_clause(str(exc))}. "
                    "Check the connection and the server address, then try again.",
                    EXIT_UNAVAILABLE)  # fmt: skip


# -- argument parsing --------------------------------------------------------------------------


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Subcommands repeat the global options with SUPPRESS defaults, so `synth … --demo` works
    # and a flag given before the command is not reset by the subcommand.
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--base-url",
        default=default(None),
        help=f"API server (default: ${BASE_URL_ENV} or the app's setting)",
    )
    parser.add_argument(
        "--data-dir",
        default=default(None),
        help="where results and voices are kept (default: $SOUNDCLONE_DATA_DIR "
        "or the platform's data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help="use the embedded demo server: no account, no cost",
    )
    _output_options(parser, suppress=suppress)


def _output_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """``--json`` and ``-v``: the global options every command takes, demo-server too."""
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print one JSON object on stdout",
    )
    parser.add_argument("-v", "--verbose", action="count",
                        default=argparse.SUPPRESS if suppress else 0,
                        help="log details to stderr (-vv: debug); show tracebacks")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soundclone",
        description="Cloned-voice text-to-speech from the command line.",
        epilog="Exit codes: 0 ok, 1 blocking script problems, 2 bad input, 3 key rejected, "
        "4 server unavailable, 5 refused or failed, 6 outcome unknown, 7 stopped waiting, "
        "70 internal error, 130 interrupted.",
    )
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[Context], int], help_text: str) -> Any:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(p, suppress=True)
        p.set_defaults(handler=handler)
        return p

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

    p = command(
        "clone", cmd_clone, "Clone a voice from a 15–60 s recording (a local file or a public URL)."
    )
    p.add_argument("source", metavar="AUDIO_OR_URL")
    p.add_argument("--text", help="preview text (up to 269 characters)")
    p.add_argument("--version", dest="model_version", choices=VERSIONS)
    p.add_argument("--language")
    p.add_argument("--name", help="name in the voice library (default: the file's name)")

    p = command("task", cmd_task, "Show the status of a task.")
    p.add_argument("task_id", metavar="ID")

    # Commands that live in their own modules (soundclone_desktop/cli/<name>.py), each with
    # ``register(command)`` adding its subparsers through the same helper as above.
    for name in EXTENSION_COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(command)

    from soundclone_desktop.demo import cli as demo_cli  # its options only; no server yet

    p = sub.add_parser(
        "demo-server",
        help="Run the demo server on 127.0.0.1 until Ctrl+C (no account, no cost).",
        description=demo_cli.DESCRIPTION,
    )
    _output_options(p, suppress=True)  # --json and -v; the server's own options follow
    demo_cli.add_options(p)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    handler = CurrentStderrHandler()  # pytest and callers may swap sys.stderr later
    handler.setFormatter(
        logging.Formatter(
            "soundclone: %(message)s" if verbosity <= 0 else "%(asctime)s %(name)s: %(message)s"
        )
    )
    handler.addFilter(RedactAuthorization(lambda: os.environ.get(ENV_VAR, "")))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    if verbosity < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``soundclone`` command; returns the exit code (see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    _configure_logging(args.verbose)
    if args.demo and args.base_url:
        return _report(args, CliError("Use either --demo or --base-url, not both.", EXIT_USAGE))
    try:
        if args.command == "demo-server":  # needs no settings, data folder or key
            return cmd_demo_server(args)
        store = SettingsStore(paths.config_dir())
        ctx = Context(args, store.load(), store, paths.data_dir(args.data_dir))
        handler: Callable[[Context], int] = args.handler
        return handler(ctx)
    except CliError as exc:
        return _report(args, exc)
    except SoundCloneError as exc:
        return _report(args, _client_error(exc))
    except KeyboardInterrupt:
        return _report(args, CliError("Interrupted.", EXIT_INTERRUPTED))
    except Exception as exc:
        if args.verbose:
            log.exception("Unexpected error")
        hint = "" if args.verbose else " Run again with -v for details."
        error = CliError(f"Unexpected error ({type(exc).__name__}: {exc}).{hint}", EXIT_INTERNAL)
        return _report(args, error)


def _report(args: argparse.Namespace, exc: CliError) -> int:
    print(f"soundclone: {exc.message}", file=sys.stderr)
    if args.json:
        print(json.dumps({"ok": False, "exit_code": exc.code, "error": exc.message},
                         ensure_ascii=False))  # fmt: skip
    return exc.code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
