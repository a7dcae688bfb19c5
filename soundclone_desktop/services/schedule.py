"""When to poll a task: the policy and the per-task timing arithmetic (no I/O, no clock).

Every function takes ``now`` as a number, so the rules are tested with plain arithmetic
and the runner feeds them whatever clock it was given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PollPolicy:
    """How often and how hard the runner may poll. Times are seconds.

    The defaults follow the API reference (§3, §6): poll each task every 5–10 s, avoid
    bursts, give up waiting at about 30 min. We never give up on a paid result, though:
    past ``long_after`` a task is flagged and polled every ``long_interval`` instead.
    """

    min_interval: float = 5.0  # never two polls of one task closer than this
    # The first poll comes this fraction after the estimated finish: a poll that comes too
    # early costs a whole interval, one that comes late only its lateness.
    first_poll_margin: float = 0.1
    interval: float = 5.0  # first gap after the estimated finish...
    max_interval: float = 10.0  # ...growing gently up to this
    growth: float = 1.25
    jitter: float = 0.15  # fraction of an interval removed at random, to stagger tasks
    min_gap: float = 0.5  # between any two poll requests of the runner
    max_concurrent: int = 3  # poll requests in flight at once
    max_concurrent_downloads: int = 2
    backoff_initial: float = 5.0
    backoff_max: float = 60.0
    long_after: float = 1800.0  # flag "taking unusually long" after this since submission
    long_interval: float = 60.0
    # Bounds: past any of these a job ends "needs your attention" instead of going on for ever.
    max_failures: int = 20  # transient errors in a row (polls or downloads): ~17 min of backoff
    max_odd_answers: int = 6  # answers in a row with an unknown status, or done without a link
    max_broken_links: int = 2  # audio links that fail for good (404, file://): one fresh try
    give_up_after: float = 6 * 3600.0  # since submission

    def __post_init__(self) -> None:
        if self.min_interval <= 0 or self.min_gap < 0 or self.first_poll_margin < 0:
            raise ValueError(
                "min_interval must be positive, min_gap and first_poll_margin not negative"
            )
        if not self.min_interval <= self.interval <= self.max_interval:
            raise ValueError("need min_interval <= interval <= max_interval")
        if self.growth < 1 or not 0 <= self.jitter < 1:
            raise ValueError("growth must be >= 1 and jitter in [0, 1)")
        if self.max_concurrent < 1 or self.max_concurrent_downloads < 1:
            raise ValueError("concurrency limits must be at least 1")
        if self.backoff_initial <= 0 or self.backoff_max < self.backoff_initial:
            raise ValueError("need 0 < backoff_initial <= backoff_max")
        if self.long_interval < self.min_interval:
            raise ValueError("long_interval must be >= min_interval")
        if min(self.max_failures, self.max_odd_answers, self.max_broken_links) < 1:
            raise ValueError("the max_* limits must be at least 1")
        if self.give_up_after < self.long_after:
            raise ValueError("give_up_after must be >= long_after")

    @classmethod
    def for_demo(cls) -> PollPolicy:
        """Fast polling for the embedded demo server.

        The reference's 5–10 s is a courtesy to a shared, rate-limited cloud service. The
        demo server runs on 127.0.0.1, belongs to this process, has no rate limit and
        finishes tasks in seconds, so waiting 5 s there would only make a newcomer's first
        minutes (and every test) slow. Never use this against a real host.
        """
        return cls(
            min_interval=1.0, interval=1.0, max_interval=2.0, min_gap=0.02, max_concurrent=8,
            max_concurrent_downloads=4, backoff_initial=0.5, backoff_max=5.0,
            long_after=300.0, long_interval=5.0, give_up_after=1800.0,
        )  # fmt: skip

    def first_poll_delay(self, expected_duration: float | None) -> float:
        """Seconds after submission for the first poll: a little after the estimate
        (``first_poll_margin``), never sooner than ``min_interval``."""
        aim = (expected_duration or 0.0) * (1.0 + self.first_poll_margin)
        return max(self.min_interval, aim)

    def next_interval(self, previous: float | None) -> float:
        """The gap after a pending answer, growing from ``interval`` to ``max_interval``."""
        if previous is None:
            return self.interval
        return min(self.max_interval, max(self.interval, previous * self.growth))

    def backoff(self, failures: int, retry_after: float | None = None) -> float:
        """The wait after ``failures`` consecutive errors (1 = the first)."""
        delay = self.backoff_initial * 2.0 ** max(0, failures - 1)
        delay = min(self.backoff_max, delay)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max))
        return max(self.min_interval, delay)


@dataclass
class TaskTimer:
    """Poll timing for one task. ``next_at`` is when it may be polled next."""

    policy: PollPolicy
    submitted_at: float
    next_at: float
    interval: float | None = None  # the last pending gap; None before the first answer
    failures: int = 0
    last_poll_at: float | None = None  # start of the latest poll request
    due_at: float | None = None  # when the latest poll was planned (it may queue behind others)
    last_pending_at: float | None = None  # when a poll last saw the task unfinished

    @classmethod
    def start(cls, policy: PollPolicy, now: float, expected_duration: float | None) -> TaskTimer:
        return cls(policy, now, now + policy.first_poll_delay(expected_duration))

    def reaim(self, expected_duration: float | None) -> None:
        """Move the first poll to a new estimate (nothing changes once a poll was made)."""
        if self.last_poll_at is None:
            self.next_at = self.submitted_at + self.policy.first_poll_delay(expected_duration)

    def polling(self, now: float) -> None:
        """A poll request starts now."""
        self.last_poll_at = now
        self.due_at = self.next_at

    def finished_span(self, now: float) -> tuple[float, float | None]:
        """For a task seen done by the poll answered at ``now``: seconds from submission
        until it was seen done, and until it was last seen running (None: never).

        A poll that waited its turn behind other tasks' polls (``min_gap``) is counted as if
        it had come when planned: what the queue added says nothing about the task, and
        it would teach the estimator a duration longer than any task took.
        """
        late = 0.0
        if self.last_poll_at is not None and self.due_at is not None:
            late = max(0.0, self.last_poll_at - self.due_at)
        pending = None if self.last_pending_at is None else self.last_pending_at - self.submitted_at
        done = now - late - self.submitted_at
        return (done if pending is None else max(done, pending)), pending

    def pending(self, now: float, rng: random.Random) -> float:
        """The task is still queued or processing; returns the chosen gap."""
        self.failures = 0
        self.last_pending_at = now
        self.interval = self.policy.next_interval(self.interval)
        gap = self.interval
        if self.is_long(now):
            gap = self.policy.long_interval
        else:
            gap *= 1.0 - self.policy.jitter * rng.random()
        self._schedule(now, gap)
        return gap

    def failed(self, now: float, retry_after: float | None = None) -> float:
        """A poll (or download) failed transiently; returns the backoff chosen."""
        self.failures += 1
        delay = self.policy.backoff(self.failures, retry_after)
        if self.is_long(now):
            delay = max(delay, self.policy.long_interval)
        self._schedule(now, delay)
        return delay

    def is_long(self, now: float) -> bool:
        return now - self.submitted_at >= self.policy.long_after

    def _schedule(self, now: float, gap: float) -> None:
        earliest = self.last_poll_at if self.last_poll_at is not None else now
        self.next_at = max(now + gap, earliest + self.policy.min_interval)
