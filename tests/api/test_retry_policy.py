"""Backoff arithmetic, Retry-After parsing and the resend rules, with injected randomness."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from soundclone_desktop.api import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConnectError,
    ConnectionLost,
    MalformedResponseError,
    RateLimitError,
    RequestTimeout,
    RetryPolicy,
    ServerError,
    SoundCloneError,
    parse_retry_after,
)
from soundclone_desktop.api._retry import (
    RequestKind,
    may_resend,
    maybe_processed,
    provably_unprocessed,
)

NOW = 1_781_777_280.0


def test_defaults_follow_the_reference_schedule() -> None:
    policy = RetryPolicy()
    assert policy.max_attempts == 4
    no_jitter = [policy.backoff(n, rand=lambda: 0.0) for n in (1, 2, 3)]
    assert no_jitter == [5.0, 10.0, 20.0]  # reference §3: about 5 s, 10 s, 20 s


@pytest.mark.parametrize(
    ("retry", "rand", "expected"),
    [
        (1, 0.0, 1.0),
        (2, 0.0, 2.0),
        (3, 0.0, 4.0),
        (4, 0.0, 6.0),  # capped at max_delay
        (50, 0.0, 6.0),
        (5000, 0.0, 6.0),  # no overflow for absurd retry numbers
        (1, 1.0, 0.75),  # jitter 0.25: at most a quarter shorter
        (3, 0.5, 3.5),
    ],
)
def test_backoff(retry: int, rand: float, expected: float) -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=6.0, jitter=0.25)
    assert policy.backoff(retry, rand=lambda: rand) == pytest.approx(expected)


def test_full_jitter_spans_zero_to_the_delay() -> None:
    policy = RetryPolicy(base_delay=2.0, max_delay=8.0, jitter=1.0)
    assert policy.backoff(2, rand=lambda: 0.0) == 4.0
    assert policy.backoff(2, rand=lambda: 1.0) == 0.0


def test_retry_after_replaces_backoff_and_is_capped() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=6.0)
    assert policy.delay(1, RateLimitError("x", retry_after=7.0)) == 7.0
    assert policy.delay(1, ServerError("x", retry_after=600.0)) == 60.0
    assert policy.delay(2, RateLimitError("x"), rand=lambda: 0.0) == 2.0


def test_a_retry_after_in_the_past_still_waits_the_backoff() -> None:
    """Issue 11 item 7: `Retry-After: 0` or a date in the past (parsed as 0) used to mean
    "resend at once", so a skewed server clock turned the retries into a burst."""
    policy = RetryPolicy(base_delay=1.0, max_delay=6.0)
    past = parse_retry_after(format_datetime(datetime.fromtimestamp(NOW - 600, UTC), usegmt=True),
                             now=NOW)  # fmt: skip
    assert past == 0.0
    assert policy.delay(1, RateLimitError("x", retry_after=past), rand=lambda: 0.0) == 1.0
    assert policy.delay(3, ServerError("x", retry_after=0.5), rand=lambda: 0.0) == 4.0


@pytest.mark.parametrize("kwargs", [{"max_attempts": 0}, {"jitter": 1.5}, {"base_delay": -1}])
def test_policy_validates(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("1", 1.0),
        ("2.5", 2.5),
        (" 30 ", 30.0),
        ("-5", 0.0),
        ("0", 0.0),
        (format_datetime(datetime.fromtimestamp(NOW + 12, UTC), usegmt=True), 12.0),
        (format_datetime(datetime.fromtimestamp(NOW - 12, UTC), usegmt=True), 0.0),
        ("soon", None),
        ("", None),
        ("nan", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    result = parse_retry_after(header, now=NOW)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


RESEND: list[tuple[SoundCloneError, bool, bool]] = [
    # error, may a read resend it, may a create/upload resend it
    (ConnectError("x"), True, True),
    (RateLimitError("x", -1, 429, has_envelope=True), True, True),
    (RateLimitError("x", None, 429), True, True),
    (ServerError("x", -1, 200, has_envelope=True), True, True),
    (ServerError("x", -1, 500, has_envelope=True), True, True),
    (ServerError("x", None, 502), True, False),  # a gateway page: may have been forwarded
    (ServerError("x", 20000, 500, has_envelope=True), True, False),  # contradicts itself
    (RequestTimeout("x"), True, False),
    (ConnectionLost("x"), True, False),
    (MalformedResponseError("x"), True, False),
    (AuthenticationError("x", 20001), False, False),
    (BadRequestError("x", 20002), False, False),
    (APIError("x", 30001), False, False),
]


@pytest.mark.parametrize(("error", "read", "create"), RESEND)
def test_resend_rules(error: SoundCloneError, read: bool, create: bool) -> None:
    assert may_resend(error, RequestKind.READ) is read
    assert may_resend(error, RequestKind.CREATE) is create
    assert may_resend(error, RequestKind.UPLOAD) is create
    # A create that may not be resent but may have been processed: outcome unknown.
    assert maybe_processed(error) is (read and not create)


def test_provably_unprocessed() -> None:
    assert provably_unprocessed(ConnectError("x"))
    assert not provably_unprocessed(RequestTimeout("x"))
    assert not provably_unprocessed(ServerError("x"))
