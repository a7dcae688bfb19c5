"""The voice library: cloned (and imported) voices in SQLite, preview clips beside it.

One row per ``modelId``. The file lives in the data folder (``voices.sqlite3``) and the
preview clips in ``voices/`` next to it, so the app and the ``soundclone`` CLI share them.
Every method is a short transaction; a lock lets the library be used from a worker thread
as well as the thread that opened it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

from ..core.audio_format import SNIFF_BYTES, sniff_audio
from ..core.voices import VoiceStatus, sanitise_model_id, voice_status
from ..core.voices import expires_at as _expires_at
from .paths import voices_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
_BUSY_TIMEOUT_SECONDS: Final = 5.0  # the CLI and the app may write at the same moment

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS voices (
    model_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at REAL,
    source TEXT NOT NULL DEFAULT '',
    version TEXT,
    language TEXT,
    preview_path TEXT,
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    activated_at REAL,
    expired INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    preview_task_id TEXT,
    demo INTEGER NOT NULL DEFAULT 0,
    added_at REAL NOT NULL
)
"""

# Voices the user removed: a finished clone found again in the task library is not brought
# back (services.clone_adopt). Added without a version bump: older versions ignore it.
_REMOVED_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS removed_voices (
    model_id TEXT PRIMARY KEY,
    removed_at REAL NOT NULL
)
"""

_COLUMNS: Final = (
    "model_id",
    "name",
    "created_at",
    "source",
    "version",
    "language",
    "preview_path",
    "notes",
    "tags",
    "activated_at",
    "expired",
    "imported",
    "preview_task_id",
    "demo",
)


class VoiceLibraryError(Exception):
    """The library file cannot be used (not a database, or from a newer version)."""


@dataclass(frozen=True)
class Voice:
    """One voice as the library knows it."""

    model_id: str
    name: str
    created_at: float | None = None  # wall time of the preview task (start of the 3 days)
    source: str = ""  # file name or URL it was cloned from
    version: str | None = None  # v1 | v2
    language: str | None = None
    preview_path: Path | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    activated_at: float | None = None  # first successful production use: permanent from then
    expired: bool = False  # the server refused it as expired/invalid
    imported: bool = False  # entered as a raw ID
    preview_task_id: str | None = None
    demo: bool = False  # cloned on (or imported while using) the built-in demo server

    def status(self, now: float | None = None) -> VoiceStatus:
        """The status at wall time ``now`` (default: the current time)."""
        return voice_status(
            created_at=self.created_at,
            activated_at=self.activated_at,
            expired=self.expired,
            imported=self.imported,
            now=time.time() if now is None else now,
        )

    def expires_at(self) -> float | None:
        """When the voice expires unless used; ``None`` unless it is on the temporary track.

        For a voice whose window has passed this is a time in the past (when it expired).
        """
        if self.expired or self.activated_at is not None or self.imported:
            return None
        if self.created_at is None:
            return None
        return _expires_at(self.created_at)


def normalise_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, duplicates (ignoring case) removed, order kept."""
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        cleaned = " ".join(tag.split())
        key = cleaned.casefold()
        if cleaned and key not in seen:
            seen.add(key)
            result.append(cleaned)
    return tuple(result)


class VoiceLibrary:
    """The voices in one SQLite file; preview clips copied into ``previews_dir``."""

    def __init__(
        self,
        path: Path,
        previews_dir: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``clock`` is wall time; tests inject one to move "now" past the three days."""
        # Absolute: a relative data folder (--data-dir rel) must not store paths that only
        # work from the folder the command ran in.
        self.path = Path(path) if str(path) == ":memory:" else Path(path).absolute()
        self.clock = clock
        # voices_dir(data) beside voices.sqlite3 in the same data folder
        self.previews_dir = (
            Path(previews_dir) if previews_dir is not None else voices_dir(self.path.parent)
        ).absolute()
        self._lock = threading.RLock()
        self._observers: list[Callable[[], None]] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_SECONDS, check_same_thread=False
            )
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                self._db.close()
            raise VoiceLibraryError(f"cannot open the voice library {self.path}: {exc}") from exc

    def _init_schema(self) -> None:
        with self._transaction() as db:
            found = int(db.execute("PRAGMA user_version").fetchone()[0])
            if found > SCHEMA_VERSION:
                raise VoiceLibraryError(
                    f"the voice library {self.path} was written by a newer version "
                    f"(schema {found}, this version reads {SCHEMA_VERSION})"
                )
            db.execute(_SCHEMA)
            db.execute(_REMOVED_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (safe to call twice)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> VoiceLibrary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def subscribe(self, observer: Callable[[], None]) -> Callable[[], None]:
        """Call ``observer()`` after every write that changed the library (on the writing
        thread); returns a function that unsubscribes it."""
        self._observers.append(observer)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._observers.remove(observer)

        return unsubscribe

    def _changed(self) -> None:
        for observer in list(self._observers):
            try:
                observer()
            except Exception:  # a view's bug must not undo or break a write that succeeded
                log.exception("Voice library observer %r failed", observer)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._db:
            yield self._db

    # -- reading -----------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock()

    def status(self, voice: Voice) -> VoiceStatus:
        """A voice's status at the library clock's "now"."""
        return voice.status(self.clock())

    def get(self, model_id: str) -> Voice | None:
        """The voice with this ID, or ``None``."""
        with self._transaction() as db:
            row = db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM voices WHERE model_id = ?", (model_id,)
            ).fetchone()
        return None if row is None else self._voice(row)

    def all(self) -> list[Voice]:
        """Every voice, most recently added first."""
        with self._transaction() as db:
            rows = db.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM voices ORDER BY added_at DESC, rowid DESC"
            ).fetchall()
        return [self._voice(row) for row in rows]

    def __contains__(self, model_id: object) -> bool:
        return isinstance(model_id, str) and self.get(model_id) is not None

    # -- writing -----------------------------------------------------------------------------

    def add(self, voice: Voice) -> Voice:
        """Insert ``voice``, or update the voice with the same ID; returns what is stored.

        Updating never loses what only the library knows: a recorded production use stays
        (a permanent voice cannot become temporary again), and a missing preview path keeps
        the clip already stored.
        """
        model_id = voice.model_id.strip()
        if not model_id:
            raise ValueError("a voice needs a model ID")
        voice = replace(voice, model_id=model_id, tags=normalise_tags(voice.tags))
        with self._transaction() as db:
            old = self._get_locked(db, model_id)
            if old is not None:
                activated = _earliest(old.activated_at, voice.activated_at)
                voice = replace(
                    voice,
                    activated_at=activated,
                    preview_path=voice.preview_path or old.preview_path,
                )
            if voice.preview_path is not None:  # see __init__: never relative to the cwd
                voice = replace(voice, preview_path=voice.preview_path.absolute())
            db.execute("DELETE FROM removed_voices WHERE model_id = ?", (model_id,))
            values = _row_from_voice(voice)
            db.execute(
                f"INSERT INTO voices ({', '.join(_COLUMNS)}, added_at) "
                f"VALUES ({', '.join('?' for _ in _COLUMNS)}, ?) "
                "ON CONFLICT(model_id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:]),
                (*values, self.clock()),
            )
            stored = self._get_locked(db, model_id)
        assert stored is not None
        self._changed()
        return stored

    def import_id(self, model_id: str, name: str | None = None, *, demo: bool = False) -> Voice:
        """Add a voice entered as a raw ID (status unknown); an existing voice is kept as is."""
        model_id = model_id.strip()
        if not model_id:
            raise ValueError("a voice ID must not be empty")
        existing = self.get(model_id)
        if existing is not None:
            return existing
        name = (name or "").strip() or model_id
        return self.add(Voice(model_id=model_id, name=name, imported=True, demo=demo))

    def store_preview(self, model_id: str, source: Path, *, move: bool = False) -> Path:
        """Copy (or with ``move``, move) a preview clip into the library folder.

        The file is named after the sanitised model ID with the clip's type as extension
        (sniffed when the source has none). If the voice is already in the library, its
        ``preview_path`` is updated too. Returns the new path.
        """
        source = Path(source)
        extension = source.suffix.lower().lstrip(".")
        if not extension:
            with source.open("rb") as handle:
                extension = sniff_audio(handle.read(SNIFF_BYTES)) or "bin"
        self.previews_dir.mkdir(parents=True, exist_ok=True)
        target = self.previews_dir / f"{sanitise_model_id(model_id)}.{extension}"
        if source.resolve() != target.resolve():
            tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
            if move:
                source.unlink()
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE voices SET preview_path = ? WHERE model_id = ?", (str(target), model_id)
            )
        if cursor.rowcount:
            self._changed()
        return target

    def rename(self, model_id: str, name: str) -> None:
        """Give a voice a new display name (blank names are refused)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a voice name must not be empty")
        self._update(model_id, "name = ?", name)

    def set_tags(self, model_id: str, tags: Sequence[str]) -> None:
        """Replace a voice's tags (normalised: see :func:`normalise_tags`)."""
        self._update(model_id, "tags = ?", json.dumps(list(normalise_tags(tags))))

    def set_notes(self, model_id: str, notes: str) -> None:
        """Replace a voice's free-text notes."""
        self._update(model_id, "notes = ?", notes)

    def mark_used(self, model_id: str, at: float, *, demo: bool | None = None) -> bool:
        """Record a successful production use: the voice is permanent from its first one.

        With ``demo`` given, only a voice of that kind (demo server or not) is touched: a
        demo voice and a real one may share an ID only by accident. Returns True if this
        changed the voice (the first use, or a voice we had thought expired); False if it
        was already permanent or is not in the library.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE voices SET activated_at = COALESCE(activated_at, ?), expired = 0 "
                "WHERE model_id = ? AND (activated_at IS NULL OR expired != 0)"
                + _kind_clause(demo),
                (at, model_id, *_kind_args(demo)),
            )
        return self._changed_if(cursor.rowcount > 0)

    def mark_expired(self, model_id: str, *, demo: bool | None = None) -> bool:
        """Record that the server refused the voice; True if this changed it.

        With ``demo`` given, only a voice of that kind is touched: the demo server does not
        know the user's real voices, and its refusal says nothing about them.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE voices SET expired = 1 WHERE model_id = ? AND expired = 0"
                + _kind_clause(demo),
                (model_id, *_kind_args(demo)),
            )
        return self._changed_if(cursor.rowcount > 0)

    def delete(self, model_id: str) -> Voice | None:
        """Forget a voice locally (the server keeps it) and remove its copied preview clip.

        A preview outside the library's folder is the user's own file and is left alone.
        Returns the removed voice, or ``None`` if it was not there.
        """
        with self._transaction() as db:
            voice = self._get_locked(db, model_id)
            if voice is None:
                return None
            db.execute("DELETE FROM voices WHERE model_id = ?", (model_id,))
            db.execute(
                "INSERT OR REPLACE INTO removed_voices (model_id, removed_at) VALUES (?, ?)",
                (model_id, self.clock()),
            )
        if voice.preview_path is not None and self._owns(voice.preview_path):
            with contextlib.suppress(FileNotFoundError):
                voice.preview_path.unlink()
        self._changed()
        return voice

    # -- internals ---------------------------------------------------------------------------

    def _owns(self, path: Path) -> bool:
        try:
            return path.resolve().parent == self.previews_dir.resolve()
        except OSError:
            return False

    def _update(self, model_id: str, assignment: str, value: Any) -> None:
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE voices SET {assignment} WHERE model_id = ?", (value, model_id)
            )
            if cursor.rowcount == 0:
                raise KeyError(model_id)
        self._changed()

    def _changed_if(self, changed: bool) -> bool:
        if changed:
            self._changed()
        return changed

    def _get_locked(self, db: sqlite3.Connection, model_id: str) -> Voice | None:
        row = db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM voices WHERE model_id = ?", (model_id,)
        ).fetchone()
        return None if row is None else self._voice(row)

    def _voice(self, row: Sequence[Any]) -> Voice:
        voice = _voice_from_row(row)
        path = voice.preview_path
        if path is None or path.is_absolute():
            return voice
        return replace(voice, preview_path=self._resolve_relative(path))

    def _resolve_relative(self, path: Path) -> Path:
        """A preview path an older version stored relative to the folder it ran in: the clip
        is in the previews folder (where the library keeps clips), else beside the data."""
        in_previews = self.previews_dir / path.name
        if in_previews.exists():
            return in_previews
        return self.path.parent / path

    # -- removed voices (not brought back from the task library) ----------------------------

    def was_removed(self, model_id: str) -> bool:
        """Whether the user removed this voice from the library."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT 1 FROM removed_voices WHERE model_id = ?", (model_id,)
            ).fetchone()
        return row is not None


def _kind_clause(demo: bool | None) -> str:
    return "" if demo is None else " AND demo = ?"


def _kind_args(demo: bool | None) -> tuple[int, ...]:
    return () if demo is None else (int(demo),)


def _earliest(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _row_from_voice(voice: Voice) -> tuple[object, ...]:
    return (
        voice.model_id,
        voice.name,
        voice.created_at,
        voice.source,
        voice.version,
        voice.language,
        None if voice.preview_path is None else str(voice.preview_path),
        voice.notes,
        json.dumps(list(voice.tags)),
        voice.activated_at,
        int(voice.expired),
        int(voice.imported),
        voice.preview_task_id,
        int(voice.demo),
    )


def _voice_from_row(row: Sequence[Any]) -> Voice:
    (
        model_id,
        name,
        created_at,
        source,
        version,
        language,
        preview_path,
        notes,
        tags,
        activated_at,
        expired,
        imported,
        preview_task_id,
        demo,
    ) = row
    try:
        parsed = json.loads(tags)
        tag_list = tuple(str(t) for t in parsed) if isinstance(parsed, list) else ()
    except (TypeError, ValueError):
        tag_list = ()
    return Voice(
        model_id=str(model_id),
        name=str(name),
        created_at=None if created_at is None else float(created_at),
        source=str(source or ""),
        version=None if version is None else str(version),
        language=None if language is None else str(language),
        preview_path=None if not preview_path else Path(preview_path),
        notes=str(notes or ""),
        tags=tag_list,
        activated_at=None if activated_at is None else float(activated_at),
        expired=bool(expired),
        imported=bool(imported),
        preview_task_id=None if preview_task_id is None else str(preview_task_id),
        demo=bool(demo),
    )
