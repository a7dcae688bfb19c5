"""Start the real app exactly as ``soundclone-desktop`` does, and note when it is ready.

``soundclone_desktop.app.main`` runs unchanged; only ``app.show_first_window`` is wrapped to
watch the window's first paint (and the key typed then: ``ready.FirstPaintProbe``, typed into
the editor), ``app.open_window`` (the step that finishes the window, connects and greets a
first-time user) so the idle probe starts the moment it returns, and ``app.build_context``
to mark a phase boundary. Arguments are the app's own (``--demo`` etc.).

With ``SOUNDCLONE_BENCH_OPEN_HISTORY=1`` the history dock is brought to the front once the
start has settled, as a user clicking its tab, and the probe also notes how long until its
rows are shown and the resident memory with the history open.
"""

from __future__ import annotations

import os
import sys
import time

from tests.benchmarks import ready  # first: its import time is the launcher's start
from tests.benchmarks.names import OPEN_HISTORY_ENV

HISTORY_TIMEOUT = 60.0


def open_history(window: object) -> ready.AfterReady:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QDockWidget

    from tests.benchmarks.rss import rss_bytes

    def after(figures: dict[str, object]) -> None:
        probe = ready.current()
        dock = window.findChild(QDockWidget, "historyDock")  # type: ignore[attr-defined]
        view = window.findChild(QAbstractItemView, "historyView")  # type: ignore[attr-defined]
        if dock is None or view is None or view.model() is None:
            figures["history"] = "no historyDock/historyView in the window"
            probe.finish()
            return
        started = time.time()
        dock.show()
        dock.raise_()  # the user clicks the History tab

        controller = getattr(window, "history", None)

        def check() -> None:
            rows = view.model().rowCount()
            waited = time.time() - started
            loaded = bool(getattr(controller, "loaded", False))  # an empty library loads too
            if rows == 0 and not loaded and waited < HISTORY_TIMEOUT:
                return
            timer.stop()
            figures["history_rows"] = rows
            figures["history_seconds"] = waited
            # Let the view paint its first page before reading the memory.
            QTimer.singleShot(300, lambda: finish(figures))

        def finish(figures: dict[str, object]) -> None:
            figures["rss_history"] = rss_bytes()
            probe.finish()

        timer = QTimer(window)  # type: ignore[arg-type]
        timer.setInterval(10)
        timer.timeout.connect(check)
        timer.start()

    return after


def main() -> int:
    from soundclone_desktop import app

    ready.mark("imported")
    show_first_window = app.show_first_window
    build_context, open_window = app.build_context, app.open_window

    def watched_first_window(qapp, make_shell):  # type: ignore[no-untyped-def]
        def watched_shell():  # type: ignore[no-untyped-def]
            window = make_shell()
            ready.watch_window(window, lambda shown: getattr(shown, "editor", shown))
            return window

        return show_first_window(qapp, watched_shell)

    def timed_build_context(*args, **kwargs):  # type: ignore[no-untyped-def]
        ctx = build_context(*args, **kwargs)
        ready.mark("context")
        return ctx

    async def timed_open_window(ctx, options, *args):  # type: ignore[no-untyped-def]
        ready.mark("loop")
        window = await open_window(ctx, options, *args)
        ready.mark("window")
        after = open_history(window) if os.environ.get(OPEN_HISTORY_ENV) else None
        ready.install(after)
        return window

    app.show_first_window = watched_first_window  # type: ignore[assignment]
    app.build_context = timed_build_context  # type: ignore[assignment]
    app.open_window = timed_open_window  # type: ignore[assignment]
    return app.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
