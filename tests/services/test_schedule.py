"""The polling arithmetic: first poll at the estimate, gentle growth, backoff, long tasks."""

from __future__ import annotations

import itertools
import random

import pytest

from soundclone_desktop.services.schedule import PollPolicy, TaskTimer

POLICY = PollPolicy()


def test_defaults_follow_the_reference() -> None:
    assert POLICY.min_interval == 5.0
    assert (POLICY.interval, POLICY.max_interval) == (5.0, 10.0)
    assert POLICY.backoff_max == 60.0
    assert POLICY.long_after == 30 * 60


def test_first_poll_a_little_after_the_estimate_but_never_before_min_interval() -> None:
    # Too early costs a whole interval, late only the lateness: aim 10% past the estimate.
    assert POLICY.first_poll_margin == 0.1
    assert POLICY.first_poll_delay(12.0) == pytest.approx(13.2)
    assert POLICY.first_poll_delay(1.0) == 5.0
    assert POLICY.first_poll_delay(None) == 5.0
    timer = TaskTimer.start(POLICY, now=100.0, expected_duration=12.0)
    assert timer.next_at == pytest.approx(113.2)
    timer.reaim(8.0)  # a finished task changed the estimate before the first poll
    assert timer.next_at == pytest.approx(108.8)
    timer.polling(108.8)
    timer.reaim(20.0)  # too late: polling has its own rhythm now
    assert timer.next_at == pytest.approx(108.8)
    with pytest.raises(ValueError):
        PollPolicy(first_poll_margin=-0.1)


def test_a_poll_that_queued_behind_others_counts_as_on_time() -> None:
    timer = TaskTimer.start(POLICY, now=0.0, expected_duration=10.0)  # due at 11
    timer.polling(30.0)  # 19 s late: 200 tasks wanted a poll at once
    assert timer.finished_span(30.2) == (pytest.approx(11.2), None)
    timer = TaskTimer.start(POLICY, now=0.0, expected_duration=10.0)
    timer.polling(11.0)
    timer.pending(11.1, random.Random(0))
    timer.polling(timer.next_at + 3.0)
    done, pending = timer.finished_span(timer.last_poll_at + 0.1)  # type: ignore[operator]
    assert pending == pytest.approx(11.1) and done == pytest.approx(timer.due_at + 0.1)  # type: ignore[operator]


def test_interval_grows_gently_to_the_cap() -> None:
    gaps: list[float] = []
    previous = None
    for _ in range(8):
        previous = POLICY.next_interval(previous)
        gaps.append(previous)
    assert gaps[0] == 5.0
    assert gaps == sorted(gaps)
    assert gaps[-1] == 10.0
    assert all(b / a <= POLICY.growth + 1e-9 for a, b in itertools.pairwise(gaps))


def test_pending_gaps_stay_within_bounds_with_jitter() -> None:
    rng = random.Random(1)
    timer = TaskTimer.start(POLICY, 0.0, None)
    now = timer.next_at
    for _ in range(50):
        timer.polling(now)
        answered = now + 0.3
        gap = timer.pending(answered, rng)
        assert POLICY.min_interval <= timer.next_at - now
        assert gap <= POLICY.max_interval
        now = timer.next_at


def test_backoff_doubles_to_sixty_seconds_and_obeys_retry_after() -> None:
    assert [POLICY.backoff(n) for n in range(1, 7)] == [5, 10, 20, 40, 60, 60]
    assert POLICY.backoff(1, retry_after=30) == 30
    assert POLICY.backoff(1, retry_after=3600) == 60  # a silly Retry-After is capped


def test_error_then_success_resets_the_backoff() -> None:
    rng = random.Random(0)
    timer = TaskTimer.start(POLICY, 0.0, 5.0)
    for expected in (5, 10, 20):
        timer.polling(timer.next_at)
        assert timer.failed(timer.next_at) == expected
    timer.polling(timer.next_at)
    timer.pending(timer.next_at, rng)
    assert timer.failures == 0
    assert timer.failed(timer.next_at) == 5


def test_even_a_short_backoff_never_polls_sooner_than_min_interval() -> None:
    policy = PollPolicy(min_interval=5, interval=5, backoff_initial=1, backoff_max=60)
    assert policy.backoff(1) == 5
    timer = TaskTimer.start(policy, 0.0, None)
    timer.polling(5.0)
    timer.failed(5.1)
    assert timer.next_at - 5.0 >= policy.min_interval


def test_long_tasks_are_flagged_and_polled_slowly_not_abandoned() -> None:
    rng = random.Random(0)
    timer = TaskTimer.start(POLICY, 0.0, None)
    assert not timer.is_long(1799.0)
    assert timer.is_long(1800.0)
    timer.polling(1800.0)
    assert timer.pending(1800.5, rng) == POLICY.long_interval
    assert timer.next_at == pytest.approx(1860.5)
    timer.polling(timer.next_at)
    assert timer.failed(timer.next_at) >= POLICY.long_interval


def test_demo_policy_is_fast_but_still_paced() -> None:
    demo = PollPolicy.for_demo()
    assert demo.min_interval <= 1.0 < POLICY.min_interval
    assert demo.min_gap > 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_interval": 0},
        {"interval": 2.0},  # below min_interval
        {"max_interval": 4.0},
        {"growth": 0.5},
        {"jitter": 1.0},
        {"max_concurrent": 0},
        {"backoff_max": 1.0},
        {"long_interval": 1.0},
    ],
)
def test_invalid_policies_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        PollPolicy(**kwargs)  # type: ignore[arg-type]
