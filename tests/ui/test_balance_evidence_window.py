"""The window's outcome-unknown text says what the balance showed (issue 11, item 6).

The demo server's ``drop`` fault charges the create and closes the connection unanswered.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio_balance_evidence", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()


def test_an_unknown_create_shows_the_balance_drop(
    aloop, qtbot, make_demo_server: Callable[..., DemoServer]
) -> None:
    server = make_demo_server(task_seconds=0.3)
    server.inject("drop", count=1, path_contains=CREATE_PATH)
    window, ctx = studio.open_studio(qtbot, server)
    try:
        window.editor.set_text("Charged, and the answer never came back.")
        window.params.select_voice(DEMO_VOICE_ID)
        qtbot.waitUntil(window.submit_bar.button.isEnabled, timeout=5000)
        window.submit_bar.button.click()
        qtbot.waitUntil(lambda: "The balance dropped by" in window.messages.text(), timeout=10000)
        drop = sum(
            (Decimal(str(e["amount"])) for e in server.ledger() if e["kind"] == "charge"),
            Decimal(0),
        )
        assert drop > 0
        cents = drop.quantize(Decimal("0.01"))
        shown = f"{cents}" if cents == drop else f"{drop.normalize():f}"
        assert f"dropped by {shown} right after" in window.messages.text()
        (job,) = window.task_list.jobs()
        assert job.state is JobState.OUTCOME_UNKNOWN and job.balance_before is not None
        assert job.balance_after is not None and job.balance_before - job.balance_after == drop
        assert ctx.library is not None
        record = ctx.library.get(job.local_id)
        assert record is not None and record.balance_drop == drop
    finally:
        studio.close_studio(qtbot, window, ctx)
