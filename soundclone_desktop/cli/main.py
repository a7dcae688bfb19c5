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
    soundclone check-delivery DIR --profile acx    measure a folder against a retailer's rules
    soundclone master FILE… --profile acx --out DIR  master files for a retailer, then check
    soundclone demo-server [--port N --token T …]  run the demo server until Ctrl+C
    soundclone book import|show|estimate|render|export …   whole books (see cli/book/)

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
5     the server refused the request, or the task failed on the server; ``book render``:
      the balance cannot pay for the render (nothing sent), or some segments failed
6     a submission's outcome is unknown: it may have been created (and charged);
      it was not sent again
7     stopped waiting while the task continues on the server; ``book render``: stopped
      before the task that would cross ``--budget`` (render again to continue)
70    internal error (a bug): run again with ``-v`` for the traceback
130   interrupted (Ctrl+C; ``book render``: paused, tasks in flight adopted next time)
====  ============================================================================
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from soundclone_desktop.api.errors import SoundCloneError
from soundclone_desktop.api.redact import RedactAuthorization
from soundclone_desktop.cli.context import (
    BASE_URL_ENV,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CliError,
    Context,
    client_error,
)
from soundclone_desktop.stderr_handler import CurrentStderrHandler
from soundclone_desktop.store import paths
from soundclone_desktop.store.secrets import ENV_VAR
from soundclone_desktop.store.settings import SettingsStore

log = logging.getLogger("soundclone_desktop.cli")

# The modules of this package adding commands, each with ``register(command)``; in the
# order ``soundclone --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (

    "script", "clone", "task", "voices", "history", "resume", "export", "book", "delivery",
)  # fmt: skip


def cmd_demo_server(args: argparse.Namespace) -> int:
    """``soundclone demo-server``: the demo server in this process, until Ctrl+C."""
    from soundclone_desktop.demo import cli as demo_cli

    return demo_cli.run(args, json_output=bool(args.json))


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


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The global options, for a command module's own nested actions (``book import``)."""
    _global_options(parser, suppress=suppress)


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

    # Commands live in their own modules (soundclone_desktop/cli/<name>.py), each with
    # ``register(command)`` adding its subparsers through the helper above.
    for name in COMMAND_MODULES:
        importlib.import_module(f"soundclone_desktop.cli.{name}").register(command)

    from soundclone_desktop.demo import cli as demo_cli  # its options only; no server yet

    p = sub.add_parser(
        "demo-server",
        help="Run the demo server on 127.0.0.1 until Ctrl+C (no account, no cost).",
        description=demo_cli.DESCRIPTION,
    )
    _output_options(p, suppress=True)  # --json and -v; the server's own options follow
    demo_cli.add_options(p)
    return parser


def configure_logging(verbosity: int) -> None:
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
    configure_logging(args.verbose)
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
        return _report(args, client_error(exc))
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
