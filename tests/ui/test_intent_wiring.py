"""The app writes the task library off the GUI thread, so each of its runners must wait for
a job's intent to be on disk before sending the create: a runner without that wait would
send before the record exists (tests/services/test_background_intent.py shows the order)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services.recorder import JobRecorder


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui


def test_the_apps_runner_awaits_the_intent_its_recorder_writes_in_the_background(
    aloop, qtbot, make_demo_server: Callable[..., DemoServer]
) -> None:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, make_demo_server())
    try:
        listeners = ctx.session._job_listeners._listeners
        recorders = [r for r in listeners if isinstance(r, JobRecorder)]
        assert recorders and all(r.background for r in recorders)
        runner = ctx.session.runner
        assert runner is not None and runner._before_create is not None
        params = ProductionParams(model_id=DEMO_VOICE_ID, text="A short script for the test.")
        task = aloop.create_task(runner.submit(params))
        qtbot.waitUntil(task.done, timeout=10000)
        job = task.result()
        assert job.state is not JobState.FAILED, job.error
        assert ctx.library is not None and ctx.library.get(job.local_id) is not None
    finally:
        studio.close_studio(qtbot, win, ctx)
