"""Kill test for cloning (issue 11 item 3): `soundclone clone` SIGKILLed after the paid
preview task was created, then `soundclone resume`: the voice must be in the voice library
(`soundclone voices`), with a preview clip that exists, not only in the task library.

And a relative `--data-dir`: the preview path stored must work from any folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from soundclone_desktop.core.jobs import JobKind, JobState
from tests.acceptance.conftest import CLI, DemoProcess, Folders, kill, wait_until
from tests.cli.test_voices import write_wav

pytestmark = pytest.mark.slow


def voices(user: Folders, *extra: object, cwd: Path | None = None) -> list[dict[str, object]]:
    process = subprocess.run(
        [sys.executable, "-c", CLI, "--json", "voices", *map(str, extra)],
        cwd=cwd or user.work, env=user.env, text=True, capture_output=True, timeout=60,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    return list(json.loads(process.stdout)["voices"])


def test_a_clone_killed_after_paying_is_in_the_voice_library_after_resume(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=2.0)
    user = folders(server.token)
    sample = write_wav(user.work / "Grandma.wav")
    clone = user.start_cli("clone", sample, "--base-url", server.base_url)

    def preview_created() -> bool:
        return any(r.kind is JobKind.PREVIEW and r.task_id for r in user.records())

    wait_until(preview_created, 30, "the preview task to be created")
    kill(clone)
    (record,) = user.records()
    assert not record.state.is_terminal  # killed while the paid preview was running
    assert voices(user) == []

    done = user.cli("resume", "--base-url", server.base_url)
    assert done.returncode == 0, done.stderr
    (record,) = user.records()
    assert record.state is JobState.DOWNLOADED and record.voice_id
    assert f"Voice {record.voice_id} added to the voice library" in done.stdout

    (voice,) = voices(user)
    assert voice["model_id"] == record.voice_id and voice["status"] == "temporary"
    assert voice["name"] and voice["created"]
    assert Path(str(voice["preview"])).is_file()
    again = user.cli("resume", "--base-url", server.base_url)  # added once, not twice
    assert again.returncode == 0 and "added to the voice library" not in again.stdout
    assert len(voices(user)) == 1


def test_a_relative_data_dir_stores_paths_that_work_from_elsewhere(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=0.2)
    user = folders(server.token)
    sample = write_wav(user.work / "me.wav")
    cloned = user.cli("clone", sample, "--base-url", server.base_url, "--data-dir", "rel")
    assert cloned.returncode == 0, cloned.stderr
    data = user.work / "rel"
    elsewhere = user.home  # another folder: a relative path would now point nowhere
    (voice,) = voices(user, "--data-dir", data, cwd=elsewhere)
    preview = Path(str(voice["preview"]))
    assert preview.is_absolute() and preview.is_file()
    assert preview.parent == data.resolve() / "voices"
