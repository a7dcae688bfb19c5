"""No create request leaves unless its intent is in the task library (issue 11, item 2).

The tests run as root, which ignores file permissions, so a chmod'ed folder would not fail.
Two conditions that fail for root too are used instead:

- a full database: SQLite's ``max_page_count`` caps the library at its current size, so
  the intent write fails with ``SQLITE_FULL`` ("database or disk is full"), the same error
  SQLite gives when the disk itself is full;
- a file where the data folder should be: creating the folder fails with ``ENOTDIR`` (the
  CLI run as a separate process, as a user would run it).

The oracle is the demo server's request log and ledger: no create, no charge.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary

MakeServer = Callable[..., DemoServer]
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from soundclone_desktop.cli import main; sys.exit(main())"
# Longer than a page (4 KiB): the row needs new pages, which a full database cannot give.
LONG_SCRIPT = "A line of narration that goes on. " * 180


def creates(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.requests_log() if e["path"] == CREATE_PATH]


def charges(server: DemoServer) -> list[dict[str, object]]:
    return [e for e in server.ledger() if e["kind"] == "charge"]


@pytest.fixture
def server(make_demo_server: MakeServer, monkeypatch: pytest.MonkeyPatch) -> DemoServer:
    started = make_demo_server(task_seconds=0.3)
    monkeypatch.setenv("SOUNDCLONE_API_KEY", started.token)
    return started


def fill_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every library opened from now on can grow by no page: it is full."""
    original = TaskLibrary._open

    def open_full(self: TaskLibrary) -> sqlite3.Connection:
        conn = original(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(TaskLibrary, "_open", open_full)


def test_a_full_library_stops_synth_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
    server: DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    isolated_dirs: Path,
    tmp_path: Path,
) -> None:
    fill_the_library(monkeypatch)
    script = tmp_path / "long.txt"
    script.write_text(LONG_SCRIPT, encoding="utf-8")
    out = tmp_path / "out.wav"
    code = cli.main(["synth", str(script), "--base-url", server.base_url,
                     "--voice", DEMO_VOICE_ID, "-o", str(out)])  # fmt: skip
    _stdout, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE, err
    folder = paths.library_path(isolated_dirs / "data").parent
    assert "Nothing was sent" in err and str(folder) in err and "the disk is full" in err
    assert creates(server) == [] and charges(server) == []
    assert not out.exists()


def test_json_output_of_a_refused_create_names_the_cause(
    capsys: pytest.CaptureFixture[str],
    server: DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    fill_the_library(monkeypatch)
    script = tmp_path / "long.txt"
    script.write_text(LONG_SCRIPT, encoding="utf-8")
    code = cli.main(["--json", "synth", str(script), "--base-url", server.base_url,
                     "--voice", DEMO_VOICE_ID, "-o", str(tmp_path / "out.wav")])  # fmt: skip
    out, _err = capsys.readouterr()
    assert code == cli.EXIT_USAGE
    assert '"ok": false' in out and "the disk is full" in out
    assert creates(server) == []


def test_a_data_folder_that_cannot_be_created_stops_the_cli_with_exit_2(
    server: DemoServer, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder's parent should be")
    data = blocker / "data"
    config = tmp_path / "config"
    config.mkdir()
    script = tmp_path / "script.txt"
    script.write_text("A short line.", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SOUNDCLONE_DATA_DIR": str(data),
        "SOUNDCLONE_CONFIG_DIR": str(config),
        "SOUNDCLONE_API_KEY": server.token,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "synth", str(script), "--base-url", server.base_url,
         "--voice", DEMO_VOICE_ID, "-o", str(tmp_path / "out.wav")],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # before the fix: sent, then a download retried for ever
        process.kill()
        _out, err = process.communicate()
    assert creates(server) == [] and charges(server) == [], err
    assert process.returncode == cli.EXIT_USAGE, err
    assert str(data) in err and "a file is in the way where a folder should be" in err
