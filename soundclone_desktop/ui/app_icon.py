"""The application's icon, in every size the package ships."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

ICON_PATH = Path(__file__).resolve().parents[1] / "resources" / "icons"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(ICON_PATH / f"soundclone-{size}.png"), QSize(size, size))
    return icon
