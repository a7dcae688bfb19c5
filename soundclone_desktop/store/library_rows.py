"""A task library row and its Python form: :class:`TaskRecord`, the column list and the
conversions both ways (money as decimal text, the request as JSON, paths as text)."""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from soundclone_desktop.core.jobs import JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams, SubtitleType
from soundclone_desktop.core.script import excerpt as script_excerpt

log = logging.getLogger("soundclone_desktop.store.library")

Params = ProductionParams | PreviewParams

COLUMNS = (
    "local_id, kind, state, task_id, base_url, demo, text, params, voice_id, chars, estimate, "
    "currency, created_at, updated_at, duration, error, reason, audio_path, subtitle_path, "
    "owner_pid, owner_start, balance_before, balance_after"
)


@dataclass(frozen=True)
class TaskRecord:
    """One task as the library keeps it."""

    local_id: str
    kind: JobKind
    state: JobState
    task_id: str | None
    base_url: str  # the server it was sent to
    demo: bool  # sent to an in-process demo server (gone when that process ended)
    text: str  # the script as sent (markers included); '' if none
    params: Params | None  # the full request, rebuilt from JSON
    voice_id: str | None  # production: the modelId used; preview: the new modelId
    chars: int | None  # billable characters
    estimate: Decimal | None  # cost estimate shown before paying
    currency: str | None
    created_at: float  # wall clock (time.time())
    updated_at: float
    duration: float | None  # seconds of audio, once known
    error: str | None  # a sentence
    reason: str | None  # core.jobs.FailureReason value
    audio_path: Path | None
    subtitle_path: Path | None
    owner_pid: int | None = None  # the process that wrote the intent (see process_owner)
    owner_start: str | None = None  # its start time token, when the OS gives one
    balance_before: Decimal | None = None  # just before the create
    balance_after: Decimal | None = None  # right after an unknown outcome

    @property
    def balance_drop(self) -> Decimal | None:
        """How much the balance fell around an unknown create (None: not measured)."""
        if self.balance_before is None or self.balance_after is None:
            return None
        return self.balance_before - self.balance_after

    def excerpt(self, length: int = 60) -> str:
        """The first words of the script on one line, pause markers removed."""
        return script_excerpt(self.text, length)


def normalise_url(url: str) -> str:
    """The form base URLs are stored and compared in (no trailing slash)."""
    return url.strip().rstrip("/")


def haystack(text: str, task_id: str | None, voice_id: str | None) -> str:
    return "\n".join(part.casefold() for part in (text, task_id or "", voice_id or ""))


def path_text(path: Path | None) -> str | None:
    return None if path is None else str(path)


def model_id_of(params: Params | None) -> str | None:
    return (params.model_id.strip() or None) if isinstance(params, ProductionParams) else None


def text_of(params: Params | None) -> str:
    return params.text if params is not None else ""


def params_json(params: Params | None) -> str | None:
    """Everything of the request but its text (kept in its own column)."""
    if params is None:
        return None
    data = dataclasses.asdict(params)
    data.pop("text", None)
    data["type"] = "production" if isinstance(params, ProductionParams) else "preview"
    return json.dumps(data, ensure_ascii=False, default=str)


# What a stored request may set (a newer app's extra fields are ignored, not an error).
_FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in dataclasses.fields(cls)) - {"text"}
    for cls in (ProductionParams, PreviewParams)
}


def params_from(raw: str | None, text: str) -> Params | None:
    """The request rebuilt from its JSON; None when it cannot be (never raises)."""
    if not raw:
        return None
    try:
        data = json.loads(raw)
        kind = data.pop("type", None)
        if kind not in ("production", "preview"):
            return None
        cls: type[ProductionParams] | type[PreviewParams]
        cls = ProductionParams if kind == "production" else PreviewParams
        values = {k: v for k, v in data.items() if k in _FIELDS[cls]}
        if cls is ProductionParams and "subtitle_type" in values:
            values["subtitle_type"] = SubtitleType(values["subtitle_type"])
        return cls(text=text, **values)
    except (ValueError, TypeError, AttributeError):
        log.warning("A task's stored parameters could not be read", exc_info=True)
        return None


def decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def task_record(row: tuple[Any, ...]) -> TaskRecord:
    (local_id, kind, state, task_id, base_url, demo, text, params, voice_id, chars, estimate,
     currency, created_at, updated_at, duration, error, reason, audio, subtitles, owner_pid,
     owner_start, balance_before, balance_after) = row  # fmt: skip
    return TaskRecord(
        local_id=local_id,
        kind=JobKind(kind),
        state=JobState(state),
        task_id=task_id,
        base_url=base_url,
        demo=bool(demo),
        text=text or "",
        params=params_from(params, text or ""),
        voice_id=voice_id,
        chars=chars,
        estimate=_decimal(estimate),
        currency=currency,
        created_at=float(created_at),
        updated_at=float(updated_at),
        duration=None if duration is None else float(duration),
        error=error,
        reason=reason,
        audio_path=Path(audio) if audio else None,
        subtitle_path=Path(subtitles) if subtitles else None,
        owner_pid=owner_pid,
        owner_start=owner_start,
        balance_before=_decimal(balance_before),
        balance_after=_decimal(balance_after),
    )


def marks(count: int) -> str:
    return ", ".join("?" * count)
