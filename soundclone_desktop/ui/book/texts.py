"""The book view's sentences: chapter states, the estimate line, render progress."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from soundclone_desktop.core.book.estimate import BookEstimate, SizeTradeoff
from soundclone_desktop.core.book.overview import ChapterOverview, ChapterState
from soundclone_desktop.core.book.progress import ChapterProgress, QueueState, RenderSnapshot
from soundclone_desktop.i18n import translate
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.tasks.task_list import duration_text

CTX = "BookView"


def number(value: int) -> str:
    """``104``, ``1,040,000`` in the UI's locale."""
    return QLocale().toString(value)


def minutes_text(seconds: float) -> str:
    return translate(CTX, "%1 min").replace("%1", f"{seconds / 60:.1f}")


def state_text(line: ChapterOverview, progress: ChapterProgress | None = None) -> str:
    """The status column: always words (an icon beside them, never a colour alone)."""
    state = line.state
    if progress is not None and not progress.finished:
        return (
            translate(CTX, "Rendering %1/%2")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.total))
        )
    counts = (str(line.done), str(line.total))
    texts = {
        ChapterState.NOT_RENDERED: translate(CTX, "Not rendered"),
        ChapterState.PARTLY_RENDERED: translate(CTX, "Rendered %1/%2"),
        ChapterState.RENDERING: translate(CTX, "Rendering %1/%2"),
        ChapterState.RENDERED: translate(CTX, "Rendered"),
        ChapterState.FAILED: translate(CTX, "Failed"),
        ChapterState.STALE: translate(CTX, "Stale"),
        ChapterState.EXCLUDED: translate(CTX, "Excluded"),
        ChapterState.EMPTY: translate(CTX, "Empty"),
    }
    return texts[state].replace("%1", counts[0]).replace("%2", counts[1])


def state_tooltip(line: ChapterOverview) -> str:
    state = line.state
    if state is ChapterState.FAILED:
        reason = line.reason or translate(CTX, "no reason was given")
        return translate(CTX, "A segment failed: %1").replace("%1", reason)
    if state is ChapterState.STALE:
        return translate(
            CTX, "Some audio was made for other text, voice or parameters: render again."
        )
    if state is ChapterState.EXCLUDED:
        return translate(CTX, "Left out of the book: not rendered, not exported.")
    return (
        translate(CTX, "%1 of %2 segments rendered")
        .replace("%1", str(line.done))
        .replace("%2", str(line.total))
    )


def estimate_text(estimate: BookEstimate, scope: str) -> str:
    """``Book: 312,000 characters, 104 tasks, voice fees 52.00, total 83.20; paid 10.00``."""
    total = estimate.total
    currency = estimate.currency
    return (
        translate(CTX, "%1: %2 characters, %3 tasks, voice fees %4, total %5; already paid %6")
        .replace("%1", scope)
        .replace("%2", number(total.billable_chars))
        .replace("%3", number(total.tasks))
        .replace("%4", money_text(total.voice_fees, currency))
        .replace("%5", money_text(total.cost, currency))
        .replace("%6", money_text(estimate.rendered.cost, currency))
    )


def tradeoff_text(tradeoff: SizeTradeoff) -> str:
    """``3,000 chars: 104 tasks, 52.00 in voice fees; redoing one segment ≈ 0.61``."""
    currency = tradeoff.currency
    return (
        translate(CTX, "%1 chars: %2 tasks, %3 in voice fees; redoing one segment ≈ %4")
        .replace("%1", number(tradeoff.target_chars))
        .replace("%2", number(tradeoff.tasks))
        .replace("%3", money_text(tradeoff.voice_fees, currency))
        .replace("%4", money_text(tradeoff.redo_segment, currency))
    )


def progress_text(snapshot: RenderSnapshot) -> str:
    """The book's render in one line: segments, minutes, money, time left."""
    seconds = sum(p.audio_seconds for p in snapshot.chapters.values())
    text = (
        translate(CTX, "%1 of %2 segments, %3 of audio, %4 spent")
        .replace("%1", number(snapshot.done))
        .replace("%2", number(snapshot.total))
        .replace("%3", minutes_text(seconds))
        .replace("%4", money_text(snapshot.spent, snapshot.currency))
    )
    if snapshot.state is QueueState.PAUSED:
        text = translate(CTX, "Paused: %1").replace("%1", text)
    elif snapshot.state is QueueState.STOPPED and snapshot.reason:
        text = f"{text} — {snapshot.reason}"
    elif snapshot.eta_seconds is not None and snapshot.state is QueueState.RUNNING:
        left = translate(CTX, "about %1 left").replace("%1", duration_text(snapshot.eta_seconds))
        text = f"{text}, {left}"
    return text


def chapter_progress_tooltip(progress: ChapterProgress, currency: str) -> str:
    return (
        translate(CTX, "%1 of %2 segments, %3 of audio, %4 spent")
        .replace("%1", number(progress.done))
        .replace("%2", number(progress.total))
        .replace("%3", minutes_text(progress.audio_seconds))
        .replace("%4", money_text(progress.spent, currency))
    )


def money(amount: Decimal | None, currency: str) -> str:
    return money_text(amount, currency)
