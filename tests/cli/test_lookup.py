"""`soundclone resume ID --task TASK_ID` (issue 11 item 5): only an outcome-unknown entry takes
a task id; the id must look like one and belong to no other entry; an id the server does not
know leaves the entry correctable instead of failed for ever."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.lookup import clean_task_id, is_task_id
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from tests.cli.test_history import create_directly, creates, run, speech

UNKNOWN_ID = "audio_00000000-1111-4222-8333-444444444444"  # the right shape, not on the server


@pytest.fixture
def library_file(isolated_dirs: Path) -> Path:
    return paths.library_path(isolated_dirs / "data")


@pytest.fixture
def server(make_demo_server: object, monkeypatch: pytest.MonkeyPatch) -> DemoServer:
    started: DemoServer = make_demo_server(task_seconds=0.2)  # type: ignore[operator]
    monkeypatch.setenv("SOUNDCLONE_API_KEY", started.token)
    return started


def unknown_entry(library_file: Path, server: DemoServer, text: str) -> Job:
    job = Job(kind=JobKind.AUDIO, params=speech(text))
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
        library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown")
    return job


def entry(library_file: Path, local_id: str):  # type: ignore[no-untyped-def]
    with TaskLibrary(library_file) as library:
        return library.get(local_id)


def lookup(capsys: pytest.CaptureFixture[str], server: DemoServer, job: Job, task_id: str):  # type: ignore[no-untyped-def]
    return run(capsys, "resume", job.local_id[:8], "--task", task_id, "--base-url", server.base_url)


def test_a_task_id_another_entry_owns_is_refused(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    first = unknown_entry(library_file, server, "First script.")
    second = unknown_entry(library_file, server, "Second script.")
    task_id = create_directly(server, speech("First script."))
    code, _, err = lookup(capsys, server, first, task_id)
    assert code == 0, err
    code, _, err = lookup(capsys, server, second, task_id)
    assert code == cli.EXIT_USAGE
    assert f"Task {task_id} already belongs to entry {first.local_id[:8]}" in err
    record = entry(library_file, second.local_id)
    assert record.state is JobState.OUTCOME_UNKNOWN and record.task_id is None


def test_a_mistyped_id_can_be_corrected(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    job = unknown_entry(library_file, server, "Typed wrong first.")
    code, _, err = lookup(capsys, server, job, UNKNOWN_ID)
    assert code == cli.EXIT_FAILED
    assert f"The server has no task {UNKNOWN_ID}, so this entry is still unresolved" in err
    record = entry(library_file, job.local_id)
    assert record.state is JobState.OUTCOME_UNKNOWN and record.task_id is None
    assert record.reason == FailureReason.OUTCOME_UNKNOWN.value and UNKNOWN_ID in record.error

    right = create_directly(server, speech("Typed wrong first."))
    code, _, err = lookup(capsys, server, job, f"  '{right}' ")  # pasted with quotes
    assert code == 0, err
    record = entry(library_file, job.local_id)
    assert record.state is JobState.DOWNLOADED and record.task_id == right
    assert record.audio_path is not None and record.audio_path.is_file()


def test_an_entry_a_wrong_lookup_left_failed_can_be_corrected(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    """What versions before this fix left behind: failed, with the wrong id on it."""
    job = unknown_entry(library_file, server, "Left failed by an older version.")
    job.task_id, job.state = UNKNOWN_ID, JobState.FAILED
    job.reason, job.error = FailureReason.TASK_UNKNOWN, "The server no longer answers"
    job.history.append((JobState.FAILED, time.time()))
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
    right = create_directly(server, speech("Left failed by an older version."))
    code, _, err = lookup(capsys, server, job, right)
    assert code == 0, err
    assert entry(library_file, job.local_id).task_id == right


@pytest.mark.parametrize(
    ("state", "task_id", "reason"),
    [
        (JobState.DOWNLOADED, "audio_11111111-1111-4111-8111-111111111111", None),
        (JobState.FAILED, "audio_22222222-2222-4222-8222-222222222222", "task-failed"),
        (JobState.FAILED, None, "invalid"),  # refused locally: nothing was ever sent
        (JobState.CANCELLED, "audio_33333333-3333-4333-8333-333333333333", None),
        (JobState.QUEUED, "audio_44444444-4444-4444-8444-444444444444", None),
    ],
)
def test_only_an_outcome_unknown_entry_takes_a_task_id(
    capsys: pytest.CaptureFixture[str],
    server: DemoServer,
    library_file: Path,
    state: JobState,
    task_id: str | None,
    reason: str | None,
) -> None:
    job = Job(kind=JobKind.AUDIO, params=speech("Already settled."), task_id=task_id)
    job.state = state
    job.reason = FailureReason(reason) if reason else None
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
        before = library.get(job.local_id)
    found = create_directly(server, speech("Already settled."))
    code, out, err = lookup(capsys, server, job, found)
    assert code == cli.EXIT_USAGE, (out, err)
    assert "created" not in err
    assert "only an entry with an unknown outcome" in err or "not an outcome-unknown entry" in err
    after = entry(library_file, job.local_id)
    assert (after.state, after.task_id, after.updated_at) == (
        before.state, before.task_id, before.updated_at,
    )  # fmt: skip
    assert creates(server) == 1  # only the test's own


@pytest.mark.parametrize(
    "typed",
    ["audio 16b635ba", "https://example.invalid/tasks/audio_1", "audio_1/../x", "x" * 129],
)
def test_a_task_id_of_the_wrong_shape_is_refused(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path, typed: str
) -> None:
    job = unknown_entry(library_file, server, "Shape check.")
    code, _, err = lookup(capsys, server, job, typed)
    assert code == cli.EXIT_USAGE and "is not a task ID" in err
    assert entry(library_file, job.local_id).state is JobState.OUTCOME_UNKNOWN


def test_a_lookup_says_it_follows_the_task_not_that_it_created_one(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    job = unknown_entry(library_file, server, "Progress words.")
    task_id = create_directly(server, speech("Progress words."))
    code, _, err = lookup(capsys, server, job, task_id)
    assert code == 0, err
    assert f"Looking up task {task_id}…" in err and "created" not in err


def test_the_id_rule_accepts_plausible_server_ids() -> None:
    for good in (
        "audio_16b635ba-5889-4fa5-bbcc-bf67a38c353a",
        "audio_16B635BA5889",  # no dashes, upper case
        "task-2024.01:7",
        "x" * 128,
    ):
        assert is_task_id(good), good
    assert clean_task_id(" “audio_1” \n") == "audio_1"
