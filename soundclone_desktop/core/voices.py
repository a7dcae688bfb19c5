"""The lifetime of a cloned voice (API reference §1, §5, §14).

A ``modelId`` is valid for three days after its preview. The first *successful* production
task within those days makes it permanent; otherwise it expires and cannot be used again.
A voice entered as a raw ID has no known history, so its status is unknown.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Final

VALIDITY_SECONDS: Final = 3 * 24 * 3600  # a cloned modelId is valid 3 days until first use
NEAR_EXPIRY_SECONDS: Final = 24 * 3600  # warn the user when less than this is left


class VoiceStatus(StrEnum):
    """Where a voice stands in its lifetime."""

    TEMPORARY = "temporary"  # cloned, not yet used in production, still within the window
    PERMANENT = "permanent"  # used successfully in production: valid for good
    EXPIRED = "expired"  # the window passed unused, or the server refused it
    UNKNOWN = "unknown"  # imported by ID: we do not know its history


def expires_at(created_at: float) -> float:
    """When a voice previewed at ``created_at`` (wall time) expires unless used."""
    return created_at + VALIDITY_SECONDS


def voice_status(
    *,
    created_at: float | None,
    activated_at: float | None,
    expired: bool,
    imported: bool,
    now: float,
) -> VoiceStatus:
    """The status of a voice at wall time ``now``.

    A refusal by the server outranks everything we believe locally; a recorded production
    success outranks the clock (the server made it permanent, whatever our clock says).
    """
    if expired:
        return VoiceStatus.EXPIRED
    if activated_at is not None:
        return VoiceStatus.PERMANENT
    if imported or created_at is None:
        return VoiceStatus.UNKNOWN
    if now >= expires_at(created_at):
        return VoiceStatus.EXPIRED
    return VoiceStatus.TEMPORARY


def remaining_seconds(created_at: float, now: float) -> float:
    """Seconds left before a temporary voice expires (never negative)."""
    return max(0.0, expires_at(created_at) - now)


def is_near_expiry(created_at: float, now: float) -> bool:
    """True while a temporary voice has less than :data:`NEAR_EXPIRY_SECONDS` left."""
    left = expires_at(created_at) - now
    return 0 < left < NEAR_EXPIRY_SECONDS


def split_remaining(seconds: float) -> tuple[int, int, int]:
    """``seconds`` as whole (days, hours, minutes), rounded down; negative counts as zero.

    Rounding down keeps the promise honest: "2 d 5 h left" never overstates the time.
    """
    total_minutes = int(max(0.0, seconds) // 60)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    return days, hours, minutes


def sanitise_model_id(model_id: str) -> str:
    """A file-name-safe stem for a model ID (ASCII letters, digits, ``-``, ``_``, ``.``).

    When characters had to be replaced, a short digest of the original is appended so two
    IDs that differ only in such characters never share a file.
    """
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in model_id)
    cleaned = cleaned.strip(".")[:100]
    if cleaned == model_id and cleaned:
        return cleaned
    digest = hashlib.sha256(model_id.encode("utf-8")).hexdigest()[:10]
    return f"{cleaned or 'voice'}-{digest}"


# What a server says when it refuses a voice. The API documents no error code for an expired
# modelId (reference §15.1), so the refusal is recognised by its words: a mention of the
# voice together with one of these.
_VOICE_WORDS: Final = ("modelid", "model id", "model_id", "voice", "音色", "模型")
_DEAD_WORDS: Final = (
    "expired",
    "expire",
    "does not exist",
    "doesn't exist",
    "not exist",
    "not found",
    "invalid",
    "no longer",
    "过期",
    "失效",
    "不存在",
    "无效",
)


def refusal_means_expired(message: str, model_id: str | None = None) -> bool:
    """True if the server's ``message`` says the voice is expired, unknown or invalid.

    The message must name the voice (its ID, or words such as "modelId") and say it is dead;
    a refusal about another field ("speed must be …") is not about the voice.
    """
    text = message.casefold()
    names_voice = any(word in text for word in _VOICE_WORDS) or bool(
        model_id and model_id.casefold() in text
    )
    return names_voice and any(word in text for word in _DEAD_WORDS)
