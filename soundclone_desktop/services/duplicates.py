"""Whether a script about to be sent repeats a task already paid for: ask before paying twice.

"The same" means the same create request: ``ProductionParams.to_json()`` is what the server
bills, so equal bodies are equal text (pause markers included), voice and every production
parameter, while a parameter left at its default and one set to that default compare equal.

An earlier job counts while it is still running (whenever it was created: a resumed task
too) and, once it has ended, for :data:`REPEAT_WINDOW_SECONDS` after it was created. A
``failed`` job never counts: nothing usable came of it, so sending again is the normal
next step. ``outcome_unknown`` and ``cancelled`` do count: the first may have been
created and charged, the second still runs on the server.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol, TypeVar

from soundclone_desktop.core.jobs import JobKind, JobState, Params
from soundclone_desktop.core.params import ProductionParams

REPEAT_WINDOW_SECONDS: Final = 10 * 60
"""Long enough to cover a double-click, a second shortcut press, or "did it go?" a few
minutes later; short enough that a deliberate new take later in the day is not questioned."""


class Sent(Protocol):
    """What the rule reads of an earlier task: a live ``Job``, or a task library record."""

    @property
    def kind(self) -> JobKind: ...

    @property
    def state(self) -> JobState: ...

    @property
    def params(self) -> Params | None: ...

    @property
    def created_at(self) -> float: ...


S = TypeVar("S", bound=Sent)


def earlier_same_task(
    params: ProductionParams,
    jobs: Iterable[S],
    *,
    now: float,
    window: float = REPEAT_WINDOW_SECONDS,
) -> S | None:
    """The newest task in ``jobs`` that ``params`` would repeat, or None.

    ``now`` is wall-clock time (``time.time()``), the clock of ``created_at``.
    """
    body = params.to_json()
    for job in sorted(jobs, key=lambda j: j.created_at, reverse=True):
        if not _counts(job, now=now, window=window):
            continue
        earlier = job.params
        if isinstance(earlier, ProductionParams) and earlier.to_json() == body:
            return job
    return None


def _counts(job: Sent, *, now: float, window: float) -> bool:
    if job.kind is not JobKind.AUDIO or job.state is JobState.FAILED:
        return False
    return not job.state.is_terminal or now - job.created_at <= window
