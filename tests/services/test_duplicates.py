"""The rule that decides when "Generate speech" asks before paying for the same script again."""

from __future__ import annotations

import dataclasses

import pytest

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.services.duplicates import REPEAT_WINDOW_SECONDS, earlier_same_task

NOW = 1_800_000_000.0
PARAMS = ProductionParams(model_id="model_a", text="Hello <#0.5#> world.", speed=1.2)


def job(
    params: ProductionParams | PreviewParams = PARAMS,
    *,
    state: JobState = JobState.PROCESSING,
    age: float = 5.0,
    kind: JobKind = JobKind.AUDIO,
) -> Job:
    return Job(kind=kind, params=params, state=state, created_at=NOW - age)


def test_a_running_task_with_the_same_request_is_found() -> None:
    earlier = job()
    assert earlier_same_task(PARAMS, [earlier], now=NOW) is earlier


def test_the_newest_match_is_returned() -> None:
    old, new = job(age=200), job(age=3)
    assert earlier_same_task(PARAMS, [new, old], now=NOW) is new
    assert earlier_same_task(PARAMS, [old, new], now=NOW) is new


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Hello <#0.5#> world!"},
        {"text": "Hello world."},  # the pause is part of the request
        {"model_id": "model_b"},
        {"speed": 1.0},
        {"vol": 2.0},
        {"pitch": 3},
        {"emotion": "happy"},
        {"version": "v1", "language": "en"},
        {"subtitles": True},
    ],
)
def test_any_other_text_voice_or_parameter_is_a_new_task(change: dict[str, object]) -> None:
    other = dataclasses.replace(PARAMS, **change)  # type: ignore[arg-type]
    assert earlier_same_task(other, [job()], now=NOW) is None


def test_a_default_left_unset_equals_the_same_default_set() -> None:
    implicit = ProductionParams(model_id="model_a", text="Hi.")
    explicit = ProductionParams(model_id="model_a", text="Hi.", speed=1.0, vol=1.0, pitch=0)
    assert earlier_same_task(explicit, [job(implicit)], now=NOW) is not None


@pytest.mark.parametrize(
    "state",
    [JobState.SENDING, JobState.SUBMITTED, JobState.QUEUED, JobState.PROCESSING,
     JobState.DOWNLOADING],
)  # fmt: skip
def test_a_running_task_counts_however_old(state: JobState) -> None:
    assert earlier_same_task(PARAMS, [job(state=state, age=3 * 3600)], now=NOW) is not None


@pytest.mark.parametrize(
    "state", [JobState.DOWNLOADED, JobState.OUTCOME_UNKNOWN, JobState.CANCELLED]
)
def test_an_ended_task_counts_within_the_window_only(state: JobState) -> None:
    inside = job(state=state, age=REPEAT_WINDOW_SECONDS - 1)
    outside = job(state=state, age=REPEAT_WINDOW_SECONDS + 1)
    assert earlier_same_task(PARAMS, [inside], now=NOW) is inside
    assert earlier_same_task(PARAMS, [outside], now=NOW) is None


def test_the_window_is_ten_minutes() -> None:
    assert REPEAT_WINDOW_SECONDS == 600


def test_a_failed_task_never_counts() -> None:
    assert earlier_same_task(PARAMS, [job(state=JobState.FAILED, age=1)], now=NOW) is None


def test_a_voice_preview_is_not_a_production_task() -> None:
    preview = PreviewParams(file_url="https://example.invalid/a.mp3", text=PARAMS.text)
    assert earlier_same_task(PARAMS, [job(preview, kind=JobKind.PREVIEW)], now=NOW) is None


def test_a_job_without_recorded_parameters_is_skipped() -> None:
    unknown = Job(kind=JobKind.AUDIO, params=None, state=JobState.PROCESSING, created_at=NOW)
    assert earlier_same_task(PARAMS, [unknown], now=NOW) is None


def test_task_library_records_are_read_the_same_way(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # What a one-shot command (the CLI's synth) would check before sending.
    from soundclone_desktop.store.library import TaskLibrary

    running = job(state=JobState.SUBMITTED, age=30)
    running.task_id = "task_1"
    with TaskLibrary(tmp_path / "library.sqlite3") as library:
        library.record(running, base_url="http://127.0.0.1:1", demo=True)
        records = library.search()
    found = earlier_same_task(PARAMS, records, now=NOW)
    assert found is not None and found.local_id == running.local_id
