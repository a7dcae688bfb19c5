"""Many results finishing together: the player loads the newest, not each of them.

Every load opens the media in Qt, computes a waveform and reads captions on the GUI thread;
the many-tasks benchmark loaded all 200 results of a burst one after the other.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from soundclone_desktop.core.jobs import JobState
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.tasks.results import RESULT_LOAD_INTERVAL_MS


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

TASKS = 8


@pytest.fixture
def window(aloop, qtbot, make_demo_server: Callable[..., DemoServer]) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, make_demo_server(task_seconds=0.5))
    yield win
    studio.close_studio(qtbot, win, ctx)


def test_a_burst_of_results_loads_the_newest_once_not_each(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[Path] = []
    load = window.player.load

    def counting_load(path: Path, **kwargs: object) -> None:
        loaded.append(Path(path))
        load(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window.player, "load", counting_load)
    for number in range(TASKS):
        window.editor.set_text(f"Result number {number + 1} of a burst, read aloud.")
        qtbot.waitUntil(window.submit_bar.button.isEnabled, timeout=5000)
        window.submit_bar.button.click()
        qtbot.waitUntil(lambda n=number: len(window.task_list.jobs()) > n, timeout=5000)
    jobs = window.task_list.jobs()
    qtbot.waitUntil(lambda: all(job.is_done for job in jobs), timeout=30000)
    assert all(job.state is JobState.DOWNLOADED for job in jobs), [j.error for j in jobs]
    newest = max(jobs, key=lambda job: job.created_at)
    # The newest result is in the player with its waveform, at most one interval later.
    qtbot.waitUntil(
        lambda: window.player.path() == Path(newest.audio_path),  # type: ignore[arg-type]
        timeout=RESULT_LOAD_INTERVAL_MS + 5000,
    )
    qtbot.waitUntil(lambda: window.player._waveform.peaks() is not None, timeout=10000)
    assert "ready" in window.messages.text()
    downloads = [t for job in jobs for state, t in job.history if state is JobState.DOWNLOADED]
    finished_in = max(downloads) - min(downloads)
    # One load at once, then at most one per interval while results keep coming.
    allowed = 2 + int(finished_in * 1000 / RESULT_LOAD_INTERVAL_MS)
    assert len(loaded) <= min(allowed, TASKS // 2), (len(loaded), finished_in)
