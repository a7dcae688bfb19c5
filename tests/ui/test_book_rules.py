"""Pronunciation rules in the real studio window, against the real demo server (loopback):
the rules table shows what a rule changes before it is saved, the editor underlines every
word a rule changes and says on hover what is sent, a 多音字's reading becomes a rule from
the context menu, and "listen with this rule" sends one sentence with the rule, after its
cost, and adds no take."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from soundclone_desktop.core.book.model import Book, BookSettings, blank_params, new_chapter
from soundclone_desktop.core.book.takes import Take
from soundclone_desktop.core.script import analyze
from soundclone_desktop.demo.config import DEMO_VOICE_ID
from soundclone_desktop.demo.server import DemoServer
from soundclone_desktop.store.book import BookStore
from soundclone_desktop.ui.book.editor_layers import Layer, layer_spans
from soundclone_desktop.ui.book.rules_dialog import COL_FIND, COL_REPLACE, RulesDialog
from soundclone_desktop.ui.main_window import MainWindow


def _load(name: str) -> ModuleType:
    helper = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"ui_{helper.stem}", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


studio = _load("_studio.py")
pytestmark = pytest.mark.gui

CREATE_PATH = "/api/open-api/v1/soundCloning/audios"
ONE = "银行行长今天来了。\n\n他说行长的会议改到明天。\n\n大家都同意了。"
TWO = "第二章没有那个词。\n\n行长又来了。"


@pytest.fixture
def server(make_demo_server: Callable[..., DemoServer]) -> DemoServer:
    return make_demo_server(task_seconds=0.2, audio_format="wav")


@pytest.fixture
def window(aloop, qtbot, server: DemoServer) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win, ctx = studio.open_studio(qtbot, server)
    yield win
    studio.close_studio(qtbot, win, ctx)


def make_book(folder: Path) -> Path:
    """A two-chapter Chinese book whose every segment has a take (no render needed)."""
    path = folder / "银行.scbook"
    params = dataclasses.replace(blank_params(), model_id=DEMO_VOICE_ID)
    book = Book(
        title="银行",
        language="zh",
        settings=BookSettings(params=params, target_chars=10),
        chapters=(new_chapter("一", ONE), new_chapter("二", TWO)),
    )
    with BookStore.create(path, book) as store:
        for chapter in store.chapters():
            for n, row in enumerate(store.rows(chapter.id)):
                take = Take(
                    id=f"{chapter.id[:8]}-{n}", task_local_id=None,
                    audio_path=f"audio/{chapter.id[:8]}-{n}.wav", subtitle_path=None,
                    duration=2.0, created_at=1.0, fingerprint=row.fingerprint,
                    request_text=row.segment.request_text,
                )  # fmt: skip
                store.add_take(chapter.id, row.segment.id, take)
    return path


def segments_with(path: Path, word: str) -> int:
    with BookStore.open(path) as store:
        return sum(1 for c in store.chapters() for r in store.rows(c.id) if word in r.segment.text)


def open_book(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.book.book_opened, timeout=10000):
        window.book.open_path(path)
    qtbot.waitUntil(lambda: window.editor.text() == ONE, timeout=5000)


def open_rules(qtbot, window: MainWindow) -> RulesDialog:  # type: ignore[no-untyped-def]
    window.book.rules.action.trigger()
    dialog = window.book.rules.dialog
    assert isinstance(dialog, RulesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return found


def test_the_rules_table_counts_what_a_rule_changes_then_saves_underlines_and_removes(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    expected_stale = segments_with(path, "行长")
    assert expected_stale == 3
    open_book(qtbot, window, path)
    dialog = open_rules(qtbot, window)
    dialog.find_edit.setText("行长")  # (QTest cannot type CJK: it aborts)
    dialog.replace_edit.setText("航长")
    label = dialog.effect_label
    qtbot.waitUntil(lambda: "places: 3." in label.text(), timeout=10000)
    assert "0 now, 3 with this rule" in label.text()
    assert window.book.store.book.rules == ()  # type: ignore[union-attr]  nothing saved yet

    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, COL_FIND).text() == "行长"
    assert dialog.table.item(0, COL_REPLACE).text() == "航长"
    qtbot.waitUntil(
        lambda: layer_spans(window.editor, Layer.RULES) == occurrences(ONE, "行长"), timeout=5000
    )
    at = ONE.index("行长")
    assert "航长" in window.editor.tooltip_at_index(at)
    assert window.editor.tooltip_at_index(ONE.index("今天")) == ""
    assert dialog.selected_rule() == window.book.store.book.rules[0]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "3 now, 3 with this rule" in label.text(), timeout=10000)

    dialog.table.selectRow(0)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10000)
    qtbot.waitUntil(lambda: layer_spans(window.editor, Layer.RULES) == [], timeout=5000)
    with BookStore.open(path) as store:
        assert store.rules() == ()


def test_a_polyphone_reading_from_the_context_menu_is_saved_as_a_rule(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    open_book(qtbot, window, path)
    menu = QMenu()
    index = ONE.index("行长")
    for source in window.editor.menu_sources:
        source(menu, index)
    readings = next(a.menu() for a in menu.actions() if a.menu() and "行" in a.text())
    assert {"háng", "xíng"} <= {a.text() for a in readings.actions()}
    hang = next(a.menu() for a in readings.actions() if a.text() == "háng")
    choice = next(a for a in hang.actions() if "“航长” for “行长”" in a.text())
    choice.trigger()
    qtbot.waitUntil(lambda: window.book.store.book.rules != (), timeout=10000)  # type: ignore[union-attr]
    rule = window.book.store.book.rules[0]  # type: ignore[union-attr]
    assert (rule.find, rule.replace, rule.chapter_id) == ("行长", "航长", None)
    qtbot.waitUntil(
        lambda: layer_spans(window.editor, Layer.RULES) == occurrences(ONE, "行长"), timeout=5000
    )


def test_listen_with_this_rule_sends_one_sentence_with_it_after_its_cost_and_adds_no_take(
    window: MainWindow, server: DemoServer, qtbot, tmp_path: Path
) -> None:
    path = make_book(tmp_path)
    open_book(qtbot, window, path)
    with BookStore.open(path) as store:
        takes_before = sum(len(r.state.takes) for c in store.chapters() for r in store.rows(c.id))
    window.editor.select_span(ONE.index("会议"), ONE.index("会议"))  # the cursor in sentence 2
    dialog = open_rules(qtbot, window)
    dialog.find_edit.setText("行长")
    dialog.replace_edit.setText("航长")
    dialog.listen_button.click()
    question = window.findChild(QMessageBox, "ruleTrialQuestion")
    qtbot.waitUntil(lambda: question is not None and question.isVisible(), timeout=5000)
    assert isinstance(question, QMessageBox)
    sent = "他说航长的会议改到明天。"
    assert sent in question.informativeText()
    send = question.findChild(QPushButton, "sendTrialButton")
    assert send is not None and "Send" in send.text()
    assert question.defaultButton() is not send  # Cancel is the default
    assert not [e for e in server.requests_log() if e["path"] == CREATE_PATH]
    send.click()
    qtbot.waitUntil(lambda: window.book.rules.trial is not None, timeout=5000)
    trial = window.book.rules.trial
    assert trial is not None
    qtbot.waitUntil(trial.done, timeout=30000)
    job = trial.result()
    assert job is not None and job.audio_path is not None
    assert window.player.path() == job.audio_path
    creates = [
        e for e in server.requests_log() if e["method"] == "POST" and e["path"] == CREATE_PATH
    ]
    assert len(creates) == 1
    body = json.dumps(creates[0], ensure_ascii=False)
    assert sent in body and "行长" not in body
    charges = [
        e for e in server.ledger() if e["kind"] == "charge" and e["item"] == "sound-cloning-audio"
    ]
    assert [int(str(e["chars"])) for e in charges] == [analyze(sent).billable_chars]
    assert window.book.store.book.rules == ()  # type: ignore[union-attr]  tried, not saved
    with BookStore.open(path) as store:
        takes_after = sum(len(r.state.takes) for c in store.chapters() for r in store.rows(c.id))
    assert takes_after == takes_before
