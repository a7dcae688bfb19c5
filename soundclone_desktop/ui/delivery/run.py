"""The delivery the dialog asked for, as one blocking call for a worker thread (no Qt here):
the book service (:mod:`soundclone_desktop.services.delivery.book`) step by step — the
chapter masters with their check report and captions, then the M4B, then the read-along
EPUB. Each step writes atomically and redoes only what changed (the service's manifests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from soundclone_desktop.services.book.stitch import safe_title
from soundclone_desktop.services.delivery.book import (
    BookInfo,
    BookMasters,
    DeliveryCancelledError,
    DeliveryStep,
    FileKind,
    book_info,
    export_m4b,
    export_read_along,
    master_book,
)
from soundclone_desktop.services.delivery.check import DeliveryReport
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.delivery.request import DeliveryRequest

__all__ = ["DeliveryCancelledError", "DeliveryResult", "Progress", "run_delivery"]

Progress = Callable[[DeliveryStep, float], None]  # the step now, the whole run's fraction done
# The steps each service call reports, in order: each call gets an equal part of the bar.
_MASTER_STEPS = (DeliveryStep.STITCH, DeliveryStep.MASTER, DeliveryStep.CHECK,
                 DeliveryStep.CAPTIONS)  # fmt: skip
_M4B_STEPS = (DeliveryStep.STITCH, DeliveryStep.MASTER, DeliveryStep.M4B)
_EPUB_STEPS = (DeliveryStep.STITCH, DeliveryStep.MASTER, DeliveryStep.EPUB)


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    folder: Path
    masters: BookMasters | None  # None: no chapter files were asked for
    written: tuple[Path, ...]

    @property
    def report(self) -> DeliveryReport | None:
        return self.masters.report if self.masters else None

    @property
    def html_report(self) -> Path | None:
        return self.masters.report_html if self.masters else None

    @property
    def redone(self) -> int:
        """Chapter masters made this time (the others were up to date)."""
        return sum(f.redone for f in self.masters.files) if self.masters else 0

    @property
    def missing_credits(self) -> tuple[str, ...]:
        """``"opening"``/``"closing"``: credits the profile wants that the book lacks."""
        if self.masters is None or not self.masters.notes:
            return ()
        kinds = {f.kind for f in self.masters.files}
        return tuple(k for k in (FileKind.OPENING, FileKind.CLOSING) if k not in kinds)


def run_delivery(
    request: DeliveryRequest, *, cancelled: Callable[[], bool], progress: Progress
) -> DeliveryResult:
    """Raises the service's ``DeliveryError`` (a sentence) or ``DeliveryCancelledError``."""
    out = request.out
    written: list[Path] = []
    masters = None
    calls = [request.chapter_files, request.m4b, request.epub]
    parts = max(1, sum(calls))

    def part(index: int, steps: tuple[DeliveryStep, ...]) -> Progress:
        def report(step: DeliveryStep, fraction: float) -> None:
            place = steps.index(step) if step in steps else 0
            within = (place + min(max(fraction, 0.0), 1.0)) / len(steps)
            progress(step, (index + within) / parts)

        return report

    # A store of its own: the book view's stays free for the GUI thread.
    with BookStore.open(request.book_folder) as store:
        info = _info(store, request)
        stem = safe_title(info.meta.title) or "book"
        if request.chapter_files:
            masters = master_book(
                store, out, request.profile, info=info, channels=request.channels,
                captions=request.captions, progress=part(0, _MASTER_STEPS), cancelled=cancelled,
            )  # fmt: skip
            written += [f.path for f in masters.files]
            written += [p for p in (masters.report_html, masters.book_captions) if p]
        if request.m4b:
            m4b = export_m4b(
                store, out / f"{stem}.m4b", info=info, channels=request.channels,
                progress=part(sum(calls[:1]), _M4B_STEPS), cancelled=cancelled,
            )  # fmt: skip
            written.append(m4b.path)
        if request.epub:
            epub = out / f"{stem}.epub"
            epub_progress = part(sum(calls[:2]), _EPUB_STEPS)
            written.append(
                export_read_along(
                    store, epub, info=info, progress=epub_progress, cancelled=cancelled
                )
            )
    return DeliveryResult(out, masters, tuple(written))


def _info(store: BookStore, request: DeliveryRequest) -> BookInfo:
    """The book's metadata with what the user typed in the dialog (an empty field: the
    book's own value, or none)."""
    details = request.details
    info = book_info(store.book)
    meta = replace(
        info.meta,
        title=details.title or info.meta.title,
        author=details.author or info.meta.author,
        narrator=details.narrator or info.meta.narrator,
        year=details.year or None,
        description=details.description or None,
        genre=details.genre or None,
        cover=details.cover,
    )
    return replace(info, meta=meta)
