"""What the task runner works with: the client it talks to, its bookkeeping for one job, and
the error :meth:`~.tasks.TaskRunner.wait` raises when it cannot finish."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from soundclone_desktop.api.models import Downloaded, FileKind, TaskInfo
from soundclone_desktop.core.jobs import Job
from soundclone_desktop.core.params import PreviewParams, ProductionParams

from .schedule import TaskTimer

UpdateCallback = Callable[[Job], None]


class TaskClient(Protocol):
    """What the runner needs from :class:`~soundclone_desktop.api.client.SoundCloneClient`."""

    async def create_audio(self, params: ProductionParams) -> TaskInfo: ...

    async def create_preview(self, params: PreviewParams) -> TaskInfo: ...

    async def get_task(self, task_id: str) -> TaskInfo: ...

    async def download(
        self, url: str, dest_dir: Path, stem: str, *, expect: Collection[FileKind] | None = None
    ) -> Downloaded: ...


class RunnerStoppedError(Exception):
    """:meth:`TaskRunner.wait` cannot finish: polling was halted or the runner closed.

    The job is not lost: its task keeps running on the server and can be tracked again.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(eq=False)
class TaskEntry:
    """The runner's private bookkeeping for one job."""

    job: Job
    on_update: UpdateCallback | None
    dest_dir: Path
    timer: TaskTimer | None = None  # set once the task id is known
    worker: asyncio.Task[None] | None = None  # the poll/download in flight
    holds_slot: bool = False  # its poll request counts against max_concurrent
    cancel_requested: bool = False  # cancel() arrived while the create was in flight
    learn: bool = False  # submitted here, so its duration teaches the estimator
    odd_answers: int = 0  # answers in a row with an unknown status or without an audio link
    broken_links: int = 0  # audio downloads that failed for good (404, file://, …)
    failing_since: float | None = None  # when the current run of transient failures began
    subtitle_problem: str | None = None  # why subtitles were given up (audio still delivered)
