"""How long a task will take, learnt from the tasks that finished.

The model is ``seconds = base + per_char * characters``, fitted by an exponentially
weighted least-squares regression, so recent tasks count most and the estimate follows
the server's load. A prior (a pseudo-observation that decays like any other, plus a
weak ridge pull on the slope that never decays) gives sensible numbers before the first
task and keeps the slope stable when every task has about the same length.

Previews and production audio are learnt separately (``kind``): cloning a voice has its
own fixed cost.

Observations are interval-censored: a poll only shows that a task finished between the
last poll that saw it pending and the poll that saw it done. :func:`finish_observation`
turns that into one number; see its docstring for why it matters.
:meth:`FinishEstimator.observe_finish` also remembers the latest bounds, so the estimate
settles instead of swinging (see there).
"""

from __future__ import annotations

from dataclasses import dataclass

# Priors for the real service, whose typical completion time is undocumented (reference
# §6): a few seconds of queueing plus ~10 ms of synthesis per character. Two or three
# finished tasks outweigh them.
DEFAULT_PRIORS: dict[str, tuple[float, float]] = {
    "audio": (6.0, 0.01),
    "preview": (15.0, 0.01),
}
_REFERENCE_CHARS = 300.0  # where the prior pseudo-observation sits
_RIDGE = 100.0**2  # slope prior worth one observation 100 characters from the mean: weak
# A lower bound learnt from a task seen pending fades with each task found done at its first
# poll: by 2% after the first, 4% after the next, and so on (about 25% after 5, 45% after 7),
# so a server that got faster is noticed within a handful of tasks.
_FLOOR_FADE = 0.02


@dataclass(frozen=True)
class Model:
    """A fitted line: ``seconds(chars) = base + per_char * chars``."""

    base: float
    per_char: float

    def seconds(self, chars: int) -> float:
        return self.base + self.per_char * max(chars, 0)


@dataclass
class _Moments:
    """Exponentially weighted sums for a one-variable regression (West's update)."""

    weight: float
    mean_x: float
    mean_y: float
    sxx: float = 0.0
    sxy: float = 0.0
    count: int = 0

    def add(self, x: float, y: float, decay: float) -> None:
        self.weight *= decay
        self.sxx *= decay
        self.sxy *= decay
        self.weight += 1.0
        dx = x - self.mean_x
        self.mean_x += dx / self.weight
        self.mean_y += (y - self.mean_y) / self.weight
        self.sxx += dx * (x - self.mean_x)
        self.sxy += dx * (y - self.mean_y)
        self.count += 1


@dataclass
class _Bound:
    """A recent bound: a task of ``chars`` characters was still running at ``seconds`` (a
    lower bound), or done by then (an upper bound)."""

    seconds: float
    chars: int
    hits: int = 0  # for a lower bound: tasks found done at their first poll since


class FinishEstimator:
    """Learns seconds per character (and a base latency) per task kind."""

    def __init__(
        self,
        priors: dict[str, tuple[float, float]] | None = None,
        *,
        alpha: float = 0.3,
    ) -> None:
        if not 0.0 < alpha <= 1.0:
            raise ValueError("alpha must be in (0, 1]")
        self._priors = dict(DEFAULT_PRIORS if priors is None else priors)
        self._decay = 1.0 - alpha
        self._moments: dict[str, _Moments] = {}
        self._floors: dict[str, _Bound] = {}
        self._ceilings: dict[str, _Bound] = {}

    def model(self, kind: str = "audio") -> Model:
        """The current fit for ``kind`` (the prior when nothing was observed)."""
        prior_base, prior_slope = self._prior(kind)
        m = self._moments.get(kind)
        if m is None:
            return Model(prior_base, prior_slope)
        slope = max(0.0, (m.sxy + _RIDGE * prior_slope) / (m.sxx + _RIDGE))
        base = m.mean_y - slope * m.mean_x
        if base < 0.0:
            # Never predict a negative fixed cost: refit the slope through the origin.
            base = 0.0
            slope = m.mean_y / m.mean_x if m.mean_x > 0 else slope
        return Model(base, slope)

    def expected_duration(self, chars: int, kind: str = "audio") -> float:
        """Seconds from submission to completion for a task of ``chars`` characters."""
        return max(0.0, self.model(kind).seconds(chars))

    def observe(self, chars: int, seconds: float, kind: str = "audio") -> None:
        """Learn from a task of ``chars`` characters that took ``seconds`` to finish."""
        if seconds < 0 or chars < 0 or seconds != seconds:  # NaN guard
            return
        m = self._moments.get(kind)
        if m is None:
            base, slope = self._prior(kind)
            m = _Moments(
                weight=1.0, mean_x=_REFERENCE_CHARS, mean_y=base + slope * _REFERENCE_CHARS
            )
            self._moments[kind] = m
        m.add(float(chars), float(seconds), self._decay)

    def observe_finish(
        self, chars: int, done_at: float, pending_at: float | None, kind: str = "audio"
    ) -> float:
        """Learn from a task seen done ``done_at`` seconds after submission and last seen
        running at ``pending_at`` (None: its first poll found it done). Returns the duration
        learnt.

        On their own these bounds make the estimate swing (8.5, 11.5, 6.5 s for a steady
        10 s): a task done at its first poll, halved, drags it far below the truth, the next
        first polls come too early and each costs a whole interval, and the midpoints of
        those intervals overshoot. So the latest bounds of other tasks (scaled to this
        task's length along the fit) narrow each observation:

        - done at its first poll: at least the latest "still running" time, not half;
        - seen running, then done: at most the latest "already done" time.

        The first poll, aimed a little after the estimate, then settles just after the true
        time. The lower bound fades with every task found done at its first poll (see
        ``_FLOOR_FADE``), so a server that got faster still pulls the estimate down within a
        few tasks; a bound another task contradicts is dropped (noise, or a change of pace);
        without one (at the start) halving collapses an over-estimate fast.
        """
        floor, ceiling = self._floors.get(kind), self._ceilings.get(kind)
        if pending_at is not None and pending_at < done_at:  # it finished in between
            upper = done_at
            if ceiling is not None:
                bound = self._scaled(ceiling, chars, kind)
                if bound <= pending_at:  # contradicted: noise, or the server slowed down
                    del self._ceilings[kind]
                else:
                    upper = min(upper, bound)
            seconds = finish_observation(upper, pending_at)
            self._floors[kind] = _Bound(pending_at, chars)
        else:  # done at its first poll: no later than done_at, that is all
            seconds = finish_observation(done_at, None)
            if floor is not None:
                bound = self._scaled(floor, chars, kind)
                if bound >= done_at:  # contradicted
                    del self._floors[kind]
                else:
                    seconds = max(seconds, bound)
                    floor.hits += 1
                    floor.seconds *= max(0.0, 1.0 - _FLOOR_FADE * floor.hits)
            self._ceilings[kind] = _Bound(done_at, chars)
        self.observe(chars, seconds, kind)
        return seconds

    def _scaled(self, bound: _Bound, chars: int, kind: str) -> float:
        """``bound`` moved to a task of ``chars`` characters along the current fit."""
        there = self.expected_duration(bound.chars, kind)
        return bound.seconds * (self.expected_duration(chars, kind) / there if there > 0 else 1.0)

    def observations(self, kind: str = "audio") -> int:
        m = self._moments.get(kind)
        return 0 if m is None else m.count

    def _prior(self, kind: str) -> tuple[float, float]:
        return self._priors.get(kind, DEFAULT_PRIORS["audio"])


def finish_observation(done_at: float, last_pending_at: float | None) -> float:
    """One duration (seconds since submission) for a task seen done at ``done_at``.

    The task finished somewhere in ``(last_pending_at, done_at]``; the midpoint is the
    usual estimate. When no poll ever saw it pending, the interval is ``(0, done_at]``.
    Its midpoint looks harsh but matters: the first poll sits at the estimate, so
    recording ``done_at`` would only ever push the estimate up, never down. Halving lets
    an over-estimate (a user waiting for nothing) collapse in a few tasks; once a poll
    catches a task still running, the midpoints of real intervals pull it back up.
    """
    if last_pending_at is None or last_pending_at >= done_at:
        return done_at / 2.0
    return (last_pending_at + done_at) / 2.0
