"""Run ``soundclone-desktop`` as a user starts it and report what the first paint saw.

At the main window's first paint: which heavy modules were loaded, and whether the window
was built yet; then "typed" is posted to the editor as key presses, as a user typing the
moment the window appears (``STAGED_PROBE_TEXT`` instead, if set). Also at the paint:
whether the editor's highlighter, the script's patterns and Python's ``QStyle`` were there
yet. Once the start is over (``app.open_window`` returned) and the keys are in (or 5 s
later): the editor's text, whether the window was built and the editor's analysis attached
when each key press reached the editor, the text's highlighted ranges, and where the editor
was at the paint and is now. With ``STAGED_PROBE_NO_KEYS`` set nothing is typed. The JSON
goes to the file named
by the first argument; the process then ends at once (closing is not what is tested).
The other arguments are the app's own.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from soundclone_desktop import app
from soundclone_desktop.ui.main_window import MainWindow

TYPED = os.environ.get("STAGED_PROBE_TEXT", "typed")
TYPING = not os.environ.get("STAGED_PROBE_NO_KEYS")  # the editor's own text moves nothing
WATCHED = ("PySide6.QtMultimedia", "httpx", "qasync", "soundclone_desktop.ui.player")
EDITOR_MODULES = ("soundclone_desktop.ui.editor.highlighter", "soundclone_desktop.ui.editor.chips")
report: dict[str, Any] = {"keys_seen_built": [], "keys_seen_attached": []}


def patterns_compiled() -> bool:
    """Whether ``core.script``'s marker pattern has been compiled (it is imported, or not)."""
    script = sys.modules.get("soundclone_desktop.core.script")
    marker = getattr(script, "PAUSE_MARKER", None)
    return isinstance(marker, re.Pattern) or bool(getattr(marker, "is_compiled", False))


def analysis_attached(window: MainWindow) -> bool:
    # (an editor without the method has its analysis from the start)
    return bool(getattr(window.editor, "analysis_attached", lambda: True)())


def highlighted(window: MainWindow) -> list[list[int]]:
    """The formatted ranges (start, length) of the editor's first line."""
    layout = window.editor.document().firstBlock().layout()
    return [[r.start, r.length] for r in layout.formats()] if layout is not None else []


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
                report["painted_editor"] = {name: name in sys.modules for name in EDITOR_MODULES}
                report["patterns_compiled_at_paint"] = patterns_compiled()
                report["qstyle_at_paint"] = "QStyle" in vars(sys.modules["PySide6.QtWidgets"])
                report["built_at_paint"] = built(window)
                report["editor_at_paint"] = editor_rect(window)
                for char in TYPED if TYPING else "":  # pressed and released, one after another
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        key = QKeyEvent(
                            kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char
                        )
                        QCoreApplication.postEvent(window.editor, key)
                watched.removeEventFilter(self)
                window.editor.installEventFilter(self)
        elif event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            window = watched.window()
            report["keys_seen_built"].append(isinstance(window, MainWindow) and built(window))
            if isinstance(window, MainWindow):
                report["keys_seen_attached"].append(analysis_attached(window))
        return False


def main() -> None:
    out = sys.argv[1]
    probe = Probe()
    show_first_window, open_window = app.show_first_window, app.open_window

    # On the window, not the application: an application-wide Python filter makes PySide
    # build the Python type of every object an event goes to (QStyle's among them).
    def watched_first_window(qapp: QApplication, make_shell: Any) -> MainWindow:
        def watched_shell() -> MainWindow:
            window: MainWindow = make_shell()
            window.installEventFilter(probe)
            return window

        shown: MainWindow = show_first_window(qapp, watched_shell)
        return shown

    async def finished_window(*args: Any, **kwargs: Any) -> MainWindow:
        window = await open_window(*args, **kwargs)
        for _ in range(500):  # the paint and the keys, if they come after (a one-go start)
            if window.editor.text() == TYPED or not TYPING:
                break
            await asyncio.sleep(0.01)
        report["text"] = window.editor.text()
        report["highlighted"] = highlighted(window)
        report["built"] = built(window)
        report["editor_after"] = editor_rect(window)
        report["after"] = {name: name in sys.modules for name in WATCHED}
        with open(out, "w", encoding="utf-8") as file:
            json.dump(report, file)
        os._exit(0)

    app.show_first_window = watched_first_window  # type: ignore[assignment]
    app.open_window = finished_window  # type: ignore[assignment]
    app.main(sys.argv[2:])


if __name__ == "__main__":
    main()
