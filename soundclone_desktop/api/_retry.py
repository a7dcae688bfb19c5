"""When to send a request again, and how long to wait first."""

from __future__ import annotations

import enum
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from soundclone_desktop.api._constants import (
    DEFAULT_BASE_DELAY,
    DEFAULT_JITTER,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_DELAY,
    MAX_RETRY_AFTER,
    SUCCESS_CODE,
)
from soundclone_desktop.api.errors import (
    APIError,
    ConnectError,
    RateLimitError,
    ServerError,
    SoundCloneError,
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter.

    Retry *n* (1 = the first retry) waits `min(max_delay, base_delay * 2**(n-1))`, of which
    the fraction `jitter` is randomised downwards: 0 waits exactly that long, 0.25 waits
    75–100 % of it, 1.0 is "full jitter" (0–100 %). A server's `Retry-After` (capped at
    60 s) lengthens the computed delay, never shortens it. `max_attempts` counts the first
    try.
    """

    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    base_delay: float = DEFAULT_BASE_DELAY
    max_delay: float = DEFAULT_MAX_DELAY
    jitter: float = DEFAULT_JITTER

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter must be between 0 and 1")

    def backoff(self, retry: int, rand: Callable[[], float] = random.random) -> float:
        """The computed delay before retry number *retry* (1-based)."""
        exponent = min(retry - 1, 62)  # 2**62 s is already "forever"; avoid float overflow
        delay = min(self.max_delay, self.base_delay * 2.0**exponent)
        return delay * (1.0 - self.jitter * rand())

    def delay(
        self, retry: int, error: SoundCloneError, rand: Callable[[], float] = random.random
    ) -> float:
        """The wait before retry *retry* after *error*: the longer of its Retry-After and
        the backoff. A Retry-After of 0 or in the past (a skewed clock) must not turn the
        retries into a burst, so it never waits less than the backoff."""
        backoff = self.backoff(retry, rand)
        if isinstance(error, APIError) and error.retry_after is not None:
            return max(min(error.retry_after, MAX_RETRY_AFTER), backoff)
        return backoff


NO_RETRIES = RetryPolicy(max_attempts=1)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # "-0000" dates: RFC 9110 dates are always GMT
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(seconds, 0.0)


class RequestKind(enum.Enum):
    """How safe it is to send a request twice."""

    READ = "read"  # idempotent: resend after any retryable error
    CREATE = "create"  # charged: resend only if provably unprocessed, else outcome unknown
    UPLOAD = "upload"  # not charged, but up to 100 MB: resend only if provably unprocessed


def provably_unprocessed(error: SoundCloneError) -> bool:
    """True when the server certainly did not act on the request.

    Either no connection was made, or the API itself answered with an explicit error
    (a 429, or a `-1`/5xx carrying the envelope). A bare 5xx page may come from a
    gateway that gave up after forwarding the request, so it does not count.
    """
    if isinstance(error, ConnectError | RateLimitError):
        return True
    # A 5xx whose envelope claims success contradicts itself: not proof of anything.
    return isinstance(error, ServerError) and error.has_envelope and error.code != SUCCESS_CODE


def maybe_processed(error: SoundCloneError) -> bool:
    """True when the request may have been acted on although no success answer arrived.

    Among retryable errors, exactly those without proof of non-processing: timeouts, lost
    connections, malformed answers, bare 5xx pages. Non-retryable errors (401, 20002, an
    unknown code) are explicit refusals.
    """
    return error.retryable and not provably_unprocessed(error)


def may_resend(error: SoundCloneError, kind: RequestKind) -> bool:
    """Whether a request of *kind* may be sent again after *error*."""
    if not error.retryable:
        return False
    return kind is RequestKind.READ or provably_unprocessed(error)
