"""The task list shows jobs in plain words and asks for actions through signals."""

from __future__ import annotations

import inspect
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from soundclone_desktop.api.errors import BadRequestError, OutcomeUnknownError, RequestTimeout
from soundclone_desktop.core.jobs import Job, JobKind, JobState
from soundclone_desktop.core.params import FieldProblem, ProductionParams
from soundclone_desktop.services import messages
from soundclone_desktop.ui.tasks.job_text import is_recognised, job_sentence
from soundclone_desktop.ui.tasks.task_list import (
    COL_COST,
    COL_STATUS,
    COL_TEXT,
    COL_TIME,
    TaskList,
    duration_text,
    expected_text,
    state_text,
)

pytestmark = pytest.mark.gui


def make_job(state: JobState = JobState.PROCESSING, **kwargs: object) -> Job:
    params = ProductionParams(model_id="model_x", text="Hello there, this is a test script.")
    job = Job(kind=JobKind.AUDIO, params=params, state=state, **kwargs)  # type: ignore[arg-type]
    return job


@pytest.fixture
def tasks(qtbot) -> TaskList:
    widget = TaskList()
    qtbot.addWidget(widget)
    return widget


def test_duration_and_expected_texts() -> None:
    assert duration_text(7) == "0:07"
    assert duration_text(754) == "12:34"
    assert duration_text(3723) == "1:02:03"
    assert expected_text(12.2) == "expected in ~12 s"
    assert expected_text(600) == "expected in ~10 min"
    assert expected_text(0.2) == "any moment now"
    assert expected_text(None) == ""


def test_active_job_shows_status_elapsed_expected_and_cost(tasks: TaskList) -> None:
    job = make_job(task_id="audio_1")
    job.created_at = time.time() - 5
    job.expected_finish = time.monotonic() + 12
    tasks.update_job(job, "0.12 JimiCoin")
    item = tasks.tree.topLevelItem(0)
    assert item.text(COL_STATUS) == "Generating"
    assert item.text(COL_TIME).startswith("0:0")
    assert "expected in ~12 s" in item.text(COL_TIME) or "expected in ~11 s" in item.text(COL_TIME)
    assert item.text(COL_COST) == "0.12 JimiCoin"
    assert tasks.cancel_button.isEnabled()
    assert not tasks.play_button.isEnabled()


def test_failed_job_shows_the_error_in_plain_words(tasks: TaskList) -> None:
    job = make_job(JobState.FAILED, task_id="audio_2", error=messages.task_failed("voice expired"))
    tasks.update_job(job)
    status = tasks.tree.topLevelItem(0).text(COL_STATUS)
    assert status.startswith("Failed: The server could not finish this task: voice expired")
    assert "Traceback" not in status
    assert not tasks.cancel_button.isEnabled()


def test_rows_update_in_place_and_newest_is_first(tasks: TaskList) -> None:
    first, second = make_job(), make_job()
    tasks.update_job(first)
    tasks.update_job(second)
    first.state = JobState.QUEUED
    tasks.update_job(first)
    assert tasks.tree.topLevelItemCount() == 2
    assert tasks.tree.topLevelItem(1).text(COL_STATUS) == "Waiting in the queue"


def test_buttons_emit_requests(tasks: TaskList, qtbot, tmp_path: Path) -> None:
    running = make_job()
    tasks.update_job(running)
    with qtbot.waitSignal(tasks.cancel_requested) as cancel:
        tasks.cancel_button.click()
    assert cancel.args == [running.local_id]

    audio = tmp_path / "audio_3.wav"
    done = make_job(JobState.DOWNLOADED, audio_path=audio)
    tasks.update_job(done)
    assert tasks.selected_job() is done
    assert tasks.play_button.isEnabled() and not tasks.cancel_button.isEnabled()
    with qtbot.waitSignal(tasks.play_requested) as play:
        tasks.play_button.click()
    assert play.args == [audio]
    with qtbot.waitSignal(tasks.show_file_requested) as show:
        tasks.show_button.click()
    assert show.args == [audio]


def test_context_menu_offers_the_same_actions(tasks: TaskList, qtbot) -> None:
    tasks.show()
    job = make_job()
    tasks.update_job(job)
    rect = tasks.tree.visualItemRect(tasks.tree.topLevelItem(0))
    tasks.tree.customContextMenuRequested.emit(rect.center())
    menu = tasks._menu
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    assert labels == ["Play", "Show file", "Stop waiting"]
    with qtbot.waitSignal(tasks.cancel_requested):
        menu.actions()[2].trigger()
    menu.close()


def _sample_messages() -> list[str]:
    """One instance of every sentence services.messages can produce."""
    bad = BadRequestError("bad", server_message="text too long")
    samples = [
        value for name, value in vars(messages).items() if name.isupper() and isinstance(value, str)
    ]
    builders = {
        "invalid": ([FieldProblem("speed", "Speed must be between 0.5 and 2 (got 3).", "")],),
        "outcome_unknown": (OutcomeUnknownError("x", RequestTimeout("timed out")),),
        "create_refused": (bad,),
        "server_busy": (bad,),
        "task_failed": ("voice expired",),
        "task_refused": ("audio_1", bad),
        "cancelled": ("audio_1",),
        "reconnecting": (12.0,),
        "taking_long": (60.0,),
        "waiting_for_link": (5.0,),
        "download_retry": (5.0,),
        "too_large": ("audio_1", 500_000_000),
        "needs_attention_status": ("audio_1", "2"),
        "needs_attention_no_link": ("audio_1",),
        "needs_attention_link": ("audio_1", "HTTP 404"),
        "needs_attention_unreachable": ("audio_1", 17.0),
        "needs_attention_slow": ("audio_1", 6.0),
        "subtitles_failed": ("HTTP 404",),
        "not_recorded": ("/data", "the disk is full"),
        "cannot_save": ("audio_1", "/data/results", "the folder is read-only"),
        "balance_dropped": ("0.61",),
        "balance_unchanged": ("12.00",),
        "with_tail": (messages.OUTCOME_UNCLEAR, messages.balance_dropped("0.61")),
    }
    functions = {
        name
        for name, value in vars(messages).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and value.__module__ == messages.__name__
    }
    assert functions <= set(builders), (
        f"new message builders to translate: {functions - set(builders)}"
    )
    samples += [getattr(messages, name)(*args) for name, args in builders.items()]
    samples.append(messages.task_failed(None))
    return samples


def test_every_runner_sentence_has_a_translation_entry() -> None:
    unknown = [text for text in _sample_messages() if not is_recognised(text)]
    assert unknown == []


def test_job_sentences_keep_their_numbers_and_ids() -> None:
    assert "12" in (job_sentence(messages.reconnecting(12.0)) or "")
    assert "audio_9" in (job_sentence(messages.cancelled("audio_9")) or "")
    assert job_sentence("Some text the app does not know.") == "Some text the app does not know."


def test_elapsed_times_tick_while_other_rows_update(tasks: TaskList, qtbot) -> None:
    """A burst of updates to one task must not hold back the clock of the others."""
    waiting, busy = make_job(task_id="audio_w"), make_job(task_id="audio_b")
    waiting.created_at = busy.created_at = time.time() - 5.5
    tasks.show()
    qtbot.waitExposed(tasks)
    tasks.update_job(waiting)
    tasks.update_job(busy)
    row = tasks.tree.topLevelItem(1)
    assert tasks.job(waiting.local_id) is waiting and row.text(COL_TIME) == "0:05"
    for _ in range(9):  # a poll answer every 0.3 s, for longer than the one-second tick
        qtbot.wait(300)
        tasks.update_job(busy)
    assert row.text(COL_TIME) != "0:05"


def test_narrow_columns_are_sized_once_and_grow_for_longer_texts(tasks: TaskList) -> None:
    header = tasks.tree.header()
    for column in (COL_STATUS, COL_TIME, COL_COST):
        # Sizing to contents would measure every row on every change.
        assert header.sectionResizeMode(column) is QHeaderView.ResizeMode.Interactive
        assert header.sectionSize(column) > 30
    metrics = tasks.tree.fontMetrics()
    for state in JobState:
        assert metrics.horizontalAdvance(state_text(state)) < header.sectionSize(COL_STATUS)
    before = header.sectionSize(COL_STATUS)
    job = make_job(JobState.FAILED, error=messages.task_failed("the voice model has expired"))
    tasks.update_job(job)
    assert header.sectionSize(COL_STATUS) > before
    assert header.sectionResizeMode(COL_TEXT) is QHeaderView.ResizeMode.Stretch


def test_a_bigger_font_widens_the_narrow_columns(tasks: TaskList) -> None:
    tasks.update_job(make_job(JobState.QUEUED))
    before = tasks.tree.header().sectionSize(COL_STATUS)
    font = tasks.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    tasks.setFont(font)
    assert tasks.tree.header().sectionSize(COL_STATUS) > before * 1.5


def test_the_script_excerpt_leaves_pause_markers_out() -> None:
    from soundclone_desktop.core.jobs import Job, JobKind
    from soundclone_desktop.core.params import ProductionParams
    from soundclone_desktop.ui.tasks.task_list import excerpt

    job = Job(JobKind.AUDIO, ProductionParams("voice", "她把信又读了一遍。<#1.2#>明天一早出发。"))
    assert excerpt(job) == "她把信又读了一遍。 明天一早出发。"


def test_balance_evidence_is_translated_with_the_sentence_it_follows() -> None:
    head = messages.outcome_unknown(OutcomeUnknownError("x", RequestTimeout("timed out")))
    text = messages.with_tail(head, messages.balance_dropped("0.61"))
    shown = job_sentence(text) or ""
    assert shown.startswith(job_sentence(head) or "?")
    assert shown.endswith(job_sentence(messages.balance_dropped("0.61")) or "?")
    assert "dropped by 0.61" in shown


def test_the_clock_ticks_only_rows_in_view(tasks: TaskList, qtbot, monkeypatch) -> None:
    """200 running tasks: each second rewrites the rows on screen, not all 200."""
    tasks.resize(500, 300)
    tasks.show()
    qtbot.waitExposed(tasks)
    jobs = [make_job(task_id=f"audio_{n}") for n in range(200)]
    for job in jobs:
        job.created_at = time.time() - 3
        tasks.update_job(job)
    written: list[str] = []
    original = TaskList._set_text

    def counting(self: TaskList, item, column: int, text: str) -> None:
        if column == COL_TIME:
            written.append(item.data(COL_TEXT, Qt.ItemDataRole.UserRole))
        original(self, item, column, text)

    monkeypatch.setattr(TaskList, "_set_text", counting)
    for job in jobs:
        job.created_at -= 60  # every clock is a minute behind
    tasks._tick()
    row_height = tasks.tree.visualItemRect(tasks.tree.topLevelItem(0)).height()
    shown = tasks.tree.viewport().height() // row_height
    assert 0 < len(written) <= shown + 1
    top = tasks.tree.topLevelItem(0)
    assert top.text(COL_TIME).startswith("1:0")
    bottom = tasks.tree.topLevelItem(199)
    assert not bottom.text(COL_TIME).startswith("1:0")  # out of view: not rewritten yet
    tasks.tree.scrollToItem(bottom)  # scrolled into view: brought up to date at once
    assert bottom.text(COL_TIME).startswith("1:0")


def test_a_hidden_list_catches_up_when_shown(tasks: TaskList, qtbot) -> None:
    job = make_job(task_id="audio_h")
    job.created_at = time.time() - 3
    tasks.update_job(job)
    job.created_at -= 60
    tasks._tick()
    assert not tasks.tree.topLevelItem(0).text(COL_TIME).startswith("1:0")
    tasks.show()
    qtbot.waitExposed(tasks)
    assert tasks.tree.topLevelItem(0).text(COL_TIME).startswith("1:0")
