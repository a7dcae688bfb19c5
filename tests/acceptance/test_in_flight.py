"""`soundclone resume` leaves another live process's create alone (issue 11, item 4).

A CLI `synth` is held in flight by the demo server (its create answers after a few
seconds); a second process runs `resume` meanwhile. The row is the live process's, so it
is neither marked outcome-unknown nor offered for `--resubmit`; the first process then
finishes it, charged once. Killed instead, its row is outcome-unknown as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from tests.acceptance.conftest import CREATE_PATH, DemoProcess, Folders, kill, wait_until

# Seconds the demo server holds the create before answering: two CLI runs of `resume` must
# fit inside it, which took over 6 s on a loaded machine (the create was answered first).
HOLD = 20.0


def start_held_synth(server: DemoProcess, user: Folders) -> object:
    server.inject("slow", count=1, path_contains=CREATE_PATH)
    (script,) = user.scripts({"held": "A create held in flight for a while."})
    synth = user.start_cli("synth", script, "-o", user.work / "held.wav", "--base-url",
                           server.base_url, "--voice", DEMO_VOICE_ID)  # fmt: skip

    def create_arrived() -> bool:
        return any(e["path"] == CREATE_PATH for e in server.requests())

    wait_until(create_arrived, 15, "the create to reach the server")
    (record,) = user.records()
    assert record.state is JobState.SENDING and record.task_id is None
    return synth


def test_resume_leaves_a_live_processs_create_alone(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=0.5, slow_delay=HOLD)
    user = folders(server.token)
    synth = start_held_synth(server, user)

    resumed = user.cli("resume", "--base-url", server.base_url)
    assert resumed.returncode == 0, resumed.stderr
    assert "unknown outcome" not in resumed.stdout and "--resubmit" not in resumed.stdout
    assert f"process {synth.pid}" in resumed.stdout  # type: ignore[attr-defined]
    as_json = user.cli("--json", "resume", "--base-url", server.base_url)
    data = json.loads(as_json.stdout)
    assert data["outcome_unknown"] == [] and len(data["in_flight"]) == 1
    (record,) = user.records()
    assert record.state is JobState.SENDING  # untouched

    _out, err = synth.communicate(timeout=60)  # type: ignore[attr-defined]
    assert synth.returncode == 0, err  # type: ignore[attr-defined]
    (record,) = user.records()
    assert record.state is JobState.DOWNLOADED and record.task_id is not None
    assert len(server.audio_charges()) == 1


def test_a_killed_processs_create_becomes_outcome_unknown(
    demo_process: Callable[..., DemoProcess], folders: Callable[[str], Folders]
) -> None:
    server = demo_process(task_seconds=0.5, slow_delay=HOLD)
    user = folders(server.token)
    synth = start_held_synth(server, user)
    kill(synth)  # type: ignore[arg-type]

    resumed = user.cli("resume", "--base-url", server.base_url)
    assert resumed.returncode == 6, resumed.stderr  # EXIT_OUTCOME_UNKNOWN
    assert "unknown outcome" in resumed.stdout
    (record,) = user.records()
    assert record.state is JobState.OUTCOME_UNKNOWN
