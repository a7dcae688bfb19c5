"""`soundclone synth` (single and batch) recording into the task library, `history`, `resume`.

Run through `cli.main([...])` against real demo servers; the library file is the one in the
isolated data folder, read back with `TaskLibrary` as the app would.
"""

from __future__ import annotations

import json
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import SortKey, TaskLibrary
from tests.owners import pretend_written_by_a_dead_process

MakeServer = Callable[..., DemoServer]
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, dict[str, object]]:
    code, out, err = run(capsys, "--json", *argv)
    lines = out.strip().splitlines()
    assert len(lines) == 1, (out, err)
    data = json.loads(lines[0])
    assert data["exit_code"] == code
    return code, data


@pytest.fixture
def library_file(isolated_dirs: Path) -> Path:
    return paths.library_path(isolated_dirs / "data")


@pytest.fixture
def server(make_demo_server: MakeServer, monkeypatch: pytest.MonkeyPatch) -> DemoServer:
    started = make_demo_server(task_seconds=0.3)
    monkeypatch.setenv("SOUNDCLONE_API_KEY", started.token)
    return started


def scripts(tmp_path: Path, **texts: str) -> list[Path]:
    files = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def creates(server: DemoServer) -> int:
    return sum(1 for e in server.requests_log() if e["path"] == CREATE_PATH)


def audio_charges(server: DemoServer) -> Counter[str]:
    return Counter(
        str(e["taskId"])
        for e in server.ledger()
        if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"
    )


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


# -- synth records every job ------------------------------------------------------------------


def test_synth_records_the_job_and_history_shows_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    (script,) = scripts(tmp_path, intro="Welcome to the show.<#0.5#>Enjoy it.")
    code, data = run_json(capsys, "synth", script, "-o", tmp_path / "intro", "--demo")
    assert code == 0, data
    with TaskLibrary(library_file) as library:
        (record,) = library.search()
    assert record.state is JobState.DOWNLOADED and record.task_id == data["task_id"]
    assert record.text == "Welcome to the show.<#0.5#>Enjoy it." and record.demo is True
    assert record.voice_id == DEMO_VOICE_ID and record.chars == 29
    assert record.estimate is not None and str(record.estimate) == data["estimated_cost"]["total"]  # type: ignore[index]
    assert record.audio_path is not None and record.audio_path.is_file()
    assert record.duration is not None and record.duration > 1

    code, out, _ = run(capsys, "history")
    assert code == 0
    assert record.local_id[:8] in out and "downloaded" in out and "Welcome to the show." in out
    code, listed = run_json(capsys, "history", "SHOW")
    assert code == 0 and listed["total"] == 1
    (row,) = listed["tasks"]  # type: ignore[misc]
    assert row["id"] == record.local_id and row["audio"] == str(record.audio_path)
    assert row["estimated_cost"] == str(record.estimate)
    assert run_json(capsys, "history", "no such words")[1]["tasks"] == []


def test_history_without_a_library_creates_none(
    capsys: pytest.CaptureFixture[str], library_file: Path
) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0 and "No tasks in the library yet." in out
    code, out, _ = run(capsys, "resume")
    assert code == 0 and "Nothing to resume." in out  # and no API key was needed
    assert not library_file.exists()


# -- batches ----------------------------------------------------------------------------------


def test_a_batch_sends_each_script_once_and_names_results_after_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: DemoServer, library_file: Path
) -> None:
    files = scripts(tmp_path, one="First script.", two="第二个脚本。", three="Third <#1#> one.")
    out = tmp_path / "out"
    code, data = run_json(
        capsys, "synth", *files, "-o", out, "--base-url", server.base_url, "--subtitles",
        "sentence", "--voice", DEMO_VOICE_ID,
    )  # fmt: skip
    assert code == 0, data
    assert sorted(p.name for p in out.iterdir()) == [
        "one.mp3", "one.subtitles.json", "three.mp3", "three.subtitles.json",
        "two.mp3", "two.subtitles.json",
    ]  # fmt: skip
    rows = data["results"]
    assert [r["file"] for r in rows] == [str(f) for f in files]  # type: ignore[union-attr]
    assert all(r["state"] == "downloaded" and r["exit_code"] == 0 for r in rows)  # type: ignore[union-attr, index]
    charged = audio_charges(server)
    assert sorted(charged) == sorted(r["task_id"] for r in rows)  # type: ignore[union-attr, index]
    assert set(charged.values()) == {1} and creates(server) == 3
    with TaskLibrary(library_file) as library:
        records = library.search(sort=SortKey.CREATED, descending=False)
    assert [r.text for r in records] == ["First script.", "第二个脚本。", "Third <#1#> one."]
    assert all(r.state is JobState.DOWNLOADED and r.base_url == server.base_url for r in records)
    assert all(r.subtitle_path is not None and r.subtitle_path.is_file() for r in records)


def test_a_batch_reports_each_failure_and_exits_with_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: DemoServer
) -> None:
    files = scripts(tmp_path, good="This one works.", bad="This one fails on the server.")
    server.inject("envelope", count=4, path_contains="soundCloning/audios")  # every try of #1
    code, out, _ = run(capsys, "synth", *files, "-o", tmp_path / "out", "--base-url",
                       server.base_url, "--voice", DEMO_VOICE_ID)  # fmt: skip
    assert code == cli.EXIT_UNAVAILABLE
    assert "good.txt: The server could not take the task right now" in out
    assert "bad.txt: saved" in out and "1 of 2 scripts saved" in out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("same-stem", "Several scripts would be saved as same"),
        ("output-is-file", "-o must be a folder"),
        ("invalid", "bad.txt: The request was not sent"),
        ("stdin", "standard input"),
    ],
)
def test_a_batch_is_checked_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: DemoServer, setup: str,
    message: str,
) -> None:  # fmt: skip
    files: list[object] = list(scripts(tmp_path, good="Fine.", bad="<#0.5#>"))
    out = tmp_path / "out"
    if setup == "same-stem":
        (tmp_path / "sub").mkdir()
        files = [*scripts(tmp_path, same="One."), *scripts(tmp_path / "sub", same="Two.")]
    elif setup == "output-is-file":
        files = files[:1] + scripts(tmp_path, other="Other.")
        out.write_text("not a folder")
    elif setup == "stdin":
        files = [files[0], "-"]
    code, _, err = run(capsys, "synth", *files, "-o", out, "--base-url", server.base_url,
                       "--voice", DEMO_VOICE_ID)  # fmt: skip
    assert code == cli.EXIT_USAGE and message in err
    assert server.requests_log() == []


# -- resume -----------------------------------------------------------------------------------


def test_resume_follows_unfinished_tasks_and_never_resends(
    capsys: pytest.CaptureFixture[str],
    server: DemoServer,
    library_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pretend_written_by_a_dead_process(monkeypatch)  # an earlier run, which died
    polling = Job(kind=JobKind.AUDIO, params=speech("Was being polled."), state=JobState.QUEUED)
    polling.task_id = create_directly(server, speech("Was being polled."))
    sending = Job(kind=JobKind.AUDIO, params=speech("The answer never came."))
    with TaskLibrary(library_file) as library:
        library.record(polling, base_url=server.base_url, demo=False)
        library.record(sending, base_url=server.base_url, demo=False)
    before = creates(server)

    code, data = run_json(capsys, "resume", "--base-url", server.base_url)
    assert code == cli.EXIT_OUTCOME_UNKNOWN
    (resumed,) = data["resumed"]  # type: ignore[misc]
    assert resumed["id"] == polling.local_id and resumed["state"] == "downloaded"
    assert Path(resumed["audio"]).is_file()
    (unknown,) = data["outcome_unknown"]  # type: ignore[misc]
    assert unknown["id"] == sending.local_id and unknown["state"] == "outcome_unknown"
    assert creates(server) == before  # the unanswered request was not sent again

    code, out, _ = run(capsys, "resume", "--base-url", server.base_url)
    assert code == 0 and "Nothing to resume." in out
    code, out, _ = run(capsys, "history")
    assert "OUTCOME UNKNOWN" in out and "soundclone resume ID --task TASK_ID" in out


def test_resume_text_output_names_what_was_recovered(
    capsys: pytest.CaptureFixture[str],
    server: DemoServer,
    library_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pretend_written_by_a_dead_process(monkeypatch)  # an earlier run, which died
    job = Job(kind=JobKind.AUDIO, params=speech("Recovered one."), state=JobState.PROCESSING)
    job.task_id = create_directly(server, speech("Recovered one."))
    sending = Job(kind=JobKind.AUDIO, params=speech("Unknown one."))
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
        library.record(sending, base_url=server.base_url, demo=False)
        old_demo = Job(kind=JobKind.AUDIO, params=speech("x"), task_id="t", state=JobState.QUEUED)
        library.record(old_demo, base_url="http://127.0.0.1:1", demo=True)
    code, out, err = run(capsys, "resume", "--base-url", server.base_url)
    assert code == cli.EXIT_OUTCOME_UNKNOWN, err
    assert "Recovered 1 task: 1 saved." in out and f"task {job.task_id}: saved" in out
    assert "1 task with an unknown outcome" in out and "“Unknown one.”" in out
    assert "1 task of an earlier demo session could not be followed" in out
    assert f"{job.local_id[:8]}: Task {job.task_id} created" in err


def test_a_found_task_id_completes_an_outcome_unknown_entry(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    params = speech("Created, but the answer was lost.")
    job = Job(kind=JobKind.AUDIO, params=params)
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
        library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown")
    task_id = create_directly(server, params)  # what the user finds on the website
    code, data = run_json(capsys, "resume", job.local_id[:8], "--task", task_id, "--base-url",
                          server.base_url)  # fmt: skip
    assert code == 0, data
    with TaskLibrary(library_file) as library:
        record = library.get(job.local_id)
    assert record is not None and record.state is JobState.DOWNLOADED
    assert record.task_id == task_id and record.audio_path == Path(str(data["audio"]))
    assert record.error is None and record.created_at == job.created_at
    code, _, err = run(capsys, "resume", job.local_id[:8], "--task", "audio_other",
                       "--base-url", server.base_url)  # fmt: skip
    assert code == cli.EXIT_USAGE and "already belongs to task" in err


def test_resubmitting_shows_the_cost_and_needs_yes(
    capsys: pytest.CaptureFixture[str], server: DemoServer, library_file: Path
) -> None:
    job = Job(kind=JobKind.AUDIO, params=speech("Send me again."))
    with TaskLibrary(library_file) as library:
        library.record(job, base_url=server.base_url, demo=False)
        library.mark(job.local_id, JobState.OUTCOME_UNKNOWN, reason="outcome-unknown")
    code, _, err = run(capsys, "resume", job.local_id[:6], "--resubmit", "--base-url",
                       server.base_url)  # fmt: skip
    assert code == cli.EXIT_USAGE and "Nothing was sent. Add --yes" in err
    assert "14 billable characters" in err and "you pay twice" in err
    assert creates(server) == 0
    code, data = run_json(capsys, "resume", job.local_id[:6], "--resubmit", "--yes",
                          "--base-url", server.base_url)  # fmt: skip
    assert code == 0, data
    assert creates(server) == 1 and data["id"] != job.local_id
    with TaskLibrary(library_file) as library:
        again = library.get(str(data["id"]))
        original = library.get(job.local_id)
    assert again is not None and again.state is JobState.DOWNLOADED
    assert again.text == "Send me again."
    assert original is not None and original.state is JobState.OUTCOME_UNKNOWN  # kept as it was


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--task", "x"], "Name the library entry"),
        (["abcdef"], "Say what to do with it"),
        (["zzzzzz", "--resubmit"], "No task in the library matches"),
    ],
)
def test_resume_arguments_are_checked(
    capsys: pytest.CaptureFixture[str], library_file: Path, argv: list[str], message: str
) -> None:
    with TaskLibrary(library_file) as library:
        library.record(Job(kind=JobKind.AUDIO, params=speech("x")), base_url="http://x", demo=False)
    code, _, err = run(capsys, "resume", *argv)
    assert code == cli.EXIT_USAGE and message in err
