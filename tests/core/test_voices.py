"""The lifetime rules of a cloned voice (core/voices.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soundclone_desktop.core.voices import (
    NEAR_EXPIRY_SECONDS,
    VALIDITY_SECONDS,
    VoiceStatus,
    expires_at,
    is_near_expiry,
    refusal_means_expired,
    remaining_seconds,
    sanitise_model_id,
    split_remaining,
    voice_status,
)

T0 = 1_781_777_280.0
HOUR = 3600.0


def status(**kw: object) -> VoiceStatus:
    args: dict[str, object] = {
        "created_at": T0,
        "activated_at": None,
        "expired": False,
        "imported": False,
        "now": T0,
    }
    args.update(kw)
    return voice_status(**args)  # type: ignore[arg-type]


def test_validity_is_three_days_and_the_warning_one() -> None:
    assert VALIDITY_SECONDS == 72 * HOUR
    assert NEAR_EXPIRY_SECONDS == 24 * HOUR
    assert expires_at(T0) == T0 + 72 * HOUR


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, VoiceStatus.TEMPORARY),
        ({"now": T0 + 72 * HOUR - 1}, VoiceStatus.TEMPORARY),
        ({"now": T0 + 72 * HOUR}, VoiceStatus.EXPIRED),  # the window is half-open
        ({"activated_at": T0 + HOUR, "now": T0 + 400 * HOUR}, VoiceStatus.PERMANENT),
        ({"expired": True}, VoiceStatus.EXPIRED),  # the server's word beats our clock
        ({"expired": True, "activated_at": T0}, VoiceStatus.EXPIRED),
        ({"imported": True, "created_at": None}, VoiceStatus.UNKNOWN),
        ({"imported": True, "now": T0 + 500 * HOUR}, VoiceStatus.UNKNOWN),
        ({"imported": True, "activated_at": T0}, VoiceStatus.PERMANENT),
        ({"created_at": None}, VoiceStatus.UNKNOWN),
    ],
)
def test_voice_status(kw: dict[str, object], expected: VoiceStatus) -> None:
    assert status(**kw) is expected


def test_split_remaining_rounds_down() -> None:
    assert split_remaining(2 * 86400 + 5 * 3600 + 59 * 60 + 59) == (2, 5, 59)
    assert split_remaining(59) == (0, 0, 0)
    assert split_remaining(-10) == (0, 0, 0)


@given(st.floats(min_value=0, max_value=10 * 86400, allow_nan=False))
def test_split_remaining_never_overstates(seconds: float) -> None:
    days, hours, minutes = split_remaining(seconds)
    shown = days * 86400 + hours * 3600 + minutes * 60
    assert 0 <= hours < 24 and 0 <= minutes < 60
    assert shown <= seconds < shown + 60


def test_near_expiry_is_the_last_day_only() -> None:
    assert not is_near_expiry(T0, T0)
    assert not is_near_expiry(T0, T0 + 48 * HOUR)
    assert is_near_expiry(T0, T0 + 48 * HOUR + 1)
    assert is_near_expiry(T0, T0 + 70 * HOUR)
    assert not is_near_expiry(T0, T0 + 72 * HOUR)  # expired, no longer "near"
    assert remaining_seconds(T0, T0 + 70 * HOUR) == 2 * HOUR
    assert remaining_seconds(T0, T0 + 80 * HOUR) == 0


def test_sanitised_ids_are_safe_and_distinct() -> None:
    assert sanitise_model_id("model_0a1b2c") == "model_0a1b2c"
    odd = [sanitise_model_id(x) for x in ("a/b", "a_b", "a\\b", "../etc", "声音", "")]
    assert len(set(odd)) == len(odd)
    for name in odd:
        assert name and "/" not in name and "\\" not in name and not name.startswith(".")
        assert name.isascii()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the demo server's own refusal
        (
            "modelId 'model_x' expired at 2026-06-21 10:00:00 UTC: it was not used within 3 "
            "days of its preview; clone the voice again",
            True,
        ),
        ("modelId 'model_x' does not exist", True),
        ("Invalid modelId", True),
        ("音色已过期", True),
        ("模型不存在", True),
        ("speed must be between 0.5 and 2", False),
        ("language 'auto' requires soundVersion v2", False),
        ("insufficient balance", False),
        ("the request has expired", False),  # expired, but not about the voice
    ],
)
def test_refusal_means_expired(message: str, expected: bool) -> None:
    assert refusal_means_expired(message) is expected


def test_refusal_naming_the_id_counts() -> None:
    assert refusal_means_expired("m_123 is no longer available", "m_123")
    assert not refusal_means_expired("m_123 is no longer available", "m_999")
