"""Typing in the studio: whole-script work waits for a pause, and never leaks into a submit.

The real window against the real demo server: keys typed and Ctrl+Return pressed at once
send the whole text, with the counter, charge line and bill of that text; the submit gate
analyses the text once; the project's modified mark follows once per pause, not per key.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt

from soundclone_desktop.core import params as params_module
from soundclone_desktop.core.pricing import estimate_production
from soundclone_desktop.core.script import analyze
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.common.money import money_text
from soundclone_desktop.ui.main_window import MainWindow


def _load_helpers() -> ModuleType:
    # --import-mode=importlib puts no test folder on sys.path; load the helper by path.
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

TYPED = "Typed just now <#0.5#> and sent at once."


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def audio_posts(server: DemoServer) -> list[dict[str, object]]:
    return [
        r
        for r in server.requests_log()
        if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
    ]


def test_ctrl_return_right_after_typing_sends_the_whole_text_at_the_cost_shown(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    report = analyze(TYPED)
    estimate = estimate_production(report.billable_chars, window.ctx.prices())
    cost = money_text(estimate.total, estimate.currency)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, TYPED)
    # The keys are in, the whole-script update is not: the counter still shows the old text.
    assert window.editor.pending()
    assert window.counter.counter_label.text().startswith("0 billable characters")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # In the same event as the shortcut, everything shown describes the text being sent.
    assert not window.editor.pending()
    billable = f"{report.billable_chars} billable characters"
    assert window.counter.counter_label.text().startswith(billable)
    shown = window.submit_bar.charge_label.text()
    assert cost in shown
    qtbot.waitUntil(lambda: len(audio_posts(server)) == 1, timeout=5000)
    body = audio_posts(server)[0]["json"]
    assert isinstance(body, dict)
    assert body["contentText"] == TYPED
    qtbot.waitUntil(lambda: len(window.task_list.jobs()) == 1, timeout=5000)
    job = window.task_list.jobs()[0]
    qtbot.waitUntil(lambda: job.is_done, timeout=15000)
    assert window.controller.cost_for(job.local_id) == cost
    billed = sum(Decimal(str(e["amount"])) for e in server.ledger() if e["kind"] == "charge")
    assert money_text(billed, estimate.currency) == cost
    assert len(audio_posts(server)) == 1


def test_a_script_too_long_by_the_last_key_is_refused_even_before_the_pause(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    window.editor.set_text("x" * 9_998)
    window.editor.setFocus()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "yz")  # 10,000 characters: one over the limit
    assert window.submit_bar.button.isEnabled()  # the gate follows after the pause…
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "longer than the limit" in window.submit_bar.reason_label.text()  # …or at once
    assert not window.submit_bar.button.isEnabled()
    qtbot.wait(300)
    assert audio_posts(server) == []


def test_the_gate_analyses_the_text_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.editor.set_text(TYPED)
    calls: list[str] = []
    real = params_module.analyze

    def counting(text: str, **kwargs: object) -> object:
        calls.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(params_module, "analyze", counting)
    assert window.controller.blocked_reasons() == []
    window.controller.refresh()
    assert calls == []  # the editor's report serves the parameters' validation too


def test_the_modified_mark_follows_once_per_pause(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    projects = window.projects
    refreshes: list[bool] = []
    real = projects._refresh

    def counting() -> None:
        refreshes.append(True)
        real()

    monkeypatch.setattr(projects, "_refresh", counting)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Ten keys!!")
    assert refreshes == []  # nothing per keystroke
    qtbot.waitUntil(window.isWindowModified, timeout=2000)
    assert len(refreshes) == 1
    assert projects.autosaver.pending()  # and the autosave waits for its own, longer pause
