"""Finished clones adopted from the task library (issue 11 item 3): once, never a voice the
user removed, with preview paths that do not depend on the folder a command ran in."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import PreviewParams
from soundclone_desktop.services.clone_adopt import adopt_finished_clones
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.voices import VoiceLibrary


def finished_clone(tasks: TaskLibrary, folder: Path, model_id: str) -> Job:
    clip = folder / f"{model_id}-download.wav"
    clip.write_bytes(b"RIFF" + b"\0" * 60)
    params = PreviewParams(file_url="https://example.invalid/up/My_Voice.wav", version="v1")
    job = Job(kind=JobKind.PREVIEW, params=params, task_id=f"audio_{model_id}", chars=5)
    job.model_id, job.audio_path, job.state = model_id, clip, JobState.DOWNLOADED
    job.history.append((job.state, time.time()))
    tasks.record(job, base_url="http://127.0.0.1:1", demo=False)
    return job


def test_adopted_once_and_a_removed_voice_stays_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with (
        TaskLibrary(paths.library_path(data)) as tasks,
        VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as voices,
    ):
        job = finished_clone(tasks, tmp_path, "model_one")
        (voice,) = adopt_finished_clones(tasks, voices)
        assert voice.model_id == "model_one" and voice.name == "My Voice"
        assert voice.version == "v1" and voice.created_at == job.created_at
        assert voice.preview_path is not None and voice.preview_path.is_file()
        assert adopt_finished_clones(tasks, voices) == []
        voices.delete("model_one")
        assert adopt_finished_clones(tasks, voices) == []  # the user's removal holds
        assert voices.get("model_one") is None


def test_a_relative_preview_path_from_an_older_version_resolves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "rel"
    with VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as voices:
        voices.import_id("model_old")
    paths.voices_dir(data).mkdir(parents=True, exist_ok=True)
    (paths.voices_dir(data) / "model_old.wav").write_bytes(b"RIFF")
    conn = sqlite3.connect(paths.voice_library_path(data))
    with conn:  # what an older version wrote when run with --data-dir rel
        conn.execute("UPDATE voices SET preview_path = 'rel/voices/model_old.wav'")
    conn.close()
    monkeypatch.chdir(tmp_path.parent)  # somewhere else
    with VoiceLibrary(paths.voice_library_path(data), paths.voices_dir(data)) as voices:
        voice = voices.get("model_old")
    assert voice is not None and voice.preview_path is not None
    assert voice.preview_path.is_absolute() and voice.preview_path.is_file()


def test_a_relative_library_folder_stores_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    clip = tmp_path / "clip.wav"
    clip.write_bytes(b"RIFF")
    with VoiceLibrary(Path("rel/voices.sqlite3")) as voices:
        voices.import_id("model_new")
        voices.store_preview("model_new", clip)
    conn = sqlite3.connect(tmp_path / "rel" / "voices.sqlite3")
    (stored,) = conn.execute("SELECT preview_path FROM voices").fetchone()
    conn.close()
    assert os.path.isabs(stored) and Path(stored).is_file()
