"""Delivering a finished book: the one service the export dialog and ``soundclone book
master|export`` call. Qt-free and blocking: run it on a worker thread.

:func:`master_book` — the chapter files a retailer takes, into ``out``:

1. every chapter to deliver (not excluded, in the book's order) is stitched in the book
   (``services/book/stitch.py``; a chapter whose takes did not change is not stitched again);
2. each is mastered for the profile (``master.py``: level, limiter, room tone, head and
   tail, rate, format), named ``NN-Title.ext`` (its place in the book, the title with only
   characters every OS accepts), with ID3/MP4 tags: title, album (the book), artist (the
   author), track n/total, cover;
3. the folder is checked against the profile; ``delivery-check-<profile>.json`` and
   ``.html`` are written next to the files;
4. captions (``captions``, default SRT): one file per master, moved onto the master's own
   clock (mastering trims the stitched head and adds its own room tone), and one for the
   book with each file's offset when the files are played in a row.

:func:`export_m4b` and :func:`export_read_along` write one M4B (chapter markers, cover,
tags) or one read-along EPUB 3 (Media Overlays from the captions) from the book's Apple
masters, kept in ``<book>/delivery/apple`` so the two share them and a repeat is cheap.

Credits: ACX wants opening and closing credits as files of their own. They are chapters
of the book titled "Opening credits" and "Closing credits" (:data:`CREDIT_TITLES`, any
case), rendered like any chapter; :func:`credits_text` writes the usual sentence for the
user to put in them. :attr:`BookMasters.notes` says when they are missing.

Every call takes ``progress(step, fraction)`` (the fraction of that step done, 0…1; called
from worker threads) and ``cancelled()`` (asked between chapters and between audio blocks;
:class:`DeliveryCancelledError` is raised, the files already finished are kept, no file is
left half written). Every file is replaced atomically. Repeating a call redoes only what
changed: stitching and mastering keep manifests of what made each file; files an earlier
:func:`master_book` wrote into the folder that this one does not (a renamed chapter) go.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Final

from soundclone_desktop.audio.decode import Cancelled
from soundclone_desktop.audio.m4b import BookMeta, ChapterAudio, write_m4b
from soundclone_desktop.audio.model import AudioError
from soundclone_desktop.audio.tags import Tags
from soundclone_desktop.core.book.model import Book
from soundclone_desktop.core.delivery.profiles import APPLE, DeliveryProfile
from soundclone_desktop.core.storage import StorageCause, storage_cause
from soundclone_desktop.core.subtitles import Cue, SubtitleFormat
from soundclone_desktop.core.subtitles.book import shifted
from soundclone_desktop.services.book.stitch import (
    StitchedChapter,
    StitchError,
    chapter_ready,
    safe_title,
    stitch_chapter_sync,
)
from soundclone_desktop.store.atomic import atomic_write_bytes
from soundclone_desktop.store.book.store import BookStore

from .captions import CaptionedChapter, write_book_captions
from .check import DeliveryReport, check_files
from .epub import ReadAlongChapter, ReadAlongError, write_read_along_epub
from .master import Manifest, MasterOutcome, master_files
from .report import write_reports

__all__ = [
    "CREDIT_TITLES",
    "BookInfo",
    "BookM4b",
    "BookMasters",
    "ChaptersNotReadyError",
    "DeliveredFile",
    "DeliveryCancelledError",
    "DeliveryError",
    "DeliveryProblem",
    "DeliveryStep",
    "FileKind",
    "Progress",
    "book_info",
    "credits_text",
    "export_m4b",
    "export_read_along",
    "master_book",
]

CREDIT_TITLES: Final = {"opening credits": "opening", "closing credits": "closing"}
SHARED_MASTERS: Final = Path("delivery") / APPLE.key  # inside the book folder
DELIVERED: Final = ".soundclone-delivered.json"  # what master_book last wrote into a folder


class DeliveryStep(StrEnum):
    STITCH = "stitch"
    MASTER = "master"
    CHECK = "check"
    CAPTIONS = "captions"
    M4B = "m4b"
    EPUB = "epub"


Progress = Callable[[DeliveryStep, float], None]


class DeliveryProblem(StrEnum):
    """What stopped a delivery, for a window to say in its own language (``str()`` of the
    error is the English sentence the command line prints)."""

    NOTHING_TO_DELIVER = "nothing-to-deliver"  # every chapter is excluded
    NOT_RENDERED = "not-rendered"  # ChaptersNotReadyError: ``numbers``
    CANCELLED = "cancelled"
    COVER_UNREADABLE = "cover-unreadable"  # ``path``
    COVER_NOT_AN_IMAGE = "cover-not-an-image"  # ``path``
    FOLDER_HOLDS_SOURCES = "folder-holds-sources"  # a master would overwrite its source
    CANNOT_WRITE = "cannot-write"  # ``path``, ``cause`` when it is a lasting one
    AUDIO = "audio"  # stitching, mastering or the EPUB failed: only the English says why


class DeliveryError(Exception):
    """The delivery could not be made; ``str()`` is a sentence for the user, ``problem``
    (with ``path`` and ``cause`` where it names them) says which for a translation."""

    def __init__(
        self,
        message: str,
        problem: DeliveryProblem = DeliveryProblem.AUDIO,
        *,
        path: Path | None = None,
        cause: StorageCause | None = None,
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = path
        self.cause = cause


class DeliveryCancelledError(DeliveryError):
    """The user cancelled; what was finished before is kept, nothing is half written."""

    def __init__(self) -> None:
        super().__init__("Stopped: the files finished before are kept.", DeliveryProblem.CANCELLED)


class ChaptersNotReadyError(DeliveryError):
    """Some chapters to deliver are not rendered in full; ``numbers`` from 1, book order."""

    def __init__(self, numbers: Sequence[int]) -> None:
        self.numbers = tuple(numbers)
        listed = ", ".join(map(str, numbers))
        word = "chapter" if len(numbers) == 1 else "chapters"
        super().__init__(f"Nothing was delivered: {len(numbers)} {word} ({listed}) "
                         "not rendered in full yet.", DeliveryProblem.NOT_RENDERED)  # fmt: skip


class FileKind(StrEnum):
    OPENING = "opening"
    CHAPTER = "chapter"
    CLOSING = "closing"


@dataclass(frozen=True, slots=True)
class BookInfo:
    """What the files say about the book: the M4B's metadata (also the chapter files' tags)
    and the language the EPUB declares."""

    meta: BookMeta
    language: str = "en"


@dataclass(frozen=True, slots=True)
class DeliveredFile:
    number: int  # the track number, from 1
    chapter_id: str
    title: str
    kind: FileKind
    path: Path  # the master
    start_s: float  # where it starts when the files are played in a row
    duration_s: float
    redone: bool  # False: the master was already up to date
    captions: Path | None  # its captions (None: none asked for, or the takes had none)
    cues: tuple[Cue, ...]  # its captions on its own clock


@dataclass(frozen=True, slots=True)
class BookMasters:
    folder: Path
    profile: DeliveryProfile
    files: tuple[DeliveredFile, ...]
    report: DeliveryReport
    report_json: Path
    report_html: Path
    book_captions: Path | None
    notes: tuple[str, ...]  # what the check cannot see (missing credits)

    @property
    def passed(self) -> bool:
        return self.report.passed


@dataclass(frozen=True, slots=True)
class BookM4b:
    path: Path
    chapters: tuple[DeliveredFile, ...]  # the masters it was made from, in order
    chapter_starts_s: tuple[float, ...]
    duration_s: float


def book_info(book: Book) -> BookInfo:
    """The book's own metadata; a caller changes fields with ``dataclasses.replace``."""
    meta = BookMeta(title=book.title, author=book.author or None, narrator=book.narrator)
    return BookInfo(meta, language=book.language or "en")


def credits_text(info: BookInfo) -> tuple[str, str]:
    """The usual opening and closing credits for ``info`` (for chapters the user writes)."""
    meta = info.meta
    by = f", written by {meta.author}" if meta.author else ""
    read = f", narrated by {meta.narrator}" if meta.narrator else ""
    return (f"This is {meta.title}{by}{read}.", f"The end of {meta.title}{by}{read}.")


def master_book(
    store: BookStore,
    out: Path,
    profile: DeliveryProfile,
    *,
    info: BookInfo | None = None,
    channels: int = 1,
    captions: SubtitleFormat | None = SubtitleFormat.SRT,
    chapter_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BookMasters:
    """Master the book into ``out`` for ``profile`` and check it (module doc, steps 1–4).

    ``chapter_ids``: the chapters to deliver (default: every chapter not excluded).
    Raises :class:`ChaptersNotReadyError`, :class:`DeliveryCancelledError` or
    :class:`DeliveryError`."""
    info = info or book_info(store.book)
    report_progress = progress or (lambda _step, _fraction: None)
    with _delivery_errors():
        files = _masters(store, out, profile, info, channels, chapter_ids, report_progress,
                         cancelled, tag=True)  # fmt: skip
        _stop_if(cancelled)
        report_progress(DeliveryStep.CHECK, 0.0)
        report = check_files(out, profile, [f.path for f in files],
                             known=Manifest(out).known, cancelled=cancelled)  # fmt: skip
        report_json, report_html = write_reports(report, out)
        report_progress(DeliveryStep.CHECK, 1.0)
        _stop_if(cancelled)
        book_captions: Path | None = None
        if captions is not None and any(f.cues for f in files):
            files, book_captions = _write_captions(out, info, files, captions)
        _forget_earlier_deliveries(out, files, book_captions)
        report_progress(DeliveryStep.CAPTIONS, 1.0)
    return BookMasters(out, profile, tuple(files), report, report_json, report_html,
                       book_captions, _notes(store.book, files, profile))  # fmt: skip


def export_m4b(
    store: BookStore,
    out: Path,
    *,
    info: BookInfo | None = None,
    channels: int = 1,
    bitrate_kbps: int = 64,
    chapter_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BookM4b:
    """One M4B at ``out``: a chapter marker per chapter (its title), the cover and tags."""
    info = info or book_info(store.book)
    report_progress = progress or (lambda _step, _fraction: None)
    with _delivery_errors():
        files = _masters(store, store.folder / SHARED_MASTERS, APPLE, info, channels,
                         chapter_ids, report_progress, cancelled, tag=False)  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        result = write_m4b(
            [ChapterAudio(f.title, f.path) for f in files], out, meta=info.meta,
            bitrate_kbps=bitrate_kbps, rate=APPLE.master.rate, channels=channels,
            cancelled=cancelled, progress=lambda done: report_progress(DeliveryStep.M4B, done),
        )  # fmt: skip
    return BookM4b(out, tuple(files), result.chapter_starts_s, result.duration_s)


def export_read_along(
    store: BookStore,
    out: Path,
    *,
    info: BookInfo | None = None,
    chapter_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """One read-along EPUB 3 at ``out``: each chapter's text and its Apple master (AAC), a
    sentence highlighted as it is heard (clips from the captions on the master's clock)."""
    info = info or book_info(store.book)
    report_progress = progress or (lambda _step, _fraction: None)
    with _delivery_errors():
        files = _masters(store, store.folder / SHARED_MASTERS, APPLE, info, 1, chapter_ids,
                         report_progress, cancelled, tag=False)  # fmt: skip
        _stop_if(cancelled)
        book = store.book
        chapters = [ReadAlongChapter(f.title, book.chapter(f.chapter_id).text, f.path, f.cues)
                    for f in files]  # fmt: skip
        report_progress(DeliveryStep.EPUB, 0.0)
        out.parent.mkdir(parents=True, exist_ok=True)
        meta = info.meta
        written = write_read_along_epub(meta.title, meta.author or "", info.language,
                                        chapters, out, cover=meta.cover)  # fmt: skip
        report_progress(DeliveryStep.EPUB, 1.0)
    return written


# -- the shared steps ---------------------------------------------------------------------------


def _masters(
    store: BookStore,
    folder: Path,
    profile: DeliveryProfile,
    info: BookInfo,
    channels: int,
    chapter_ids: Sequence[str] | None,
    progress: Progress,
    cancelled: Callable[[], bool] | None,
    *,
    tag: bool,
) -> list[DeliveredFile]:
    stitched = _stitched(store, chapter_ids, progress, cancelled)
    book = store.book
    by_source = {chapter.audio_path: chapter for chapter in stitched}
    meta = info.meta
    cover = _cover(meta.cover) if tag else None
    count = len(stitched)

    def tags_for(source: Path) -> Tags:
        number = stitched.index(by_source[source]) + 1
        title = book.chapter(by_source[source].chapter_id).title
        return Tags(title=title, artist=meta.author, album=meta.title, cover=cover[0] if cover
                    else None, cover_mime=cover[1] if cover else "image/jpeg", track=number,
                    tracks=count)  # fmt: skip

    done = [0]
    lock = threading.Lock()

    def one_done(_outcome: MasterOutcome) -> None:  # called by the mastering workers
        with lock:
            done[0] += 1
            fraction = done[0] / count
        progress(DeliveryStep.MASTER, fraction)

    progress(DeliveryStep.MASTER, 0.0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeliveryError(f"Could not create {folder}: {exc.strerror or exc}.",
                            DeliveryProblem.CANNOT_WRITE, path=folder,
                            cause=storage_cause(exc)) from exc  # fmt: skip
    outcomes = master_files([c.audio_path for c in stitched], folder, profile,
                            channels=channels, cancelled=cancelled, progress=one_done,
                            tags=tags_for if tag else None)  # fmt: skip
    files: list[DeliveredFile] = []
    start = 0.0
    for number, (chapter, outcome) in enumerate(zip(stitched, outcomes, strict=True), 1):
        title = book.chapter(chapter.chapter_id).title
        move_ms = (profile.master.head_s - outcome.speech_start_s) * 1000.0
        cues = tuple(_clamped(shifted(cue, move_ms)) for cue in chapter.captions)
        files.append(DeliveredFile(
            number=number, chapter_id=chapter.chapter_id, title=title, kind=_kind(title),
            path=outcome.target, start_s=start, duration_s=outcome.facts.duration_s,
            redone=outcome.redone, captions=None, cues=cues,
        ))  # fmt: skip
        start += outcome.facts.duration_s
    return files


def _stitched(
    store: BookStore,
    chapter_ids: Sequence[str] | None,
    progress: Progress,
    cancelled: Callable[[], bool] | None,
) -> list[StitchedChapter]:
    book = store.book
    wanted = list(chapter_ids) if chapter_ids is not None else [
        c.id for c in book.chapters if not c.excluded]  # fmt: skip
    if not wanted:
        raise DeliveryError("There is no chapter to deliver (every chapter is excluded).",
                            DeliveryProblem.NOTHING_TO_DELIVER)  # fmt: skip
    numbers = {c.id: n for n, c in enumerate(book.chapters, 1)}
    unready = [numbers[c] for c in wanted if not chapter_ready(book, c)]
    if unready:
        raise ChaptersNotReadyError(unready)
    stitched: list[StitchedChapter] = []
    progress(DeliveryStep.STITCH, 0.0)
    for index, chapter_id in enumerate(wanted, 1):
        _stop_if(cancelled)
        stitched.append(stitch_chapter_sync(store, chapter_id, cancelled=cancelled))
        progress(DeliveryStep.STITCH, index / len(wanted))
    return stitched


def _write_captions(
    out: Path, info: BookInfo, files: list[DeliveredFile], fmt: SubtitleFormat
) -> tuple[list[DeliveredFile], Path]:
    chapters = [CaptionedChapter(f.path.stem, f.cues, f.start_s) for f in files]
    written = write_book_captions(out, safe_title(info.meta.title), chapters, fmt)
    with_paths = [_with_captions(f, path) for f, path in zip(files, written[:-1], strict=True)]
    return with_paths, written[-1]


def _with_captions(file: DeliveredFile, path: Path) -> DeliveredFile:
    return replace(file, captions=path if file.cues else None)


def _forget_earlier_deliveries(
    out: Path, files: Sequence[DeliveredFile], book_captions: Path | None
) -> None:
    """Remove the files an earlier delivery into ``out`` wrote that this one did not (a
    renamed or dropped chapter): the folder is what the retailer gets. Only files recorded
    in :data:`DELIVERED` are touched, never anything else in the folder."""
    record = out / DELIVERED
    try:
        earlier = json.loads(record.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        earlier = []
    made = [f.path for f in files] + [f.captions for f in files if f.captions is not None]
    current = {path.name for path in [*made, *([book_captions] if book_captions else [])]}
    for name in earlier:
        if isinstance(name, str) and name not in current and Path(name).name == name:
            (out / name).unlink(missing_ok=True)
    text = json.dumps({"version": 1, "files": sorted(current)}, ensure_ascii=False, indent=1)
    atomic_write_bytes(record, text.encode("utf-8"))


def _notes(book: Book, files: Sequence[DeliveredFile], profile: DeliveryProfile) -> tuple[str, ...]:
    if not any("credits" in note.lower() for note in profile.notes):
        return ()
    kinds = {f.kind for f in files}
    expected = ((FileKind.OPENING, "Opening credits"), (FileKind.CLOSING, "Closing credits"))
    missing = [name for kind, name in expected if kind not in kinds]
    if not missing:
        return ()
    return (f"{profile.name} wants the credits as files of their own: add a chapter titled "
            f"{' and one titled '.join(f'“{m}”' for m in missing)} to “{book.title}” and "
            "render it.",)  # fmt: skip


def _kind(title: str) -> FileKind:
    return FileKind(CREDIT_TITLES.get(title.strip().casefold(), FileKind.CHAPTER.value))


def _clamped(cue: Cue) -> Cue:
    if cue.start_ms >= 0:
        return cue
    return shifted(cue, -cue.start_ms)  # a cue before the kept speech: at the file's start


def _cover(path: Path | None) -> tuple[bytes, str] | None:
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeliveryError(f"Could not read the cover {path}: {exc.strerror or exc}.",
                            DeliveryProblem.COVER_UNREADABLE, path=path) from exc  # fmt: skip
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data, "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return data, "image/jpeg"
    raise DeliveryError(f"The cover {path.name} is not a JPEG or PNG image.",
                        DeliveryProblem.COVER_NOT_AN_IMAGE, path=path)  # fmt: skip


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise DeliveryCancelledError


@contextmanager
def _delivery_errors() -> Iterator[None]:
    """Every failure of the steps below as a :class:`DeliveryError` sentence."""
    try:
        yield
    except Cancelled as exc:
        raise DeliveryCancelledError from exc
    except (StitchError, ReadAlongError, AudioError) as exc:
        raise DeliveryError(str(exc)) from exc
    except ValueError as exc:  # master_files: a source that would be overwritten
        raise DeliveryError(str(exc), DeliveryProblem.FOLDER_HOLDS_SOURCES) from exc
    except OSError as exc:
        path = Path(exc.filename) if isinstance(exc.filename, str) else None
        raise DeliveryError(f"Could not write {exc.filename}: {exc.strerror or exc}.",
                            DeliveryProblem.CANNOT_WRITE, path=path,
                            cause=storage_cause(exc)) from exc  # fmt: skip
