"""Running the same `synth` again (or a batch with two copies of one script) pays twice:
the CLI stops before sending, as the app asks (issue 11 item 1), unless --again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer

pytestmark = pytest.mark.slow

CLI = "import sys; from soundclone_desktop.cli import main; sys.exit(main())"


def _synth(server: DemoServer, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SOUNDCLONE_API_KEY": server.config.token,
        "SOUNDCLONE_BASE_URL": server.base_url,
    }
    return subprocess.run(
        [sys.executable, "-c", CLI, "--data-dir", str(data), "synth", *args],
        cwd=data.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _creates(server: DemoServer) -> int:
    return sum(
        1
        for r in server.requests_log()
        if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
    )


def test_the_same_synth_again_is_refused_until_again(make_demo_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = make_demo_server(task_seconds=0.2, audio_format="wav")
    script = tmp_path / "ad.txt"
    script.write_text("Fresh coffee, every morning.", encoding="utf-8")
    voice = ("--voice", DEMO_VOICE_ID)
    data = tmp_path / "data"
    first = _synth(server, data, str(script), *voice, "-o", str(tmp_path / "a.wav"))
    assert first.returncode == 0, first.stderr
    again = _synth(server, data, str(script), *voice, "-o", str(tmp_path / "b.wav"))
    assert again.returncode == 2
    assert "the same script was sent at" in again.stderr and "--again" in again.stderr
    assert _creates(server) == 1  # nothing sent the second time
    changed = tmp_path / "ad2.txt"
    changed.write_text("Fresh coffee, every single morning.", encoding="utf-8")
    other = _synth(server, data, str(changed), *voice, "-o", str(tmp_path / "c.wav"))
    assert other.returncode == 0, other.stderr  # a different script is not questioned
    forced = _synth(server, data, str(script), *voice, "-o", str(tmp_path / "d.wav"), "--again")
    assert forced.returncode == 0, forced.stderr
    assert _creates(server) == 3


def test_a_batch_with_two_copies_of_one_script_sends_nothing(
    make_demo_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    server = make_demo_server(task_seconds=0.2, audio_format="wav")
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("The same line twice.", encoding="utf-8")
    done = _synth(
        server, tmp_path / "data", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"),
        "--voice", DEMO_VOICE_ID, "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.returncode == 2
    assert "is in this batch" in done.stderr
    assert _creates(server) == 0
