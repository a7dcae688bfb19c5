"""The figures of one run of the render queue: what it sent and spent, what is done, failed
and still to do, and the progress snapshot made from them. A run starts with a fresh one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from soundclone_desktop.core.book.model import SegmentRow
from soundclone_desktop.core.book.takes import RenderStatus, SegmentKey
from soundclone_desktop.core.pricing import PriceTable

from .outcome import SegmentFailure
from .plan import task_price
from .progress import ChapterProgress, QueueState, RateLearner, RenderProgress, chapter_progress
from .progress import eta as eta_of


@dataclass
class RunFigures:
    """Mutable, owned by the queue's event loop; a run starts with a new one."""

    sent: int = 0  # creates sent by this run (it may be charged for them)
    spent: Decimal | None = Decimal(0)  # the estimate of what they cost; None: a price unknown
    budget: Decimal | None = None
    rendered: list[SegmentKey] = field(default_factory=list)  # takes adopted by this run
    failures: list[SegmentFailure] = field(default_factory=list)
    failed: set[SegmentKey] = field(default_factory=set)
    done: dict[SegmentKey, tuple[float, Decimal | None]] = field(default_factory=dict)
    queued: set[SegmentKey] = field(default_factory=set)
    scope: tuple[tuple[str, tuple[SegmentKey, ...]], ...] = ()  # the plan's chapters and keys
    titles: dict[str, str] = field(default_factory=dict)
    todo_chars: int = 0
    average_chars: int = 0
    chars_of: dict[SegmentKey, int] = field(default_factory=dict)

    def load_done(self, rows_of: Callable[[str], Sequence[SegmentRow]], prices: PriceTable) -> None:
        """The scope's segments rendered or failed before this run."""
        for chapter_id, keys in self.scope:
            wanted = set(keys)
            for row in rows_of(chapter_id):
                key = (chapter_id, row.segment.id)
                if key not in wanted:
                    continue
                if row.status.kind is RenderStatus.RENDERED:
                    chosen = row.state.chosen
                    seconds = chosen.duration if chosen and chosen.duration else 0.0
                    self.done[key] = (seconds, task_price(row.billed.billable_chars, prices))
                elif row.status.kind is RenderStatus.FAILED:
                    self.failed.add(key)

    def took(self, key: SegmentKey, seconds: float | None, price: Decimal | None) -> None:
        """A take was adopted for ``key`` by this run."""
        self.done[key] = (seconds or 0.0, price)
        self.failed.discard(key)
        self.rendered.append(key)

    def todo_done(self, key: SegmentKey) -> None:
        self.todo_chars = max(0, self.todo_chars - self.chars_of.pop(key, 0))

    def progress(
        self,
        state: QueueState,
        in_flight: set[SegmentKey],
        learner: RateLearner,
        seed: Callable[[int], float] | None,
        concurrency: int,
        prices: PriceTable,
    ) -> RenderProgress:
        """The snapshot: ``seed`` is the runner's expected seconds per character, if any."""
        chapters: list[ChapterProgress] = []
        for chapter_id, keys in self.scope:
            chapters.append(chapter_progress(
                chapter_id, self.titles.get(chapter_id, ""), keys, self.done, self.failed,
                in_flight,
            ))  # fmt: skip
        spent: Decimal | None = Decimal(0)
        for chapter in chapters:
            spent = None if spent is None or chapter.spent is None else spent + chapter.spent
        learnt = learner.seconds_per_char
        return RenderProgress(
            state=state,
            chapters=tuple(chapters),
            total=sum(c.total for c in chapters),
            done=sum(c.done for c in chapters),
            failed=sum(c.failed for c in chapters),
            in_flight=len(in_flight),
            audio_seconds=round(sum(c.audio_seconds for c in chapters), 3),
            spent=spent,
            spent_this_run=self.spent,
            remaining_chars=self.todo_chars,
            eta_seconds=eta_of(self.todo_chars, learnt, seed, self.average_chars, concurrency),
            seconds_per_char=learnt,
            currency=prices.currency,
        )
