"""Schema 2: the process that wrote a task's intent, and the balance around an unknown create.

A schema-1 library (from the previous version) is migrated in place: its rows keep
everything and have no owner (so resuming treats them as an earlier run's, as before).
"""

from __future__ import annotations

import os
import sqlite3
import time
from decimal import Decimal
from pathlib import Path

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.store import library_schema
from soundclone_desktop.store.library import SCHEMA_VERSION, TaskLibrary
from soundclone_desktop.store.process_owner import (
    IN_FLIGHT_LIMIT,
    current_owner,
    owner_alive,
    start_token,
)
from tests.owners import dead_owner


def speech(text: str = "Owned by someone.") -> ProductionParams:
    return ProductionParams(model_id="model_x", text=text)


def test_a_schema_1_library_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    library_schema.create_v1(conn)
    conn.execute(
        "INSERT INTO tasks (local_id, kind, state, task_id, base_url, demo, text, created_at, "
        "updated_at, haystack) VALUES ('old1', 'audio', 'sending', NULL, 'http://x', 0, "
        "'Old text.', 1.0, 1.0, 'old text.')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    with TaskLibrary(path) as library:
        record = library.get("old1")
        assert record is not None and record.text == "Old text."
        assert record.owner_pid is None and record.balance_drop is None
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    conn.close()


def test_the_intent_row_names_this_process_and_keeps_the_balance(tmp_path: Path) -> None:
    with TaskLibrary(tmp_path / "library.sqlite3") as library:
        job = Job(kind=JobKind.AUDIO, params=speech())
        job.balance_before = Decimal("100.00")
        library.record(job, base_url="http://x", demo=False)
        job.state, job.balance_after = JobState.OUTCOME_UNKNOWN, Decimal("99.39")
        library.record(job, base_url="http://x", demo=False)
        record = library.get(job.local_id)
    assert record is not None
    assert (record.owner_pid, record.owner_start) == current_owner()
    assert record.owner_pid == os.getpid()
    assert record.balance_drop == Decimal("0.61")


def test_owner_liveness_uses_the_start_time_so_a_reused_pid_is_not_alive() -> None:
    pid, token = current_owner()
    now = time.time()
    assert token is not None and token == start_token(pid)  # Linux: from /proc
    assert owner_alive(pid, token, since=now)
    assert not owner_alive(pid, str(int(token) + 1), since=now)  # same pid, other start
    dead_pid, dead_token = dead_owner()
    assert not owner_alive(dead_pid, dead_token, since=now)
    assert not owner_alive(None, None, since=now)  # a row from before owners were kept


def test_without_a_start_time_an_old_row_is_not_in_flight() -> None:
    pid = os.getpid()
    assert owner_alive(pid, None, since=time.time())  # pid liveness only
    assert not owner_alive(pid, None, since=time.time() - IN_FLIGHT_LIMIT - 1)
