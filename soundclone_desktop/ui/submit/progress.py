"""Running work shown on the Generate button: a fill, and a sentence for the tooltip and
screen readers.

For single scripts the fill follows the newest task's expected finish (learned from real
task durations), capped below full so a slow task never looks done before it is. While a
book renders, the button shows the render queue instead: segments done of the segments in
this render, and the time left the navigator shows too. The queue reports every segment;
its snapshots are applied at most every :data:`BOOK_COALESCE_MS`, so a 300-segment render
repaints the button a few times a second at most.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer

from soundclone_desktop.core.jobs import Job
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.tasks.runner_bridge import RunnerBridge
from soundclone_desktop.ui.tasks.task_list import expected_text

if TYPE_CHECKING:  # the book's modules load with the book, not at start-up
    from soundclone_desktop.core.book.progress import RenderSnapshot

CTX = "MainWindow"
_TICK_MS = 250
_CAP = 0.97  # never full before the result is in
BOOK_COALESCE_MS = 200
BOOK_DONE_MS = 1500  # a finished render shows a full button this long before it is normal
# QueueState values (a StrEnum), spelled out so the book's package stays off the start-up path.
_RUNNING: Final = "running"
_PAUSED: Final = "paused"


def fraction_done(job: Job, now: float) -> float | None:
    """How far ``job`` is towards its expected finish (0..0.97), None when unknown."""
    if job.submitted_at is None or job.expected_finish is None:
        return None
    span = job.expected_finish - job.submitted_at
    if span <= 0:
        return _CAP
    return min(_CAP, max(0.0, (now - job.submitted_at) / span))


def book_fraction(snapshot: RenderSnapshot) -> float:
    """Segments done of the segments in this render (0..1)."""
    return min(1.0, snapshot.done / snapshot.total) if snapshot.total else 0.0


def book_activity(snapshot: RenderSnapshot) -> str:
    """``Rendering book · 37/120 segments · ~14 min left`` (or paused)."""
    done, total = str(snapshot.done), str(snapshot.total)
    if snapshot.state == _PAUSED:
        text = translate(CTX, "Book render paused · %1/%2 segments")
        return text.replace("%1", done).replace("%2", total)
    eta = snapshot.eta_seconds
    if eta is None:
        text = translate(CTX, "Rendering book · %1/%2 segments")
    elif eta < 90:
        text = translate(
            CTX, "Rendering book · %1/%2 segments · ~%n s left", None, max(1, round(eta))
        )
    else:
        text = translate(
            CTX, "Rendering book · %1/%2 segments · ~%n min left", None, round(eta / 60)
        )
    return text.replace("%1", done).replace("%2", total)


def book_finished(snapshot: RenderSnapshot) -> bool:
    """Whether every segment of the render is done."""
    return snapshot.total > 0 and snapshot.done >= snapshot.total


def book_finished_text(snapshot: RenderSnapshot) -> str:
    text = translate(CTX, "Rendered the book · %1/%2 segments")
    return text.replace("%1", str(snapshot.done)).replace("%2", str(snapshot.total))


def book_rendering(snapshot: RenderSnapshot | None) -> bool:
    """Whether ``snapshot`` is of a render under way (running or paused, not ended)."""
    return snapshot is not None and snapshot.total > 0 and snapshot.state in (_RUNNING, _PAUSED)


class ButtonProgress(QObject):
    """Feeds ``show(fraction, activity)`` from the window's job updates and, while a book
    renders, from the render queue's snapshots (:meth:`show_book`), which take precedence."""

    def __init__(
        self,
        bridge: RunnerBridge,
        show: Callable[[float | None, str], None],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._show = show
        self._clock = clock
        self._running: dict[str, Job] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self.refresh)
        self._book: RenderSnapshot | None = None  # the latest, applied by _book_timer
        self._book_fraction = 0.0  # shown so far in this render: never goes back
        self._book_timer = QTimer(self)
        self._book_timer.setSingleShot(True)
        self._book_timer.setInterval(BOOK_COALESCE_MS)
        self._book_timer.timeout.connect(self.refresh)
        self._done_timer = QTimer(self)
        self._done_timer.setSingleShot(True)
        self._done_timer.setInterval(BOOK_DONE_MS)
        self._done_timer.timeout.connect(self.refresh)
        bridge.job_updated.connect(self.on_update)

    def show_book(self, snapshot: RenderSnapshot) -> None:
        """A book render's snapshot (GUI thread); the button shows it within a moment."""
        was_rendering = book_rendering(self._book)
        started = book_rendering(snapshot) and not was_rendering
        self._book = snapshot
        if started:
            self._book_fraction = 0.0
            self._done_timer.stop()
        elif was_rendering and not book_rendering(snapshot) and book_finished(snapshot):
            # The last snapshots may come too close together to be shown: end on a full
            # button for a moment, so the render is seen to complete.
            self._book_timer.stop()
            self._show(1.0, book_finished_text(snapshot))
            self._done_timer.start()
            return
        if started or not book_rendering(snapshot):
            self._book_timer.stop()
            self.refresh()  # a render begins or ends: at once
        elif not self._book_timer.isActive():
            self._book_timer.start()

    def on_update(self, job: Job) -> None:
        if job.is_done:
            self._running.pop(job.local_id, None)
        else:
            self._running[job.local_id] = job
        self.refresh()

    def refresh(self) -> None:
        if self._done_timer.isActive():
            return  # the finished render's full button, for a moment
        book = self._book
        if book is not None and book_rendering(book):
            self._book_fraction = max(self._book_fraction, book_fraction(book))
            self._show(self._book_fraction, book_activity(book))
            return
        self._book_fraction = 0.0
        if not self._running:
            self._timer.stop()
            self._show(None, "")
            return
        if not self._timer.isActive():
            self._timer.start()
        now = self._clock()
        newest = max(self._running.values(), key=lambda job: job.created_at)
        fraction = fraction_done(newest, now)
        count = len(self._running)
        activity = translate(CTX, "Tasks generating: %n", None, count)
        expected = expected_text(newest.expected_in(now))
        if expected:
            activity = f"{activity} · {expected}"
        self._show(fraction if fraction is not None else 0.0, activity)
