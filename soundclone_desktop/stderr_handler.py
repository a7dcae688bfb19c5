"""A console log handler that survives its stream being replaced (no Qt: the CLI uses it)."""

from __future__ import annotations

import logging
import sys


class CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time of the record, not at set-up.

    A stream captured at set-up may be closed later (pytest's capture, a redirected or
    detached console); writing to it then fails on every record, Qt's messages included.
    """

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None or getattr(stream, "closed", False):
            return
        self.stream = stream
        super().emit(record)
