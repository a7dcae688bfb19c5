"""FinishEstimator: a sensible prior, then learning base latency and seconds per character."""

from __future__ import annotations

import pytest

from soundclone_desktop.services.estimator import FinishEstimator, finish_observation
from soundclone_desktop.services.schedule import PollPolicy


def test_prior_before_any_task() -> None:
    est = FinishEstimator()
    assert est.observations() == 0
    short, long = est.expected_duration(10), est.expected_duration(5000)
    assert 2 < short < long < 120
    assert est.expected_duration(100, "preview") > est.expected_duration(100, "audio")


def test_learns_base_and_per_char_from_varied_lengths() -> None:
    est = FinishEstimator({"audio": (10.0, 0.02)})  # a wrong prior: 5x too slow
    for _ in range(15):
        for chars in (50, 400, 1200, 3000):
            est.observe(chars, 2.0 + 0.005 * chars)
    model = est.model()
    assert model.base == pytest.approx(2.0, abs=0.2)
    assert model.per_char == pytest.approx(0.005, rel=0.05)
    assert est.expected_duration(2000) == pytest.approx(12.0, rel=0.05)


def test_same_length_tasks_converge_on_their_duration() -> None:
    est = FinishEstimator()
    for _ in range(12):
        est.observe(200, 3.0)
    assert est.expected_duration(200) == pytest.approx(3.0, rel=0.05)
    # The slope stays sane: a longer text is predicted to take longer, not less.
    assert est.expected_duration(2000) >= est.expected_duration(200)


def test_recent_tasks_count_most() -> None:
    est = FinishEstimator()
    for _ in range(10):
        est.observe(300, 5.0)
    for _ in range(6):
        est.observe(300, 20.0)  # the server got busy
    assert est.expected_duration(300) > 17.0


def test_kinds_are_learnt_separately() -> None:
    est = FinishEstimator()
    before = est.expected_duration(44, "preview")
    for _ in range(5):
        est.observe(100, 1.0, "audio")
    assert est.expected_duration(44, "preview") == before
    assert est.observations("audio") == 5 and est.observations("preview") == 0


def test_never_negative_and_ignores_nonsense() -> None:
    est = FinishEstimator()
    for _ in range(10):
        est.observe(10, 0.01)
        est.observe(5000, 0.02)
    assert est.model().base >= 0 and est.model().per_char >= 0
    est.observe(100, -1.0)
    est.observe(100, float("nan"))
    assert est.observations() == 20


def test_alpha_is_validated() -> None:
    with pytest.raises(ValueError):
        FinishEstimator(alpha=0)


def test_censored_observation() -> None:
    # Seen pending at 8 s and done at 10 s: it finished at about 9 s.
    assert finish_observation(10.0, 8.0) == 9.0
    # Done at the first poll: the true time is below it, so the estimate may shrink.
    assert finish_observation(10.0, None) < 10.0


def test_an_overestimate_shrinks_when_first_polls_find_tasks_done() -> None:
    est = FinishEstimator({"audio": (30.0, 0.0)})
    true_duration = 4.0
    for _ in range(40):
        first_poll = max(1.0, est.expected_duration(100))
        if first_poll >= true_duration:
            est.observe(100, finish_observation(first_poll, None))
        else:  # a poll caught it running, the next one (1 s later) saw it done
            est.observe(100, finish_observation(first_poll + 1.0, first_poll))
    assert est.expected_duration(100) == pytest.approx(true_duration, abs=1.0)


def _play(est: FinishEstimator, durations: list[float]) -> list[tuple[float, float]]:
    """Tasks of 300 characters, one at a time, polled as the runner polls them; returns
    (first poll, estimate after it) per task."""
    policy = PollPolicy()
    seen: list[tuple[float, float]] = []
    for true in durations:
        first = policy.first_poll_delay(est.expected_duration(300))
        done, pending = first, None
        while done < true:  # still running: the next look comes one interval later
            pending, done = done, done + policy.interval
        est.observe_finish(300, done, pending)
        seen.append((first, est.expected_duration(300)))
    return seen


def test_repeated_ten_second_tasks_converge_without_swinging() -> None:
    seen = _play(FinishEstimator(), [10.0] * 40)[10:]
    estimates = [estimate for _first, estimate in seen]
    assert max(estimates) / min(estimates) < 1.12, estimates  # a small sawtooth, no swings
    assert min(estimates) > 8.5 and max(estimates) < 10.5, estimates
    first_polls = [first for first, _estimate in seen]
    on_time = [first for first in first_polls if 10.0 <= first <= 11.0]
    assert len(on_time) >= 20, first_polls  # most found it done, at most 1 s late


def test_an_overestimate_collapses_and_a_change_of_pace_is_followed() -> None:
    seen = _play(FinishEstimator({"audio": (30.0, 0.0)}), [10.0] * 10)
    assert seen[7][0] < 11.0  # from 33 s to the truth in a handful of tasks
    faster = _play(FinishEstimator(), [20.0] * 20 + [10.0] * 12)[20:]
    assert faster[-1][0] < 12.0, faster
    slower = _play(FinishEstimator(), [10.0] * 20 + [20.0] * 12)[20:]
    assert 19.0 < slower[-1][0] < 23.0, slower


def test_bounds_narrow_an_observation_and_contradicted_ones_are_dropped() -> None:
    est = FinishEstimator({"audio": (10.0, 0.0)})
    assert est.observe_finish(300, 11.0, None) == 5.5  # nothing known yet: half
    assert est.observe_finish(300, 14.8, 9.8) == pytest.approx(10.4)  # done by 11 (above)
    assert est.observe_finish(300, 11.0, None) == pytest.approx(9.8)  # running at 9.8
    # A task done before the remembered "still running" time: that bound no longer holds.
    assert est.observe_finish(300, 9.0, None) == 4.5
    assert est.observe_finish(300, 10.0, None) == 5.0
