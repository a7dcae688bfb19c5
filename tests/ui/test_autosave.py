"""Autosave and recovery in the real window: the snapshot follows the editor after a pause,
goes away after a clean save or close, and brings the text back after a crash."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QLineEdit

from soundclone_desktop.core.parameters import Parameters
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.autosave import AutosaveStore, Snapshot
from soundclone_desktop.store.paths import autosave_dir
from soundclone_desktop.store.projects import Project, save_project
from soundclone_desktop.ui.main_window import MainWindow
from soundclone_desktop.ui.projects.autosaver import IDLE_MS
from soundclone_desktop.ui.projects.closing import Choice


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui

FAST_IDLE_MS = 60


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


def store() -> AutosaveStore:
    return AutosaveStore(autosave_dir(Path(os.environ["SOUNDCLONE_DATA_DIR"])))


def open_window(qtbot, server: DemoServer):  # type: ignore[no-untyped-def]
    window, ctx = studio.open_studio(qtbot, server)
    qtbot.waitUntil(lambda: window.projects.startup.done(), timeout=5000)
    window.projects.autosaver._timer.setInterval(FAST_IDLE_MS)  # seconds are for people
    return window, ctx


def crash(qtbot, window: MainWindow, ctx, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """End the window without its closing work: what a killed process leaves on disk."""
    # (No monkeypatch.undo() here: it would also undo the isolated data folder.)
    monkeypatch.setattr(window.projects, "window_closing", lambda: None)
    studio.close_studio(qtbot, window, ctx)


def test_the_idle_delay_is_a_few_seconds() -> None:
    assert 1000 <= IDLE_MS <= 10_000


def test_typing_is_autosaved_after_a_pause(aloop, qtbot, server: DemoServer) -> None:
    window, ctx = open_window(qtbot, server)
    try:
        window.editor.setFocus()
        qtbot.keyClicks(window.editor, "Draft in progress")
        # Armed once the editor's update follows the keys, then waits for the pause.
        qtbot.waitUntil(window.projects.autosaver.pending, timeout=2000)
        qtbot.waitUntil(lambda: store().read() is not None, timeout=5000)
        snapshot = store().read()
        assert snapshot is not None
        assert snapshot.project.text == "Draft in progress"
        assert snapshot.project_path is None
        assert snapshot.saved_at > 0
        window.params.set_values({"speed": 1.4})
        qtbot.waitUntil(
            lambda: (s := store().read()) is not None and s.project.params.speed == 1.4,
            timeout=5000,
        )
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_a_clean_save_clears_the_snapshot(aloop, qtbot, server: DemoServer, tmp_path: Path) -> None:
    window, ctx = open_window(qtbot, server)
    try:
        window.editor.set_text("About to be saved")
        qtbot.waitUntil(lambda: store().path.exists(), timeout=5000)
        task = window.projects.save_as()
        qtbot.waitUntil(
            lambda: (d := window.projects.file_dialog) is not None and d.isVisible(),
            timeout=5000,
        )
        dialog = window.projects.file_dialog
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / "saved.scproj"))
        dialog.accept()
        qtbot.waitUntil(task.done, timeout=5000)
        qtbot.waitUntil(lambda: not store().path.exists(), timeout=5000)
        window.editor.set_text("Changed after saving")
        qtbot.waitUntil(lambda: store().path.exists(), timeout=5000)
        assert store().read().project_path == tmp_path / "saved.scproj"
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_after_a_crash_the_text_is_offered_back_and_restored(
    aloop, qtbot, server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, ctx = open_window(qtbot, server)
    window.editor.set_text("Chapter one, <#1#> unsaved.")
    window.params.set_values({"emotion": "sad"})
    qtbot.waitUntil(lambda: window.projects.autosaver.writes >= 1, timeout=5000)
    qtbot.waitUntil(
        lambda: (s := store().read()) is not None and s.project.params.emotion == "sad",
        timeout=5000,
    )
    crash(qtbot, window, ctx, monkeypatch)

    window, ctx = open_window(qtbot, server)
    try:
        bar = window.projects.recovery_bar
        assert window.editor.text() == ""
        qtbot.waitUntil(bar.isVisible, timeout=5000)
        assert bar.label.text().startswith("Restore the script you were writing?")
        assert "Chapter one, <#1#> unsaved." in bar.label.text()
        window.editor.set_text("typed before answering")
        bar.restore_button.click()
        assert not bar.isVisible()
        assert window.editor.text() == "Chapter one, <#1#> unsaved."
        assert window.params.values()["emotion"] == "sad"
        assert window.isWindowModified()  # never saved: still to be saved
        window.editor.undo()  # restoring is one undo step
        assert window.editor.text() == "typed before answering"
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_discarding_the_offer_removes_the_snapshot(aloop, qtbot, server: DemoServer) -> None:
    store().write(Snapshot(Project(text="old draft"), saved_at=1000.0))
    window, ctx = open_window(qtbot, server)
    try:
        bar = window.projects.recovery_bar
        qtbot.waitUntil(bar.isVisible, timeout=5000)
        bar.discard_button.click()
        assert not bar.isVisible()
        qtbot.waitUntil(lambda: not store().path.exists(), timeout=5000)
        assert window.editor.text() == ""
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_a_snapshot_equal_to_the_saved_file_is_not_offered(
    aloop, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    project = Project(text="Same as on disk", params=Parameters(speed=1.1))
    path = tmp_path / "same.scproj"
    save_project(path, project)
    store().write(Snapshot(project, project_path=path, saved_at=1.0))
    window, ctx = open_window(qtbot, server)
    try:
        qtbot.waitUntil(lambda: not store().path.exists(), timeout=5000)
        assert not window.projects.recovery_bar.isVisible()
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_a_snapshot_of_a_project_restores_into_that_project(
    aloop, qtbot, server: DemoServer, tmp_path: Path
) -> None:
    path = tmp_path / "book.scproj"
    save_project(path, Project(text="Saved version"))
    store().write(Snapshot(Project(text="Newer, unsaved version"), project_path=path, saved_at=1.0))
    window, ctx = open_window(qtbot, server)
    try:
        bar = window.projects.recovery_bar
        qtbot.waitUntil(bar.isVisible, timeout=5000)
        assert "“book.scproj”" in bar.label.text()
        bar.restore_button.click()
        assert window.editor.text() == "Newer, unsaved version"
        assert window.windowTitle().startswith("book[*]")
        assert window.isWindowModified()
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_an_unanswered_offer_survives_a_clean_close(aloop, qtbot, server: DemoServer) -> None:
    store().write(Snapshot(Project(text="still undecided"), saved_at=1.0))
    window, ctx = open_window(qtbot, server)
    qtbot.waitUntil(window.projects.recovery_bar.isVisible, timeout=5000)
    studio.close_studio(qtbot, window, ctx)
    snapshot = store().read()
    assert snapshot is not None and snapshot.project.text == "still undecided"


def test_closing_with_unsaved_work_keeps_a_snapshot_and_discarding_clears_it(
    aloop, qtbot, server: DemoServer
) -> None:
    window, ctx = open_window(qtbot, server)
    window.editor.set_text("Ended by the system")
    studio.close_studio(qtbot, window, ctx)  # like SIGTERM: close_now, nothing asked
    assert store().read().project.text == "Ended by the system"

    window, ctx = open_window(qtbot, server)
    try:
        qtbot.waitUntil(window.projects.recovery_bar.isVisible, timeout=5000)
        window.projects.recovery_bar.restore_button.click()
        window.close()
        question = window.projects.question
        assert question is not None and question.isVisible()
        with qtbot.waitSignal(window.closed, timeout=5000):
            question.button_for(Choice.DISCARD).click()
        assert not store().path.exists()
    finally:
        studio.close_studio(qtbot, window, ctx)
