"""What a segment has been rendered as: its takes, its task in flight, its status. Pure.

A *take* is one paid rendering of a segment: the audio (and captions) a task produced, the
request text it spoke and the *fingerprint* of the request (its text, voice and every
parameter). A segment's status is derived, never stored: a task mark set by the render queue
(queued, rendering, failed) and the chosen take compared with the fingerprint the segment
would be rendered with now. A take whose fingerprint differs is *stale*: the text, the voice
or a parameter changed since it was paid for.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, fields
from enum import Enum, StrEnum
from hashlib import blake2b
from typing import Final

from ..params import ProductionParams

SegmentKey = tuple[str, str]
"""A segment of a book: ``(chapter id, segment id)`` (segment ids are unique per chapter)."""

_FINGERPRINT_BYTES: Final = 16


class TaskPhase(StrEnum):
    """Where the render queue is with a segment's task (the task library has the details)."""

    QUEUED = "queued"  # waiting in the queue, nothing sent yet
    RENDERING = "rendering"  # the task was (or is being) created: it may be charged
    FAILED = "failed"  # the last attempt failed; ``reason`` says why


class RenderStatus(StrEnum):
    NOT_RENDERED = "not-rendered"
    QUEUED = "queued"
    RENDERING = "rendering"
    RENDERED = "rendered"
    FAILED = "failed"
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class SegmentStatus:
    kind: RenderStatus
    reason: str | None = None  # why it failed (``FAILED`` only)


@dataclass(frozen=True, slots=True)
class TaskMark:
    """The render queue's note on a segment: the task library's ``local_id`` and the phase."""

    local_id: str
    phase: TaskPhase
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Take:
    """One rendering of a segment.

    ``audio_path`` and ``subtitle_path`` are POSIX paths relative to the book's folder, or
    absolute for audio that lives elsewhere (until the book's audio is collected).
    """

    id: str
    task_local_id: str | None
    audio_path: str
    subtitle_path: str | None
    duration: float | None  # seconds, once known
    created_at: float  # wall clock (time.time())
    fingerprint: str  # :func:`fingerprint` of the request that produced it
    request_text: str  # what was spoken (and billed)
    chosen: bool = False


@dataclass(frozen=True, slots=True)
class SegmentState:
    """The takes of one current segment (oldest first) and its task mark; at most one take is
    chosen."""

    takes: tuple[Take, ...] = ()
    task: TaskMark | None = None

    def __post_init__(self) -> None:
        if sum(take.chosen for take in self.takes) > 1:
            raise ValueError("a segment has at most one chosen take")

    @property
    def chosen(self) -> Take | None:
        return next((take for take in self.takes if take.chosen), None)

    @property
    def is_empty(self) -> bool:
        return not self.takes and self.task is None


@dataclass(frozen=True, slots=True)
class Orphan:
    """A take of a segment that no longer exists (its text was edited, its chapter removed).

    Paid audio is never deleted: it waits here, and goes back to its segment if the text
    comes back (an undone edit gives the segment its old ID again).
    """

    chapter_id: str
    segment_id: str
    take: Take


def param_values(params: ProductionParams) -> dict[str, object]:
    """Every field of ``params`` but the text, as JSON values (enum members as their value).

    The same shape as the task library's stored parameters: the dataclass field names.
    """
    values: dict[str, object] = {}
    for field in fields(params):
        if field.name == "text":
            continue
        value = getattr(params, field.name)
        values[field.name] = value.value if isinstance(value, Enum) else value
    return values


def fingerprint(params: ProductionParams) -> str:
    """A hash of the request ``params`` describes: its text (NFC), voice and parameters.

    Numbers are compared by value (a speed of ``1`` and ``1.0`` are the same request).
    """
    values = {k: _canonical(v) for k, v in param_values(params).items()}
    values["model_id"] = str(values["model_id"]).strip()
    text = unicodedata.normalize("NFC", params.text)
    data = json.dumps([text, values], sort_keys=True, ensure_ascii=False)
    digest = blake2b(data.encode("utf-8", "surrogatepass"), digest_size=_FINGERPRINT_BYTES)
    return digest.hexdigest()


def _canonical(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def segment_status(state: SegmentState, current_fingerprint: str) -> SegmentStatus:
    """What the user sees: a task in flight first, then the chosen take, then a failure.

    A failed re-render of a segment whose chosen take is current still shows rendered (the
    audio is good); a failed one with a stale take shows the failure (it needs attention).
    """
    task = state.task
    if task is not None and task.phase is TaskPhase.QUEUED:
        return SegmentStatus(RenderStatus.QUEUED)
    if task is not None and task.phase is TaskPhase.RENDERING:
        return SegmentStatus(RenderStatus.RENDERING)
    chosen = state.chosen
    if chosen is not None and chosen.fingerprint == current_fingerprint:
        return SegmentStatus(RenderStatus.RENDERED)
    if task is not None:  # FAILED
        return SegmentStatus(RenderStatus.FAILED, task.reason)
    if chosen is not None:
        return SegmentStatus(RenderStatus.STALE)
    return SegmentStatus(RenderStatus.NOT_RENDERED)
