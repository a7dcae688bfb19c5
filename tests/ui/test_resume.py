"""At window open the app resumes what an earlier run left unfinished in the task library:
tasks it was following are polled and downloaded under their old entries, a request that
never got its answer is shown as outcome-unknown (and not sent again), an old in-process demo
task is set aside quietly; the message bar says what was recovered.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from tests.owners import pretend_written_by_a_dead_process

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio_resume", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()


def speech(text: str) -> ProductionParams:
    return ProductionParams(model_id=DEMO_VOICE_ID, text=text)


def create_directly(server: DemoServer, params: ProductionParams) -> str:
    request = urllib.request.Request(
        server.base_url + CREATE_PATH,
        data=json.dumps(params.to_json()).encode(),
        headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.load(response)["data"]["id"])


def creates(server: DemoServer) -> int:
    return sum(1 for e in server.requests_log() if e["path"] == CREATE_PATH)


@pytest.fixture
def library_file(isolated_dirs: Path) -> Path:
    return paths.library_path(isolated_dirs / "data")


def test_unfinished_tasks_are_resumed_at_window_open(
    aloop, qtbot, monkeypatch, library_file: Path, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3)
    monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
    pretend_written_by_a_dead_process(monkeypatch)  # an earlier run, which died
    left: list[Job] = []
    for text in ("First left behind.", "Second left behind."):
        job = Job(kind=JobKind.AUDIO, params=speech(text), state=JobState.PROCESSING)
        job.task_id = create_directly(server, speech(text))
        left.append(job)
    sending = Job(kind=JobKind.AUDIO, params=speech("The answer never came."))
    old_demo = Job(kind=JobKind.AUDIO, params=speech("Old demo."), state=JobState.QUEUED,
                   task_id="audio_gone")  # fmt: skip
    with TaskLibrary(library_file) as library:
        for job in (*left, sending):
            library.record(job, base_url=server.base_url, demo=False)
        library.record(old_demo, base_url="http://127.0.0.1:1", demo=True)
    before = creates(server)

    window, ctx = studio.open_studio(qtbot, server, argv=["--base-url", server.base_url])
    try:
        recovered = "Unfinished tasks recovered from the last session: 2."
        qtbot.waitUntil(lambda: recovered in window.messages.text(), timeout=15000)
        text = window.messages.text()
        assert "Saved: 2." in text
        assert "Tasks that were being sent when the app stopped: 1." in text
        shown = {job.local_id: job for job in window.task_list.jobs()}
        for original in left:
            job = shown[original.local_id]
            assert job.state is JobState.DOWNLOADED and job.task_id == original.task_id
            assert job.audio_path is not None and job.audio_path.is_file()
        unknown = shown[sending.local_id]
        assert unknown.state is JobState.OUTCOME_UNKNOWN and unknown.task_id is None
        assert old_demo.local_id not in shown  # set aside quietly
        assert ctx.library is not None
        states = {r.local_id: r.state for r in ctx.library.search()}
        assert states == {
            left[0].local_id: JobState.DOWNLOADED, left[1].local_id: JobState.DOWNLOADED,
            sending.local_id: JobState.OUTCOME_UNKNOWN, old_demo.local_id: JobState.FAILED,
        }  # fmt: skip
        assert creates(server) == before  # nothing was sent again
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_new_jobs_are_recorded_with_the_estimate_shown(
    aloop, qtbot, library_file: Path, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3)
    window, ctx = studio.open_studio(qtbot, server)  # the demo: its own prices
    try:
        window.editor.set_text("Recorded from the window.")
        window.params.select_voice(DEMO_VOICE_ID)
        qtbot.waitUntil(window.submit_bar.button.isEnabled, timeout=5000)
        window.submit_bar.button.click()
        qtbot.waitUntil(lambda: bool(window.task_list.jobs()), timeout=5000)
        job = window.task_list.jobs()[0]
        qtbot.waitUntil(lambda: job.is_done, timeout=15000)
        assert ctx.library is not None
        record = ctx.library.get(job.local_id)
        assert record is not None and record.state is JobState.DOWNLOADED
        assert record.demo is True and record.base_url == server.base_url
        assert record.text == "Recorded from the window." and record.audio_path == job.audio_path
        shown = window.controller.cost_for(job.local_id)
        assert record.estimate is not None and shown and str(record.estimate) in shown
    finally:
        studio.close_studio(qtbot, window, ctx)
    with pytest.raises(sqlite3.ProgrammingError):  # the library was closed with the app
        ctx.library.count()
