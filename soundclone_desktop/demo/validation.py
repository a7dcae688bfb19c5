"""Request validation, re-implemented from the API reference on the server's own terms.

The first broken rule wins and becomes a 20002 envelope whose ``msg`` names the field, the
allowed values and what was received. Fields are checked in a fixed order so the answer to a
given body never changes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import bad_request
from .markup import MarkupError, Pause, billable_chars, find_pauses

V1_LANGUAGES = (
    "Chinese", "Chinese,Yue", "English", "Arabic", "Russian", "Spanish", "French", "Portuguese",
    "German", "Turkish", "Dutch", "Ukrainian", "Vietnamese", "Indonesian", "Japanese", "Italian",
    "Korean", "Thai", "Polish", "Romanian", "Greek", "Czech", "Finnish", "Hindi",
)  # fmt: skip
V2_ONLY_LANGUAGES = (
    "Bulgarian", "Danish", "Hebrew", "Malay", "Persian", "Slovak", "Swedish", "Croatian",
    "Filipino", "Hungarian", "Norwegian", "Slovenian", "Catalan", "Nynorsk", "Tamil", "Afrikaans",
)  # fmt: skip
AUTO = "auto"
EMOTIONS = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "neutral")
VERSIONS = ("v1", "v2")
CLONE_SOURCE_EXTENSIONS = ("mp3", "ogg", "wav", "m4a", "aac", "mp4", "avi", "mov", "mkv", "flv")

# "max 270" and "fewer than 270" disagree by one; the server takes the stricter reading.
PREVIEW_TEXT_MAX = 269
PRODUCTION_TEXT_MAX = 9999
DEFAULT_PREVIEW_TEXT = (
    "在森林的深处,阳光透过树梢洒落,鸟儿的歌声交织成一曲美妙的乐章,诉说着大自然无尽的美丽。"
)

_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class PreviewRequest:
    file_url: str
    text: str  # the text actually spoken and billed: the default line when none was sent
    pauses: tuple[Pause, ...]
    billable_chars: int
    version: str
    language: str


@dataclass(frozen=True)
class ProductionRequest:
    model_id: str
    text: str
    pauses: tuple[Pause, ...]
    billable_chars: int
    version: str
    language: str
    emotion: str
    speed: float
    vol: float
    pitch: int
    subtitles: bool
    word_level: bool


def _present(body: dict[str, object], name: str) -> bool:
    # JSON null is read as "not sent", like a Go server decoding into a pointer field.
    return body.get(name) is not None


def _string(body: dict[str, object], name: str) -> str | None:
    if not _present(body, name):
        return None
    value = body[name]
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a string (got {_show(value)})")
    return value


def _number(body: dict[str, object], name: str) -> float | None:
    if not _present(body, name):
        return None
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"{name} must be a number (got {_show(value)})")
    if not math.isfinite(value):
        raise bad_request(f"{name} must be a finite number (got {_show(value)})")
    return float(value)


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:40] + "…")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    return type(value).__name__


def _version(body: dict[str, object]) -> str:
    version = _string(body, "soundVersion")
    if version is None:
        return "v1"  # the documented default of the preview; assumed for production too
    if version not in VERSIONS:
        raise bad_request(f"soundVersion must be one of v1, v2 (got {_show(version)})")
    return version


def _language(body: dict[str, object], version: str) -> str:
    language = _string(body, "language")
    explicit = language is not None
    language = AUTO if language is None else language
    if language == AUTO:
        if version != "v2":
            # The sources conflict on auto with v1 (reference §9): take the conservative side.
            how = "language auto" if explicit else "language auto (the default when omitted)"
            raise bad_request(
                f'{how} needs soundVersion v2: send soundVersion "v2" or name a language'
            )
        return language
    if language in V1_LANGUAGES:
        return language
    if language in V2_ONLY_LANGUAGES:
        if version != "v2":
            raise bad_request(f"language {language} needs soundVersion v2 (got {version})")
        return language
    raise bad_request(
        f"language must be auto or one of the {len(V1_LANGUAGES)} v1 languages or "
        f"{len(V1_LANGUAGES) + len(V2_ONLY_LANGUAGES)} v2 languages, e.g. Chinese, English, "
        f"Chinese,Yue (got {_show(language)})"
    )


def _script(text: str, limit: int, what: str) -> tuple[tuple[Pause, ...], int]:
    if len(text) > limit:
        raise bad_request(
            f"contentText must be at most {limit} characters for {what} (got {len(text)}; "
            "pause markers count towards this limit)"
        )
    try:
        pauses = find_pauses(text)
    except MarkupError as exc:
        raise bad_request(f"contentText: {exc}") from exc
    return tuple(pauses), billable_chars(text, pauses)


def _file_url(body: dict[str, object]) -> str:
    url = _string(body, "fileUrl")
    if not url or not url.strip():
        raise bad_request(
            "fileUrl is required: the public http(s) URL of the source audio or video"
        )
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise bad_request(
            f"fileUrl must be a public http:// or https:// URL, not a local path (got {_show(url)})"
        )
    if _CHINESE.search(url):
        raise bad_request("fileUrl must not contain Chinese characters; upload the file first")
    name = parts.path.rsplit("/", 1)[-1]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in CLONE_SOURCE_EXTENSIONS:
        raise bad_request(
            f"fileUrl must point to a {', '.join(CLONE_SOURCE_EXTENSIONS)} file "
            f"(got {'.' + extension if extension else 'no extension'})"
        )
    return url.strip()


def validate_preview(body: dict[str, object]) -> PreviewRequest:
    file_url = _file_url(body)
    text = _string(body, "contentText") or ""
    if not text.strip():
        text = DEFAULT_PREVIEW_TEXT  # empty or omitted: the default line is spoken and billed
    pauses, chars = _script(text, PREVIEW_TEXT_MAX, "a preview")
    version = _version(body)
    language = _language(body, version)
    return PreviewRequest(file_url, text, pauses, chars, version, language)


def validate_production(body: dict[str, object]) -> ProductionRequest:
    model_id = _string(body, "modelId")
    if not model_id:
        raise bad_request("modelId is required: the modelId of a completed preview")
    text = _string(body, "contentText")
    if text is None or not text.strip():
        raise bad_request("contentText is required and must not be empty")
    pauses, chars = _script(text, PRODUCTION_TEXT_MAX, "an audio task")
    version = _version(body)
    language = _language(body, version)

    emotion = _string(body, "emotion") or "neutral"
    if emotion not in EMOTIONS:
        raise bad_request(f"emotion must be one of {', '.join(EMOTIONS)} (got {_show(emotion)})")
    speed = _number(body, "speed")
    speed = 1.0 if speed is None else speed
    if not 0.5 <= speed <= 2.0:
        raise bad_request(f"speed must be from 0.5 to 2 inclusive (got {_show(body['speed'])})")
    vol = _number(body, "vol")
    vol = 1.0 if vol is None else vol
    if not 0.0 < vol <= 10.0:
        raise bad_request(f"vol must be greater than 0 and at most 10 (got {_show(body['vol'])})")
    pitch = _pitch(body)
    subtitles = body.get("subtitleEnable", False)
    subtitles = False if subtitles is None else subtitles
    if not isinstance(subtitles, bool):
        raise bad_request(f"subtitleEnable must be true or false (got {_show(subtitles)})")
    subtitle_type = _string(body, "subtitleType")
    if subtitle_type is not None and subtitle_type != "word":
        raise bad_request(
            f'subtitleType must be "word", or omitted for sentence level '
            f"(got {_show(subtitle_type)})"
        )
    return ProductionRequest(
        model_id, text, pauses, chars, version, language, emotion, speed, vol, pitch,
        subtitles, subtitles and subtitle_type == "word",
    )  # fmt: skip


def _pitch(body: dict[str, object]) -> int:
    if not _present(body, "pitch"):
        return 0
    value = body["pitch"]
    # An integer field, as a typed server decodes it: 1.5, 1.0 and "1" are all refused.
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"pitch must be an integer from -12 to 12 (got {_show(value)})")
    if not -12 <= value <= 12:
        raise bad_request(f"pitch must be an integer from -12 to 12 (got {value})")
    return value


def require_object(body: object) -> dict[str, object]:
    if not isinstance(body, dict):
        raise bad_request("the request body must be a JSON object")
    return body
