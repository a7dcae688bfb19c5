"""The task library: every task the app sent, in one SQLite file in the data folder.

One row per job (keyed by the job's ``local_id``): the full request (script text and
parameters), the voice, the cost estimate shown before paying, the task id, the outcome and
the paths of the downloaded files, plus a table of ``(state, time)`` events. It is what makes
"never lose work or money" possible: the row is written *before* the create request leaves
(state ``sending``) and updated with the task id right after, so after a crash every task is
either resumable (it has an id) or visibly ``outcome_unknown`` (it may have been created).

Storage decisions:

- stdlib ``sqlite3``, WAL journal (readers never block the writer, and the CLI and the app
  may share the file). What money depends on is written with ``synchronous=FULL`` (an fsync:
  it survives a power cut, not only a killed process): a new row (the intent, before the
  create request) and a newly learnt task id. Later progress (states, paths, the audio's
  length) is written with ``synchronous=NORMAL``: in WAL mode a commit then survives the
  app being killed, only a power cut may lose the latest ones, and resuming re-polls those
  tasks. The job recorder calls :meth:`TaskLibrary.record` on the GUI thread, where each
  fsync is a few milliseconds (tens on a busy disk). Writes are single rows;
  :meth:`TaskLibrary.record` skips the write when nothing it stores changed, so the
  poll-by-poll updates of a job cost no disk work.
  :meth:`TaskLibrary.record_later` does the same write on the library's own writer thread
  (one thread: writes land in the order they were asked for) and returns a future, so a GUI
  thread does not wait for the disk; the intent's future is awaited before the create is
  sent (``TaskRunner(before_create=…)``, :meth:`~..services.recorder.JobRecorder.durable`).
  Every other method first waits for the writes queued before it (a read sees them).
- The schema version is ``PRAGMA user_version``; each migration in ``library_schema`` moves
  it one step. A file from a newer app is refused (:class:`LibraryError`), never rewritten; a file
  that is not a database is kept as ``<name>.bad`` and a fresh one started.
- Money is stored as decimal text, never as a float.
- Search is a case-insensitive substring match (Unicode case folding, so it also works past
  ASCII) over the script text, the task id and the voice id. Their folded form is kept in a
  ``haystack`` column, so a search is one ``instr`` per row in C (tens of milliseconds for
  10,000 rows) rather than a Python call per row. Turning rows into records costs more
  (about half a second for 10,000), so lists should page with ``limit``/``offset``.

Thread use: one connection guarded by a lock, so any thread may call any method; big reads
(a search over thousands of rows) belong on a worker thread.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.store.library_rows import (
    COLUMNS,
    Params,
    TaskRecord,
    decimal_text,
    haystack,
    marks,
    model_id_of,
    normalise_url,
    params_json,
    path_text,
    task_record,
    text_of,
)
from soundclone_desktop.store.library_salvage import drop_unusable, salvage_sentence
from soundclone_desktop.store.library_schema import (
    SCHEMA_VERSION,
    LibraryError,
    check_version,
    migrate,
)
from soundclone_desktop.store.library_search import SortKey, order_by, search_filter
from soundclone_desktop.store.process_owner import current_owner
from soundclone_desktop.store.salvage import (
    SalvageReport,
    copy_readable_rows,
    is_corruption,
    looks_damaged,
    set_aside,
)

# The library's public names, some defined in its sibling modules (library_rows, _schema,
# _search) and imported from here by the rest of the app.
__all__ = [
    "SCHEMA_VERSION",
    "LibraryError",
    "Params",
    "SortKey",
    "TaskLibrary",
    "TaskRecord",
    "normalise_url",
    "salvage_sentence",
]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000  # the CLI and the app may write at the same moment

Listener = Callable[[str], None]


# Rows that failed only because the result could not be written: the task is done on the
# server and its result can still be fetched, so resuming picks them up like unfinished ones.
_RETRY_REASONS = (FailureReason.CANNOT_SAVE.value,)


class TaskLibrary:
    """The task library in ``path`` (created with its folder when missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered_from: Path | None = None  # set when an unreadable file was set aside
        self.salvage: SalvageReport | None = None  # what came back from a damaged file
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        # What the last record() wrote per job (and whether an estimate is stored), so
        # unchanged updates skip the disk.
        self._written: dict[str, tuple[tuple[object, ...], bool]] = {}
        self._synchronous = "FULL"  # the connection's current PRAGMA synchronous
        self._writer: ThreadPoolExecutor | None = None  # record_later's thread, on first use
        self._queued: list[Future[None]] = []  # record_later writes not known to be done
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = self._open()
        except sqlite3.OperationalError as exc:  # locked, unreadable folder: not the file's fault
            raise LibraryError(f"The task library {path} cannot be opened: {exc}.") from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            self._conn = self._salvage(str(exc))
        else:
            self._check_damage()

    # -- opening and migrating ------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )  # fmt: skip
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            check_version(conn, self.path)  # before anything changes the file
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, self.path)
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        self._drain()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
        with self._lock:
            self._conn.close()

    def __enter__(self) -> TaskLibrary:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    def add_listener(self, callback: Listener) -> None:
        """``callback(local_id)`` after each write (from the writing thread)."""
        self._listeners.append(callback)

    def record(
        self,
        job: Job,
        *,
        base_url: str,
        demo: bool,
        estimate: Decimal | None = None,
        currency: str | None = None,
        duration: float | None = None,
    ) -> None:
        """Insert or update ``job``'s row; committed before returning.

        ``base_url`` and ``demo`` are kept from the first call (a job belongs to the server
        it was sent to); so are ``estimate`` and ``currency`` once known (the price shown
        before paying), and ``duration`` (seconds of audio) once given. A change of state
        appends an event. The first write of a job and the one that brings its task id are
        flushed to the disk before returning; later ones survive the app being killed but
        not a power cut (see the module docstring).
        """
        self._drain()
        self._write(_snapshot(job), base_url, demo, estimate, currency, duration)

    def record_later(
        self,
        job: Job,
        *,
        base_url: str,
        demo: bool,
        estimate: Decimal | None = None,
        currency: str | None = None,
        duration: float | None = None,
    ) -> Future[None]:
        """:meth:`record` on the writer thread: the job as it is now is written after every
        write queued before; the future is done once it is committed (fsynced where
        :meth:`record` would be) and carries its error."""
        snapshot = _snapshot(job)  # the runner changes the job meanwhile
        with self._lock:
            if self._writer is None:
                self._writer = ThreadPoolExecutor(1, thread_name_prefix="task-library")
            future = self._writer.submit(
                self._write, snapshot, base_url, demo, estimate, currency, duration
            )
            self._queued = [f for f in self._queued if not f.done()] + [future]
        return future

    def _drain(self) -> None:
        """Wait for the writes queued by :meth:`record_later` (their errors are theirs)."""
        if threading.current_thread().name.startswith("task-library"):
            return  # the writer itself
        with self._lock:
            queued, self._queued = self._queued, []
        for future in queued:
            with contextlib.suppress(Exception):
                future.result()

    def _write(
        self,
        job: Job,
        base_url: str,
        demo: bool,
        estimate: Decimal | None,
        currency: str | None,
        duration: float | None,
    ) -> None:
        params = job.params
        voice = job.model_id if job.kind is JobKind.PREVIEW else model_id_of(params)
        values = (
            job.state.value, job.task_id, job.error,
            job.reason.value if job.reason is not None else None,
            path_text(job.audio_path), path_text(job.subtitle_path), voice, job.chars,
            decimal_text(job.balance_before), decimal_text(job.balance_after), duration,
        )  # fmt: skip
        money = (None if estimate is None else str(estimate), currency)
        with self._lock:
            written = self._written.get(job.local_id)
            if duration is None and written is not None:  # not given: the stored one stays
                values = (*values[:-1], cast(float | None, written[0][-1]))
            if written is not None and written[0] == values and (estimate is None or written[1]):
                return  # a poll that changed nothing worth keeping
            # What a crash or a power cut must not lose: the intent (a new row) and the id
            # of a task that may be charged.
            durable = (
                written is None
                or job.state is JobState.SENDING
                or (job.task_id is not None and written[0][1] != job.task_id)
            )
            now = time.time()
            with self._transaction(durable=durable) as conn:
                row = conn.execute(
                    "SELECT state FROM tasks WHERE local_id = ?", (job.local_id,)
                ).fetchone()
                if row is None:
                    self._insert(conn, job, values, money, base_url, demo, now)
                else:
                    # Task and voice ids are searchable: refresh the haystack when they change.
                    ids = (values[1], values[6])  # task_id, voice
                    searchable = written is None or (written[0][1], written[0][6]) != ids
                    self._update(conn, job, values, money, now, searchable=searchable)
                    if row[0] != job.state.value:
                        at = job.history[-1][1] if job.history else now
                        self._event(conn, job.local_id, job.state, at)
            known = estimate is not None or (written is not None and written[1])
            self._written[job.local_id] = (values, known)
        self._notify(job.local_id)

    def _insert(
        self,
        conn: sqlite3.Connection,
        job: Job,
        values: tuple[Any, ...],
        money: tuple[str | None, str | None],
        base_url: str,
        demo: bool,
        now: float,
    ) -> None:
        (state, task_id, error, reason, audio, subtitles, voice, chars, before, after,
         duration) = values  # fmt: skip
        text = text_of(job.params)
        # Who writes the intent owns the create in flight: a live owner's row is not resumed.
        owner_pid, owner_start = current_owner()
        conn.execute(
            f"INSERT INTO tasks ({COLUMNS}, haystack) VALUES ({marks(24)})",
            (
                job.local_id, job.kind.value, state, task_id, normalise_url(base_url),
                int(demo), text, params_json(job.params), voice, chars, *money,
                job.created_at, now, duration, error, reason, audio, subtitles,
                owner_pid, owner_start, before, after, haystack(text, task_id, voice),
            ),
        )  # fmt: skip
        for event_state, at in job.history or [(job.state, job.created_at)]:
            self._event(conn, job.local_id, event_state, at)

    def _update(
        self,
        conn: sqlite3.Connection,
        job: Job,
        values: tuple[Any, ...],
        money: tuple[str | None, str | None],
        now: float,
        *,
        searchable: bool,
    ) -> None:
        (state, task_id, error, reason, audio, subtitles, voice, chars, before, after,
         duration) = values  # fmt: skip
        # What the job does not know (a resumed job has no paths yet) keeps the stored value.
        conn.execute(
            "UPDATE tasks SET state = ?, task_id = COALESCE(?, task_id), error = ?, "
            "reason = ?, audio_path = COALESCE(?, audio_path), "
            "subtitle_path = COALESCE(?, subtitle_path), voice_id = COALESCE(?, voice_id), "
            "chars = COALESCE(?, chars), params = COALESCE(params, ?), "
            "estimate = COALESCE(estimate, ?), currency = COALESCE(currency, ?), "
            "balance_before = COALESCE(?, balance_before), "
            "balance_after = COALESCE(?, balance_after), "
            "duration = COALESCE(?, duration), updated_at = ? WHERE local_id = ?",
            (
                state, task_id, error, reason, audio, subtitles, voice, chars,
                params_json(job.params), *money, before, after, duration, now, job.local_id,
            ),
        )  # fmt: skip
        if searchable and (task_id is not None or voice is not None):
            text, stored_task, stored_voice = conn.execute(
                "SELECT text, task_id, voice_id FROM tasks WHERE local_id = ?", (job.local_id,)
            ).fetchone()
            conn.execute(
                "UPDATE tasks SET haystack = ? WHERE local_id = ?",
                (haystack(text, stored_task, stored_voice), job.local_id),
            )

    def mark(
        self,
        local_id: str,
        state: JobState,
        *,
        reason: str | None = None,
        error: str | None = None,
    ) -> None:
        """Set a task's state from outside a job (recovery after a restart)."""
        self._drain()
        with self._lock:
            with self._transaction() as conn:
                row = conn.execute(
                    "SELECT state FROM tasks WHERE local_id = ?", (local_id,)
                ).fetchone()
                if row is None:
                    return
                now = time.time()
                conn.execute(
                    "UPDATE tasks SET state = ?, reason = COALESCE(?, reason), "
                    "error = COALESCE(?, error), updated_at = ? WHERE local_id = ?",
                    (state.value, reason, error, now, local_id),
                )
                if row[0] != state.value:
                    self._event(conn, local_id, state, now)
            self._written.pop(local_id, None)
        self._notify(local_id)

    def set_duration(self, local_id: str, seconds: float) -> None:
        """Store the audio's length (:meth:`record` can take it along with the job)."""
        self._drain()
        with self._lock, self._transaction(durable=False) as conn:
            conn.execute("UPDATE tasks SET duration = ? WHERE local_id = ?", (seconds, local_id))
        self._notify(local_id)

    def delete(self, local_id: str) -> TaskRecord | None:
        """Remove the row and its events (the files are the caller's to remove)."""
        with self._lock:
            record = self.get(local_id)
            if record is None:
                return None
            with self._transaction() as conn:
                conn.execute("DELETE FROM events WHERE local_id = ?", (local_id,))
                conn.execute("DELETE FROM tasks WHERE local_id = ?", (local_id,))
            self._written.pop(local_id, None)
        self._notify(local_id)
        return record

    # -- reading ----------------------------------------------------------------------------

    def get(self, local_id: str) -> TaskRecord | None:
        rows = self._query(f"SELECT {COLUMNS} FROM tasks WHERE local_id = ?", (local_id,))
        return task_record(rows[0]) if rows else None

    def by_task_id(self, task_id: str) -> TaskRecord | None:
        """The newest row for a server task id."""
        rows = self._query(
            f"SELECT {COLUMNS} FROM tasks WHERE task_id = ? ORDER BY created_at DESC LIMIT 1",
            (task_id,),
        )
        return task_record(rows[0]) if rows else None

    def find(self, key: str) -> list[TaskRecord]:
        """Rows whose local id starts with ``key`` (at least 4 characters) or whose task id
        is ``key``: what a user types after reading ``soundclone history``."""
        key = key.strip()
        if not key:
            return []
        sql = f"SELECT {COLUMNS} FROM tasks WHERE task_id = ?"
        args: list[object] = [key]
        if len(key) >= 4:
            sql += " OR substr(local_id, 1, ?) = ?"
            args += [len(key), key.lower()]
        return [task_record(row) for row in self._query(sql + " ORDER BY created_at DESC", args)]

    def unfinished(self, base_url: str | None = None) -> list[TaskRecord]:
        """Tasks in a non-terminal state, oldest first (only ``base_url``'s when given), and
        finished tasks whose result could not be saved (they are fetched again)."""
        active = [s.value for s in JobState if not s.is_terminal]
        sql = (
            f"SELECT {COLUMNS} FROM tasks WHERE (state IN ({marks(len(active))}) OR "
            f"(state = ? AND task_id IS NOT NULL AND reason IN ({marks(len(_RETRY_REASONS))})))"
        )
        args: list[object] = [*active, JobState.FAILED.value, *_RETRY_REASONS]
        if base_url is not None:
            sql += " AND base_url = ?"
            args.append(normalise_url(base_url))
        return [task_record(row) for row in self._query(sql + " ORDER BY created_at", args)]

    def search(
        self,
        text: str = "",
        *,
        sort: SortKey = SortKey.CREATED,
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
        states: Collection[JobState] | None = None,
    ) -> list[TaskRecord]:
        """Rows whose script text, task id or voice id contains ``text`` (any case)."""
        where, args = search_filter(text, states)
        sql = f"SELECT {COLUMNS} FROM tasks{where} ORDER BY {order_by(sort, descending)}"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if limit is None else max(0, limit), max(0, offset)]
        return [task_record(row) for row in self._query(sql, args)]

    def count(self, text: str = "", *, states: Collection[JobState] | None = None) -> int:
        where, args = search_filter(text, states)
        rows = self._query(f"SELECT COUNT(*) FROM tasks{where}", args)
        return int(rows[0][0])

    def events(self, local_id: str) -> list[tuple[JobState, float]]:
        rows = self._query(
            "SELECT state, at FROM events WHERE local_id = ? ORDER BY rowid", (local_id,)
        )
        return [(JobState(state), float(at)) for state, at in rows]

    # -- plumbing ---------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction; ``durable`` ones are fsynced before COMMIT returns.

        Mixing both is safe: the WAL is a log, so a power cut can only lose a tail of
        commits, and each durable commit flushes the NORMAL ones before it too.
        """
        conn = self._conn
        level = "FULL" if durable else "NORMAL"
        if level != self._synchronous:  # a connection setting, changed between transactions
            conn.execute(f"PRAGMA synchronous = {level}")
            self._synchronous = level
        conn.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks
        try:
            yield conn
            conn.execute("COMMIT")  # a full disk may fail here, after every statement worked
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:  # a failed COMMIT leaves it open: the next BEGIN would fail
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if not is_corruption(exc):
                raise
            self._recover(str(exc))  # so later calls work; this write did not happen
            raise LibraryError(
                f"The task library {self.path} was damaged; this change was not saved."
            ) from exc
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    def _query(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        self._drain()
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(args)).fetchall()
            except sqlite3.DatabaseError as exc:
                if not is_corruption(exc):
                    raise
                self._recover(str(exc))  # damaged since it was opened: salvage, ask again
            return self._conn.execute(sql, tuple(args)).fetchall()

    # -- lookups by task id and finished clones (issue 11) ----------------------------------

    def forget_task_id(self, local_id: str, state: JobState, *, reason: str, error: str) -> None:
        """Take a task id back off an entry (a lookup the server did not know), with a new
        state: the entry must not keep an id that is not its task."""
        self._drain()
        with self._lock:
            with self._transaction() as conn:
                row = conn.execute(
                    "SELECT state, text, voice_id FROM tasks WHERE local_id = ?", (local_id,)
                ).fetchone()
                if row is None:
                    return
                now = time.time()
                conn.execute(
                    "UPDATE tasks SET state = ?, task_id = NULL, reason = ?, error = ?, "
                    "audio_path = NULL, subtitle_path = NULL, haystack = ?, updated_at = ? "
                    "WHERE local_id = ?",
                    (state.value, reason, error, haystack(row[1], None, row[2]), now, local_id),
                )
                if row[0] != state.value:
                    self._event(conn, local_id, state, now)
            self._written.pop(local_id, None)
        self._notify(local_id)

    def finished_previews(self) -> list[TaskRecord]:
        """Clones whose preview was downloaded, oldest first (each one a voice)."""
        rows = self._query(
            f"SELECT {COLUMNS} FROM tasks WHERE kind = ? AND state = ? ORDER BY created_at",
            (JobKind.PREVIEW.value, JobState.DOWNLOADED.value),
        )
        return [task_record(row) for row in rows]

    # -- damage: detect it, set the file aside, salvage its rows (issue 11) --------------------

    def _check_damage(self) -> None:
        """Salvage now if any page is unreadable: a damaged page is otherwise found only by
        the query that happens to need it, and the others silently show part of the data."""
        problem = looks_damaged(self._conn)
        if problem is not None:
            self._recover(problem)

    def _recover(self, problem: str) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = self._salvage(problem)
            self._synchronous = "FULL"
            self._written.clear()  # rows may be gone: the next record() writes them whole

    def _salvage(self, problem: str) -> sqlite3.Connection:
        """Set the damaged file aside, start a fresh one and copy into it what can be read;
        returns the fresh file's connection."""
        bad = set_aside(self.path)
        conn = self._open()
        conn.execute("PRAGMA foreign_keys = OFF")  # events first checked below, in one go
        try:
            copied, damaged = copy_readable_rows(bad, conn, ("tasks", "events"))
            copied = drop_unusable(conn, copied)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        self.recovered_from = bad
        self.salvage = SalvageReport(bad, problem, copied, damaged)
        log.warning("%s", salvage_sentence(self.path, self.salvage))
        return conn

    def _event(self, conn: sqlite3.Connection, local_id: str, state: JobState, at: float) -> None:
        conn.execute(
            "INSERT INTO events (local_id, state, at) VALUES (?, ?, ?)", (local_id, state.value, at)
        )

    def _notify(self, local_id: str) -> None:
        for listener in list(self._listeners):
            try:
                listener(local_id)
            except Exception:  # one broken listener must not stop the writer or the others
                log.exception("Task library listener %r failed", listener)


def _snapshot(job: Job) -> Job:
    """A copy of what :meth:`TaskLibrary.record` reads from ``job`` (its history too)."""
    return dataclasses.replace(job, history=list(job.history))
