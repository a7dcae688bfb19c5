"""``python -m soundclone_desktop.demo`` and ``soundclone demo-server``: run the demo server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .config import (
    AUDIO_FORMATS,
    DEMO_TOKEN,
    DEMO_VOICE_ID,
    FAULT_KINDS,
    FAULT_SCOPES,
    DemoConfig,
)
from .server import DemoServer, serve


def build_parser(prog: str = "soundclone demo-server") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Run the SoundClone demo server on 127.0.0.1: the real API's endpoints, "
        "envelope and validation, with synthetic voices and no account.",
    )
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
    return parser


def main(argv: Sequence[str] | None = None, *, prog: str = "soundclone demo-server") -> int:
    args = build_parser(prog).parse_args(argv)
    try:
        config = DemoConfig(
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
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    def announce(server: DemoServer) -> None:
        print(f"SoundClone demo server: {server.base_url}", flush=True)
        print(f"Token: {config.token}", flush=True)
        print(f"Demo voice: {DEMO_VOICE_ID}", flush=True)
        print(f"Audio: {config.audio_format.upper()}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    try:
        serve(config, announce=announce)
    except OSError as exc:
        print(f"error: cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    print("Demo server stopped.", flush=True)
    return 0
