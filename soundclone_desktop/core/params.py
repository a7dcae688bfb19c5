"""Request parameters for the two create endpoints: validation and the exact JSON body.

``validate()`` returns every problem at once, each keyed by the API field name, with an
English sentence that names the field and the allowed values. ``to_json()`` is a faithful
serialisation: it never clamps or rounds, so call ``validate()`` first (the UI and the task
runner do); invalid values are sent as they are and the server rejects them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from math import isfinite
from typing import Final
from urllib.parse import urlsplit

from .languages import ALL_LANGUAGES, AUTO, V1_LANGUAGES, V2_ONLY_LANGUAGES, first_cjk
from .script import MAX_REQUEST_CHARS, ScriptReport, Severity, analyze

EMOTIONS: Final[tuple[str, ...]] = (
    "neutral",
    "happy",
    "sad",
    "angry",
    "fearful",
    "disgusted",
    "surprised",
)
VERSIONS: Final[tuple[str, ...]] = ("v1", "v2")

SPEED_RANGE: Final = (0.5, 2.0)  # both ends allowed
VOL_RANGE: Final = (0.0, 10.0)  # low end excluded: 0 is not a volume
PITCH_RANGE: Final = (-12, 12)  # whole semitones, both ends allowed

PREVIEW_TEXT_MAX: Final = 269  # "max 270" vs "fewer than 270": take the safe reading
DEFAULT_PREVIEW_TEXT: Final = (
    "在森林的深处,阳光透过树梢洒落,鸟儿的歌声交织成一曲美妙的乐章,诉说着大自然无尽的美丽。"
)
"""What the service speaks (and bills, 44 characters) when the preview has no text."""

# What the clone endpoint accepts as `fileUrl` (lower case, no dot).
CLONE_AUDIO_EXTENSIONS: Final[tuple[str, ...]] = ("mp3", "ogg", "wav", "m4a", "aac")
CLONE_VIDEO_EXTENSIONS: Final[tuple[str, ...]] = ("mp4", "avi", "mov", "mkv", "flv")
CLONE_EXTENSIONS: Final[tuple[str, ...]] = CLONE_AUDIO_EXTENSIONS + CLONE_VIDEO_EXTENSIONS

# What the upload endpoint accepts (§7). It takes more than the clone endpoint does: flac,
# webm and m4v upload fine but are then refused as `fileUrl`; images are useless for a voice.
UPLOAD_AUDIO_EXTENSIONS: Final[tuple[str, ...]] = ("mp3", "wav", "aac", "m4a", "flac", "ogg")
UPLOAD_VIDEO_EXTENSIONS: Final[tuple[str, ...]] = (
    "mp4",
    "mov",
    "avi",
    "webm",
    "mkv",
    "m4v",
    "flv",
)
UPLOAD_IMAGE_EXTENSIONS: Final[tuple[str, ...]] = (
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "bmp",
    "svg",
)
UPLOAD_EXTENSIONS: Final[tuple[str, ...]] = (
    UPLOAD_AUDIO_EXTENSIONS + UPLOAD_VIDEO_EXTENSIONS + UPLOAD_IMAGE_EXTENSIONS
)
UPLOAD_MAX_BYTES: Final = 100 * 1024 * 1024

# The speech in a clone sample must last more than 15 s and less than 60 s.
MIN_CLONE_SECONDS: Final = 15
MAX_CLONE_SECONDS: Final = 60


class SubtitleType(StrEnum):
    """Subtitle granularity. The API only knows ``"word"``; sentence level is the default."""

    SENTENCE = "sentence"
    WORD = "word"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one request field.

    ``field`` is the API field name (``"speed"``, ``"contentText"``…), ``message`` an English
    sentence naming the field, ``allowed`` a short description of the allowed values.
    """

    field: str
    message: str
    allowed: str


def url_extension(url: str) -> str:
    """The lower-case file extension of a URL's path, without the dot (``""`` if none).

    The query string and fragment are ignored: ``https://x/a.MP3?sig=1`` gives ``"mp3"``.
    """
    path = urlsplit(url.strip()).path
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _fmt(value: object) -> str:
    """A number as a person would write it: ``2``, ``2.5``, ``0.01``; anything else as repr."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return repr(value)
    if isinstance(value, float) and not isfinite(value):
        return str(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _number(value: object) -> float | None:
    """``value`` as a finite float, or ``None`` for anything else (bool, str, NaN, inf…)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = float(value)
    return number if isfinite(number) else None


def _check_speed(speed: object) -> list[FieldProblem]:
    low, high = SPEED_RANGE
    number = _number(speed)
    if number is not None and low <= number <= high:
        return []
    message = f"Speed must be between {_fmt(low)} and {_fmt(high)} (got {_fmt(speed)})."
    return [FieldProblem("speed", message, f"{_fmt(low)} to {_fmt(high)}")]


def _check_vol(vol: object) -> list[FieldProblem]:
    low, high = VOL_RANGE
    number = _number(vol)
    if number is not None and low < number <= high:
        return []
    message = f"Volume must be greater than {_fmt(low)} and at most {_fmt(high)} (got {_fmt(vol)})."
    return [FieldProblem("vol", message, f"more than {_fmt(low)}, up to {_fmt(high)}")]


def _check_pitch(pitch: object) -> list[FieldProblem]:
    low, high = PITCH_RANGE
    number = _number(pitch)
    if number is not None and number.is_integer() and low <= number <= high:
        return []
    message = (
        f"Pitch must be a whole number of semitones between {low} and {high} (got {_fmt(pitch)})."
    )
    return [FieldProblem("pitch", message, f"whole numbers from {low} to {high}")]


def _check_version(version: object) -> list[FieldProblem]:
    if version in VERSIONS:
        return []
    message = f"Model version (soundVersion) must be v1 or v2 (got {version!r})."
    return [FieldProblem("soundVersion", message, "v1 or v2")]


def _check_language(language: object, version: object) -> list[FieldProblem]:
    if version == "v1":
        allowed = f"one of the {len(V1_LANGUAGES)} languages of model v1"
        if language == AUTO:
            message = (
                "Language “auto” (detect automatically) is not available with model v1: "
                "choose a language, or use model v2."
            )
            return [FieldProblem("language", message, allowed)]
        if language in V2_ONLY_LANGUAGES:
            message = (
                f"Language {language} needs model v2: choose model v2, or a language that "
                "model v1 supports."
            )
            return [FieldProblem("language", message, allowed)]
    if language == AUTO or language in ALL_LANGUAGES:
        return []
    message = (
        f"Language must be auto or one of the {len(ALL_LANGUAGES)} supported languages "
        f"(got {language!r})."
    )
    allowed = f"auto or one of {len(ALL_LANGUAGES)} languages"
    return [FieldProblem("language", message, allowed)]


def _check_model_id(model_id: object) -> list[FieldProblem]:
    if isinstance(model_id, str) and model_id.strip():
        return []
    message = "Voice model ID (modelId) is required: create a voice or paste its ID."
    return [FieldProblem("modelId", message, "the modelId of a finished preview")]


def _check_subtitles(enabled: object, kind: object) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not isinstance(enabled, bool):
        message = f"Subtitles (subtitleEnable) must be on or off (got {enabled!r})."
        problems.append(FieldProblem("subtitleEnable", message, "true or false"))
    if kind not in tuple(SubtitleType):
        message = f"Subtitle type (subtitleType) must be sentence or word (got {kind!r})."
        problems.append(FieldProblem("subtitleType", message, "sentence or word"))
    return problems


def _check_text(
    text: object,
    field: str,
    max_chars: int,
    *,
    allow_empty: bool,
    report: ScriptReport | None = None,
) -> list[FieldProblem]:
    allowed = f"{'0' if allow_empty else '1'} to {max_chars:,} characters"
    if not isinstance(text, str):
        return [FieldProblem(field, f"Text ({field}) must be a string (got {text!r}).", allowed)]
    if allow_empty and not text.strip():
        return []
    if report is None or report.request_chars != len(text):
        report = analyze(text, max_chars=max_chars)
    # Marker messages talk about "the pause marker …": say which field it sits in.
    return [
        FieldProblem(field, _in_text(problem.message), allowed)
        for problem in report.problems
        if problem.severity is Severity.ERROR
    ]


def _in_text(message: str) -> str:
    return message if message.startswith("The text") else f"Text: {message}"


@dataclass(frozen=True, slots=True)
class ProductionParams:
    """Body of ``POST /soundCloning/audios`` (API reference §5)."""

    model_id: str
    text: str
    version: str = "v2"
    language: str = AUTO
    emotion: str = "neutral"
    speed: float = 1.0
    vol: float = 1.0
    pitch: int = 0
    subtitles: bool = False
    subtitle_type: SubtitleType = SubtitleType.SENTENCE

    def validate(self, *, report: ScriptReport | None = None) -> list[FieldProblem]:
        """Every problem, in field order; an empty list means the request may be sent.

        Text problems are the blocking ones from :func:`~.script.analyze` (warnings such
        as a marker next to punctuation are left to the editor). ``report`` is
        ``analyze(self.text)`` when the caller already has it (the editor does), so the
        text is not analysed twice; a report of a text of another length is not used.
        """
        problems = _check_model_id(self.model_id)
        problems += _check_text(
            self.text, "contentText", MAX_REQUEST_CHARS, allow_empty=False, report=report
        )
        problems += _check_version(self.version)
        problems += _check_language(self.language, self.version)
        if self.emotion not in EMOTIONS:
            message = f"Emotion must be one of {', '.join(EMOTIONS)} (got {self.emotion!r})."
            problems.append(FieldProblem("emotion", message, ", ".join(EMOTIONS)))
        problems += _check_speed(self.speed)
        problems += _check_vol(self.vol)
        problems += _check_pitch(self.pitch)
        problems += _check_subtitles(self.subtitles, self.subtitle_type)
        return problems

    def to_json(self) -> dict[str, object]:
        """The request body: required fields always, optional ones only when not the default.

        ``soundVersion`` is always sent: the endpoint's default is undocumented.
        """
        body: dict[str, object] = {
            "modelId": self.model_id.strip(),
            "contentText": self.text,
            "soundVersion": self.version,
        }
        if self.language != AUTO:
            body["language"] = self.language
        if self.emotion != "neutral":
            body["emotion"] = self.emotion
        if self.speed != 1:
            body["speed"] = self.speed
        if self.vol != 1:
            body["vol"] = self.vol
        if self.pitch != 0:
            # The API wants an integer; a whole float (3.0) is sent as 3, anything else as is.
            number = _number(self.pitch)
            whole = number is not None and number.is_integer()
            body["pitch"] = int(number) if whole and number is not None else self.pitch
        if self.subtitles:
            body["subtitleEnable"] = True
            if self.subtitle_type == SubtitleType.WORD:
                body["subtitleType"] = SubtitleType.WORD.value
        return body


@dataclass(frozen=True, slots=True)
class PreviewParams:
    """Body of ``POST /soundCloning/clones`` (API reference §4).

    An empty or whitespace-only ``text`` is not sent, so the service speaks (and bills)
    :data:`DEFAULT_PREVIEW_TEXT`.
    """

    file_url: str
    text: str = ""
    version: str = "v2"
    language: str = AUTO

    @property
    def effective_text(self) -> str:
        """The text the service will speak and bill for this preview."""
        return self.text if self.text.strip() else DEFAULT_PREVIEW_TEXT

    def validate(self) -> list[FieldProblem]:
        """Every problem, in field order; an empty list means the request may be sent."""
        problems = _check_file_url(self.file_url)
        problems += _check_text(self.text, "contentText", PREVIEW_TEXT_MAX, allow_empty=True)
        problems += _check_version(self.version)
        problems += _check_language(self.language, self.version)
        return problems

    def to_json(self) -> dict[str, object]:
        """The request body; ``soundVersion`` is always sent (our default is v2, the API's v1)."""
        body: dict[str, object] = {"fileUrl": self.file_url.strip(), "soundVersion": self.version}
        if self.text.strip():
            body["contentText"] = self.text
        if self.language != AUTO:
            body["language"] = self.language
        return body


def _check_file_url(url: object) -> list[FieldProblem]:
    """``fileUrl``: a public http(s) URL, no CJK characters, an extension the clone accepts.

    Only literal CJK characters are refused; percent-encoded ones are plain ASCII to the API.
    Local addresses are allowed (the demo server serves its files from 127.0.0.1).
    """
    field = "fileUrl"
    if not isinstance(url, str) or not url.strip():
        message = "File URL (fileUrl) is required: upload a recording or paste its web address."
        return [FieldProblem(field, message, "an http:// or https:// address")]
    url = url.strip()
    problems: list[FieldProblem] = []
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        message = f"File URL must be a web address starting with http:// or https:// (got {url!r})."
        problems.append(FieldProblem(field, message, "an http:// or https:// address"))
    if any(ch.isspace() for ch in url):
        message = "File URL must not contain spaces; encode them as %20."
        problems.append(FieldProblem(field, message, "a URL without spaces"))
    cjk = first_cjk(url)
    if cjk is not None:
        message = (
            f"File URL must not contain Chinese or other CJK characters (found {url[cjk]!r}); "
            "rename the file or upload it again."
        )
        problems.append(FieldProblem(field, message, "a URL without CJK characters"))
    ext = url_extension(url)
    if ext not in CLONE_EXTENSIONS:
        got = f".{ext}" if ext else "no file extension"
        message = (
            f"File URL must point to a file of type {', '.join(CLONE_EXTENSIONS)} (got {got})."
        )
        problems.append(FieldProblem(field, message, ", ".join(CLONE_EXTENSIONS)))
    return problems
