"""A damaged task library (issue 11 item 8): detected when opened or queried, set aside, and
what can be read is copied into a fresh file with its task ids, so resume still follows them."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.salvage import is_corruption

URL = "http://127.0.0.1:8000"
ROWS = 400  # a few dozen leaf pages of the tasks table


def fill(path: Path, rows: int = ROWS, *, unfinished_every: int = 0) -> list[str]:
    """``rows`` downloaded tasks (every ``unfinished_every``-th one still queued); returns
    their task ids. Closing checkpoints the WAL into the main file."""
    task_ids = []
    with TaskLibrary(path) as library:
        for i in range(rows):
            text = f"Script number {i}: " + "words " * 40
            job = Job(kind=JobKind.AUDIO, params=ProductionParams(model_id="m", text=text))
            job.task_id = f"audio_{i:08d}-0000-4000-8000-000000000000"
            job.state = JobState.DOWNLOADED
            if unfinished_every and i % unfinished_every == 0:
                job.state = JobState.QUEUED
            job.history.append((job.state, time.time()))
            library.record(job, base_url=URL, demo=False)
            task_ids.append(job.task_id)
    assert not path.with_name(path.name + "-wal").exists() or not (
        path.with_name(path.name + "-wal").stat().st_size
    )
    return task_ids


def leaf_pages(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
        return [int(r[0]) for r in rows]
    finally:
        conn.close()


def smash(path: Path, page: int) -> None:
    """Garbage over one whole page, as a torn or misdirected write leaves it."""
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes((i * 7 + 13) % 256 for i in range(size)))


def test_a_damaged_page_is_found_at_open_and_the_rest_salvaged(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    task_ids = fill(path)
    pages = leaf_pages(path, "tasks")
    assert len(pages) > 10
    smash(path, pages[len(pages) // 2])
    with pytest.raises(sqlite3.DatabaseError) as raised:  # what a plain query meets
        sqlite3.connect(path).execute("SELECT COUNT(*), MAX(text) FROM tasks").fetchall()
    assert is_corruption(raised.value)

    with TaskLibrary(path) as library:
        report = library.salvage
        assert report is not None and library.recovered_from == report.damaged_copy
        assert report.damaged_copy.exists() and report.damaged_tables == ("tasks",)
        recovered = library.search()
        # Only the rows of the damaged page are gone (a page holds a handful of them).
        assert ROWS - 20 <= len(recovered) < ROWS
        assert report.recovered["tasks"] == len(recovered)
        for record in recovered:
            assert record.task_id in task_ids
            assert record.text.startswith(f"Script number {task_ids.index(record.task_id)}:")
            assert library.events(record.local_id)  # their events came along
        assert library.count() == len(recovered)
    with TaskLibrary(path) as again:  # the new file is sound: nothing more to salvage
        assert again.salvage is None and again.count() == len(recovered)


def test_a_damaged_index_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    fill(path, 200)
    smash(path, leaf_pages(path, "tasks_created")[0])
    with TaskLibrary(path) as library:
        assert library.salvage is not None and library.salvage.complete
        assert library.count() == 200
        assert [r.state for r in library.search(limit=3)] == [JobState.DOWNLOADED] * 3


def test_unfinished_tasks_keep_their_ids_for_resume(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    task_ids = fill(path, unfinished_every=5)
    pages = leaf_pages(path, "tasks")
    smash(path, pages[-2])  # near the end: the newest rows
    with TaskLibrary(path) as library:
        unfinished = library.unfinished(URL)
        assert len(unfinished) >= ROWS // 5 - 10
        assert {r.task_id for r in unfinished} <= {task_ids[i] for i in range(0, ROWS, 5)}


def test_damage_found_by_a_query_after_opening_is_salvaged(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    fill(path, 200)
    library = TaskLibrary(path)
    try:
        # The file is damaged while the library is open (another process, the disk):
        # a fresh connection stands in for the one whose page cache would hide it.
        library._conn.close()
        smash(path, leaf_pages(path, "tasks")[3])
        library._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        records = library.search()
        assert library.salvage is not None
        assert 180 <= len(records) < 200
    finally:
        library.close()


def test_salvage_sentence_says_where_and_how_many(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    fill(path, 100)
    smash(path, leaf_pages(path, "tasks")[2])
    with TaskLibrary(path) as library:
        assert library.salvage is not None
        from soundclone_desktop.store.library import salvage_sentence

        text = salvage_sentence(path, library.salvage)
        assert str(library.salvage.damaged_copy) in text
        assert f"{library.count()} tasks were recovered" in text
        assert "could not be read" in text
