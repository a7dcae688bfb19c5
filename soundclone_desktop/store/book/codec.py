"""The book's values as stored: JSON for settings and overrides, tuples for table rows.

Parameters are stored as the task library stores them: an object of
:class:`~soundclone_desktop.core.params.ProductionParams` field names (text left out).
Reading is tolerant, like ``.scproj`` files: a value of the wrong type falls back to the
default (a book is never refused because one setting is unreadable), and unknown names (a
newer app's) are ignored.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from soundclone_desktop.core.book.model import (
    OVERRIDABLE,
    BookSettings,
    ChapterOverrides,
    Gaps,
    blank_params,
)
from soundclone_desktop.core.book.pronunciation import Rule, RuleError
from soundclone_desktop.core.book.segment import DEFAULT_TARGET_CHARS
from soundclone_desktop.core.book.takes import Take, TaskMark, TaskPhase, param_values
from soundclone_desktop.core.params import ProductionParams

TakeRow = tuple[Any, ...]


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def loads_object(text: object) -> dict[str, Any]:
    """A stored JSON object; ``{}`` for anything else (a damaged row)."""
    if not isinstance(text, str):
        return {}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


# -- settings -----------------------------------------------------------------------------


def settings_json(settings: BookSettings) -> str:
    return dumps(
        {
            "params": param_values(settings.params),
            "target_chars": settings.target_chars,
            "gaps": dataclasses.asdict(settings.gaps),
            "budget": None if settings.budget is None else str(settings.budget),
        }
    )


def settings_from(text: object) -> BookSettings:
    data = loads_object(text)
    params = params_from(data.get("params"), blank_params())
    target = data.get("target_chars")
    if not (isinstance(target, int) and not isinstance(target, bool)):
        target = DEFAULT_TARGET_CHARS
    gaps = _gaps_from(data.get("gaps"))
    budget = _decimal(data.get("budget"))
    try:
        return BookSettings(params, target, gaps, budget)
    except ValueError:
        return BookSettings(params, DEFAULT_TARGET_CHARS, gaps, None)


def params_from(raw: object, base: ProductionParams) -> ProductionParams:
    """``base`` with every usable value of ``raw`` (field name → JSON value) on top."""
    if not isinstance(raw, Mapping):
        return base
    values = {name: value for name, value in raw.items() if name in OVERRIDABLE | {"model_id"}}
    return dataclasses.replace(base, **_typed_values(values, base))


def _typed_values(raw: Mapping[str, Any], base: ProductionParams) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in raw.items():
        typed = _typed(getattr(base, name), value)
        if typed is not None:
            values[name] = typed
    return values


def _typed(default: object, raw: object) -> object | None:
    """``raw`` as the type of ``default``, or None when it does not fit."""
    if isinstance(default, Enum):
        try:
            return type(default)(raw)
        except ValueError:
            return None
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else None
    if isinstance(raw, bool):
        return None
    if isinstance(default, int):
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        return raw if isinstance(raw, int) else None
    if isinstance(default, float):
        return float(raw) if isinstance(raw, int | float) else None
    if isinstance(default, str):
        return raw if isinstance(raw, str) else None
    return None


def _gaps_from(raw: object) -> Gaps:
    if not isinstance(raw, Mapping):
        return Gaps()
    names = {f.name for f in dataclasses.fields(Gaps)}
    values = {k: v for k, v in raw.items() if k in names}
    try:
        return Gaps(**values)
    except (TypeError, ValueError):
        good = {}
        for name, value in values.items():
            try:
                Gaps(**{name: value})
            except (TypeError, ValueError):
                continue
            good[name] = value
        return Gaps(**good)


def _decimal(raw: object) -> Decimal | None:
    if not isinstance(raw, str):
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


# -- overrides ----------------------------------------------------------------------------


def overrides_json(overrides: ChapterOverrides) -> str:
    params = {k: v.value if isinstance(v, Enum) else v for k, v in overrides.params}
    return dumps({"voice_id": overrides.voice_id, "params": params})


def overrides_from(text: object) -> ChapterOverrides:
    data = loads_object(text)
    voice = data.get("voice_id")
    raw = data.get("params")
    params: dict[str, Any] = {}
    if isinstance(raw, Mapping):
        known = {k: v for k, v in raw.items() if k in OVERRIDABLE}
        params = _typed_values(known, blank_params())
    return ChapterOverrides.of(voice if isinstance(voice, str) else None, **params)


# -- takes and task marks -------------------------------------------------------------------

TAKE_COLUMNS = (
    "id, chapter_id, segment_id, task_local_id, audio_path, subtitle_path, duration, "
    "created_at, fingerprint, request_text, chosen, orphan"
)


def take_row(chapter_id: str, segment_id: str, take: Take, *, orphan: bool) -> TakeRow:
    return (
        take.id, chapter_id, segment_id, take.task_local_id, take.audio_path,
        take.subtitle_path, take.duration, take.created_at, take.fingerprint,
        take.request_text, int(take.chosen), int(orphan),
    )  # fmt: skip


def take_from(row: TakeRow) -> tuple[str, str, Take, bool]:
    """``(chapter id, segment id, take, orphan)``."""
    (take_id, chapter_id, segment_id, local_id, audio, subtitles, duration, created,
     print_, text, chosen, orphan) = row  # fmt: skip
    take = Take(
        id=str(take_id),
        task_local_id=local_id,
        audio_path=str(audio),
        subtitle_path=subtitles,
        duration=None if duration is None else float(duration),
        created_at=float(created),
        fingerprint=str(print_),
        request_text=str(text),
        chosen=bool(chosen),
    )
    return str(chapter_id), str(segment_id), take, bool(orphan)


def mark_from(local_id: object, phase: object, reason: object) -> TaskMark | None:
    try:
        return TaskMark(
            str(local_id), TaskPhase(str(phase)), None if reason is None else str(reason)
        )
    except ValueError:  # a phase this version does not know: the queue sets it again
        return None


RULE_COLUMNS = "id, position, find, replace, regex, chapter_id, enabled"


def rule_row(position: int, rule: Rule) -> tuple[Any, ...]:
    return (
        rule.id, position, rule.find, rule.replace, int(rule.regex), rule.chapter_id,
        int(rule.enabled),
    )  # fmt: skip


def rule_from(row: tuple[Any, ...]) -> Rule | None:
    """A stored rule; ``None`` for a row that no longer makes a valid rule (a damaged file,
    or a regex this Python cannot compile): it is left out, never fatal."""
    rule_id, _, find, replace, regex, chapter_id, enabled = row
    try:
        return Rule(
            int(rule_id), str(find), str(replace), bool(regex),
            None if chapter_id is None else str(chapter_id), bool(enabled),
        )  # fmt: skip
    except (RuleError, TypeError, ValueError):
        return None
