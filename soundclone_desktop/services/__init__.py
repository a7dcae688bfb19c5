"""Use cases on top of the API client (asyncio, no Qt).

The UI adapts the plain ``on_update(job)`` callbacks to Qt signals.
"""

from .estimator import FinishEstimator, Model, finish_observation
from .schedule import PollPolicy, TaskTimer
from .tasks import RunnerStoppedError, TaskClient, TaskRunner, billable_chars

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
