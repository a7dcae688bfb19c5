"""The history panel in the real window, over the real task library and demo server."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QTableWidget

from soundclone_desktop.api.client import SoundCloneClient
from soundclone_desktop.core.jobs import FailureReason, Job, JobKind, JobState
from soundclone_desktop.core.params import ProductionParams
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.services import messages
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.voices import Voice
from soundclone_desktop.ui.common.async_utils import spawn
from soundclone_desktop.ui.export.dialog import ExportDialog
from soundclone_desktop.ui.history.files import is_task_id
from soundclone_desktop.ui.history.model import (
    COL_COST,
    COL_DATE,
    COL_DURATION,
    COL_SCRIPT,
    COL_STATUS,
    COL_VOICE,
    HistoryModel,
    short_id,
)
from soundclone_desktop.ui.main_window import MainWindow


def _load_helpers() -> ModuleType:
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load_helpers()
pytestmark = pytest.mark.gui


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.3)


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def library_of(window: MainWindow) -> TaskLibrary:
    library = window.ctx.library
    assert library is not None
    return library


def seed(
    window: MainWindow,
    text: str,
    *,
    state: JobState = JobState.DOWNLOADED,
    voice: str = DEMO_VOICE_ID,
    task_id: str | None = "audio_seeded",
    base_url: str | None = None,
    audio: Path | None = None,
    created_at: float | None = None,
    speed: float = 1.0,
) -> Job:
    """A task in the library as a finished (or failed…) run would have left it."""
    params = ProductionParams(model_id=voice, text=text, speed=speed, emotion="happy")
    job = Job(kind=JobKind.AUDIO, params=params, state=state, task_id=task_id, chars=len(text))
    if created_at is not None:
        job.created_at = created_at
    job.audio_path = audio
    if state is JobState.OUTCOME_UNKNOWN:
        job.reason = FailureReason.OUTCOME_UNKNOWN
        job.error = messages.OUTCOME_INTERRUPTED
    library_of(window).record(
        job,
        base_url=base_url or window.session.base_url,
        demo=True,
        estimate=Decimal("0.52"),
        currency="JimiCoin",
    )
    return job


def show_history(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    history = window.history
    history.dock.raise_()
    qtbot.waitUntil(lambda: history.loaded, timeout=5000)


def cell(window: MainWindow, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = window.history.model
    return model.data(model.index(row, column), role)


def select(window: MainWindow, qtbot, local_id: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.history.panel.select_local_id(local_id), timeout=5000)


# -- the dock and the table -----------------------------------------------------------------------


def test_history_is_a_table_view_in_a_dock_tabbed_with_tasks(window: MainWindow, qtbot) -> None:
    history = window.history
    dock = history.dock
    assert dock.objectName() == "historyDock"
    assert window.tasks_dock in window.tabifiedDockWidgets(dock)
    view = window.findChild(QTableView, "historyView")
    assert view is not None and not isinstance(view, QTableWidget)
    assert isinstance(view.model(), QAbstractTableModel)
    assert dock.toggleViewAction() in window.view_menu.actions()
    assert not history.loaded  # behind its tab: nothing read at start
    seed(window, "One finished task.")
    show_history(window, qtbot)
    assert history.model.rowCount() == 1
    assert history.panel.count_label.text() == "Tasks: 1"


def test_columns_show_date_voice_excerpt_duration_status_and_cost(
    window: MainWindow, qtbot
) -> None:
    job = seed(window, "Hello <#0.5#> world, this is the first line of a long script. " * 3)
    library_of(window).set_duration(job.local_id, 75.4)
    show_history(window, qtbot)
    model = window.history.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Voice", "Script", "Duration", "Status", "Estimated cost"]
    assert cell(window, 0, COL_DATE)  # locale short format
    assert cell(window, 0, COL_VOICE) == "Demo narrator"  # the demo's voice has a name
    assert cell(window, 0, COL_SCRIPT).startswith("Hello world, this is the first line")
    assert "<#" not in cell(window, 0, COL_SCRIPT)
    assert len(cell(window, 0, COL_SCRIPT)) <= 60
    assert cell(window, 0, COL_DURATION) == "1:15"
    assert cell(window, 0, COL_STATUS) == "Ready"
    assert cell(window, 0, COL_COST) == "0.52 JimiCoin"


def test_voice_names_replace_short_ids(window: MainWindow, qtbot) -> None:
    seed(window, "Named voice.", voice="a-very-long-voice-model-identifier-123")
    show_history(window, qtbot)
    assert cell(window, 0, COL_VOICE) == "a-very…-123"
    window.history.set_voice_names({"a-very-long-voice-model-identifier-123": "Narrator"})
    assert cell(window, 0, COL_VOICE) == "Narrator"
    assert cell(window, 0, COL_VOICE, Qt.ItemDataRole.ToolTipRole).startswith("a-very-long")


def test_names_come_from_the_voice_library(window: MainWindow, qtbot) -> None:
    seed(window, "Cloned voice.", voice="cloned-voice-model-id-0001")
    show_history(window, qtbot)
    assert cell(window, 0, COL_VOICE) == short_id("cloned-voice-model-id-0001")
    window.voice_store.add(Voice(model_id="cloned-voice-model-id-0001", name="Grandpa"))
    qtbot.waitUntil(lambda: cell(window, 0, COL_VOICE) == "Grandpa", timeout=5000)


def test_outcome_unknown_is_clearly_marked(window: MainWindow, qtbot) -> None:
    job = seed(window, "Maybe sent.", state=JobState.OUTCOME_UNKNOWN, task_id=None)
    show_history(window, qtbot)
    assert cell(window, 0, COL_STATUS) == "⚠ Outcome unknown: check your account"
    assert cell(window, 0, COL_STATUS, Qt.ItemDataRole.FontRole).bold()
    tip = cell(window, 0, COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "may or may not have been created" in tip
    panel = window.history.panel
    assert not panel.lookup_action.isVisible()
    select(window, qtbot, job.local_id)
    assert panel.lookup_action.isVisible() and panel.resubmit_action.isVisible()
    assert panel.resubmit_action.isEnabled()
    assert not panel.play_action.isEnabled()  # no audio


def test_a_new_task_appears_and_updates_live(window: MainWindow, qtbot, server) -> None:
    show_history(window, qtbot)
    assert window.history.model.rowCount() == 0
    window.editor.set_text("Live update check. <#0.3#> Second part.")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: cell(window, 0, COL_STATUS) == "Ready", timeout=15000)
    qtbot.waitUntil(lambda: cell(window, 0, COL_DURATION) != "", timeout=5000)
    assert cell(window, 0, COL_COST).endswith("JimiCoin")
    assert cell(window, 0, COL_SCRIPT) == "Live update check. Second part."


# -- searching and sorting ------------------------------------------------------------------------


def test_search_waits_for_a_pause_in_typing_then_filters(window: MainWindow, qtbot) -> None:
    now = time.time()
    for i in range(6):
        seed(window, f"Chapter {i}: the quick fox.", created_at=now - i, task_id=f"audio_{i}")
    seed(window, "Something about owls.", created_at=now - 10, task_id="audio_owl")
    show_history(window, qtbot)
    history = window.history
    assert history.model.rowCount() == 7
    with qtbot.waitSignal(history.reloaded, timeout=5000):
        qtbot.keyClicks(history.panel.search, "OWL")
        assert history.model.rowCount() == 7  # nothing yet: it waits for the pause
    assert history.model.rowCount() == 1
    assert cell(window, 0, COL_SCRIPT) == "Something about owls."
    assert history.panel.count_label.text() == "Matches: 1"
    with qtbot.waitSignal(history.reloaded, timeout=5000):
        history.panel.search.setText("audio_3")  # task ids match too
    assert [r.task_id for r in history.model.records()] == ["audio_3"]
    with qtbot.waitSignal(history.reloaded, timeout=5000):
        history.panel.search.clear()
    assert history.model.rowCount() == 7


def test_clicking_a_header_sorts_through_the_library(window: MainWindow, qtbot) -> None:
    now = time.time()
    seed(window, "Bravo", created_at=now - 3, task_id="audio_b")
    seed(window, "alpha", created_at=now - 2, task_id="audio_a")
    seed(window, "Charlie", created_at=now - 1, task_id="audio_c")
    show_history(window, qtbot)
    history = window.history
    assert [r.text for r in history.model.records()] == ["Charlie", "alpha", "Bravo"]
    with qtbot.waitSignal(history.reloaded, timeout=5000):
        history.panel.view.sortByColumn(COL_SCRIPT, Qt.SortOrder.AscendingOrder)
    assert [r.text for r in history.model.records()] == ["alpha", "Bravo", "Charlie"]


def test_live_rows_respect_the_search(window: MainWindow, qtbot) -> None:
    show_history(window, qtbot)
    history = window.history
    with qtbot.waitSignal(history.reloaded, timeout=5000):
        history.panel.search.setText("needle")
    with qtbot.waitSignal(history.updated, timeout=5000):
        seed(window, "hay only", task_id="audio_hay")
        seed(window, "a needle here", task_id="audio_needle")
    assert [r.text for r in history.model.records()] == ["a needle here"]


def test_insert_keeps_the_chosen_order() -> None:
    model = HistoryModel()
    records = []
    for i, text in enumerate(["b", "d"]):
        records.append(_record(f"id{i}", text, created=float(i)))
    model.sort(COL_SCRIPT, Qt.SortOrder.AscendingOrder)
    model.set_records(records)
    model.upsert(_record("new", "c", created=9.0), visible=True)
    assert [r.text for r in model.records()] == ["b", "c", "d"]
    model.upsert(_record("new", "c", created=9.0), visible=False)  # no longer matches
    assert [r.text for r in model.records()] == ["b", "d"]
    assert model.row_of("id1") == 1


# -- actions --------------------------------------------------------------------------------------


def test_double_click_plays_the_audio(window: MainWindow, qtbot, tmp_path: Path) -> None:
    window.editor.set_text("Play me from the history.")
    window.submit_bar.button.click()
    qtbot.waitUntil(lambda: any(j.is_done for j in window.task_list.jobs()), timeout=15000)
    window.player.release()
    show_history(window, qtbot)
    record = window.history.model.record_at(0)
    assert record is not None and record.audio_path is not None
    view = window.history.panel.view
    index = window.history.model.index(0, COL_SCRIPT)
    view.selectRow(0)
    view.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: window.player.path() == record.audio_path, timeout=5000)


def test_missing_audio_is_explained(window: MainWindow, qtbot, tmp_path: Path) -> None:
    job = seed(window, "Gone file.", audio=tmp_path / "gone.wav")
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)
    task = window.history.play_selected()
    qtbot.waitUntil(task.done, timeout=5000)
    assert "no longer on this computer" in window.messages.text()


def test_use_these_settings_loads_script_and_parameters_as_one_undo_step(
    window: MainWindow, qtbot
) -> None:
    job = seed(window, "Old script <#1#> to reuse.", speed=1.5, voice="voice-from-history")
    show_history(window, qtbot)
    window.editor.set_text("What I was writing")
    select(window, qtbot, job.local_id)
    window.history.panel.use_action.trigger()
    assert window.editor.text() == "Old script <#1#> to reuse."
    values = window.params.values()
    assert values["speed"] == 1.5
    assert values["emotion"] == "happy"
    assert values["model_id"] == "voice-from-history"
    assert "Undo" in window.messages.text()
    window.editor.undo()
    assert window.editor.text() == "What I was writing"


def test_export_opens_the_export_dialog_for_the_result(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    audio = tmp_path / "audio_x.wav"
    audio.write_bytes(b"RIFF....WAVE")
    job = seed(window, "Export me, <#0.5#> please.", audio=audio)
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)
    window.history.panel.export_action.trigger()
    dialog = window.history._dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.audio_path == audio
    assert dialog.subtitle_path is None
    dialog.reject()


def test_delete_asks_first_then_removes_the_entry_and_its_files(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    audio = tmp_path / "audio_del.wav"
    audio.write_bytes(b"x")
    job = seed(window, "Delete me.", audio=audio)
    keep = seed(window, "Keep me.", task_id="audio_keep")
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)
    box = window.history.delete_selected()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.objectName() == "historyDeleteDialog"
    box.button(QMessageBox.StandardButton.Cancel).click()  # first: changed my mind
    qtbot.wait(50)
    assert audio.exists() and library_of(window).get(job.local_id) is not None
    view = window.history.panel.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the Delete key asks too
    box = window.history._dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    delete.click()
    qtbot.waitUntil(lambda: library_of(window).get(job.local_id) is None, timeout=5000)
    qtbot.waitUntil(lambda: window.history.model.row_of(job.local_id) is None, timeout=5000)
    assert not audio.exists()
    assert window.history.model.row_of(keep.local_id) is not None


def test_a_task_in_progress_cannot_be_deleted(window: MainWindow, qtbot) -> None:
    job = seed(window, "Still going.", state=JobState.PROCESSING, task_id="audio_busy")
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)
    assert not window.history.panel.delete_action.isEnabled()
    assert window.history.delete_selected() is None


# -- outcome unknown: look up and resubmit ---------------------------------------------------------


def create_on_server(qtbot, server: DemoServer, text: str) -> str:  # type: ignore[no-untyped-def]
    """A task the server has, as if the lost answer had arrived (what the website lists)."""

    async def create() -> str:
        async with SoundCloneClient(server.base_url, server.token) as client:
            info = await client.create_audio(ProductionParams(model_id=DEMO_VOICE_ID, text=text))
            return info.id

    task = spawn(create())
    qtbot.waitUntil(task.done, timeout=5000)
    return task.result()


def test_look_up_by_task_id_follows_the_task_to_the_end(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    job = seed(window, "Lost answer.", state=JobState.OUTCOME_UNKNOWN, task_id=None)
    task_id = create_on_server(qtbot, server, "Lost answer.")
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)
    dialog = window.history.lookup_selected()
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "historyLookupDialog"
    dialog.setTextValue(f"  {task_id} ")
    dialog.accept()
    library = library_of(window)
    qtbot.waitUntil(
        lambda: (r := library.get(job.local_id)) is not None and r.state is JobState.DOWNLOADED,
        timeout=15000,
    )
    record = library.get(job.local_id)
    assert record is not None and record.task_id == task_id and record.audio_path is not None
    qtbot.waitUntil(lambda: cell(window, 0, COL_STATUS) == "Ready", timeout=5000)
    assert any(j.task_id == task_id for j in window.task_list.jobs())  # in the Tasks list too
    creates = [
        r for r in server.requests_log()
        if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
    ]  # fmt: skip
    assert len(creates) == 1  # only the one made "elsewhere": looking up sends nothing new


def test_look_up_refuses_bad_ids_duplicates_and_other_servers(window: MainWindow, qtbot) -> None:
    job = seed(window, "Lost.", state=JobState.OUTCOME_UNKNOWN, task_id=None)
    seed(window, "Known.", task_id="audio_known")
    other = seed(
        window,
        "Elsewhere.",
        state=JobState.OUTCOME_UNKNOWN,
        task_id=None,
        base_url="https://other.example",
    )
    history = window.history

    def run(local_id: str, text: str) -> object:
        task = history.lookup(local_id, text)
        qtbot.waitUntil(task.done, timeout=5000)
        return task.result()

    assert run(job.local_id, "audio 1") is None
    assert window.messages.text().startswith("Task ID:")
    assert run(job.local_id, "audio_known") is None
    assert "already in the history" in window.messages.text()
    assert run(other.local_id, "audio_x") is None
    assert "other.example" in window.messages.text() or "demo server" in window.messages.text()
    assert library_of(window).get(job.local_id).state is JobState.OUTCOME_UNKNOWN


def test_task_id_shape() -> None:
    assert is_task_id("audio_16b635ba-5889-4fa5-bbcc-bf67a38c353a")
    assert not is_task_id("")
    assert not is_task_id("audio 1")
    assert not is_task_id("x" * 129)


def test_resubmit_shows_the_cost_and_asks_before_sending_once(
    window: MainWindow, qtbot, server: DemoServer
) -> None:
    text = "Send me again, please."
    job = seed(window, text, state=JobState.OUTCOME_UNKNOWN, task_id=None)
    show_history(window, qtbot)
    select(window, qtbot, job.local_id)

    def creates() -> int:
        return sum(
            1
            for r in server.requests_log()
            if r["method"] == "POST" and str(r["path"]).endswith("/soundCloning/audios")
        )

    box = window.history.resubmit_selected()
    assert box is not None and box.objectName() == "historyResubmitDialog"
    assert "JimiCoin" in box.informativeText()
    assert "check the task list on the website" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(100)
    assert creates() == 0
    box = window.history.resubmit_selected()
    send = next(b for b in box.buttons() if b.text() == "Send again")
    send.click()
    qtbot.waitUntil(lambda: creates() == 1, timeout=5000)
    assert window.editor.text() == text
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2, timeout=5000)
    qtbot.wait(200)
    assert creates() == 1


def _record(local_id: str, text: str, *, created: float):  # type: ignore[no-untyped-def]
    from soundclone_desktop.store.library import TaskRecord

    return TaskRecord(
        local_id=local_id, kind=JobKind.AUDIO, state=JobState.DOWNLOADED, task_id=None,
        base_url="http://x", demo=False, text=text, params=None, voice_id=None, chars=None,
        estimate=None, currency=None, created_at=created, updated_at=created, duration=None,
        error=None, reason=None, audio_path=None, subtitle_path=None,
    )  # fmt: skip


def test_model_is_empty_for_child_indexes() -> None:
    model = HistoryModel()
    model.set_records([_record("a", "x", created=1.0)])
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 1
