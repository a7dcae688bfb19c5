"""Delivery profiles: what each retailer accepts, as rules in plain words, and the master
that meets them (pure data).

Sources and assumptions (checked 2026-12; retailers change their pages):

- **ACX / Audible**: ACX's published audio submission requirements — one file per chapter,
  opening and closing credits as their own files, MP3 ≥ 192 kbps CBR at 44.1 kHz, every file
  −23 to −18 dB RMS, peaks ≤ −3 dB, noise floor ≤ −60 dB RMS, 0.5–1 s of room tone at the
  head and 1–5 s at the tail, no file over 120 minutes, the same channel count throughout.
  We check peaks as *true* peaks (stricter than the sample peaks ACX's checker reads).
- **Findaway / Spotify (Voices by INaudio)**: the same loudness, noise, room tone and MP3
  rules as ACX (its published guidance; it also takes FLAC, which this profile does not
  make). The 120-minute limit is assumed from ACX, which most Findaway books also go to.
- **Apple Books (M4B)**: Apple publishes no loudness rule for audiobooks delivered through
  aggregators; the Apple Books Asset Guide asks for AAC with the .m4a/.m4b extension (256
  kbps stereo for read-along audio). Assumed: AAC at 44.1 kHz, ≥ 64 kbps mono or 128 kbps
  stereo, and ACX's levels as recommendations (the common master for every store).
- **Google Play Books**: Google's partner help — MP3, AAC (M4A), FLAC or WAV, ≥ 128 kbps
  mono or ≥ 256 kbps stereo, ≥ 44.1 kHz, CBR preferred, start and end with silence; no
  loudness rule is published, so ACX's levels are recommendations.
- **Podcast / web**: AES TD1004 for streaming speech, −16 LUFS integrated, −1 dBTP.
- **YouTube / video**: YouTube plays back at about −14 LUFS; −1 dBTP.
- **Custom**: a starting point the user changes (:func:`custom_profile`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .rules import BookRule, Rule

__all__ = ["PROFILES", "DeliveryProfile", "MasterTarget", "custom_profile", "profile"]


@dataclass(frozen=True, slots=True)
class MasterTarget:
    """How to master for the profile (the numbers mastering aims at, inside the rules)."""

    format: str  # "mp3" or "m4a" (AAC; an M4B is made from these)
    bitrate_kbps: int
    rate: int
    rms_db: float | None  # target RMS of each file, or
    lufs: float | None  # integrated loudness (when rms_db is None)
    ceiling_db: float  # true peak
    head_s: float
    tail_s: float
    room_tone_db: float | None


@dataclass(frozen=True, slots=True)
class DeliveryProfile:
    key: str
    name: str
    summary: str  # one sentence, plain words
    rules: tuple[Rule, ...]
    book_rules: tuple[BookRule, ...]
    notes: tuple[str, ...]  # what a file measurement cannot check (credits, one per chapter)
    master: MasterTarget


def _level_rules(*, required: bool) -> tuple[Rule, ...]:
    return (
        Rule("rms", "Each file's RMS level is between −23 and −18 dB.", "rms_db", -23.0,
             -18.0, unit=" dB", required=required),
        Rule("peak", "Peaks are no higher than −3 dB (true peak).", "true_peak_db", None, -3.0,
             unit=" dB", required=required),
        Rule("noise_floor", "The noise floor is −60 dB RMS or lower.", "noise_floor_db", None,
             -60.0, unit=" dB", required=required),
    )  # fmt: skip


_ROOM_TONE = (
    Rule("head", "Each file starts with 0.5 to 1 second of room tone.", "head_s", 0.5, 1.0,
         unit=" s"),
    Rule("tail", "Each file ends with 1 to 5 seconds of room tone.", "tail_s", 1.0, 5.0,
         unit=" s"),
)  # fmt: skip

_MP3_192_CBR = (
    Rule("format", "Files are MP3.", "format", allowed=("mp3",)),
    Rule("bitrate", "The bit rate is 192 kbps or higher.", "bit_rate_kbps", 192.0, None,
         unit=" kbps"),
    Rule("cbr", "The bit rate is constant (CBR), not variable.", "bitrate_mode",
         allowed=("cbr",)),
    Rule("sample_rate", "The sample rate is 44.1 kHz.", "sample_rate", 44100.0, 44100.0,
         unit=" Hz"),
)  # fmt: skip

_MAX_120 = Rule("length", "No file is longer than 120 minutes.", "duration_min", None, 120.0,
                unit=" min")  # fmt: skip
_SAME_CHANNELS = BookRule("channels", "Every file has the same channels (all mono or all "
                          "stereo).", "channels")  # fmt: skip
_CHAPTER_NOTES = (
    "One file per chapter.",
    "Opening and closing credits are files of their own.",
)
_ACX_MASTER = MasterTarget("mp3", 192, 44100, -20.0, None, -3.0, 0.75, 2.0, -65.0)

ACX = DeliveryProfile(
    "acx", "ACX / Audible",
    "Audible's rules: one MP3 per chapter at 192 kbps CBR, 44.1 kHz, −23 to −18 dB RMS, "
    "peaks at most −3 dB, noise floor −60 dB, room tone at both ends.",
    (*_MP3_192_CBR, *_level_rules(required=True), *_ROOM_TONE, _MAX_120),
    (_SAME_CHANNELS,), _CHAPTER_NOTES, _ACX_MASTER,
)  # fmt: skip

FINDAWAY = replace(
    ACX, key="findaway", name="Findaway / Spotify",
    summary="Voices by INaudio (Spotify and 40+ stores): the same rules as Audible.",
)  # fmt: skip

APPLE = DeliveryProfile(
    "apple", "Apple Books (M4B)",
    "AAC audio at 44.1 kHz for one M4B with chapters; Audible's levels recommended.",
    (
        Rule("format", "Files are AAC (M4A or M4B).", "format", allowed=("m4a", "m4b")),
        Rule("bitrate", "At least 64 kbps per channel.", "kbps_per_channel", 64.0, None,
             unit=" kbps"),
        Rule("sample_rate", "The sample rate is 44.1 kHz.", "sample_rate", 44100.0, 44100.0,
             unit=" Hz"),
        *_level_rules(required=False),
    ),
    (_SAME_CHANNELS,), ("One M4B with a chapter marker per chapter, a cover and metadata.",),
    MasterTarget("m4a", 128, 44100, -20.0, None, -3.0, 0.75, 2.0, -65.0),
)  # fmt: skip

GOOGLE = DeliveryProfile(
    "google", "Google Play Books",
    "MP3, AAC, FLAC or WAV at 44.1 kHz or more, 128 kbps mono or 256 kbps stereo or more; "
    "constant bit rate and silence at both ends preferred.",
    (
        Rule("format", "Files are MP3, AAC (M4A), FLAC or WAV.", "format",
             allowed=("mp3", "m4a", "flac", "wav")),
        Rule("bitrate", "At least 128 kbps mono or 256 kbps stereo.", "kbps_per_channel",
             128.0, None, unit=" kbps"),
        Rule("sample_rate", "The sample rate is 44.1 kHz or higher.", "sample_rate", 44100.0,
             None, unit=" Hz"),
        Rule("cbr", "The bit rate is constant (CBR) (preferred).", "bitrate_mode",
             allowed=("cbr", "lossless"), required=False),
        Rule("head", "Files start with silence (preferred).", "head_s", 0.3, None, unit=" s",
             required=False),
        Rule("tail", "Files end with silence (preferred).", "tail_s", 0.3, None, unit=" s",
             required=False),
        *_level_rules(required=False),
    ),
    (_SAME_CHANNELS,), ("The whole book lasts from 5 minutes to 100 hours.",),
    MasterTarget("mp3", 192, 44100, -20.0, None, -3.0, 0.75, 2.0, -65.0),
)  # fmt: skip


def _loudness_profile(key: str, name: str, lufs: float, summary: str) -> DeliveryProfile:
    return DeliveryProfile(
        key, name, summary,
        (
            Rule("loudness", f"Integrated loudness is {lufs:g} LUFS (±1).", "lufs", lufs - 1,
                 lufs + 1, unit=" LUFS"),
            Rule("true_peak", "True peaks are no higher than −1 dBTP.", "true_peak_db", None,
                 -1.0, unit=" dBTP"),
        ),
        (), (), MasterTarget("mp3", 192, 44100, None, lufs, -1.0, 0.5, 1.0, None),
    )  # fmt: skip


PODCAST = _loudness_profile(
    "podcast",
    "Podcast / web",
    -16.0,
    "−16 LUFS, true peaks at most −1 dBTP (AES streaming speech).",
)
YOUTUBE = _loudness_profile(
    "youtube",
    "YouTube / video",
    -14.0,
    "−14 LUFS, true peaks at most −1 dBTP (YouTube's playback level).",
)
CUSTOM = replace(
    PODCAST, key="custom", name="Custom",
    summary="Your own level, peak ceiling, format and room tone.",
)  # fmt: skip

PROFILES: dict[str, DeliveryProfile] = {
    p.key: p for p in (ACX, FINDAWAY, APPLE, GOOGLE, PODCAST, YOUTUBE, CUSTOM)
}


def profile(key: str) -> DeliveryProfile:
    try:
        return PROFILES[key]
    except KeyError:
        raise ValueError(f"No delivery profile {key!r}; known: {', '.join(PROFILES)}.") from None


def custom_profile(
    *,
    lufs: float = -16.0,
    ceiling_db: float = -1.0,
    format: str = "mp3",  # the profile's own word
    bitrate_kbps: int = 192,
    rate: int = 44100,
    head_s: float = 0.5,
    tail_s: float = 1.0,
    room_tone_db: float | None = None,
) -> DeliveryProfile:
    """A custom profile: a loudness target with its ceiling, in the chosen file format."""
    base = _loudness_profile(
        "custom",
        "Custom",
        lufs,
        f"{lufs:g} LUFS, true peaks at most "
        f"{ceiling_db:g} dBTP, {format.upper()} at {bitrate_kbps} kbps.",
    )
    rules = (
        base.rules[0],
        Rule("true_peak", f"True peaks are no higher than {ceiling_db:g} dBTP.", "true_peak_db",
             None, ceiling_db, unit=" dBTP"),
    )  # fmt: skip
    target = MasterTarget(format, bitrate_kbps, rate, None, lufs, ceiling_db, head_s, tail_s,
                          room_tone_db)  # fmt: skip
    return replace(base, rules=rules, master=target)
