"""The benchmarks' stall sampler names what a worker ran while the GUI thread waited (for
the GIL, here for a join): the render's remaining stalls had the GUI thread with no CPU of
its own, and sampling only the GUI thread showed nothing but the event loop."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.benchmarks.stall_stacks import StallStacks

pytestmark = pytest.mark.gui


def _spin_in_python(cpu_seconds: float, used: list[int]) -> None:
    """Pure Python work (it holds the GIL but for the interpreter's switches) until it has
    had ``cpu_seconds`` of CPU, however loaded the machine."""
    began = time.thread_time_ns()
    count = 0
    while time.thread_time_ns() - began < cpu_seconds * 1e9:
        count += sum(range(200))
    used.append(time.thread_time_ns() - began)


def test_a_stall_names_the_worker_that_ran_and_its_code(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "stacks.txt"
    stacks = StallStacks(out)
    used: list[int] = []
    try:
        qtbot.wait(50)  # the loop stamps: not late
        worker = threading.Thread(target=_spin_in_python, args=(0.4, used), name="spinner")
        worker.start()
        worker.join()  # the GUI thread is blocked while the worker computes
        qtbot.wait(50)  # the loop runs again: the stall is closed
    finally:
        stacks.stop()
    stacks.write()
    (stall,) = [s for s in stacks.stalls if s.ended - s.began > 0.1]
    assert stall.others_total_ns > used[0] * 0.5  # the worker's CPU, while the GUI waited
    assert stall.gui_cpu_ns < used[0] * 0.5
    # The threads seen running (a sampler needs the GIL too, so it may see few samples).
    assert set(stall.others_ns) <= {"spinner"}
    report = out.read_text(encoding="utf-8")
    assert "others" in report and ("[spinner]" in report) == bool(stall.others_ns)
