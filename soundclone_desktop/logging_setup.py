"""Logging for the GUI process: a rotating file in the data folder, Qt's messages routed in.

Only ``app.py`` calls ``configure``; every other module just uses
``logging.getLogger(__name__)``. The redaction filter sits on the handlers, so no record
from any logger (httpx included) can write a token to the file or the console.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from soundclone_desktop.stderr_handler import CurrentStderrHandler

LOG_FILE_NAME = "soundclone-desktop.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_fault_file: IO[str] | None = None  # faulthandler needs the file kept open
QtHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]
# What qInstallMessageHandler returned (wrapped: None is a valid previous handler).
_previous_qt_handler: tuple[QtHandler | None] | None = None


def level_from_env() -> int:
    """``SOUNDCLONE_LOG=debug|info|warning``; INFO by default."""
    name = os.environ.get("SOUNDCLONE_LOG", "info").upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO


def configure(
    log_dir: Path,
    redaction: logging.Filter,
    level: int | None = None,
    *,
    crash_log: bool = True,
) -> Path:
    """Set up the root logger; returns the log file path.

    ``crash_log=False`` leaves ``faulthandler`` alone (tests: pytest owns it).
    """
    level = level_from_env() if level is None else level
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    shutdown()
    root = logging.getLogger()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    ]
    # A windowed (frozen) app has no stderr at all.
    if sys.stderr is not None:
        handlers.append(CurrentStderrHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redaction)
        handler._soundclone = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request line at INFO; keep that for explicit debugging only.
    noisy = logging.DEBUG if level <= logging.DEBUG else logging.WARNING
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(noisy)
    logging.captureWarnings(True)
    global _previous_qt_handler
    _previous_qt_handler = (qInstallMessageHandler(_qt_message),)
    if crash_log:
        _enable_faulthandler(log_dir)
    return path


def shutdown() -> None:
    """Remove our handlers and Qt's message routing (tests; a second configure in-process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_soundclone", False):
            root.removeHandler(handler)
            handler.close()
    global _previous_qt_handler
    if _previous_qt_handler is not None:
        qInstallMessageHandler(_previous_qt_handler[0])
        _previous_qt_handler = None


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    name = category if category.startswith("qt.") else f"qt.{category}"
    logging.getLogger(name).log(_QT_LEVELS.get(kind, logging.INFO), "%s", message)


def _enable_faulthandler(log_dir: Path) -> None:
    """Hard crashes (segfaults in Qt) leave a Python stack in a file next to the log."""
    global _fault_file
    if _fault_file is not None:
        return
    try:
        _fault_file = open(log_dir / "crash.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_fault_file)
    except OSError:
        logging.getLogger(__name__).warning("Crash log unavailable", exc_info=True)
