"""Typed results of the API, parsed leniently: every field the docs leave vague is optional."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal, Protocol

from soundclone_desktop.api.errors import MalformedResponseError
from soundclone_desktop.core.task_status import TaskStatus

#: `(done, total)` in bytes; `total` is None when unknown.
ProgressCallback = Callable[[int, int | None], None]

#: What a downloaded file turned out to be (sniffed from its first bytes).
FileKind = Literal["mp3", "wav", "ogg", "flac", "m4a", "aac", "json", "srt", "vtt", "bin"]
AUDIO_KINDS: frozenset[FileKind] = frozenset({"mp3", "wav", "ogg", "flac", "m4a", "aac"})
SUBTITLE_KINDS: frozenset[FileKind] = frozenset({"json", "srt", "vtt"})


class SupportsToJson(Protocol):
    """Request parameters (core's `PreviewParams`/`ProductionParams`) as the API's JSON body."""

    def to_json(self) -> dict[str, object]: ...


# Words some servers use for a finished task: completed only together with an audio link.
DONE_WORDS = frozenset({"success", "succeeded", "successful", "finished", "done", "complete"})


def _require_object(data: object, what: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise MalformedResponseError(f"The {what} answer has no data object.")
    return data


def _text(value: object) -> str | None:
    """A string field, tolerating numbers; anything else (objects, lists) is dropped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int | float):
        return str(value)
    return None


def _error_text(value: object) -> str | None:
    if isinstance(value, Mapping):  # `{"message": "..."}` style error objects
        return _text(value.get("message")) or _text(value.get("msg"))
    return _text(value)


def _timestamp(value: object) -> int | None:
    """Unix seconds from an int, a float, a numeric string or an ISO-8601 string."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(float(text))
        except (ValueError, OverflowError):
            pass
        try:
            return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
        except ValueError:
            return None
    return None


def _decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | str | Decimal):
        try:
            number = Decimal(str(value).strip())  # str(): 0.1 stays 0.1, not 0.1000000000000000055
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _int(value: object) -> int | None:
    number = _decimal(value)
    return None if number is None else int(number)


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str) and value.strip().lower() in {"true", "false", "1", "0"}:
        return value.strip().lower() in {"true", "1"}
    return None


def _field(obj: Mapping[str, object], *names: str) -> object:
    """The first of *names* present with a value: `audioUrl` or its snake_case `audio_url`."""
    for name in names:
        value = obj.get(name)
        if value is not None:
            return value
    return None


def _subtitles(value: object) -> tuple[str | None, str | None]:
    """`(url, inline text)` from a `subtitleFile` value.

    The docs say it is a URL; servers have sent the subtitles themselves instead, as a JSON
    list or object, or as a string holding JSON, SRT or WebVTT text. Inline content is kept
    as text; only an http(s) address is a URL.
    """
    if isinstance(value, list | dict):
        return None, json.dumps(value, ensure_ascii=False)
    text = _text(value)
    if text is None:
        return None, None
    if text.lstrip().lower().startswith(("http://", "https://")):
        return text.strip(), None
    return None, text


@dataclass(frozen=True, slots=True)
class TaskInfo:
    """A preview or production task as the server last described it."""

    id: str
    status: TaskStatus = TaskStatus.UNKNOWN
    model: str | None = None  # "soundCloningClone" (preview) or "soundCloningAudio"
    created: int | None = None  # Unix seconds
    model_id: str | None = None  # a completed preview's voice id
    audio_url: str | None = None
    subtitle_url: str | None = None
    error: str | None = None
    status_raw: str | None = None  # the server's own word, kept for UNKNOWN statuses
    subtitle_inline: str | None = None  # subtitles sent in the answer instead of a URL
    raw: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_terminal(self) -> bool:
        return self.status.is_terminal

    @classmethod
    def from_data(cls, data: object) -> TaskInfo:
        obj = _require_object(data, "task")
        task_id = _text(obj.get("id"))
        if task_id is None:
            raise MalformedResponseError("The task answer has no task id.")
        status_raw = _text(obj.get("status"))
        status = TaskStatus.parse(status_raw)
        audio_url = _text(_field(obj, "audioUrl", "audio_url"))
        if status is TaskStatus.UNKNOWN and audio_url and _is_done_word(status_raw):
            status = TaskStatus.COMPLETED
        subtitle_url, subtitle_inline = _subtitles(
            _field(obj, "subtitleFile", "subtitle_file", "subtitleUrl", "subtitle_url")
        )
        return cls(
            id=task_id,
            status=status,
            model=_text(obj.get("model")),
            created=_timestamp(obj.get("created")),
            model_id=_text(_field(obj, "modelId", "model_id")),
            audio_url=audio_url,
            subtitle_url=subtitle_url,
            error=_error_text(obj.get("error")),
            status_raw=status_raw,
            subtitle_inline=subtitle_inline,
            raw=dict(obj),
        )


def _is_done_word(raw: str | None) -> bool:
    return raw is not None and raw.strip().lower() in DONE_WORDS


@dataclass(frozen=True, slots=True)
class UploadResult:
    """An uploaded file: `url` is public and is what the clone endpoint takes as `fileUrl`."""

    url: str
    filename: str | None = None
    size: int | None = None
    mime_type: str | None = None
    raw: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: object) -> UploadResult:
        obj = _require_object(data, "upload")
        url = _text(obj.get("url"))
        if url is None:
            raise MalformedResponseError("The upload answer has no file URL.")
        return cls(
            url=url,
            filename=_text(obj.get("filename")),
            size=_int(obj.get("size")),
            mime_type=_text(obj.get("mime_type")),
            raw=dict(obj),
        )


@dataclass(frozen=True, slots=True)
class Balance:
    """Account balance in JimiCoin; each figure is None when the server left it out."""

    balance: Decimal | None = None
    used: Decimal | None = None
    available: Decimal | None = None
    raw: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: object) -> Balance:
        obj = _require_object(data, "balance")
        balance = _decimal(obj.get("balance"))
        used = _decimal(obj.get("used_coin"))
        available = _decimal(obj.get("available"))
        if available is None and balance is not None and used is not None:
            available = balance - used  # the documented definition
        return cls(balance=balance, used=used, available=available, raw=dict(obj))


@dataclass(frozen=True, slots=True)
class KeyQuota:
    """The quota of this API key; `total == 0` or `unlimited` means no per-key cap."""

    name: str | None = None
    total: Decimal | None = None
    used: Decimal | None = None
    available: Decimal | None = None
    unlimited: bool | None = None
    raw: Mapping[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: object) -> KeyQuota:
        obj = _require_object(data, "key quota")
        total = _decimal(obj.get("total_quota"))
        unlimited = _bool(obj.get("unlimited"))
        if unlimited is None and total is not None:
            unlimited = total == 0
        return cls(
            name=_text(obj.get("name")),
            total=total,
            used=_decimal(obj.get("used_quota")),
            available=_decimal(obj.get("available_quota")),
            unlimited=unlimited,
            raw=dict(obj),
        )


@dataclass(frozen=True, slots=True)
class Downloaded:
    """A result file saved in full under its final name."""

    path: Path
    kind: FileKind
    size: int
