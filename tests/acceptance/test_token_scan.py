"""Token scan: a whole session with a recognisable API key (CLI synth with debug logging, a
batch killed mid-way, the desktop app resuming it with debug logging, history, task), then
every file the app wrote and everything the processes printed is searched for the key.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from tests.acceptance.conftest import DemoProcess, Folders, kill, wait_until

pytestmark = pytest.mark.slow
TOKEN = "sk-CANARY-7f3a9c1e5b2d4680aa17-soundclone-test"


def findings(where: Path | str, content: bytes) -> list[str]:
    needles = (TOKEN.encode(), TOKEN.encode("utf-16-le"), TOKEN[3:20].encode())
    return [f"{where}: {needle!r}" for needle in needles if needle in content]


def scan(folders: list[Path], outputs: list[str]) -> tuple[list[str], list[Path]]:
    found: list[str] = []
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())
    for path in files:
        found += findings(path, path.read_bytes())
    for n, text in enumerate(outputs):
        found += findings(f"output #{n}", text.encode())
    return found, files


def test_the_token_appears_in_no_file_and_no_output(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(token=TOKEN, task_seconds=1.0, fault_delay=20.0)
    user = folders(TOKEN)
    outputs: list[str] = []

    def cli(*args: object) -> subprocess.CompletedProcess[str]:
        done = user.cli(*args)
        outputs.extend((done.stdout, done.stderr))
        assert done.returncode == 0, done.stderr
        return done

    # 1. One synthesis with subtitles, debug logging (httpx included) on stderr.
    (single,) = user.scripts({"single": "A canary sings.<#0.3#>Nobody hears the key."})
    cli("synth", single, "-o", user.work / "single", "--subtitles", "word", "-vv",
        "--base-url", server.base_url, "--voice", DEMO_VOICE_ID)  # fmt: skip

    # 2. A batch killed while a result download hangs.
    server.inject("timeout", count=1, path_contains="/files/")
    batch_files = user.scripts({"b1": "Batch one.", "b2": "Batch two."})
    batch = user.start_cli("synth", *batch_files, "-o", user.work / "batch", "-vv",
                           "--base-url", server.base_url, "--voice", DEMO_VOICE_ID)  # fmt: skip
    wait_until(lambda: any(r.state is JobState.DOWNLOADING for r in user.records()), 30,
               "the batch to start downloading")  # fmt: skip
    outputs.extend(kill(batch))

    # 3. The desktop app, debug logging on: it resumes the batch and downloads the results.
    app = subprocess.Popen(
        [sys.executable, "-m", "soundclone_desktop", "--base-url", server.base_url],
        cwd=user.work, env={**user.env, "SOUNDCLONE_LOG": "debug"}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_until(lambda: all(r.state.is_terminal for r in user.records()), 60,
                   "the app to resume the batch")  # fmt: skip
    finally:
        app.send_signal(signal.SIGTERM)  # closes the window and exits cleanly
        outputs.extend(app.communicate(timeout=30))
    assert app.returncode == 0, outputs[-1]
    assert {r.state for r in user.records()} == {JobState.DOWNLOADED}

    # 4. Looking things up.
    cli("history", "-vv")
    task_id = user.records()[0].task_id
    cli("task", task_id, "-vv", "--base-url", server.base_url)
    cli("resume", "-vv", "--base-url", server.base_url)

    found, files = scan([user.data, user.config, user.work], outputs)
    assert found == []
    # The scan looked at what matters: it is not vacuous.
    names = {p.name for p in files}
    assert "library.sqlite3" in names and "soundclone-desktop.log" in names
    assert sum(1 for n in names if n.endswith(".mp3")) == 4  # 3 results and the -o copy
    log = (user.data / "logs" / "soundclone-desktop.log").read_text(encoding="utf-8")
    assert "DEBUG" in log and server.base_url in log and "Resumed" in log
    control = user.work / "control.txt"
    control.write_text(f"Authorization: Bearer {TOKEN}")
    assert scan([user.work], [])[0]  # the scanner does find the key where it is
