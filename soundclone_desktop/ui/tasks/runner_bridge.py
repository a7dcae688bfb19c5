"""TaskRunner callbacks as a Qt signal.

The runner calls ``on_update(job)`` synchronously on every visible change; widgets listen
to ``job_updated`` instead. A signal (not a direct call) means a listener added or removed
later needs no change in the runner, and a callback from another thread would be queued
to the GUI thread automatically.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from soundclone_desktop.core.jobs import Job


class RunnerBridge(QObject):
    job_updated = Signal(object)  # Job

    def on_update(self, job: Job) -> None:
        self.job_updated.emit(job)
