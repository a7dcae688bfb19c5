"""One wiring for every front end: the parts a data folder gives to the tasks run over it.

The desktop app, the ``soundclone`` command (and the render queue to come) all send tasks
the same way: the task library records every job (its intent before the create leaves), the
voice library learns what production says about each voice, and a task runner sends, follows
and downloads. :class:`Workspace` opens those parts for a data folder and builds runners that
report to them, so no front end assembles them by hand:

- the task library, or, when it cannot be opened, a :class:`~.intent.RecordGuard` that
  refuses every create until it can (nothing is sent without a record);
- the voice library (opened, or only touched when it exists: the CLI leaves no file behind
  for a voice that was never cloned here) and its :class:`~.voice_usage.VoiceUsageRecorder`;
- :class:`JobListeners`, the fan-out every runner reports to (recorder first);
- :func:`build_runner`: a :class:`~.tasks.TaskRunner` with balance evidence for creates
  whose outcome is unknown.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from soundclone_desktop.core.jobs import Job
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import LibraryError, TaskLibrary
from soundclone_desktop.store.voices import VoiceLibrary, VoiceLibraryError

from .balance_watch import BalanceWatch, balance_reader
from .estimator import FinishEstimator
from .intent import RecordGuard, RecordUnavailableError
from .recorder import Estimator, JobRecorder
from .schedule import PollPolicy
from .tasks import TaskRunner
from .voice_usage import VoiceRecords, VoiceUsageRecorder

if TYPE_CHECKING:
    from soundclone_desktop.api.client import SoundCloneClient

log = logging.getLogger(__name__)

Listener = Callable[[Job], None]
VoiceMode = Literal["open", "when-present"]


class JobListeners:
    """Calls every listener on each change of each job, in the order they were added.

    A listener's failure is logged and does not hide the job from the others; a refusal to
    record (:class:`RecordUnavailableError`) is raised once all have run, so the runner
    sends nothing.
    """

    def __init__(self, listeners: list[Listener] | None = None) -> None:
        self._listeners: list[Listener] = list(listeners or [])

    def add(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def __call__(self, job: Job) -> None:
        refusal: RecordUnavailableError | None = None
        for listener in list(self._listeners):
            try:
                listener(job)
            except RecordUnavailableError as exc:
                refusal = refusal or exc
            except Exception:
                log.exception("Could not record job %s (listener %r)", job.local_id, listener)
        if refusal is not None:
            raise refusal


def build_runner(
    client: SoundCloneClient,
    results_dir: Path,
    *,
    policy: PollPolicy,
    estimator: FinishEstimator,
    on_update: Listener,
    before_create: Callable[[Job], Awaitable[None]] | None = None,
) -> TaskRunner:
    """A runner reporting to ``on_update``, with balance evidence for unknown outcomes;
    ``before_create(job)`` is awaited before each create (see :meth:`Workspace.durable`)."""
    return TaskRunner(
        client,
        results_dir,
        policy=policy,
        estimator=estimator,
        on_update=on_update,
        balance=BalanceWatch(balance_reader(client)),
        before_create=before_create,
    )


def open_task_library(data_dir: Path) -> tuple[TaskLibrary | None, Exception | None]:
    """The task library in the data folder, or None (logged) and why it cannot be opened."""
    try:
        return TaskLibrary(paths.library_path(data_dir)), None
    except (LibraryError, OSError, sqlite3.Error) as exc:
        log.warning("Could not open the task library; nothing can be sent until it can: %s", exc)
        return None, exc


def open_voice_library(data_dir: Path) -> VoiceLibrary:
    """The voice library in the data folder (created if missing); raises
    :class:`VoiceLibraryError` or :class:`OSError`."""
    return VoiceLibrary(paths.voice_library_path(data_dir), paths.voices_dir(data_dir))


class VoiceLibraryWhenPresent:
    """Voice records that open the library for each write, and only if its file exists: a
    run with a voice that was never cloned here leaves no library file behind."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def mark_used(self, model_id: str, at: float, *, demo: bool | None = None) -> bool:
        if not paths.voice_library_path(self.data_dir).exists():
            return False
        with open_voice_library(self.data_dir) as library:
            return library.mark_used(model_id, at, demo=demo)

    def mark_expired(self, model_id: str, *, demo: bool | None = None) -> bool:
        if not paths.voice_library_path(self.data_dir).exists():
            return False
        with open_voice_library(self.data_dir) as library:
            return library.mark_expired(model_id, demo=demo)


class Workspace:
    """The task library, voice library and job listeners of one data folder.

    ``base_url()`` and ``demo()`` say where jobs run now (read at each job's first update, so
    one workspace follows a session that reconnects); ``estimate(job)`` is the cost recorded
    before paying.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        tasks: TaskLibrary | None,
        tasks_error: BaseException | None = None,
        voice_library: VoiceLibrary | None = None,
        voice_records: VoiceRecords | None = None,
        base_url: Callable[[], str],
        demo: Callable[[], bool],
        estimate: Estimator | None = None,
        background_writes: bool = False,
    ) -> None:
        self.data_dir = data_dir
        # The task library written on its own thread (a GUI's runners then await durable()).
        self._background = background_writes
        self._main_recorder: JobRecorder | None = None
        self.tasks = tasks
        self.tasks_error = tasks_error
        self.voice_library = voice_library
        self._owns_tasks = True
        self._base_url, self._demo, self._estimate = base_url, demo, estimate
        # First: the intent is written before anything else runs.
        self.listeners = JobListeners([self._record_listener()])
        records = voice_library if voice_records is None else voice_records
        if records is not None:
            self.listeners.add(VoiceUsageRecorder(records, demo=demo))

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        base_url: Callable[[], str],
        demo: Callable[[], bool],
        estimate: Estimator | None = None,
        voices: VoiceMode = "open",
        tasks: TaskLibrary | None = None,
        background_writes: bool = False,
    ) -> Workspace:
        """Open the libraries of ``data_dir``. A task library that cannot be opened leaves
        ``tasks`` None and every create refused (see :meth:`require_tasks`); a voice library
        that cannot be opened is logged and left out. ``voices="when-present"`` opens the
        voice library only to record a use, and only if it exists. ``tasks``: a task library
        the caller has open already (and closes itself)."""
        error: Exception | None = None
        owned = tasks is None
        if tasks is None:
            tasks, error = open_task_library(data_dir)
        library: VoiceLibrary | None = None
        records: VoiceRecords | None = None
        if voices == "open":
            try:
                library = open_voice_library(data_dir)
            except (VoiceLibraryError, OSError):
                log.exception("Could not open the voice library")
        else:
            records = VoiceLibraryWhenPresent(data_dir)
        opened = cls(
            data_dir,
            tasks=tasks,
            tasks_error=error,
            voice_library=library,
            voice_records=records,
            base_url=base_url,
            demo=demo,
            estimate=estimate,
            background_writes=background_writes,
        )
        opened._owns_tasks = owned
        return opened

    def require_tasks(self) -> TaskLibrary:
        """The task library; raises :class:`RecordUnavailableError` (why, in a sentence)
        when it cannot be opened, for a front end that stops before sending anything."""
        if self.tasks is None:
            folder = paths.library_path(self.data_dir).parent
            raise RecordUnavailableError.from_exception(folder, self.tasks_error or OSError())
        return self.tasks

    def runner(
        self, client: SoundCloneClient, results_dir: Path, *, policy: PollPolicy,
        estimator: FinishEstimator,
    ) -> TaskRunner:  # fmt: skip
        """A runner whose every job is recorded here."""
        return build_runner(
            client, results_dir, policy=policy, estimator=estimator, on_update=self.listeners
        )

    def close(self) -> None:
        if self.voice_library is not None:
            self.voice_library.close()
        if self.tasks is not None and self._owns_tasks:
            self.tasks.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    async def durable(self, job: Job) -> None:
        """Once ``job``'s intent is on disk: a runner's ``before_create`` when the workspace
        writes in the background (``background_writes``); raises
        :class:`RecordUnavailableError` when it could not be written."""
        if self._main_recorder is not None:
            await self._main_recorder.durable(job)

    def _record_listener(self) -> Listener:
        if self.tasks is not None:
            self._main_recorder = self._recorder(self.tasks, background=self._background)
            return self._main_recorder
        data_dir = self.data_dir

        # No record, no create: each create tries the library again (space may have been
        # freed) and is refused with the reason while it still cannot be written.
        def reopen() -> JobRecorder:
            opened, error = open_task_library(data_dir)
            if opened is None:
                raise error or LibraryError("The task library cannot be opened.")
            return self._recorder(opened)

        folder = paths.library_path(data_dir).parent
        return RecordGuard(folder, self.tasks_error or OSError(), reopen)

    def _recorder(self, library: TaskLibrary, *, background: bool = False) -> JobRecorder:
        return JobRecorder(
            library, base_url=self._base_url, demo=self._demo, estimate=self._estimate,
            background=background,
        )  # fmt: skip
