"""The book render queue (``services/book/``), under the name the app and the CLI import."""

from __future__ import annotations

from .book.outcome import (
    BalanceTooLowError,
    LookupRefusedError,
    PricesUnknownError,
    RenderError,
    RenderResult,
    ResumeSummary,
    SegmentFailure,
    StopReason,
)
from .book.plan import PlannedSegment, RenderPlan, Selection
from .book.progress import ChapterProgress, QueueState, RenderProgress
from .book.render import RenderQueue

__all__ = [
    "BalanceTooLowError",
    "ChapterProgress",
    "LookupRefusedError",
    "PlannedSegment",
    "PricesUnknownError",
    "QueueState",
    "RenderError",
    "RenderPlan",
    "RenderProgress",
    "RenderQueue",
    "RenderResult",
    "ResumeSummary",
    "SegmentFailure",
    "Selection",
    "StopReason",
]
