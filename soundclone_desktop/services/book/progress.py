"""Progress of a render as plain snapshots: per chapter and for the book, with an ETA.

The ETA is learnt from the render itself: wall seconds of rendering per billable character
(the queue's throughput with its tasks in flight, not one task's latency). Before the first
task finishes it is seeded by the runner's finish estimator (a task's expected duration
spread over the tasks in flight at once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from soundclone_desktop.core.book.takes import SegmentKey


class QueueState(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"  # no new creates; tasks in flight go on and are adopted
    STOPPING = "stopping"  # cancelled, budget reached or a stop error: no new creates
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ChapterProgress:
    chapter_id: str
    title: str
    total: int  # segments of the selection in this chapter that need a task
    done: int  # of those, rendered with a current take
    failed: int
    in_flight: int
    audio_seconds: float  # of the rendered ones
    spent: Decimal | None  # what the rendered ones cost (estimate at the current prices)

    @property
    def complete(self) -> bool:
        return self.done == self.total


@dataclass(frozen=True, slots=True)
class RenderProgress:
    state: QueueState
    chapters: tuple[ChapterProgress, ...]
    total: int
    done: int
    failed: int
    in_flight: int
    audio_seconds: float
    spent: Decimal | None
    spent_this_run: Decimal | None  # tasks sent by this run (the budget counts these)
    remaining_chars: int  # billable characters still to render in this run
    eta_seconds: float | None  # None: nothing learnt yet and no estimator
    seconds_per_char: float | None  # the learnt wall seconds per billable character
    currency: str


class RateLearner:
    """Wall seconds of rendering per billable character, learnt while the queue is busy.

    Time counts only while at least one task is in flight (a paused, idle queue learns
    nothing); each finished task adds its characters.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._busy_since: float | None = None
        self._busy_seconds = 0.0
        self._chars = 0

    def busy(self, in_flight: int) -> None:
        """Tell how many tasks are in flight now (call at every change)."""
        now = self._clock()
        if self._busy_since is not None:
            self._busy_seconds += now - self._busy_since
        self._busy_since = now if in_flight > 0 else None

    def finished(self, chars: int) -> None:
        self._chars += chars

    @property
    def seconds_per_char(self) -> float | None:
        if self._chars <= 0:
            return None
        busy = self._busy_seconds
        if self._busy_since is not None:
            busy += self._clock() - self._busy_since
        return busy / self._chars


def eta(
    remaining_chars: int,
    learnt: float | None,
    seed: Callable[[int], float] | None,
    average_chars: int,
    concurrency: int,
) -> float | None:
    """Seconds until ``remaining_chars`` are rendered: the learnt rate, else the seed (one
    task's expected duration, ``concurrency`` at a time)."""
    if remaining_chars <= 0:
        return 0.0
    if learnt is not None:
        return remaining_chars * learnt
    if seed is None or average_chars <= 0:
        return None
    tasks = -(-remaining_chars // average_chars)
    rounds = -(-tasks // max(1, concurrency))
    return rounds * seed(average_chars)


def chapter_progress(
    chapter_id: str,
    title: str,
    keys: Iterable[SegmentKey],
    done: dict[SegmentKey, tuple[float, Decimal | None]],
    failed: set[SegmentKey],
    in_flight: set[SegmentKey],
) -> ChapterProgress:
    """One chapter's figures; ``done`` maps a rendered segment to (seconds, price)."""
    keys = list(keys)
    seconds = 0.0
    spent: Decimal | None = Decimal(0)
    count = 0
    for key in keys:
        if key in done:
            count += 1
            audio, price = done[key]
            seconds += audio
            spent = None if spent is None or price is None else spent + price
    return ChapterProgress(
        chapter_id=chapter_id,
        title=title,
        total=len(keys),
        done=count,
        failed=sum(1 for k in keys if k in failed),
        in_flight=sum(1 for k in keys if k in in_flight),
        audio_seconds=round(seconds, 3),
        spent=spent,
    )
