"""Running tasks shown on the Generate button: a fill for the newest, a sentence for all.

The fill follows the runner's expected finish (learned from real task durations), capped
below full so a slow task never looks done before it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from soundclone_desktop.core.jobs import Job
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge
from soundclone_desktop.ui.tasks.task_list import expected_text

CTX = "MainWindow"
_TICK_MS = 250
_CAP = 0.97  # never full before the result is in


def fraction_done(job: Job, now: float) -> float | None:
    """How far ``job`` is towards its expected finish (0..0.97), None when unknown."""
    if job.submitted_at is None or job.expected_finish is None:
        return None
    span = job.expected_finish - job.submitted_at
    if span <= 0:
        return _CAP
    return min(_CAP, max(0.0, (now - job.submitted_at) / span))


class ButtonProgress(QObject):
    """Feeds ``show(fraction, activity)`` from the window's job updates."""

    def __init__(
        self,
        bridge: RunnerBridge,
        show: Callable[[float | None, str], None],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._show = show
        self._clock = clock
        self._running: dict[str, Job] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self.refresh)
        bridge.job_updated.connect(self.on_update)

    def on_update(self, job: Job) -> None:
        if job.is_done:
            self._running.pop(job.local_id, None)
        else:
            self._running[job.local_id] = job
        self.refresh()

    def refresh(self) -> None:
        if not self._running:
            self._timer.stop()
            self._show(None, "")
            return
        if not self._timer.isActive():
            self._timer.start()
        now = self._clock()
        newest = max(self._running.values(), key=lambda job: job.created_at)
        fraction = fraction_done(newest, now)
        count = len(self._running)
        activity = translate(CTX, "Tasks generating: %n", None, count)
        expected = expected_text(newest.expected_in(now))
        if expected:
            activity = f"{activity} · {expected}"
        self._show(fraction if fraction is not None else 0.0, activity)
