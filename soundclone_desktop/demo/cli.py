"""``python -m soundclone_desktop.demo`` and ``soundclone demo-server``: run the demo server.

Both take the same options (``add_options``); ``soundclone demo-server`` adds the CLI's
``--json`` and ``-v`` and calls ``run``. The server module loads only when a server starts,
so building the ``soundclone`` parser stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .config import (
    AUDIO_FORMATS,
    DEMO_TOKEN,
    DEMO_VOICE_ID,
    FAULT_KINDS,
    FAULT_SCOPES,
    DemoConfig,
)
from .content_faults import CONTENT_FAULT_KINDS

if TYPE_CHECKING:
    from .server import DemoServer

DESCRIPTION = (
    "Run the SoundClone demo server on 127.0.0.1: the real API's endpoints, envelope and "
    "validation, with synthetic voices and no account. Stop it with Ctrl+C."
)

EXIT_OK = 0
EXIT_CANNOT_LISTEN = 1
EXIT_BAD_OPTION = 2


def add_options(parser: argparse.ArgumentParser) -> None:
    """The demo server's own options, on ``parser``."""
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    parser.add_argument("--token", default=DEMO_TOKEN, help=f"API key to accept ({DEMO_TOKEN})")
    parser.add_argument(
        "--task-seconds", type=float, default=3.0, help="seconds a task takes (default 3)"
    )
    parser.add_argument(
        "--seconds-per-char", type=float, default=0.0, help="extra task seconds per character"
    )
    parser.add_argument(
        "--fail-rate", type=float, default=0.0, help="share of requests that fail (0..1)"
    )
    parser.add_argument(
        "--faults",
        default="",
        help=f"comma-separated fault kinds for --fail-rate (default all: {','.join(FAULT_KINDS)})",
    )
    parser.add_argument("--fault-scope", choices=FAULT_SCOPES, default="all")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault sequence")
    parser.add_argument(
        "--content-faults",
        default="",
        help="comma-separated wrong results for --content-fault-rate: "
        + ",".join(CONTENT_FAULT_KINDS),
    )
    parser.add_argument(
        "--content-fault-rate",
        type=float,
        default=0.0,
        help="share of production tasks whose audio has a content fault (0..1)",
    )
    parser.add_argument(
        "--http-status-errors",
        action="store_true",
        help="also signal envelope errors with HTTP 401/400/500",
    )
    parser.add_argument("--string-codes", action="store_true", help='send "20000" codes as strings')
    parser.add_argument("--balance", type=float, default=100.0, help="starting balance")
    parser.add_argument(
        "--audio-format",
        choices=AUDIO_FORMATS,
        default="mp3",
        help="result audio: mp3 (32 kHz mono, 128 kbps, as the real service) or wav "
        "(16 kHz 16-bit PCM, the exact timing oracle); default mp3",
    )


def build_parser(prog: str = "python -m soundclone_desktop.demo") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    add_options(parser)
    return parser


def config_from(args: argparse.Namespace) -> DemoConfig:
    """The server's configuration from parsed options; ValueError names a bad value."""
    return DemoConfig(
        token=args.token,
        port=args.port,
        task_seconds=args.task_seconds,
        seconds_per_char=args.seconds_per_char,
        fail_rate=args.fail_rate,
        faults=tuple(args.faults.split(",")) if args.faults else (),
        fault_scope=args.fault_scope,
        seed=args.seed,
        http_status_errors=args.http_status_errors,
        string_codes=args.string_codes,
        balance=args.balance,
        audio_format=args.audio_format,
        content_faults=tuple(args.content_faults.split(",")) if args.content_faults else (),
        content_fault_rate=args.content_fault_rate,
    )


def run(args: argparse.Namespace, *, json_output: bool = False) -> int:
    """Serve until Ctrl+C. The address, key and demo voice go to stdout as soon as the
    server listens: as text, or as one JSON object (``json_output``) a script can read."""
    from .server import serve

    try:
        config = config_from(args)
    except ValueError as exc:
        _error(f"{exc}", EXIT_BAD_OPTION, json_output)
        return EXIT_BAD_OPTION

    def announce(server: DemoServer) -> None:
        if json_output:
            ready = {
                "ok": True,
                "exit_code": EXIT_OK,
                "base_url": server.base_url,
                "port": server.port,
                "token": config.token,
                "demo_voice": DEMO_VOICE_ID,
            }
            print(json.dumps(ready), flush=True)
            print("Press Ctrl+C to stop.", file=sys.stderr, flush=True)
            return
        print(f"SoundClone demo server: {server.base_url}", flush=True)
        print(f"Token: {config.token}", flush=True)
        print(f"Demo voice: {DEMO_VOICE_ID}", flush=True)
        print(f"Audio: {config.audio_format.upper()}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    try:
        serve(config, announce=announce)
    except OSError as exc:
        _error(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}",
               EXIT_CANNOT_LISTEN, json_output)  # fmt: skip
        return EXIT_CANNOT_LISTEN
    # With --json, stdout held the one object already: the farewell is progress.
    print("Demo server stopped.", file=sys.stderr if json_output else sys.stdout, flush=True)
    return EXIT_OK


def _error(message: str, code: int, json_output: bool) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)
    if json_output:
        print(json.dumps({"ok": False, "exit_code": code, "error": message}), flush=True)


def main(
    argv: Sequence[str] | None = None, *, prog: str = "python -m soundclone_desktop.demo"
) -> int:
    return run(build_parser(prog).parse_args(argv))
