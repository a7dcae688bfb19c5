"""The task library: rows that rebuild the full request, events, search, migrations, safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams, SubtitleType
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import (
    SCHEMA_VERSION,
    LibraryError,
    SortKey,
    TaskLibrary,
    TaskRecord,
)

ROOT = Path(__file__).resolve().parents[2]
URL = "http://127.0.0.1:8000"


@pytest.fixture
def library(tmp_path: Path) -> TaskLibrary:
    lib = TaskLibrary(paths.library_path(tmp_path / "data"))
    yield lib  # type: ignore[misc]
    lib.close()


def speech(text: str = "Hello <#0.5#> world.", **kw: object) -> ProductionParams:
    return ProductionParams(model_id=str(kw.pop("model_id", "model_a")), text=text, **kw)  # type: ignore[arg-type]


def new_job(params: ProductionParams | PreviewParams | None = None, **kw: object) -> Job:
    params = params if params is not None else speech()
    kind = JobKind.PREVIEW if isinstance(params, PreviewParams) else JobKind.AUDIO
    return Job(kind=kind, params=params, chars=12, **kw)  # type: ignore[arg-type]


def advance(job: Job, state: JobState, **changes: object) -> None:
    """What the runner does: change the job and append to its history."""
    job.state = state
    job.history.append((state, time.time()))
    for name, value in changes.items():
        setattr(job, name, value)


# -- recording --------------------------------------------------------------------------------


def test_a_record_rebuilds_the_full_request(library: TaskLibrary) -> None:
    params = speech(
        "第一句。<#1.25#>Second sentence, with ÉCOLE.", model_id="model_x", version="v1",
        language="Chinese", emotion="happy", speed=1.5, vol=2.5, pitch=-3, subtitles=True,
        subtitle_type=SubtitleType.WORD,
    )  # fmt: skip
    job = new_job(params)
    library.record(job, base_url=URL + "/", demo=False, estimate=Decimal("0.51"),
                   currency="JimiCoin")  # fmt: skip
    record = library.get(job.local_id)
    assert record is not None
    assert record.params == params  # every field, the subtitle type as its enum
    assert isinstance(record.params, ProductionParams)
    assert record.params.subtitle_type is SubtitleType.WORD
    assert record.text == params.text and record.voice_id == "model_x"
    assert record.kind is JobKind.AUDIO and record.state is JobState.SENDING
    assert record.estimate == Decimal("0.51") and record.currency == "JimiCoin"
    assert record.base_url == URL  # stored without the trailing slash
    assert record.created_at == job.created_at and record.chars == 12
    assert record.task_id is None and record.audio_path is None and record.duration is None
    assert library.events(job.local_id) == [(JobState.SENDING, job.created_at)]


def test_a_preview_keeps_its_source_and_gets_its_new_voice(library: TaskLibrary) -> None:
    params = PreviewParams(file_url="https://example.com/me.wav", text="", language="English")
    job = new_job(params)
    library.record(job, base_url=URL, demo=True)
    advance(job, JobState.DOWNLOADED, task_id="clone_1", model_id="model_new")
    library.record(job, base_url=URL, demo=True)
    record = library.get(job.local_id)
    assert record is not None and record.kind is JobKind.PREVIEW
    assert record.params == params and record.text == ""
    assert record.voice_id == "model_new" and record.demo is True


def test_state_changes_append_events_and_fill_in_the_outcome(
    library: TaskLibrary, tmp_path: Path
) -> None:
    job = new_job()
    library.record(job, base_url=URL, demo=False)
    advance(job, JobState.SUBMITTED, task_id="audio_1")
    library.record(job, base_url=URL, demo=False)
    advance(job, JobState.PROCESSING)
    library.record(job, base_url=URL, demo=False)
    audio = tmp_path / "audio_1.wav"
    advance(job, JobState.DOWNLOADED, audio_path=audio, subtitle_path=tmp_path / "s.json")
    library.record(job, base_url=URL, demo=False)
    record = library.get(job.local_id)
    assert record is not None
    assert record.task_id == "audio_1" and record.state is JobState.DOWNLOADED
    assert record.audio_path == audio and record.subtitle_path == tmp_path / "s.json"
    assert [s for s, _at in library.events(job.local_id)] == [
        JobState.SENDING, JobState.SUBMITTED, JobState.PROCESSING, JobState.DOWNLOADED,
    ]  # fmt: skip
    assert [at for _s, at in library.events(job.local_id)] == [at for _s, at in job.history]
    assert library.by_task_id("audio_1") == record


def test_unchanged_updates_do_not_write(library: TaskLibrary) -> None:
    written: list[str] = []
    library.add_listener(written.append)
    job = new_job()
    library.record(job, base_url=URL, demo=False)
    advance(job, JobState.QUEUED, task_id="audio_1")
    library.record(job, base_url=URL, demo=False)
    before = library.get(job.local_id)
    job.polls += 5  # polls and passing messages are not kept
    job.message = "Reconnecting…"
    for _ in range(5):
        library.record(job, base_url=URL, demo=False)
    assert library.get(job.local_id) == before
    assert written == [job.local_id, job.local_id]
    assert len(library.events(job.local_id)) == 2


def test_the_first_estimate_and_server_are_kept(library: TaskLibrary) -> None:
    job = new_job()
    library.record(job, base_url=URL, demo=False, estimate=Decimal("1.10"), currency="JimiCoin")
    advance(job, JobState.SUBMITTED, task_id="audio_1")
    # Later calls come from a session that may have reconnected elsewhere, at other prices.
    library.record(job, base_url="http://elsewhere", demo=True, estimate=Decimal("9"),
                   currency="USD")  # fmt: skip
    library.record(job, base_url="http://elsewhere", demo=True)
    record = library.get(job.local_id)
    assert record is not None
    assert (record.estimate, record.currency) == (Decimal("1.10"), "JimiCoin")
    assert (record.base_url, record.demo) == (URL, False)
    later = new_job()  # no price known when it was sent; one learnt later still counts
    library.record(later, base_url=URL, demo=False)
    library.record(later, base_url=URL, demo=False, estimate=Decimal("0.3"), currency="X")
    assert library.get(later.local_id).estimate == Decimal("0.3")  # type: ignore[union-attr]


def test_a_resumed_job_keeps_what_it_does_not_know(library: TaskLibrary, tmp_path: Path) -> None:
    first = new_job()
    advance(first, JobState.DOWNLOADING, task_id="audio_1", audio_path=tmp_path / "a.wav")
    library.record(first, base_url=URL, demo=False)
    library.set_duration(first.local_id, 2.5)
    # After a restart the runner follows it as a new Job object with the same identity.
    again = Job(kind=JobKind.AUDIO, params=None, task_id="audio_1", local_id=first.local_id,
                created_at=first.created_at, state=JobState.SUBMITTED)  # fmt: skip
    library.record(again, base_url=URL, demo=False)
    record = library.get(first.local_id)
    assert record is not None and record.state is JobState.SUBMITTED
    assert record.audio_path == tmp_path / "a.wav" and record.params == speech()
    assert record.chars == 12 and record.duration == 2.5


def test_mark_delete_and_listeners(library: TaskLibrary) -> None:
    seen: list[str] = []

    def broken(_local_id: str) -> None:
        raise RuntimeError("listener bug")

    library.add_listener(broken)
    library.add_listener(seen.append)
    job = new_job()
    library.record(job, base_url=URL, demo=False)
    library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown",
                 error="It may have been created.")  # fmt: skip
    record = library.get(job.local_id)
    assert record is not None and record.state is JobState.OUTCOME_UNKNOWN
    assert record.reason == FailureReason.OUTCOME_UNKNOWN and record.error
    assert library.events(job.local_id)[-1][0] is JobState.OUTCOME_UNKNOWN
    library.mark("no-such-id", JobState.FAILED)  # ignored
    assert library.delete(job.local_id) == record
    assert library.get(job.local_id) is None and library.events(job.local_id) == []
    assert library.delete(job.local_id) is None
    assert seen == [job.local_id] * 3


def test_unfinished_lists_active_tasks_per_server(library: TaskLibrary) -> None:
    jobs = {state: new_job() for state in JobState}
    for state, job in jobs.items():
        advance(job, state)
        library.record(
            job, base_url=URL if state is not JobState.QUEUED else "http://b/", demo=False
        )
    active = {s for s in JobState if not s.is_terminal}
    assert {r.state for r in library.unfinished()} == active
    assert {r.state for r in library.unfinished(URL + "/")} == active - {JobState.QUEUED}
    assert [r.state for r in library.unfinished("http://b")] == [JobState.QUEUED]


def test_find_by_id_prefix_or_task_id(library: TaskLibrary) -> None:
    job = new_job(task_id="audio_77")
    library.record(job, base_url=URL, demo=False)
    assert [r.local_id for r in library.find(job.local_id[:8])] == [job.local_id]
    assert [r.local_id for r in library.find("audio_77")] == [job.local_id]
    assert library.find(job.local_id[:3]) == []  # too short to be a prefix
    assert library.find("  ") == []


# -- search -----------------------------------------------------------------------------------


def _fill(library: TaskLibrary) -> dict[str, Job]:
    rows = {
        "école": ("La petite école.", "model_b", "3", 4.0, JobState.DOWNLOADED),
        "chinese": ("你好，世界。", "model_a", None, None, JobState.FAILED),
        "hello": ("hello world", "model_c", "1.5", 2.0, JobState.QUEUED),
        "zeta": ("Zeta <#1#> line", None, "10", 1.0, JobState.OUTCOME_UNKNOWN),
    }
    jobs: dict[str, Job] = {}
    for n, (name, (text, voice, cost, seconds, state)) in enumerate(rows.items()):
        job = new_job(speech(text, model_id=voice or ""), created_at=1000.0 + n,
                      task_id=f"audio_{name}")  # fmt: skip
        advance(job, state)
        library.record(job, base_url=URL, demo=False,
                       estimate=Decimal(cost) if cost else None)  # fmt: skip
        if seconds is not None:
            library.set_duration(job.local_id, seconds)
        jobs[name] = job
    return jobs


def names(records: list[TaskRecord], jobs: dict[str, Job]) -> list[str]:
    by_id = {job.local_id: name for name, job in jobs.items()}
    return [by_id[r.local_id] for r in records]


def test_search_matches_text_task_id_and_voice_in_any_case(library: TaskLibrary) -> None:
    jobs = _fill(library)
    assert names(library.search("ÉCOLE"), jobs) == ["école"]  # Unicode case folding
    assert names(library.search("世界"), jobs) == ["chinese"]
    assert names(library.search("HELLO"), jobs) == ["hello"]
    assert names(library.search("AUDIO_ZE"), jobs) == ["zeta"]  # task id
    assert names(library.search("model_a"), jobs) == ["chinese"]  # voice id
    assert names(library.search("%"), jobs) == []  # no LIKE wildcards
    assert library.count("WORLD") == 1 and library.count("model_") == 3
    assert library.count() == 4
    assert names(library.search(""), jobs) == ["zeta", "hello", "chinese", "école"]
    assert names(library.search(states=[JobState.QUEUED, JobState.FAILED]), jobs) == [
        "hello", "chinese",
    ]  # fmt: skip
    assert library.search(states=[]) == [] and library.count(states=[JobState.FAILED]) == 1


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        (SortKey.CREATED, False, ["école", "chinese", "hello", "zeta"]),
        (SortKey.TEXT, False, ["hello", "école", "zeta", "chinese"]),
        (SortKey.VOICE, False, ["chinese", "école", "hello", "zeta"]),
        (SortKey.VOICE, True, ["hello", "école", "chinese", "zeta"]),  # no voice: last
        (SortKey.COST, False, ["hello", "école", "zeta", "chinese"]),  # as numbers, not text
        (SortKey.COST, True, ["zeta", "école", "hello", "chinese"]),
        (SortKey.DURATION, False, ["zeta", "hello", "école", "chinese"]),
        (SortKey.STATE, False, ["hello", "école", "zeta", "chinese"]),  # lifecycle order
    ],
)
def test_sorting(library: TaskLibrary, key: SortKey, descending: bool, expected: list[str]) -> None:
    jobs = _fill(library)
    assert names(library.search(sort=key, descending=descending), jobs) == expected


def test_paging(library: TaskLibrary) -> None:
    jobs = _fill(library)
    pages = [names(library.search(limit=3, offset=o), jobs) for o in (0, 3)]
    assert pages == [["zeta", "hello", "chinese"], ["école"]]
    assert names(library.search(offset=2), jobs) == ["chinese", "école"]


def test_excerpt_is_one_line_without_markers() -> None:
    def record(text: str) -> TaskRecord:
        return TaskRecord(
            "id", JobKind.AUDIO, JobState.DOWNLOADED, None, URL, False, text, None, None, None,
            None, None, 0.0, 0.0, None, None, None, None, None,
        )  # fmt: skip

    assert record("Hello<#0.5#>\n  world <#1#>again").excerpt() == "Hello world again"
    long = record("One two three four five six seven eight nine ten eleven twelve")
    assert long.excerpt(20) == "One two three four…"
    assert len(record("字" * 100).excerpt(10)) == 10
    assert record("").excerpt() == ""


# -- the file ----------------------------------------------------------------------------------


def test_the_file_is_wal_versioned_and_reopens(tmp_path: Path) -> None:
    path = paths.library_path(tmp_path / "new" / "folder")
    with TaskLibrary(path) as lib:
        job = new_job()
        lib.record(job, base_url=URL, demo=False)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    with TaskLibrary(path) as lib:
        assert lib.get(job.local_id) is not None


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        TaskLibrary(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not SQLite " * 100)
    with TaskLibrary(path) as lib:
        assert lib.recovered_from is not None and lib.recovered_from.exists()
        assert lib.recovered_from.read_bytes().startswith(b"this is not SQLite")
        lib.record(new_job(), base_url=URL, demo=False)
        assert lib.count() == 1


def test_threads_and_a_second_connection_can_write(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with TaskLibrary(path) as first, TaskLibrary(path) as second:
        errors: list[BaseException] = []

        def write(lib: TaskLibrary) -> None:
            try:
                for _ in range(25):
                    job = new_job()
                    lib.record(job, base_url=URL, demo=False)
                    advance(job, JobState.SUBMITTED, task_id=f"audio_{job.local_id}")
                    lib.record(job, base_url=URL, demo=False)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(lib,)) for lib in (first, first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert first.count() == second.count() == 75


def test_the_intent_is_on_disk_when_record_returns(tmp_path: Path) -> None:
    """A process killed right after record() (before any POST) leaves its row behind."""
    path = tmp_path / "library.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from soundclone_desktop.core.params import ProductionParams
        from soundclone_desktop.core.jobs import Job, JobKind
        from soundclone_desktop.store.library import TaskLibrary
        lib = TaskLibrary(Path({str(path)!r}))
        job = Job(kind=JobKind.AUDIO, params=ProductionParams(model_id="m", text="Hi."),
                  local_id="intent-1")
        lib.record(job, base_url="{URL}", demo=False)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, check=False)
    assert done.returncode == -signal.SIGKILL
    with TaskLibrary(path) as lib:
        record = lib.get("intent-1")
    assert record is not None and record.state is JobState.SENDING and record.text == "Hi."


def _synchronous(library: TaskLibrary) -> str:
    """The level the library's last write used (the connection keeps it until the next)."""
    level = library._conn.execute("PRAGMA synchronous").fetchone()[0]
    return {2: "FULL", 1: "NORMAL"}[level]


def test_only_the_intent_and_the_task_id_wait_for_the_disk(library: TaskLibrary) -> None:
    """An fsync per poll answer stalls the window; the money-critical writes keep theirs."""
    job = new_job()
    library.record(job, base_url=URL, demo=False)
    assert _synchronous(library) == "FULL"  # the intent, before the create request
    advance(job, JobState.SUBMITTED, task_id="audio_1")
    library.record(job, base_url=URL, demo=False)
    assert _synchronous(library) == "FULL"  # the id of a task that may be charged
    for state in (JobState.QUEUED, JobState.PROCESSING, JobState.DOWNLOADING):
        advance(job, state)
        library.record(job, base_url=URL, demo=False)
        assert _synchronous(library) == "NORMAL"
    advance(job, JobState.DOWNLOADED, audio_path=Path("/a.wav"))
    library.record(job, base_url=URL, demo=False, duration=3.25)
    assert _synchronous(library) == "NORMAL"
    record = library.get(job.local_id)
    assert record is not None and record.duration == 3.25 and record.state is JobState.DOWNLOADED
    library.mark(job.local_id, JobState.FAILED, error="x")  # recovery: rare, keep it safe
    assert _synchronous(library) == "FULL"
    late = new_job(task_id="audio_2")  # resumed after a restart: its first write is flushed
    advance(late, JobState.QUEUED)
    library.record(late, base_url=URL, demo=False)
    assert _synchronous(library) == "FULL"


def test_progress_is_on_disk_when_record_returns(tmp_path: Path) -> None:
    """Writes without an fsync still survive the app being killed (WAL, synchronous=NORMAL)."""
    path = tmp_path / "library.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from soundclone_desktop.core.params import ProductionParams
        from soundclone_desktop.core.jobs import Job, JobKind, JobState
        from soundclone_desktop.store.library import TaskLibrary
        lib = TaskLibrary(Path({str(path)!r}))
        job = Job(kind=JobKind.AUDIO, params=ProductionParams(model_id="m", text="Hi."),
                  local_id="progress-1")
        lib.record(job, base_url="{URL}", demo=False)
        job.task_id, job.state = "audio_1", JobState.SUBMITTED
        lib.record(job, base_url="{URL}", demo=False)
        job.state, job.audio_path = JobState.DOWNLOADED, Path("/results/audio_1.wav")
        lib.record(job, base_url="{URL}", demo=False, duration=1.5)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, check=False)
    assert done.returncode == -signal.SIGKILL
    with TaskLibrary(path) as lib:
        record = lib.get("progress-1")
    assert record is not None and record.state is JobState.DOWNLOADED
    assert record.audio_path == Path("/results/audio_1.wav") and record.duration == 1.5


def test_ids_learnt_later_are_searchable(library: TaskLibrary) -> None:
    params = PreviewParams(file_url="https://example.com/me.wav", text="", language="English")
    job = new_job(params)
    library.record(job, base_url=URL, demo=False)
    advance(job, JobState.SUBMITTED, task_id="clone_77")
    library.record(job, base_url=URL, demo=False)
    advance(job, JobState.PROCESSING)
    library.record(job, base_url=URL, demo=False)
    assert [r.local_id for r in library.search("CLONE_77")] == [job.local_id]
    assert library.search("model_fresh") == []
    advance(job, JobState.DOWNLOADED, model_id="model_fresh")
    library.record(job, base_url=URL, demo=False)
    assert [r.local_id for r in library.search("model_fresh")] == [job.local_id]
    assert [r.local_id for r in library.search("clone_77")] == [job.local_id]
