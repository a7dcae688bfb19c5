"""Finished results into the player, and the task list's Play, Show file and Stop waiting.

Each result loaded into the player costs the GUI thread a media open, a waveform and
captions: while more tasks are running only the newest result of each interval is loaded;
the last one to finish (or a single Generate's) appears at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from soundclone_desktop.core.jobs import Job, JobState
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.message_bar import Level
from soundclone_desktop.ui.common.throttle import Throttle
from soundclone_desktop.ui.tasks.task_list import TaskList, excerpt

if TYPE_CHECKING:
    from soundclone_desktop.ui.session import Session
    from soundclone_desktop.ui.studio import Messages, Playback

CTX = "MainWindow"
RESULT_LOAD_INTERVAL_MS = 3000  # at most one automatic player load per interval


class ResultsToPlayer(QObject):
    def __init__(
        self,
        task_list: TaskList,
        playback: Playback,
        messages: Messages,
        session: Session,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._tasks = task_list
        self._playback = playback
        self._messages = messages
        self._session = session
        self._newest: Throttle[Job] = Throttle(RESULT_LOAD_INTERVAL_MS, self._show_newest, self)
        task_list.cancel_requested.connect(self.cancel_job)
        task_list.play_requested.connect(self.play_listed)
        task_list.show_file_requested.connect(self.show_file)

    def downloaded(self, job: Job) -> None:
        """``job``'s audio arrived: into the player if it is the newest result."""
        if not self._is_newest(job):
            return
        if any(not other.is_done for other in self._tasks.jobs()):
            self._newest.offer(job)  # more results are coming: throttled
        else:
            self._newest.run_now(job)

    def _show_newest(self, job: Job) -> None:
        if not self._is_newest(job) or job.audio_path is None:
            return  # superseded while it waited (or deleted)
        self.play_job(job, autoplay=False)
        self._messages.show_message(
            translate(CTX, "Your audio is ready. Press Play to listen."), Level.INFO
        )

    def _is_newest(self, job: Job) -> bool:
        done = [j for j in self._tasks.jobs() if j.state is JobState.DOWNLOADED]
        return bool(done) and max(done, key=lambda j: j.created_at) is job

    def play_job(self, job: Job, *, autoplay: bool) -> None:
        assert job.audio_path is not None
        self._playback.play_file(
            Path(job.audio_path),
            autoplay=autoplay,
            title=excerpt(job),
            subtitle_path=Path(job.subtitle_path) if job.subtitle_path else None,
            script=getattr(job.params, "text", None) or None,
        )

    def play_listed(self, path: Path) -> None:
        """The task list's Play: the job's subtitles and script come along with its audio."""
        for job in self._tasks.jobs():
            if job.audio_path is not None and Path(job.audio_path) == Path(path):
                self.play_job(job, autoplay=True)
                return
        self._playback.play_file(Path(path), autoplay=True)

    def show_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def cancel_job(self, local_id: str) -> None:
        job = self._tasks.job(local_id)
        runner = self._session.runner
        if job is None:
            return
        for candidate in self._session.runners():
            if job in candidate.jobs:
                runner = candidate
                break
        if runner is not None:
            runner.cancel(job)
