"""Window geometry and dock layout, remembered between runs.

This is UI state, not a user setting, so it lives in its own small INI file next to
``settings.json`` (the JSON store holds what the Settings dialog edits). QSettings is given
an explicit path, so tests and ``SOUNDCLONE_CONFIG_DIR`` isolate it like everything else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

FILE_NAME = "window-state.ini"
# Bump when the dock layout changes, so an old saved layout is not applied to a new window.
STATE_VERSION = 2  # 2: the captions and history docks (an older layout would squeeze them)


class WindowState:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow) -> bool:
        """Apply the saved geometry and docks; False when there is none (first run)."""
        if not self.path.exists():
            return False
        settings = self._settings()
        geometry = settings.value("main/geometry", QByteArray(), type=QByteArray)
        state = settings.value("main/state", QByteArray(), type=QByteArray)
        restored = (
            isinstance(geometry, QByteArray)
            and not geometry.isEmpty()
            and window.restoreGeometry(geometry)
        )
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state, STATE_VERSION)
        return restored

    def save(self, window: QMainWindow) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        settings = self._settings()
        settings.setValue("main/geometry", window.saveGeometry())
        settings.setValue("main/state", window.saveState(STATE_VERSION))
        settings.sync()
