"""An outcome-unknown create shows what the balance says about it (issue 11, item 6).

The demo server's ``drop`` fault processes (and charges) a create, then closes the
connection without an answer: the client cannot know the task exists. The balance read just
before and right after shows the charge; the CLI says so at once, stores it in the task
library, and `history` shows it again. Without a readable balance nothing is claimed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from soundclone_desktop import cli
from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store import paths
from soundclone_desktop.store.library import TaskLibrary

MakeServer = Callable[..., DemoServer]
CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
BALANCE_PATH = "/api/open-api/v1/user/balance"


@pytest.fixture
def server(make_demo_server: MakeServer, monkeypatch: pytest.MonkeyPatch) -> DemoServer:
    started = make_demo_server(task_seconds=0.3)
    monkeypatch.setenv("SOUNDCLONE_API_KEY", started.token)
    return started


def charged(server: DemoServer) -> Decimal:
    return sum(
        (Decimal(str(e["amount"])) for e in server.ledger() if e["kind"] == "charge"),
        Decimal(0),
    )


def synth(server: DemoServer, tmp_path: Path, *extra: str) -> list[str]:
    script = tmp_path / "script.txt"
    script.write_text("Charged, but the answer was lost on the way back.", encoding="utf-8")
    return ["synth", str(script), "--base-url", server.base_url, "--voice", DEMO_VOICE_ID,
            "-o", str(tmp_path / "out.wav"), *extra]  # fmt: skip


def test_an_unknown_create_says_how_much_the_balance_dropped(
    capsys: pytest.CaptureFixture[str], server: DemoServer, tmp_path: Path, isolated_dirs: Path
) -> None:
    server.inject("drop", count=1, path_contains=CREATE_PATH)
    code = cli.main(synth(server, tmp_path))
    _out, err = capsys.readouterr()
    assert code == cli.EXIT_OUTCOME_UNKNOWN, err
    drop = charged(server)
    assert drop > 0  # the create was processed and charged
    shown = f"{drop:.2f}" if drop == drop.quantize(Decimal("0.01")) else f"{drop.normalize():f}"
    said = f"The balance dropped by {shown} right after: the task was probably created"
    assert said in err

    with TaskLibrary(paths.library_path(isolated_dirs / "data")) as library:
        (record,) = library.search()
    assert record.state is JobState.OUTCOME_UNKNOWN and record.balance_drop == drop
    assert record.error is not None and said in record.error

    code = cli.main(["history"])
    out, _err = capsys.readouterr()
    assert code == 0 and f"{record.local_id[:8]}: {said}" in out
    code = cli.main(["--json", "history"])
    (row,) = json.loads(capsys.readouterr().out)["tasks"]
    assert Decimal(row["balance_before"]) - Decimal(row["balance_after"]) == drop


def test_the_balance_is_read_before_the_create(
    capsys: pytest.CaptureFixture[str], server: DemoServer, tmp_path: Path
) -> None:
    code = cli.main(synth(server, tmp_path))
    assert code == 0, capsys.readouterr().err
    paths_in_order = [e["path"] for e in server.requests_log()]
    assert BALANCE_PATH in paths_in_order
    assert paths_in_order.index(BALANCE_PATH) < paths_in_order.index(CREATE_PATH)


def test_without_a_readable_balance_nothing_is_claimed(
    capsys: pytest.CaptureFixture[str], server: DemoServer, tmp_path: Path
) -> None:
    # The balance endpoint fails every time (an explicit error answer), the create is lost.
    server.inject("http500", count=50, path_contains=BALANCE_PATH)
    server.inject("drop", count=1, path_contains=CREATE_PATH)
    code = cli.main(synth(server, tmp_path))
    _out, err = capsys.readouterr()
    assert code == cli.EXIT_OUTCOME_UNKNOWN, err
    assert "balance" not in err.lower()
