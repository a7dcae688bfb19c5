"""Window geometry and dock layout, remembered between runs.

This is UI state, not a user setting, so it lives in its own small INI file next to
``settings.json`` (the JSON store holds what the Settings dialog edits). QSettings is given
an explicit path, so tests and ``SOUNDCLONE_CONFIG_DIR`` isolate it like everything else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

FILE_NAME = "window-state.ini"
# Bump when the dock layout changes, so an old saved layout is not applied to a new window.
STATE_VERSION = 2  # 2: the captions and history docks (an older layout would squeeze them)

PREFERRED_SIZE = QSize(1200, 780)  # the first window on a screen with room for it
# Room for the title bar and borders, which are unknown until the window is shown: at
# 1366×768 a 780-pixel-high window hid the status bar (and the balance) below the screen.
FRAME_ALLOWANCE = QSize(16, 48)


def first_window_size(available: QSize) -> QSize:
    """The first window's size (without frame): the preferred size, shrunk to fit the screen's
    available area (the screen minus task bars) with its title bar and borders."""
    width = min(PREFERRED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(PREFERRED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height())
    return QSize(max(width, 1), max(height, 1))


def first_window_position(available: QRect, size: QSize) -> QPoint:
    """Where the frame of a window of ``size`` goes to be centred in ``available``."""
    outer = size + FRAME_ALLOWANCE
    left = available.x() + max(0, (available.width() - outer.width()) // 2)
    top = available.y() + max(0, (available.height() - outer.height()) // 2)
    return QPoint(left, top)


def place_first_window(window: QMainWindow) -> None:
    """Size and centre a window that has no saved geometry on its screen's available area."""
    available = window.screen().availableGeometry()
    size = first_window_size(available.size())
    window.resize(size)
    window.move(first_window_position(available, size))


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
