"""The shared wiring (``services.workspace``) and clone use case (``services.clone``).

Both front ends go through them, so their rules are checked here once: the intent is
recorded before anything else hears of a job, a task library that cannot be opened refuses
every create, a CLI-style workspace creates no voice library file, and a retried clone does
not upload the same file twice.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams, ProductionParams
from soundclone_desktop.services.clone import CloneRequest, Uploads, voice_of
from soundclone_desktop.services.intent import RecordUnavailableError
from soundclone_desktop.services.workspace import JobListeners, Workspace
from soundclone_desktop.store import paths


def audio_job(state: JobState = JobState.SENDING) -> Job:
    params = ProductionParams(model_id="model_a", text="Hi.")
    return Job(kind=JobKind.AUDIO, params=params, state=state)


def open_space(data_dir: Path, **kw: object) -> Workspace:
    return Workspace.open(data_dir, base_url=lambda: "http://127.0.0.1:9", demo=lambda: False,
                          **kw)  # type: ignore[arg-type]  # fmt: skip


def test_the_intent_is_on_disk_before_other_listeners_hear_of_the_job(tmp_path: Path) -> None:
    with open_space(tmp_path) as space:
        seen: list[object] = []
        tasks = space.require_tasks()
        space.listeners.add(lambda job: seen.append(tasks.get(job.local_id)))
        job = audio_job()
        space.listeners(job)
        assert seen and seen[0] is not None  # the row existed when the listener ran


def test_a_task_library_that_cannot_be_opened_refuses_every_create(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with open_space(blocker) as space:
        assert space.tasks is None
        with pytest.raises(RecordUnavailableError):
            space.require_tasks()
        with pytest.raises(RecordUnavailableError):
            space.listeners(audio_job())  # the runner would then send nothing


def test_one_failing_listener_hides_the_job_from_no_other() -> None:
    heard: list[str] = []

    def broken(_job: Job) -> None:
        raise ValueError("a display bug")

    listeners = JobListeners([broken, lambda job: heard.append(job.local_id)])
    job = audio_job()
    listeners(job)
    assert heard == [job.local_id]


def test_a_cli_workspace_leaves_no_voice_library_behind(tmp_path: Path) -> None:
    with open_space(tmp_path, voices="when-present") as space:
        space.listeners(audio_job(JobState.DOWNLOADED))
    assert not paths.voice_library_path(tmp_path).exists()
    with open_space(tmp_path) as space:  # the app's: the library is opened (and made)
        assert space.voice_library is not None
    assert paths.voice_library_path(tmp_path).exists()


class CountingClient:
    def __init__(self) -> None:
        self.uploads = 0

    async def upload_file(self, path: Path, *, progress: object = None) -> object:
        self.uploads += 1

        class Result:
            url = f"https://files.example.com/{self.uploads}/{Path(path).name}"

        return Result()


def test_a_retried_clone_uploads_the_same_file_once(tmp_path: Path) -> None:
    sample = tmp_path / "narrator.wav"
    sample.write_bytes(b"RIFF")
    client, uploads = CountingClient(), Uploads()

    async def twice() -> tuple[str, str, str]:
        first = await uploads.url_for(client, "https://a", sample)  # type: ignore[arg-type]
        again = await uploads.url_for(client, "https://a", sample)  # type: ignore[arg-type]
        other = await uploads.url_for(client, "https://b", sample)  # type: ignore[arg-type]
        return first, again, other

    first, again, other = asyncio.run(twice())
    assert first == again and other != first and client.uploads == 2


def test_the_voice_of_a_preview_counts_its_days_from_the_submission() -> None:
    request = CloneRequest(path=Path("/x/narrator.wav"), url="", text="", version="v2",
                           language="auto")  # fmt: skip
    job = Job(kind=JobKind.PREVIEW, params=PreviewParams(file_url="https://e.com/n.wav"),
              state=JobState.DOWNLOADED, model_id="model_n", task_id="t1")  # fmt: skip
    voice = voice_of(job, request, name="Narrator")
    assert (voice.model_id, voice.source, voice.created_at) == ("model_n", "narrator.wav",
                                                                job.created_at)  # fmt: skip
