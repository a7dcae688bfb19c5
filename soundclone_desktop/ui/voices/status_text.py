"""A voice's status in words: "temporary, 2 d 5 h left", "permanent", "expired"."""

from __future__ import annotations

from soundclone_desktop.core.voices import VoiceStatus, split_remaining
from soundclone_desktop.i18n import translate
from soundclone_desktop.store.voices import Voice

CTX = "VoiceStatus"


def remaining_text(seconds: float) -> str:
    """ "2 d 5 h", "5 h 12 min", "12 min" (rounded down, so never an overstatement)."""
    days, hours, minutes = split_remaining(seconds)
    if days:
        return translate(CTX, "{days} d {hours} h").format(days=days, hours=hours)
    if hours:
        return translate(CTX, "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return translate(CTX, "{minutes} min").format(minutes=minutes)


def status_name(status: VoiceStatus) -> str:
    names = {
        VoiceStatus.TEMPORARY: translate(CTX, "temporary"),
        VoiceStatus.PERMANENT: translate(CTX, "permanent"),
        VoiceStatus.EXPIRED: translate(CTX, "expired"),
        VoiceStatus.UNKNOWN: translate(CTX, "status unknown"),
    }
    return names[status]


def status_text(voice: Voice, now: float) -> str:
    """The status with the time left for a temporary voice: "temporary, 2 d 5 h left"."""
    status = voice.status(now)
    expires = voice.expires_at()
    if status is VoiceStatus.TEMPORARY and expires is not None:
        left = remaining_text(expires - now)
        return translate(CTX, "temporary, {left} left").format(left=left)
    return status_name(status)


def status_tooltip(voice: Voice, now: float) -> str:
    """One sentence on what the status means for the user."""
    status = voice.status(now)
    if status is VoiceStatus.TEMPORARY:
        return translate(
            CTX,
            "A new voice lasts 3 days. Your first successful synthesis with it makes it "
            "permanent; unused, it expires.",
        )
    if status is VoiceStatus.PERMANENT:
        return translate(CTX, "Used successfully in production: the voice stays available.")
    if status is VoiceStatus.EXPIRED:
        return translate(
            CTX, "The voice was not used within 3 days, or the server refused it: clone it again."
        )
    return translate(
        CTX, "Entered by ID: this app does not know when it was cloned or whether it was used."
    )


def choice_label(voice: Voice, now: float) -> str:
    """How the voice picker lists a voice: "Narrator — temporary, 2 d 5 h left"."""
    return f"{voice.name} — {status_text(voice, now)}"
