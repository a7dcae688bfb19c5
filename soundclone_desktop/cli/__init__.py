"""The ``soundclone`` command: estimate, synthesise, clone and look up tasks from a terminal.

A package of small modules: :mod:`~.main` (the parser, :func:`main`, the command table and
exit codes in its docstring), :mod:`~.context` (the context, exit codes and output helpers
every command uses), :mod:`~.run_jobs` (sending and following tasks through the shared
workspace), and one module per command group (``script``, ``clone``, ``task``, ``voices``,
``history``, ``resume``, ``export``, with :mod:`~.params_options` for ``synth``'s options).
"""

from __future__ import annotations

# The exit codes and the names command modules used to import from here (export.py still
# does): new code imports them from soundclone_desktop.cli.context.
from soundclone_desktop.cli.context import (
    EXIT_AUTH,
    EXIT_BLOCKING,
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTCOME_UNKNOWN,
    EXIT_STOPPED,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    CliError,
    Context,
)
from soundclone_desktop.cli.context import fail as _fail
from soundclone_desktop.cli.context import finish as _finish
from soundclone_desktop.cli.main import build_parser, main

__all__ = [
    "EXIT_AUTH",
    "EXIT_BLOCKING",
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTCOME_UNKNOWN",
    "EXIT_STOPPED",
    "EXIT_UNAVAILABLE",
    "EXIT_USAGE",
    "CliError",
    "Context",
    "_fail",
    "_finish",
    "build_parser",
    "main",
]
