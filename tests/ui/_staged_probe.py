"""Run ``soundclone-desktop`` as a user starts it and report what the first paint saw.

At the main window's first paint: which heavy modules were loaded, and whether the window
was built yet; then "typed" is posted to the editor as key presses, as a user typing the
moment the window appears. Once the start is over (``app.open_window`` returned) and the
keys are in (or 5 s later): the editor's text, whether the window was built when each key
press reached the editor, and where the editor was at the paint and is now. With
``STAGED_PROBE_NO_KEYS`` set nothing is typed. The JSON goes to the file named
by the first argument; the process then ends at once (closing is not what is tested).
The other arguments are the app's own.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from soundclone_desktop import app
from soundclone_desktop.ui.main_window import MainWindow

TYPED = "typed"
TYPING = not os.environ.get("STAGED_PROBE_NO_KEYS")  # the editor's own text moves nothing
WATCHED = ("PySide6.QtMultimedia", "httpx", "qasync", "soundclone_desktop.ui.player")
report: dict[str, Any] = {"keys_seen_built": []}


def editor_rect(window: MainWindow) -> list[int]:
    """Where the editor is in the window (x, y, width, height)."""
    editor = window.editor
    corner = editor.mapTo(window, editor.rect().topLeft())
    return [corner.x(), corner.y(), editor.width(), editor.height()]


def built(window: QWidget) -> bool:
    return bool(getattr(window, "is_built", True))  # (a window built in one go has no flag)


class Probe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in report:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, MainWindow):
                report["painted"] = {name: name in sys.modules for name in WATCHED}
                report["built_at_paint"] = built(window)
                report["editor_at_paint"] = editor_rect(window)
                for char in TYPED if TYPING else "":  # pressed and released, one after another
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        key = QKeyEvent(
                            kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char
                        )
                        QCoreApplication.postEvent(window.editor, key)
                window.editor.installEventFilter(self)
        elif event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            window = watched.window()
            report["keys_seen_built"].append(isinstance(window, MainWindow) and built(window))
        return False


def main() -> None:
    out = sys.argv[1]
    probe = Probe()
    create, open_window = app.create_application, app.open_window

    def create_application(*args: Any, **kwargs: Any) -> QApplication:
        qapp = create(*args, **kwargs)
        qapp.installEventFilter(probe)
        return qapp

    async def finished_window(*args: Any, **kwargs: Any) -> MainWindow:
        window = await open_window(*args, **kwargs)
        for _ in range(500):  # the paint and the keys, if they come after (a one-go start)
            if window.editor.text() == TYPED or not TYPING:
                break
            await asyncio.sleep(0.01)
        report["text"] = window.editor.text()
        report["built"] = built(window)
        report["editor_after"] = editor_rect(window)
        report["after"] = {name: name in sys.modules for name in WATCHED}
        with open(out, "w", encoding="utf-8") as file:
            json.dump(report, file)
        os._exit(0)

    app.create_application = create_application  # type: ignore[assignment]
    app.open_window = finished_window  # type: ignore[assignment]
    app.main(sys.argv[2:])


if __name__ == "__main__":
    main()
