"""Projects in the real window: File menu, save and open, the title marker, recent files,
text export, and the question asked before unsaved work is left behind."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLineEdit

from soundclone_desktop.core.parameters import Parameters
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.projects import (
    Project,
    RecentProjects,
    load_project,
    save_project,
)
from soundclone_desktop.ui.main_window import MainWindow
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

TITLE = "SoundClone Desktop"


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    qtbot.waitUntil(lambda: win.projects.startup.done(), timeout=5000)
    yield win
    studio.close_studio(qtbot, win, ctx)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "projects"
    path.mkdir()
    return path


def choose_file(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Answer the file dialog the controller opened, as a user would."""
    qtbot.waitUntil(
        lambda: (d := window.projects.file_dialog) is not None and d.isVisible(), timeout=5000
    )
    dialog = window.projects.file_dialog
    assert isinstance(dialog, QFileDialog)
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.setText(str(path))  # a full path typed in the name field
    dialog.accept()


def save_as(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    task = window.projects.save_as()
    choose_file(qtbot, window, path)
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() is True


SAMPLE = Project(
    text="第一章 <#1#> A saved script.",
    params=Parameters(version="v2", language="English", emotion="sad", speed=1.25, pitch=2),
    voice_id="voice-in-the-project",
    notes="Slow down at the end.",
)


# -- menu, title, modified marker ------------------------------------------------------------


def test_file_menu_has_the_project_actions_in_order(window: MainWindow) -> None:
    names = [a.objectName() or a.text() for a in window.file_menu.actions()]
    start = names.index("newProjectAction")
    assert [n for n in names[start:] if n][:8] == [
        "newProjectAction",
        "openProjectAction",
        "Open Recent",
        "saveProjectAction",
        "saveProjectAsAction",
        "openScriptAction",
        "importManuscriptAction",  # a book, next to opening a script
        "exportTextAction",
    ]
    projects = window.projects
    assert projects.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert projects.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert projects.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert projects.save_as_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert window.open_action.shortcut().isEmpty()  # Ctrl+O is not claimed twice


def test_title_shows_the_project_and_a_modified_marker(window: MainWindow, qtbot) -> None:
    assert window.windowTitle() == f"Untitled[*] — {TITLE}"
    assert not window.isWindowModified()
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Hi")
    assert window.projects.is_modified()
    qtbot.waitUntil(window.isWindowModified, timeout=2000)  # marked once typing pauses
    window.editor.undo()
    window.editor.undo()
    assert window.editor.text() == ""
    assert not window.projects.is_modified()
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=2000)  # back to saved


def test_parameters_and_notes_count_as_changes(window: MainWindow, qtbot, folder: Path) -> None:
    window.editor.set_text("Script")
    save_as(qtbot, window, folder / "p.scproj")
    assert not window.isWindowModified()
    window.params.set_values({"speed": 1.5})
    assert window.isWindowModified()
    window.params.set_values({"speed": 1.0})
    assert not window.isWindowModified()
    window.projects.notes.setPlainText("a note")
    assert window.isWindowModified()


# -- saving and opening ---------------------------------------------------------------------


def test_save_as_writes_a_project_and_save_rewrites_it(
    window: MainWindow, qtbot, folder: Path
) -> None:
    window.editor.set_text(SAMPLE.text)
    window.params.set_values(SAMPLE.panel_values())
    window.projects.notes.setPlainText(SAMPLE.notes)
    save_as(qtbot, window, folder / "chapter")  # the extension is added
    path = folder / "chapter.scproj"
    assert load_project(path).project == SAMPLE
    assert window.windowTitle() == f"chapter[*] — {TITLE}"
    assert not window.isWindowModified()
    window.editor.set_text(SAMPLE.text + " More.")
    assert window.isWindowModified()
    task = window.projects.save()  # Ctrl+S: no dialog now
    qtbot.waitUntil(task.done, timeout=5000)
    assert window.projects.file_dialog.isHidden()
    assert load_project(path).project.text == SAMPLE.text + " More."
    assert not window.isWindowModified()
    assert "Saved “chapter.scproj”" in window.statusBar().currentMessage()


def test_open_loads_script_parameters_voice_and_notes(
    window: MainWindow, qtbot, folder: Path
) -> None:
    path = folder / "book.scproj"
    save_project(path, SAMPLE)
    task = window.projects.open_path(path)
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() is True
    assert window.editor.text() == SAMPLE.text
    values = window.params.values()
    assert values["model_id"] == "voice-in-the-project"
    assert (values["language"], values["emotion"], values["speed"], values["pitch"]) == (
        "English",
        "sad",
        1.25,
        2,
    )
    assert window.projects.notes.toPlainText() == SAMPLE.notes
    assert window.windowTitle() == f"book[*] — {TITLE}"
    assert not window.isWindowModified()
    assert not window.editor.document().isUndoAvailable()  # a fresh document


def test_open_through_the_menu_uses_a_non_modal_dialog(
    window: MainWindow, qtbot, folder: Path
) -> None:
    path = folder / "menu.scproj"
    save_project(path, SAMPLE)
    window.projects.open_action.trigger()  # returns at once: open(), no nested event loop
    assert window.projects.file_dialog is not None and window.projects.file_dialog.isVisible()
    choose_file(qtbot, window, path)
    qtbot.waitUntil(lambda: window.editor.text() == SAMPLE.text, timeout=5000)


def test_unsaved_changes_are_asked_about_before_open(
    window: MainWindow, qtbot, folder: Path
) -> None:
    path = folder / "other.scproj"
    save_project(path, SAMPLE)
    window.editor.set_text("My unsaved draft")
    question = window.projects.open_project()
    assert question is not None and question.isVisible()
    assert question.objectName() == "unsavedDialog"
    assert question.text() == "Save the changes to “Untitled”?"
    question.button_for(Choice.CANCEL).click()
    qtbot.wait(50)
    assert window.editor.text() == "My unsaved draft"
    assert window.projects.file_dialog is None  # nothing was opened
    question = window.projects.open_project()
    question.button_for(Choice.DISCARD).click()
    choose_file(qtbot, window, path)
    qtbot.waitUntil(lambda: window.editor.text() == SAMPLE.text, timeout=5000)


def test_new_after_saving_the_changes(window: MainWindow, qtbot, folder: Path) -> None:
    window.editor.set_text("Draft to keep")
    window.params.set_values({"speed": 1.7})
    question = window.projects.new_project()
    question.button_for(Choice.SAVE).click()
    choose_file(qtbot, window, folder / "kept.scproj")
    qtbot.waitUntil(lambda: window.editor.text() == "", timeout=5000)
    assert load_project(folder / "kept.scproj").project.text == "Draft to keep"
    assert window.windowTitle() == f"Untitled[*] — {TITLE}"
    assert window.params.values()["speed"] == 1.0  # the default parameters again
    assert not window.isWindowModified()


def test_files_that_cannot_be_opened_are_explained(window: MainWindow, qtbot, folder: Path) -> None:
    def open_(path: Path) -> str:
        task = window.projects.open_path(path)
        qtbot.waitUntil(task.done, timeout=5000)
        assert task.result() is False
        return window.messages.text()

    window.editor.set_text("unchanged")
    text_file = folder / "notes.txt"
    text_file.write_text("plain text", encoding="utf-8")
    assert open_(text_file).startswith("“notes.txt” is not a SoundClone project.")
    newer = folder / "newer.scproj"
    newer.write_text(json.dumps({"format": "soundclone-project", "version": 9}), "utf-8")
    assert "newer version" in open_(newer)
    assert "could not be found" in open_(folder / "missing.scproj")
    assert window.editor.text() == "unchanged"


def test_unusable_values_are_named_and_the_rest_opens(
    window: MainWindow, qtbot, folder: Path
) -> None:
    path = folder / "odd.scproj"
    data = json.loads(json.dumps(SAMPLE.to_json()))
    data["parameters"]["speed"] = 9
    path.write_text(json.dumps(data), encoding="utf-8")
    task = window.projects.open_path(path)
    qtbot.waitUntil(task.done, timeout=5000)
    assert window.editor.text() == SAMPLE.text
    assert window.params.values()["speed"] == 1.0
    assert "set to their defaults: speed" in window.messages.text()


def test_a_failed_save_keeps_the_work_and_says_why(window: MainWindow, qtbot, folder: Path) -> None:
    blocker = folder / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    window.editor.set_text("Precious words")
    task = window.projects.save_as()
    choose_file(qtbot, window, blocker / "x.scproj")
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() is False
    assert "could not be saved" in window.messages.text()
    assert window.editor.text() == "Precious words"
    assert window.isWindowModified()


# -- recent projects, text export --------------------------------------------------------------


def test_recent_projects_are_remembered_and_reopened(
    window: MainWindow, qtbot, folder: Path
) -> None:
    first, second = folder / "one.scproj", folder / "two.scproj"
    save_project(first, Project(text="one"))
    save_project(second, Project(text="two"))
    for path in (first, second):
        task = window.projects.open_path(path)
        qtbot.waitUntil(task.done, timeout=5000)
    assert window.projects.recent[:2] == [str(second), str(first)]
    store = RecentProjects(window.ctx.config_dir)
    qtbot.waitUntil(lambda: store.load()[:2] == [str(second), str(first)], timeout=5000)
    menu = window.projects.recent_menu
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels[:2] == ["&1 two", "&2 one"]
    menu.actions()[1].trigger()  # "one"
    qtbot.waitUntil(lambda: window.editor.text() == "one", timeout=5000)
    first.unlink()
    task = window.projects.open_path(first)  # gone: explained and dropped from the list
    qtbot.waitUntil(task.done, timeout=5000)
    assert str(first) not in window.projects.recent


def test_export_text_writes_the_script_alone(window: MainWindow, qtbot, folder: Path) -> None:
    window.editor.set_text("Line one\n第二行 <#0.5#>")
    window.projects.export_text_action.trigger()
    target = folder / "script.txt"
    choose_file(qtbot, window, target)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_text(encoding="utf-8") == "Line one\n第二行 <#0.5#>"


def test_notes_dock_is_tabbed_with_the_parameters(window: MainWindow) -> None:
    dock = window.projects.notes_dock
    assert dock is not None and dock.objectName() == "projectNotesDock"
    assert window.params_dock in window.tabifiedDockWidgets(dock)


# -- closing ---------------------------------------------------------------------------------


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    window: MainWindow, qtbot
) -> None:
    window.editor.set_text("Unsaved")
    window.close()
    question = window.projects.question
    assert window.isVisible() and question is not None and question.isVisible()
    assert question.objectName() == "closeConfirmDialog"
    assert "your changes are lost" in question.informativeText()
    question.button_for(Choice.CANCEL).click()
    qtbot.wait(50)
    assert window.isVisible()
    assert window.editor.text() == "Unsaved"


def test_closing_can_save_first(aloop, qtbot, server: DemoServer, folder: Path) -> None:
    window, ctx = studio.open_studio(qtbot, server)
    try:
        window.editor.set_text("Save me on the way out")
        window.close()
        with qtbot.waitSignal(window.closed, timeout=10000):
            window.projects.question.button_for(Choice.SAVE).click()
            choose_file(qtbot, window, folder / "last.scproj")
        assert load_project(folder / "last.scproj").project.text == "Save me on the way out"
    finally:
        studio.close_studio(qtbot, window, ctx)


def test_closing_without_changes_or_tasks_asks_nothing(aloop, qtbot, server: DemoServer) -> None:
    window, ctx = studio.open_studio(qtbot, server)
    try:
        with qtbot.waitSignal(window.closed, timeout=5000):
            window.close()
        assert window.projects.question is None
    finally:
        studio.close_studio(qtbot, window, ctx)
