"""The book render queue (``services/book/``), under the name the app and the CLI import."""

from __future__ import annotations

from .book.plan import PlannedSegment, RenderPlan, Selection
from .book.progress import ChapterProgress, QueueState, RenderProgress
from .book.render import (
    BalanceTooLowError,
    LookupRefusedError,
    PricesUnknownError,
    RenderError,
    RenderQueue,
    RenderResult,
    ResumeSummary,
    SegmentFailure,
    StopReason,
)

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
