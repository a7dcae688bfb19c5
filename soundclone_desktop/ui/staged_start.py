"""The staged start (issue #17): the window's shell painted first, then the rest imported in
turns of the event loop, so a key typed meanwhile is handled between two of them.

``app.main`` calls ``show_first_window`` with nothing but Qt, the settings, the translations
and the theme loaded, then ``import_in_turns``, whose first turn finishes the editor (its
highlighter, chips and problems list); the window's panels and features follow on the
asyncio loop (``MainWindow.build_steps``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

Window = TypeVar("Window", bound=QWidget)
# A turn's work: modules to import, or a function to run.
Step = Sequence[str] | Callable[[], object]

# What the studio imports after the first paint, one group per event-loop turn (the order
# of their own imports, roughly: each group's new modules cost 20-80 ms).
DEFERRED_IMPORTS = (
    ("asyncio",),
    ("qasync",),
    ("soundclone_desktop.core.jobs", "sqlite3"),
    ("soundclone_desktop.store.library",),
    ("soundclone_desktop.store.voices", "soundclone_desktop.store.secrets"),
    ("soundclone_desktop.api.errors", "soundclone_desktop.api.models"),
    ("soundclone_desktop.services.tasks",),
    ("soundclone_desktop.services.workspace", "soundclone_desktop.services.recorder"),
    ("soundclone_desktop.ui.session", "soundclone_desktop.ui.context"),
    ("soundclone_desktop.logging_setup", "soundclone_desktop.services.clone_adopt"),
)


def show_first_window(app: QApplication, make_shell: Callable[[], Window]) -> Window:
    """The window's shell (``make_shell()``), shown and painted: the editor, ready for
    typing, at its place."""
    window = make_shell()
    painted = _FirstPaint(window)
    window.show()
    while not painted.seen:  # the expose, then the paint: a few turns, no waiting
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return window


class _FirstPaint(QObject):
    """Notes when ``window`` is first painted."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.seen = False
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
            self._window.removeEventFilter(self)
        return False


def import_in_turns(groups: Sequence[Step] = DEFERRED_IMPORTS) -> None:
    """Run ``groups`` one per turn of a local Qt event loop (import a group's modules, or
    call it): what is typed or clicked in the meantime is handled between two groups
    instead of after all of them. A group that fails ends the loop and is raised here (a
    slot's exception would leave it running)."""
    loop = QEventLoop()
    pending = list(groups)
    failed: list[BaseException] = []

    def next_group() -> None:
        try:
            if pending:
                group = pending.pop(0)
                if callable(group):
                    group()
                else:
                    for name in group:
                        importlib.import_module(name)
                QTimer.singleShot(0, next_group)
                return
        except BaseException as exc:  # raised again below, outside Qt
            failed.append(exc)
        loop.quit()

    QTimer.singleShot(0, next_group)
    loop.exec()
    if failed:
        raise failed[0]
