"""A book on disk: the folder ``Name.scbook/`` (format: ``docs/book-format.md``).

``book.sqlite3`` holds the book (metadata and settings, chapters, takes, task marks);
``audio/`` and ``captions/`` hold the takes' files, named by take ID. Every path inside is
relative to the folder, so the folder can be moved, copied or zipped whole.

Every change is one SQLite transaction (atomic: a crash leaves the book before or after it),
written as the difference between the book before and after the change, so a keystroke's
save writes one chapter row, not the book. The store keeps the :class:`Book` in memory
(:attr:`BookStore.book`); opening reads every row once. Storage decisions follow the task
library (``store/library.py``): WAL journal, ``synchronous=FULL`` for what paid audio
depends on and ``NORMAL`` for the render queue's task marks, ``PRAGMA user_version``
migrations, a newer app's file refused, a damaged file set aside and its readable rows
salvaged into a fresh one (``store/salvage.py``).

Thread use: one connection guarded by a lock; any thread may call any method (from asyncio
through ``asyncio.to_thread``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any, Final

from soundclone_desktop.core.book.model import (
    SEGMENTATION,
    Book,
    BookSettings,
    Chapter,
    SegmentRow,
    sorted_orphans,
    sorted_takes,
)
from soundclone_desktop.core.book.pronunciation import Rule
from soundclone_desktop.core.book.sentence_takes import RedoMark, SentenceKey, SentenceTake
from soundclone_desktop.core.book.takes import (
    Orphan,
    SegmentKey,
    SegmentState,
    Take,
    TaskMark,
)
from soundclone_desktop.store.salvage import (
    SalvageReport,
    copy_readable_rows,
    is_corruption,
    looks_damaged,
    set_aside,
)

from . import codec, schema, sentence_rows
from .errors import BookError as BookError  # re-exported: callers import it from here
from .errors import BookProblem as BookProblem
from .files import copy_atomically
from .sync import one_chosen, with_takes_replaced, write_difference

log = logging.getLogger(__name__)

SUFFIX: Final = ".scbook"
DATABASE: Final = "book.sqlite3"
AUDIO_DIR: Final = "audio"
CAPTIONS_DIR: Final = "captions"
BUSY_TIMEOUT_MS: Final = 5000  # the CLI may read while the app renders


@dataclass(frozen=True)
class CollectReport:
    """What :meth:`BookStore.collect_into_folder` did."""

    copied: int  # files copied into the folder
    missing: tuple[str, ...]  # stored paths whose file was not found (left as they were)


def with_suffix(path: Path) -> Path:
    """``path`` ending in ``.scbook`` (a name typed without it gets it)."""
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


class BookStore:
    """An open book folder. Use :meth:`create` or :meth:`open`; :meth:`close` when done."""

    def __init__(self, folder: Path, *, _create: Book | None = None) -> None:
        self.folder = folder
        self.path = folder / DATABASE
        self.recovered_from: Path | None = None
        self.salvage: SalvageReport | None = None
        self._lock = threading.RLock()
        self._synchronous = "FULL"
        if _create is None and not self.path.is_file():
            problem = BookProblem.NOT_FOUND if not folder.exists() else BookProblem.NOT_A_BOOK
            raise BookError(problem, folder)
        try:
            self._conn = self._connect()
        except sqlite3.OperationalError as exc:
            raise BookError(BookProblem.UNREADABLE, folder, str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise
            self._conn = self._salvage(str(exc))
        else:
            damage = looks_damaged(self._conn)
            if damage is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = self._salvage(damage)
        try:
            if _create is not None:
                self._book = _create
                with self._transaction() as conn:
                    write_difference(conn, None, _create)
            else:
                self._book = self._load()
            self._sentence_takes = sentence_rows.load_sentence_takes(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # -- opening and closing -----------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, book: Book) -> BookStore:
        """A new book folder at ``path`` holding ``book``; raises :class:`BookError` if
        ``path`` exists. The folder is built beside it and renamed into place, so ``path``
        never holds half a book."""
        if path.exists():
            raise BookError(BookProblem.EXISTS, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        building.mkdir()
        try:
            (building / AUDIO_DIR).mkdir()
            (building / CAPTIONS_DIR).mkdir()
            cls(building, _create=book).close()
            os.rename(building, path)  # fails (not replaces) if path appeared meanwhile
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> BookStore:
        """The book in the folder ``path`` (or ``path`` being its ``book.sqlite3``)."""
        folder = path.parent if path.name == DATABASE and path.is_file() else path
        return cls(folder)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )  # fmt: skip
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                version = schema.schema_version(conn)
            except schema.NewerSchemaError as exc:
                raise BookError(BookProblem.NEWER_VERSION, self.folder, str(exc)) from exc
            if version and schema.application_id(conn) != schema.APPLICATION_ID:
                raise BookError(BookProblem.NOT_A_BOOK, self.folder, "another SQLite file")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            schema.migrate(conn, self.path)
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        """Close the file, folding the WAL back into it (a closed book is one file)."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    def __enter__(self) -> BookStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------------

    @property
    def book(self) -> Book:
        """The book as last saved (an immutable value: safe to hand to any thread)."""
        with self._lock:
            return self._book

    def chapters(self) -> tuple[Chapter, ...]:
        return self.book.chapters

    def rows(self, chapter_id: str) -> list[SegmentRow]:
        """The chapter's segments with their takes, task marks and status."""
        return self.book.rows(chapter_id)

    def resolve(self, stored: str) -> Path:
        """The file a take's stored path names (relative paths are inside the folder)."""
        path = Path(stored)
        return path if path.is_absolute() else self.folder / PurePosixPath(stored)

    def stored_path(self, path: Path) -> str:
        """How ``path`` is stored: relative (POSIX) inside the folder, else absolute."""
        absolute = path.resolve()
        try:
            return absolute.relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            return str(absolute)

    def audio_path_for(self, take_id: str, suffix: str) -> Path:
        """Where a take's audio belongs in the folder (``suffix`` such as ``.mp3``)."""
        return self.folder / AUDIO_DIR / f"{take_id}{suffix}"

    def captions_path_for(self, take_id: str, suffix: str) -> Path:
        return self.folder / CAPTIONS_DIR / f"{take_id}{suffix}"

    # -- changing: each is one transaction; each returns the book as saved ---------------

    def save(self, book: Book) -> Book:
        """Make the file hold ``book`` (only what differs is written)."""
        return self._apply(book)

    def set_metadata(self, **changes: Any) -> Book:
        """``title``, ``author``, ``narrator``, ``language``."""
        with self._lock:
            return self._apply(self._book.with_metadata(**changes))

    def set_settings(self, settings: BookSettings) -> Book:
        with self._lock:
            return self._apply(self._book.with_settings(settings))

    def set_voice(self, voice_id: str | None) -> Book:
        with self._lock:
            return self._apply(self._book.with_settings(self._book.settings.with_voice(voice_id)))

    def add_chapter(self, chapter: Chapter, index: int | None = None) -> Book:
        with self._lock:
            return self._apply(self._book.with_chapter_added(chapter, index))

    def remove_chapter(self, chapter_id: str) -> Book:
        """The chapter goes; its takes stay as orphans."""
        with self._lock:
            return self._apply(self._book.with_chapter_removed(chapter_id))

    def update_chapter(self, chapter_id: str, **changes: Any) -> Book:
        """``title``, ``text``, ``excluded``, ``overrides``."""
        with self._lock:
            return self._apply(self._book.with_chapter(chapter_id, **changes))

    def set_chapter_text(self, chapter_id: str, text: str) -> Book:
        """New text: takes of unchanged segments stay, the others become orphans."""
        with self._lock:
            return self._apply(self._book.with_chapter_text(chapter_id, text))

    def reorder(self, chapter_ids: Sequence[str]) -> Book:
        with self._lock:
            return self._apply(self._book.with_order(chapter_ids))

    def add_take(
        self, chapter_id: str, segment_id: str, take: Take, *, choose: bool = True
    ) -> Book:
        """Record a finished rendering (durable before returning: it was paid for)."""
        with self._lock:
            return self._apply(self._book.with_take(chapter_id, segment_id, take, choose=choose))

    def choose_take(self, chapter_id: str, segment_id: str, take_id: str | None) -> Book:
        with self._lock:
            return self._apply(self._book.with_chosen(chapter_id, segment_id, take_id))

    def record_task(self, chapter_id: str, segment_id: str, mark: TaskMark | None) -> Book:
        """The render queue's mark on a segment (not fsynced: the task library is the
        record of money; a mark lost to a power cut is set again when the queue resumes)."""
        with self._lock:
            book = self._book.with_task(chapter_id, segment_id, mark)
            return self._apply(book, durable=False)

    # -- sentence takes (issue 15: a sentence redone, spliced into its segment's take) ------

    def sentence_takes(self, chapter_id: str | None = None) -> tuple[SentenceTake, ...]:
        """Every sentence take (of one chapter), oldest first."""
        with self._lock:
            takes = self._sentence_takes
        return tuple(t for t in takes if chapter_id is None or t.chapter_id == chapter_id)

    def add_sentence_take(self, take: SentenceTake) -> None:
        """Record a sentence take (durable before returning: it was paid for); when it is
        chosen, the sentence's other takes are not. Adding a take already stored (the same
        ID: a resumed redo) changes nothing."""
        with self._lock:
            if any(t.id == take.id for t in self._sentence_takes):
                return
            chosen = take.id if take.chosen else self._chosen_id(take.sentence_key)
            self._write_sentence_takes([take], chosen=chosen, key=take.sentence_key)

    def choose_sentence_take(self, key: SentenceKey, take_id: str | None) -> None:
        """Choose take ``take_id`` of sentence ``key``; ``None``: its segment take's own
        sentence (take 1). ``KeyError`` for a take that is not of this sentence."""
        with self._lock:
            mine = [t for t in self._sentence_takes if t.sentence_key == key]
            if take_id is not None and all(t.id != take_id for t in mine):
                raise KeyError(take_id)
            self._write_sentence_takes([], chosen=take_id, key=key)

    def _write_sentence_takes(
        self, new: list[SentenceTake], *, chosen: str | None, key: SentenceKey
    ) -> None:
        """Add ``new`` and make ``chosen`` the one chosen take of sentence ``key``."""
        takes = [*self._sentence_takes, *new]
        changed = {take.id: take for take in new}
        for index, take in enumerate(takes):
            if take.sentence_key == key and take.chosen != (take.id == chosen):
                takes[index] = changed[take.id] = replace(take, chosen=take.id == chosen)
        with self._transaction() as conn:
            for take in changed.values():
                sentence_rows.write_sentence_take(conn, take)
        self._sentence_takes = takes

    def _chosen_id(self, key: SentenceKey) -> str | None:
        return next(
            (t.id for t in self._sentence_takes if t.sentence_key == key and t.chosen), None
        )

    def redo_marks(self) -> tuple[RedoMark, ...]:
        """The redo tasks the book names (sent or being sent, or failed), oldest first."""
        with self._lock:
            return tuple(sentence_rows.load_redo_marks(self._conn))

    def record_redo(self, mark: RedoMark) -> None:
        """Name a redo task before its create leaves (durable: the task library's intent
        follows it, and resuming must find the task from the book)."""
        with self._lock, self._transaction() as conn:
            marks = ", ".join("?" * 5)
            conn.execute(
                f"INSERT OR REPLACE INTO redo_tasks ({sentence_rows.REDO_COLUMNS}) "
                f"VALUES ({marks})",
                sentence_rows.redo_row(mark),
            )

    def clear_redo(self, local_id: str) -> None:
        with self._lock, self._transaction() as conn:
            conn.execute("DELETE FROM redo_tasks WHERE local_id = ?", (local_id,))

    # -- pronunciation rules (the CLI's ``book rules``; the rules table of the editor) ------

    def rules(self) -> tuple[Rule, ...]:
        """The pronunciation rules in table order."""
        return self.book.rules

    def add_rule(
        self,
        find: str,
        replace: str,
        *,
        regex: bool = False,
        chapter_id: str | None = None,
        enabled: bool = True,
        index: int | None = None,
    ) -> Rule:
        """A new rule at the end of the table (or at ``index``), numbered one past the
        highest number in use. Raises :class:`~..core.book.pronunciation.RuleError` (naming
        the field) for a rule that cannot be used, ``KeyError`` for an unknown chapter."""
        with self._lock:
            book = self._book
            if chapter_id is not None:
                book.chapter(chapter_id)
            number = max((r.id for r in book.rules), default=0) + 1
            rule = Rule(number, find, replace, regex, chapter_id, enabled)
            rules = list(book.rules)
            rules.insert(len(rules) if index is None else index, rule)
            self._apply(book.with_rules(rules))
            return rule

    def remove_rule(self, rule_id: int) -> Book:
        """Raises ``KeyError`` for an unknown number."""
        with self._lock:
            book = self._book
            book.rule(rule_id)
            return self._apply(book.with_rules([r for r in book.rules if r.id != rule_id]))

    def update_rule(self, rule_id: int, **changes: Any) -> Book:
        """``find``, ``replace``, ``regex``, ``chapter_id``, ``enabled`` of a rule (validated
        as a new rule is)."""
        unknown = set(changes) - {"find", "replace", "regex", "chapter_id", "enabled"}
        if unknown:
            raise TypeError(f"not a rule field: {sorted(unknown)}")
        with self._lock:
            book = self._book
            new = replace(book.rule(rule_id), **changes)
            return self._apply(book.with_rules([new if r.id == rule_id else r for r in book.rules]))

    def set_rule_enabled(self, rule_id: int, enabled: bool) -> Book:
        return self.update_rule(rule_id, enabled=enabled)

    def move_rule(self, rule_id: int, index: int) -> Book:
        """Move a rule to ``index`` in the table (order decides which rule wins)."""
        with self._lock:
            book = self._book
            rule = book.rule(rule_id)
            rules = [r for r in book.rules if r.id != rule_id]
            rules.insert(index, rule)
            return self._apply(book.with_rules(rules))

    def collect_into_folder(self) -> CollectReport:
        """Copy every take's audio and captions that live outside the folder into
        ``audio/`` and ``captions/`` (named by take ID) and store them relative, so the
        folder alone holds the book. Files not found are reported and left as they were."""
        with self._lock:
            book = self._book
            moved: dict[str, Take] = {}
            missing: list[str] = []
            copied = 0
            for _, take in book.takes():
                audio, n_audio = self._collect(take.audio_path, take.id, AUDIO_DIR, missing)
                subtitles, n_subs = take.subtitle_path, 0
                if take.subtitle_path is not None:
                    subtitles, n_subs = self._collect(
                        take.subtitle_path, take.id, CAPTIONS_DIR, missing
                    )
                if (audio, subtitles) != (take.audio_path, take.subtitle_path):
                    moved[take.id] = replace(take, audio_path=audio, subtitle_path=subtitles)
                copied += n_audio + n_subs
            if moved:
                self._apply(with_takes_replaced(book, moved))
            return CollectReport(copied, tuple(missing))

    def _collect(self, stored: str, take_id: str, sub: str, missing: list[str]) -> tuple[str, int]:
        """The stored form of ``stored`` once inside the folder, and the files copied."""
        source = self.resolve(stored)
        inside = self.stored_path(source)
        if not Path(inside).is_absolute():
            return inside, 0
        if not source.is_file():
            missing.append(stored)
            return stored, 0
        target = self.folder / sub / f"{take_id}{source.suffix}"
        copy_atomically(source, target)
        return f"{sub}/{target.name}", 1

    # -- plumbing ------------------------------------------------------------------------------

    def _apply(self, book: Book, *, durable: bool = True) -> Book:
        with self._lock:
            with self._transaction(durable=durable) as conn:
                write_difference(conn, self._book, book)
            self._book = book
            return book

    @contextmanager
    def _transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        level = "FULL" if durable else "NORMAL"
        if level != self._synchronous:
            conn.execute(f"PRAGMA synchronous = {level}")
            self._synchronous = level
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if not is_corruption(exc):
                raise
            self._recover(str(exc))
            raise BookError(BookProblem.DAMAGED, self.folder, "this change was not saved") from exc
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    def _recover(self, problem: str) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = self._salvage(problem)
            self._synchronous = "FULL"
            self._book = self._load()
            self._sentence_takes = sentence_rows.load_sentence_takes(self._conn)

    def _salvage(self, problem: str) -> sqlite3.Connection:
        """Set the damaged file aside, start a fresh one, copy what can be read into it."""
        bad = set_aside(self.path)
        conn = self._connect()
        copied, damaged = copy_readable_rows(bad, conn, schema.TABLES)
        self.recovered_from = bad
        self.salvage = SalvageReport(bad, problem, copied, damaged)
        log.warning(
            "The book %s was damaged (%s); set aside as %s, rows recovered: %s",
            self.folder, problem, bad, copied,
        )  # fmt: skip
        return conn

    def _load(self) -> Book:
        conn = self._conn
        row = conn.execute(
            "SELECT title, author, narrator, language, settings, segmentation FROM book"
        ).fetchone()
        lost_row = row is None  # a salvage that lost the book's row: the rest is still the book
        if row is None:
            row = (self.folder.stem, "", None, "", "{}", "")
        title, author, narrator, language, settings, segmentation = row
        chapters = [
            Chapter(str(cid), str(ctitle), str(text), bool(excluded), codec.overrides_from(ov))
            for cid, ctitle, text, excluded, ov in conn.execute(
                "SELECT id, title, text, excluded, overrides FROM chapters ORDER BY position, id"
            )
        ]
        takes: dict[SegmentKey, list[Take]] = {}
        orphans: list[Orphan] = []
        for take_row in conn.execute(f"SELECT {codec.TAKE_COLUMNS} FROM takes"):
            chapter_id, segment_id, take, orphan = codec.take_from(take_row)
            if orphan:
                orphans.append(Orphan(chapter_id, segment_id, take))
            else:
                takes.setdefault((chapter_id, segment_id), []).append(take)
        marks = {
            (str(c), str(s)): mark
            for c, s, local_id, phase, reason in conn.execute(
                "SELECT chapter_id, segment_id, local_id, phase, reason FROM segment_tasks"
            )
            if (mark := codec.mark_from(local_id, phase, reason)) is not None
        }
        states = {
            key: SegmentState(one_chosen(sorted_takes(takes.get(key, ()))), marks.get(key))
            for key in takes.keys() | marks.keys()
        }
        rules = tuple(
            rule
            for rule_row in conn.execute(
                f"SELECT {codec.RULE_COLUMNS} FROM rules ORDER BY position, id"
            )
            if (rule := codec.rule_from(rule_row)) is not None
        )
        book = Book(
            rules=rules,
            title=str(title),
            author=str(author),
            narrator=narrator,
            language=str(language),
            settings=codec.settings_from(settings),
            chapters=tuple(chapters),
            states=states,
            orphans=sorted_orphans(orphans),
        )
        stored = book
        known = {c.id for c in chapters}
        if segmentation != SEGMENTATION or any(k[0] not in known for k in states):
            book = book.reconciled()  # placed by another rule, or a salvaged file
        if lost_row or stored != book or segmentation != SEGMENTATION:
            with self._transaction() as write:
                write_difference(write, stored, book, force_meta=True)
        return book
