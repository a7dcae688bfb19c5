"""Show a file in the system file manager, selected where that is cheap."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDir, QProcess, QUrl
from PySide6.QtGui import QDesktopServices

__all__ = ["reveal_in_file_manager"]


def reveal_in_file_manager(path: Path) -> bool:
    """Windows Explorer and macOS Finder can select the file; elsewhere open its folder.

    Never blocks: the file manager is started detached. Returns whether anything opened.
    """
    if sys.platform == "win32":
        native = QDir.toNativeSeparators(str(path))
        if _start_detached("explorer.exe", [f"/select,{native}"]):
            return True
    elif sys.platform == "darwin" and _start_detached("open", ["-R", str(path)]):
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _start_detached(program: str, arguments: list[str]) -> bool:
    started = QProcess.startDetached(program, arguments)
    # PySide returns a bool or (bool, pid) depending on the overload chosen.
    return bool(started[0] if isinstance(started, tuple) else started)
