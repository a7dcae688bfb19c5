"""What every ``soundclone`` command works with: the context, exit codes and output helpers.

A command gets a :class:`Context` (the parsed arguments, settings and data folder), opens the
server with :func:`connection`, reports with :func:`finish` and stops with :func:`fail`: one
sentence on stderr and an exit code (see ``soundclone_desktop.cli.main`` for the table).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
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
from soundclone_desktop.core.params import FieldProblem
from soundclone_desktop.core.pricing import Estimate, PriceTable, format_money
from soundclone_desktop.core.script import ScriptReport, analyze
from soundclone_desktop.services.estimator import FinishEstimator
from soundclone_desktop.services.schedule import PollPolicy
from soundclone_desktop.store.secrets import ENV_VAR, TokenStore
from soundclone_desktop.store.settings import Settings, SettingsStore

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

BASE_URL_ENV = "SOUNDCLONE_BASE_URL"
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


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
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
def connection(ctx: Context) -> Iterator[tuple[str, str]]:
    """(base URL, API key) for the chosen server; starts and stops the demo server."""
    if ctx.args.demo:
        from soundclone_desktop.demo.config import DEMO_TOKEN, DemoConfig
        from soundclone_desktop.demo.server import DemoServer

        server = DemoServer(DemoConfig())
        try:
            server.start()
        except OSError as exc:
            fail(f"Could not start the demo server: {exc.strerror or exc}.", EXIT_INTERNAL)
        ctx.demo_config, ctx.local = server.config, True
        try:
            yield server.base_url, DEMO_TOKEN
        finally:
            server.stop()
        return
    token = TokenStore().get()
    if not token:
        fail(
            f"No API key is set. Set the {ENV_VAR} environment variable (for example "
            f"`export {ENV_VAR}=…`), or save the key in the desktop app under Settings › "
            "Account. To try things without an account, add --demo."
        )
    base_url = server_url(ctx)
    ctx.local = urlsplit(base_url).hostname in LOOPBACK_HOSTS
    yield base_url, token


def server_url(ctx: Context) -> str:
    url = (ctx.args.base_url or os.environ.get(BASE_URL_ENV, "") or ctx.settings.base_url).strip()
    if not url.startswith(("http://", "https://")) or not urlsplit(url).hostname:
        fail(f"The server address must start with http:// or https:// (got {url!r}).")
    return url


def open_client(base_url: str, token: str) -> SoundCloneClient:
    local = urlsplit(base_url).hostname in LOOPBACK_HOSTS
    return SoundCloneClient(
        base_url, token, retry=LOCAL_RETRY if local else None, on_retry=report_retry
    )


def report_retry(retry: int, delay: float, error: SoundCloneError) -> None:
    # The client waits 5, 10, 20 s between tries (the reference's advice): say so.
    print(f"No usable answer ({clause(str(error))}); trying again in {delay:.0f} s…",
          file=sys.stderr, flush=True)  # fmt: skip


def clause(text: str) -> str:
    return text.strip().rstrip(".")


# -- output ------------------------------------------------------------------------------------


def finish(ctx: Context, lines: Sequence[str], data: dict[str, object], code: int = 0) -> int:
    if ctx.json:
        print(json.dumps({"ok": code == 0, "exit_code": code, **data}, ensure_ascii=False))
    else:
        for line in lines:
            print(line)
    return code


def money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def cost_json(estimate: Estimate) -> dict[str, object]:
    return {
        "currency": estimate.currency,
        "text": money(estimate.text_cost),
        "voice_fee": money(estimate.voice_fee),
        "total": money(estimate.total),
        "total_if_blocks": money(estimate.total_if_blocks),
    }


def cost_line(estimate: Estimate) -> str:
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


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def problem_rows(text: str, report: ScriptReport) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for problem in report.problems:
        line, column = position(text, problem.start)
        rows.append({
            "line": line, "column": column, "severity": problem.severity.value,
            "code": problem.code, "message": problem.message,
        })  # fmt: skip
    return rows


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def invalid_input(problems: Sequence[FieldProblem], text: str | None = None) -> NoReturn:
    """Fail naming each field and its allowed values; script problems get line:column."""
    lines = []
    if text is not None:
        rows = problem_rows(text, analyze(text))
        lines += [f"script {r['line']}:{r['column']}: {r['message']}" for r in rows
                  if r["severity"] == "error"]  # fmt: skip
    for problem in problems:
        if text is not None and problem.field == "contentText" and lines:
            continue  # already listed above, with its position
        lines.append(f"{problem.field}: {problem.message} (allowed: {problem.allowed})")
    fail("The request was not sent because of invalid input:\n  " + "\n  ".join(lines))


def read_script(name: str) -> str:
    """The script text; surrounding blank space (a file's last newline) is not part of it."""
    try:
        raw = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        fail(f"The script file {name} does not exist.")
    except UnicodeDecodeError:
        fail(f"The script file {name} is not UTF-8 text; save it as UTF-8 and try again.")
    except OSError as exc:
        fail(f"Could not read the script file {name}: {exc.strerror or exc}.")
    return raw.strip()


# -- errors from direct client calls -----------------------------------------------------------


def client_error(exc: SoundCloneError) -> CliError:
    if isinstance(exc, AuthenticationError):
        return CliError("The server rejected the API key. Check it, or set a new one in "
                        f"{ENV_VAR}.", EXIT_AUTH)  # fmt: skip
    if isinstance(exc, InvalidFileError):
        return CliError(f"{exc.message} Choose another file.", EXIT_USAGE)
    if isinstance(exc, BadRequestError):
        detail = exc.server_message or exc.message
        return CliError(f"The server refused the request: {detail}", EXIT_FAILED)
    return CliError(f"Could not get a usable answer from the server: {clause(str(exc))}. "
                    "Check the connection and the server address, then try again.",
                    EXIT_UNAVAILABLE)  # fmt: skip
