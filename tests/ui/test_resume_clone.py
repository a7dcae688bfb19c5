"""At window open the app adds every finished clone to the voice library (issue 11 item 3):
a clone killed after its paid preview arrived, before the voice was added, is only in the
task library; the picker must show it without the user running `soundclone resume`."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from tests.cli.test_voices import write_wav


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio_resume_clone", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()


def test_a_finished_clone_missing_from_the_voice_library_is_added_at_start(
    aloop, qtbot, isolated_dirs: Path, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3)
    data = isolated_dirs / "data"
    paths.voices_dir(data).mkdir(parents=True)
    clip = write_wav(paths.voices_dir(data) / "audio_preview.wav", seconds=2.0)
    params = PreviewParams(file_url="https://example.invalid/uploads/Grandma_sample.wav")
    job = Job(kind=JobKind.PREVIEW, params=params, task_id="audio_preview", chars=10)
    job.model_id, job.audio_path, job.state = "model_from_the_killed_run", clip, JobState.DOWNLOADED
    job.history.append((job.state, time.time()))
    with TaskLibrary(paths.library_path(data)) as library:
        library.record(job, base_url=server.base_url, demo=True)

    window, ctx = studio.open_studio(qtbot, server)
    try:
        library = ctx.voice_library
        assert library is not None
        qtbot.waitUntil(lambda: library.get("model_from_the_killed_run") is not None, timeout=10000)
        voice = library.get("model_from_the_killed_run")
        assert voice is not None and voice.name == "Grandma sample" and voice.demo
        assert voice.created_at == job.created_at and voice.preview_task_id == "audio_preview"
        assert voice.preview_path is not None and voice.preview_path.is_file()
        assert voice.preview_path != clip  # a copy: the history entry keeps its own file
        combo = window.params.voice_combo  # the picker lists it (it is a demo voice: demo)
        qtbot.waitUntil(lambda: combo.findData("model_from_the_killed_run") >= 0, timeout=10000)
    finally:
        studio.close_studio(qtbot, window, ctx)
