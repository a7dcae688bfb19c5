"""The delivery dialog's words for the profiles and their rules, translated.

The profiles (``core/delivery``) carry their rules in English plain words; the UI shows the
same sentences through Qt translation. Keyed by the English sentence itself, so a rule whose
wording changes in the core still shows (in English) until its translation is added, and
``tests/ui/delivery`` fails until then.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from soundclone_desktop.core.delivery.profiles import CUSTOM, DeliveryProfile
from soundclone_desktop.core.delivery.rules import Rule, RuleResult
from soundclone_desktop.i18n import translate

CTX = "Delivery"

_PROFILE_NAMES: dict[str, Callable[[], str]] = {
    "acx": lambda: translate(CTX, "ACX / Audible"),
    "findaway": lambda: translate(CTX, "Findaway / Spotify"),
    "apple": lambda: translate(CTX, "Apple Books (M4B)"),
    "google": lambda: translate(CTX, "Google Play Books"),
    "podcast": lambda: translate(CTX, "Podcast / web"),
    "youtube": lambda: translate(CTX, "YouTube / video"),
    "custom": lambda: translate(CTX, "Custom"),
}

_SUMMARIES: dict[str, Callable[[], str]] = {
    "acx": lambda: translate(
        CTX,
        "Audible's rules: one MP3 per chapter at 192 kbps CBR, 44.1 kHz, −23 to −18 dB RMS, "
        "peaks at most −3 dB, noise floor −60 dB, room tone at both ends.",
    ),
    "findaway": lambda: translate(
        CTX, "Voices by INaudio (Spotify and 40+ stores): the same rules as Audible."
    ),
    "apple": lambda: translate(
        CTX, "AAC audio at 44.1 kHz for one M4B with chapters; Audible's levels recommended."
    ),
    "google": lambda: translate(
        CTX,
        "MP3, AAC, FLAC or WAV at 44.1 kHz or more, 128 kbps mono or 256 kbps stereo or more; "
        "constant bit rate and silence at both ends preferred.",
    ),
    "podcast": lambda: translate(
        CTX, "−16 LUFS, true peaks at most −1 dBTP (AES streaming speech)."
    ),
    "youtube": lambda: translate(
        CTX, "−14 LUFS, true peaks at most −1 dBTP (YouTube's playback level)."
    ),
    "custom": lambda: translate(CTX, "Your own level, peak ceiling, format and room tone."),
}

_WORDS: dict[str, Callable[[], str]] = {
    "Each file's RMS level is between −23 and −18 dB.": lambda: translate(
        CTX, "Each file's RMS level is between −23 and −18 dB."
    ),
    "Peaks are no higher than −3 dB (true peak).": lambda: translate(
        CTX, "Peaks are no higher than −3 dB (true peak)."
    ),
    "The noise floor is −60 dB RMS or lower.": lambda: translate(
        CTX, "The noise floor is −60 dB RMS or lower."
    ),
    "Each file starts with 0.5 to 1 second of room tone.": lambda: translate(
        CTX, "Each file starts with 0.5 to 1 second of room tone."
    ),
    "Each file ends with 1 to 5 seconds of room tone.": lambda: translate(
        CTX, "Each file ends with 1 to 5 seconds of room tone."
    ),
    "Files are MP3.": lambda: translate(CTX, "Files are MP3."),
    "The bit rate is 192 kbps or higher.": lambda: translate(
        CTX, "The bit rate is 192 kbps or higher."
    ),
    "The bit rate is constant (CBR), not variable.": lambda: translate(
        CTX, "The bit rate is constant (CBR), not variable."
    ),
    "The sample rate is 44.1 kHz.": lambda: translate(CTX, "The sample rate is 44.1 kHz."),
    "No file is longer than 120 minutes.": lambda: translate(
        CTX, "No file is longer than 120 minutes."
    ),
    "Every file has the same channels (all mono or all stereo).": lambda: translate(
        CTX, "Every file has the same channels (all mono or all stereo)."
    ),
    "One file per chapter.": lambda: translate(CTX, "One file per chapter."),
    "Opening and closing credits are files of their own.": lambda: translate(
        CTX, "Opening and closing credits are files of their own."
    ),
    "Files are AAC (M4A or M4B).": lambda: translate(CTX, "Files are AAC (M4A or M4B)."),
    "At least 64 kbps per channel.": lambda: translate(CTX, "At least 64 kbps per channel."),
    "One M4B with a chapter marker per chapter, a cover and metadata.": lambda: translate(
        CTX, "One M4B with a chapter marker per chapter, a cover and metadata."
    ),
    "Files are MP3, AAC (M4A), FLAC or WAV.": lambda: translate(
        CTX, "Files are MP3, AAC (M4A), FLAC or WAV."
    ),
    "At least 128 kbps mono or 256 kbps stereo.": lambda: translate(
        CTX, "At least 128 kbps mono or 256 kbps stereo."
    ),
    "The sample rate is 44.1 kHz or higher.": lambda: translate(
        CTX, "The sample rate is 44.1 kHz or higher."
    ),
    "The bit rate is constant (CBR) (preferred).": lambda: translate(
        CTX, "The bit rate is constant (CBR) (preferred)."
    ),
    "Files start with silence (preferred).": lambda: translate(
        CTX, "Files start with silence (preferred)."
    ),
    "Files end with silence (preferred).": lambda: translate(
        CTX, "Files end with silence (preferred)."
    ),
    "The whole book lasts from 5 minutes to 100 hours.": lambda: translate(
        CTX, "The whole book lasts from 5 minutes to 100 hours."
    ),
    "True peaks are no higher than −1 dBTP.": lambda: translate(
        CTX, "True peaks are no higher than −1 dBTP."
    ),
}


def profile_name(profile: DeliveryProfile) -> str:
    found = _PROFILE_NAMES.get(profile.key)
    return found() if found else profile.name


def profile_summary(profile: DeliveryProfile) -> str:
    found = _SUMMARIES.get(profile.key)
    if found is None:
        return profile.summary
    if profile.key == "custom" and profile.summary != CUSTOM.summary:
        # A custom profile made from the user's numbers says them.
        target = profile.master
        return (
            translate(CTX, "%1 LUFS, true peaks at most %2 dBTP, %3 at %4 kbps.")
            .replace("%1", f"{target.lufs:g}")
            .replace("%2", f"{target.ceiling_db:g}")
            .replace("%3", target.format.upper())
            .replace("%4", str(target.bitrate_kbps))
        )
    return found()


def words(sentence: str) -> str:
    """A rule or note of a profile in the UI's language (numbers kept as they are)."""
    found = _WORDS.get(sentence)
    if found is not None:
        return found()
    return _number_words(sentence)


_LOUDNESS = re.compile(r"Integrated loudness is (\S+) LUFS \(±1\)\.")
_CEILING = re.compile(r"True peaks are no higher than (\S+) dBTP\.")


def _number_words(sentence: str) -> str:
    """Rules made from numbers (the loudness profiles, the custom one's chosen numbers)."""
    if loudness := _LOUDNESS.fullmatch(sentence):
        return translate(CTX, "Integrated loudness is %1 LUFS (±1).").replace("%1", loudness[1])
    if peak := _CEILING.fullmatch(sentence):
        return translate(CTX, "True peaks are no higher than %1 dBTP.").replace("%1", peak[1])
    return sentence


def translatable(sentence: str) -> bool:
    """Whether :func:`words` has a translation for ``sentence`` (a test keeps this true)."""
    return sentence in _WORDS or any(p.fullmatch(sentence) for p in (_LOUDNESS, _CEILING))


def rule_words(rule: Rule) -> str:
    return words(rule.words)


def measured_text(result: RuleResult) -> str:
    """The measured value as shown in the report's table ("−19.8 dB", "cbr", "—")."""
    value = result.value
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value).upper() if result.rule.allowed else str(value)
    unit = result.rule.unit
    decimals = 0 if unit in (" Hz", " kbps", "") else 2 if unit == " s" else 1
    return f"{float(value):.{decimals}f}{unit}".replace("-", "−")


def verdict_text(result: RuleResult) -> str:
    if result.passed:
        return translate(CTX, "Pass")
    return translate(CTX, "Fail") if result.rule.required else translate(CTX, "Warning")


def failure_sentence(result: RuleResult) -> str:
    """Why a rule failed, in one sentence: what was measured against what was asked."""
    rule = result.rule
    measured = measured_text(result)
    if result.value is None:
        return translate(
            CTX, "%1 It could not be measured: the file is silent or unreadable."
        ).replace("%1", rule_words(rule))
    if rule.allowed:
        text = translate(CTX, "%1 This file is %2.")
    elif isinstance(result.value, list):
        text = translate(CTX, "%1 The files differ: %2.")
    elif rule.low is not None and float(str(result.value)) < rule.low:
        text = translate(CTX, "%1 It measures %2: too low.")
    else:
        text = translate(CTX, "%1 It measures %2: too high.")
    return text.replace("%1", rule_words(rule)).replace("%2", measured)
