"""A damaged task library (issue 11 item 8) as `history`, `resume` and `synth` meet it: each
says the library was damaged, where the damaged copy went and how many tasks came back, and
carries on with them (no exit 70 "database disk image is malformed")."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary
from tests.store.test_library_salvage import leaf_pages, smash

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
ROWS = 200
DAMAGED = re.compile(
    r"The task library .*library\.sqlite3 was damaged .* The damaged file was set aside as "
    r"(?P<copy>\S+library\.sqlite3\.bad-[0-9-]+); (?P<count>\d+) tasks were recovered"
)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


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


def damaged_library(path: Path, base_url: str, unfinished_task: str | None = None) -> str:
    """ROWS finished tasks after one unfinished one (on the first page), then a page of the
    newer rows overwritten; returns the unfinished row's local id."""
    with TaskLibrary(path) as library:
        first = Job(kind=JobKind.AUDIO, params=speech("Still on the server."))
        first.task_id = unfinished_task or "audio_00000000-0000-4000-8000-000000000000"
        first.state = JobState.QUEUED
        library.record(first, base_url=base_url, demo=False)
        for i in range(ROWS):
            job = Job(kind=JobKind.AUDIO, params=speech(f"Old script {i}. " + "words " * 40))
            job.task_id = f"audio_{i:08d}-0000-4000-8000-000000000000"
            job.state = JobState.DOWNLOADED
            job.history.append((job.state, time.time()))
            library.record(job, base_url=base_url, demo=False)
    pages = leaf_pages(path, "tasks")
    smash(path, pages[len(pages) // 2])
    return first.local_id


def check_told(err: str, path: Path) -> int:
    match = DAMAGED.search(err.replace("\n", " "))
    assert match is not None, err
    assert Path(match["copy"]).exists() and Path(match["copy"]).parent == path.parent
    return int(match["count"])


@pytest.fixture
def library_file(isolated_dirs: Path) -> Path:
    return paths.library_path(isolated_dirs / "data")


def test_history_says_what_was_recovered_and_shows_it(
    capsys: pytest.CaptureFixture[str], library_file: Path
) -> None:
    damaged_library(library_file, "http://127.0.0.1:9")
    code, out, err = run(capsys, "--json", "history", "--limit", "0")
    assert code == 0, err
    count = check_told(err, library_file)
    data = json.loads(out)
    assert ROWS - 20 < count <= ROWS and data["total"] == count
    assert data["library_damaged"]["recovered"]["tasks"] == count
    assert data["library_damaged"]["complete"] is False
    code, out, err = run(capsys, "history")  # salvaged once: the new file is sound
    assert code == 0 and "damaged" not in err


def test_resume_follows_the_recovered_tasks(
    capsys: pytest.CaptureFixture[str],
    library_file: Path,
    make_demo_server: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server: DemoServer = make_demo_server()  # type: ignore[operator]
    monkeypatch.setenv("SOUNDCLONE_API_KEY", server.token)
    task_id = create_directly(server, speech("Still on the server."))
    local_id = damaged_library(library_file, server.base_url, task_id)
    code, out, err = run(capsys, "resume", "--base-url", server.base_url)
    assert code == 0, err
    check_told(err, library_file)
    assert f"task {task_id}: saved" in out
    with TaskLibrary(library_file) as library:
        record = library.get(local_id)
    assert record is not None and record.state is JobState.DOWNLOADED
    assert record.audio_path is not None and record.audio_path.is_file()


def test_synth_says_so_and_records_into_the_new_library(
    capsys: pytest.CaptureFixture[str], library_file: Path, tmp_path: Path
) -> None:
    damaged_library(library_file, "http://127.0.0.1:9")
    script = tmp_path / "s.txt"
    script.write_text("A new script after the damage.", encoding="utf-8")
    code, _out, err = run(capsys, "synth", script, "-o", tmp_path / "out", "--demo")
    assert code == 0, err
    count = check_told(err, library_file)
    with TaskLibrary(library_file) as library:
        assert library.count() == count + 1
        assert library.search(limit=1)[0].text == "A new script after the damage."
