"""The delivery itself, as one blocking call for a worker thread (no Qt here).

A stand-in until the book delivery service (``services/delivery/book.py``) is merged: it
stitches what is not stitched yet, masters the chapters (only what changed: the masters'
manifest), checks them and writes the reports, then the M4B. Every file is written under a
temporary name and renamed when complete, so Cancel leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.audio.decode import Cancelled
from soundclone_desktop.audio.m4b import BookMeta, ChapterAudio, write_m4b
from soundclone_desktop.services.book.stitch import safe_title, stitch_chapter_sync
from soundclone_desktop.services.delivery.check import DeliveryReport, check_files
from soundclone_desktop.services.delivery.master import Manifest, master_files
from soundclone_desktop.services.delivery.report import write_reports
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.delivery.request import DeliveryRequest

__all__ = ["Cancelled", "DeliveryResult", "Progress", "run_delivery"]

Progress = Callable[[str, float], None]  # step ("stitch", "master", "check", "m4b"…), 0…1


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    folder: Path
    report: DeliveryReport | None
    html_report: Path | None
    written: tuple[Path, ...]
    redone: int  # masters made this time (the others were up to date)


def run_delivery(
    request: DeliveryRequest, *, cancelled: Callable[[], bool], progress: Progress
) -> DeliveryResult:
    def stop_if_cancelled() -> None:
        if cancelled():
            raise Cancelled

    out = request.out
    out.mkdir(parents=True, exist_ok=True)
    with BookStore.open(request.book_folder) as store:
        book = store.book
        chapters = [c for c in book.chapters if not c.excluded]
        stitched = []
        for index, chapter in enumerate(chapters):
            progress("stitch", index / len(chapters))
            stitched.append(stitch_chapter_sync(store, chapter.id, cancelled=cancelled))
            stop_if_cancelled()
        progress("stitch", 1.0)
    sources = [s.audio_path for s in stitched]
    done: list[Path] = []

    def mastered(outcome: object) -> None:
        done.append(Path())
        progress("master", len(done) / len(sources))

    progress("master", 0.0)
    outcomes = master_files(
        sources, out, request.profile, channels=request.channels,
        cancelled=cancelled, progress=mastered,
    )  # fmt: skip
    stop_if_cancelled()
    targets = [o.target for o in outcomes]
    progress("check", 0.0)
    manifest = Manifest(out)
    report = check_files(out, request.profile, targets, known=manifest.known, cancelled=cancelled)
    _, html_path = write_reports(report)
    progress("check", 1.0)
    written = list(targets)
    if request.m4b:
        stop_if_cancelled()
        details = request.details
        meta = BookMeta(
            title=details.title or book.title, author=details.author or None,
            narrator=details.narrator or None, year=details.year or None,
            description=details.description or None, genre=details.genre or None,
            cover=details.cover,
        )  # fmt: skip
        m4b = out / f"{safe_title(meta.title) or 'book'}.m4b"
        write_m4b(
            [ChapterAudio(c.title, t) for c, t in zip(chapters, targets, strict=True)],
            m4b, meta=meta, channels=request.channels, cancelled=cancelled,
            progress=lambda fraction: progress("m4b", fraction),
        )  # fmt: skip
        written.append(m4b)
    return DeliveryResult(out, report, html_path, tuple(written), sum(o.redone for o in outcomes))
