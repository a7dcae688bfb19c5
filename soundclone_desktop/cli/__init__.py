"""The ``soundclone`` command: estimate, synthesise, clone and look up tasks from a terminal.

A package of small modules: :mod:`~.main` (the parser, :func:`main`, the command table and
exit codes in its docstring), :mod:`~.context` (the context, exit codes and output helpers
every command uses), :mod:`~.run_jobs` (sending and following tasks through the shared
workspace), and one module per command group (``script``, ``clone``, ``task``, ``voices``,
``history``, ``resume``, ``export``, with :mod:`~.param_options` for ``synth``'s options).
"""

from __future__ import annotations

# The exit codes, for scripts that import them from the package; commands use cli.context.
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
    "build_parser",
    "main",
]
