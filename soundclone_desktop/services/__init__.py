"""Use cases on top of the API client (asyncio, no Qt).

The UI adapts the plain ``on_update(job)`` callbacks to Qt signals.

Public names are re-exported here and looked up on first use (PEP 562): importing one
module of the package does not load the others (start-up time, issue #17).
"""

from typing import TYPE_CHECKING

from soundclone_desktop.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from soundclone_desktop.services.estimator import (
        FinishEstimator,
        Model,
        finish_observation,
    )
    from soundclone_desktop.services.schedule import (
        PollPolicy,
        TaskTimer,
    )
    from soundclone_desktop.services.tasks import (
        RunnerStoppedError,
        TaskClient,
        TaskRunner,
        billable_chars,
    )

_WHERE = {
    "FinishEstimator": "soundclone_desktop.services.estimator",
    "Model": "soundclone_desktop.services.estimator",
    "finish_observation": "soundclone_desktop.services.estimator",
    "PollPolicy": "soundclone_desktop.services.schedule",
    "TaskTimer": "soundclone_desktop.services.schedule",
    "RunnerStoppedError": "soundclone_desktop.services.tasks",
    "TaskClient": "soundclone_desktop.services.tasks",
    "TaskRunner": "soundclone_desktop.services.tasks",
    "billable_chars": "soundclone_desktop.services.tasks",
}


__getattr__ = lazy_getattr(__name__, _WHERE)


__all__ = [
    "FinishEstimator",
    "Model",
    "PollPolicy",
    "RunnerStoppedError",
    "TaskClient",
    "TaskRunner",
    "TaskTimer",
    "billable_chars",
    "finish_observation",
]
