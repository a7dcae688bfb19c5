"""``python -m soundclone_desktop.demo``: announces itself, serves, stops cleanly on Ctrl+C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from soundclone_desktop.demo import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX here")
def test_module_runs_a_server_until_interrupted() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "soundclone_desktop.demo", "--token", "tok", "--task-seconds", "1",
         "--fail-rate", "0.5", "--faults", "envelope", "--seed", "4", "--string-codes"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert match, first
        assert process.stdout.readline().strip() == "Token: tok"
        url = match.group(0) + "/api/open-api/v1/user/balance"
        codes = {
            httpx.get(url, headers={"Authorization": "Bearer tok"}).json()["code"]
            for _ in range(10)
        }
        assert codes == {"20000", "-1"}  # string codes, and the seeded envelope faults
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_main_rejects_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--faults", "meteor"]) == 2
    assert "unknown fault kind" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--fault-scope", "nowhere"])


def test_main_reports_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    from soundclone_desktop.demo import DemoConfig, DemoServer

    with DemoServer(DemoConfig()) as server:
        assert main(["--port", str(server.port)]) == 1
    assert "cannot listen" in capsys.readouterr().err
