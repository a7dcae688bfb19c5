"""What a render reports while it runs, per chapter and for the book. Pure values.

The render queue (``services/book_render.py``) publishes a :class:`RenderSnapshot` whenever
something changes; the book view maps it onto its chapter list. Only figures the user reads
at a glance: segments done of total, minutes of audio, money spent, and why a chapter
stopped. Nothing here knows Qt or the task library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class QueueState(StrEnum):
    IDLE = "idle"  # nothing queued
    RUNNING = "running"
    PAUSED = "paused"  # the user paused; tasks already sent still finish
    STOPPED = "stopped"  # the budget or the balance stopped it (``reason`` says which)


@dataclass(frozen=True, slots=True)
class ChapterProgress:
    """One chapter in the render: ``done`` of ``total`` segments have audio now."""

    chapter_id: str
    done: int
    total: int
    failed: int = 0
    audio_seconds: float = 0.0  # of the segments done
    spent: Decimal = Decimal(0)  # money charged for this chapter in this render

    def __post_init__(self) -> None:
        if not 0 <= self.done <= self.total or not 0 <= self.failed <= self.total:
            raise ValueError(f"progress {self.done}/{self.total} ({self.failed} failed)")

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total


@dataclass(frozen=True, slots=True)
class RenderSnapshot:
    """The whole render at one moment; ``chapters`` holds the chapters in it only."""

    state: QueueState
    chapters: Mapping[str, ChapterProgress] = field(default_factory=dict)
    spent: Decimal = Decimal(0)
    currency: str = ""
    eta_seconds: float | None = None  # learned from the tasks' real durations
    reason: str | None = None  # why it stopped (``STOPPED``), one sentence

    @property
    def done(self) -> int:
        return sum(p.done for p in self.chapters.values())

    @property
    def total(self) -> int:
        return sum(p.total for p in self.chapters.values())
